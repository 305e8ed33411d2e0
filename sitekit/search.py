"""The site's own search box, driven in Chromium: what a learner types, which pages come up, how fast.

`search()` types into Material's real search box as a keyboard does and times, in the page, the keystroke
to the rendered result list; `evaluate()` runs the query set of ``data/search-queries.tsv``;
`first_search()` is a first visit whose reader types at once, before anything of the index has loaded.
Used by ``search-bench`` (scripts/bench.py) and tests/test_search.py.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from sitekit.browser import WAIT_MS, Tab
from sitekit.pages import ROOT, url

QUERIES = ROOT / "data" / "search-queries.tsv"
CASES = ("name", "spacing", "particle", "english", "translit", "console", "acronym", "number", "concept",
         "typo", "compound", "question", "layout")
SUGGESTION = "검색어와 일치하는 문서가 없습니다. 다음 문서를 찾으셨습니까?"  # the line above suggested pages when nothing matched
NOTHING_NEAR = "검색어와 일치하는 문서가 없습니다. 다른 검색어를 입력하거나 홈의 카테고리 목록에서 찾아보십시오."  # above the home page, when no page is near
# The line above the results until the first search has its documents: Material's "search.result.initializer", as
# the site words it (search.js shows it again while the documents load).
LOADING = re.search(r'"search\.result\.initializer": "([^"]+)"',
                    (ROOT / "overrides/partials/languages/custom.html").read_text(encoding="utf-8")).group(1)
DOCUMENTS = ("search/search_docs.json",)  # loaded on the reader's first search
WARM_UP = "VPC"  # the first search of `open_search_page`, which loads the index

# Odd input: it must raise no error, hang nothing, inject no markup, and show results or a suggestion.
PAYLOAD = (
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    '"><svg onload="window.__pwned=3"><b>굵게</b>'
)
BAD_INPUT = {
    "only particles": "은 는 이 가 을 를 의 에 에서 으로 로 과 와 도",
    "only symbols": "!@#$%^&*()_+-=[]{}|;':\",./<>?`~ … · ※",
    "1,000 characters": ("VPC 서브넷 보안그룹 가용영역 CloudFront " * 40)[:1000],
    "only jamo": "ㅇㅇㅇ ㅂㅂ ㅏㅓ",
    "emoji": "🚀☁️🔥 😀",
    "regular-expression metacharacters": ".*+?[( )]{ \\d | ^$",
    "lunr query syntax": "title: +- ^~ * : text:^ -+ ~2 VPC~ S3^ -",
    "HTML and script": PAYLOAD,
}


@dataclass(frozen=True)
class Query:
    """One learner query and the docs/ page it must find."""

    text: str
    page: str
    case: str
    note: str = ""

    @property
    def path(self) -> str:
        """The expected page as `Tab.local_path` writes result pages: ``networking/vpc/``, home ``""``."""
        return url(self.page).removeprefix("./")


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The query set: tab-separated ``query, page, case, note`` rows after a header; ``#`` lines are comments."""
    rows = [(lineno, line.split("\t")) for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip() and not line.startswith("#")]
    (_, header), body = rows[0], rows[1:]
    if header[:3] != ["query", "page", "case"]:
        raise ValueError(f"{path}: header must start with query, page, case (got {header})")
    queries = []
    for lineno, row in body:
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

  // Run action, resolve with performance.now() of the first change to node after which done() holds; fail after
  // TIMEOUT. Material renders the meta line and the first 10 results in one task, so the list is complete by the
  // first change to the result component.
  const changed = (node, done, action, failure) => new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const t = performance.now();
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(t);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(failure + " within " + TIMEOUT + " ms"));
    }, TIMEOUT);
    observer.observe(node, { childList: true, subtree: true, characterData: true });
    action();
  });
  // Results, not the line that says the first search is still loading its documents.
  const rendered = (action) => changed(result, () => meta.textContent.trim() !== %r, action, "no search result");

  window.__searchProbe = {
    // The search worker is ready once the meta line no longer shows the initializer text of the HTML.
    async ready() {
      const html = await (await fetch(location.href)).text();
      const initial = new DOMParser().parseFromString(html, "text/html")
        .querySelector(".md-search-result__meta").textContent.trim();
      if (meta.textContent.trim() !== initial) return;
      await changed(meta, () => meta.textContent.trim() !== initial, () => {}, "search did not initialise");
    },
    async run(query) {
      input.focus();
      if (input.value === query) await rendered(() => type(""));  // the same value again sends no query
      let t0 = 0;
      const t1 = await rendered(() => { t0 = performance.now(); type(query); });
      const links = list.querySelectorAll(":scope > li.md-search-result__item > a.md-search-result__link");
      return {
        ms: t1 - t0,
        urls: [...links].map(a => a.href),
        meta: meta.textContent.trim(),
      };
    },
    async runAll(queries) {
      const results = [];
      for (const query of queries) results.push(await this.run(query));
      return results;
    },
    // The search worker has not been asked to load anything yet, and Material is ready (placeholder shown).
    async idle() {
      await this.ready();
      return input !== document.activeElement;
    },
  };
}
""" % (WAIT_MS, LOADING)


def open_search_page(browser, base_url: str, path: str = "") -> Tab:
    """A tab on ``base_url + path`` with the search dialog open (focus, as a reader does) and the index loaded
    (by a first search that waits for its results)."""
    tab = Tab(browser, base_url)
    tab.goto(path)
    tab.page.locator(".md-search__input").click()
    tab.page.wait_for_selector(".md-search__input:focus")
    tab.page.evaluate(INSTALL)
    tab.page.evaluate("() => window.__searchProbe.ready()")
    search(tab, WARM_UP)
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


def search(tab: Tab, query: str) -> Result:
    """Type ``query`` into the search box; the result pages in rank order and the keystroke→render time."""
    return search_all(tab, [query])[0]


def search_all(tab: Tab, queries: list[str]) -> list[Result]:
    """`search` for each query in turn, in one call into the page (no round trip per query)."""
    found = tab.page.evaluate("(qs) => window.__searchProbe.runAll(qs)", queries)
    return [Result(query, tuple(dict.fromkeys(tab.local_path(u) for u in data["urls"])),
                   data["ms"], data["meta"]) for query, data in zip(queries, found)]


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


def evaluate(tab: Tab, queries: list[Query]) -> Report:
    """Type every query of the set into one page's search box; the rank of each expected page."""
    return Report([Outcome(q, r) for q, r in zip(queries, search_all(tab, [q.text for q in queries]))])


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


