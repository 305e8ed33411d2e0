/*
 * 학습 모드 on a topic page: each 확인 문제 (wrapped by hooks/study.py) becomes a fieldset of radio buttons
 * that answers at once (live region, explanation opened); answers stay in localStorage (study-core.js).
 * Also `window.StudyQuiz` for the study pages. How it works, what it relies on: README "학습 모드".
 * Why not mkdocs-quiz: README "학습 모드" (its own question syntax instead of the site's format, its
 * script inlined into every quiz page, no print handling, no mock exam).
 */
(function (script) {
  "use strict";

  // After instant navigation Material puts all of a page's scripts back at once, and each runs when it
  // arrives: this one starts once the files it needs have run (each says so with a "study:ready" event).
  (function start() {
    if (!window.StudyCore) {
      return document.addEventListener("study:ready", start, { once: true });
    }
    var core = window.StudyCore;
    // lives as long as the tab: notice, memory
    var shared = window.awsStudy || (window.awsStudy = {});
    // javascripts/ → site root
    var root = new URL("../", script && script.src ? script.src : location.href).href;
    var store = core.createStore(function () { return window.localStorage; });

    // --- helpers ----------------------------------------------------------------------------------------

    function el(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (name) {
        if (name === "text") node.textContent = attrs[name];
        else if (name === "html") node.innerHTML = attrs[name];
        else if (attrs[name] !== null && attrs[name] !== undefined && attrs[name] !== false) {
          node.setAttribute(name, attrs[name] === true ? "" : attrs[name]);
        }
      });
      (children || []).forEach(function (child) {
        if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      });
      return node;
    }

    function url(path) {
      return new URL(path, root).href;
    }

    /** Put `text` in the live region `region`, which is emptied first and filled a moment later, so that
     *  screen readers announce it, even when the text repeats. */
    function say(region, text) {
      region.textContent = "";
      setTimeout(function () { region.textContent = text; }, 0);
    }

    /** Links in HTML from study/questions.json are relative to the site root: make them absolute. */
    function absolutize(container) {
      container.querySelectorAll("a[href]").forEach(function (link) {
        var href = link.getAttribute("href");
        if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) link.setAttribute("href", url(href));
      });
      return container;
    }

    // --- stored answers -------------------------------------------------------------------------------------

    /** The answers: from storage, or from this tab's memory once storage has failed to keep them. */
    function load() {
      var progress = store.load();
      return shared.unsaved && shared.memory ? shared.memory : progress;
    }

    /** Tell the learner, once per tab and problem, what is wrong with storage (after `anchor`): a damaged record
     *  said on opening does not silence a failed save later. */
    function notify(anchor) {
      var text = core.notice(store.problem);
      if (!text || shared.noticed === store.problem || !anchor) return;
      shared.noticed = store.problem;
      var box = el("p", { "class": "study-notice", role: "status",
                          // goes when it is cleared
                          "data-study-record": core.OF_THE_RECORD[store.problem] || null });
      anchor.parentNode.insertBefore(box, anchor.nextSibling);
      say(box, text);
    }

    /** Keep `progress`, at once; a notice after `anchor` if storage could not keep it. The first answer kept over
     *  an unreadable record has replaced it: what was said of that record (that it would be) now says it was. */
    function save(progress, anchor) {
      shared.memory = progress;
      shared.unsaved = !store.save(progress);
      if (shared.unsaved) notify(anchor);
      else if (store.problem === "garbage" && !shared.replaced) {
        shared.replaced = true;
        document.querySelectorAll(".study-notice[data-study-record]").forEach(function (n) { say(n, core.notice("replaced")); });
      }
    }

    /** Forget every answer, with what was said of the stored record; false (and a notice after `anchor`) if the
     *  record could not be removed. */
    function clearAll(anchor) {
      shared.memory = core.empty();
      shared.unsaved = !store.clear();
      if (shared.unsaved) notify(anchor);
      else document.querySelectorAll(".study-notice[data-study-record]").forEach(function (n) { n.remove(); });
      return !shared.unsaved;
    }

    /** Whether the stored record, as last loaded, is one this version cannot read (newer or damaged). */
    function unreadable() {
      return store.unreadable;
    }

    var confirms = 0;

    /** Clearing in two steps: `start` (a click on it, or the group's `open()` when `manual`) shows a group with
     *  what `ask()` says ({text, any}: nothing to clear leaves only 취소) and the buttons `yesText` and 취소; `yes`
     *  runs `onYes`. Focus goes to 취소 (an Enter or Space pressed once too often must not wipe answers that cannot
     *  come back) and then back to `start`, unless `onYes` put it elsewhere. Returns the group, to place after
     *  `start`. */
    function confirmStep(start, yesText, ask, onYes, manual) {
      var id = "study-confirm-" + (++confirms);
      var question = el("p", { id: id });
      var yes = el("button", { type: "button", "class": "quiz__retry quiz__retry--danger", text: yesText });
      var no = el("button", { type: "button", "class": "quiz__retry", text: "취소" });
      var box = el("div", { "class": "study-confirm", hidden: true, tabindex: "-1", role: "group",
                            "aria-labelledby": id }, [question, el("p", {}, [yes, " ", no])]);
      box.open = function () {
        var asked = ask();
        question.textContent = asked.text;
        yes.hidden = !asked.any;
        box.hidden = false;
        no.focus();
      };
      if (!manual) start.addEventListener("click", box.open);
      no.addEventListener("click", function () {
        box.hidden = true;
        start.focus();
      });
      yes.addEventListener("click", function () {
        box.hidden = true;
        onYes();
        var now = document.activeElement;
        if (!now || now === document.body || now === yes) start.focus();
      });
      return box;
    }

    // --- the question widget ----------------------------------------------------------------------------

    var MARKS = {
      right: { icon: "✓", text: "정답" },
      mine: { icon: "✗", text: "내 답 (오답)" },
      mineRight: { icon: "✓", text: "내 답 (정답)" }
    };

    /**
     * Make one wrapped question answerable. `options.onAnswer(id, choice)` is told of each answer (the page
     * updates its counts); `options.progress` holds the answers to show. 다시 풀기 clears the question on
     * screen only: the stored answer stays (in the counts and the 오답 노트) until a new one replaces it.
     * Returns the question's {id, clear}, or null.
     */
    function enhance(wrapper, options) {
      var id = wrapper.getAttribute("data-quiz");
      var key = parseInt(wrapper.getAttribute("data-answer"), 10);
      var text = wrapper.querySelector(":scope > p");
      var list = wrapper.querySelector(":scope > ol");
      var box = wrapper.querySelector(":scope > details");
      if (!id || !key || !text || !list || !box) return null;
      var name = (wrapper.id || "q-" + id.split(":")[1]) + "-choice";
      text.id = text.id || name.replace(/-choice$/, "-text");

      var status = el("p", { "class": "quiz__status", role: "status" });
      var retry = el("button", { type: "button", "class": "quiz__retry", hidden: true, text: "다시 풀기" });
      var fieldset = el("fieldset", { "class": "quiz__form", "aria-labelledby": text.id });
      var radios = [], marks = [];
      Array.prototype.forEach.call(list.children, function (item, i) {
        var radio = el("input", { type: "radio", name: name, value: String(i + 1) });
        var mark = el("span", { "class": "quiz__mark" });
        var label = el("label", { "class": "quiz__choice" }, [
          radio,
          el("span", { "class": "quiz__number", text: i + 1 + "." }),
          el("span", { "class": "quiz__text", html: item.innerHTML }),
          mark
        ]);
        radios.push(radio);
        marks.push(mark);
        fieldset.appendChild(label);
      });
      fieldset.appendChild(status);
      fieldset.appendChild(retry);
      list.parentNode.insertBefore(fieldset, list.nextSibling);
      wrapper.classList.add("quiz--ready");

      var chosen = null;

      function show(choice, announce) {
        chosen = choice;
        var right = choice === key;
        radios.forEach(function (radio, i) {
          var n = i + 1;
          radio.checked = n === choice;
          radio.disabled = n !== choice;
          var mark = n === choice ? (right ? MARKS.mineRight : MARKS.mine) : n === key ? MARKS.right : null;
          marks[i].textContent = "";
          if (mark) marks[i].append(el("span", { "aria-hidden": "true", "class": "quiz__icon", text: mark.icon }), mark.text);
          radio.parentNode.classList.toggle("quiz__choice--right", n === key);
          radio.parentNode.classList.toggle("quiz__choice--chosen", n === choice);
        });
        wrapper.classList.toggle("quiz--right", right);
        wrapper.classList.toggle("quiz--wrong", !right);
        var feedback = core.feedbackText(choice, key);
        if (announce) say(status, feedback);
        else status.textContent = feedback;
        status.setAttribute("data-result", right ? "right" : "wrong");
        retry.hidden = false;
        box.open = true;
      }

      function clear() {
        chosen = null;
        radios.forEach(function (radio, i) {
          radio.checked = false;
          radio.disabled = false;
          marks[i].textContent = "";
          radio.parentNode.classList.remove("quiz__choice--right", "quiz__choice--chosen");
        });
        wrapper.classList.remove("quiz--right", "quiz--wrong");
        status.textContent = "";
        status.removeAttribute("data-result");
        retry.hidden = true;
        box.open = false;
      }

      function choose(choice) {
        if (chosen !== null || !(choice >= 1 && choice <= radios.length)) return;
        show(choice, true);
        save(core.record(load(), id, choice, Date.now()), fieldset);
        options.onAnswer(id, choice);
      }

      // Arrow keys move between choices (and check them, as radio buttons do) without answering: the click
      // and change an arrow key causes come between its keydown and keyup. A click answers, also on a choice
      // an arrow key checked (which fires no change).
      var moving = false;
      fieldset.addEventListener("keydown", function (event) {
        if (event.target.type !== "radio") return;
        if (/^Arrow/.test(event.key)) {
          moving = true;
        } else if ((event.key === " " || event.key === "Enter") && chosen === null) {
          if (event.key === "Enter" || event.target.checked) {
            event.preventDefault();
            event.target.checked = true;
            choose(parseInt(event.target.value, 10));
          }
        }
      });
      fieldset.addEventListener("keyup", function () { moving = false; });
      fieldset.addEventListener("pointerdown", function () { moving = false; });
      fieldset.addEventListener("click", function (event) {
        if (event.target.type === "radio" && !moving) choose(parseInt(event.target.value, 10));
      });
      retry.addEventListener("click", function () {
        clear();
        radios[0].focus();
      });

      var stored = options.progress.answers[id];
      // a choice the question still has
      if (stored && stored.c <= radios.length) show(stored.c, false);
      return { id: id, clear: clear };
    }

    /** A study page's `app` says `waiting` until study/questions.json (study-pages.js) is here, then
     *  `then(data)` fills it, unless the reader has moved on; it says so if the questions cannot come, and
     *  calls `failed()` if given. */
    function questions(app, waiting, then, failed) {
      app.setAttribute("aria-busy", "true");
      app.replaceChildren(el("p", { text: waiting }));
      window.StudyPages.questions(fetch, url("study/questions.json"), shared).then(function (data) {
        // the reader has moved on
        if (!document.body.contains(app)) return;
        app.removeAttribute("aria-busy");
        then(data);
      }, function () {
        app.removeAttribute("aria-busy");
        app.replaceChildren(el("p", { "class": "study-notice", role: "status",
                                      text: "문제 목록을 불러오지 못했습니다. 페이지를 새로 고쳐 보십시오." }));
        if (failed) failed();
      });
    }

    window.StudyQuiz = {
      url: url, shared: shared, load: load, save: save, clearAll: clearAll, unreadable: unreadable, notify: notify,
      say: say, confirmStep: confirmStep, enhance: enhance, absolutize: absolutize, el: el, questions: questions
    };
    // study-progress.js and study-exam.js wait for it
    document.dispatchEvent(new Event("study:ready"));

    // --- a topic page -----------------------------------------------------------------------------------

    var wrappers = Array.prototype.slice.call(document.querySelectorAll("article .quiz[data-quiz]"));
    var heading = document.getElementById("quiz");
    if (!wrappers.length || !heading || heading.hasAttribute("data-quiz-started")) return;
    heading.setAttribute("data-quiz-started", "");

    var controllers = [];
    var count = el("p", { "class": "quiz-summary__count" });
    var said = el("p", { "class": "study-sr-only", role: "status" });
    var clearButton = el("button", { type: "button", "class": "quiz__retry", text: "이 페이지의 답 지우기" });
    var clearLine = el("p", { "class": "quiz-summary__clear" }, [clearButton]);
    var links = el("p", { "class": "quiz-summary__links" }, [
      el("a", { href: url("study/progress/"), text: "학습 현황" }), " · ",
      el("a", { href: url("study/progress/#wrong"), text: "오답 노트" }), " · ",
      el("a", { href: url("study/exam/"), text: "모의고사" })
    ]);
    var summary = el("div", { "class": "quiz-summary" }, [
      count,
      el("p", { "class": "quiz-summary__hint" }, [
        "보기를 고르면 바로 정답인지 알려 줍니다. ",
        el("span", { "class": "quiz-summary__keys",  // not on a touch screen (study.css)
                     text: "키보드로는 화살표 키로 보기 사이를 이동하고 Space나 Enter로 답합니다. " }),
        "답은 이 브라우저에만 저장됩니다."
      ]),
      links,
      clearLine,
      said
    ]);
    // every question of the page, whether or not its widget is built yet
    var ids = wrappers.map(function (w) { return w.getAttribute("data-quiz"); });
    var answeredHere = function () {
      var progress = load();
      return ids.filter(function (id) { return progress.answers[id]; }).length;
    };
    summary.insertBefore(confirmStep(clearButton, "답 지우기", function () {
      var n = answeredHere();
      return { any: n > 0, text: n ? "이 페이지 문제 " + n + "개에 대한 답을 지웁니다. 같은 문제를 모의고사나 오답 노트에서 " +
                                    "푼 답도 함께 지워지며, 지운 답은 되돌릴 수 없습니다."
                                  : "이 페이지에는 지울 답이 없습니다." };
    }, function () {
      save(core.forget(load(), ids), summary);
      controllers.forEach(function (c) { c.clear(); });
      recount();
      say(said, "이 페이지의 답을 지웠습니다.");
    }), said);

    function recount() {
      var here = wrappers.map(function (w) {
        return { id: w.getAttribute("data-quiz"), answer: +w.getAttribute("data-answer") };
      });
      count.textContent = core.pageCountText(core.count(here, load()));
    }

    // The stylesheet first (nothing of the page waits for it: only what this script adds uses it), then one
    // question per idle moment, so a long page never blocks the main thread for long.
    stylesheet(heading, function () {
      // the reader has moved on
      if (!document.body.contains(heading)) return;
      heading.parentNode.insertBefore(summary, heading.nextSibling);
      recount();
      (function next() {
        if (!document.body.contains(heading)) return;
        var wrapper = wrappers[controllers.length];
        if (!wrapper) {
          notify(clearLine);
          heading.setAttribute("data-quiz-ready", "");
          return;
        }
        // as stored now
        controllers.push(enhance(wrapper, { progress: load(), onAnswer: recount }));
        idle(next);
      })();
    });

    /** study.css (beside this file), then `then()`: linked before `where` unless the page links it already. */
    function stylesheet(where, then) {
      var href = url("stylesheets/study.css");
      var link = Array.prototype.filter.call(document.querySelectorAll("link[rel=stylesheet]"), function (l) {
        return l.href === href;
      })[0];
      if (link && link.sheet) return then();
      if (!link) {
        link = el("link", { rel: "stylesheet", href: href });
        where.parentNode.insertBefore(link, where);
      }
      link.addEventListener("load", then);
      // unstyled, but working
      link.addEventListener("error", then);
    }

    function idle(then) {
      if (window.requestIdleCallback) requestIdleCallback(then, { timeout: 200 });
      else setTimeout(then, 0);
    }
  })();
})(document.currentScript);
