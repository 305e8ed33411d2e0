"""Shared fixtures: the site is built once, served once on 127.0.0.1, Chromium opened once."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts import browser as browser_mod
from scripts.server import base_path, serve
from scripts.site import ROOT, build

# Material draws Mermaid into a *closed* shadow root; tests open it to read the SVG.
OPEN_SHADOW = browser_mod.OPEN_SHADOW


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site, built once with --strict (the build failing fails every test that needs it)."""
    dest = tmp_path_factory.mktemp("site")
    result = build(dest)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return dest


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The built site served like GitHub Pages, e.g. http://127.0.0.1:PORT/aws-study-notes/."""
    with serve(site_dir, base_path(str(ROOT / "mkdocs.yml"))) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with browser_mod.chromium() as b:
        yield b


class PageRecorder:
    """Requests that leave 127.0.0.1 and console errors seen by one page."""

    def __init__(self, page):
        self.third_party: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _on_request(self, request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in ("127.0.0.1",):
            self.third_party.append(request.url)


def _new_page(browser, color_scheme="light", viewport=None):
    context = browser.new_context(
        color_scheme=color_scheme, viewport=viewport or {"width": 1280, "height": 900}, locale="ko-KR"
    )
    context.add_init_script(OPEN_SHADOW)
    # Nothing may leave this machine: any other host is aborted (and recorded).
    context.route(
        "**/*",
        lambda route: route.continue_()
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None)
        else route.abort(),
    )
    page = context.new_page()
    page.recorder = PageRecorder(page)
    return context, page


@pytest.fixture
def page(browser):
    """A fresh light-scheme page that records third-party requests and console errors."""
    context, page = _new_page(browser)
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Factory for pages with other colour schemes or viewports: new_page(color_scheme='dark')."""
    contexts = []

    def factory(**kwargs):
        context, page = _new_page(browser, **kwargs)
        contexts.append(context)
        return page

    yield factory
    for context in contexts:
        context.close()