@dataclass(frozen=True)
class FirstSearch:
    """A first visit: what loaded before the reader searched, then the first search."""

    before: tuple[str, ...]  # search files requested before the first search
    after: tuple[str, ...]  # … and by the first result
    result: Result


def first_search(browser, base_url: str, query: str, path: str = "") -> FirstSearch:
    """Open ``path`` in a new tab (empty cache), then focus the search box and type ``query`` at once:
    ``result.ms`` includes loading the index, the slowest search a reader meets."""
    tab = Tab(browser, base_url)
    try:
        requested: list[str] = []
        tab.page.on("request", lambda r: requested.append(tab.local_path(r.url)))
        tab.goto(path, wait_until="load")
        tab.page.evaluate(INSTALL)
        if not tab.page.evaluate("() => window.__searchProbe.idle()"):
            raise AssertionError("the search box had the focus before the reader gave it")
        before = tuple(dict.fromkeys(u for u in requested if is_search_file(u)))
        result = search(tab, query)
        after = tuple(dict.fromkeys(u for u in requested if is_search_file(u)))
        return FirstSearch(before, after, result)
    finally:
        tab.close()


def is_search_file(path: str) -> bool:
    """Whether a site path is search data or search code loaded for searching (not the page's own)."""
    return path.startswith(("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/",
                            "javascripts/search-"))


def search_bytes(site_dir: Path) -> dict[str, int]:
    """gzip -9 bytes (what the server sends) of the search index and the search code, by file."""
    site = Path(site_dir)
    files = [site / "search" / "search_index.json", *(site / name for name in DOCUMENTS),
             site / "javascripts" / "search.js", site / "javascripts" / "search-worker.js",
             site / "javascripts" / "search-korean.js"]
    return {str(f.relative_to(site)): len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0))
            for f in files if f.exists()}
