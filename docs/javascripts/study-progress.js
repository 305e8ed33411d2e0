/*
 * 학습 현황 (docs/study/progress.md): how many questions this browser has answered and got right, per nav
 * section and page, with links; the 오답 노트 (every question whose latest answer is wrong, to retry in
 * place, with a link to the section of its page that teaches it); clearing every stored answer.
 *
 * Runs after study-core.js, study-pages.js and study-quiz.js (the page's front matter lists them), on a
 * full load and after instant navigation. Reads study/questions.json (hooks/study.py) and the stored answers; without
 * JavaScript the page says what it would show. Counts follow the current answer key, so they match the
 * topic pages' own counts.
 */
(function () {
  "use strict";

  // Starts once the files it needs have run (each says so with a "study:ready" event; why: study-quiz.js).
  (function start() {
    if (!(window.StudyCore && window.StudyPages && window.StudyQuiz)) {
      return document.addEventListener("study:ready", start, { once: true });
    }
    var core = window.StudyCore, pages = window.StudyPages, quiz = window.StudyQuiz;
    var app = document.querySelector("[data-study-progress]");
    var wrongApp = document.querySelector("[data-study-wrong]");
    var clearApp = document.querySelector("[data-study-clear]");
    if (!app || !wrongApp || app.hasAttribute("data-ready")) return;
    var el = quiz.el;

    app.setAttribute("data-ready", "");

    var data = null;
    var total = el("p", { "class": "study-total" });
    var table = el("table");
    var wrongCount = el("p", { "class": "study-total" });
    var wrongList = el("div", { "class": "study-wrong" });
    var said = el("p", { "class": "study-sr-only", role: "status" });

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
      return quiz.absolutize(wrapper);
    }

    /** A row of the table: its heading cell `head`, then the questions, answered and right of `c`. */
    function row(attrs, head, c) {
      return el("tr", attrs, [head].concat([c.total, c.answered, c.right].map(function (n) {
        return el("td", { text: String(n) });
      })));
    }

    function renderTable() {
      var progress = quiz.load();
      var summary = pages.summarize(data.pages, data.questions, progress);
      total.textContent = pages.totalText(summary);
      table.textContent = "";
      table.appendChild(el("caption", { text: "섹션과 페이지별 학습 현황 (푼 문제와 맞힌 문제는 이 브라우저에 저장된 마지막 답 기준)" }));
      table.appendChild(el("thead", {}, [el("tr", {}, ["섹션 · 페이지", "문제", "푼 문제", "맞힌 문제"].map(function (t) {
        return el("th", { scope: "col", text: t });
      }))]));
      summary.sections.forEach(function (section) {
        var body = el("tbody", {}, [
          row({ "class": "study-table__section" }, el("th", { scope: "row", text: section.name }), section)
        ]);
        section.pages.forEach(function (page) {
          var link = el("a", { href: quiz.url(page.page + "#quiz"), text: page.title });
          body.appendChild(row({ "class": "study-table__page" }, el("th", { scope: "row" }, [link]), page));
        });
        table.appendChild(body);
      });
      table.appendChild(el("tfoot", {}, [row({}, el("th", { scope: "row", text: "전체" }), summary)]));
    }

    /** The line above the 오답 노트: how many latest answers are wrong now (again after each answer). */
    function countWrong(progress) {
      var n = pages.wrong(data.questions, progress).length;
      if (n) {
        wrongCount.textContent = "마지막 답이 틀린 문제가 " + n + "개 있습니다. 해설을 읽고 " +
          "'다시 풀기'를 눌러 한 번 더 풀어 보십시오.";
      } else {
        wrongCount.textContent = core.count(data.questions, progress).answered
          ? "마지막 답이 틀린 문제가 없습니다. 모의고사로 다른 문제도 풀어 보십시오."
          : "아직 푼 문제가 없습니다. 각 페이지의 확인 문제나 모의고사에서 틀린 문제가 여기에 모입니다.";
      }
    }

    function answered() {
      renderTable();
      countWrong(quiz.load());
    }

    function renderWrong() {
      var progress = quiz.load();
      var wrong = pages.wrong(data.questions, progress);
      wrongList.textContent = "";
      countWrong(progress);
      var page = null, group = null;
      wrong.forEach(function (q) {
        if (q.page !== page) {
          page = q.page;
          wrongList.appendChild(el("h3", { "class": "study-wrong__page" }, [
            el("a", { href: quiz.url(q.page), text: q.title }), " ",
            el("span", { "class": "study-wrong__section", text: "· " + q.section })
          ]));
          group = el("div", { "class": "study-wrong__group" });
          wrongList.appendChild(group);
        }
        var wrapper = build(q, "wrong-");
        group.appendChild(wrapper);
        var links = el("p", { "class": "study-links" });
        if (q.teach) {
          links.appendChild(el("a", { href: quiz.url(q.teach.href), text: "이 내용을 다루는 절: " + q.teach.text }));
          links.appendChild(document.createTextNode(" · "));
        }
        links.appendChild(el("a", { href: quiz.url(q.page + "#q-" + q.id.split(":")[1]),
                                    text: q.title + " 페이지의 문제 " + q.n }));
        wrapper.appendChild(links);
        quiz.enhance(wrapper, { progress: progress, onAnswer: answered });
      });
    }

    function renderClear() {
      if (!clearApp) return;
      clearApp.textContent = "";
      var start = el("button", { type: "button", "class": "quiz__retry", text: "학습 기록 모두 지우기" });
      clearApp.appendChild(el("p", {}, [start]));
      clearApp.appendChild(quiz.confirmStep(start, "모두 지우기", function () {
        var progress = quiz.load(), answered = Object.keys(progress.answers).length;
        var gone = data ? answered - core.count(data.questions, progress).answered : 0;  // of questions reworded or removed since
        if (quiz.unreadable()) {  // newer or damaged: gone only from here (answers given since are in memory only)
          return { any: true, text: "이 브라우저에 저장된 학습 기록은 이 버전의 사이트가 읽을 수 없습니다. " +
            (answered ? "그 기록과 저장하지 못한 답 " + answered + "개를" : "그 기록을") +
            " 모두 지웁니다. 지운 기록은 되돌릴 수 없습니다." };
        }
        return { any: answered > 0, text: answered
          ? "이 브라우저에 저장된 답 " + answered + "개" + (gone ? "(지금 사이트에 없는 문제의 답 " + gone + "개 포함)" : "") +
            "를 모두 지웁니다. 지운 기록은 되돌릴 수 없습니다."
          : "지울 학습 기록이 없습니다." };
      }, function () {
        var cleared = quiz.clearAll(clearApp);
        if (data) {
          renderTable();
          renderWrong();
        }
        quiz.say(said, cleared ? "학습 기록을 모두 지웠습니다."
          : "이 화면의 기록은 지웠지만 브라우저에 저장된 기록은 지우지 못했습니다. 페이지를 새로 고친 뒤 다시 지우거나 " +
            "브라우저 설정에서 이 사이트의 데이터를 삭제하십시오.");
      }));
    }

    quiz.questions(app, "학습 현황을 불러오는 중입니다.", function (loaded) {
      data = loaded;
      app.replaceChildren(total, table, said);
      renderTable();
      wrongApp.replaceChildren(wrongCount, wrongList);
      renderWrong();
      renderClear();
      quiz.notify(total);
      // A link to what lies below the table (#wrong, "오답 노트 보기" of a handed-in exam) was followed while the
      // page said it was loading: the table has since pushed it far down. Go to it again, as a link to the address
      // the page is at (a fragment navigation that replaces the entry, as Material's instant navigation goes to an
      // anchor): the target becomes :target, which Material gives its room under the header. After an instant
      // navigation Material sometimes scrolls to a saved offset instead of the anchor, and the target is then not
      // :target (scrollIntoView put it under the header).
      var target = document.getElementById(anchor());
      if (target && app.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) {
        el("a", { href: location.href }).click();
      }
    }, function () {  // no questions: no 오답 노트 either, but the stored answers can still be cleared
      wrongApp.replaceChildren(el("p", { "class": "study-notice", text: "문제 목록을 불러오지 못해 오답 노트를 보여 줄 수 없습니다. 페이지를 새로 고쳐 보십시오." }));
      app.appendChild(said);
      renderClear();
    });

    function anchor() {
      try { return decodeURIComponent(location.hash.slice(1)); } catch (malformed) { return ""; }
    }
  })();
})();
