"""Shared fixtures: ordinary lazy pytest session fixtures. What takes long is made once, when the first test
that needs it runs, and nothing starts at collection (``pytest --collect-only`` builds nothing):

- ``site_dir``: the site (``mkdocs build --strict`` with no network), which most tests read;
- ``made_book``: the book (a build with PDF_BOOK=1, its print page opened once, the PDF printed).

Chromium: only a test marked ``browser`` may start it. A test that uses a browser fixture without the mark
fails at collection, and `sitekit.browser.chromium` refuses to start for any other test, however it is
reached — so ``pytest -m "not browser"`` (the fast tier) never starts a browser.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks.study import QUESTIONS_JSON
from scripts.pdf import BOOK, open_print_page, page_margins, print_pdf
from sitekit import browser as browser_module
from sitekit.browser import Tab, chromium
from sitekit.build import build
from sitekit.pages import nav_files, page_html
from sitekit.server import serve

MISSING = "no-such-page/at/any/depth/"  # GitHub Pages answers any missing address with 404.html
FAR_DOWN = "principles/well-architected/"  # its first diagram is more than three screens down (test_reading.py)
# Init scripts that break a reader's storage as browsers do (tests/test_study.py, tests/test_search.py).
BROKEN_STORAGE = {
    # Chromium with site data blocked: reading window.localStorage throws
    "disabled": """Object.defineProperty(window, "localStorage", {configurable: true,
      get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});""",
    # Firefox with dom.storage.enabled = false
    "null": """Object.defineProperty(window, "localStorage", {configurable: true, get() { return null; }});""",
    # a full quota (or Safari's old private mode): every write throws
    "quota": """Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };""",
}
# Every proxy variable points at a closed port: a build that reached for another host would fail.
NO_NETWORK = {name: "http://127.0.0.1:9" for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy",
                                                      "ALL_PROXY")} | {"NO_PROXY": "", "no_proxy": ""}
# The height of each diagram on the print page, as printed.
SVG_HEIGHTS = """() => [...document.querySelectorAll("div.mermaid")]
  .map((host) => host.shadowRoot.querySelector("svg").getBoundingClientRect().height)"""
# The paragraphs, boxes and tab sets of the print page (print media) that may not break across pages: a question
# with its choices only.
KEPT_WHOLE = """() => [...document.querySelectorAll("#print-site-page :is(p, .admonition, .tabbed-set)")]
  .filter((el) => getComputedStyle(el).breakInside === "avoid" && !el.matches(".quiz > p:first-child"))
  .map((el) => `<${el.localName} class="${el.className}"> ${el.textContent.trim().slice(0, 40)}`)"""

# Each link the book prints with a page (scripts/pdf.py): its target's id, that page and the link's text.
NUMBERED_LINKS = """() => [...document.querySelectorAll("#print-site-page a[data-book-page]")]
  .map((a) => [decodeURIComponent(a.hash.slice(1)), Number(a.dataset.bookPage), a.textContent.trim()])"""
# The links whose printed page, "(N쪽)", starts a line of its own (the last line box of the link holds no text of it).
PAGE_ALONE = """() => [...document.querySelectorAll("#print-site-page a[data-book-page]")].filter((a) => {
  const boxes = a.getClientRects(), range = document.createRange();
  range.selectNodeContents(a);
  const text = range.getClientRects();
  return boxes.length && text.length && boxes[boxes.length - 1].top >= text[text.length - 1].bottom - 1;
}).map((a) => a.textContent.trim())"""


def built(dest: Path, **env) -> Path:
    """``mkdocs build --strict`` into ``dest``; a failed build fails the tests that need it."""
    result = build(dest, env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest



@pytest.hookimpl(trylast=True)  # after `-m` has deselected
def pytest_collection_modifyitems(config, items):
    """Fail a test that uses a browser fixture but is not marked ``browser``; run the fast tests first (a
    broken build fails within seconds)."""
    unmarked = [item.nodeid for item in items
                if "browser" in item.fixturenames and not item.get_closest_marker("browser")]
    if unmarked:
        raise pytest.UsageError("tests use Chromium but are not marked browser: " + ", ".join(unmarked))
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Only a test marked ``browser`` may start Chromium (its fixtures start it during setup)."""
    browser_module.guard = None if item.get_closest_marker("browser") else _no_browser(item.nodeid)
    return (yield)


