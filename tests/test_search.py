"""Search finds what a Korean learner types, and the site's real search box shows it; odd input does no harm.

The learner query set (typos, missing spaces, English written in Hangul …) is ranked by the site's search
worker in Node (tests/js/rank-queries.cjs) and held to its targets; in Chromium the box shows the worker's
pages in the worker's order, a query that finds nothing gets suggestions a reader can open with a click or
the keyboard, and the documents load only with the first search. The search's logic is tested without a browser in tests/js/ (tests/test_js.py) and what it relies on
in Material in tests/test_search_contracts.py; the speed is a benchmark figure
(``python -m scripts search-bench``), not a test.
"""
from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

from sitekit.browser import PHONE
from sitekit.pages import ROOT, nav_files
from sitekit.search import (BAD_INPUT, CASES, DOCUMENTS, INSTALL, LOADING, NOTHING_NEAR, PAYLOAD, SUGGESTION, Outcome, Query,
                            Report, Result, first_search, load_queries, open_search_page, search, search_all)
from tests.conftest import BROKEN_STORAGE

HIT_AT_1 = 0.90  # each query also finds its page within the top 5 (a new page's queries are checked one by one)

INJECTED = """() => ({
  pwned: window.__pwned ?? null,
  elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
  scripts: [...document.scripts].filter(s => s.textContent.includes("__pwned")).length,
  bold: [...document.querySelectorAll("b")].filter(b => b.textContent === "굵게").length,
})"""
CLEAN = {"pwned": None, "elements": 0, "scripts": 0, "bold": 0}
RESULT_LINKS = ".md-search-result__list > li > a.md-search-result__link"
TOO_FAR = "멤캐쉬드쓰"  # a typo too far to search with (멤캐시드), near enough to suggest its page


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """One page with the search dialog open and the index loaded; most queries here are typed into it."""
    tab = open_search_page(browser, base_url)
    yield tab
    tab.close()


def test_query_set_covers_every_case_and_every_service_page():
    queries = load_queries()
    assert len(queries) >= 300
    assert {q.case for q in queries} == set(CASES), "every case of CASES, and no other"
    pages = nav_files()
    assert {q.page for q in queries} <= set(pages), "a query expects a page that is not in nav"
    services = [p for p in pages if not p.endswith("index.md") and not p.startswith("reference/")]
    uncovered = [p for p in services if not any(q.page == p for q in queries)]
    assert not uncovered, f"service pages without a query: {uncovered}"
    twice = sorted(text for text, n in Counter(q.text for q in queries).items() if n > 1)
    assert not twice, f"listed twice in data/search-queries.tsv: {twice}"


def test_every_page_loads_only_the_search_configuration(site_dir):
    """search_index.json, fetched by every page, has no documents; the file the first search fetches has them all."""
    folder = site_dir / "search"
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    docs = json.loads((folder / "search_docs.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and len(docs["docs"]) > 300
    assert ["NAT gateway", "NAT 게이트웨이"] in docs["synonyms"]
    assert sorted(p.name for p in folder.iterdir()) == ["search_docs.json", "search_index.json"]
    separator = index["config"]["separator"]
    assert not re.search(r"\s|#", separator), "the separator's comments and line breaks are joined away"
    words = [w for w in re.split(separator, "보안그룹은 VPC엔드포인트 172.16.0.0/12") if w]
    assert words == ["보안그룹", "VPC", "엔드포인트", "172.16.0.0/12"], "particle, Latin|Hangul, CIDR rules"


def test_diagram_sources_are_not_searched(site_dir, soups):
    """A diagram's Mermaid source is not prose: searched, it came up as a result's text (10.0.0.0/16 showed
    "subgraph region[…] …"). hooks/mermaid.py marks each diagram data-search-exclude."""
    docs = json.loads((site_dir / "search" / "search_docs.json").read_text(encoding="utf-8"))["docs"]
    diagrams = [pre for soup in soups.values() for pre in soup.select("pre.mermaid")]
    assert diagrams and all(pre.has_attr("data-search-exclude") for pre in diagrams)
    source = re.compile(r"\b(flowchart|graph|sequenceDiagram|stateDiagram-v2|subgraph|participant)\b|-->")
    assert [d["location"] for d in docs if source.search(d["text"])] == []


def ranked(site_dir, queries: list[Query]) -> Report:
    """Each query through the site's search worker in Node (tests/js/rank-queries.cjs): the pages it finds, in order."""
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "rank-queries.cjs"), str(site_dir)], cwd=ROOT,
                            input=json.dumps([q.text for q in queries]), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    return Report([Outcome(q, Result(q.text, tuple(dict.fromkeys(pages)), 0.0, "")) for q, pages in zip(queries, found)])


