/*
 * 학습 모드, pure logic every page with questions needs (no DOM): the stored answers (one localStorage key
 * of our own, validated; broken or unavailable storage never throws), counts and the Korean sentences.
 * `window.StudyCore` for study-quiz.js, `module.exports` for `node --test tests/js/`. Format and rules:
 * README "학습 모드".
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) return void (module.exports = api);
  root.StudyCore = api;
  // the page scripts wait for it (study-quiz.js)
  root.document.dispatchEvent(new Event("study:ready"));
})(this, function () {
  "use strict";

  var KEY = "aws-study-notes.progress.v1";
  var VERSION = 1;
  var ID = /^[a-z0-9][a-z0-9\-\/]*:[0-9a-f]{8}$/;
  // every question has four (hooks/study.py stops the build otherwise)
  var CHOICES = 4;

  // --- stored answers ------------------------------------------------------------------------------

  function empty() {
    return { v: VERSION, answers: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function validEntry(id, entry) {
    return ID.test(id) && isObject(entry) && Number.isInteger(entry.c) && entry.c >= 1 && entry.c <= CHOICES &&
      typeof entry.t === "number" && isFinite(entry.t) && entry.t >= 0;
  }

  /** Stored text → {progress, problem}: problem is null, "garbage" (unreadable; start afresh), "partial" (some
   *  answers unreadable and skipped, the rest kept) or "newer" (a later version's data: read nothing, overwrite
   *  nothing). Never throws. */
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
    var kept = Object.keys(progress.answers).length;
    return { progress: progress, problem: bad ? (kept ? "partial" : "garbage") : null };
  }

  function serialize(progress) {
    return JSON.stringify({ v: VERSION, answers: progress.answers });
  }

  /** A copy of `progress` with `choice` as the answer to `id` at time `now`. */
  function record(progress, id, choice, now) {
    var answers = Object.assign({}, progress.answers);
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

  // problems that go with the stored record
  var OF_THE_RECORD = { garbage: true, partial: true, newer: true };

  /**
   * The answers in a Storage-like object (localStorage), behind a wall that never throws:
   * `getStorage` returns the storage or throws (disabled, private mode). `load()` reads;
   * `save(progress)` writes and says whether it could; `clear()` removes the record, even one this version
   * cannot read (the learner asked); `problem` is null or the first trouble met: "unavailable", "garbage",
   * "partial", "newer" or "full" (quota exceeded or any failed write); `unreadable`: the record as last read
   * could not be read at all ("garbage" or "newer").
   */
  function createStore(getStorage) {
    var storage = null, problem = null, readonly = false, unreadable = false;
    try {
      storage = getStorage();
      if (!storage || typeof storage.getItem !== "function") throw new Error("no storage");
    } catch (e) {
      storage = null;
      problem = "unavailable";
    }
    return {
      get problem() { return problem; },
      get unreadable() { return unreadable; },
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
        unreadable = read.problem === "garbage" || read.problem === "newer";
        return read.progress;
      },
      save: function (progress) {
        if (!storage || readonly) return false;
        try {
          storage.setItem(KEY, serialize(progress));
          return true;
        } catch (e) {
          problem = problem === "garbage" || problem === "partial" || !problem ? "full" : problem;
          return false;
        }
      },
      clear: function () {
        if (!storage) return false;
        try {
          storage.removeItem(KEY);
        } catch (e) {
          problem = problem || "unavailable";
          return false;
        }
        readonly = unreadable = false;
        if (OF_THE_RECORD[problem]) problem = null;
        return true;
      }
    };
  }

  /** What the learner is told, once, when answers cannot be kept (합쇼체). */
  var NOTICES = {
    unavailable: "이 브라우저에서는 학습 기록을 저장할 수 없습니다. 개인 정보 보호 모드이거나 사이트 데이터 저장이 " +
      "꺼져 있을 수 있습니다. 문제는 풀 수 있지만 페이지를 다시 열면 답이 남지 않습니다. 기록을 남기려면 일반 창에서 " +
      "열거나 이 사이트의 데이터 저장을 허용하십시오.",
    full: "브라우저 저장 공간이 부족해 학습 기록을 저장하지 못했습니다. 문제는 계속 풀 수 있지만 답이 남지 않습니다. " +
      "브라우저에서 다른 사이트의 데이터를 지워 공간을 확보하면 다음 답부터 다시 저장합니다.",
    garbage: "저장된 학습 기록을 읽을 수 없습니다. 이전 버전의 기록이거나 손상된 기록입니다. 다음에 푸는 답부터 새 기록에 " +
      "저장하며, 그때 읽을 수 없는 기록은 지워집니다.",
    replaced: "저장된 학습 기록을 읽을 수 없어(이전 버전의 기록이거나 손상된 기록) 지우고, 새 기록에 답을 저장했습니다.",
    partial: "저장된 학습 기록 가운데 손상된 답은 읽을 수 없어 건너뛰었습니다. 나머지 기록은 그대로입니다.",
    newer: "이 브라우저의 학습 기록은 더 새로운 버전의 사이트가 저장한 것이라 읽을 수 없습니다. " +
      "그 기록을 지키기 위해 이 브라우저에서 푸는 답은 저장하지 않습니다. 학습 현황의 '학습 기록 모두 지우기'로 그 기록을 지우면 " +
      "답을 다시 저장합니다."
  };

  function notice(problem) {
    return NOTICES[problem] || null;
  }

  // --- answers and counts ---------------------------------------------------------------------------

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

  /** The line under a topic page's 확인 문제 heading. */
  function pageCountText(c) {
    if (!c.answered) return "이 페이지의 " + c.total + "문제 중 아직 푼 문제가 없습니다.";
    return "이 페이지의 " + c.total + "문제 중 " + c.answered + "문제를 풀었고 " + c.right + "문제를 맞혔습니다.";
  }

  /** What the live region of a question says right after it is answered. */
  function feedbackText(choice, answer) {
    return choice === answer ? "정답입니다." : "오답입니다. 정답은 " + answer + "번입니다.";
  }

  return {
    KEY: KEY, CHOICES: CHOICES, OF_THE_RECORD: OF_THE_RECORD,
    empty: empty, parse: parse, serialize: serialize, record: record, forget: forget,
    createStore: createStore, notice: notice, status: status, count: count,
    pageCountText: pageCountText, feedbackText: feedbackText
  };
});
