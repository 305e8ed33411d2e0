"""A reader's visit, as the tests and the benchmarks make it: what the browser downloads and draws.

`Reader.visit()` opens a page (cache cleared: a first visit) or follows a link, scrolls through it
like a reader so every diagram comes near the viewport, and waits until each diagram is drawn. It
returns a `Visit`: every response with its size over the wire (gzip, as GitHub Pages sends it), what
had arrived by the ``load`` event, the state of each Mermaid diagram (drawn, Mermaid's error, the
lowest text contrast, labels spilling out of their boxes, scale and widths), console errors and
requests to other hosts. The waits are for the conditions themselves: the diagrams drawn, no request in
flight, animations finished.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from sitekit.browser import STILL_JS, WAIT_MS, Tab

LIBRARY = "javascripts/mermaid/mermaid.esm.min.mjs"  # the one module that means "Mermaid loaded"
MERMAID_PATHS = ("javascripts/mermaid-loader.js", "javascripts/mermaid/")
HOSTS = "article pre.mermaid, article div.mermaid"

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
    let contrast = 99, worst = "", font = 99, unscaled = 99;
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
      unscaled = Math.min(unscaled, parseFloat(cs.fontSize));  // at the SVG's own size: the least the viewer shows
    }
    // A label whose text reaches outside its box (Mermaid sized the box for other wrapping).
    let spill = { px: 0, text: "" };
    for (const fo of root.querySelectorAll("foreignObject")) {
      if (!fo.textContent.trim()) continue;
      const box = fo.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(fo);
      const r = range.getBoundingClientRect();
      const px = Math.max(r.right - box.right, box.left - r.left, r.bottom - box.bottom, box.top - r.top);
      if (px > spill.px) spill = { px: Math.round(px * 10) / 10, text: fo.textContent.trim().slice(0, 40) };
    }
    // A label Mermaid wrapped into more lines than its source writes (a <br/> or a newline each): where a long
    // label breaks is then Mermaid's choice, often mid-phrase ("Cost / Explorer"). Measured at the SVG's own size.
    const wrapped = [];
    for (const label of root.querySelectorAll("foreignObject div")) {
      if (label.querySelector("div") || !label.textContent.trim()) continue;
      const cs = getComputedStyle(label), line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.5;
      const written = Math.max((label.innerHTML.match(/<br\\s*\\/?>/g) || []).length + 1,
        label.querySelectorAll("p").length, label.textContent.trim().split("\\n").length);
      if (Math.round(label.offsetHeight / line) > written) wrapped.push(label.textContent.trim().slice(0, 40));
    }
    return {
      drawn: true, top, spill, wrapped,
      error: error ? (svg.textContent || "Mermaid error").trim().slice(0, 200) : null,
      name: `${svg.getAttribute("aria-roledescription")}: ${svg.getAttribute("aria-label") || ""}`,  // what a screen reader says
      contrast: Math.round(contrast * 100) / 100, worst, font: Math.round(font * 10) / 10, unscaled,
      scale: Math.round(scale * 100) / 100,
      hostWidth: box.width, svgWidth: drawn.width, parentWidth: host.parentElement.clientWidth,
    };
  });
}""" % HOSTS

# Like a reader (on a page with diagrams still to draw): open the content tabs and collapsed blocks that
# hold a diagram, then stay at each diagram in turn until it is drawn (the loader may start watching it only
# after the reader got there: after an instant navigation Material renders the new page's diagrams when its
# own turn comes), and back to the top. ``limit``: ms after which it moves on (`wait_drawn` then reports).
SCROLL_JS = """async (limit) => {
  if (!document.querySelector("article pre.mermaid")) return;  // nothing waits for the reader
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const hasDiagram = (el) => el && el.querySelector("pre.mermaid");
  for (const d of document.querySelectorAll("article details:not([open])")) {
    if (hasDiagram(d)) d.open = true;
  }
  for (const set of document.querySelectorAll("article .tabbed-set")) {
    const inputs = [...set.querySelectorAll(":scope > input")];
    const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
    for (const [i, input] of inputs.entries()) {
      if (hasDiagram(blocks[i])) input.click();
    }
  }
  const hosts = () => document.querySelectorAll(%r);  // Material puts a div.mermaid in each pre's place
  const end = performance.now() + limit;
  for (let i = 0; i < hosts().length; i++) {
    do {
      hosts()[i].scrollIntoView({ block: "center" });
      await frame();
    } while (!hosts()[i].shadowRoot?.querySelector("svg") && performance.now() < end);
  }
  scrollTo(0, 0);
}""" % HOSTS

# How many diagram hosts hold an SVG, and how many there are.
DRAWN_JS = """(hosts) => ({
  drawn: [...document.querySelectorAll(hosts)].filter((h) => h.shadowRoot && h.shadowRoot.querySelector("svg")).length,
  all: document.querySelectorAll(hosts).length,
})"""