def test_learner_queries_find_their_page(site_dir):
    report = ranked(site_dir, load_queries())
    hit1 = report.hit(1)
    lines = [f"hit@5 {report.hit(5):.1%} (every query), hit@1 {hit1:.1%} (target {HIT_AT_1:.0%})"]
    lines += ["not in top 5: " + o.describe() for o in report.misses(5)]
    lines += ["not first: " + o.describe() for o in report.misses(1) if o not in report.misses(5)]
    print("\n".join(lines))
    assert not report.misses(5) and hit1 >= HIT_AT_1, "\n".join(lines)


@pytest.mark.browser
def test_the_search_box_shows_the_workers_pages_in_its_order(search_page, site_dir):
    """The box renders what the worker ranked (the ranking itself: test_learner_queries_find_their_page)."""
    queries = [q for q in load_queries() if q.case in ("typo", "translit", "compound")][:12]
    assert [r.pages[:5] for r in search_all(search_page, [q.text for q in queries])] == [
        o.result.pages[:5] for o in ranked(site_dir, queries).outcomes]
    assert not search_page.errors
    assert not search_page.blocked, "search reached another host"


@pytest.mark.browser
def test_the_documents_load_with_the_first_search(browser, base_url):
    visit = first_search(browser, base_url, "오토스켈링", "networking/vpc/")
    assert not set(DOCUMENTS) & set(visit.before), f"loaded before the first search: {visit.before}"
    assert set(DOCUMENTS) <= set(visit.after), f"the first search loaded {visit.after}"
    assert not [u for u in visit.after if u.startswith("assets/javascripts/")], f"Material's worker ran: {visit.after}"
    assert visit.result.pages[:1] == ("compute/auto-scaling/",), visit.result


@pytest.mark.browser
def test_text_that_arrives_without_a_key_is_searched(search_page):
    """Pasted from a menu, dictated or tapped from predictive text: `input` fires and no `keyup` (Playwright's
    fill() does the same). The results, and the page Enter opens, follow the text in the box."""
    assert search(search_page, "VPC").pages[:1] == ("networking/vpc/",)
    page = search_page.page
    page.locator(".md-search__input").fill("읽기 전용 복제본")
    expect(page.locator(RESULT_LINKS).first).to_have_attribute("href", re.compile(r"/database/rds/"))
    assert not search_page.errors


@pytest.mark.browser
def test_a_query_of_spaces_only_asks_for_a_query(search_page):
    """Spaces are no query: the line asks for one, as for an empty box, and does not say that nothing matched."""
    page, meta = search_page.page, search_page.page.locator(".md-search-result__meta")
    placeholder = page.evaluate("() => JSON.parse(__config.textContent).translations['search.result.placeholder']")
    assert search(search_page, "VPC").pages
    page.locator(".md-search__input").fill("   ")
    expect(meta).to_have_text(placeholder)
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
    assert search(search_page, "VPC").pages[:1] == ("networking/vpc/",) and not search_page.errors


TYPE = """(text) => { const box = document.querySelector(".md-search__input");
  box.value = text; box.dispatchEvent(new Event("input", {bubbles: true}));
  return document.querySelector(".md-search-result__meta").textContent.trim(); }"""  # the line, in the same task


@pytest.mark.browser
def test_the_first_search_says_the_documents_are_loading_until_its_results(tab):
    """The first search loads the documents (seconds on a slow connection): as the query is typed, and before
    any answer can come, the line above the results says so instead of asking for a query; the results replace
    it (said to a screen reader too), and later queries never show it."""
    page = tab.page
    tab.goto("networking/vpc/")
    page.locator(".md-search__input").click()
    assert page.evaluate(TYPE, "서브넷") == LOADING
    # the line is a live region: a screen reader hears it, as the eye sees it, while the reader types
    expect(page.get_by_role("status").filter(has_text=re.compile(r"일치하는 문서 \d+개"))).to_have_count(1)
    assert page.evaluate(TYPE, "라우팅 테이블") != LOADING
    assert not tab.errors


@pytest.mark.browser
def test_a_typo_is_searched_highlighted_and_shown_as_corrected(search_page):
    result = search(search_page, "오토스켈링")
    assert result.pages[:1] == ("compute/auto-scaling/",), result
    first = search_page.page.locator(RESULT_LINKS).first
    assert parse_qs(urlsplit(first.get_attribute("href")).query)["h"] == ["오토스케일링"]
    snippet = first.inner_text()
    assert "다른 이름·관련어" not in snippet, f"the snippet is the alias line: {snippet!r}"
    assert "포함되지 않은 검색어" not in snippet, "a correction is listed as a missing word"
    breaks = first.evaluate("(a) => [a, ...a.querySelectorAll(':not(code)')].map((el) => getComputedStyle(el).wordBreak)")
    assert set(breaks) == {"keep-all"}, f"a Korean word in a result may break mid-word: {breaks}"


