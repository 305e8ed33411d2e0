"""The test harness itself: the local server serves the built site as GitHub Pages does and nothing outside
it, and a test not marked ``browser`` cannot start Chromium."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from sitekit.browser import chromium
from sitekit.server import serve


def get(url: str) -> tuple[int, str, bytes]:
    """(status, Location header, body) without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url) as response:
            return response.status, response.headers.get("Location", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    (root / "site" / "guide").mkdir(parents=True)
    (root / "site" / "guide" / "index.html").write_text("안내", encoding="utf-8")
    (root / "site" / "404.html").write_text("없는 페이지", encoding="utf-8")
    (root / "site" / "sitemap.xml").write_text(
        "<urlset><url><loc>https://example.org/repo/guide/</loc></url></urlset>", encoding="utf-8")
    (root / "secret").mkdir()
    (root / "secret" / "index.html").write_text("outside", encoding="utf-8")
    with serve(root / "site", prefix="/repo/") as address:
        yield address


def test_pages_folders_and_misses_are_served_like_github_pages(site):
    assert get(site + "guide/")[0::2] == (200, "안내".encode())
    assert get(site + "guide")[:2] == (301, "/repo/guide/")
    assert get(site + "no/such/page/")[0::2] == (404, "없는 페이지".encode())
    assert get(site.replace("/repo/", "/other/"))[0] == 404


@pytest.mark.parametrize("path", ["/etc", "//etc", "../secret/", "..%2Fsecret/", "%2E%2E/secret", "/../secret"])
def test_nothing_outside_the_site_is_served_or_redirected_to(site, path):
    status, location, body = get(site + path)
    assert (status, location) == (404, "") and b"outside" not in body, (path, status, location)


def test_the_sitemap_names_the_server_it_comes_from(site):
    body = get(site + "sitemap.xml")[2].decode()
    origin = site.split("/repo/")[0]
    assert f"<loc>{origin}/repo/guide/</loc>" in body


def test_a_test_not_marked_browser_cannot_start_chromium():
    with pytest.raises(RuntimeError, match="not marked browser"):
        with chromium():
            pass
