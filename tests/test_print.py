"""Printing, as a reader does it: Ctrl+P on any page, and the whole site as one PDF book (``make pdf``).

The book is made once per session as ``make pdf`` makes it: a build with PDF_BOOK=1, its print page opened
once in Chromium (every diagram drawn), printed into the site. The print-page tests read that open tab.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from bs4 import BeautifulSoup

from hooks.glossary import glossary_entries
from hooks.study import QUESTIONS_JSON
from scripts.pdf import (BOOK, CHAPTER, CONTENTS, CROSS_REFERENCES_JS, HEADINGS, NUMBER_CONTENTS_JS, anchor_pages,
                         fonts, mend_outline, outline, page_margins, pdf_text)
from sitekit.pages import PRINT_PAGE, config, diagram_kinds, nav_files, page_html, url
from sitekit.browser import WAIT_MS, Tab
from sitekit.reader import DRAWN_JS, HOSTS, SCROLL_JS, wait_drawn
from sitekit.server import serve
from tests.conftest import FAR_DOWN, a4_text_px

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("book")]  # the book is printed once, by one worker

HANGUL = re.compile(r"[가-힣]")
NUMBER = re.compile(r"^\d+(\.\d+)*\s*")  # the book numbers its chapters: "4.2 Amazon VPC"
CONTENTS_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*\S.*?\s(\d+)$", re.M)  # "  4.2 Amazon VPC     45"
# Height of the book's A4 page inside its margins, in CSS pixels (96 per inch).
PAGE_HEIGHT_PX = (297 - sum(float(page_margins()[side].removesuffix("mm")) for side in ("top", "bottom"))) / 25.4 * 96
PRESS = """(modifiers) => { const key = new KeyboardEvent("keydown", {key: "p", code: "KeyP", bubbles: true,
  cancelable: true, ...modifiers}); document.dispatchEvent(key); return key.defaultPrevented; }"""  # taken from the browser?


def squeeze(text: str) -> str:
    """Text without whitespace: PDF lines wrap wherever the page ends."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def chapters(book_site) -> dict[str, BeautifulSoup]:
    """Each page that goes into the book (not those print-site excludes), parsed."""
    excluded = set(config().plugins["print-site"].config["exclude"])
    return {page: BeautifulSoup(page_html(book_site, page), "html.parser")
            for page in nav_files() if page not in excluded}


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
def book_site(made_book) -> Path:
    return made_book["site"]


@pytest.fixture(scope="session")
def book(made_book):
    return made_book["book"]


@pytest.fixture(scope="session")
def book_text(book) -> str:
    return squeeze(pdf_text(book.path))


def diagram_sources(site: Path) -> list[str]:
    html = (site / PRINT_PAGE / "index.html").read_text(encoding="utf-8")
    return [pre.get_text() for pre in BeautifulSoup(html, "html.parser").select("pre.mermaid")]


# --- the book ------------------------------------------------------------------------------------


def test_print_page_draws_every_diagram_of_the_site(made_book, book_site, chapters):
    in_site = sum(len(diagram_kinds(str(soup))) for soup in chapters.values())
    on_print_page = len(diagram_kinds((book_site / PRINT_PAGE / "index.html").read_text(encoding="utf-8")))
    assert in_site > 0 and on_print_page == in_site
    shown = made_book["print_page"]
    heights = shown["heights"]
    assert len(heights) == in_site and all(0 < h <= PAGE_HEIGHT_PX for h in heights)  # a page each at most
    assert shown["errors"] == [] and shown["blocked"] == []  # Mermaid is self-hosted here too
    # The print page is not in the navigation or sitemap (instant navigation would load it without
    # its own scripts); readers get the book from the header link.
    assert "print_page" not in (book_site / "sitemap.xml").read_text(encoding="utf-8")


