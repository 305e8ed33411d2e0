"""Printing, as a reader does it: Ctrl+P on any page, and the whole site as one PDF book."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from scripts.pdf import (
    BOOK,
    MARGIN,
    PRINT_PAGE,
    diagram_count,
    fonts,
    outline_titles,
    pdf_text,
    print_book,
    wait_for_diagrams,
)
from scripts.site import ROOT, built_pages

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[가-힣]")
NUMBER = re.compile(r"^\d+(\.\d+)*\s*")  # the book numbers its chapters: "4.2 Amazon VPC"
# Height of the book's A4 page inside its margins, in CSS pixels (96 per inch).
PAGE_HEIGHT_PX = (297 - sum(float(MARGIN[side].removesuffix("mm")) for side in ("top", "bottom"))) / 25.4 * 96
SVG_HEIGHTS = """() => [...document.querySelectorAll("div.mermaid")]
  .map((host) => host.shadowRoot.querySelector("svg").getBoundingClientRect().height)"""


def squeeze(text: str) -> str:
    """Text without whitespace: PDF lines wrap wherever the page ends."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def chapters(site_dir) -> dict[Path, BeautifulSoup]:
    """Each built page that goes into the book (not those print-site excludes), parsed."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    excluded = {
        site_dir / Path(pattern).with_suffix("") / "index.html"
        for pattern in config.plugins["print-site"].config["exclude"]
    }
    return {
        path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in built_pages(site_dir)
        if path not in excluded
    }


def title(soup: BeautifulSoup) -> str:
    h1 = soup.select_one("article h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text("", strip=True)


def korean_sentence(soup: BeautifulSoup) -> str:
    """The first Korean sentence of the page body: a paragraph or list item without links or lists
    (the book prints a link's address after it), outside tables (cells wrap side by side)."""
    for element in soup.select("article p, article li"):
        if element.find_parent(["table", "nav"]) or element.select_one("a, ul, ol"):
            continue
        text = element.get_text(" ", strip=True)
        if len(HANGUL.findall(text)) >= 8:
            return text[:60]
    return ""


@pytest.fixture(scope="session")
def book(site_dir, browser, base_url):
    """The book, printed once into the test site (as `make pdf` does into site/)."""
    return print_book(site_dir, browser=browser, base_url=base_url)


@pytest.fixture(scope="session")
def book_text(book) -> str:
    return squeeze(pdf_text(book.path))


def diagram_sources(site_dir: Path) -> list[str]:
    html = (site_dir / PRINT_PAGE / "index.html").read_text(encoding="utf-8")
    return [pre.get_text() for pre in BeautifulSoup(html, "html.parser").select("pre.mermaid")]


# --- the book ------------------------------------------------------------------------------------


def test_print_page_draws_every_diagram_of_the_site(page, base_url, site_dir, chapters):
    in_site = sum(diagram_count(str(soup)) for soup in chapters.values())
    on_print_page = diagram_count((site_dir / PRINT_PAGE / "index.html").read_text(encoding="utf-8"))
    assert in_site > 0 and on_print_page == in_site

    page.goto(base_url + PRINT_PAGE)
    assert wait_for_diagrams(page, in_site) == in_site
    page.emulate_media(media="print")
    heights = page.evaluate(SVG_HEIGHTS)
    assert len(heights) == in_site and all(0 < h <= PAGE_HEIGHT_PX for h in heights)  # a page each at most
    assert page.recorder.page_errors == []
    assert page.recorder.third_party == []  # Mermaid is self-hosted, on the print page too
    # The print page is not in the site's navigation or sitemap (instant navigation would
    # load it without its own scripts); readers get the book from the header link.
    assert "print_page" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")


def test_book_is_an_a4_pdf_in_the_site(book, site_dir, chapters):
    from pypdf import PdfReader

    assert book.path == site_dir / BOOK
    first = PdfReader(str(book.path)).pages[0]
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in first.mediabox[2:])
    assert (round(width_mm), round(height_mm)) == (210, 297)
    assert book.pages > len(chapters)  # cover + contents + at least a page a chapter
    assert book.blocked == []


def test_book_has_an_outline_entry_for_every_chapter(book, chapters):
    entries = {squeeze(NUMBER.sub("", entry)) for entry in outline_titles(book.path)}
    missing = [title(soup) for soup in chapters.values() if squeeze(title(soup)) not in entries]
    assert missing == []


def test_book_holds_every_page_title_and_its_korean_text(book_text, site_dir, chapters):
    missing = []
    for path, soup in chapters.items():
        sentence = korean_sentence(soup)
        assert sentence, f"{path}: no Korean sentence to look for"
        for text in (title(soup), sentence):
            if squeeze(text) not in book_text:
                missing.append(f"{path.parent.relative_to(site_dir)}: {text}")
    assert missing == []


def test_book_cover_has_title_date_and_source(book):
    from pypdf import PdfReader

    cover = squeeze(PdfReader(str(book.path)).pages[0].extract_text())
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert squeeze(config.site_name) in cover
    assert re.search(r"\d{4}년\d{1,2}월\d{1,2}일", cover)
    assert config.repo_url in cover


def test_book_embeds_the_korean_font(book):
    korean = [font for font in fonts(book.path) if font.hangul]
    assert korean and all(font.embedded for font in korean)


