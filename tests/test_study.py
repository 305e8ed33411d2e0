"""학습 모드 in Chromium, as a learner uses it: the wiring of docs/javascripts/study-*.js (its logic is tested
fast under tests/js/, its build side in tests/test_study_build.py).

A page's questions answer by mouse and by keyboard (live region, explanation, focus; every page's questions are
answered by test_reading.py::test_every_page); answers survive reload, instant navigation and the back button; 학습 현황 counts what was answered; clearing works;
broken storage (disabled, null, quota) gets one notice and no error of ours, a partly damaged record keeps its good
answers (unreadable records: tests/js/study-core.test.js), and 학습 현황 clears a record this version cannot read;
without the question list the pages say so and the answers can still be cleared;
the mock exam draws the same set from the same seed, from ≥ 10 sections, scores right, links every miss, and its
timer runs out; its result survives a reload and Back; a set number the address cannot carry is said, not changed;
without JavaScript and on paper the page reads as the Markdown wrote it; axe-core finds nothing
serious in either scheme. Waits are for conditions (the live region's words, a stored answer), never time.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from hooks.study import ANSWER_TITLE
from sitekit.browser import PHONE, STILL_JS, WAIT_MS
from tests.conftest import BROKEN_STORAGE

pytestmark = pytest.mark.browser

KEY = "aws-study-notes.progress.v1"
PAGE = "networking/rfc-1918/"  # four questions, no diagram
OTHER = "networking/vpc/"
READY = "#quiz[data-quiz-ready]"
EVERY_RULE = "light"  # sitekit.browser.AXE_RULES: the light pass runs every WCAG 2 A/AA rule, contrast included
STORED = f"() => JSON.parse(localStorage.getItem({KEY!r}) || 'null')"
BOLD = "(el) => getComputedStyle(el).fontWeight === '700'"
STATUS_SET = "(i) => document.querySelectorAll('article .quiz')[i].querySelector('.quiz__status').textContent !== ''"
# the h1 is the page's title, and its questions are set up (after instant navigation the old page's
# content is replaced, so the title tells the pages apart)
READY_ON = """(title) => document.querySelector('article h1').textContent.includes(title)
  && document.querySelector('#quiz[data-quiz-ready]') !== null"""
NOTICES = "() => [...document.querySelectorAll('.study-notice')].map(n => n.textContent).filter(t => t)"
UNKEPT = "이 탭에 모의고사를 저장하지 못했습니다. 계속 풀 수 있지만 새로 고치거나 페이지를 떠나면 답이 사라집니다."
LOST = ("이 탭에 저장된 모의고사를 읽을 수 없어 이어서 풀 수 없습니다. 손상되었거나 다른 버전의 사이트가 저장한 기록이라 지웠습니다. "
        "새 모의고사를 시작하십시오.")
SEED_ERROR = "문제 세트 번호에는 영문자·숫자·하이픈(-)·밑줄(_)만 쓸 수 있습니다. 고친 뒤 다시 시작하십시오."

def on_page(bank, path: str) -> list[dict]:
    return [q for q in bank["questions"] if q["page"] == path]


def open_quiz(tab, path: str = PAGE):
    tab.goto(path)
    tab.page.wait_for_selector(READY)
    return tab.page


def question(page, i: int):
    return page.locator("article .quiz").nth(i)


def status(page, i: int) -> str:
    page.wait_for_function(STATUS_SET, arg=i)
    return question(page, i).locator(".quiz__status").inner_text()


def wrong_choice(q: dict) -> int:
    return 1 if q["answer"] != 1 else 2


def shown(tab, selector: str):
    """Wait until ``selector`` is shown; if it never is, fail with what the page logged and holds."""
    from playwright.sync_api import TimeoutError as Timeout

    try:
        tab.page.wait_for_selector(selector)
    except Timeout:
        state = tab.page.evaluate("""() => ({url: location.href, h1: document.querySelector('article h1')?.textContent,
          scripts: [...document.querySelectorAll('[data-md-component=container] script[src]')].map(s => s.src),
          globals: [typeof StudyCore, typeof StudyPages, typeof StudyQuiz],
          app: (document.querySelector('[data-study-progress], [data-study-exam]') || {}).outerHTML?.slice(0, 400)})""")
        pytest.fail(f"{selector} never shown: {state}, errors {tab.errors}")


def clean(tab):
    """No error and no request to another host in this tab."""
    assert tab.errors == [], tab.errors
    assert tab.blocked == [], tab.blocked


# --- answering ---------------------------------------------------------------------------------------


def test_a_question_answered_by_mouse_says_so_and_opens_the_explanation(tab, bank):
    page = open_quiz(tab)
    q = on_page(bank, PAGE)[0]
    box = question(page, 0)
    assert box.locator("details").evaluate("d => d.open") is False
    wrong = wrong_choice(q)
    box.locator("label.quiz__choice").nth(wrong - 1).click()
    assert status(page, 0) == f"오답입니다. 정답은 {q['answer']}번입니다."
    assert box.locator(".quiz__status").get_attribute("role") == "status"
    assert box.locator("fieldset [role=status]").count() == 1  # the live region is inside its fieldset
    assert box.locator("details").evaluate("d => d.open") is True
    box.locator("details a[href*='#']").first.wait_for(state="visible")  # the teaching section's link
    # the chosen and the right choice say so in words (not only colour)
    assert box.locator("label.quiz__choice").nth(wrong - 1).inner_text().endswith("내 답 (오답)")
    assert box.locator("label.quiz__choice").nth(q["answer"] - 1).inner_text().endswith("정답")
    assert page.evaluate(STORED)["answers"][q["id"]]["c"] == wrong
    assert page.locator(".quiz-summary__count").inner_text() == (
        f"이 페이지의 {len(on_page(bank, PAGE))}문제 중 1문제를 풀었고 0문제를 맞혔습니다.")
    # the other choices are locked until 다시 풀기
    assert [r.is_disabled() for r in box.locator("input[type=radio]").all()] == [n != wrong for n in range(1, 5)]
    box.get_by_role("button", name="다시 풀기").click()
    assert box.locator("input[type=radio]:checked").count() == 0 and box.locator(".quiz__status").inner_text() == ""
    assert page.evaluate(STORED)["answers"][q["id"]]["c"] == wrong, "the last answer is kept until a new one"
    box.locator("label.quiz__choice").nth(q["answer"] - 1).click()
    assert status(page, 0) == "정답입니다."
    clean(tab)


def test_on_a_phone_a_tap_colours_no_choice_and_each_radio_sits_on_its_choices_first_line(new_tab):
    """A finger leaves the pointer where it tapped; hover colours are for pointers that hover. A radio beside a long
    choice stays on its first line (it sat in the middle of the choice). The hint says nothing of arrow keys, and the
    clear button starts its own line (wrapped after the links, it stood indented by their space)."""
    tab = new_tab(viewport=PHONE, touch=True, reduced_motion="reduce")
    choice = question(open_quiz(tab, OTHER), 0).locator("label.quiz__choice").first  # its choices run to 70 characters
    assert "화살표" not in tab.page.locator(".quiz-summary__hint").inner_text()
    assert tab.page.evaluate("""() => { const b = document.querySelector(".quiz-summary .quiz__retry").getBoundingClientRect();
      return Math.abs(b.left - document.querySelector(".quiz-summary__count").getBoundingClientRect().left); }""") < 1
    plain = choice.evaluate("label => getComputedStyle(label).borderTopColor")
    choice.hover()
    assert choice.evaluate("label => getComputedStyle(label).borderTopColor") == plain
    # each radio sits on its choice's first line, beside the number, however many lines the choice takes
    offsets = tab.page.locator("article .quiz label.quiz__choice").evaluate_all("""labels => labels.map((label) => {
      const radio = label.querySelector("input").getBoundingClientRect(), number = label.querySelector(".quiz__number");
      const first = parseFloat(getComputedStyle(number).lineHeight), top = number.getBoundingClientRect().top;
      return Math.round(radio.top + radio.height / 2 - (top + first / 2)); })""")
    tall = tab.page.locator("article .quiz label.quiz__choice").evaluate_all(
        "labels => labels.filter((l) => l.getBoundingClientRect().height > 80).length")
    assert tall and all(abs(o) <= 2 for o in offsets), f"{tall} choices of two lines or more; radios off their first line by {offsets}"


def test_a_question_answered_by_keyboard_arrows_choose_space_answers_focus_stays(tab, bank):
    page = open_quiz(tab)
    qs = on_page(bank, PAGE)
    # Tab from the control before the first question reaches its first choice, named by its text
    page.get_by_role("button", name="이 페이지의 답 지우기").focus()
    page.keyboard.press("Tab")
    first = question(page, 0).get_by_role("radio").first
    assert first.evaluate("el => el === document.activeElement")
    assert question(page, 0).locator("fieldset").count() == 1
    group_name = question(page, 0).locator("fieldset").evaluate(
        "f => document.getElementById(f.getAttribute('aria-labelledby')).textContent")
    assert group_name.startswith("문제 1.")
    page.keyboard.press("ArrowDown")  # moves to choice 2 and checks it, but does not answer
    assert question(page, 0).locator("input:checked").get_attribute("value") == "2"
    assert question(page, 0).locator(".quiz__status").inner_text() == ""
    assert page.evaluate(STORED) is None
    page.keyboard.press("Space")  # answers with choice 2
    assert status(page, 0) == ("정답입니다." if qs[0]["answer"] == 2 else f"오답입니다. 정답은 {qs[0]['answer']}번입니다.")
    assert page.evaluate("document.activeElement.value") == "2"  # focus stays on the chosen choice
    assert question(page, 0).locator("details").evaluate("d => d.open")
    page.keyboard.press("ArrowDown")  # the other choices are locked: it moves nothing, and leaves nothing behind
    # Tab goes on to 다시 풀기, Enter retries and puts focus on the first choice
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "다시 풀기"
    page.keyboard.press("Enter")
    assert first.evaluate("el => el === document.activeElement") and qs[0]["id"] in page.evaluate(STORED)["answers"]
    page.keyboard.press("Space")  # the first Space answers
    assert page.evaluate(STORED)["answers"][qs[0]["id"]]["c"] == 1
    assert status(page, 0) == ("정답입니다." if qs[0]["answer"] == 1 else f"오답입니다. 정답은 {qs[0]['answer']}번입니다.")
    # Enter on a choice answers with it
    question(page, 1).get_by_role("radio").nth(2).focus()
    page.keyboard.press("Enter")
    assert status(page, 1) == ("정답입니다." if qs[1]["answer"] == 3 else f"오답입니다. 정답은 {qs[1]['answer']}번입니다.")
    assert page.evaluate(STORED)["answers"][qs[1]["id"]]["c"] == 3
    # a click on the choice an arrow key checked answers with it
    question(page, 2).get_by_role("radio").first.focus()
    page.keyboard.press("ArrowDown")
    question(page, 2).locator("label.quiz__choice").nth(1).click()
    assert page.evaluate(STORED)["answers"][qs[2]["id"]]["c"] == 2
    assert status(page, 2) == ("정답입니다." if qs[2]["answer"] == 2 else f"오답입니다. 정답은 {qs[2]['answer']}번입니다.")
    clean(tab)


# --- progress that stays ---------------------------------------------------------------------------------


def test_answers_survive_reload_instant_navigation_and_back_and_progress_counts_them(tab, bank):
    page = open_quiz(tab)
    here, there = on_page(bank, PAGE), on_page(bank, OTHER)
    question(page, 0).locator("label.quiz__choice").nth(here[0]["answer"] - 1).click()  # right
    question(page, 1).locator("label.quiz__choice").nth(wrong_choice(here[1]) - 1).click()  # wrong
    status(page, 1)

    page.reload()
    page.wait_for_selector(READY)
    assert question(page, 0).locator("input:checked").get_attribute("value") == str(here[0]["answer"])
    assert question(page, 1).locator(".quiz__status").inner_text() == f"오답입니다. 정답은 {here[1]['answer']}번입니다."
    assert question(page, 1).locator("details").evaluate("d => d.open")
    assert question(page, 2).locator("input:checked").count() == 0

    # instant navigation to another topic page: its script runs, its answer is kept too
    tab.click_instantly(f'article a[href$="{OTHER}"]', f"**/{OTHER}**")
    page.wait_for_function(READY_ON, arg="Amazon VPC")
    question(page, 0).locator("label.quiz__choice").nth(there[0]["answer"] - 1).click()
    status(page, 0)

    # back: the first page with its answers
    page.go_back()
    page.wait_for_function(READY_ON, arg="RFC 1918")
    page.wait_for_function(STATUS_SET, arg=1)
    assert question(page, 1).locator("input:checked").get_attribute("value") == str(wrong_choice(here[1]))
    assert page.evaluate("window.__sameDocument === true"), "the back button reloaded the page"

    # 학습 현황, reached by instant navigation from the page's own link
    tab.click_instantly(".quiz-summary a[href$='study/progress/']", "**/study/progress/**")
    shown(tab, "[data-study-progress] table")
    rows = page.locator("[data-study-progress] tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))")
    table = {row[0]: row[1:] for row in rows}
    assert table["RFC 1918 (사설 IP 주소)"] == [str(len(here)), "2", "1"]
    assert table["Amazon VPC"] == [str(len(there)), "1", "1"]
    assert table["네트워킹"][1:] == ["3", "2"]
    assert table["전체"] == [str(len(bank["questions"])), "3", "2"]
    assert page.locator(".study-total").first.inner_text().startswith(f"전체 {len(bank['questions'])}문제 중 3문제를 풀었고 2문제를")
    # the 오답 노트 holds the one wrong answer, linked to its teaching section, and retries in place
    wrong = page.locator("[data-study-wrong] .quiz")
    assert wrong.count() == 1
    link = page.locator("[data-study-wrong] .study-links a").first
    assert link.get_attribute("href").endswith(here[1]["teach"]["href"])
    wrong.get_by_role("button", name="다시 풀기").click()
    assert page.evaluate(STORED)["answers"][here[1]["id"]], "다시 풀기 alone takes the question out of the 오답 노트"
    wrong.locator("label.quiz__choice").nth(here[1]["answer"] - 1).click()
    page.wait_for_function("() => document.querySelector('[data-study-wrong] .quiz__status').textContent === '정답입니다.'")
    page.wait_for_function("""() => [...document.querySelectorAll('[data-study-progress] tfoot td')]
      .map(c => c.textContent).join() === '%d,3,3'""" % len(bank["questions"]))
    # the grand total reads as one row: every cell bold (as the subtotals) under one rule
    assert set(page.locator("[data-study-progress] tfoot tr > *").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c).fontWeight + ' ' + getComputedStyle(c).borderTopWidth)")) \
        == {"700 2px"}
    assert page.locator("[data-study-wrong] .study-total").inner_text().startswith("마지막 답이 틀린 문제가 없습니다.")
    clean(tab)


# Counts the page scripts that wait for another file ("study:ready", see study-quiz.js `ready`).
COUNT_WAITING = """(() => {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === "study:ready") window.__studyWaiting = (window.__studyWaiting || 0) + 1;
    return add.call(this, type, ...rest);
  };
})();"""


@pytest.mark.parametrize("held,link,ready", [
    ("study-core.js", 'article a[href$="networking/rfc-1918/"]', READY),
    ("study-pages.js", 'nav a[href$="study/progress/"]', "[data-study-progress] table"),
], ids=["topic page", "학습 현황"])
def test_scripts_that_arrive_out_of_order_after_instant_navigation_still_start(tab, held, link, ready):
    """After instant navigation Material inserts a page's scripts at once and each runs when it arrives: a
    file that needs another waits for it. Here the other is held back until the first is waiting."""
    page = tab.page
    tab.context.add_init_script(COUNT_WAITING)
    tab.goto("networking/")  # no study file has run in this tab yet
    routes = []
    page.route(f"**/javascripts/{held}", lambda route: routes.append(route))
    tab.click_instantly(link, "**/" + link.split('"')[1] + "**")
    page.wait_for_function("() => window.__studyWaiting >= 1")  # a script ran before the file it needs
    assert page.locator(ready).count() == 0
    routes[0].continue_()
    shown(tab, ready)
    clean(tab)


def test_clearing_a_page_and_clearing_everything(tab, bank):
    page = open_quiz(tab)
    here = on_page(bank, PAGE)
    for i in range(2):
        question(page, i).locator("label.quiz__choice").first.click()
    start = page.get_by_role("button", name="이 페이지의 답 지우기")
    start.click()  # asks first, and 취소 keeps the answers
    confirm = page.get_by_role("button", name="답 지우기", exact=True)
    assert page.get_by_role("button", name="취소").evaluate("el => el === document.activeElement"), "not on 취소"
    assert page.locator(".quiz-summary .study-confirm").inner_text().startswith("이 페이지 문제 2개에 대한 답을 지웁니다.")
    page.get_by_role("button", name="취소").click()
    assert start.evaluate("el => el === document.activeElement") and len(page.evaluate(STORED)["answers"]) == 2
    start.click()
    confirm.click()
    assert page.evaluate(STORED)["answers"] == {}
    assert page.locator("article .quiz input:checked").count() == 0
    page.wait_for_function(
        "() => document.querySelector('.quiz-summary [role=status]').textContent === '이 페이지의 답을 지웠습니다.'")
    assert page.locator(".quiz-summary__count").inner_text() == f"이 페이지의 {len(here)}문제 중 아직 푼 문제가 없습니다."
    start.click()
    assert page.locator(".quiz-summary .study-confirm").inner_text().startswith("이 페이지에는 지울 답이 없습니다.")
    assert confirm.is_hidden() and page.get_by_role("button", name="취소").evaluate("el => el === document.activeElement")

    question(page, 0).locator("label.quiz__choice").first.click()
    status(page, 0)
    # and the answer to a question reworded since (its id is a hash of the old wording)
    page.evaluate(f"""() => {{ const r = JSON.parse(localStorage.getItem({KEY!r}));
      r.answers["networking/vpc:0badf00d"] = {{c: 1, t: 1}}; localStorage.setItem({KEY!r}, JSON.stringify(r)); }}""")
    tab.goto("study/progress/")
    shown(tab, "[data-study-clear] button")
    page.get_by_role("button", name="학습 기록 모두 지우기").click()
    confirm = page.get_by_role("button", name="모두 지우기", exact=True)
    assert page.get_by_role("button", name="취소").evaluate("el => el === document.activeElement"), "not on 취소"
    assert "답 2개(지금 사이트에 없는 문제의 답 1개 포함)를 모두 지웁니다" in page.locator(".study-confirm").inner_text()
    page.evaluate("() => { Storage.prototype.removeItem = () => { throw new DOMException('denied', 'SecurityError'); }; }")
    confirm.click()  # the record stays stored: not said to be gone
    page.wait_for_function("() => document.querySelector('[data-study-progress] [role=status]').textContent"
                           ".startsWith('이 화면의 기록은 지웠지만')")
    assert len(page.evaluate(STORED)["answers"]) == 2
    page.reload()
    shown(tab, "[data-study-clear] button")
    page.get_by_role("button", name="학습 기록 모두 지우기").click()
    confirm.click()
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert page.locator("[data-study-progress] tfoot td").all_inner_texts() == [str(len(bank["questions"])), "0", "0"]
    assert page.get_by_role("button", name="학습 기록 모두 지우기").evaluate("el => el === document.activeElement")
    open_quiz(tab)
    assert page.locator("article .quiz input:checked").count() == 0
    clean(tab)


@pytest.mark.parametrize("kind", BROKEN_STORAGE)
def test_broken_storage_gets_one_notice_and_no_error(new_tab, kind, bank):
    tab = new_tab()
    tab.context.add_init_script(BROKEN_STORAGE[kind])
    page = open_quiz(tab)
    here = on_page(bank, PAGE)
    for i in range(3):
        question(page, i).locator("label.quiz__choice").nth(here[i]["answer"] - 1).click()
        assert status(page, i) == "정답입니다."
    page.wait_for_function("() => [...document.querySelectorAll('.study-notice')].some(n => n.textContent)")
    notices = [t for t in page.locator(".study-notice").all_inner_texts() if t]
    assert len(notices) == 1 and notices[0].endswith(("니다.", "십시오.")), notices
    assert page.locator(".quiz-summary__count").inner_text().endswith("3문제를 풀었고 3문제를 맞혔습니다.")
    # instant navigation: the answers of this visit stay in memory, and nothing is said again
    tab.click_instantly(f'article a[href$="{OTHER}"]', f"**/{OTHER}**")
    page.wait_for_function(READY_ON, arg="Amazon VPC")
    question(page, 0).locator("label.quiz__choice").first.click()
    status(page, 0)
    assert [t for t in page.locator(".study-notice").all_inner_texts() if t] == []
    page.go_back()
    page.wait_for_function(READY_ON, arg="RFC 1918")
    page.wait_for_function(STATUS_SET, arg=2)
    assert not tab.errors, tab.errors
    assert tab.blocked == []


def test_a_partly_damaged_record_keeps_its_good_answers_and_says_so(new_tab, bank):
    """One answer readable, one damaged: the good one counts, and the notice (on the exam page too, before any
    exam) says what was skipped rather than that a new record starts."""
    here = on_page(bank, PAGE)
    record = json.dumps({"v": 1, "answers": {here[0]["id"]: {"c": here[0]["answer"], "t": 1}, here[1]["id"]: {"c": "x"}}})
    tab = new_tab()
    tab.context.add_init_script(f"localStorage.setItem({KEY!r}, {record!r})")
    for path in (PAGE, "study/exam/"):
        tab.goto(path)
        tab.page.wait_for_function("() => [...document.querySelectorAll('.study-notice')].some(n => n.textContent)")
        notices = [t for t in tab.page.locator(".study-notice").all_inner_texts() if t]
        assert notices == ["저장된 학습 기록 가운데 손상된 답은 읽을 수 없어 건너뛰었습니다. 나머지 기록은 그대로입니다."], (path, notices)
        if path == PAGE:
            assert tab.page.locator(".quiz-summary__count").inner_text().endswith("1문제를 풀었고 1문제를 맞혔습니다.")
    # then the exam's answers cannot be saved (a full quota): that is said too, though a notice was already given
    page = tab.page
    page.evaluate("""() => { Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    page.get_by_role("button", name="모의고사 시작").click()
    page.locator(".exam__question input").first.check()
    # the tab cannot keep the exam either: said at once (with the start), not at the hand-in, and kept in view
    unkept = page.locator(".exam__bar + .study-notice")
    expect(unkept).to_have_text(UNKEPT, timeout=WAIT_MS)
    expect(page.locator("[data-study-exam] > .study-sr-only[role=status]")).to_have_text(re.compile(" " + re.escape(UNKEPT) + "$"))
    page.get_by_role("button", name="다음 문제").click()
    expect(unkept).to_have_count(1, timeout=WAIT_MS)
    page.get_by_role("button", name="답안 제출").click()
    page.get_by_role("button", name="제출", exact=True).click()  # the others unanswered: confirm
    page.wait_for_function("() => [...document.querySelectorAll('.study-notice')].some(n => n.textContent.startsWith('브라우저 저장 공간'))")
    assert not tab.errors


def test_an_exam_on_one_page_that_the_tab_cannot_keep_says_so_and_starts_at_its_first_question(new_tab):
    tab = new_tab()
    tab.context.add_init_script(BROKEN_STORAGE["quota"])
    page = start_exam(tab, "?n=10&seed=unkept&mode=list")
    expect(page.locator(".exam__bar + .study-notice")).to_have_text(UNKEPT, timeout=WAIT_MS)
    assert page.locator(".exam__heading").first.evaluate("el => el === document.activeElement")
    assert page.locator(".exam__question").count() == 10 and not tab.errors


UNREADABLE = "이 브라우저에 저장된 학습 기록은 이 버전의 사이트가 읽을 수 없습니다. {} 모두 지웁니다. 지운 기록은 되돌릴 수 없습니다."


@pytest.mark.parametrize("kind", ["newer", "garbage", "partial"])
def test_a_record_this_version_cannot_read_is_cleared_from_progress_and_what_was_said_of_it_goes(tab, bank, kind):
    """A newer version's record (read-only: answers meanwhile stay in the tab's memory) or garbage: 모두 지우기 says
    the record cannot be read and deletes it, then answers save again. A partly damaged one is cleared as usual.
    Either way, the notice about the old record goes with it."""
    here = on_page(bank, PAGE)
    record = {"newer": '{"v":2,"answers":{"networking/vpc:cfe984b3":{"c":3,"t":1}}}', "garbage": "xx",
              "partial": json.dumps({"v": 1, "answers": {here[0]["id"]: {"c": 1, "t": 1}, here[1]["id"]: {"c": "x"}}})}
    page = tab.page
    tab.goto(PAGE if kind == "newer" else "study/progress/")
    page.evaluate(f"(record) => localStorage.setItem({KEY!r}, record)", record[kind])
    page.reload()
    page.wait_for_function(f"() => ({NOTICES})().length === 1")
    if kind == "garbage":  # what becomes of it
        assert page.evaluate(NOTICES)[0].endswith("다음에 푸는 답부터 새 기록에 저장하며, 그때 읽을 수 없는 기록은 지워집니다.")
        # ... and, once an answer has replaced it, what became of it (on the page where the reader answered)
        tab.goto(PAGE)
        page.wait_for_selector(READY)
        question(page, 0).locator("label.quiz__choice").first.click()
        status(page, 0)
        page.wait_for_function(f"() => ({NOTICES})()[0] === '저장된 학습 기록을 읽을 수 없어(이전 버전의 기록이거나 "
                               "손상된 기록) 지우고, 새 기록에 답을 저장했습니다.'")
        assert len(page.evaluate(STORED)["answers"]) == 1
        page.evaluate(f"(record) => localStorage.setItem({KEY!r}, record)", record[kind])  # damaged again, for 모두 지우기
        tab.goto("study/progress/")
        page.wait_for_function(f"() => ({NOTICES})().length === 1")
    if kind == "newer":  # not saved, and the notice says the way out; the answer is kept for the tab
        assert "학습 현황의 '학습 기록 모두 지우기'로" in page.evaluate(NOTICES)[0]
        page.wait_for_selector(READY)
        question(page, 1).locator("label.quiz__choice").first.click()
        status(page, 1)
        tab.click_instantly(".quiz-summary a[href$='study/progress/']", "**/study/progress/**")
    shown(tab, "[data-study-clear] button")
    expected = {"newer": UNREADABLE.format("그 기록과 저장하지 못한 답 1개를"), "garbage": UNREADABLE.format("그 기록을"),
                "partial": "이 브라우저에 저장된 답 1개를 모두 지웁니다. 지운 기록은 되돌릴 수 없습니다."}
    page.get_by_role("button", name="학습 기록 모두 지우기").click()
    confirm = page.get_by_role("button", name="모두 지우기", exact=True)
    assert page.get_by_role("button", name="취소").evaluate("el => el === document.activeElement"), "not on 취소"
    asked = page.locator("[data-study-clear] .study-confirm p").first.inner_text()
    assert asked == expected[kind]
    confirm.click()
    page.wait_for_function("() => document.querySelector('[data-study-progress] > .study-sr-only').textContent"
                           " === '학습 기록을 모두 지웠습니다.'")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert page.evaluate(NOTICES) == []
    # answers save again (in this tab, after instant navigation), and nothing more is said of the old record
    tab.click_instantly(f'[data-study-progress] a[href$="{PAGE}#quiz"]', f"**/{PAGE}**")
    page.wait_for_function(READY_ON, arg="RFC 1918")
    question(page, 0).locator("label.quiz__choice").nth(here[0]["answer"] - 1).click()
    assert status(page, 0) == "정답입니다."
    assert page.evaluate(STORED)["answers"][here[0]["id"]]["c"] == here[0]["answer"]
    assert page.evaluate(NOTICES) == []
    clean(tab)


# --- the mock exam ---------------------------------------------------------------------------------------


def start_exam(tab, query: str):
    tab.goto("study/exam/" + query)
    page = tab.page
    page.wait_for_selector("form.exam-setup")
    page.get_by_role("button", name="모의고사 시작").click()
    asked = page.locator("[data-study-exam] .study-confirm:not([hidden])")  # an unfinished exam of the tab: replace it
    if asked.count():
        asked.get_by_role("button", name="새로 시작").click()
    page.wait_for_selector(".exam__question")
    return page


def exam_texts(page) -> list[str]:
    return page.locator(".exam__question > p").all_inner_texts()


def by_text(bank) -> dict:
    from bs4 import BeautifulSoup
    return {" ".join(BeautifulSoup(q["q"], "html.parser").get_text().split()): q for q in bank["questions"]}


def test_the_same_seed_draws_the_same_set_from_ten_sections_and_scores_it(tab, bank):
    tab.goto("study/exam/")
    tab.page.wait_for_selector("form.exam-setup")
    hole = tab.page.locator("[data-study-exam]").evaluate(
        "app => app.offsetHeight - [...app.children].reduce((sum, child) => sum + child.offsetHeight, 0)")
    assert hole < 80, f"{hole}px of empty space under the setup form (the box that avoids a layout shift)"
    page = start_exam(tab, "?n=10&seed=k3x9q2&mode=list")
    first = exam_texts(page)
    assert len(first) == 10 and len(set(first)) == 10
    assert "seed=k3x9q2" in page.url and "n=10" in page.url
    page = start_exam(tab, "?n=10&seed=k3x9q2&mode=list")
    assert exam_texts(page) == first
    page = start_exam(tab, "?n=10&seed=other&mode=list")
    assert exam_texts(page) != first
    # scrolling back up shows Material's "back to top" button: below the sticky bar, not over it
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    page.mouse.wheel(0, -300)
    page.wait_for_selector(".md-top:not([hidden])")  # Material hides it with the attribute
    page.evaluate(STILL_JS)
    top = page.locator(".md-top").evaluate("el => el.getBoundingClientRect().top")
    bar = page.locator(".exam__bar").evaluate("el => [el.getBoundingClientRect().top, el.getBoundingClientRect().bottom]")
    assert abs(bar[0] - 48) < 1, f"the status bar is not stuck under the header: {bar}"  # 2.4rem
    assert top >= bar[1] - 0.5, "Material's back-to-top button covers the exam's status bar"
    # on a narrower screen the bar wraps: the offset follows its new height
    height = page.locator(".exam__bar").evaluate("el => el.offsetHeight")
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_function("""(before) => { const h = document.querySelector(".exam__bar").offsetHeight;
      return h > before && getComputedStyle(document.documentElement).getPropertyValue("--exam-bar") === h + "px"; }""",
                           arg=height)
    page.set_viewport_size(tab.viewport)

    page = start_exam(tab, "?n=10&seed=k3x9q2&mode=list")
    known = by_text(bank)
    drawn = [known[" ".join(t.split())] for t in exam_texts(page)]
    assert len({q["section"] for q in drawn}) == 10
    # right for the first six, wrong for the next three, the last unanswered
    for i, q in enumerate(drawn[:9]):
        choice = q["answer"] if i < 6 else wrong_choice(q)
        page.locator(".exam__question").nth(i).locator("label.quiz__choice").nth(choice - 1).click()
    page.get_by_role("button", name="답안 제출").click()
    page.get_by_role("button", name="제출", exact=True).click()  # one left unanswered: confirm
    result = page.locator("#exam-result")
    assert result.evaluate("el => el === document.activeElement")
    assert page.locator(".exam__score").inner_text() == "10문제 중 6문제를 맞혔습니다(60%). 답하지 않은 문제가 1개 있습니다."
    sections = page.locator("table tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert len(sections) == 10 and sum(int(r[2]) for r in sections) == 6
    lines = page.locator("table tbody tr").nth(1).evaluate("r => [...r.cells].map(c => getComputedStyle(c).borderTopWidth)")
    assert len(set(lines)) == 1 and lines[0] != "0px", f"a row's line runs across every cell, its heading too: {lines}"
    misses = page.locator(".exam-miss")
    assert misses.count() == 4
    assert page.locator("#exam-misses").inner_text() == "틀렸거나 답하지 않은 문제 4개"
    for i in range(4):
        q = drawn[6 + i]
        miss = misses.nth(i)
        assert miss.locator(".exam-miss__explain").inner_text().startswith(f"정답: {q['answer']}번")
        assert miss.locator(".study-links a").get_attribute("href").endswith(q["teach"]["href"])
        title = next(p["title"] for p in bank["pages"] if p["page"] == q["page"])
        assert miss.locator(".study-links a").inner_text() == f"이 내용을 다루는 절: {q['teach']['text']} · {title}"
    assert "답하지 않았습니다." in misses.nth(3).inner_text()
    # the link of a miss opens its teaching section
    href = misses.first.locator(".study-links a").get_attribute("href")
    assert page.request.get(href.split("#")[0]).ok
    # the answers went into the stored progress
    answers = page.evaluate(STORED)["answers"]
    assert {q["id"] for q in drawn[:9]} == set(answers)
    clean(tab)


# Where the focused question heading is, and where the exam's sticky bar ends (px from the top of the viewport).
CLEAR_OF_BAR = """() => [document.querySelector(".exam__heading").getBoundingClientRect().top,
  document.querySelector(".exam__bar").getBoundingClientRect().bottom]"""


def test_one_question_at_a_time_by_keyboard_and_click(tab, bank):
    page = start_exam(tab, "?n=20&seed=keys")
    known = by_text(bank)
    heading = page.locator(".exam__heading")
    assert heading.evaluate("el => el === document.activeElement") and heading.inner_text().startswith("문제 1")
    drawn = []
    for n in range(1, 21):
        drawn.append(known[" ".join(page.locator(".exam__question > p").inner_text().split())])
        page.locator(".exam__question input").first.focus()
        page.keyboard.press("ArrowDown")  # choice 2
        if n == 1:  # nothing is marked before the hand-in, yet the chosen answer shows by more than its dot
            page.mouse.move(0, 0)  # (and no choice is under the pointer)
            borders = page.locator(".exam__question label.quiz__choice").evaluate_all(
                "labels => labels.map((l) => getComputedStyle(l).borderTopColor)")
            assert borders[1] not in borders[:1] + borders[2:], borders
        if n < 20:
            page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")  # as far down as a reader may be
            if n % 2:
                page.get_by_role("button", name="다음 문제").click()
            else:
                page.get_by_role("button", name="다음 문제").focus()
                page.keyboard.press("Enter")
            page.wait_for_function(
                "(n) => document.querySelector('.exam__heading').textContent.startsWith('문제 ' + n + ' ')", arg=n + 1)
            assert heading.evaluate("el => el === document.activeElement")
            top, under = page.evaluate(CLEAR_OF_BAR)
            assert top >= under - 0.5, f"question {n + 1}: its heading at {top}px is under the sticky bar ({under}px)"
    assert page.locator(".exam__meta").inner_text().endswith("답한 문제 20개")
    assert page.get_by_role("button", name="문제 5 (답함)").count() == 1
    page.get_by_role("button", name="답안 제출").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#exam-result")
    right = sum(1 for q in drawn if q["answer"] == 2)
    assert page.locator(".exam__score").inner_text() == f"20문제 중 {right}문제를 맞혔습니다({round(right * 5)}%)."
    assert page.locator(".exam-miss").count() == 20 - right
    clean(tab)


START = 1_767_225_600  # 2026-01-01 (seconds): a fixed clock for the exam kept for the tab


def test_the_timer_says_its_milestones_and_hands_in_at_zero(tab):
    page = tab.page
    page.clock.install(time=START)
    page.clock.pause_at(START + 1)  # the exam's time moves only when the test moves it: a busy machine is no matter
    tab.goto("study/exam/")  # the option says each size's time
    assert page.locator("form.exam-setup label:has(input[name=timer])").inner_text().strip() == \
        "시간 제한 (문제당 2분: 10문제 20분, 20문제 40분, 65문제 130분)"
    start = start_exam(tab, "?n=10&seed=timer&timer=1")
    assert start.get_by_role("timer").inner_text() == "20:00"
    page.locator(".exam__question label.quiz__choice").first.click()
    page.clock.fast_forward("10:01")
    page.wait_for_function("() => document.querySelector('[role=timer]').textContent === '09:59'")
    page.clock.run_for(1)  # a live region is written a task later (study-quiz.js `say`): the paused clock moves to it
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=status]')].some(s => s.textContent === '남은 시간이 10분입니다.')")
    page.clock.fast_forward("10:00")
    page.wait_for_selector("#exam-result")
    assert "시간이 끝나 답안을 제출했습니다." in page.locator("[data-study-exam]").inner_text()
    assert page.locator(".exam__score").inner_text().startswith("10문제 중")
    clean(tab)


def test_an_exam_in_progress_survives_a_reload_and_goes_on_where_it_was(tab):
    page = tab.page
    page.clock.install(time=START)
    page.clock.pause_at(START + 1)  # the exam's time moves only when the test moves it: a busy machine is no matter
    start_exam(tab, "?n=10&seed=again&timer=1")
    page.locator(".exam__question label.quiz__choice").nth(1).click()
    for n in (2, 3):
        page.get_by_role("button", name="다음 문제").click()
        page.wait_for_function("(n) => document.querySelector('.exam__heading').textContent.startsWith('문제 ' + n + ' ')",
                               arg=n)
    page.locator(".exam__question label.quiz__choice").first.click()
    page.clock.fast_forward("05:00")
    page.evaluate("() => scrollTo(0, document.documentElement.scrollHeight)")  # the reader was at the foot of the page
    page.reload()
    page.wait_for_selector("form.exam-setup")
    page.wait_for_function("() => document.readyState === 'complete'")  # past the load, when a browser restores its offset
    assert page.get_by_role("button", name="이어서 풀기").evaluate(
        "(b) => { const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"), "the offer is out of view"
    assert "문제 세트 번호 again의 10문제 중 2문제에 답했습니다. 남은 시간은 15분입니다." in page.locator(".exam-setup__shared").first.inner_text()
    page.get_by_role("button", name="모의고사 시작").click()  # asks before the unfinished exam goes; 취소 keeps it
    assert page.get_by_role("button", name="취소").evaluate("el => el === document.activeElement"), "not on 취소"
    assert "풀던 모의고사(답한 문제 2개)를 지우고 새로 시작합니다." in page.locator("[data-study-exam] .study-confirm").inner_text()
    page.get_by_role("button", name="취소").click()
    assert page.locator(".exam__question").count() == 0 and page.get_by_role("button", name="이어서 풀기").count() == 1
    # a set number it cannot carry is said first, and asked about only once mended; a number spoiled while asked
    # is said too, and the exam stays (asked again once the number is mended)
    seed, asked = page.get_by_label("문제 세트 번호"), page.locator("[data-study-exam] .study-confirm")
    seed.fill("한글")
    page.get_by_role("button", name="모의고사 시작").click()
    page.wait_for_selector("#exam-seed[aria-invalid=true]:focus")
    assert asked.is_hidden()
    seed.fill("again")
    page.get_by_role("button", name="모의고사 시작").click()
    assert asked.is_visible()
    seed.fill("한글")
    page.get_by_role("button", name="새로 시작").click()
    page.wait_for_selector("#exam-seed[aria-invalid=true]:focus")
    assert asked.is_hidden() and page.locator(".exam__question").count() == 0
    seed.fill("again")
    page.get_by_role("button", name="모의고사 시작").click()
    assert asked.is_visible(), "asked again"
    page.get_by_role("button", name="취소").click()
    page.get_by_role("button", name="이어서 풀기").click()
    page.wait_for_selector(".exam__question")
    assert page.locator(".exam__heading").inner_text().startswith("문제 3")
    assert page.locator(".exam__meta").inner_text().endswith("답한 문제 2개")
    assert page.locator(".exam__question input:checked").get_attribute("value") == "1"
    assert page.get_by_role("button", name="문제 1 (답함)").count() == 1
    # in forced colours (Windows high contrast) too, an answered number looks unlike an unanswered one
    page.emulate_media(forced_colors="active")
    looks = """(b) => { const rgba = (c) => c.match(/[\\d.]+/g).map(Number), cs = getComputedStyle(b);
      const [fill, page] = [rgba(cs.backgroundColor), rgba(getComputedStyle(document.body).backgroundColor)];
      const alpha = fill.length > 3 ? fill[3] : 1;  // the fill as drawn over the page (transparent: the page)
      return [cs.color, cs.borderTopColor, [0, 1, 2].map((i) => Math.round(fill[i] * alpha + page[i] * (1 - alpha)))].join(); }"""
    assert page.get_by_role("button", name="문제 1 (답함)").evaluate(looks) != \
        page.get_by_role("button", name="문제 4", exact=True).evaluate(looks)
    page.emulate_media(forced_colors="none")
    assert page.get_by_role("timer").inner_text() == "15:00"
    exam = page.url
    page.goto("about:blank")  # the time runs out while the reader is away: handed in when the page is opened again
    page.clock.fast_forward("15:01")
    page.goto(exam)
    page.wait_for_selector("#exam-result")
    assert "시간이 끝나 답안을 제출했습니다." in page.locator("[data-study-exam]").inner_text()
    page.reload()  # handed in: its result again, nothing to go on with
    page.wait_for_selector("#exam-result")
    assert "시간이 끝나 답안을 제출했습니다." in page.locator("[data-study-exam]").inner_text()
    assert page.get_by_role("button", name="이어서 풀기").count() == 0
    page.evaluate("() => sessionStorage.setItem('aws-study-notes.exam.v1', '{oops')")  # not offered either: said, once
    page.reload()
    page.wait_for_selector("form.exam-setup")
    expect(page.locator("[data-study-exam] .study-notice")).to_have_text(LOST, timeout=WAIT_MS)
    assert page.get_by_role("button", name="이어서 풀기").count() == 0 and not tab.errors, tab.errors
    page.reload()
    page.wait_for_selector("form.exam-setup")
    assert page.locator("[data-study-exam] .study-notice").count() == 0
    clean(tab)


RESULT = "[data-study-exam] > :not([role=status])"  # the result as shown (the live region is said once)


def test_a_handed_in_exam_shows_its_result_again_after_reload_and_back_until_another_starts(tab):
    """The tab keeps the result (its questions, answers, set, whether time ran out), not the page: a reload and Back
    draw it again without recording the answers twice; a new exam or 새 문제로 풀기 replaces it; an unreadable value
    is ignored."""
    page = start_exam(tab, "?n=10&seed=abc123&mode=list&timer=0")
    page.locator(".exam__question").first.locator("label.quiz__choice").first.click()
    page.get_by_role("button", name="답안 제출").click()
    # which questions are unanswered: on a page of 65 the reader could not find them
    assert page.locator("#exam-confirm-text").inner_text() == \
        "답하지 않은 문제가 9개 있습니다(2·3·4·5·6·7·8·9·10번). 그래도 제출하시겠습니까?"
    page.get_by_role("button", name="제출", exact=True).click()
    page.wait_for_selector("#exam-result")
    # a screen reader reads the mark apart from the choice ("…추가한다정답" before)
    assert re.search(r"\S ✓정답$", page.locator(".exam-miss__right").first.text_content()), \
        page.locator(".exam-miss__right").first.text_content()
    result, stored = page.locator(RESULT).all_inner_texts(), page.evaluate(STORED)
    assert page.locator(".exam-miss").count() >= 9
    page.reload()
    page.wait_for_selector("#exam-result")
    assert page.locator(RESULT).all_inner_texts() == result
    assert page.evaluate(STORED) == stored, "the answers were recorded again"
    tab.click_instantly("[data-study-exam] a[href$='study/progress/#wrong']", "**/study/progress/**")
    shown(tab, "[data-study-progress] table")
    top, end = page.evaluate("""() => [document.getElementById("wrong").getBoundingClientRect().top,
      scrollY + innerHeight >= document.documentElement.scrollHeight - 1]""")
    assert 0 <= top < page.viewport_size["height"] and (top < 200 or end), \
        f"the 오답 노트 heading is {top}px down the screen (the table pushed it)"  # at the top, or the page's end
    page.go_back()
    page.wait_for_selector("#exam-result")
    assert page.locator(RESULT).all_inner_texts() == result
    # another set's address shows its own setup; the kept result waits at its own address
    tab.goto("study/exam/?n=10&seed=other1&mode=list")
    page.wait_for_selector("form.exam-setup")
    assert page.locator("#exam-result").count() == 0
    page.go_back()
    page.wait_for_selector("#exam-result")
    # the set's address, copied to share it: the result stays; where the browser gives no clipboard, that is said
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy, copied = page.get_by_role("button", name="주소 복사"), page.locator("[data-study-exam] .exam__score ~ p [role=status]")
    copy.click()
    expect(copied).to_have_text(" 이 세트의 주소를 복사했습니다.")
    assert page.evaluate("() => navigator.clipboard.readText()") == page.url
    assert page.url.endswith("study/exam/?n=10&seed=abc123&mode=list")
    page.evaluate("() => Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    copy.click()
    expect(copied).to_have_text(" 주소를 복사하지 못했습니다. 주소 표시줄의 주소를 복사하십시오.")
    page.reload()
    page.wait_for_selector("#exam-result")
    assert page.locator(RESULT).all_inner_texts() == result
    # the same set again: now that exam is what the tab keeps
    page.get_by_role("button", name="같은 문제로 다시 풀기").click()
    page.wait_for_selector(".exam__question")
    page.reload()
    page.wait_for_selector("form.exam-setup")
    assert page.locator("#exam-result").count() == 0 and page.get_by_role("button", name="이어서 풀기").count() == 1
    page.get_by_role("button", name="이어서 풀기").click()
    page.get_by_role("button", name="답안 제출").click()
    page.get_by_role("button", name="제출", exact=True).click()
    page.wait_for_selector("#exam-result")
    # leaving the result (새 문제로 풀기): not shown at its address again
    page.get_by_role("button", name="새 문제로 풀기").click()
    page.wait_for_selector("form.exam-setup")
    set_address = "study/exam/?n=10&seed=abc123&mode=list"
    tab.goto(set_address)
    page.wait_for_selector("form.exam-setup")
    assert page.locator("#exam-result").count() == 0
    # unreadable, or a result of questions the site no longer has: said once on the setup, then gone
    for odd in ("{oops", json.dumps({"v": 1, "params": {"n": 10, "seed": "abc123", "mode": "list", "timer": False},
                                     "ids": ["networking/vpc:00000000"], "answers": {}, "timeUp": False})):
        page.evaluate("(odd) => sessionStorage.setItem('aws-study-notes.exam.v1', odd)", odd)
        page.reload()
        page.wait_for_selector("form.exam-setup")
        expect(page.locator("[data-study-exam] .study-notice")).to_have_text(LOST, timeout=WAIT_MS)
        assert page.evaluate("() => sessionStorage.getItem('aws-study-notes.exam.v1')") is None
    clean(tab)


@pytest.mark.parametrize("seed,error", [("한글테스트", SEED_ERROR), ("<b>x</b>", SEED_ERROR),
                                        ("a" * 40, "문제 세트 번호는 32자까지 쓸 수 있습니다. 고친 뒤 다시 시작하십시오.")])
def test_a_set_number_in_the_address_that_it_cannot_carry_is_said_not_changed(tab, seed, error):
    """As when typed: the value stays as written (never another set, never markup) and the form says what is wrong."""
    tab.goto("study/exam/?seed=" + quote(seed, safe=""))
    page = tab.page
    page.wait_for_selector("form.exam-setup")
    assert page.get_by_label("문제 세트 번호").input_value() == seed
    assert page.locator("#exam-seed").get_attribute("aria-invalid") == "true"
    assert page.locator("#exam-seed-error").inner_text() == error
    assert page.locator("[data-study-exam] b, .exam-setup__shared").count() == 0
    page.get_by_role("button", name="모의고사 시작").click()
    page.wait_for_selector("#exam-seed[aria-invalid=true]:focus")
    assert page.locator(".exam__question").count() == 0
    # Enter in the field: the focus stays, so the complaint is said; mended, it goes.
    page.get_by_label("문제 세트 번호").press("Enter")
    page.wait_for_function("(t) => document.querySelector('[data-study-exam] [role=status]').textContent === t",
                           arg=error)
    page.get_by_label("문제 세트 번호").fill("abc123")
    page.wait_for_selector("#exam-seed:not([aria-invalid])")
    assert page.locator("#exam-seed-error").inner_text() == ""
    if len(seed) > 32:  # typed (or pasted) as long: kept whole and said, not cut to 32 characters (another set)
        field = page.get_by_label("문제 세트 번호")
        field.fill("")
        field.press_sequentially(seed)
        assert field.input_value() == seed
        page.get_by_role("button", name="모의고사 시작").click()
        expect(page.locator("#exam-seed-error")).to_have_text(error)
    clean(tab)


def test_a_question_count_display_mode_or_time_limit_in_the_address_that_the_exam_does_not_offer_is_said(tab):
    tab.goto("study/exam/?n=7&seed=abc123")
    page = tab.page
    page.wait_for_selector("form.exam-setup")
    assert page.locator(".exam-setup__shared").inner_text() == (
        "이 주소의 문제 세트(번호 abc123)로 설정했습니다. 주소의 문제 수(7)는 고를 수 있는 수(10·20·65문제)가 아니어서 20문제로 설정했습니다. "
        "준비되면 '모의고사 시작'을 누르십시오.")
    assert page.get_by_role("radio", name="20문제").is_checked()
    tab.goto("study/exam/?n=7&seed=" + quote("한글", safe=""))  # a bad set number as well: the form says what to fix
    page.wait_for_selector("#exam-seed[aria-invalid=true]")
    assert page.locator(".exam-setup__shared").inner_text() == "주소의 문제 수(7)는 고를 수 있는 수(10·20·65문제)가 아니어서 20문제로 설정했습니다."
    tab.goto("study/exam/?mode=all&seed=abc123")  # a display mode it does not offer: said, and one at a time
    page.wait_for_selector("form.exam-setup")
    assert page.locator(".exam-setup__shared").inner_text() == (
        "이 주소의 문제 세트(번호 abc123, 20문제)로 설정했습니다. 주소의 문제 표시 방식(all)은 고를 수 있는 방식(one: 한 문제씩, "
        "list: 한 페이지에 모두)이 아니어서 한 문제씩으로 설정했습니다. 준비되면 '모의고사 시작'을 누르십시오.")
    assert page.get_by_role("radio", name="한 문제씩").is_checked()
    tab.goto("study/exam/?timer=abc&seed=abc123")  # a time limit it cannot read: said, and none
    page.wait_for_selector("form.exam-setup")
    assert "주소의 시간 제한 값(abc)은 켜기(1)나 끄기(0)가 아니어서 시간 제한 없이 설정했습니다." in \
        page.locator(".exam-setup__shared").inner_text()
    assert not page.get_by_role("checkbox").is_checked()
    clean(tab)


# --- no JavaScript, paper --------------------------------------------------------------------------------


def test_without_javascript_the_page_reads_as_written(new_tab, bank):
    tab = new_tab(javascript=False)
    page = tab.page
    tab.goto(PAGE)
    here = on_page(bank, PAGE)
    assert page.locator("article fieldset, article input[type=radio], .quiz-summary").count() == 0
    lists = page.locator("article .quiz > ol")
    assert lists.count() == len(here) and all(lists.nth(i).is_visible() for i in range(len(here)))
    assert lists.first.locator("li").all_inner_texts()[0].strip()
    details = page.locator("article .quiz > details")
    assert details.count() == len(here) and details.first.locator("summary").inner_text() == ANSWER_TITLE
    assert details.first.evaluate("d => d.open") is False
    assert page.locator("[data-study-exam]").count() == 0
    tab.goto("study/exam/")
    assert "JavaScript" in page.locator("[data-study-exam]").inner_text()


def test_on_paper_choices_and_explanations_print_without_radio_buttons(new_tab, bank):
    """A topic page prints its Markdown list; the exam and the 오답 노트 (no list that shows the answer) print the
    form's choices with the learner's answer in bold."""
    tab = new_tab(color_scheme="dark")  # paper is light whatever the scheme (tests/test_print.py)
    page = open_quiz(tab)
    wrong = wrong_choice(on_page(bank, PAGE)[0])
    question(page, 0).locator("label.quiz__choice").nth(wrong - 1).click()
    status(page, 0)
    page.emulate_media(media="print")
    assert page.locator("article .quiz__form").first.is_hidden()
    assert page.locator(".quiz-summary").is_hidden()
    for i in range(len(on_page(bank, PAGE))):
        assert question(page, i).locator(":scope > ol").is_visible()
        assert question(page, i).locator("details p").first.is_visible()  # print.css opens every answer
    page.emulate_media(media="screen")
    assert question(page, 0).locator(":scope > ol").is_hidden()
    tab.goto("study/exam/")
    page.wait_for_selector("form.exam-setup")
    page.emulate_media(media="print")
    assert page.locator("[data-study-exam]").is_hidden(), "the exam's settings form is printed"
    page.emulate_media(media="screen")
    start_exam(tab, "?n=10&mode=list")
    choices = page.locator(".exam__question").first.locator("label.quiz__choice")
    choices.nth(1).click()
    page.emulate_media(media="print")
    assert choices.count() == 4 and all(choices.nth(c).is_visible() for c in range(4)), "an exam prints no choices"
    assert choices.first.locator("input").is_hidden(), "an exam prints its radio buttons"
    assert [choices.nth(c).evaluate(BOLD) for c in range(4)] == [False, True, False, False], "the chosen answer is not bold"
    tab.goto("study/progress/")
    page.wait_for_selector("[data-study-progress] tfoot")
    paper = page.locator("[data-study-progress] table").evaluate(
        "t => [getComputedStyle(t).breakInside, getComputedStyle(t.tFoot).display]")
    assert paper == ["auto", "table-row-group"], f"the long progress table moves to a new page or repeats its total: {paper}"
    missed = page.locator(".study-wrong .quiz").first  # the 오답 노트 prints the learner's answer, no radio buttons
    assert missed.locator(":scope > ol").is_hidden() and missed.locator("input").first.is_hidden()
    assert missed.locator("label.quiz__choice").nth(wrong - 1).inner_text().endswith("내 답 (오답)")
    assert missed.locator("label.quiz__choice").nth(wrong - 1).is_visible()
    assert missed.locator("label.quiz__choice").nth(wrong - 1).evaluate(BOLD)


# --- accessibility ---------------------------------------------------------------------------------------


def test_axe_finds_nothing_serious_with_answers_notice_progress_and_results(new_tab, bank):
    """Every WCAG 2 A/AA rule (contrast included) on the states test_reading.py::test_every_page does not see: answered questions
    (right and wrong) with the storage notice, 학습 현황 with a 오답 노트, the exam running and finished; each
    state in the light scheme, then its contrast in the dark one (switched in place, as the palette toggle does)."""
    findings = {}

    def audit(tab):
        tab.page.evaluate(STILL_JS)  # Material's header and back-to-top button fade while scrolling
        found = tab.axe(EVERY_RULE)
        tab.scheme("slate")
        found += tab.axe("dark")
        tab.scheme("default")
        return found

    tab = new_tab(reduced_motion="reduce")
    tab.context.add_init_script(BROKEN_STORAGE["quota"])  # the notice is audited too
    page = open_quiz(tab)
    here = on_page(bank, PAGE)
    question(page, 0).locator("label.quiz__choice").nth(here[0]["answer"] - 1).click()
    question(page, 1).locator("label.quiz__choice").nth(wrong_choice(here[1]) - 1).click()
    status(page, 1)
    page.wait_for_function("() => [...document.querySelectorAll('.study-notice')].some(n => n.textContent)")
    findings["topic page"] = audit(tab)

    tab = new_tab(viewport=PHONE, reduced_motion="reduce")
    page = open_quiz(tab)
    question(page, 1).locator("label.quiz__choice").nth(wrong_choice(here[1]) - 1).click()
    status(page, 1)
    tab.goto("study/progress/")
    shown(tab, "[data-study-wrong] .quiz--ready")
    findings["학습 현황"] = audit(tab)
    tab.goto("study/exam/")  # a set number the URL cannot carry: kept as typed, said under the field, not started
    seed = page.get_by_label("문제 세트 번호")
    seed.fill("한글 세트")
    page.get_by_role("button", name="모의고사 시작").click()
    page.wait_for_selector("#exam-seed[aria-invalid=true]:focus")
    assert seed.input_value() == "한글 세트" and page.locator(".exam__question").count() == 0
    assert page.locator("#exam-seed-error").inner_text() == SEED_ERROR
    findings["모의고사 설정"] = audit(tab)
    page = start_exam(tab, "?n=10&seed=axe&mode=list&timer=1")
    findings["모의고사"] = audit(tab)
    page.locator(".exam__question").first.locator("label.quiz__choice").first.click()
    page.get_by_role("button", name="답안 제출").click()
    page.get_by_role("button", name="제출", exact=True).click()
    page.wait_for_selector("#exam-result")
    findings["결과"] = audit(tab)
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0  # fits a phone
    assert {name: found for name, found in findings.items() if found} == {}
    clean(tab)


# Where the 오답 노트 heading sits: its top, and the bottom of Material's sticky header (px from the top of the window),
# and whether it is :target.
WRONG_AT = """() => { const h = document.getElementById("wrong");
  return [h.getBoundingClientRect().top, document.querySelector(".md-header").getBoundingClientRect().bottom,
          h.matches(":target")]; }"""


def test_the_wrong_answer_list_reached_while_loading_sits_below_the_header(tab, bank):
    """A link to the 오답 노트 (#wrong) is followed while 학습 현황 is loading; the table then pushes it down and the
    page goes to it again. After an instant navigation Material sometimes scrolls to a saved offset instead of the
    anchor, leaving the address's #wrong not :target: here the address gets it the same way (replaceState) while the
    question list is held back. The heading must end up below the header, as :target."""
    page = tab.page
    tab.goto("study/progress/")
    wrong = {q["id"]: {"c": wrong_choice(q), "t": 1} for q in bank["questions"][:6]}  # a list longer than a screen
    page.evaluate(f"(record) => localStorage.setItem({KEY!r}, record)", json.dumps({"v": 1, "answers": wrong}))
    held = []
    page.route("**/study/questions.json", lambda route: held.append(route))
    page.reload()
    page.wait_for_function("() => document.querySelector('[data-study-progress]').textContent.includes('불러오는 중')")
    page.evaluate("() => history.replaceState(history.state, '', '#wrong')")
    assert page.evaluate(WRONG_AT)[2] is False
    entries = page.evaluate("history.length")
    held[0].continue_()
    page.wait_for_function("() => document.querySelector('[data-study-wrong] .study-total')")  # the list is in
    page.wait_for_function(f"""() => {{ const [top, header, target] = ({WRONG_AT})();
      return target && top >= header && top <= header + 60; }}""")
    assert page.url.endswith("study/progress/#wrong") and page.evaluate("history.length") == entries, "no entry added"
    clean(tab)


def test_without_the_question_list_the_study_pages_say_so_and_the_answers_can_still_be_cleared(tab):
    """study/questions.json cannot come (offline, a server error): 학습 현황 and 모의고사 say so, the 오답 노트 says
    why it is empty, and 기록 지우기 still clears the stored answers."""
    page = tab.page
    page.route("**/study/questions.json", lambda route: route.fulfill(status=503, body=""))
    notice = "문제 목록을 불러오지 못했습니다. 페이지를 새로 고쳐 보십시오."
    tab.goto("study/exam/")
    expect(page.locator("[data-study-exam] .study-notice")).to_have_text(notice, timeout=WAIT_MS)
    page.evaluate(f"""() => localStorage.setItem({KEY!r},
      JSON.stringify({{v: 1, answers: {{"networking/vpc:0badf00d": {{c: 1, t: 1}}}}}}))""")
    tab.goto("study/progress/")
    expect(page.locator("[data-study-progress] .study-notice")).to_have_text(notice, timeout=WAIT_MS)
    expect(page.locator("[data-study-wrong]")).to_have_text("문제 목록을 불러오지 못해 오답 노트를 보여 줄 수 없습니다. 페이지를 새로 고쳐 보십시오.",
                                                             timeout=WAIT_MS)
    page.get_by_role("button", name="학습 기록 모두 지우기").click()
    assert "답 1개를 모두 지웁니다" in page.locator(".study-confirm").inner_text()
    page.get_by_role("button", name="모두 지우기", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-study-progress] [role=status]:not(.study-notice)')"
                           "?.textContent === '학습 기록을 모두 지웠습니다.'")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert [e for e in tab.errors if "503" not in e] == [], tab.errors
    assert tab.blocked == [], tab.blocked
