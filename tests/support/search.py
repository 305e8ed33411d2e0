"""The site's own search box, driven in Chromium: what a learner types, which pages come up, how fast.

`open_search_page()` opens a tab on the served site with the search dialog ready; `search()` types one
query into Material's real search box (value + ``input``/``keyup`` events, as a keyboard does) and
returns the ranked result pages, timing in the page with ``performance.now()`` from the keystroke to
the result list being rendered (a MutationObserver on the result component). `evaluate()` runs the
learner query set of ``data/search-queries.tsv``; ``search-bench`` prints hit@1/hit@5, the misses,
the size of the search index and the latency.
"""
from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.browser import Tab
from tests.support.pages import ROOT, url

QUERIES = ROOT / "data" / "search-queries.tsv"
CASES = ("name", "spacing", "particle", "english", "translit", "console", "acronym", "number", "concept",
         "typo", "compound", "question")
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
        """The expected page as a site path relative to the site root (``networking/vpc/``; home is ``""``,
        as `site_relative` makes it; MkDocs writes the home page's URL as ``./``)."""
        return url(self.page).removeprefix("./")


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


def open_search_page(browser, base_url: str, path: str = "") -> Tab:
    """A tab on ``base_url + path`` with the search dialog open (focus, as a reader does) and ready."""
    tab = Tab(browser, base_url)
    tab.goto(path)
    tab.page.locator(".md-search__input").click()
    tab.page.wait_for_selector(".md-search__input:focus")
    tab.page.evaluate(INSTALL)
    tab.page.evaluate("() => window.__searchProbe.ready()")
    # From here on only what searching does is recorded (page-load requests are other checks' concern).
    tab.errors.clear()
    tab.blocked.clear()
    return tab


@dataclass(frozen=True)
class Result:
    """Pages found for one query (site paths, best first), time to render and the meta line."""

    query: str
    pages: tuple[str, ...]
    ms: float
    meta: str


def site_relative(address: str, base_url: str) -> str:
    """A result URL as a page path relative to the site root, without query string or anchor."""
    path = urlsplit(address).path
    base = urlsplit(base_url).path
    return path[len(base):] if path.startswith(base) else path


def search(tab: Tab, query: str) -> Result:
    """Type ``query`` into the search box; the result pages in rank order and the keystroke→render time."""
    data = tab.page.evaluate("(q) => window.__searchProbe.run(q)", query)
    pages = tuple(dict.fromkeys(site_relative(u, tab.base_url) for u in data["urls"]))
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


def evaluate(tab: Tab, queries: list[Query] | None = None) -> Report:
    """Type every query of the set into one page's search box; the rank of each expected page."""
    queries = load_queries() if queries is None else queries
    return Report([Outcome(q, search(tab, q.text)) for q in queries])


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def index_size(site_dir: Path) -> tuple[int, int]:
    """Bytes of ``search/search_index.json``: raw and gzip -9 (what the server sends)."""
    data = (Path(site_dir) / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))
