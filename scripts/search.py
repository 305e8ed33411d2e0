"""The site's own search box, driven in Chromium: what a learner types, which pages come up, how fast.

`open_search_page()` opens a built and served site with the search dialog ready; `search()` types one
query into Material's real search box (value + ``input``/``keyup`` events, as a keyboard does) and
returns the ranked result pages, timing in the page with ``performance.now()`` from the keystroke to
the result list being rendered (a MutationObserver on the result component). `evaluate()` runs the
learner query set of ``data/search-queries.tsv``; ``search-bench`` prints hit@1/hit@5, the misses,
the size of the search index and the latency.
"""
from __future__ import annotations

import csv
import gzip
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "data" / "search-queries.tsv"
CASES = ("name", "spacing", "particle", "english", "translit", "console", "acronym", "number", "concept")
TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Query:
    """One learner query and the docs/ page it must find."""

    text: str
    page: str
    case: str
    note: str = ""

    @property
    def path(self) -> str:
        """The expected page as a site path relative to the site root (``networking/vpc/``)."""
        return page_path(self.page)


def page_path(page: str) -> str:
    """``networking/vpc.md`` → ``networking/vpc/``; ``index.md`` → ``""`` (directory URLs)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The query set: tab-separated ``query, page, case, note`` rows after a header; ``#`` lines are comments."""
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    if header[:3] != ["query", "page", "case"]:
        raise ValueError(f"{path}: header must start with query, page, case (got {header})")
    queries = []
    for lineno, row in enumerate(body, start=2):
        if len(row) < 3 or not row[0].strip() or not row[1].endswith(".md"):
            raise ValueError(f"{path}: bad row {lineno}: {row}")
        queries.append(Query(row[0], row[1], row[2], row[3] if len(row) > 3 else ""))
    return queries


# ---------------------------------------------------------------------------
# In the page
# ---------------------------------------------------------------------------

# Installs window.__searchProbe: ready() waits for the search worker, run(q) types q and times the results.
INSTALL = """
() => {
  if (window.__searchProbe) return;
  const input = document.querySelector(".md-search__input");
  const result = document.querySelector(".md-search-result");
  const meta = result.querySelector(".md-search-result__meta");
  const list = result.querySelector(".md-search-result__list");
  const TIMEOUT = %d;

  // Type a value the way a keyboard does: the value changes, then input + keyup fire.
  const type = (value) => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: value.slice(-1) || "Backspace" }));
  };

  // Run action, resolve with performance.now() of the first change to the result component. Material
  // renders the meta line and the first 10 results in one task, so the list is complete by then.
  const rendered = (action) => new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const t = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(t);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("no search result within " + TIMEOUT + " ms"));
    }, TIMEOUT);
    observer.observe(result, { childList: true, subtree: true, characterData: true });
    action();
  });

  window.__searchProbe = {
    // The search worker is ready once the meta line no longer shows the initializer text of the HTML.
    async ready() {
      const html = await (await fetch(location.href)).text();
      const initial = new DOMParser().parseFromString(html, "text/html")
        .querySelector(".md-search-result__meta").textContent.trim();
      const start = performance.now();
      while (meta.textContent.trim() === initial) {
        if (performance.now() - start > TIMEOUT) throw new Error("search did not initialise");
        await new Promise(r => setTimeout(r, 20));
      }
    },
    async run(query) {
      input.focus();
      if (input.value !== "") await rendered(() => type(""));
      let t0 = 0;
      const t1 = await rendered(() => { t0 = performance.now(); type(query); });
      const links = list.querySelectorAll(":scope > li.md-search-result__item > a.md-search-result__link");
      return {
        ms: t1 - t0,
        urls: [...links].map(a => a.href),
        meta: meta.textContent.trim(),
      };
    },
  };
}
""" % TIMEOUT_MS


@dataclass
class SearchPage:
    """A Playwright page on the served site with the search dialog open; records errors and dialogs.

    Requests to any host but 127.0.0.1 are aborted and listed in ``off_site``.
    """

    page: object
    base_url: str
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)