@pytest.mark.browser
def test_nothing_found_suggests_pages_that_open_by_keyboard_and_click(browser, base_url):
    """Each way in its own tab: after an instant navigation Material closes search 125 ms later (a timer), which
    would hide the results of a search typed within that time."""
    tab = open_search_page(browser, base_url)
    try:
        result = search(tab, TOO_FAR)
        assert result.meta == SUGGESTION and result.pages, result
        # Arrow down from the search box reaches the first suggestion; Enter opens it.
        tab.page.locator(".md-search__input").press("ArrowDown")
        focused = tab.page.evaluate("() => document.activeElement.closest('a.md-search-result__link')?.href")
        assert focused and urlsplit(focused).path.endswith("/" + result.pages[0]), (focused, result.pages)
        tab.instantly(lambda: tab.page.keyboard.press("Enter"), f"**/{result.pages[0]}**")
        assert not tab.errors
    finally:
        tab.close()
    tab = open_search_page(browser, base_url)  # a click opens a suggestion too
    try:
        search(tab, TOO_FAR)
        tab.page.locator(RESULT_LINKS).nth(len(result.pages) - 1).click()
        tab.page.wait_for_url(f"**/{result.pages[-1]}**")
        assert not tab.errors
    finally:
        tab.close()


@pytest.mark.browser
def test_a_query_near_no_page_says_nothing_matched_and_offers_the_home_page(search_page):
    """Not 다음 문서를 찾으셨습니까? above the home page, as if the reader had meant it."""
    result = search(search_page, "zzzz")
    assert (result.meta, result.pages) == (NOTHING_NEAR, ("",)), result
    # The sentence wraps on a phone: its lines are spaced as text, not as Material's one-line bar (1.8rem).
    spacing = search_page.page.evaluate("""() => { const meta = getComputedStyle(document.querySelector(
        ".md-search-result__meta")); return parseFloat(meta.lineHeight) / parseFloat(meta.fontSize); }""")
    assert spacing <= 1.5, f"line height {spacing:.2f}× the text"


@pytest.mark.browser
def test_after_enter_opens_the_best_result_the_keys_work_the_page_again(browser, base_url):
    """Enter in the box follows the best result and closes search; the focus leaves the box, so "/" is the search
    shortcut again (in the box it was typed into the closed search, unseen)."""
    tab = open_search_page(browser, base_url)
    try:
        assert search(tab, "서브넷 설계").pages[:1] == ("networking/subnet-design/",)
        tab.instantly(lambda: tab.page.locator(".md-search__input").press("Enter"), "**/networking/subnet-design/**")
        assert tab.page.evaluate("() => !document.activeElement.matches('.md-search__input')"), "the focus stayed in the box"
        tab.page.keyboard.press("/")
        tab.page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        assert tab.page.locator(".md-search__input").input_value() == "서브넷 설계", "the / was typed into the box"
        assert not tab.errors
    finally:
        tab.close()


@pytest.mark.browser
def test_tab_from_the_search_box_goes_on_to_a_control_the_reader_can_see(browser, base_url):
    """Material closes search on Tab but kept its results' scroll box (tabindex 0) in the tab order at no height:
    the focus stopped on nothing visible (extra.css hides the closed box)."""
    tab = open_search_page(browser, base_url, "compute/ec2/")  # search open, the index loaded
    try:
        for typed in ("보안 그룹", ""):
            tab.page.locator(".md-search__input").click()
            tab.page.wait_for_selector(".md-search__input:focus")
            if typed:
                assert search(tab, typed).pages, "no results to tab past"
            else:
                tab.page.locator(".md-search__input").fill("")
            tab.page.keyboard.press("Tab")
            focused = tab.page.evaluate("() => document.activeElement.className")
            assert "md-source" in focused, f"after {typed!r} Tab reached {focused!r}, not the header's next control"
        assert not tab.errors
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("start, chosen", [("networking/vpc/", "#nacl-vs-sg"), ("networking/network-acl/", "#nacl-vs-sg"),
                                           ("networking/vpc/", "")],
                         ids=["a section of another page", "a section of the same page", "another page"])
