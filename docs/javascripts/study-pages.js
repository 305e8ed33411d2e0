/*
 * 학습 현황과 모의고사의 순수 로직 (no DOM), for docs/study/: progress summaries per section and page and
 * the 오답 노트 list; the mock exam's seed, its draw (without repeats, spread over the nav sections), its
 * score, and its timer's arithmetic; the Korean sentences they produce. Loaded by the two study pages only
 * (a topic page needs none of it); `window.StudyPages` in the browser, `module.exports` under Node
 * (`node --test tests/js/`). Deterministic: randomness and time come in as
 * arguments; the draw's generator is seeded from the URL.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    return void (module.exports = factory(function () { return require("./study-core.js"); }));
  }
  root.StudyPages = factory(function () { return root.StudyCore; });
  root.document.dispatchEvent(new Event("study:ready")); // the page scripts wait for it (study-quiz.js)
})(this, function (core) {
  "use strict";

  // `core()` is study-core.js, looked up when a count is made: after instant navigation Material runs a
  // page's scripts in the order they arrive, so this file must not need it to load first.

  var EXAM_SIZES = [10, 20, 65];
  var EXAM_DEFAULT = 20;
  var MINUTES_PER_QUESTION = 2; // SAA-C03: 65 questions in 130 minutes
  var MILESTONES = [30, 10, 5, 1]; // minutes left that the timer says aloud

  // --- study/questions.json ---------------------------------------------------------------------------

  /** Checks study/questions.json's shape and gives each question its page's section and title; throws on
   *  anything else. */
  function prepare(data) {
    if (!data || data.version !== 1 || !Array.isArray(data.pages) || !Array.isArray(data.questions)) {
      throw new Error("unexpected study/questions.json");
    }
    var section = {}, title = {};
    data.pages.forEach(function (p) { section[p.page] = p.section; title[p.page] = p.title; });
    data.questions.forEach(function (q) { q.section = section[q.page]; q.title = title[q.page]; });
    return data;
  }

  /** The questions from `url`, fetched (with `fetchImpl`) once per `cache` (the tab): a promise of
   *  `prepare`d data; a failure is not cached, so the next visit tries again. */
  function questions(fetchImpl, url, cache) {
    if (!cache.questions) {
      cache.questions = fetchImpl(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(prepare)
        .catch(function (error) {
          cache.questions = null;
          throw error;
        });
    }
    return cache.questions;
  }

  // --- 학습 현황 -----------------------------------------------------------------------------------------

  /**
   * Per section and page, in the given order: pages [{page, title, section}], questions [{id, page,
   * answer}] → {total, answered, right, sections: [{name, total, answered, right, pages: [{page, title,
   * total, answered, right}]}]}.
   */
  function summarize(pages, questions, progress) {
    var byPage = {};
    questions.forEach(function (q) { (byPage[q.page] = byPage[q.page] || []).push(q); });
    var sections = [], index = {};
    pages.forEach(function (p) {
      var c = core().count(byPage[p.page] || [], progress);
      var section = index[p.section];
      if (!section) {
        section = index[p.section] = { name: p.section, total: 0, answered: 0, right: 0, pages: [] };
        sections.push(section);
      }
      section.pages.push({ page: p.page, title: p.title, total: c.total, answered: c.answered, right: c.right });
      section.total += c.total;
      section.answered += c.answered;
      section.right += c.right;
    });
    var all = core().count(questions, progress);
    return { total: all.total, answered: all.answered, right: all.right, sections: sections };
  }

  /** The questions whose latest answer is wrong, in the given order (오답 노트). */
  function wrong(questions, progress) {
    return questions.filter(function (q) { return core().status(q, progress) === "wrong"; });
  }

  function percent(part, whole) {
    return whole ? Math.round((part / whole) * 100) : 0;
  }

  /** The 학습 현황 page's total line. */
  function totalText(c) {
    if (!c.answered) return "전체 " + c.total + "문제 중 아직 푼 문제가 없습니다.";
    return "전체 " + c.total + "문제 중 " + c.answered + "문제를 풀었고 " + c.right + "문제를 맞혔습니다" +
      "(푼 문제의 " + percent(c.right, c.answered) + "%).";
  }

  // --- the mock exam: seed, draw, score ---------------------------------------------------------------

  var NOT_IN_SEED = /[^0-9A-Za-z_-]/g, SEED_LENGTH = 32;

  /** What keeps `seed`, as written, from being a set number: "characters", "length" or null. */
  function seedProblem(seed) {
    var text = String(seed);
    return text.replace(NOT_IN_SEED, "") !== text ? "characters" : text.length > SEED_LENGTH ? "length" : null;
  }

  // The characters of a new seed: digits and lower-case letters but those a reader copying it by hand takes for
  // another (0 o, 1 l i), in the page's code font as on paper.
  var SEED_CHARACTERS = "23456789abcdefghjkmnpqrstuvwxyz";

  /** A new seed (6 of SEED_CHARACTERS) from a 32-bit random integer. */
  function newSeed(random32) {
    var n = random32 >>> 0, s = "";
    for (var i = 0; i < 6; i++) {
      s += SEED_CHARACTERS[n % SEED_CHARACTERS.length];
      n = Math.floor(n / SEED_CHARACTERS.length);
    }
    return s;
  }

  /** A 32-bit hash of a string (FNV-1a), for seeding. */
  function hash32(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /** A seeded pseudo-random generator (mulberry32): a function returning [0, 1). */
  function random(seed) {
    var a = hash32(String(seed));
    return function () {
      a = (a + 0x6d2b79f5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** A shuffled copy (Fisher-Yates) of `items` with the generator `rand`. */
  function shuffle(items, rand) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }

  /**
   * `n` questions drawn without repeats from `questions` ({id, section, …}), reproducibly from `seed`:
   * first one from each section (sections in a seeded order) so the set spans as many sections as it
   * can — N=10 from 11 sections covers 10 — then the rest at random from all that is left (each
   * section in proportion to its questions), and the whole set in a seeded order.
   */
  function draw(questions, n, seed) {
    var rand = random(seed);
    var sections = [], groups = {};
    questions.forEach(function (q) {
      if (!groups[q.section]) {
        groups[q.section] = [];
        sections.push(q.section);
      }
      groups[q.section].push(q);
    });
    var picked = [], taken = {};
    shuffle(sections, rand).forEach(function (name) {
      if (picked.length >= n) return;
      var q = shuffle(groups[name], rand)[0];
      picked.push(q);
      taken[q.id] = true;
    });
    var rest = shuffle(questions.filter(function (q) { return !taken[q.id]; }), rand);
    picked = picked.concat(rest.slice(0, Math.max(0, n - picked.length)));
    return shuffle(picked, rand);
  }

  /** The exam's settings from a URL query (`?n=20&seed=abc&mode=list&timer=1`), defaults filled in; the seed as
   *  written but for what `visible` drops (the form drops it too), so that one the URL cannot carry is said
   *  rather than silently made another set (study-exam.js). */
  function examParams(search) {
    var params = queryValues(search), n = parseInt(visible(params.n), 10);
    return {
      n: EXAM_SIZES.indexOf(n) >= 0 ? n : EXAM_DEFAULT,
      seed: visible(params.seed),  // as the form reads it
      mode: visible(params.mode) === "list" ? "list" : "one",
      timer: visible(params.timer) === "1"
    };
  }

  // Control, zero-width and direction marks: invisible in a link or a pasted value, never part of what it says.
  var MARKS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

  /** A value from the address or the form as the exam reads it: without invisible marks and the spaces around it,
   *  full-width forms (a Korean IME's full-width mode: １２３) as ASCII; anything else as written (① stays ①). */
  function visible(text) {
    return String(text === null || text === undefined ? "" : text).replace(MARKS, "")
      .replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/\u3000/g, " ").trim();
  }

  /** The URL's question count, display mode and time limit where the exam does not offer them (examParams took
   *  the default instead): { n, mode, timer }, each as written but for what `visible` drops, cut to 12 characters
   *  for the sentence that says so; "" when there is none or it is offered (timer: 1 on, 0 off). */
  function unoffered(search) {
    var values = queryValues(search), n = visible(values.n), mode = visible(values.mode), timer = visible(values.timer);
    var said = function (text) {
      var chars = Array.from(text);  // whole characters, not UTF-16 halves
      return chars.length > 12 ? chars.slice(0, 12).join("") + "…" : text;
    };
    return { n: n && EXAM_SIZES.indexOf(parseInt(n, 10)) < 0 ? said(n) : "",
             mode: mode && mode !== "one" && mode !== "list" ? said(mode) : "",
             timer: timer && timer !== "1" && timer !== "0" ? said(timer) : "" };
  }

  function queryValues(search) {
    var values = {};
    String(search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("=");
      var key = decodeURIComponentSafe(at < 0 ? pair : pair.slice(0, at));
      values[key] = decodeURIComponentSafe(at < 0 ? "" : pair.slice(at + 1).replace(/\+/g, " "));
    });
    return values;
  }

  function decodeURIComponentSafe(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;  // not percent-encoding: as written
    }
  }

  // What study-exam.js keeps for the tab (sessionStorage), read back safely: an exam in progress or handed in.

  /** The stored text as {v: 1, params, answers, …} with valid settings, or null (never throws). */
  function kept(text) {
    var s;
    try {
      s = JSON.parse(text);
    } catch (e) {
      return null;
    }
    var p = s && s.params;
    if (!p || s.v !== 1 || EXAM_SIZES.indexOf(p.n) < 0 || typeof p.seed !== "string" || !p.seed ||
        seedProblem(p.seed) !== null || (p.mode !== "one" && p.mode !== "list") || typeof p.timer !== "boolean" ||
        !s.answers || typeof s.answers !== "object") return null;
    return s;
  }

  /** {question id: choice} of `s.answers`, without anything else. */
  function keptAnswers(s, choices) {
    var answers = {};
    Object.keys(s.answers).forEach(function (id) {
      var c = s.answers[id];
      if (Number.isInteger(c) && c >= 1 && c <= choices) answers[id] = c;
    });
    return answers;
  }

  function keptParams(p) {
    return { n: p.n, seed: p.seed, mode: p.mode, timer: p.timer };
  }

  /** An exam in progress: {params, answers: {question id: choice}, index, deadline (null without the timer)};
   *  null for anything else, a deadline further from `now` than the whole exam's time included. */
  function sitting(text, choices, now) {
    var s = kept(text), p = s && s.params;
    if (!s || !Number.isInteger(s.index) || s.index < 0 || s.index >= p.n ||
        (p.timer ? !(typeof s.deadline === "number" && isFinite(s.deadline) && s.deadline - now <= examMinutes(p.n) * 60000)
                 : s.deadline !== null)) return null;
    return { params: keptParams(p), answers: keptAnswers(s, choices), index: s.index, deadline: s.deadline };
  }

  /** An exam handed in, enough to show its result again: {params, ids (its questions in order), answers,
   *  timeUp}; null for anything else. */
  function handedIn(text, choices) {
    var s = kept(text);
    if (!s || !Array.isArray(s.ids) || !s.ids.length || s.ids.length > s.params.n || typeof s.timeUp !== "boolean" ||
        !s.ids.every(function (id, i) { return typeof id === "string" && s.ids.indexOf(id) === i; })) return null;
    return { params: keptParams(s.params), ids: s.ids, answers: keptAnswers(s, choices), timeUp: s.timeUp };
  }

  function examQuery(p) {
    return "?n=" + p.n + "&seed=" + encodeURIComponent(p.seed) + "&mode=" + p.mode + (p.timer ? "&timer=1" : "");
  }

  /**
   * The result of an exam: `drawn` questions ({id, section, answer}), `answers` {id: choice} →
   * {total, right, answered, percent, sections: [{name, total, right, percent}] (in the order sections
   * first appear in `order`, or in `drawn`), misses: [{question, choice (null: not answered)}] in the
   * exam's order}.
   */
  function score(drawn, answers, order) {
    var sections = [], index = {};
    (order || drawn.map(function (q) { return q.section; })).forEach(function (name) {
      if (!index[name]) sections.push(index[name] = { name: name, total: 0, right: 0, percent: 0 });
    });
    var right = 0, answered = 0, misses = [];
    drawn.forEach(function (q) {
      var choice = answers[q.id] || null;
      var section = index[q.section] || (index[q.section] = { name: q.section, total: 0, right: 0, percent: 0 });
      if (sections.indexOf(section) < 0) sections.push(section);
      section.total += 1;
      if (choice) answered += 1;
      if (choice === q.answer) {
        right += 1;
        section.right += 1;
      } else {
        misses.push({ question: q, choice: choice });
      }
    });
    sections = sections.filter(function (s) { return s.total > 0; });
    sections.forEach(function (s) { s.percent = percent(s.right, s.total); });
    return { total: drawn.length, right: right, answered: answered, percent: percent(right, drawn.length),
             sections: sections, misses: misses };
  }

  function scoreText(result) {
    var text = result.total + "문제 중 " + result.right + "문제를 맞혔습니다(" + result.percent + "%).";
    var skipped = result.total - result.answered;
    if (skipped) text += " 답하지 않은 문제가 " + skipped + "개 있습니다.";
    return text;
  }

  // --- the exam's timer ---------------------------------------------------------------------------------

  function examMinutes(n) {
    return n * MINUTES_PER_QUESTION;
  }

  /** Milliseconds left at `now` before `deadline` (never below 0). */
  function remaining(deadline, now) {
    return Math.max(0, deadline - now);
  }

  /** "39:05" or "1:09:05": whole seconds left, rounded up (0 only when time is up). */
  function clock(ms) {
    var s = Math.ceil(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var two = function (v) { return (v < 10 ? "0" : "") + v; };
    return h ? h + ":" + two(m) + ":" + two(sec) : two(m) + ":" + two(sec);
  }

  /** "1시간 10분", "18분 51초", "30초": a duration as words, to the second as `clock` shows it (screen readers, labels). */
  function duration(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var parts = [[Math.floor(s / 3600), "시간"], [Math.floor(s % 3600 / 60), "분"], [s % 60, "초"]].filter(function (p) {
      return p[0];
    }).map(function (p) { return p[0] + p[1]; });
    return parts.join(" ") || "0초";
  }

  /** The milestone (minutes left) crossed between two readings of the time left, or null: the timer says
   *  "남은 시간이 5분입니다." once at each, and nothing in between. */
  function milestone(beforeMs, nowMs) {
    for (var i = 0; i < MILESTONES.length; i++) {
      var at = MILESTONES[i] * 60000;
      if (beforeMs > at && nowMs <= at) return MILESTONES[i];
    }
    return null;
  }

  return {
    EXAM_SIZES: EXAM_SIZES, EXAM_DEFAULT: EXAM_DEFAULT, MINUTES_PER_QUESTION: MINUTES_PER_QUESTION,
    questions: questions, summarize: summarize, wrong: wrong, totalText: totalText,
    seedProblem: seedProblem, newSeed: newSeed, random: random, shuffle: shuffle,
    draw: draw, visible: visible, examParams: examParams, unoffered: unoffered, sitting: sitting, handedIn: handedIn, examQuery: examQuery,
    score: score, scoreText: scoreText,
    examMinutes: examMinutes, remaining: remaining, clock: clock, duration: duration, milestone: milestone
  };
});
