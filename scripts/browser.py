"""One place that decides which Chromium the tests, benchmarks and `make pdf` drive.

Order: ``$CHROMIUM_PATH`` → Debian's ``/usr/bin/chromium`` → a Chrome/Chromium on ``PATH`` →
Playwright's own download (``playwright install chromium``, used on GitHub's Ubuntu runners).
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Material draws Mermaid into a *closed* shadow root; this init script (context.add_init_script)
# opens it, so tests and `make pdf` can see each diagram's SVG.
OPEN_SHADOW = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
})();
"""

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str | None:
    """Path of the Chromium to use, or None for Playwright's bundled build."""
    env = os.environ.get("CHROMIUM_PATH")
    if env:
        if not Path(env).exists():
            raise FileNotFoundError(f"CHROMIUM_PATH={env} does not exist")
        return env
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return candidate
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_options() -> dict:
    """Keyword arguments for ``playwright.chromium.launch``."""
    options: dict = {"args": list(ARGS), "headless": True}
    path = chromium_path()
    if path:
        options["executable_path"] = path
    return options


@contextmanager
def chromium() -> Iterator["object"]:
    """A launched Playwright Chromium browser (closed on exit)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()
