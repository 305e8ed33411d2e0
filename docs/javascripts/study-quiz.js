/*
 * 학습 모드: the 확인 문제 of a topic page become questions a learner answers, and the answers stay in this
 * browser (localStorage, study-core.js). Also the shared part of the 학습 현황 and 모의고사 pages
 * (`window.StudyQuiz`): the site root, the stored answers, the once-only storage notice, the question
 * widget (the 오답 노트 retries its questions with it) and study/questions.json.
 *
 * Why not mkdocs-quiz (1.6.5, Apache-2.0, evaluated): it has its own `<quiz>` syntax with `- [x]` answers
 * instead of the site's question format (the questions would leave the Markdown that makes the page,
 * search, print and the book, or live twice), it inlines its whole script and stylesheet (~14 KiB gzip)
 * into every quiz page instead of one cached file, it has no print handling, and no mock exam. What the
 * site needs is small: hooks/study.py marks each question up at build time; this file turns it into
 * radio buttons.
 *
 * On a topic page: hooks/study.py wraps each question in <div class="quiz" data-quiz="<page>:<hash>"
 * data-answer="N"> (paragraph, list of four choices, collapsed "정답과 해설" box) and adds this file,
 * with study-core.js before it, inside Material's container — so it runs on a full load and again after
 * every instant navigation (Material re-creates the scripts of the new page); a page without questions
 * loads neither. Enhancing a question twice is harmless (a question is set up once).
 *
 * Progressive enhancement: the script puts a fieldset of radio buttons (named by the question) after the
 * list and hides the list on screen only (study.css); without JavaScript, on paper and in the book the
 * page reads as the Markdown wrote it. Choosing a choice (click, tap, Space, Enter) answers: the live
 * region in the fieldset says 정답/오답 in words, the chosen and the right choice are marked in words
 * and by icon (not by colour alone), the explanation box opens. Arrow keys only move between choices,
 * as in any radio group; Space or Enter then answers. After answering, the other choices are disabled
 * (focus stays on the chosen one) until "다시 풀기".
 *
 * Storage trouble (disabled, private mode, quota, garbage or a newer version's data) never throws: once a
 * save fails, the answers are kept in this tab's memory (they survive instant navigation, not a reload),
 * and the learner is told once per tab (study-core.js NOTICES).
 *
 * Material: only its documented markup (.md-typeset, admonition classes) and the container its instant
 * navigation re-runs scripts in; no `__md_*` storage, no internal API.
 */
