"""One place that launches Chromium and opens tabs on the served site, for tests, benchmarks and ``make pdf``.

Chromium: ``$CHROMIUM_PATH`` → Debian's ``/usr/bin/chromium`` → a Chrome/Chromium on ``PATH`` →
Playwright's own download (``playwright install chromium``, used on GitHub's Ubuntu runners).

A `Tab` is a fresh browser context with one page that:
- lists in ``blocked`` each HTTP request its pages and their workers make to another host than 127.0.0.1.
  Nothing leaves the machine: `chromium()` resolves no host name but the server's and uses no proxy (`OFFLINE`).
  Not a Playwright route: "enabling routing disables http cache" (Playwright's `route` docs), and every page
  would fetch and compile its scripts again;
- records console errors, uncaught exceptions and dialogs;
- opens Material's *closed* shadow roots, so the SVG of each Mermaid diagram can be read, and marks when
  Material has read the sitemap (instant navigation starts then: `click_instantly` waits for it);
- runs axe-core on the page as it stands (`Tab.axe`) and switches Material's palette (`Tab.scheme`).

`chromium()` first asks `guard` (None outside the tests): the tests let only tests marked ``browser``
start a browser, so ``pytest -m "not browser"`` can never start one, whatever a test calls.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit

from sitekit.pages import ROOT

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Launched by `chromium()` (not Lighthouse's, scripts/lighthouse.py, which sends other hosts to a dead proxy): no host
# name resolves but the test server's address, and no proxy (a proxy would resolve the names itself).
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--no-proxy-server"]
DESKTOP = {"width": 1280, "height": 900}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SEVERE = ("serious", "critical")
PHONE = {"width": 375, "height": 740}  # the narrow phone every page is read on (tests/test_reading.py)
PHONE_390 = {"width": 390, "height": 844}  # the common phone the touch checks tap on (Chromium and Firefox)
WAIT_MS = 120_000  # how long a wait for a condition may take before it fails: a busy machine is slow, not wrong

INIT_SCRIPT = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
  // Material follows links instantly only once it has read sitemap.xml (it parses it as text/xml):
  // `click_instantly` waits for this mark, or a click that comes first reloads the page.
  const parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    const parsed = parse.call(this, text, type);
    if (type === "text/xml" && parsed.querySelector("urlset")) window.__sitemapRead = true;
    return parsed;
  };
})();
"""

# Resolves when no CSS animation or transition is running (Material's tabs slide in and out).
STILL_JS = """async () => {
  while (document.getAnimations().some((a) => a.playState === "running")) {
    await new Promise((r) => requestAnimationFrame(r));
  }
}"""

RUN_AXE = """async ([runOnly, within]) => {
  const result = await axe.run(within ? {include: within.map((s) => [s])} : document, {runOnly, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")), count: v.nodes.length}));
}"""
# The DOM is the same in both schemes, only colours change: the light pass runs every WCAG 2 A/AA
# rule, the dark pass the one that depends on the scheme's colours (links in text are underlined in
# both schemes, docs/stylesheets/extra.css, so link-in-text-block does not).
AXE_RULES = {
    "light": {"type": "tag", "values": WCAG_A_AA},
    "dark": {"type": "rule", "values": ["color-contrast"]},
    "phone": {"type": "rule", "values": ["scrollable-region-focusable", "target-size"]},  # what a narrow screen changes
}
# Material's palette toggle sets these attributes on <body>; the second palette is the dark one.
SCHEME_JS = """(scheme) => document.body.setAttribute("data-md-color-scheme", scheme)"""


def executable(variable: str, candidates: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    """``$variable`` (it must exist), else the first of ``candidates`` that exists, else the first of ``names`` on
    ``PATH``; None when there is none."""
    env = os.environ.get(variable)
    if env and not Path(env).exists():
        raise FileNotFoundError(f"{variable}={env} does not exist")
    found = (c for c in (*candidates, *map(shutil.which, names)) if c and Path(c).exists())
    return env or next(found, None)


def chromium_path() -> str | None:
    """Path of the Chromium to use, or None for Playwright's bundled build."""
    return executable("CHROMIUM_PATH", ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"),
                      ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))