def test_on_a_phone_a_chosen_result_opens_where_it_begins(new_tab, start, chosen):
    """Material fixes a phone's page in place while search covers the screen and frees it, back at the reader's old
    offset, 100 ms after search closes (README "Framework contracts"). The test holds Material's timers, so the chosen
    page is in while the page is still fixed (Material's own move to it does nothing then); freed, the page moves to
    the result's section or top (docs/javascripts/search.js)."""
    phone = new_tab(viewport=PHONE, touch=True)
    page = phone.page
    page.clock.install()
    phone.goto(start)
    page.evaluate("() => scrollTo(0, 1500)")  # the reader has read on
    page.locator(".md-header label.md-header__button[for=__search]").tap()
    page.wait_for_selector(".md-search__input:focus")
    page.evaluate(INSTALL)
    page.evaluate("() => window.__searchProbe.ready()")
    assert "networking/network-acl/" in search(phone, "NACL vs 보안 그룹").pages
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")  # 400 ms after search opened
    page.clock.pause_at(page.evaluate("() => Date.now()") + 1)
    link = f'{RESULT_LINKS}[href*="network-acl/"]' + (f'[href$="{chosen}"]' if chosen else ':not([href*="#"])')
    page.locator(link).tap()
    page.wait_for_function("""() => location.pathname.endsWith("/networking/network-acl/")
      && document.querySelector("article h1").textContent.startsWith("Network ACL")""")
    assert page.evaluate("() => document.body.hasAttribute('data-md-scrolllock')"), "freed before the page came"
    there = """(id) => { const section = id && document.getElementById(id);  // its section, else the page's top
      return section ? Math.abs(section.getBoundingClientRect().top - parseFloat(getComputedStyle(section).scrollMarginTop)) < 2
                     : scrollY === 0; }"""
    page.clock.run_for(1000)
    page.wait_for_function(there, arg=chosen[1:])
    page.wait_for_function(f"() => innerHeight === {PHONE['height']}")  # the closing overlay no longer widens it
    assert page.evaluate(there, chosen[1:]) and not phone.errors, phone.errors


@pytest.mark.browser
def test_an_excluded_word_leaves_its_pages_out_and_a_found_word_is_not_missing(search_page):
    """-ec2 vpc subnet: no page about EC2, and "vpc" is listed as missing only where the result lacks it."""
    result = search(search_page, "-ec2 vpc subnet")
    assert result.pages and "compute/ec2/" not in result.pages, result
    shown = search_page.page.evaluate("""() => [...document.querySelectorAll(".md-search-result__article")]
      .map(a => ({ text: a.textContent.toLowerCase(),
                   missing: [...a.querySelectorAll(".md-search-result__terms del")].map(d => d.textContent) }))""")
    wrong = [a["text"][:80] for a in shown if "vpc" in a["missing"] and "vpc" in a["text"].split("포함되지 않은")[0]]
    assert not wrong, f"vpc listed as missing where the result has it: {wrong}"


@pytest.mark.browser
def test_search_suggest_share_and_highlight(search_page, tab):
    sp = search_page
    assert sp.page.locator('[data-md-component="search-share"]').count() == 1
    assert sp.page.locator('[data-md-component="search-suggest"]').count() == 1
    # A term the separator cut at a particle-like last syllable (게이트웨이 → 게이트웨) is marked whole in the
    # results; following a result highlights it on the page it opens (Material marks the index's term there:
    # whole in ?h=, its highlighter would split it with the separator and mark every empty position).
    search(sp, "게이트웨이")
    assert set(sp.page.locator(".md-search-result__list mark").all_text_contents()) == {"게이트웨이"}
    href = sp.page.locator(RESULT_LINKS).first.get_attribute("href")
    tab.page.goto(href)
    tab.page.wait_for_selector("article mark[data-md-highlight]")
    marks = tab.page.locator("article mark[data-md-highlight]").all_text_contents()
    assert marks and all(m and "게이트웨이".startswith(m) for m in marks), marks[:5]
    assert not tab.errors


QUERY_CLEARS_THE_BUTTONS = """() => { const box = document.querySelector(".md-search__input");
  const buttons = document.querySelector(".md-search__options").getBoundingClientRect();
  return box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight) <= buttons.left; }"""


