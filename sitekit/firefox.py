"""Firefox ESR, driven by Puppeteer over WebDriver BiDi, for what must hold in a second browser engine.

Playwright cannot drive Debian's Firefox; Puppeteer (``puppeteer-core``, pinned in package.json, no browser
download) drives it over WebDriver BiDi. A check is a Node module under ``tests/firefox/``; `run()` starts
``tests/firefox/run.mjs``, which runs every check in one Firefox, with the served site's address in
``BASE_URL`` and the browser in ``FIREFOX_PATH``; it exits non-zero and prints which checks failed and why.
Like `sitekit.browser.chromium`, it asks `sitekit.browser.guard` first: only tests marked ``browser`` may start a
browser.
"""
from __future__ import annotations

import json
import os
import subprocess

from sitekit import browser
from sitekit.pages import ROOT

def firefox_path() -> str | None:
    """``$FIREFOX_PATH`` (it must exist), Debian's firefox-esr, or a Firefox on PATH."""
    return browser.executable("FIREFOX_PATH", ("/usr/bin/firefox-esr", "/usr/bin/firefox"), ("firefox-esr", "firefox"))


SCRIPT = ROOT / "tests" / "firefox" / "run.mjs"


def run(base_url: str) -> subprocess.CompletedProcess:
    """Run the Firefox checks against the site served at ``base_url``."""
    if browser.guard is not None:
        browser.guard()
    path = firefox_path()
    if path is None:
        raise FileNotFoundError("no Firefox: install firefox-esr (make system-deps) or set FIREFOX_PATH")
    env = {**os.environ, "BASE_URL": base_url, "FIREFOX_PATH": path, "WAIT_MS": str(browser.WAIT_MS),
           "PHONE": json.dumps(browser.PHONE_390)}
    return subprocess.run(["node", str(SCRIPT)], env=env, capture_output=True, text=True, cwd=ROOT)