guard: Callable[[], None] | None = None  # raises when no browser may start (set by tests/conftest.py)


@contextmanager
def chromium() -> Iterator["object"]:
    """A launched headless Playwright Chromium (closed on exit)."""
    from playwright.sync_api import sync_playwright

    if guard is not None:
        guard()

    options: dict = {"args": [*ARGS, *OFFLINE], "headless": True}
    path = chromium_path()
    if path:
        options["executable_path"] = path
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**options)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A fresh context and page on the site served at ``base_url`` (see the module docstring)."""

    browser: object
    base_url: str
    color_scheme: str = "light"
    viewport: dict = field(default_factory=lambda: dict(DESKTOP))
    javascript: bool = True
    reduced_motion: str = "no-preference"
    touch: bool = False  # a phone: touch screen, mobile viewport meta (taps, pinches)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.context = self.browser.new_context(
            color_scheme=self.color_scheme, viewport=self.viewport, locale="ko-KR",
            java_script_enabled=self.javascript, reduced_motion=self.reduced_motion,
            has_touch=self.touch, is_mobile=self.touch,
        )
        self.context.set_default_timeout(WAIT_MS)
        self.context.add_init_script(INIT_SCRIPT)
        self.context.on("request", self._off_host)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("dialog", self._dialog)

    def _off_host(self, request):
        if urlsplit(request.url).hostname not in (None, "127.0.0.1"):  # None: data:, blob:
            self.blocked.append(request.url)

    def _console(self, message):
        where = (message.location or {}).get("url", "")
        if message.type == "error" and urlsplit(where or self.base_url).hostname in ("127.0.0.1", None):
            self.errors.append(message.text)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def local_path(self, url: str) -> str:
        """A URL as its path under the base URL, without query or anchor (``networking/vpc/``, home ``""``); another
        host's URL stays whole."""
        url = urlsplit(url)._replace(query="", fragment="").geturl()
        return url[len(self.base_url):] if url.startswith(self.base_url) else url

    def goto(self, path: str = "", **kwargs):
        """Open a page of the site by its path under the base URL (``networking/vpc/``)."""
        return self.page.goto(self.base_url + path, **kwargs)

    def click_instantly(self, selector: str, url_glob: str) -> None:
        """Follow a link (visible or in a closed drawer) with Material's instant navigation (see `instantly`)."""
        self.instantly(lambda: self.page.locator(selector).first.evaluate("link => link.click()"), url_glob)

    def instantly(self, navigate: Callable[[], None], url_glob: str) -> None:
        """Run ``navigate()`` (a click, a key) that Material follows instantly, and wait until the new page's
        content is in: the address changes first; Material then replaces its container (and closes search).

        Fails if the document was reloaded instead (a marker on ``window`` must survive)."""
        self.page.wait_for_function("() => window.__sitemapRead === true")
        self.page.evaluate("""() => { window.__sameDocument = true;
          document.querySelector("[data-md-component=container]").dataset.leaving = ""; }""")
        navigate()
        self.page.wait_for_url(url_glob)
        self.page.wait_for_function("""() => {
          const container = document.querySelector("[data-md-component=container]");
          return container && !("leaving" in container.dataset) && document.querySelector("article h1");
        }""")
        if not self.page.evaluate("window.__sameDocument === true"):
            raise AssertionError(f"{url_glob} was reached by a reload, not by instant navigation")

    def scheme(self, scheme: str) -> None:
        """Switch the page to Material's ``default`` (light) or ``slate`` (dark) scheme, as the toggle does."""
        self.page.evaluate(SCHEME_JS, scheme)
        self.page.evaluate(STILL_JS)

    def axe(self, scheme: str, within: list[str] | None = None) -> list[dict]:
        """Serious and critical axe-core findings on the page as it stands (rules: AXE_RULES[scheme]); in the
        whole document, or only ``within`` these selectors' elements."""
        if not self.page.evaluate("() => typeof axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE))
        return [v for v in self.page.evaluate(RUN_AXE, [AXE_RULES[scheme], within]) if v["impact"] in SEVERE]

    def close(self) -> None:
        self.context.close()
