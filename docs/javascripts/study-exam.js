/*
 * 모의고사 (docs/study/exam.md): N questions (10, 20 or 65; default 20) drawn from every topic page's
 * 확인 문제 (study/questions.json, made by hooks/study.py from the pages' Markdown), without repeats and
 * spread over the nav sections (study-pages.js `draw`), one at a time or all on one page, with an optional
 * timer of 2 minutes a question (SAA-C03: 65 questions, 130 minutes). As in the real exam, nothing is
 * marked until the answers are handed in; then: the score, the score by section, and for every miss the
 * question, the learner's and the right choice, the explanation and a link to the section that teaches it.
 * The answers also go into the stored progress (학습 현황, 오답 노트).
 *
 * Reproducible: the set comes from a seed in the URL (`?n=20&seed=k3x9q2&mode=one&timer=1`); starting
 * writes the seed into the address (history.replaceState), so the address shares or retakes the same set.
 * Opening such an address fills the form in; the exam starts when the learner presses 시작. A seed the address
 * cannot carry is said under the field, as when typed, never made into another set.
 *
 * Timer: the time left is shown (role=timer, which screen readers do not read out every second); a
 * status region says it at 30, 10, 5 and 1 minutes left; at zero the answers are handed in. The timer
 * follows the clock (a deadline), not the count of ticks, so a throttled background tab stays right, and it
 * stops when the reader leaves the page.
 */