@pytest.mark.browser
def test_a_suggestion_wider_than_the_box_is_not_drawn_over_the_query(search_page):
    """Material writes its suggestion (the query, its last word completed) into an element behind the box, from the
    box's left edge, and does not scroll it with a query longer than the box: search.js and extra.css hide it while
    the query or the suggestion does not fit the box, also after the window narrows."""
    sp = search_page
    suggest = sp.page.locator("[data-md-component=search-suggest]")
    question = "여러 가용 영역에 걸친 EC2 인스턴스 앞에 두는 로드 밸런서에 고정 IP가 필요하면 어떤 네트"
    search(sp, question + " " + question)
    assert sp.page.locator(".md-search__input").evaluate("(box) => box.scrollWidth > 1.5 * box.clientWidth")
    # the query stops before the buttons at the box's right (share, clear), not under them
    assert sp.page.evaluate(QUERY_CLEARS_THE_BUTTONS), "the query runs under the share and clear buttons"
    expect(suggest).to_be_hidden()
    search(sp, "vp")
    expect(suggest).to_be_visible()
    try:  # a completion that runs past the box, written as Material writes one
        suggest.evaluate("(el, text) => { el.textContent = text; }", "vpc" + " 엔드포인트" * 20)
        expect(suggest).to_be_hidden()
        suggest.evaluate("(el, text) => { el.textContent = text; }", "vpc" + " 엔드포인트" * 5)  # fits a desktop box
        expect(suggest).to_be_visible()
        sp.page.set_viewport_size(PHONE)  # the window narrows (a phone turned): the box with it
        expect(suggest).to_be_hidden()
    finally:
        sp.page.set_viewport_size(sp.viewport)
        suggest.evaluate("(el) => { el.textContent = ''; }")
    expect(suggest).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("text", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_does_no_harm(search_page, text):
    sp = search_page
    result = search(sp, text)  # raises when no result line is rendered in time
    assert result.meta, "the result line stays empty"
    assert result.pages, f"neither results nor a suggestion: {result.meta!r}"
    assert sp.page.evaluate(INJECTED) == CLEAN, "markup from the query reached the page"
    assert not sp.errors and not sp.dialogs, (sp.errors, sp.dialogs)
    assert sp.page.locator(".md-search__input").input_value() == text
    after = search(sp, "VPC")  # the search box keeps working
    assert "networking/vpc/" in after.pages[:5], after.pages


@pytest.mark.browser
def test_highlight_parameter_cannot_inject_markup(tab):
    tab.goto(f"networking/vpc/?h={quote(PAYLOAD)}")
    tab.page.wait_for_selector("article h1")
    assert tab.page.evaluate(INJECTED) == CLEAN
    assert not tab.dialogs and not tab.errors


def to_dark(page):
    """automatic → light → dark with the palette toggle (each label switches to the next palette)."""
    for then in (1, 2):
        page.locator(f"label.md-header__button[for=__palette_{then}]:not([hidden])").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def palette_and_search_work(tab, case: str):
    """The palette toggle is shown and switches the scheme, search finds pages, nothing is logged."""
    page = tab.page
    expect(page.locator("label.md-header__button[for^=__palette_]:not([hidden])")).to_have_count(1)
    page.locator(".md-search__input").click()
    page.evaluate(INSTALL)
    page.evaluate("() => window.__searchProbe.ready()")
    assert search(tab, "서브넷").pages, case
    page.keyboard.press("Escape")
    assert not tab.errors, f"{case}: {tab.errors}"


@pytest.mark.browser
def test_broken_storage_or_a_corrupted_material_setting_stops_neither_the_palette_nor_search(tab, new_tab):
    """Material reads what it stored through a bare JSON.parse of localStorage (README "Framework contracts"):
    overrides/main.html reads storage it cannot use, or a value it cannot use, as nothing stored."""
    page = tab.page
    tab.goto("networking/vpc/")
    to_dark(page)
    page.reload()  # a good setting is kept
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # not JSON; JSON Material cannot use ({}, index "x" alike); a colour that is no attribute name; a palette
    # the site does not have (of another site under the same path): each reads as nothing stored, the system's
    # scheme (light here)
    light = ',"color":{"media":"(prefers-color-scheme: light)","scheme":"default","primary":"indigo","accent":"indigo"}'
    for value in ("garbage{", '{"index":0.5}', '{"index":0,"color":{"a b":"x"}}', '{"index":3%s}' % light):
        page.evaluate("(v) => ['__palette', '__tabs'].forEach((k) => localStorage.setItem(__md_scope.pathname + '.' + k, v))",
                      value)
        page.reload()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        palette_and_search_work(tab, value)
    for kind in ("disabled", "null"):  # storage the reader blocked: nothing is kept, nothing breaks
        blocked = new_tab()
        blocked.context.add_init_script(BROKEN_STORAGE[kind])
        blocked.goto("networking/vpc/")
        to_dark(blocked.page)
        palette_and_search_work(blocked, kind)

