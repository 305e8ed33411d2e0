"""Search finds what a Korean learner types, in the site's real search box, and odd input does no harm."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.support.pages import nav_files
from tests.support.search import CASES, evaluate, load_queries, open_search_page, search

HIT_AT_5 = 0.95
HIT_AT_1 = 0.85

PAYLOAD = (
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    '"><svg onload="window.__pwned=3"><b>굵게</b>'
)
BAD_INPUT = {
    "only particles": "은 는 이 가 을 를 의 에 에서 으로 로 과 와 도",
    "only symbols": "!@#$%^&*()_+-=[]{}|;':\",./<>?`~ … · ※",
    "lunr query syntax": "title: +- ^~ * : text:^ -+ ~2",
    "500 characters": ("VPC 서브넷 보안그룹 가용영역 CloudFront " * 20)[:500],
    "HTML and script": PAYLOAD,
}
INJECTED = """() => ({
  pwned: window.__pwned ?? null,
  elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
  scripts: [...document.scripts].filter(s => s.textContent.includes("__pwned")).length,
  bold: [...document.querySelectorAll("b")].filter(b => b.textContent === "굵게").length,
})"""
CLEAN = {"pwned": None, "elements": 0, "scripts": 0, "bold": 0}


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """One page with the search dialog open; every query of this module is typed into it."""
    tab = open_search_page(browser, base_url)
    yield tab
    tab.close()


def test_query_set_covers_every_case_and_every_service_page():
    queries = load_queries()
    assert len(queries) >= 80
    assert {q.case for q in queries} == set(CASES), "every case of issue 4 item 1, and no other"
    pages = nav_files()
    assert {q.page for q in queries} <= set(pages), "a query expects a page that is not in nav"
    services = [p for p in pages if not p.endswith("index.md") and not p.startswith("reference/")]
    uncovered = [p for p in services if not any(q.page == p for q in queries)]
    assert not uncovered, f"service pages without a query: {uncovered}"
    assert len({q.text for q in queries}) == len(queries), "a query is listed twice"


@pytest.mark.browser
def test_learner_queries_find_their_page(search_page):
    report = evaluate(search_page)
    hit5, hit1 = report.hit(5), report.hit(1)
    lines = [f"hit@5 {hit5:.1%} (target {HIT_AT_5:.0%}), hit@1 {hit1:.1%} (target {HIT_AT_1:.0%})"]
    lines += ["not in top 5: " + o.describe() for o in report.misses(5)]
    lines += ["not first: " + o.describe() for o in report.misses(1) if o not in report.misses(5)]
    print("\n".join(lines))
    assert hit5 >= HIT_AT_5 and hit1 >= HIT_AT_1, "\n".join(lines)
    assert not search_page.errors
    assert not search_page.blocked, "search reached another host"


@pytest.mark.browser
def test_search_suggest_share_and_highlight(search_page, tab):
    sp = search_page
    assert sp.page.locator('[data-md-component="search-share"]').count() == 1
    assert sp.page.locator('[data-md-component="search-suggest"]').count() == 1
    # Following a result highlights the term on the page it opens.
    search(sp, "보안 그룹")
    href = sp.page.locator(".md-search-result__list a.md-search-result__link").first.get_attribute("href")
    assert "h=" in href
    tab.page.goto(href)
    tab.page.wait_for_selector("article mark[data-md-highlight]")
    assert not tab.errors


@pytest.mark.browser
@pytest.mark.parametrize("text", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_does_no_harm(search_page, text):
    sp = search_page
    result = search(sp, text)  # raises when no result line is rendered in time
    assert result.meta, "the result line stays empty"
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