(function () {
  "use strict";

  // Starts once the files it needs have run (each says so with a "study:ready" event; why: study-quiz.js).
  (function start() {
    if (!(window.StudyCore && window.StudyPages && window.StudyQuiz)) {
      return document.addEventListener("study:ready", start, { once: true });
    }
    var core = window.StudyCore, pages = window.StudyPages, quiz = window.StudyQuiz;
    var app = document.querySelector("[data-study-exam]");
    if (!app || app.hasAttribute("data-ready")) return;
    var el = quiz.el;
    app.setAttribute("data-ready", "");

    var data = null;
    var said = el("p", { "class": "study-sr-only", role: "status" });
    var exam = null; // {params, drawn, answers, index, deadline, left, interval, finished, timeUp}

    var resized = null;   // watches the status bar's height

    // The exam in progress is kept for the tab (sessionStorage), so a reload, Back or a link followed by
    // mistake does not lose it: the setup offers to go on with it. Once handed in, what its result is drawn from
    // (not the drawn page) is kept instead, until another exam starts or the learner leaves the result: its
    // address shows the result again. Nothing kept: the exam goes on in this view.
    var SITTING = "aws-study-notes.exam.v1";
    // When the tab cannot keep it (storage refused or full), the learner is told at once, not at the hand-in:
    // a reload would lose the answers.
    var UNKEPT = "이 탭에 모의고사를 저장하지 못했습니다. 계속 풀 수 있지만 새로 고치거나 페이지를 떠나면 답이 사라집니다.";

    function keep() {
      var record = exam.finished
        ? { v: 1, params: exam.params, ids: exam.drawn.map(function (q) { return q.id; }), answers: exam.answers,
            timeUp: exam.timeUp }
        : { v: 1, params: exam.params, answers: exam.answers, index: exam.index, deadline: exam.deadline };
      try {
        sessionStorage.setItem(SITTING, JSON.stringify(record));
      } catch (e) {
        if (!exam.finished && !exam.unkept) unkept();
      }
    }

    /** Show under the status bar (from now on: `render`) that the exam in progress is not kept; say it once,
     *  mid-exam (at the start, `begin` says it with the start). */
    function unkept() {
      exam.unkept = true;
      var bar = app.querySelector(".exam__bar");
      if (!bar) return;
      bar.parentNode.insertBefore(unkeptNotice(), bar.nextSibling);
      quiz.say(said, UNKEPT);
    }

    function unkeptNotice() {
      return exam.unkept ? el("p", { "class": "study-notice", text: UNKEPT }) : null;
    }

    // A kept value that is neither an exam in progress nor a result this version can show (damaged, or another
    // version's: a result with questions the site no longer has) is said once, then dropped: the setup offered
    // nothing to go on with, and said nothing.
    var LOST = "이 탭에 저장된 모의고사를 읽을 수 없어 이어서 풀 수 없습니다. 손상되었거나 다른 버전의 사이트가 저장한 " +
      "기록이라 지웠습니다. 새 모의고사를 시작하십시오.";

    function lost() {
      var text = null;
      try {
        text = sessionStorage.getItem(SITTING);
      } catch (e) {}
      var done = text === null ? null : pages.handedIn(text, core.CHOICES);
      if (text === null || (done && questionsOf(done.ids))) return null;
      drop();
      return el("p", { "class": "study-notice", text: LOST });
    }

    function kept() {
      try {
        return pages.sitting(sessionStorage.getItem(SITTING), core.CHOICES, Date.now());
      } catch (e) {
        return null;
      }
    }

    function drop() {
      try {
        sessionStorage.removeItem(SITTING);
      } catch (e) {}
    }

    /** The exam handed in last in this tab, as `exam`, if `params` (the address) are its set's; else null. */
    function handedIn(params) {
      var done = null;
      try {
        done = pages.handedIn(sessionStorage.getItem(SITTING), core.CHOICES);
      } catch (e) {}
      if (!done || pages.examQuery(done.params) !== pages.examQuery(params)) return null;
      var drawn = questionsOf(done.ids);
      if (!drawn) return null;  // the site's questions have changed since
      return { params: done.params, drawn: drawn, answers: done.answers, finished: true, timeUp: done.timeUp };
    }

    /** The site's questions with these ids, in their order; null when it no longer has one of them. */
    function questionsOf(ids) {
      var byId = {};
      data.questions.forEach(function (q) { byId[q.id] = q; });
      var found = ids.map(function (id) { return byId[id]; });
      return found.indexOf(undefined) >= 0 ? null : found;
    }

    function show(children, focus) {
      app.textContent = "";
      children.forEach(function (child) { if (child) app.appendChild(child); });
      app.appendChild(said);
      // The focused heading and Material's "back to top" button keep clear of the sticky bar (its height:
      // one line or, on a phone, more; study-pages.css).
      var stuck = app.querySelector(".exam__bar");
      var measure = function () {
        if (stuck) document.documentElement.style.setProperty("--exam-bar", stuck.offsetHeight + "px");
      };
      if (resized) resized.disconnect();
      if (stuck && typeof ResizeObserver === "function") (resized = new ResizeObserver(measure)).observe(stuck);
      measure();  // now, for the focus below; the observer again when the bar wraps on a narrower screen
      if (focus) focus.focus();
    }

    function radio(name, value, checked, text) {
      return el("label", { "class": "exam-setup__option" }, [
        el("input", { type: "radio", name: name, value: String(value), checked: checked }), " ", text
      ]);
    }

    function button(text, extra) {
      return el("button", { type: "button", "class": "quiz__retry" + (extra ? " " + extra : ""), text: text });
    }

    // --- setup --------------------------------------------------------------------------------------------

    /** The form to start an exam with `params` chosen; `asked`: what the address asked that it does not offer
     *  ({ n, mode, timer }, `pages.unoffered`). */
    function setup(params, focus, asked) {
      asked = asked || { n: "", mode: "", timer: "" };
      stopTimer();
      exam = null;
      var form = el("form", { "class": "exam-setup", "aria-labelledby": "exam-setup-title" });
      var title = el("h2", { id: "exam-setup-title", tabindex: "-1", text: "모의고사 설정" });
      form.appendChild(el("fieldset", {}, [el("legend", { text: "문제 수" })].concat(pages.EXAM_SIZES.map(function (n) {
        return radio("n", n, n === params.n, n + "문제" + (n === 65 ? " (SAA-C03 실전과 같은 수)" : ""));
      }))));
      form.appendChild(el("fieldset", {}, [
        el("legend", { text: "문제 표시 방식" }),
        radio("mode", "one", params.mode === "one", "한 문제씩"),
        radio("mode", "list", params.mode === "list", "한 페이지에 모두")
      ]));
      form.appendChild(el("p", {}, [el("label", { "class": "exam-setup__option" }, [
        el("input", { type: "checkbox", name: "timer", checked: params.timer }), " ",
        "시간 제한 (문제당 " + pages.MINUTES_PER_QUESTION + "분: " + pages.EXAM_SIZES.map(function (n) {
          return n + "문제 " + pages.examMinutes(n) + "분";
        }).join(", ") + ")"
      ])]));
      var seedInput = el("input", { id: "exam-seed", name: "seed", value: params.seed,
        autocomplete: "off", spellcheck: "false", autocapitalize: "off", "aria-describedby": "exam-seed-error exam-seed-hint" });
      var seedError = el("span", { id: "exam-seed-error", "class": "exam-setup__error" });
      var badSeed = function (problem) {  // kept as written, never silently changed into another set
        seedError.textContent = problem === "length"
          ? "문제 세트 번호는 32자까지 쓸 수 있습니다. 고친 뒤 다시 시작하십시오."
          : "문제 세트 번호에는 영문자·숫자·하이픈(-)·밑줄(_)만 쓸 수 있습니다. 고친 뒤 다시 시작하십시오.";
        seedInput.setAttribute("aria-invalid", "true");
      };
      seedInput.addEventListener("input", function () {  // mended: the old complaint goes
        if (pages.seedProblem(pages.visible(seedInput.value))) return;
        seedError.textContent = "";
        seedInput.removeAttribute("aria-invalid");
      });
      form.appendChild(el("p", { "class": "exam-setup__seed" }, [
        el("label", { "for": "exam-seed", text: "문제 세트 번호" }), " ", seedInput, seedError,
        el("span", { id: "exam-seed-hint", "class": "exam-setup__hint",
                     text: "비워 두면 새 문제 세트를 뽑습니다. 번호와 문제 수가 같으면 언제나 같은 문제가 같은 순서로 나옵니다." })
      ]));
      var start = el("button", { type: "submit", "class": "md-button md-button--primary", text: "모의고사 시작" });
      form.appendChild(el("p", {}, [start]));
      var left = kept(), resume = null, ask = null, sure = false;
      // An unfinished exam is replaced only once the reader says so (a tap on the wrong button lost its answers):
      // the start button (a click, or Enter in a field) asks once the form is valid, and 새로 시작 starts.
      var go = function () {
        var values = new FormData(form);
        var seed = pages.visible(values.get("seed")), problem = pages.seedProblem(seed);
        if (problem) {
          if (ask) ask.hidden = true;
          sure = false;  // asked again once the number is mended
          badSeed(problem);
          // Enter in the field: the focus does not move, so the field's description is not read again; say it
          if (document.activeElement === seedInput) quiz.say(said, seedError.textContent);
          return seedInput.focus();
        }
        if (ask && !sure) return ask.open();
        if (!seed) {
          var random = new Uint32Array(1);
          (window.crypto || window.msCrypto).getRandomValues(random);
          seed = pages.newSeed(random[0]);
        }
        begin({ n: parseInt(values.get("n"), 10) || pages.EXAM_DEFAULT, seed: seed,
                mode: values.get("mode") === "list" ? "list" : "one", timer: values.get("timer") !== null });
      };
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        go();
      });
      var problem = params.seed && pages.seedProblem(params.seed), shared = params.seed && !problem;
      if (problem) badSeed(problem);  // the address's, as if typed
      var set = (shared ? "이 주소의 문제 세트(번호 " + params.seed + (asked.n ? "" : ", " + params.n + "문제") + ")로 설정했습니다. " : "") +
        (asked.n ? "주소의 문제 수(" + asked.n + ")는 고를 수 있는 수(" + pages.EXAM_SIZES.join("·") + "문제)가 아니어서 " +
          params.n + "문제로 설정했습니다. " : "") +
        (asked.mode ? "주소의 문제 표시 방식(" + asked.mode + ")은 고를 수 있는 방식(one: 한 문제씩, list: 한 페이지에 모두)이 " +
          "아니어서 한 문제씩으로 설정했습니다. " : "") +
        (asked.timer ? "주소의 시간 제한 값(" + asked.timer + ")은 켜기(1)나 끄기(0)가 아니어서 시간 제한 없이 설정했습니다. " : "");
      var intro = set ? el("p", { "class": "exam-setup__shared",  // with a bad seed, the form says what to fix
        text: problem ? set.trim() : set + "준비되면 '모의고사 시작'을 누르십시오." }) : null;
      if (left && left.deadline !== null && !pages.remaining(left.deadline, Date.now())) {
        return begin(left.params, left);  // its time ran out while the reader was away: handed in now
      }
      if (left) {
        var more = button("이어서 풀기", "quiz__retry--primary");
        more.addEventListener("click", function () { begin(left.params, left); });
        var answered = pages.draw(data.questions, left.params.n, left.params.seed).filter(function (q) {
          return left.answers[q.id];
        }).length;
        resume = el("div", { "class": "exam-setup__shared" }, [
          el("p", { text: "풀던 모의고사가 있습니다. 문제 세트 번호 " + left.params.seed + "의 " + left.params.n + "문제 중 " +
            answered + "문제에 답했습니다." + (left.deadline === null ? "" : " 남은 시간은 " +
            pages.duration(pages.remaining(left.deadline, Date.now())) + "입니다.") +
            " '모의고사 시작'을 누르면 이 모의고사를 지울지 묻고 새로 시작합니다." }),
          el("p", {}, [more])
        ]);
        ask = quiz.confirmStep(start, "새로 시작", function () {
          return { text: "풀던 모의고사(답한 문제 " + answered + "개)를 지우고 새로 시작합니다.", any: true };
        }, function () {
          sure = true;
          go();
        }, true);
        form.appendChild(ask);
      }
      if (left && !asked.n && !asked.mode && !asked.timer && left.params.seed === params.seed && left.params.n === params.n) intro = null;  // the offer names it
      show([title, left ? null : lost(), resume, intro, form], focus ? title : null);
      if (resume && !focus) {  // opened again (a reload): the offer in view, not the browser's offset on the exam
        history.scrollRestoration = "manual";
        var box = resume.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) resume.scrollIntoView({ block: "center" });
      }
    }

    // --- the exam -----------------------------------------------------------------------------------------

    /** A new exam, or the one kept for the tab (`sitting`: its answers, question and deadline). */
    function begin(params, sitting) {
      stopTimer();
      history.replaceState(history.state, "", location.pathname + pages.examQuery(params));
      var drawn = pages.draw(data.questions, params.n, params.seed), answers = {};
      if (sitting) drawn.forEach(function (q) { if (sitting.answers[q.id]) answers[q.id] = sitting.answers[q.id]; });
      exam = { params: params, drawn: drawn, answers: answers, index: sitting ? Math.min(sitting.index, drawn.length - 1) : 0,
               deadline: null, left: null, finished: false };
      if (params.timer) {
        exam.deadline = sitting ? sitting.deadline : Date.now() + pages.examMinutes(drawn.length) * 60000;
        exam.left = pages.remaining(exam.deadline, Date.now());
        exam.interval = setInterval(tick, 1000);
      }
      if (params.timer && !exam.left) return finish(true);  // the time ran out while the reader was away
      keep();
      render();
      quiz.say(said, (sitting ? "풀던 모의고사를 이어서 풉니다. 답한 문제는 " + Object.keys(answers).length + "개입니다."
                              : drawn.length + "문제 모의고사를 시작합니다.") +
          (params.timer ? (sitting ? " 남은 시간은 " : " 시간 제한은 ") + pages.duration(exam.left) + "입니다." : "") +
          (exam.unkept ? " " + UNKEPT : ""));
    }

    var bar = {};

    function statusBar() {
      var answered = Object.keys(exam.answers).length;
      bar.count = el("span", { text: String(answered) });
      var children = [el("p", { "class": "exam__meta" }, [
        "문제 세트 번호 ", el("code", { text: exam.params.seed }), " · " + exam.drawn.length + "문제 · 답한 문제 ",
        bar.count, "개"
      ])];
      if (exam.deadline) {
        bar.clock = el("span", { role: "timer", "aria-labelledby": "exam-timer-label", text: pages.clock(exam.left) });
        children.push(el("p", { "class": "exam__timer" }, [
          el("span", { id: "exam-timer-label", text: "남은 시간" }), " ", bar.clock
        ]));
      }
      return el("div", { "class": "exam__bar" }, children);
    }

    function questionBlock(q, i) {
      var prefix = "exam-q" + (i + 1);
      var heading = el("h2", { id: prefix, "class": "exam__heading", tabindex: "-1" }, [
        "문제 " + (i + 1), el("span", { "class": "exam__of", text: " / " + exam.drawn.length })
      ]);
      var text = quiz.absolutize(el("p", { id: prefix + "-text", html: q.q }));
      var fieldset = el("fieldset", { "class": "quiz__form exam__choices",
                                    "aria-labelledby": prefix + " " + prefix + "-text" });
      q.choices.forEach(function (html, c) {
        var input = el("input", { type: "radio", name: prefix + "-choice", value: String(c + 1),
                                  checked: exam.answers[q.id] === c + 1 });
        fieldset.appendChild(el("label", { "class": "quiz__choice" }, [
          input, el("span", { "class": "quiz__number", text: c + 1 + "." }),
          quiz.absolutize(el("span", { "class": "quiz__text", html: html }))
        ]));
      });
      fieldset.addEventListener("change", function (event) {
        exam.answers[q.id] = parseInt(event.target.value, 10);
        keep();
        bar.count.textContent = String(Object.keys(exam.answers).length);
        if (bar.jump) {
          var jump = bar.jump[i];
          jump.classList.add("exam__jump--answered");
          jump.setAttribute("aria-label", "문제 " + (i + 1) + " (답함)");
        }
      });
      return el("section", { "class": "exam__question", "aria-labelledby": prefix }, [heading, text, fieldset]);
    }

    function render() {
      var parts = [statusBar(), unkeptNotice()];
      var focus;
      bar.jump = null;
      if (exam.params.mode === "list") {
        var blocks = exam.drawn.map(questionBlock);
        focus = blocks[0].querySelector("h2");
        parts = parts.concat(blocks);
        parts.push(submitArea());
      } else {
        var block = questionBlock(exam.drawn[exam.index], exam.index);
        focus = block.querySelector("h2");
        parts.push(block);
        var previous = button("이전 문제"), next = button("다음 문제");
        previous.disabled = exam.index === 0;
        next.disabled = exam.index === exam.drawn.length - 1;
        previous.addEventListener("click", function () { go(exam.index - 1); });
        next.addEventListener("click", function () { go(exam.index + 1); });
        parts.push(el("p", { "class": "exam__nav" }, [previous, " ", next]));
        bar.jump = exam.drawn.map(function (q, i) {
          var answered = exam.answers[q.id] !== undefined;
          var jump = el("button", { type: "button",
                                    "class": "exam__jump-button" + (answered ? " exam__jump--answered" : ""),
                                    "aria-label": "문제 " + (i + 1) + (answered ? " (답함)" : ""),
                                    "aria-current": i === exam.index ? "step" : null, text: String(i + 1) });
          jump.addEventListener("click", function () { go(i); });
          return jump;
        });
        parts.push(el("nav", { "class": "exam__jump", "aria-label": "문제로 이동" }, bar.jump));
        parts.push(submitArea());
      }
      show(parts, focus);
    }

    function go(index) {
      exam.index = index;
      keep();
      render();
    }

    function submitArea() {
      var submit = button("답안 제출", "quiz__retry--primary");
      var confirmBox = el("div", { "class": "study-confirm", hidden: true, tabindex: "-1", role: "group",
                                   "aria-labelledby": "exam-confirm-text" });
      var text = el("p", { id: "exam-confirm-text" });
      var yes = button("제출"), no = button("계속 풀기");
      confirmBox.appendChild(text);
      confirmBox.appendChild(el("p", {}, [yes, " ", no]));
      submit.addEventListener("click", function () {
        // which ones: on a page of 65 the reader could not find them
        var left = exam.drawn.map(function (q, i) { return exam.answers[q.id] ? 0 : i + 1; }).filter(Boolean);
        if (!left.length) return finish(false);
        text.textContent = "답하지 않은 문제가 " + left.length + "개 있습니다(" + left.slice(0, 10).join("·") + "번" +
          (left.length > 10 ? " 외 " + (left.length - 10) + "개" : "") + "). 그래도 제출하시겠습니까?";
        confirmBox.hidden = false;
        confirmBox.focus();
      });
      yes.addEventListener("click", function () { finish(false); });
      no.addEventListener("click", function () {
        confirmBox.hidden = true;
        submit.focus();
      });
      return el("div", { "class": "exam__submit" }, [el("p", {}, [submit]), confirmBox]);
    }

    // --- timer ----------------------------------------------------------------------------------------------

    function stopTimer() {
      if (exam && exam.interval) clearInterval(exam.interval);
      if (exam) exam.interval = null;
    }

    function tick() {
      if (!exam || exam.finished || !document.body.contains(app)) return stopTimer(); // or the reader left
      var left = pages.remaining(exam.deadline, Date.now());
      var crossed = pages.milestone(exam.left, left);
      exam.left = left;
      if (bar.clock) bar.clock.textContent = pages.clock(left);
      if (left === 0) return finish(true);
      if (crossed) quiz.say(said, "남은 시간이 " + crossed + "분입니다.");
    }

    // --- results --------------------------------------------------------------------------------------------

    function finish(timeUp) {
      if (!exam || exam.finished) return;
      exam.finished = true;
      exam.timeUp = timeUp;
      stopTimer();
      keep();  // now the result, for a reload or Back

      // the answers go into the stored progress, as if given on the pages
      var progress = quiz.load(), now = Date.now();
      exam.drawn.forEach(function (q) {
        if (exam.answers[q.id]) progress = core.record(progress, q.id, exam.answers[q.id], now);
      });
      var result = results(true);
      quiz.save(progress, app.querySelector("#exam-result"));
      quiz.say(said, (timeUp ? "시간이 끝나 답안을 제출했습니다. " : "") + pages.scoreText(result));
    }

    /** Show the result of `exam` (handed in), its heading focused if `focus`; returns the score. */
    function results(focus) {
      var sections = [];
      data.pages.forEach(function (p) { if (sections.indexOf(p.section) < 0) sections.push(p.section); });
      var result = pages.score(exam.drawn, exam.answers, sections);
      var heading = el("h2", { id: "exam-result", tabindex: "-1", text: "결과" });
      var parts = [heading];
      if (exam.timeUp) parts.push(el("p", { "class": "study-notice", text: "시간이 끝나 답안을 제출했습니다." }));
      parts.push(el("p", { "class": "exam__score" }, [el("strong", { text: pages.scoreText(result) })]));
      // The set's address (the page's own) to share; the result stays (the retake is 같은 문제로 다시 풀기). Said
      // afresh at each copy: emptied first.
      var address = new URL(location.pathname + pages.examQuery(exam.params), location.href).href;
      var copy = button("주소 복사"), copied = el("span", { role: "status" });
      copy.addEventListener("click", function () {
        copied.textContent = "";
        var say = function (text) { return function () { copied.textContent = " " + text; }; };
        var failed = say("주소를 복사하지 못했습니다. 주소 표시줄의 주소를 복사하십시오.");
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(address).then(say("이 세트의 주소를 복사했습니다."), failed);
        } else failed();
      });
      parts.push(el("p", {}, [
        "문제 세트 번호 ", el("code", { text: exam.params.seed }), ": 이 세트의 주소를 공유하면 같은 문제를 풀 수 있습니다. ",
        copy, copied
      ]));

      var table = el("table");
      table.appendChild(el("caption", { text: "섹션별 점수" }));
      table.appendChild(el("thead", {}, [el("tr", {}, ["섹션", "문제", "맞힌 문제", "정답률"].map(function (t) {
        return el("th", { scope: "col", text: t });
      }))]));
      var body = el("tbody");
      result.sections.forEach(function (s) {
        body.appendChild(el("tr", {}, [el("th", { scope: "row", text: s.name }), el("td", { text: String(s.total) }),
          el("td", { text: String(s.right) }), el("td", { text: s.percent + "%" })]));
      });
      table.appendChild(body);
      parts.push(table);

      if (result.misses.length) {
        var skipped = result.misses.some(function (miss) { return miss.choice === null; });
        parts.push(el("h3", { id: "exam-misses",
          text: (skipped ? "틀렸거나 답하지 않은 문제 " : "틀린 문제 ") + result.misses.length + "개" }));
        var list = el("ol", { "class": "exam-misses" });
        result.misses.forEach(function (miss) { list.appendChild(missItem(miss)); });
        parts.push(list);
      } else {
        parts.push(el("p", { text: "모든 문제를 맞혔습니다." }));
      }

      var retake = button("같은 문제로 다시 풀기"), fresh = button("새 문제로 풀기");
      retake.addEventListener("click", function () { begin(exam.params); });
      fresh.addEventListener("click", function () {
        var params = { n: exam.params.n, seed: "", mode: exam.params.mode, timer: exam.params.timer };
        drop();
        history.replaceState(history.state, "", location.pathname);
        setup(params, true);
      });
      parts.push(el("p", { "class": "exam__again" }, [retake, " ", fresh, " ",
        el("a", { href: quiz.url("study/progress/#wrong"), text: "오답 노트 보기" })]));
      show(parts, focus ? heading : null);
      return result;
    }

    function missItem(miss) {
      var q = miss.question, index = exam.drawn.indexOf(q) + 1;
      var item = el("li", { "class": "exam-miss", value: String(index) });
      item.appendChild(el("h4", { text: "문제 " + index + " · " + q.section + " › " + q.title }));
      item.appendChild(quiz.absolutize(el("p", { html: q.q })));
      var choices = el("ol", { "class": "exam-miss__choices" });
      q.choices.forEach(function (html, c) {
        var n = c + 1;
        var mark = n === q.answer ? "exam-miss__right" : n === miss.choice ? "exam-miss__mine" : null;
        var li = el("li", { "class": mark });
        li.appendChild(quiz.absolutize(el("span", { html: html })));
        // a space before each mark: a screen reader read "…추가한다정답"
        if (n === q.answer) li.append(" ", el("span", { "class": "quiz__mark" }, [
          el("span", { "aria-hidden": "true", "class": "quiz__icon", text: "✓" }), "정답"]));
        if (n === miss.choice) li.append(" ", el("span", { "class": "quiz__mark" }, [
          el("span", { "aria-hidden": "true", "class": "quiz__icon", text: "✗" }), "내 답"]));
        choices.appendChild(li);
      });
      item.appendChild(choices);
      if (!miss.choice) item.appendChild(el("p", { "class": "exam-miss__none", text: "답하지 않았습니다." }));
      var explain = el("div", { "class": "exam-miss__explain", html: q.explain });
      item.appendChild(quiz.absolutize(explain));
      if (q.teach) {
        item.appendChild(el("p", { "class": "study-links" }, [
          el("a", { href: quiz.url(q.teach.href), text: "이 내용을 다루는 절: " + q.teach.text + " · " + q.title })
        ]));
      }
      return item;
    }

    // --- start --------------------------------------------------------------------------------------------

    quiz.questions(app, "문제를 불러오는 중입니다.", function (loaded) {
      data = loaded;
      var params = pages.examParams(location.search);
      exam = handedIn(params);  // back at a result (reload, Back): shown again, its answers not recorded twice
      if (exam) results(false);
      else setup(params, false, pages.unoffered(location.search));
      quiz.load(); // read the stored answers now, so that a problem with them is said before the exam
      quiz.notify(app.firstChild);
    });
  })();
})();
