"""What a reader's browser downloads and draws, page by page (``bench-bytes``).

`Reader.visit()` opens a built page the way a reader does (Chromium on 127.0.0.1, gzip like
GitHub Pages, nothing may leave the machine), lets it settle, then scrolls through it so that
every diagram is drawn. It records every response with its size over the wire (the gzip body),
what had arrived before the scroll ("on load"), and the state of every Mermaid diagram: drawn
or not, Mermaid's error, the lowest text contrast in it, its scale and box widths. The diagram
tests use the same visits.
"""
from __future__ import annotations

import re
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from scripts.browser import OPEN_SHADOW, chromium
from scripts.server import base_path, serve
from scripts.site import ROOT, built_pages, page_path

LIBRARY = "javascripts/mermaid/mermaid.esm.min.mjs"  # the one module that means "Mermaid loaded"
MERMAID_PATHS = ("javascripts/mermaid-loader.js", "javascripts/mermaid/")
BUDGET_KIB = 400  # issue 3: the heaviest diagram page, over the wire (gzip)
MERMAID_BUDGET_KIB = 280  # Mermaid's share of a page using all three kinds (about 272 KiB)
HOSTS = "article pre.mermaid, article div.mermaid"

# Each diagram of the article, in order. `contrast`: the lowest WCAG contrast ratio of its texts
# against what is painted under them (shapes, label boxes, the page); `scale`: drawn width /
# natural width of the SVG; `font`: the smallest text as drawn, in CSS px.
DIAGRAMS_JS = """() => {
  const rgba = (s) => {
    const m = s && s.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom, alpha) => [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha));
  const lum = (c) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const page = rgba(getComputedStyle(document.body).backgroundColor) || [255, 255, 255, 1];
  const SHAPES = new Set(["rect", "polygon", "path", "circle", "ellipse"]);
  const paint = (el, cs) => {  // [colour, alpha] that `el` paints behind text, or null
    if (el instanceof SVGElement) {
      if (!SHAPES.has(el.tagName) || cs.fill === "none") return null;
      const c = rgba(cs.fill);
      return c && [c, c[3] * parseFloat(cs.fillOpacity) * parseFloat(cs.opacity)];
    }
    const c = rgba(cs.backgroundColor);
    return c && c[3] > 0 ? [c, c[3] * parseFloat(cs.opacity)] : null;
  };
  return [...document.querySelectorAll(%r)].map((host) => {
    const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
    const top = Math.round(host.getBoundingClientRect().top + scrollY);
    if (!svg) return { drawn: false, top, source: host.textContent.trim().split("\\n")[0] };
    const root = host.shadowRoot;
    const error = svg.getAttribute("aria-roledescription") === "error"
      || root.querySelector(".error-icon, .error-text") !== null;
    const box = host.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
    const natural = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width;
    const scale = natural ? drawn.width / natural : 1;
    let contrast = 99, worst = "", font = 99;
    for (const el of root.querySelectorAll("*")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
      if (!own) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (!r.width || !r.height || cs.visibility === "hidden" || cs.display === "none") continue;
      const fg = rgba(el instanceof SVGElement ? cs.fill : cs.color);
      if (!fg) continue;
      let bg = page.slice(0, 3);
      const under = el.classList.contains("sequenceNumber")  // drawn on a marker's circle
        ? [root.querySelector('marker[id$="sequencenumber"] circle')].filter(Boolean)
        : root.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).reverse();
      for (const shape of under) {
        if (shape === el) break;
        if (!root.contains(shape)) continue;
        const p = paint(shape, getComputedStyle(shape));
        if (p) bg = over(p[0], bg, p[1]);
      }
      const c = ratio(over(fg, bg, fg[3] * parseFloat(cs.opacity)), bg);
      if (c < contrast) [contrast, worst] = [c, own.slice(0, 40)];
      font = Math.min(font, parseFloat(cs.fontSize) * scale);
    }
    return {
      drawn: true, top,
      error: error ? (svg.textContent || "Mermaid error").trim().slice(0, 200) : null,
      kind: svg.getAttribute("aria-roledescription"),
      contrast: Math.round(contrast * 100) / 100, worst, font: Math.round(font * 10) / 10,
      scale: Math.round(scale * 100) / 100,
      hostWidth: box.width, svgWidth: drawn.width, parentWidth: host.parentElement.clientWidth,
    };
  });
}""" % HOSTS

