"""Crawl the built site as GitHub Pages serves it: every link, asset and anchor must resolve.

The site is served on 127.0.0.1 under the path of ``site_url`` (``scripts/server.py``), so a link
that assumes ``/`` fails here as it would on ``https://<user>.github.io/<repo>/``. Checked:

- every ``href``/``src``/``srcset`` (and ``url(…)`` in inline styles) of every HTML page that
  points into the site: pages, CSS, JavaScript, images, and the search worker and index that
  Material's page config names;
- ``url(…)``/``@import`` in the site's CSS, and the static imports of every ES module in the site
  (the self-hosted Mermaid and its chunks, which the browser only meets on a diagram page);
- every ``#fragment`` against the ids of the page it points to;
- the 404 page, requested at a deep missing address, and every address of ``sitemap.xml``.

Links to other hosts are counted, never fetched (no request leaves the machine).
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3""")
# Static imports only (`from"./x.mjs"`, `import"./x.mjs"`): each must exist for the module to load.
# Dynamic `import("./…")` of diagram kinds the site does not use are left out on purpose.
ESM_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](?P<url>\.{1,2}/[^"']+)["']""")
MISSING_ADDRESS = "no-such-page/at/any/depth/"
# Written into the site by a step after the build (`make pdf`); a test crawl of a fresh build
# may pass it as `later` so that only its absence, not a wrong link to it, is forgiven.
PDF = "pdf/aws-study-notes.pdf"


@dataclass
class CrawlResult:
    pages: int = 0
    links: int = 0
    assets: int = 0
    anchors: int = 0
    external: int = 0
    later: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"pages: {self.pages}, links: {self.links}, assets: {self.assets}, "
            f"anchors: {self.anchors}, external (not fetched): {self.external}, "
            + (f"not built yet: {', '.join(sorted(set(self.later)))}, " if self.later else "")
            + f"failures: {len(self.failures)}"
        )


class _PageParser(HTMLParser):
    """Ids and references of one HTML document."""

    URL_ATTRS = {"href", "src", "poster", "data", "xlink:href"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (url, kind, tag)
        self.styles: list[str] = []
        self.config: str | None = None
        self._in_style = False
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for name, value in attrs.items():
            if value is None:
                continue
            if name in self.URL_ATTRS:
                rel = (attrs.get("rel") or "").split()
                page_link = tag == "a" or (tag == "link" and {"canonical", "prev", "next", "alternate"} & set(rel))
                self.refs.append((value.strip(), "link" if page_link else "asset", tag))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((candidate.split()[0], "asset", tag))
            elif name == "style":
                self.styles.append(value)
        self._in_style = tag == "style"
        self._in_config = tag == "script" and attrs.get("id") == "__config"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in_style = self._in_config = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)
        elif self._in_config:
            self.config = (self.config or "") + data


class Crawler:
    """Breadth-first crawl of a site served at ``base_url`` (e.g. http://127.0.0.1:PORT/aws-study-notes/).

    ``aliases`` are other addresses of the same site (its ``site_url``): canonical links and the
    sitemap use them, and they are checked against the served copy.
    """

    def __init__(self, base_url: str, aliases: tuple[str, ...] = (), later: tuple[str, ...] = ()):
        self.base = base_url if base_url.endswith("/") else base_url + "/"
        self.aliases = tuple(a if a.endswith("/") else a + "/" for a in aliases if a)
        self.result = CrawlResult()
        self.later = set(later)
        self._fetched: dict[str, tuple[int, str, bytes]] = {}
        self._ids: dict[str, set[str]] = {}
        self._queue: deque[tuple[str, str, int]] = deque()
        self._seen_pages: set[str] = set()
        self._checked_assets: set[str] = set()

    # -- addresses ----------------------------------------------------------------------------
    def rel(self, url: str) -> str:
        """``url`` as a path inside the site (for messages)."""
        return url[len(self.base):] or "./" if url.startswith(self.base) else url

    def internal(self, url: str) -> str | None:
        """The served address of ``url`` if it belongs to this site, else None."""
        for alias in self.aliases:
            if url.startswith(alias):
                return self.base + url[len(alias):]
        return url if url.startswith(self.base) else None

    def _same_host(self, url: str) -> bool:
        """Whether ``url`` is on the host of the site (or of an alias) but outside its path."""
        netloc = urlsplit(url).netloc
        return any(netloc == urlsplit(site).netloc for site in (self.base, *self.aliases))

    # -- fetching ----------------------------------------------------------------------------
    def fetch(self, url: str) -> tuple[int, str, bytes]:
        """(status, content type, body) of ``url``; redirects are followed, as browsers do."""
        if url not in self._fetched:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    self._fetched[url] = (response.status, response.headers.get_content_type(), response.read())
            except urllib.error.HTTPError as error:
                self._fetched[url] = (error.code, error.headers.get_content_type(), error.read())
            except urllib.error.URLError as error:
                self._fetched[url] = (0, "", str(error.reason).encode())
        return self._fetched[url]

    def ids_of(self, url: str) -> set[str]:
        if url not in self._ids:
            status, ctype, body = self.fetch(url)
            parser = _PageParser()
            if ctype == "text/html":
                parser.feed(body.decode("utf-8", "replace"))
            self._ids[url] = parser.ids
        return self._ids[url]

    # -- checking ----------------------------------------------------------------------------
    def fail(self, source: str, ref: str, reason: str) -> None:
        self.result.failures.append(f"{self.rel(source)}: {ref} → {reason}")

    def check_ref(self, source: str, raw: str, kind: str) -> None:
        if not raw or raw.startswith(SKIP_SCHEMES):
            return
        absolute = urljoin(source, raw)
        target, fragment = urldefrag(absolute)
        served = self.internal(target)
        if served is None:
            if self._same_host(target):
                self.fail(source, raw, "outside the site's path (assumes the site is at /)")
            else:
                self.result.external += 1
            return
        if kind == "link":
            self.result.links += 1
        status, ctype, _ = self.fetch(served)
        if status == 404 and self.rel(served) in self.later:
            self.result.later.append(self.rel(served))
            return
        if status != 200:
            self.fail(source, raw, f"HTTP {status}")
            return
        if kind == "asset" and served not in self._checked_assets:
            self._checked_assets.add(served)
            self.result.assets += 1
            if ctype == "text/css":
                self.check_css(served)
            elif served.endswith(".mjs"):
                self.check_module(served)
        if ctype == "text/html":
            self.enqueue(served, source)
        if fragment and ctype == "text/html":
            self.result.anchors += 1
            if unquote(fragment) not in self.ids_of(served):
                self.fail(source, raw, f"no element with id '{unquote(fragment)}' on {self.rel(served)}")

    def check_css(self, url: str) -> None:
        text = self.fetch(url)[2].decode("utf-8", "replace")
        for match in CSS_URL.finditer(text):
            self.check_ref(url, (match["url"] or match["imp"]).strip(), "asset")

    def check_module(self, url: str) -> None:
        text = self.fetch(url)[2].decode("utf-8", "replace")
        for match in ESM_IMPORT.finditer(text):
            self.check_ref(url, match["url"], "asset")

    def enqueue(self, url: str, source: str = "", expect: int = 200) -> None:
        if url not in self._seen_pages:
            self._seen_pages.add(url)
            self._queue.append((url, source, expect))

    def check_page(self, url: str, source: str, expect: int) -> None:
        status, ctype, body = self.fetch(url)
        if status != expect:
            self.fail(source or url, self.rel(url), f"HTTP {status} (expected {expect})")
            return
        if ctype != "text/html":
            return
        self.result.pages += 1
        parser = _PageParser()
        parser.feed(body.decode("utf-8", "replace"))
        self._ids[url] = parser.ids
        for raw, kind, _tag in parser.refs:
            self.check_ref(url, raw, kind)
        for style in parser.styles:
            for match in CSS_URL.finditer(style):
                self.check_ref(url, (match["url"] or match["imp"]).strip(), "asset")
        if parser.config:
            config = json.loads(parser.config)
            if config.get("search"):  # Material's search worker and the index it loads
                self.check_ref(url, config["search"], "asset")
                base = urljoin(url, config.get("base", "."))  # as Material: new URL(base, location)
                self.check_ref(base if base.endswith("/") else base + "/", "search/search_index.json", "asset")

    def check_sitemap(self) -> None:
        url = self.base + "sitemap.xml"
        status, _, body = self.fetch(url)
        if status != 200:
            self.fail(url, "sitemap.xml", f"HTTP {status}")
            return
        for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", body.decode("utf-8")):
            if self.internal(loc) is None:
                self.fail(url, loc, "address outside the site_url")
            else:
                self.check_ref(url, loc, "link")

    def run(self, site_dir: Path | None = None) -> CrawlResult:
        """Crawl from the home page, the sitemap, the 404 page and (given ``site_dir``) every HTML file."""
        self.enqueue(self.base)
        self.enqueue(self.base + MISSING_ADDRESS, expect=404)
        if site_dir is not None:
            for path in sorted(Path(site_dir).rglob("*.html")):
                rel = path.relative_to(site_dir).as_posix()
                if rel == "404.html":
                    continue
                self.enqueue(self.base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
            for path in sorted(Path(site_dir).rglob("*.mjs")):
                self.check_ref(self.base, path.relative_to(site_dir).as_posix(), "asset")
        self.check_sitemap()
        while self._queue:
            self.check_page(*self._queue.popleft())
        return self.result


def crawl(
    site_dir: Path, prefix: str | None = None, site_url: str | None = None, later: tuple[str, ...] = ()
) -> CrawlResult:
    """Serve ``site_dir`` under ``prefix`` (default: the path of site_url) and crawl all of it.

    ``later``: site paths a later step writes (e.g. ``PDF``), forgiven only while absent.
    """
    from scripts.server import base_path, serve

    if prefix is None or site_url is None:
        from mkdocs.config import load_config

        from scripts.site import ROOT

        config_site_url = load_config(str(ROOT / "mkdocs.yml")).site_url or "/"
        site_url = site_url or config_site_url
        prefix = prefix or base_path(str(ROOT / "mkdocs.yml"))
    with serve(Path(site_dir), prefix) as base_url:
        return Crawler(base_url, aliases=(site_url,), later=later).run(Path(site_dir))


def _cmd_crawl(args) -> int:
    """Serve the built site like GitHub Pages and crawl every page: 0 broken links, assets or anchors."""
    result = crawl(Path(args.site), later=(PDF,) if args.no_pdf else ())
    for failure in result.failures:
        print("FAIL", failure)
    print(result.summary())
    return 1 if result.failures else 0


def register(sub) -> None:
    p = sub.add_parser("crawl", help=_cmd_crawl.__doc__)
    p.add_argument("site", nargs="?", default="site", help="built site directory (default: site)")
    p.add_argument("--no-pdf", action="store_true", help=f"forgive a missing {PDF} (before `make pdf`)")
    p.set_defaults(func=_cmd_crawl)