def open_search_page(browser, base_url: str, path: str = "") -> SearchPage:
    """Open ``base_url + path`` in a new context, open the search dialog (``/``) and wait for the worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = context.new_page()
    sp = SearchPage(page, base_url)

    def route(r):
        if urlsplit(r.request.url).hostname in ("127.0.0.1", None):
            return r.continue_()
        sp.off_site.append(r.request.url)
        return r.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda e: sp.page_errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and sp.console_errors.append(m.text))

    def on_dialog(dialog):
        sp.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(base_url + path)
    page.locator(".md-search__input").click()  # as a reader does: focus opens the search dialog
    page.wait_for_selector(".md-search__input:focus")
    page.evaluate(INSTALL)
    page.evaluate("() => window.__searchProbe.ready()")
    # From here on only what searching does is recorded (page-load requests are other checks' concern).
    sp.console_errors.clear()
    sp.off_site.clear()
    return sp


@dataclass(frozen=True)
class Result:
    """Pages found for one query (site paths, best first), time to render and the meta line."""

    query: str
    pages: tuple[str, ...]
    ms: float
    meta: str


def site_relative(url: str, base_url: str) -> str:
    """A result URL as a page path relative to the site root, without query string or anchor."""
    path = urlsplit(url).path
    base = urlsplit(base_url).path
    return path[len(base):] if path.startswith(base) else path


def search(sp: SearchPage, query: str) -> Result:
    """Type ``query`` into the search box; the result pages in rank order and the keystroke→render time."""
    data = sp.page.evaluate("(q) => window.__searchProbe.run(q)", query)
    pages = tuple(dict.fromkeys(site_relative(u, sp.base_url) for u in data["urls"]))
    return Result(query, pages, data["ms"], data["meta"])


# ---------------------------------------------------------------------------
# The query set
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    query: Query
    result: Result

    @property
    def rank(self) -> int | None:
        """1-based rank of the expected page, or None when it is not in the results."""
        try:
            return self.result.pages.index(self.query.path) + 1
        except ValueError:
            return None

    def describe(self) -> str:
        top = ", ".join(p or "(home)" for p in self.result.pages[:5]) or "(no result)"
        where = f"rank {self.rank}" if self.rank else "not found"
        return f"{self.query.text!r} [{self.query.case}] → {self.query.page}: {where}; top 5: {top}"


@dataclass
class Report:
    outcomes: list[Outcome]

    def hit(self, k: int, case: str | None = None) -> float:
        chosen = [o for o in self.outcomes if case is None or o.query.case == case]
        return sum(1 for o in chosen if o.rank and o.rank <= k) / len(chosen) if chosen else 0.0

    def misses(self, k: int) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.rank and o.rank <= k)]

    @property
    def latencies(self) -> list[float]:
        return [o.result.ms for o in self.outcomes]


def evaluate(sp: SearchPage, queries: list[Query] | None = None) -> Report:
    """Type every query of the set into one page's search box; the rank of each expected page."""
    queries = load_queries() if queries is None else queries
    return Report([Outcome(q, search(sp, q.text)) for q in queries])


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def index_size(site_dir: Path) -> tuple[int, int]:
    """Bytes of ``search/search_index.json``: raw and gzip -9 (what the server sends)."""
    data = (Path(site_dir) / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


# ---------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------

def print_report(report: Report, site_dir: Path, rounds_ms: list[float], out=sys.stdout) -> None:
    n = len(report.outcomes)
    raw, gz = index_size(site_dir)
    print(f"queries: {n}", file=out)
    print(f"hit@1: {report.hit(1):.1%}  ({n - len(report.misses(1))}/{n})", file=out)
    print(f"hit@5: {report.hit(5):.1%}  ({n - len(report.misses(5))}/{n})", file=out)
    by_case = defaultdict(int, Counter(o.query.case for o in report.outcomes))
    cases = "  ".join(f"{c} {report.hit(5, c):.0%}/{by_case[c]}" for c in CASES if by_case[c])
    print(f"hit@5 by case: {cases}", file=out)
    print(f"search index: {raw:,} bytes raw, {gz:,} bytes gzip", file=out)
    print(
        f"keystroke → results rendered: median {statistics.median(rounds_ms):.1f} ms, "
        f"p95 {percentile(rounds_ms, 95):.1f} ms, max {max(rounds_ms):.1f} ms "
        f"({len(rounds_ms)} searches)",
        file=out,
    )
    misses5 = report.misses(5)
    print(f"misses (not in top 5): {len(misses5)}", file=out)
    for o in misses5:
        print("  " + o.describe(), file=out)
    late = [o for o in report.misses(1) if o not in misses5]
    print(f"in top 5 but not first: {len(late)}", file=out)
    for o in late:
        print("  " + o.describe(), file=out)


def _cmd_search_bench(args) -> int:
    """Type the learner query set into the real search box: hit@1, hit@5, misses, index size, latency."""
    from scripts.browser import chromium
    from scripts.server import base_path, serve
    from scripts.site import build

    site = Path(args.site) if args.site else None
    tmp = None
    if site is None or not (site / "search" / "search_index.json").exists():
        tmp = tempfile.TemporaryDirectory(prefix="search-bench-")
        site = Path(tmp.name)
        result = build(site)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            return 1
    queries = load_queries(Path(args.queries))
    with serve(site, base_path(str(ROOT / "mkdocs.yml"))) as url, chromium() as browser:
        sp = open_search_page(browser, url)
        report = evaluate(sp, queries)
        times = report.latencies
        for _ in range(args.rounds - 1):
            times += evaluate(sp, queries).latencies
        print_report(report, site, times)
        if sp.page_errors or sp.console_errors:
            print(f"page errors: {sp.page_errors + sp.console_errors}")
    if tmp:
        tmp.cleanup()
    return 0


def register(sub) -> None:
    p = sub.add_parser("search-bench", help=_cmd_search_bench.__doc__)
    p.add_argument("--site", help="an already built site (default: a fresh strict build into a temp dir)")
    p.add_argument("--queries", default=str(QUERIES))
    p.add_argument("--rounds", type=int, default=3, help="passes over the query set for the latency figures")
    p.set_defaults(func=_cmd_search_bench)