def wait_drawn(page, timeout_ms: int = WAIT_MS) -> dict:
    """Wait until every diagram of the page is drawn (the condition, not a time); ``{drawn, all}`` when it
    is, or when ``timeout_ms`` has passed without it."""
    from playwright.sync_api import TimeoutError as Timeout

    try:
        page.wait_for_function(f"(hosts) => {{ const n = ({DRAWN_JS})(hosts); return n.drawn === n.all; }}",
                               arg=HOSTS, timeout=timeout_ms, polling="raf")
    except Timeout:
        pass
    return page.evaluate(DRAWN_JS, HOSTS)


@dataclass
class Visit:
    """One page as a reader's browser saw it."""

    path: str
    diagrams: list[dict]
    responses: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes over the wire)
    requested: list[str] = field(default_factory=list)  # paths asked for during the visit, in order
    on_load: int = 0  # how many of `responses` had arrived by the load event
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    status: int = 200

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses)

    @property
    def total_on_load(self) -> int:
        return sum(size for _, size in self.responses[: self.on_load])

    @property
    def mermaid(self) -> int:
        return sum(size for url, size in self.responses if url.startswith(MERMAID_PATHS))

    # Requests count when they are asked for: a response may finish after the visit it belongs to has ended.
    @property
    def library_loads(self) -> int:
        return self.requested.count(LIBRARY)

    @property
    def mermaid_requests(self) -> list[str]:
        return [url for url in self.requested if url.startswith(MERMAID_PATHS)]

    def undrawn(self) -> list[str]:
        """What is wrong with the page's diagrams, one line each."""
        problems = []
        for n, d in enumerate(self.diagrams, start=1):
            if not d["drawn"]:
                problems.append(f"/{self.path} diagram {n} was not drawn (source starts {d['source']!r})")
            elif d["error"]:
                problems.append(f"/{self.path} diagram {n}: Mermaid error: {d['error']}")
        return problems


class Reader(Tab):
    """A tab that visits pages like a reader and records what each visit cost and drew."""

    def __post_init__(self):
        super().__post_init__()
        self._requests: list = []
        self._asked: list[str] = []
        self._pending: set = set()
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._ended)
        self.page.on("requestfailed", self._ended)

    def _started(self, request):
        self._pending.add(request)
        self._asked.append(self.local_path(request.url))

    def _ended(self, request):
        self._pending.discard(request)
        self._requests.append(request)

    def responses(self) -> list[tuple[str, int]]:
        result = []
        for request in list(self._requests):
            response = request.response()
            if response is None:
                continue
            length = response.header_value("content-length")
            result.append((self.local_path(request.url),
                           int(length) if length else request.sizes()["responseBodySize"]))
        return result

    def quiet(self) -> None:
        """Wait until no request is in flight (a benchmark counts every byte of a visit)."""
        end = time.monotonic() + WAIT_MS / 1000
        while self._pending:
            if time.monotonic() > end:
                raise TimeoutError(f"requests still in flight: {[r.url for r in self._pending]}")
            self.page.wait_for_timeout(50)

    def visit(self, path: str | None = None, navigate=None, scroll: bool = True, settle: bool = False,
              fresh: bool = False) -> Visit:
        """Open ``path`` or run ``navigate()`` (e.g. an instant click).

        ``fresh``: clear the cache first, so every byte of a first visit goes over the wire (benchmarks;
        a cached response is still listed, with its size, so per-page counts hold either way).
        ``scroll``: scroll through the page like a reader and wait until every diagram is drawn
        (`wait_drawn`; what was not drawn is in the visit).
        ``settle``: wait until no request is in flight, before and after drawing (benchmarks).
        """
        self._requests.clear()
        self._asked.clear()
        self.blocked.clear()
        self.errors.clear()
        status = 200
        if navigate is None:
            if fresh:
                cdp = self.context.new_cdp_session(self.page)
                cdp.send("Network.clearBrowserCache")
                cdp.detach()
            status = self.goto(path, wait_until="load").status
        else:
            navigate()
            self.page.wait_for_load_state("load")
        if settle:
            self.quiet()
        on_load = len(self._requests)
        if scroll:
            self.page.evaluate(SCROLL_JS, WAIT_MS)
            wait_drawn(self.page)
            if settle:
                self.quiet()
        self.page.evaluate(STILL_JS)
        return Visit(
            path=self.local_path(self.page.url),
            diagrams=self.diagrams(),
            responses=self.responses(),
            requested=list(self._asked),
            on_load=on_load,
            blocked=list(self.blocked),
            errors=list(self.errors),
            status=status,
        )

    def diagrams(self) -> list[dict]:
        """The state of each diagram of the article as it stands (see DIAGRAMS_JS)."""
        return self.page.evaluate(DIAGRAMS_JS)