# Like a reader: open the content tabs and collapsed blocks that hold a diagram, then a screen at
# a time, with two rendered frames at each stop (IntersectionObserver sees each).
SCROLL_JS = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hasDiagram = (el) => el && el.querySelector("pre.mermaid");
  for (const d of document.querySelectorAll("article details:not([open])")) {
    if (hasDiagram(d)) d.open = true;
  }
  for (const set of document.querySelectorAll("article .tabbed-set")) {
    const inputs = [...set.querySelectorAll(":scope > input")];
    const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
    for (const [i, input] of inputs.entries()) {
      if (!hasDiagram(blocks[i])) continue;
      input.click();
      blocks[i].scrollIntoView();
      await frame();
    }
  }
  const step = Math.max(200, innerHeight - 100);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    scrollTo(0, y);
    await frame();
  }
  scrollTo(0, 0);
}"""

DRAWN_JS = """([hosts, n]) => [...document.querySelectorAll(hosts)]
  .filter((h) => h.shadowRoot && h.shadowRoot.querySelector("svg")).length >= n"""


@dataclass
class Visit:
    """One page as a reader's browser saw it."""

    path: str
    diagrams: list[dict]
    responses: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes over the wire)
    on_load: int = 0  # how many of `responses` had arrived before the reader scrolled
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    overflow: int = 0  # px the page is wider than the window (horizontal scrolling)

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses)

    @property
    def total_on_load(self) -> int:
        return sum(size for _, size in self.responses[: self.on_load])

    @property
    def mermaid(self) -> int:
        return sum(size for url, size in self.responses if url.startswith(MERMAID_PATHS))

    @property
    def library_loads(self) -> int:
        return sum(1 for url, _ in self.responses if url == LIBRARY)

    @property
    def mermaid_requests(self) -> list[str]:
        return [url for url, _ in self.responses if url.startswith(MERMAID_PATHS)]


