"""The whole site as one PDF book, printed by a real browser (``make pdf``).

mkdocs-print-site-plugin writes every page into one page (``print_page/``); Material draws the
Mermaid diagrams there with JavaScript (into shadow roots, which WeasyPrint-based PDF plugins cannot
see). `open_print_page()` serves the built site on 127.0.0.1 and opens that page in Chromium with
print media until every diagram is drawn; `print_pdf()` prints it: A4, page numbers in the footer, a
PDF outline (bookmarks, part > chapter > section) from the headings, tagged, fonts embedded, the page
each part and chapter starts on in the table of contents and after each link to another chapter
(Chromium has no CSS ``target-counter()``: a first print tells the pages, the next prints them). The
header links the book only in a build made with ``PDF_BOOK=1`` (``make pdf``), so a plain build never
links a missing file.
"""
from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from sitekit.browser import Tab, chromium
from sitekit.pages import PRINT_PAGE, ROOT, diagram_kinds, not_built
from sitekit.reader import HOSTS, wait_drawn
from sitekit.server import serve

BOOK = Path("pdf") / "aws-study-notes.pdf"  # inside the site; linked from overrides/main.html
PRINTS = 4  # at most: the first learns the pages, each next one prints them while a number still moves them
PRINT_CSS = ROOT / "docs" / "stylesheets" / "print.css"
PAGE_RULE = re.compile(r"@page\s*{[^}]*?\bmargin:\s*([^;]+);")


