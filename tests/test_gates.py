"""Quality gates a reader never sees fail: the site as GitHub Pages serves it, page by page.

- every link, asset and anchor resolves under the project path (crawl);
- every page, in Chromium, asks no third party for anything and logs no console error;
- no page has a serious or critical WCAG 2 A/AA violation (axe-core), in light or dark scheme.
Each gate is also shown to catch what it is for, on a deliberately broken copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.bench import DRAWN_JS, HOSTS, SCROLL_JS
from scripts.crawl import ESM_IMPORT, MISSING_ADDRESS, PDF, Crawler, crawl
from scripts.server import serve
from scripts.site import ROOT, built_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The pages' DOM is the same in both schemes, only colours change: the light pass runs every
# WCAG 2 A/AA rule, the dark pass the ones that depend on colour.
AXE_RULES = {
    "light": {"type": "tag", "values": WCAG_A_AA},
    "dark": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}
SEVERE = ("serious", "critical")
SCHEMES = tuple(AXE_RULES)

RUN_AXE = """async (runOnly) => {
  const result = await axe.run(document, {runOnly, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")), count: v.nodes.length}));
}"""


def page_urls(site_dir: Path, base_url: str) -> list[str]:
    """Every page a reader can land on: each built page, the print page and the 404 page."""
    urls = []
    for path in built_pages(site_dir):
        rel = path.parent.relative_to(site_dir).as_posix()
        urls.append(base_url + ("" if rel == "." else rel + "/"))
    if (site_dir / "print_page" / "index.html").exists():
        urls.append(base_url + "print_page/")
    urls.append(base_url + MISSING_ADDRESS)
    return urls


def visit(page, url: str) -> dict:
    """Load ``url`` as a reader does, scroll so that every diagram is drawn; what went wrong."""
    recorder = page.recorder
    before = len(recorder.third_party), len(recorder.console_errors), len(recorder.page_errors)
    response = page.goto(url, wait_until="load")
    problems = []
    diagrams = page.evaluate(f"() => document.querySelectorAll({HOSTS!r}).length")
    if diagrams:  # drawn when they come near the viewport (docs/javascripts/mermaid-loader.js)
        page.evaluate(SCROLL_JS)
        try:
            page.wait_for_function(DRAWN_JS, arg=[HOSTS, diagrams], timeout=20_000)
        except Exception:  # noqa: BLE001 - a diagram that never draws is reported, not raised
            problems.append(f"not all of its {diagrams} Mermaid diagrams were drawn within 20 s")
        # Back at the top, Material's tabs slide back in: let transitions end before axe measures.
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    console = recorder.console_errors[before[1]:]
    if url.endswith(MISSING_ADDRESS):
        assert response.status == 404, f"{url}: HTTP {response.status}, expected 404"
        # Chromium logs the 404 status of the page itself; anything else still counts.
        console = [c for c in console if "status of 404" not in c]
    return {
        "third_party": recorder.third_party[before[0]:],
        "console": console + recorder.page_errors[before[2]:] + problems,
    }


def axe_violations(page, scheme: str) -> list[dict]:
    page.add_script_tag(path=str(AXE))  # after the page's own scripts ran
    return [v for v in page.evaluate(RUN_AXE, AXE_RULES[scheme]) if v["impact"] in SEVERE]


def audit(page, urls: list[str], scheme: str) -> dict[str, list[str]]:
    """Visit every page in one browser page; third-party requests, console errors, axe findings."""
    found: dict[str, list[str]] = {"third_party": [], "console": [], "axe": [], "scheme": []}
    expected = "slate" if scheme == "dark" else "default"
    for url in urls:
        where = urlsplit(url).path
        seen = visit(page, url)
        found["third_party"] += [f"{where}: {u}" for u in seen["third_party"]]
        found["console"] += [f"{where}: {m}" for m in seen["console"]]
        actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if actual != expected:
            found["scheme"].append(f"{where}: colour scheme {actual}, expected {expected}")
        found["axe"] += [
            f"{where}: [{v['impact']}] {v['id']} ({v['count']}×) {v['help']} — {', '.join(v['targets'])}"
            for v in axe_violations(page, scheme)
        ]
    return found


# -- crawl ------------------------------------------------------------------------------------
def test_crawl_finds_no_broken_link_asset_or_anchor(site_dir):
    # The PDF is printed by `make pdf` after the build; a link to it is checked once it exists.
    result = crawl(site_dir, later=(PDF,))
    assert result.pages >= len(built_pages(site_dir)), result.summary()
    assert result.links and result.assets and result.anchors, result.summary()
    assert not result.failures, result.summary() + "\n" + "\n".join(result.failures)


def test_crawl_catches_root_links_missing_pages_assets_chunks_and_anchors(site_dir, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    page = broken / "networking" / "vpc" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "</article>",
        '<a href="/networking/subnet-design/">루트 기준 링크</a>'
        '<a href="../subnet-design/#no-such-heading">없는 앵커</a>'
        '<img src="../../assets/missing.png" alt="없는 그림">'
        '<a href="../ghost/">없는 페이지</a></article>',
        1,
    )
    page.write_text(html, encoding="utf-8")
    (broken / "stylesheets" / "extra.css").unlink()
    # a chunk that the self-hosted Mermaid imports statically
    module, chunk = next((m, i["url"]) for m in sorted(broken.rglob("*.mjs"))
                         for i in ESM_IMPORT.finditer(m.read_text(encoding="utf-8")))
    lost = (module.parent / chunk).resolve()
    lost.unlink()
    with serve(broken, "/aws-study-notes/") as base_url:
        result = Crawler(base_url, later=(PDF,)).run(broken)
    failures = "\n".join(result.failures)
    assert "networking/vpc/: /networking/subnet-design/ → outside the site's path" in failures
    assert "no element with id 'no-such-heading'" in failures
    assert "networking/vpc/: ../../assets/missing.png → HTTP 404" in failures
    assert "networking/vpc/: ../ghost/ → HTTP 404" in failures
    assert "stylesheets/extra.css → HTTP 404" in failures
    assert f"{lost.name} → HTTP 404" in failures


# -- every page in Chromium -------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_is_private_error_free_and_accessible(scheme, site_dir, base_url, new_page):
    page = new_page(color_scheme=scheme)
    found = audit(page, page_urls(site_dir, base_url), scheme)
    report = "\n".join(
        f"{title}:\n  " + "\n  ".join(found[key])
        for key, title in (
            ("scheme", "wrong colour scheme"),
            ("third_party", "third-party requests"),
            ("console", "console errors"),
            ("axe", f"serious/critical WCAG 2 A/AA violations (axe-core, {scheme})"),
        )
        if found[key]
    )
    assert not report, report


@pytest.mark.browser
def test_browser_gates_catch_third_party_console_errors_and_low_contrast(site_dir, tmp_path, new_page):
    broken = tmp_path / "site"
    shutil.copytree(site_dir, broken)
    page_file = broken / "index.html"
    html = page_file.read_text(encoding="utf-8").replace(
        "</article>",
        '<p style="color:#bbb;background:#fff">흐린 글씨</p>'
        '<img src="https://fonts.example.com/logo.png" alt="외부 그림">'
        "<script>console.error('깨진 스크립트')</script></article>",
        1,
    )
    page_file.write_text(html, encoding="utf-8")
    with serve(broken, "/aws-study-notes/") as base_url:
        found = audit(new_page(), [base_url], "light")
    assert any("fonts.example.com" in t for t in found["third_party"])
    assert any("깨진 스크립트" in c for c in found["console"])
    assert any("color-contrast" in a for a in found["axe"])