def test_book_is_an_a4_pdf_in_the_site(book, book_site, chapters):
    from pypdf import PdfReader

    assert book.path == book_site / BOOK
    first = PdfReader(str(book.path)).pages[0]
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in first.mediabox[2:])
    assert (round(width_mm), round(height_mm)) == (210, 297)
    assert PdfReader(str(book.path)).metadata.title == config().site_name  # what a PDF viewer's title bar shows
    info = subprocess.run(["pdfinfo", str(book.path)], capture_output=True, text=True, check=True).stdout
    assert f"Title:           {config().site_name}\n" in info, info  # poppler reads only the last update's trailer
    assert book.pages > len(chapters)  # cover + contents + at least a page a chapter
    assert book.blocked == []


def test_book_has_an_outline_entry_for_every_chapter(book, chapters):
    entries = {squeeze(NUMBER.sub("", entry)) for _, entry, _ in outline(book.path)}
    missing = [title(soup) for soup in chapters.values() if squeeze(title(soup)) not in entries]
    assert missing == []


def test_a_parts_overview_chapter_does_not_repeat_the_parts_title(book):
    """print-site heads each part with its section's title, and the section's index page comes first: the book read
    "2 설계 원칙" then "2.1 설계 원칙" (hooks/print_site.py titles that chapter 개요)."""
    sections = [squeeze(title) for item in config().nav for title, pages in item.items() if isinstance(pages, list)]
    marks = [(depth, squeeze(NUMBER.sub("", title))) for depth, title, _ in outline(book.path)]
    firsts = [(part, chapter) for (d, part), (d2, chapter) in zip(marks, marks[1:]) if (d, d2) == (0, 1)]
    assert [part for part, chapter in firsts if chapter == part] == []
    assert [part for part, chapter in firsts if chapter == "개요"] == sections
    _, contents, *rest = outline(book.path)
    printed = dict(re.findall(r"^\s*(\d+(?:\.\d+)*)\s+(.+?)\s+\d+\s*$",
                              pdf_text(book.path, (contents[2], rest[0][2] - 1), layout=True), re.M))
    assert [printed.get(f"{n}.1") for n in range(2, len(sections) + 2)] == ["개요"] * len(sections), printed