def _no_browser(nodeid: str):
    def refuse():
        raise RuntimeError(f"{nodeid} starts Chromium but is not marked browser (@pytest.mark.browser)")
    return refuse


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site as ``mkdocs build --strict`` makes it, with no network; built once per run: with two workers the
    first builds it and the other waits on a lock (the pattern pytest-xdist documents for once-per-run fixtures)."""
    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent  # pytest-N/popen-gwK → pytest-N, common to the run's workers
    with open(run / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = run / "site.built"
        if not done.exists():
            built(run / "site", **NO_NETWORK)
            done.touch()
    return run / "site"


@pytest.fixture(scope="session")
def bank(site_dir) -> dict:
    """study/questions.json as built, each question with its page's section; tests read, never change it."""
    data = json.loads((site_dir / QUESTIONS_JSON).read_text(encoding="utf-8"))
    section = {p["page"]: p["section"] for p in data["pages"]}
    for q in data["questions"]:
        q["section"] = section[q["page"]]
    return data


def a4_text_px() -> int:
    """The width of an A4 page between print.css's margins, in CSS pixels."""
    margins = page_margins()
    text_mm = 210 - float(margins["left"].removesuffix("mm")) - float(margins["right"].removesuffix("mm"))
    return round(text_mm * 96 / 25.4)


@pytest.fixture(scope="session")
def made_book(browser, tmp_path_factory) -> dict:
    """What ``make pdf`` makes — the build with PDF_BOOK=1 and its book, printed from the print page opened
    once with every diagram drawn — and what the print page showed: the height of each diagram, what may not
    break across pages, errors, requests to other hosts, and each link printed with a page (``NUMBERED_LINKS``)."""
    site = built(tmp_path_factory.mktemp("book") / "site", PDF_BOOK="1")
    with serve(site) as address:
        tab = open_print_page(browser, address, site)
        try:
            shown = {"heights": tab.page.evaluate(SVG_HEIGHTS), "kept_whole": tab.page.evaluate(KEPT_WHOLE),
                     "errors": list(tab.errors), "blocked": list(tab.blocked)}
            book = print_pdf(tab, site / BOOK)
            shown["cross_references"] = tab.page.evaluate(NUMBERED_LINKS)
            tab.page.set_viewport_size({"width": a4_text_px(), "height": 1000})  # laid out as on an A4 page
            shown["page_alone"] = tab.page.evaluate(PAGE_ALONE)
        finally:
            tab.close()
    return {"site": site, "book": book, "print_page": shown}


def head_and_article(html: str) -> str:
    """What the page-level tests read: <html> with its <head> and the <article>, not the navigation."""
    head = html[: html.index("</head>") + len("</head>")]
    article = re.search(r"<article\b.*</article>", html, re.S)
    return head + "<body>" + (article.group(0) if article else "") + "</body></html>"


@pytest.fixture(scope="session")
def soups(site_dir) -> dict[str, BeautifulSoup]:
    """Every page of the nav as built (its head and article), parsed once; tests read, never change them."""
    return {page: BeautifulSoup(head_and_article(page_html(site_dir, page)), "html.parser") for page in nav_files()}


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The built site served like GitHub Pages, e.g. http://127.0.0.1:PORT/aws-study-notes/."""
    with serve(site_dir) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def tab(browser, base_url):
    """A fresh light desktop tab on the served site (closed after the test)."""
    t = Tab(browser, base_url)
    yield t
    t.close()


@pytest.fixture
def new_tab(browser, base_url):
    """Factory for tabs with other options (closed after the test): new_tab(color_scheme="dark", viewport=PHONE),
    new_tab(Reader, **ON_PHONE)."""
    tabs = []

    def factory(kind=Tab, **options):
        tabs.append(kind(browser, base_url, **options))
        return tabs[-1]

    yield factory
    for t in tabs:
        t.close()