def page_margins(css: Path = PRINT_CSS) -> dict[str, str]:
    """The A4 page's margins, as print.css's ``@page`` rule sets them for Ctrl+P (one definition for both)."""
    match = PAGE_RULE.search(css.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{css}: no @page margin")
    v = match.group(1).split()  # CSS shorthand: 1 to 4 values
    top, right, bottom, left = {1: v * 4, 2: v * 2, 3: [*v, v[1]], 4: v}[len(v)]
    return {"top": top, "right": right, "bottom": bottom, "left": left}


def footer(font_family: str) -> str:
    """The book's footer (title, page N / total), in the page's own font, aligned with the text's margins."""
    margin = page_margins()
    return (f'<div style="width:100%;padding:0 {margin["right"]} 0 {margin["left"]};font-size:8pt;color:#666;'
            f'font-family:{html.escape(font_family)};'
            'display:flex;justify-content:space-between"><span>AWS 스터디 노트</span>'
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


@dataclass
class Book:
    """What one print produced."""

    path: Path
    pages: int
    size: int
    seconds: float
    diagrams: int
    blocked: list[str] = field(default_factory=list)  # requests to other hosts (refused)


def open_print_page(browser, base_url: str, site_dir: Path) -> Tab:
    """A tab on the print-site page with print media, every diagram drawn and the fonts loaded."""
    html = (Path(site_dir) / PRINT_PAGE / "index.html")
    if missing := not_built(html):
        raise FileNotFoundError(missing)
    expected = len(diagram_kinds(html.read_text(encoding="utf-8")))
    tab = Tab(browser, base_url)
    tab.page.emulate_media(media="print", color_scheme="light")
    tab.goto(PRINT_PAGE, wait_until="load", timeout=0)  # no time limit: a busy machine is slow, not wrong
    drawn = wait_drawn(tab.page)["drawn"]
    if drawn < expected:
        tab.close()
        raise RuntimeError(f"print page: {drawn} of {expected} diagrams drawn")
    tab.page.evaluate("document.fonts.ready.then(() => true)")
    return tab


# The table of contents' entries (print-site draws it from the nav) and the page number each gets. Each entry also
# reads as the heading it opens: print-site takes its text from the page's title, which a part's overview chapter
# does not print (hooks/print_site.py titles it 개요). Returns [entries, entries without a page].
CONTENTS = "#print-page-toc a.md-nav__link"
NUMBER_CONTENTS_JS = """([selector, pages]) => { const entries = [...document.querySelectorAll(selector)];
  const idOf = (a) => decodeURIComponent(a.hash.slice(1)), pageOf = (a) => pages[idOf(a)];
  for (const a of entries) {
    const target = document.getElementById(idOf(a));
    const heading = target && (target.matches("h1, h2, h3, h4, h5, h6") ? target : target.querySelector("h1"));
    const label = a.querySelector(".md-ellipsis");
    if (heading && label) {
      const text = heading.cloneNode(true);
      text.querySelectorAll(".headerlink").forEach((link) => link.remove());
      label.textContent = label.textContent.trim().match(/^[\\d.]+\\s+|^/)[0] + text.textContent.trim();  // print-site's number
    }
    const n = a.querySelector(".print-toc__page") || a.appendChild(document.createElement("span"));
    n.className = "print-toc__page";
    n.textContent = pageOf(a) ?? "";
  }
  return [entries.length, entries.filter((a) => pageOf(a) === undefined).length]; }"""


# Each link to another chapter (a page of the site; print-site points it at an id in the print page) gets the page its
# target is on, shown after the link text by print.css: paper has no links to follow. Returns how many.
CHAPTER = "section.print-page:not(.md-section)"
CROSS_REFERENCES_JS = """([chapter, pages]) => { let numbered = 0;
  for (const a of document.querySelectorAll("#print-site-page a[href*='#']:not(.headerlink, .md-nav__link)")) {
    const here = a.origin === location.origin && a.pathname === location.pathname;
    let id = null;
    try { id = here && decodeURIComponent(a.hash.slice(1)); } catch { /* not an id of this page */ }
    const target = id && document.getElementById(id);
    const page = target && target.closest(chapter) !== a.closest(chapter) ? pages[id] : undefined;
    if (page === undefined) delete a.dataset.bookPage; else { a.dataset.bookPage = page; numbered += 1; }
  }
  return numbered; }"""


# A part of the book: print-site puts each nav section's pages in one, titled by an <h1> of its own.
PART = "#print-site-page section.md-section"
HEADINGS = "h1, h2, h3, h4, h5, h6"
# Chromium makes the PDF's bookmarks from the headings' levels (as assistive technology reads them), and print-site
# titles parts and chapters alike with <h1>: a flat list. Each heading inside a part is read one level deeper
# (aria-level), so the bookmarks nest part > chapter > section as the table of contents does. Returns how many.
NEST_HEADINGS_JS = """([part, headings]) => { let nested = 0;
  for (const h of document.querySelectorAll(`${part} :is(${headings})`)) {
    let depth = h.parentElement.matches(part) ? -1 : 0;  // a part's own title stays at its part's level
    for (let s = h.closest(part); s; s = s.parentElement.closest(part)) depth += 1;
    if (depth > 0) { h.setAttribute("aria-level", Number(h.localName[1]) + depth); nested += 1; }
  }
  return nested; }"""


# The text of every heading the print shows, in document order (Chromium makes a bookmark of each).
HEADINGS_JS = """(headings) => [...document.querySelectorAll(headings)].filter((h) => h.getClientRects().length)
  .map((h) => h.innerText.replace(/\\s+/g, " ").trim())"""


def mend_outline(pdf: Path, headings: list[str]) -> None:
    """Give each bookmark its heading's text: Chromium titles a bookmark with the heading as laid out and drops the
    space where the heading wraps onto a second line ("Redis OSS" became "RedisOSS"). The bookmarks are the headings
    in document order, spacing aside, or this fails and removes the book; the PDF gets an incremental update (its
    bytes stay as printed)."""
    try:
        _mend(pdf, headings)
    except Exception:
        pdf.unlink(missing_ok=True)  # no book with wrong bookmarks is left behind
        raise


def _mend(pdf: Path, headings: list[str]) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(io.BytesIO(pdf.read_bytes()), incremental=True)
    marks = []

    def walk(node):
        while node is not None:
            mark = node.get_object()
            marks.append(mark)
            if "/First" in mark:
                walk(mark["/First"])
            node = mark.get("/Next")

    walk(writer.root_object["/Outlines"].get_object().get("/First"))
    titles = [str(mark["/Title"]) for mark in marks]
    if [re.sub(r"\s", "", t) for t in titles] != [re.sub(r"\s", "", h) for h in headings]:
        raise RuntimeError(f"the PDF's {len(titles)} bookmarks are not the print page's {len(headings)} headings: "
                           "Chromium no longer makes one bookmark per heading")
    for mark, title, heading in zip(marks, titles, headings):
        if title != heading:
            mark[NameObject("/Title")] = TextStringObject(heading)
    # The update's trailer carries the document information (title) only if it changed, and viewers that read the
    # last trailer alone (poppler: Evince, Okular) would show none; its cross-reference stream needs PDF 1.5.
    writer.add_metadata({"/ModDate": time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime())})
    writer.root_object[NameObject("/Version")] = NameObject("/1.5")
    writer.write(pdf)


def print_pdf(tab: Tab, out: Path) -> Book:
    """Print the print page open in ``tab`` into ``out``: once to learn where each part, chapter and link target
    is (without the outline and tags, which that print does not keep), then again with those pages in the table
    of contents and after the links to other chapters, again while a number moved the pages (``PRINTS`` in all);
    no book is left behind when that fails."""
    from pypdf import PdfReader

    start = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    font = tab.page.evaluate("getComputedStyle(document.body).fontFamily")
    if not tab.page.evaluate(NEST_HEADINGS_JS, [PART, HEADINGS]):
        raise RuntimeError(f"the print page has no heading inside a part ({PART}): print-site changed how it "
                           "groups the book, and the PDF's bookmarks would not nest")
    pages: dict[str, int] = {}
    for _ in range(PRINTS):
        tab.page.pdf(
            path=str(out), format="A4", margin=page_margins(), print_background=True, display_header_footer=True,
            header_template="<span></span>", footer_template=footer(font), outline=bool(pages), tagged=bool(pages),
        )
        found = anchor_pages(out)
        if pages and found == pages:
            break
        pages = found
        entries, unnumbered = tab.page.evaluate(NUMBER_CONTENTS_JS, [CONTENTS, pages])
        if not entries or unnumbered:
            out.unlink(missing_ok=True)  # no book with a wrong number is left behind
            raise RuntimeError(f"the book's table of contents ({CONTENTS}: {entries} entries) has {unnumbered} "
                               f"without a page among the PDF's {len(pages)} named destinations")
        if not tab.page.evaluate(CROSS_REFERENCES_JS, [CHAPTER, pages]):
            out.unlink(missing_ok=True)
            raise RuntimeError(f"no link of the print page leads to another chapter ({CHAPTER}): print-site changed "
                               "how it writes the book's links, and cross-references would print without their page")
    else:
        out.unlink(missing_ok=True)
        raise RuntimeError(f"after {PRINTS} prints the page numbers (the contents' and the links' to other chapters) "
                           "still move the pages they number")
    mend_outline(out, tab.page.evaluate(HEADINGS_JS, HEADINGS))
    drawn = tab.page.evaluate(f"() => document.querySelectorAll({HOSTS!r}).length")
    return Book(out, len(PdfReader(str(out)).pages), out.stat().st_size, time.perf_counter() - start, drawn,
                list(tab.blocked))


def print_book(site_dir: Path, out: Path | None = None) -> Book:
    """Serve ``site_dir``, open its print page in Chromium and print it (default: <site>/pdf/aws-study-notes.pdf)."""
    site_dir = Path(site_dir)
    start = time.perf_counter()
    with ExitStack() as stack:
        base_url = stack.enter_context(serve(site_dir))
        browser = stack.enter_context(chromium())
        tab = open_print_page(browser, base_url, site_dir)
        stack.callback(tab.close)
        book = print_pdf(tab, Path(out) if out else site_dir / BOOK)
    book.seconds = time.perf_counter() - start
    return book


# --- reading the PDF (the benchmark and the tests) ---------------------------------------------


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """Every bookmark of the PDF outline, depth-first: its depth (0 at the top), title and the page (from 1) it
    opens."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    marks: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                marks.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return marks


def anchor_pages(pdf: Path) -> dict[str, int]:
    """The page (from 1) of each element id of the printed page: Chromium writes a named destination for each,
    its name the id percent-encoded."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return {unquote(str(name).removeprefix("/")): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


HEX = re.compile(r"<([0-9A-Fa-f]+)>")


@dataclass
class Font:
    """One font resource of the PDF."""

    name: str  # BaseFont, or "Type3" (Skia draws CFF fonts such as Noto Sans CJK as Type 3)
    embedded: bool  # glyphs inside the PDF (a FontFile stream, or Type 3 glyph procedures)
    hangul: bool  # its ToUnicode map has Hangul syllables: it draws the Korean text


def _hangul_in_cmap(cmap: str) -> bool:
    """Whether a ToUnicode CMap maps any code to a Hangul syllable (U+AC00–U+D7A3)."""
    def hangul(hex_text: str, count: int = 1) -> bool:
        first = bytes.fromhex(hex_text).decode("utf-16-be", errors="ignore")[:1]
        return bool(first) and ord(first) + count - 1 >= 0xAC00 and ord(first) <= 0xD7A3

    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for line in block.strip().splitlines():
            codes = HEX.findall(line)
            if len(codes) == 2 and hangul(codes[1]):
                return True
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in block.strip().splitlines():
            codes = HEX.findall(line)
            if len(codes) >= 3 and hangul(codes[2], int(codes[1], 16) - int(codes[0], 16) + 1):
                return True
    return False


def fonts(pdf: Path) -> list[Font]:
    """Every font resource the PDF's pages use (once each)."""
    from pypdf import PdfReader

    found: dict[int, Font] = {}
    for page in PdfReader(str(pdf)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            key = getattr(ref, "idnum", id(ref))
            if key in found:
                continue
            font = ref.get_object()
            if font.get("/Subtype") == "/Type3":
                embedded = "/CharProcs" in font
            else:
                embedded = False
                for desc in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                    descriptor = desc.get("/FontDescriptor")
                    descriptor = descriptor.get_object() if descriptor else {}
                    embedded |= any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            cmap = font.get("/ToUnicode")
            text = cmap.get_object().get_data().decode("latin-1") if cmap else ""
            name = str(font.get("/BaseFont", font.get("/Subtype", "?"))).lstrip("/")
            found[key] = Font(name, embedded, _hangul_in_cmap(text))
    return list(found.values())


def pdf_text(pdf: Path, pages: tuple[int, int] | None = None, layout: bool = False) -> str:
    """The PDF's text in reading order (poppler's pdftotext -raw), of pages ``first``–``last`` if given;
    ``layout``: as laid out on the page instead (a line's columns stay on one line)."""
    span = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
    return subprocess.run(["pdftotext", "-layout" if layout else "-raw", "-enc", "UTF-8", *span, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


# --- command ------------------------------------------------------------------------------------


def cmd_pdf(args) -> int:
    """Print the built site (make build with PDF_BOOK=1) as one PDF book: site/pdf/aws-study-notes.pdf."""
    book = print_book(Path(args.site), Path(args.out) if args.out else None)
    print(f"{book.path}: {book.pages} pages, {book.size / 1e6:.2f} MB, {book.diagrams} diagrams, "
          f"{book.seconds:.1f} s to print")
    if book.blocked:  # refused: the book never depends on another host
        print(f"note: blocked {len(book.blocked)} requests to other hosts: {book.blocked[:3]}", file=sys.stderr)
    return 0
