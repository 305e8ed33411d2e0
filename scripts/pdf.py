"""The whole site as one PDF book, printed by a real browser.

mkdocs-print-site-plugin writes every page into one page (``print_page/``); Material draws the
Mermaid diagrams there with JavaScript (into shadow roots, which WeasyPrint-based PDF plugins
cannot see). `print_book()` serves the built site on 127.0.0.1, opens that page in Chromium
with print media, waits for every diagram, and prints it: A4, page numbers in the footer,
a PDF outline (bookmarks) from the headings, tagged, fonts embedded.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scripts.browser import OPEN_SHADOW, chromium
from scripts.server import base_path, serve
from scripts.site import ROOT, build

PRINT_PAGE = "print_page/"  # mkdocs-print-site-plugin's page (print_page_basename)
BOOK = Path("pdf") / "aws-study-notes.pdf"  # inside the site; linked from overrides/main.html
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
FOOTER = (
    '<div style="width:100%;padding:0 15mm;font-size:8pt;color:#666;'
    "font-family:'Noto Sans CJK KR','Noto Sans KR','Malgun Gothic',sans-serif;"
    'display:flex;justify-content:space-between">'
    "<span>AWS 스터디 노트</span>"
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)
MERMAID_PRE = re.compile(r"<pre\b[^>]*\bclass=\"[^\"]*\bmermaid\b")

# Diagrams Material has drawn (an SVG in the host's opened shadow root) and those still waiting.
DIAGRAM_STATE = """() => ({
  drawn: [...document.querySelectorAll("div.mermaid")]
    .filter((host) => host.shadowRoot && host.shadowRoot.querySelector("svg")).length,
  pending: [...document.querySelectorAll("pre.mermaid")].map((pre) => pre.textContent.trim()),
})"""


@dataclass
class Book:
    """What one print produced."""

    path: Path
    pages: int
    size: int
    seconds: float
    diagrams: int
    blocked: list[str] = field(default_factory=list)  # requests to other hosts (aborted)

    def summary(self) -> str:
        return (
            f"{self.path}: {self.pages} pages, {self.size / 1e6:.2f} MB, {self.diagrams} diagrams, "
            f"{self.seconds:.1f} s to print"
        )


def diagram_count(html: str) -> int:
    """Mermaid diagrams (``pre.mermaid``) in a built page's HTML."""
    return len(MERMAID_PRE.findall(html))


def wait_for_diagrams(page, expected: int, timeout: float = 60.0) -> int:
    """Wait until Material has drawn every Mermaid diagram of ``page``; returns how many it drew.

    The page's context needs `OPEN_SHADOW` (the SVGs live in shadow roots).
    Raises ``TimeoutError`` naming the diagrams that did not render.
    """
    deadline = time.monotonic() + timeout
    while True:
        state = page.evaluate(DIAGRAM_STATE)
        if not state["pending"] and state["drawn"] >= expected:
            return state["drawn"]
        if time.monotonic() > deadline:
            first = state["pending"][0].splitlines()[:2] if state["pending"] else []
            raise TimeoutError(
                f"{state['drawn']} of {expected} diagrams drawn after {timeout:.0f} s; "
                f"{len(state['pending'])} pending, first: {first}"
            )
        page.wait_for_timeout(100)


def open_print_page(context, base_url: str, site_dir: Path, timeout: float = 60.0):
    """Open the print-site page with print media; returns (page, diagrams drawn)."""
    html = (Path(site_dir) / PRINT_PAGE / "index.html").read_text(encoding="utf-8")
    page = context.new_page()
    page.emulate_media(media="print", color_scheme="light")
    page.goto(base_url + PRINT_PAGE, wait_until="load", timeout=timeout * 1000)
    drawn = wait_for_diagrams(page, diagram_count(html), timeout)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, drawn


def print_book(site_dir: Path, out: Path | None = None, browser=None, base_url: str | None = None) -> Book:
    """Print ``site_dir``'s print-site page into ``out`` (default: <site>/pdf/aws-study-notes.pdf).

    ``browser``/``base_url`` reuse a launched Chromium and a running server (the tests' fixtures);
    without them the site is served on 127.0.0.1 and Chromium launched for this one print.
    """
    site_dir = Path(site_dir)
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir / PRINT_PAGE} missing: build the site first (make build)")
    out = Path(out) if out else site_dir / BOOK
    out.parent.mkdir(parents=True, exist_ok=True)
    blocked: list[str] = []
    start = time.perf_counter()
    with ExitStack() as stack:
        if base_url is None:
            base_url = stack.enter_context(serve(site_dir, base_path(str(ROOT / "mkdocs.yml"))))
        if browser is None:
            browser = stack.enter_context(chromium())
        context = browser.new_context(locale="ko-KR", color_scheme="light")
        stack.callback(context.close)
        context.add_init_script(OPEN_SHADOW)

        def only_local(route):  # nothing may leave this machine
            if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        page, drawn = open_print_page(context, base_url, site_dir)
        page.pdf(
            path=str(out),
            format="A4",
            margin=MARGIN,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            outline=True,
            tagged=True,
        )
    seconds = time.perf_counter() - start
    return Book(out, page_count(out), out.stat().st_size, seconds, drawn, blocked)


# --- reading the PDF (the benchmark and the tests) ---------------------------------------------


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def outline_titles(pdf: Path) -> list[str]:
    """Every bookmark title of the PDF outline, depth-first."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(reader.outline)
    return titles


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


def pdf_text(pdf: Path) -> str:
    """The PDF's text (poppler's pdftotext when installed, else pypdf)."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


# --- commands -----------------------------------------------------------------------------------


def _cmd_pdf(args) -> int:
    """Print the built site (make build) as one PDF book: site/pdf/aws-study-notes.pdf."""
    book = print_book(Path(args.site), Path(args.out) if args.out else None)
    print(book.summary())
    if book.blocked:  # aborted: the book never depends on another host
        print(f"note: blocked {len(book.blocked)} requests to other hosts: {book.blocked[:3]}", file=sys.stderr)
    return 0


def _cmd_pdf_bench(args) -> int:
    """Benchmark: strict build + print of the book, with page count, size, fonts and outline."""
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
            site = Path(tmp) / "site"
            start = time.perf_counter()
            result = build(site)
            built = time.perf_counter() - start
            if result.returncode != 0:
                sys.stderr.write(result.stdout + result.stderr)
                return result.returncode
            book = print_book(site)
            total = time.perf_counter() - start
            korean = [f for f in fonts(book.path) if f.embedded and f.hangul]
            kinds = ", ".join(sorted({f.name for f in korean})) or "none"
            print(f"run {run}: {total:.1f} s = build {built:.1f} s + print {book.seconds:.1f} s")
            print(f"  {book.pages} pages, {book.size / 1e6:.2f} MB, {book.diagrams} diagrams, "
                  f"{len(outline_titles(book.path))} bookmarks")
            print(f"  Korean glyphs embedded in {len(korean)} fonts ({kinds})")
    return 0


def register(sub) -> None:
    p = sub.add_parser("pdf", help=_cmd_pdf.__doc__)
    p.add_argument("--site", default=str(ROOT / "site"), help="built site directory")
    p.add_argument("--out", help=f"PDF path (default: <site>/{BOOK.as_posix()})")
    p.set_defaults(func=_cmd_pdf)
    p = sub.add_parser("pdf-bench", help=_cmd_pdf_bench.__doc__)
    p.add_argument("--runs", type=int, default=1)
    p.set_defaults(func=_cmd_pdf_bench)
