/*
 * 학습 모드의 순수 로직 (no DOM): stored answers, progress summaries, the mock exam's seeded draw, its
 * score and timer, and the Korean sentences they produce. The page scripts (study-quiz.js,
 * study-progress.js, study-exam.js) load after this file and use `window.StudyCore`; the tests load it
 * with Node (`node --test tests/js/`), where it is `module.exports`. Every function is deterministic:
 * time, randomness and storage come in as arguments.
 *
 * Stored answers: one localStorage key of our own, KEY (never Material's `__md_*` keys), holding
 * {"v": 1, "answers": {"<page>:<hash>": {"c": <choice 1-4>, "t": <ms since epoch>}}}. The latest answer
 * to a question wins; right or wrong is decided against the current answer key (the question's
 * `data-answer`, or study/questions.json), so a corrected answer key corrects the counts. What is read is
 * validated: anything else (not JSON, another shape, bad entries: an older version or a hand edit) is
 * reported as "garbage" and replaced on the next save; a higher version is "newer" and never overwritten.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.StudyCore = api;
})(this, function () {
  "use strict";

  var KEY = "aws-study-notes.progress.v1";
  var VERSION = 1;
  var ID = /^[a-z0-9][a-z0-9\-\/]*:[0-9a-f]{8}$/;
  var EXAM_SIZES = [10, 20, 65];
  var EXAM_DEFAULT = 20;
  var MINUTES_PER_QUESTION = 2; // SAA-C03: 65 questions in 130 minutes
  var MILESTONES = [30, 10, 5, 1]; // minutes left that the timer says aloud

  // --- stored answers ------------------------------------------------------------------------------

  function empty() {
    return { v: VERSION, answers: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function validEntry(id, entry) {
    return ID.test(id) && isObject(entry) && Number.isInteger(entry.c) && entry.c >= 1 && entry.c <= 9 &&
      typeof entry.t === "number" && isFinite(entry.t) && entry.t >= 0;
  }

  /** Stored text → {progress, problem}: problem is null, "garbage" (unreadable; start afresh) or "newer"
   *  (a later version's data: read nothing, overwrite nothing). Never throws. */
  function parse(text) {
    if (text === null || text === undefined) return { progress: empty(), problem: null };
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { progress: empty(), problem: "garbage" };
    }
    if (!isObject(data)) return { progress: empty(), problem: "garbage" };
    if (typeof data.v === "number" && data.v > VERSION) return { progress: empty(), problem: "newer" };
    if (data.v !== VERSION || !isObject(data.answers)) return { progress: empty(), problem: "garbage" };
    var progress = empty(), bad = false;
    Object.keys(data.answers).forEach(function (id) {
      var entry = data.answers[id];
      if (validEntry(id, entry)) progress.answers[id] = { c: entry.c, t: entry.t };
      else bad = true;
    });
    return { progress: progress, problem: bad ? "garbage" : null };
  }

  function serialize(progress) {
    return JSON.stringify({ v: VERSION, answers: progress.answers });
  }

  /** A copy of `progress` with `choice` as the answer to `id` at time `now`. */
  function record(progress, id, choice, now) {
    var answers = {};
    Object.keys(progress.answers).forEach(function (k) { answers[k] = progress.answers[k]; });
    answers[id] = { c: choice, t: now };
    return { v: VERSION, answers: answers };
  }

  /** A copy of `progress` without the answers to `ids`. */
  function forget(progress, ids) {
    var answers = {};
    Object.keys(progress.answers).forEach(function (k) {
      if (ids.indexOf(k) < 0) answers[k] = progress.answers[k];
    });
    return { v: VERSION, answers: answers };
  }

  /**
   * The answers in a Storage-like object (localStorage), behind a wall that never throws:
   * `getStorage` returns the storage or throws (disabled, private mode). `load()` reads;
   * `save(progress)` writes and says whether it could; `problem` is null or the first trouble met:
   * "unavailable", "garbage", "newer" or "full" (quota exceeded or any failed write).
   */
  function createStore(getStorage) {
    var storage = null, problem = null, readonly = false;
    try {
      storage = getStorage();
      if (!storage || typeof storage.getItem !== "function") throw new Error("no storage");
    } catch (e) {
      storage = null;
      problem = "unavailable";
    }
    var store = {
      get problem() { return problem; },
      load: function () {
        if (!storage) return empty();
        var text;
        try {
          text = storage.getItem(KEY);
        } catch (e) {
          problem = problem || "unavailable";
          storage = null;
          return empty();
        }
        var read = parse(text);
        if (read.problem) problem = problem || read.problem;
        if (read.problem === "newer") readonly = true;
        return read.progress;
      },
      save: function (progress) {
        if (!storage || readonly) return false;
        try {
          storage.setItem(KEY, serialize(progress));
          return true;
        } catch (e) {
          problem = problem === "garbage" || !problem ? "full" : problem;
          return false;
        }
      },
      clear: function () {
        if (!storage || readonly) return false;
        try {
          storage.removeItem(KEY);
          return true;
        } catch (e) {
          problem = problem || "unavailable";
          return false;
        }
      }
    };
    return store;
  }

  /** What the learner is told, once, when answers cannot be kept (합쇼체). */
  var NOTICES = {
    unavailable: "이 브라우저에서는 학습 기록을 저장할 수 없습니다. 개인 정보 보호 모드이거나 사이트 데이터 저장이 " +
      "꺼져 있을 수 있습니다. 문제는 풀 수 있지만 페이지를 다시 열면 답이 남지 않습니다.",
    full: "브라우저 저장 공간이 부족해 학습 기록을 저장하지 못했습니다. 문제는 계속 풀 수 있지만 답이 남지 않습니다.",
    garbage: "저장된 학습 기록을 읽을 수 없어 새 기록을 시작합니다. 이전 버전의 기록이거나 손상된 기록입니다.",
    newer: "이 브라우저의 학습 기록은 더 새로운 버전의 사이트가 저장한 것이라 읽을 수 없습니다. " +
      "그 기록을 지키기 위해 이번 답은 저장하지 않습니다."
  };

  function notice(problem) {
    return NOTICES[problem] || null;
  }

  // --- answers and summaries -------------------------------------------------------------------------

  /** "right", "wrong" or null (not answered) for question {id, answer}. */
  function status(question, progress) {
    var entry = progress.answers[question.id];
    if (!entry) return null;
    return entry.c === question.answer ? "right" : "wrong";
  }

  function count(questions, progress) {
    var result = { total: questions.length, answered: 0, right: 0 };
    questions.forEach(function (q) {
      var s = status(q, progress);
      if (s) result.answered += 1;
      if (s === "right") result.right += 1;
    });
    return result;
  }

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
      var c = count(byPage[p.page] || [], progress);
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
    var all = count(questions, progress);
    return { total: all.total, answered: all.answered, right: all.right, sections: sections };
  }

  /** The questions whose latest answer is wrong, in the given order (오답 노트). */
  function wrong(questions, progress) {
    return questions.filter(function (q) { return status(q, progress) === "wrong"; });
  }

  function percent(part, whole) {
    return whole ? Math.round((part / whole) * 100) : 0;
  }

  /** The line under a topic page's 확인 문제 heading. */
  function pageCountText(c) {
    if (!c.answered) return "이 페이지의 문제 " + c.total + "개 중 아직 푼 문제가 없습니다.";
    return "이 페이지의 문제 " + c.total + "개 중 " + c.answered + "개를 풀었고 " + c.right + "개를 맞혔습니다.";
  }

  function totalText(c) {
    if (!c.answered) return "전체 " + c.total + "문제 중 아직 푼 문제가 없습니다.";
    return "전체 " + c.total + "문제 중 " + c.answered + "문제를 풀었고 " + c.right + "문제를 맞혔습니다" +
      " (푼 문제의 " + percent(c.right, c.answered) + "%).";
  }

  /** What the live region of a question says right after it is answered. */
  function feedbackText(choice, answer) {
    return choice === answer ? "정답입니다." : "오답입니다. 정답은 " + answer + "번입니다.";
  }

  // --- the mock exam: seed, draw, score ---------------------------------------------------------------

  /** A seed as the URL may carry it: letters, digits, - and _, at most 32; "" if none is left. */
  function normalizeSeed(text) {
    return String(text === null || text === undefined ? "" : text).replace(/[^0-9A-Za-z_-]/g, "").slice(0, 32);
  }

  /** A new seed (6 base-36 characters) from a 32-bit random integer. */
  function newSeed(random32) {
    var s = (random32 >>> 0).toString(36);
    return ("000000" + s).slice(-6);
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

  /** The exam's settings from a URL query (`?n=20&seed=abc&mode=list&timer=1`), defaults filled in. */
  function examParams(search) {
    var params = {};
    String(search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("=");
      var key = decodeURIComponentSafe(at < 0 ? pair : pair.slice(0, at));
      params[key] = decodeURIComponentSafe(at < 0 ? "" : pair.slice(at + 1).replace(/\+/g, " "));
    });
    var n = parseInt(params.n, 10);
    return {
      n: EXAM_SIZES.indexOf(n) >= 0 ? n : EXAM_DEFAULT,
      seed: normalizeSeed(params.seed),
      mode: params.mode === "list" ? "list" : "one",
      timer: params.timer === "1"
    };
  }

  function decodeURIComponentSafe(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return "";
    }
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
    var text = result.total + "문제 중 " + result.right + "문제를 맞혔습니다 (" + result.percent + "%).";
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

  /** "1시간 10분", "40분", "30초": a duration as words, for screen readers and labels. */
  function duration(ms) {
    var s = Math.ceil(ms / 1000);
    if (s < 60) return s + "초";
    var m = Math.ceil(s / 60), h = Math.floor(m / 60);
    return h ? h + "시간" + (m % 60 ? " " + (m % 60) + "분" : "") : m + "분";
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
    KEY: KEY, VERSION: VERSION, EXAM_SIZES: EXAM_SIZES, EXAM_DEFAULT: EXAM_DEFAULT,
    MINUTES_PER_QUESTION: MINUTES_PER_QUESTION, MILESTONES: MILESTONES,
    empty: empty, parse: parse, serialize: serialize, record: record, forget: forget,
    createStore: createStore, notice: notice,
    status: status, count: count, summarize: summarize, wrong: wrong, percent: percent,
    pageCountText: pageCountText, totalText: totalText, feedbackText: feedbackText,
    normalizeSeed: normalizeSeed, newSeed: newSeed, hash32: hash32, random: random, shuffle: shuffle,
    draw: draw, examParams: examParams, examQuery: examQuery, score: score, scoreText: scoreText,
    examMinutes: examMinutes, remaining: remaining, clock: clock, duration: duration, milestone: milestone
  };
});