(function () {
  "use strict";

  var core = window.StudyCore;
  if (!core || !document.querySelector) return;
  var shared = window.awsStudy || (window.awsStudy = {}); // lives as long as the tab: notice, memory
  var script = document.currentScript;
  var root = new URL("../", script && script.src ? script.src : location.href).href; // javascripts/ → site root
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

  var notices = []; // notices this run created (a page may ask for one before it has a place for it)

  /** Tell the learner, once per tab, what is wrong with storage; after `anchor` (or the first element
   *  `place` finds). Returns the notice, or null if there is nothing to say or it was said. */
  function notify(anchor) {
    var text = core.notice(store.problem);
    if (!text || shared.noticed || !anchor) return null;
    shared.noticed = store.problem;
    var box = el("p", { "class": "study-notice", role: "status" });
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
    // the live region exists first, then gets its text: screen readers announce the change
    setTimeout(function () { box.textContent = text; }, 0);
    notices.push(box);
    return box;
  }

  /** Record `choice` as the answer to `id`, at once; false (and a notice after `anchor`) if storage
   *  could not keep it. */
  function save(progress, anchor) {
    shared.memory = progress;
    var ok = store.save(progress);
    shared.unsaved = !ok;
    if (!ok) notify(anchor);
    return ok;
  }

  function answer(id, choice, anchor) {
    var progress = core.record(load(), id, choice, Date.now());
    save(progress, anchor);
    return progress;
  }

  function forget(ids, anchor) {
    var progress = core.forget(load(), ids);
    save(progress, anchor);
    return progress;
  }

  function clearAll(anchor) {
    shared.memory = core.empty();
    shared.unsaved = !store.clear();
    if (shared.unsaved) notify(anchor);
    return shared.memory;
  }

  // --- the question widget ----------------------------------------------------------------------------

  var MARKS = {
    right: { icon: "✓", text: "정답" },
    mine: { icon: "✗", text: "내 답 (오답)" },
    mineRight: { icon: "✓", text: "내 답 (정답)" }
  };

  /**
   * Make one wrapped question answerable. `options.onAnswer(id, choice)` and `options.onReset(id)` are
   * told of changes (the page updates its counts). Returns the question's controller, or null.
   */
  function enhance(wrapper, options) {
    options = options || {};
    if (wrapper.quiz) return wrapper.quiz;
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
        if (mark) {
          marks[i].appendChild(el("span", { "aria-hidden": "true", "class": "quiz__icon", text: mark.icon }));
          marks[i].appendChild(document.createTextNode(mark.text));
        }
        radio.parentNode.classList.toggle("quiz__choice--right", n === key);
        radio.parentNode.classList.toggle("quiz__choice--chosen", n === choice);
      });
      wrapper.classList.toggle("quiz--right", right);
      wrapper.classList.toggle("quiz--wrong", !right);
      var feedback = core.feedbackText(choice, key);
      if (announce) {
        status.textContent = "";
        setTimeout(function () { status.textContent = feedback; }, 0);
      } else {
        status.textContent = feedback;
      }
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
      answer(id, choice, fieldset);
      if (options.onAnswer) options.onAnswer(id, choice);
    }

    // Arrow keys move between choices (and check them, as radio buttons do) without answering.
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
    fieldset.addEventListener("pointerdown", function () { moving = false; });
    fieldset.addEventListener("change", function (event) {
      if (event.target.type !== "radio") return;
      if (moving) {
        moving = false;
        return;
      }
      choose(parseInt(event.target.value, 10));
    });
    retry.addEventListener("click", function () {
      clear();
      forget([id], fieldset);
      radios[0].focus();
      if (options.onReset) options.onReset(id);
    });

    var controller = {
      id: id,
      answer: key,
      wrapper: wrapper,
      get chosen() { return chosen; },
      show: function (choice) { if (choice >= 1 && choice <= radios.length) show(choice, false); else clear(); },
      clear: clear
    };
    wrapper.quiz = controller;
    var stored = (options.progress || load()).answers[id];
    if (stored) controller.show(stored.c);
    return controller;
  }

  /** A question from study/questions.json as the wrapped markup of a topic page (then `enhance` it). */
  function build(question, idPrefix) {
    var hash = question.id.split(":")[1];
    var wrapper = el("div", { "class": "quiz", id: (idPrefix || "q-") + hash, "data-quiz": question.id,
                              "data-answer": String(question.answer) });
    wrapper.appendChild(el("p", { html: "<strong>문제 " + question.n + ".</strong> " + question.q }));
    var list = el("ol");
    question.choices.forEach(function (html) { list.appendChild(el("li", { html: html })); });
    wrapper.appendChild(list);
    var box = el("details", { "class": "success" }, [el("summary", { text: "정답과 해설" })]);
    box.insertAdjacentHTML("beforeend", question.explain);
    wrapper.appendChild(box);
    return absolutize(wrapper);
  }

  /** study/questions.json, fetched once per tab: {pages, questions (each with its section), bySection}. */
  function questions() {
    if (!shared.questions) {
      shared.questions = fetch(url("study/questions.json"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (!data || data.version !== 1 || !Array.isArray(data.pages) || !Array.isArray(data.questions)) {
            throw new Error("unexpected study/questions.json");
          }
          var section = {}, title = {};
          data.pages.forEach(function (p) { section[p.page] = p.section; title[p.page] = p.title; });
          data.questions.forEach(function (q) { q.section = section[q.page]; q.title = title[q.page]; });
          return data;
        })
        .catch(function (error) {
          shared.questions = null; // try again on the next visit
          throw error;
        });
    }
    return shared.questions;
  }

  window.StudyQuiz = {
    root: root, url: url, store: store, load: load, save: save, answer: answer, forget: forget, clearAll: clearAll,
    notify: notify, enhance: enhance, build: build, absolutize: absolutize, questions: questions, el: el
  };

  // --- a topic page -----------------------------------------------------------------------------------

  var wrappers = document.querySelectorAll("article .quiz[data-quiz]");
  var heading = document.getElementById("quiz");
  if (!wrappers.length || !heading || heading.getAttribute("data-quiz-ready") !== null) return;
  heading.setAttribute("data-quiz-ready", "");

  var controllers = [];
  var count = el("p", { "class": "quiz-summary__count" });
  var said = el("p", { "class": "study-sr-only", role: "status" });
  var clearButton = el("button", { type: "button", "class": "quiz__retry", text: "이 페이지의 답 지우기" });
  var summary = el("div", { "class": "quiz-summary" }, [
    count,
    el("p", { "class": "quiz-summary__hint",
              text: "보기를 고르면 바로 정답인지 알려 줍니다. 키보드로는 화살표 키로 보기를 옮기고 Space나 Enter로 답합니다. " +
                    "답은 이 브라우저에만 저장됩니다." }),
    el("p", { "class": "quiz-summary__links" }, [
      el("a", { href: url("study/progress/"), text: "학습 현황" }), " · ",
      el("a", { href: url("study/progress/#wrong"), text: "오답 노트" }), " · ",
      el("a", { href: url("study/exam/"), text: "모의고사" }), " ",
      clearButton
    ]),
    said
  ]);
  heading.parentNode.insertBefore(summary, heading.nextSibling);

  function recount() {
    var progress = load();
    var questionsHere = controllers.map(function (c) { return { id: c.id, answer: c.answer }; });
    count.textContent = core.pageCountText(core.count(questionsHere, progress));
  }

  var progress = load();
  Array.prototype.forEach.call(wrappers, function (wrapper) {
    var controller = enhance(wrapper, { progress: progress, onAnswer: recount, onReset: recount });
    if (controller) controllers.push(controller);
  });
  recount();
  notify(summary.lastChild.previousSibling);

  clearButton.addEventListener("click", function () {
    forget(controllers.map(function (c) { return c.id; }), summary);
    controllers.forEach(function (c) { c.clear(); });
    recount();
    said.textContent = "";
    setTimeout(function () { said.textContent = "이 페이지의 답을 지웠습니다."; }, 0);
  });
})();