class Reader:
    """One browser tab (own context) that visits pages of the site served at ``base_url``."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light", viewport=None, media=None):
        self.base_url = base_url
        self.context = browser.new_context(
            color_scheme=color_scheme, locale="ko-KR", viewport=viewport or {"width": 1280, "height": 900},
        )
        self.context.add_init_script(OPEN_SHADOW)
        self.context.route("**/*", self._route)
        self.context.route("**/sitemap.xml", self._sitemap)
        self.page = self.context.new_page()
        if media:
            self.page.emulate_media(media=media)
        self._finished: list = []
        self._sizes: dict[str, int] = {}  # bytes over the wire of responses rewritten on the way
        self._third_party: list[str] = []
        self._errors: list[str] = []
        self.page.on("requestfinished", lambda request: self._finished.append(request))
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self._errors.append(f"uncaught: {e}"))

    def _route(self, route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:  # nothing may leave this machine (recorded as third_party)
            self._third_party.append(route.request.url)
            route.abort()

    def _sitemap(self, route):
        """The sitemap with this server's origin (instant navigation follows only its addresses).

        It lists ``site_url`` addresses; Material matches them by protocol and host but not by
        port, so on a test port no click would be an instant navigation. On GitHub Pages the
        origins are the same and nothing changes.
        """
        response = route.fetch()
        length = response.headers.get("content-length")  # what the server sent (gzip)
        if length:
            self._sizes[self.local(route.request.url)] = int(length)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base_url))
        body = re.sub(r"<loc>https?://[^/<]+", "<loc>" + origin, response.text())
        route.fulfill(status=response.status, body=body, content_type="application/xml")

    def _on_console(self, message):
        where = (message.location or {}).get("url", "")
        if message.type == "error" and urlsplit(where).hostname in ("127.0.0.1", None, ""):
            self._errors.append(message.text)

    def close(self) -> None:
        self.context.close()

    def local(self, url: str) -> str:
        url = urlsplit(url)._replace(query="", fragment="").geturl()
        return url[len(self.base_url):] if url.startswith(self.base_url) else url

    def _responses(self) -> list[tuple[str, int]]:
        result = []
        for request in list(self._finished):
            response = request.response()
            if response is None:
                continue
            url = self.local(request.url)
            length = self._sizes.get(url) or response.header_value("content-length")  # the gzip body
            result.append((url, int(length) if length else request.sizes()["responseBodySize"]))
        return result

    def visit(self, path: str | None = None, navigate=None, scroll: bool = True, settle: bool = True,
              draw: bool | None = None, timeout: float = 30_000) -> Visit:
        """Open ``path`` (fresh: cache cleared) or run ``navigate()`` (e.g. an instant-navigation click).

        ``settle``: wait for the network to be idle before scrolling (the "on load" figure) and
        after drawing (every byte counted); without it, a visit ends when the diagrams are drawn.
        ``scroll``: scroll through the page like a reader.
        ``draw`` (default: ``scroll``): then wait until every diagram is drawn.
        """
        self._finished.clear()
        self._third_party.clear()
        self._errors.clear()
        if navigate is None:
            cdp = self.context.new_cdp_session(self.page)
            cdp.send("Network.clearBrowserCache")
            cdp.detach()
            self.page.goto(self.base_url + path, wait_until="load")
        else:
            navigate()
        self.page.wait_for_load_state("load")
        if settle:
            self.page.wait_for_load_state("networkidle")
        on_load = len(self._finished)
        if scroll:
            self.page.evaluate(SCROLL_JS)
        if scroll if draw is None else draw:
            expected = self.page.evaluate(f"() => document.querySelectorAll({HOSTS!r}).length")
            try:
                self.page.wait_for_function(DRAWN_JS, arg=[HOSTS, expected], timeout=timeout)
            except Exception:  # the visit records what was (not) drawn; callers judge
                pass
            if settle:
                self.page.wait_for_load_state("networkidle")
        return Visit(
            path=self.local(self.page.url),
            diagrams=self.page.evaluate(DIAGRAMS_JS),
            responses=self._responses(),
            on_load=on_load,
            third_party=list(self._third_party),
            errors=list(self._errors),
            overflow=self.page.evaluate("() => document.documentElement.scrollWidth - innerWidth"),
        )


MERMAID_PRE = re.compile(r'<pre\s+class="mermaid"')


def page_html(site_dir: Path, path: str) -> str:
    """The built HTML of the page at ``path`` ('' for home)."""
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def built_diagrams(site_dir: Path, path: str) -> int:
    """How many Mermaid diagrams (``pre.mermaid``) the built page has."""
    return len(MERMAID_PRE.findall(page_html(site_dir, path)))


def page_paths(site_dir: Path, diagrams: bool | None = None) -> list[str]:
    """Every page of the built site; only those with (True) or without (False) diagrams."""
    paths = []
    for html in built_pages(site_dir):
        path = page_path(site_dir, html)
        if diagrams is None or (built_diagrams(site_dir, path) > 0) == diagrams:
            paths.append(path)
    return paths


def visit_all(browser, base_url: str, paths: list[str], settle: bool = True, **reader_options) -> dict[str, Visit]:
    """Visit ``paths`` one after another in one tab (cache cleared before each)."""
    reader = Reader(browser, base_url, **reader_options)
    try:
        return {path: reader.visit(path, settle=settle) for path in paths}
    finally:
        reader.close()


def kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def summary(visits: dict[str, Visit]) -> dict[str, Visit]:
    """The pages the issue names: the lightest and heaviest text page, the heaviest diagram page."""
    text = [v for v in visits.values() if not v.diagrams]
    drawn = [v for v in visits.values() if v.diagrams]
    result = {}
    if text:
        result["text page (lightest)"] = min(text, key=lambda v: v.total)
        result["text page (heaviest)"] = max(text, key=lambda v: v.total)
    if drawn:
        result["diagram page (heaviest)"] = max(drawn, key=lambda v: v.total)
    return result


def _cmd_bench_bytes(args) -> int:
    """Print the bytes each page downloads over the wire (gzip): on load, after scrolling, Mermaid's share."""
    site = Path(args.site)
    paths = args.pages or page_paths(site)
    with ExitStack() as stack:
        base_url = stack.enter_context(serve(site, base_path(str(ROOT / "mkdocs.yml"))))
        browser = stack.enter_context(chromium())
        visits = visit_all(browser, base_url, paths)
    print(f"{'page':<44} {'diagrams':>8} {'requests':>8} {'on load':>8} {'KiB':>7} {'Mermaid':>8}")
    for path, v in visits.items():
        print(f"/{path:<43} {len(v.diagrams):>8} {len(v.responses):>8} {kib(v.total_on_load):>8} "
              f"{kib(v.total):>7} {kib(v.mermaid):>8}")
    print("(KiB over the wire, gzip; 'on load': before the reader scrolls; KiB/Mermaid: after "
          "scrolling through every diagram)\n")
    for label, v in summary(visits).items():
        print(f"{label:<24} /{v.path}: {kib(v.total)} KiB ({kib(v.total_on_load)} KiB on load)"
              + (f", Mermaid {kib(v.mermaid)} KiB in {len(v.mermaid_requests)} requests" if v.mermaid else ""))
    heaviest = summary(visits).get("diagram page (heaviest)")
    if heaviest:
        print(f"budget: heaviest diagram page {kib(heaviest.total)} KiB ≤ {BUDGET_KIB} KiB: "
              + ("yes" if heaviest.total <= BUDGET_KIB * 1024 else "NO"))
    blocked = [f"/{p}: {', '.join(v.third_party)}" for p, v in visits.items() if v.third_party]
    if blocked:
        print("requests to other hosts (blocked):\n  " + "\n  ".join(blocked))
    return 0


def register(sub) -> None:
    p = sub.add_parser("bench-bytes", help=_cmd_bench_bytes.__doc__)
    p.add_argument("pages", nargs="*", help="paths under the base URL, e.g. compute/elb/ (default: all)")
    p.add_argument("--site", default=str(ROOT / "site"), help="built site directory")
    p.set_defaults(func=_cmd_bench_bytes)