def test_book_shows_diagrams_not_their_source(book_text, site_dir):
    sources = diagram_sources(site_dir)
    assert sources
    for source in sources:
        assert squeeze(source.splitlines()[0]) not in book_text  # "flowchart LR", "sequenceDiagram"
        labels = re.findall(r'[\[({]+"`?([^"`]{2,})`?"[\])}]+', source)  # node["…"], db[("…")], {"…"}
        labels += re.findall(r"participant \S+ as (.+)", source)  # sequence diagrams
        labels += re.findall(r":\s*([^:\n]{2,})$", source, re.M)  # messages, state transitions
        labels = [squeeze(re.sub(r"<br\s*/?>", "", label)) for label in labels if '"' not in label]
        drawn = [label for label in labels if label in book_text]
        assert labels and len(drawn) >= len(labels) / 2, source  # the diagram's text, drawn
    assert "-->" not in book_text
    assert squeeze("Syntax error") not in book_text  # Mermaid's picture of a broken diagram


def test_header_links_the_book(page, base_url, book):
    page.goto(base_url + "networking/vpc/")
    link = page.locator(".md-header a", has_text="PDF로 받기")
    first = link.get_attribute("href")
    response = page.request.get(page.evaluate("href => new URL(href, location.href).href", first))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body() == book.path.read_bytes()
    # After instant navigation the header stays: the link must still point at the book.
    page.locator(".md-tabs a[href$='/compute/']").click()
    page.wait_for_url("**/compute/")
    assert page.evaluate("href => new URL(href, location.href).href", link.get_attribute("href")) == (
        page.evaluate("href => new URL(href, location.href).href", first)
    )


# --- Ctrl+P on one page ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_path(site_dir, chapters) -> str:
    """A page with a diagram, a table and a link to AWS's docs: what a printout must handle."""
    for path, soup in chapters.items():
        if soup.select_one("article pre.mermaid") and soup.select_one("article table") and soup.select_one(
            'article a[href^="https://"]'
        ):
            return path.parent.relative_to(site_dir).as_posix() + "/"
    pytest.fail("no page with a diagram, a table and an external link")


def printed(new_page, base_url, site_dir, path, color_scheme="light"):
    """The page as Ctrl+P sees it: loaded on screen, then print media and `beforeprint`."""
    page = new_page(color_scheme=color_scheme)
    page.goto(base_url + path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    wait_for_diagrams(page, diagram_count((site_dir / path / "index.html").read_text(encoding="utf-8")))
    return page


def test_printed_page_shows_only_the_content(new_page, base_url, site_dir, sample_path):
    page = printed(new_page, base_url, site_dir, sample_path)
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", "[data-md-component=palette]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    # Everything visible on paper is the article: no navigation, search or footer text.
    visible = page.evaluate("document.body.innerText.trim()")
    assert visible == page.evaluate("document.querySelector('article').innerText.trim()")


def test_printed_page_is_light_even_in_the_dark_scheme(new_page, base_url, site_dir, sample_path):
    page = printed(new_page, base_url, site_dir, sample_path, color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page_colour, body_colour, text_colour = page.evaluate("""() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.querySelector("article p")).color,
    ]""")
    assert page_colour == body_colour == "rgb(255, 255, 255)"
    assert re.fullmatch(r"rgba?\(0, 0, 0(, 0\.\d+)?\)", text_colour), text_colour


def test_printed_diagrams_fit_the_page_and_links_show_their_address(new_page, base_url, site_dir, sample_path):
    page = printed(new_page, base_url, site_dir, sample_path)
    widths = page.evaluate("""() => {
      const article = document.querySelector("article").getBoundingClientRect().width;
      return [...document.querySelectorAll("div.mermaid")].map(
        (host) => [host.shadowRoot.querySelector("svg").getBoundingClientRect().width, article]);
    }""")
    assert widths and all(0 < svg <= article + 1 for svg, article in widths)
    link = page.locator('article a[href^="https://"]').first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    # Links within the site stay links: no address printed after them.
    addresses = page.evaluate("""() => [...document.querySelectorAll("article a[href]")]
      .filter((a) => a.host === location.host)
      .map((a) => getComputedStyle(a, "::after").content)""")
    assert addresses and set(addresses) <= {"none", "normal"}


COLLAPSED = """
??? note "접힌 블록"
    접힌 블록 안의 본문도 종이에 인쇄된다.

=== "첫째 탭"
    첫째 탭의 본문.

=== "둘째 탭"
    둘째 탭의 본문도 인쇄된다.
"""


def test_printed_page_expands_collapsed_blocks_and_tabs(new_page, base_url, site_dir, sample_path):
    config = load_config(str(ROOT / "mkdocs.yml"))
    html = markdown.markdown(
        COLLAPSED,
        extensions=["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": config.mdx_configs["pymdownx.tabbed"]},
    )
    page = printed(new_page, base_url, site_dir, sample_path)
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", html)
    assert page.locator("details", has_text="접힌 블록").evaluate("details => !details.open")
    for text in ("접힌 블록 안의 본문", "첫째 탭의 본문", "둘째 탭의 본문"):
        block = page.locator("article p", has_text=text)
        assert block.evaluate("p => p.checkVisibility() && p.getBoundingClientRect().height > 0"), text