def test_each_bookmark_reads_as_its_heading(book, book_site):
    """Chromium drops the space where a heading wraps ("Redis OSS" became "RedisOSS"): every bookmark is the text of
    a heading of the print page, spaces included."""
    html = BeautifulSoup((book_site / PRINT_PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    for link in html.select(".headerlink"):
        link.decompose()
    headings = {" ".join(h.get_text().split()) for h in html.select(HEADINGS)}
    titles = [title for _, title, _ in outline(book.path)]
    assert titles and [t for t in titles if t not in headings] == []


def test_mending_gives_a_wrapped_headings_bookmark_its_space_and_removes_a_book_whose_bookmarks_are_not_headings(
        browser, tmp_path):
    page = browser.new_page()
    page.set_content("<h1 style='width: 9em'>Amazon ElastiCache (Valkey · Memcached · Redis OSS)</h1><h2>확인 문제</h2>")
    pdf = tmp_path / "wrapped.pdf"
    page.pdf(path=str(pdf), outline=True, tagged=True)
    page.close()
    headings = ["Amazon ElastiCache (Valkey · Memcached · Redis OSS)", "확인 문제"]
    assert [title for _, title, _ in outline(pdf)] != headings  # Chromium dropped a space where the title wraps
    mend_outline(pdf, headings)
    assert [(depth, title) for depth, title, _ in outline(pdf)] == [(0, headings[0]), (1, headings[1])]
    with pytest.raises(RuntimeError, match="bookmarks are not"):
        mend_outline(pdf, headings[:1])
    assert not pdf.exists()


def test_numbering_the_contents_counts_the_entries_the_pdf_gives_no_page(browser):
    """What make pdf fails on: an entry of the contents whose heading has no named destination in the PDF."""
    page = browser.new_page()
    page.set_content('<div id="print-page-toc"><a class="md-nav__link" href="#vpc">4.1 VPC</a>'
                     '<a class="md-nav__link" href="#%EC%84%9C%EB%B8%8C%EB%84%B7">4.2 서브넷</a>'
                     '<a class="md-nav__link" href="#gone">4.3 없는 장</a></div>')
    counts = page.evaluate(NUMBER_CONTENTS_JS, [CONTENTS, {"vpc": 45, "서브넷": 55}])
    numbers = page.locator(".print-toc__page").all_inner_texts()
    page.close()
    assert counts == [3, 1] and numbers == ["45", "55", ""]


def test_the_contents_give_the_page_each_part_and_chapter_starts_on(book, book_site):
    """The printed table of contents lists its entries in order, each with the page the PDF outline opens for its
    heading. The bookmarks (Chromium's, made from the headings) nest as the contents do: after the cover's and the
    contents' own, the home page's chapter and each part at the top, a part's chapters under it."""
    html = BeautifulSoup((book_site / PRINT_PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = [NUMBER.match(a.get_text(" ", strip=True)).group(0).strip()
               for a in html.select(".md-sidebar--secondary a.md-nav__link")]
    parts = {h1.get_text(strip=True) for h1 in html.select("section.md-section > h1")}
    _, contents, *marks = outline(book.path)  # the cover, the contents, then the book
    headings, part = [], None
    for depth, title, page in marks:
        part = (title if title in parts else None) if depth == 0 else part
        if depth == 0 or (depth == 1 and part):
            headings.append((title, page))
    assert parts and contents[1] == "목차" and len(headings) == len(entries), (len(headings), len(entries))
    printed = CONTENTS_LINE.findall(pdf_text(book.path, (contents[2], headings[0][1] - 1), layout=True))
    assert [number for number, _ in printed] == entries
    assert [int(page) for _, page in printed] == [page for _, page in headings]


def test_cross_references_number_only_links_to_another_chapter(browser):
    """A link to a section of another chapter gets the page its target is on; one within its own chapter, to an id the
    PDF has no page for, to another document, a heading's permalink or a contents entry gets none, and a number
    from an earlier print goes."""
    page = browser.new_page()
    try:
        page.set_content(
            '<div id="print-site-page"><section class="print-page" id="vpc"><h2 id="vpc-nat">NAT</h2>'
            '<a href="#vpc-nat">위</a><a href="#ec2-ami" data-book-page="7">AMI</a>'
            '<a class="headerlink" href="#ec2-ami">¶</a><a class="md-nav__link" href="#ec2-ami">목차</a></section>'
            '<section class="print-page" id="ec2"><h2 id="ec2-ami">AMI</h2><a href="#vpc-nat">NAT</a>'
            '<a href="#ec2">위</a><a href="#gone">없음</a><a href="https://example.com/other/#vpc-nat">다른 문서</a>'
            '<a href="#%E0%A4%A">깨진 주소</a></section></div>')
        numbered = page.evaluate(CROSS_REFERENCES_JS, [CHAPTER, {"vpc-nat": 12, "ec2": 30, "ec2-ami": 20}])
        pages = page.locator("a").evaluate_all("links => links.map((a) => a.dataset.bookPage ?? '')")
    finally:
        page.close()
    assert (numbered, pages) == (2, ["", "20", "", "", "12", "", "", "", ""])


def chapter_links(print_page: BeautifulSoup) -> list[str]:
    """The target ids of the print page's links to another chapter, in document order (what make pdf numbers): a
    link to an id of the page outside its own chapter (`section.print-page` not a part), contents and permalinks
    aside."""
    chapter_of = {}
    for chapter in print_page.select(f"#print-site-page {CHAPTER}[id]"):  # not the contents
        for element in [chapter, *chapter.select("[id]")]:
            chapter_of.setdefault(element["id"], chapter)
    links = []
    for a in print_page.select("#print-site-page a[href^='#']"):
        target = unquote(a["href"][1:])
        if not {"headerlink", "md-nav__link"} & set(a.get("class", [])) and target in chapter_of \
                and a.find_parent("section", class_="print-page", id=True) is not chapter_of[target]:
            links.append(target)
    return links


def test_a_link_to_another_chapter_prints_the_page_its_target_is_on(made_book, book_site, book_text):
    """On paper a link cannot be followed: the book prints each link to another chapter with the page the PDF opens
    for its target, "VPC (46쪽)", as the last print laid them out."""
    links = made_book["print_page"]["cross_references"]
    expected = chapter_links(BeautifulSoup((book_site / PRINT_PAGE / "index.html").read_text(encoding="utf-8"),
                                           "html.parser"))
    where = anchor_pages(made_book["book"].path)
    assert expected and [target for target, _, _ in links] == expected
    assert [(target, n) for target, n, _ in links if where.get(target) != n] == []
    assert len(re.findall(r"\(\d+쪽\)", book_text)) == len(links)
    assert made_book["print_page"]["page_alone"] == [], "these links' page starts a line of its own"
    assert all(squeeze(f"{text}({n}쪽)") in book_text for _, n, text in links[:20])


def test_book_holds_every_page_title_and_its_korean_text(book_text, chapters):
    missing = []
    for page, soup in chapters.items():
        sentence = korean_sentence(soup)
        assert sentence, f"{page}: no Korean sentence to look for"
        missing += [f"{page}: {text}" for text in (title(soup), sentence) if squeeze(text) not in book_text]
    assert missing == []


def test_book_holds_the_self_check_questions_with_their_answers(book_text, chapters):
    words = re.sub(r"\W", "", book_text)  # letters and digits: symbols may come from a fallback font
    missing = []
    asked = 0
    for page, soup in chapters.items():
        # each question is wrapped by hooks/study.py: <div class="quiz"> <p>문제 N.</p> <ol> <details>
        for answer in soup.select("h2#quiz ~ div.quiz > details"):
            asked += 1
            question = answer.find_previous_sibling("p")
            for element in (question, answer.select_one("p")):
                text = re.sub(r"\W", "", element.get_text(" ", strip=True))[:40]
                if text not in words:
                    missing.append(f"{page}: {element.get_text(' ', strip=True)[:50]}")
    assert chapters and asked >= 130 and missing == []


def test_the_book_prints_a_pages_answers_after_all_its_questions(book_text, book_site):
    """On paper every box is open: the book gathers a page's 정답과 해설 after its questions and references
    (hooks/study.py), so a reader answers the printed questions before meeting the answers."""
    questions = json.loads((book_site / QUESTIONS_JSON).read_text(encoding="utf-8"))["questions"]
    letters = re.sub(r"\W", "", book_text)  # symbols may come from a fallback font

    def found(html: str, after: int = 0) -> int:
        text = re.sub(r"^\W*정답\W*\d번\W*", "", BeautifulSoup(html, "html.parser").get_text())
        return letters.find(re.sub(r"\W", "", text)[:40], after)

    early = []
    for page in dict.fromkeys(q["page"] for q in questions):
        asked = [q for q in questions if q["page"] == page]
        last = found(asked[-1]["q"])
        first = min(found(q["explain"], found(asked[0]["q"])) for q in asked)
        if not 0 <= last < first:
            early.append(f"{page}: an answer is printed before its last question")
    assert questions and not early, "\n".join(early)


def test_paragraphs_and_boxes_may_break_across_pages(made_book):
    """Material keeps every box whole and print-site every paragraph and tab set (page-break-inside: avoid): a
    long source list or box then left most of a page blank (64 of 353 pages were less than 60 % full). Of these, only
    a question stays whole with its choices (answer boxes, diagrams, code, quotes and table rows are not paragraphs)."""
    assert made_book["print_page"]["kept_whole"] == []


def test_each_question_prints_on_one_page_with_its_choices(book, book_site):
    """No page ends between a 확인 문제's question and its choices, or in its choices."""
    questions = json.loads((book_site / QUESTIONS_JSON).read_text(encoding="utf-8"))["questions"]
    pages = [squeeze(text) for text in pdf_text(book.path).split("\f")]
    split = []
    for q in questions:
        stem, last = (squeeze(BeautifulSoup(html, "html.parser").get_text()) for html in (q["q"], q["choices"][-1]))
        if not any(stem in page and last in page for page in pages):
            split.append(f"{q['id']}: {stem[:40]}")
    assert questions and not split, "\n".join(split)


def test_a_table_longer_than_a_page_starts_under_its_title_not_on_the_next_page(book):
    """Tables break between rows (their header repeats): the glossary's, longer than a page, begins on the page
    its chapter opens (kept whole, it left that page blank)."""
    start = next(page for depth, title, page in outline(book.path) if depth == 1 and title == "용어집")  # a chapter
    term, meaning = sorted(glossary_entries(), key=lambda e: e[0].lower())[0]  # the table's first row
    assert squeeze(f"{term}{meaning}")[:30] in squeeze(pdf_text(book.path, (start, start)))


def test_book_has_no_placeholder_or_tag_junk(book_text):
    assert "material/tags" not in book_text and "reference/tags.md" not in book_text


def test_book_cover_has_title_date_and_source(book):

    cover = squeeze(pdf_text(book.path, pages=(1, 1)))
    assert squeeze(config().site_name) in cover
    assert re.search(r"\d{4}년\d{1,2}월\d{1,2}일", cover)
    assert config().repo_url in cover
    assert "127.0.0.1" not in cover and "웹버전" not in cover, "a book made here has no web address to give"


def test_book_embeds_the_korean_font_as_truetype(book):
    korean = [font for font in fonts(book.path) if font.hangul]
    assert korean and all(font.embedded for font in korean)
    assert not [font for font in korean if font.name == "Type3"], "Korean drawn in a CFF font (code?) became Type 3"
    # NanumGothic (TrueType outlines) draws the text; CFF fonts would be printed as Type 3.
    assert any("NanumGothic" in font.name for font in korean), [font.name for font in korean]


def test_book_shows_diagrams_not_their_source(book_text, book_site):
    sources = diagram_sources(book_site)
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


def test_the_book_build_links_the_book_from_every_page(browser, book_site, book):
    with serve(book_site) as address:
        tab = Tab(browser, address)
        try:
            tab.goto("networking/vpc/")
            link = tab.page.locator("article a.md-content__pdf", has_text="PDF로 받기")
            first = tab.page.evaluate("a => a.href", link.element_handle())
            response = tab.page.request.get(first)
            assert response.ok and response.headers["content-type"] == "application/pdf"
            assert response.body() == book.path.read_bytes()
            # The next page, reached by instant navigation, links the same book.
            tab.click_instantly(".md-tabs a[href$='/compute/']", "**/compute/")
            assert tab.page.evaluate("a => a.href", link.element_handle()) == first
            # Readable in both schemes (only this build has the link: test_reading audits the others), not printed.
            within = ["article .md-content__pdf"]
            found = tab.axe("light", within)
            tab.scheme("slate")
            found += tab.axe("dark", within)
            assert not found, found
            print_from_menu(tab)
            assert not link.is_visible(), "a printed page shows the PDF link"
        finally:
            tab.close()


# --- Ctrl+P on one page ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_path(soups) -> str:
    """A page with a diagram, a table and a link to AWS's docs: what a printout must handle."""
    for page, soup in soups.items():
        if soup.select_one("article pre.mermaid") and soup.select_one("article table") and soup.select_one(
            'article a[href^="https://"]'
        ):
            return url(page)
    pytest.fail("no page with a diagram, a table and an external link")


def print_from_menu(tab, path: str = "") -> None:
    """Print media and `beforeprint`, as the browser's print menu does; then what is drawn is what is printed."""
    if path:
        tab.goto(path)
    tab.page.emulate_media(media="print")
    tab.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


@pytest.fixture(scope="module")
def printed(browser, base_url, sample_path):
    """The sample page after Ctrl+P, every diagram drawn (light scheme)."""
    tab = Tab(browser, base_url)
    print_from_menu(tab, sample_path)
    wait_drawn(tab.page)
    yield tab
    tab.close()


def test_printing_after_instant_navigation_finds_every_diagram_drawn(tab):
    """The browser's print menu cannot wait for a drawing: once Mermaid is loaded, the diagrams of the next page
    are drawn without the reader scrolling to them, so that a printout finds them drawn."""
    tab.goto("compute/elb/")
    tab.page.evaluate(SCROLL_JS, WAIT_MS)  # the reader reads the first page to its end: Mermaid loads there
    wait_drawn(tab.page)
    tab.click_instantly('.md-nav a[href$="database/rds/"]', "**/database/rds/")  # through the nav
    state = wait_drawn(tab.page)  # the reader does not scroll
    assert state["all"] >= 2 and state["drawn"] == state["all"], f"not drawn without scrolling: {state}"
    tab.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert tab.page.evaluate(DRAWN_JS, HOSTS) == state


def test_ctrl_p_draws_the_diagrams_the_reader_has_not_reached_then_opens_the_print_dialog(tab):
    """The print dialog cannot wait for a drawing, but the key can: on a page whose diagrams are all far below,
    Ctrl+P draws them, then opens the dialog (here a stand-in that notes what it would print). With every
    diagram drawn, the key is the browser's again."""
    tab.goto(FAR_DOWN)
    before = tab.page.evaluate(DRAWN_JS, HOSTS)
    assert before["all"] and not before["drawn"], before
    tab.page.evaluate(  # the dialog's stand-in notes what each call would print
        f"(hosts) => {{ window.print = () => {{ window.printed = [...(window.printed || []), ({DRAWN_JS})(hosts)]; }}; }}", HOSTS)
    tab.page.keyboard.press("Control+KeyP")
    tab.page.keyboard.press("Control+KeyP")  # pressed again while the diagrams are drawn: one print dialog
    tab.page.wait_for_function("() => window.printed", timeout=WAIT_MS)
    tab.page.evaluate("() => new Promise((r) => setTimeout(r))")  # after a second dialog's turn, if there were one
    assert tab.page.evaluate("() => window.printed") == [{"drawn": before["all"], "all": before["all"]}]
    assert not tab.page.evaluate(PRESS, {"ctrlKey": True}), "the browser prints a drawn page itself"


def test_ctrl_p_leaves_other_keys_alone_and_never_holds_a_later_page(tab):
    """With diagrams waiting, only Ctrl+P itself (⌘P on Apple devices) is taken. While Mermaid cannot arrive (a
    stalled download, held here), the key waits for it on its page; on the next page (instant navigation, no
    diagram) Ctrl+P is the browser's again."""
    tab.goto(FAR_DOWN)
    for other in ({"metaKey": True}, {"ctrlKey": True, "shiftKey": True}, {"ctrlKey": True, "altKey": True}):
        assert not tab.page.evaluate(PRESS, other), f"{other} with P was taken"
    held = []
    tab.page.route("**/javascripts/mermaid/mermaid.esm.min.mjs", lambda route: held.append(route))
    assert tab.page.evaluate(PRESS, {"ctrlKey": True}), "Ctrl+P was not taken while diagrams wait"
    tab.click_instantly('article a[href$="principles/"]', "**/principles/")
    assert not tab.page.evaluate("() => document.querySelector('article .mermaid')")
    assert not tab.page.evaluate(PRESS, {"ctrlKey": True}), "Ctrl+P still waits for the page that was left"


# What a diagram not drawn yet prints instead (print.css): its note, and whether the note is in the text's font.
UNDRAWN_NOTE = """() => { const note = getComputedStyle(document.querySelector("article pre.mermaid"), "::before");
  return [note.content, note.fontStyle, note.fontFamily === getComputedStyle(document.body).fontFamily]; }"""


def test_a_diagram_printed_before_it_is_drawn_prints_a_note_that_names_the_book_only_where_it_is_linked(
        browser, base_url, book_site):
    """Printed from the browser's menu before the reader scrolled to it, a diagram is a note in the text's upright
    font; it points to the book where the page links it (a build made for the book), not elsewhere."""
    notes = []
    with serve(book_site) as book_address:
        for address in (base_url, book_address):
            tab = Tab(browser, address)
            try:
                tab.goto(FAR_DOWN)  # its diagrams are far down: not drawn
                tab.page.emulate_media(media="print")
                notes.append(tab.page.evaluate(UNDRAWN_NOTE))
            finally:
                tab.close()
    (plain, *plain_style), (book, *book_style) = notes
    assert plain_style == book_style == ["normal", True]
    assert "Ctrl+P" in plain and "PDF" not in plain
    assert "Ctrl+P" in book and "'PDF로 받기'" in book


def test_printed_page_shows_only_the_content(printed):
    page = printed.page
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", "[data-md-component=palette]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    # Everything visible on paper is the article: no navigation, search or footer text.
    visible = page.evaluate("document.body.innerText.trim()")
    assert visible == page.evaluate("document.querySelector('article').innerText.trim()")


def test_printed_page_is_light_even_in_the_dark_scheme(new_tab, sample_path):
    tab = new_tab(color_scheme="dark")
    tab.goto(sample_path)
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    print_from_menu(tab)
    page_colour, body_colour, text_colour = tab.page.evaluate("""() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.querySelector("article p")).color,
    ]""")
    assert page_colour == body_colour == "rgb(255, 255, 255)"
    assert re.fullmatch(r"rgba?\(0, 0, 0(, 0\.\d+)?\)", text_colour), text_colour
    tab.page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate", "the reader's scheme is back"


def test_printed_diagrams_fit_the_page_and_links_show_their_address(printed):
    page = printed.page
    widths = page.evaluate("""() => {
      const article = document.querySelector("article").getBoundingClientRect().width;
      return [...document.querySelectorAll("div.mermaid")].map(
        (host) => [host.shadowRoot.querySelector("svg").getBoundingClientRect().width, article]);
    }""")
    assert widths and all(0 < svg <= article + 1 for svg, article in widths)
    link = page.locator('article a[href^="https://"]').first
    assert link.get_attribute("href") in link.evaluate("a => getComputedStyle(a, '::after').content")
    # Links within the site stay links: no address printed after them.
    addresses = page.evaluate("""() => [...document.querySelectorAll("article a[href]")]
      .filter((a) => a.host === location.host)
      .map((a) => getComputedStyle(a, "::after").content)""")
    assert addresses and set(addresses) <= {"none", "normal"}


# Words of a table cell (an address, a name) that the printed page breaks across two lines.
BROKEN_IN_CELLS = r"""() => {
  const broken = [], cells = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node; (node = cells.nextNode());) {
    if (!node.parentElement.closest("td, th")) continue;
    for (const word of node.textContent.matchAll(/[A-Za-z0-9./]{4,}/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
    }
  }
  return broken; }"""


def test_a_printed_table_breaks_no_address_nor_name(new_tab):
    """On an A4 page a table's column narrows no further than its longest word: "10.0.0.255" (the broadcast
    address of subnet-design's reserved five) printed as "10.0.0.25" over "5"."""
    tab = new_tab(viewport={"width": a4_text_px(), "height": 1000})
    tab.page.emulate_media(media="print")
    broken = []
    for path in ("networking/subnet-design/", "reference/glossary/", "networking/"):
        tab.goto(path)
        broken += [f"/{path}: {word}" for word in tab.page.evaluate(BROKEN_IN_CELLS)]
    assert not broken, broken


COLLAPSED = """
??? note "접힌 블록"
    접힌 블록 안의 본문도 종이에 인쇄된다.

=== "첫째 탭"
    첫째 탭의 본문.

=== "둘째 탭"
    둘째 탭의 본문도 인쇄된다.
"""


def test_printed_page_expands_collapsed_blocks_and_tabs(printed):
    html = markdown.markdown(
        COLLAPSED,
        extensions=["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": config().mdx_configs["pymdownx.tabbed"]},
    )
    page = printed.page
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", html)
    assert page.locator("details", has_text="접힌 블록").evaluate("details => !details.open")
    for text in ("접힌 블록 안의 본문", "첫째 탭의 본문", "둘째 탭의 본문"):
        block = page.locator("article p", has_text=text)
        assert block.evaluate("p => p.checkVisibility() && p.getBoundingClientRect().height > 0"), text
