"""Shared fixtures: the site is built once and served once, Chromium is launched once, and every page is
visited once (the tour); the book is printed once. Browser fixtures start Chromium only when a test that
is marked ``browser`` asks for them (``pytest -m "not browser"`` starts none)."""
from __future__ import annotations

import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.pdf import BOOK, open_print_page, print_pdf
from tests.support.browser import PHONE, Tab, chromium
from tests.support.build import build
from tests.support.pages import nav_files, page_html, url
from tests.support.reader import Reader
from tests.support.server import serve

MISSING = "no-such-page/at/any/depth/"  # GitHub Pages answers any missing address with 404.html


def built(dest: Path, **env) -> Path:
    result = build(dest, env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest


# Every proxy variable points at a closed port: a build that reached for another host would fail.
NO_NETWORK = {name: "http://127.0.0.1:9" for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site as ``mkdocs build --strict`` makes it, with no network (a failed build fails every test)."""
    return built(tmp_path_factory.mktemp("site"), **NO_NETWORK, NO_PROXY="", no_proxy="")


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


BOOK_JOB = pytest.StashKey()
# The height of each diagram on the print page, as printed.
SVG_HEIGHTS = """() => [...document.querySelectorAll("div.mermaid")]
  .map((host) => host.shadowRoot.querySelector("svg").getBoundingClientRect().height)"""


@pytest.hookimpl(trylast=True)  # after `-m` has deselected: `-m "not browser"` starts no book
def pytest_collection_modifyitems(config, items):
    """A test that uses Chromium must be marked ``browser``, so the fast tier never starts it; the fast
    tests run first (a broken build or page fails within seconds, before any browser starts)."""
    unmarked = [item.nodeid for item in items
                if "browser" in item.fixturenames and not item.get_closest_marker("browser")]
    if unmarked:
        raise pytest.UsageError("tests use Chromium but are not marked browser: " + ", ".join(unmarked))
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    if any("book" in item.fixturenames for item in items):  # start it now: it runs beside the fast tests
        dest = Path(tempfile.mkdtemp(prefix="book-"))
        pool = ThreadPoolExecutor(1)
        config.stash[BOOK_JOB] = pool.submit(make_book, dest)
        config.add_cleanup(lambda: (pool.shutdown(), shutil.rmtree(dest, ignore_errors=True)))


def make_book(dest: Path) -> dict:
    """What ``make pdf`` makes — the build with PDF_BOOK=1 and its book, printed from the print page opened
    once with every diagram drawn — and what the print page showed: the height of each diagram,
    errors, requests to other hosts. Made in a thread of its own (its own server and Chromium) while
    the fast tests run on the other core."""
    site = built(dest / "site", PDF_BOOK="1")
    with serve(site) as address, chromium() as browser:
        tab = open_print_page(browser, address, site)
        try:
            shown = {"heights": tab.page.evaluate(SVG_HEIGHTS), "errors": list(tab.errors),
                     "blocked": list(tab.blocked)}
            book = print_pdf(tab, site / BOOK)
        finally:
            tab.close()
    return {"site": site, "book": book, "print_page": shown}


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
    """Factory for tabs with other options: new_tab(color_scheme="dark", viewport=PHONE)."""
    tabs = []

    def factory(**options):
        tabs.append(Tab(browser, base_url, **options))
        return tabs[-1]

    yield factory
    for t in tabs:
        t.close()


def read_pages(base_url: str, paths: list[str]) -> dict:
    """One reader (its own Chromium) through ``paths``; what `tour` records for each."""
    found = {}
    with chromium() as browser:
        reader = Reader(browser, base_url, reduced_motion="reduce")
        try:
            for path in paths:
                visit = reader.visit(path)
                entry = {"visit": visit, "axe": {"light": reader.axe("light")}}
                reader.scheme("slate")
                entry["axe"]["dark"] = reader.axe("dark")
                entry["dark"] = reader.diagrams()
                reader.scheme("default")
                if visit.diagrams:
                    reader.page.set_viewport_size(PHONE)
                    reader.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                    entry["phone"] = reader.diagrams()
                    entry["phone_overflow"] = reader.page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
                    reader.page.set_viewport_size(reader.viewport)
                found[path] = entry
        finally:
            reader.close()
    return found


@pytest.fixture(scope="session")
def tour(base_url, site_dir) -> dict:
    """Every page visited once, as a first visit on a desktop, scrolled through, diagrams drawn.

    For each page: the `Visit` (light), axe-core findings in the light and the dark scheme (switched
    in place, as the palette toggle does), the diagrams as drawn in the dark scheme, and for pages with
    diagrams the same diagrams on a 375 px phone. Also the 404 page at a deep missing address.
    The readers prefer reduced motion: no transition is half-way when colours are measured.
    Two readers, each with its own Chromium, share the pages: the browsers' work is most of the time,
    and it runs on both cores at once.
    """
    paths = [url(page) for page in nav_files()] + [MISSING]
    with ThreadPoolExecutor(2) as pool:
        halves = pool.map(lambda half: read_pages(base_url, half), (paths[0::2], paths[1::2]))
        found = {path: entry for half in halves for path, entry in half.items()}
    return {path: found[path] for path in paths}
