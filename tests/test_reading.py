"""Every page as a reader's browser meets it (Chromium): drawn, private, error-free, accessible, light and dark.

The checks read the session's tour (conftest.py): every page visited once, scrolled through, with axe-core
run in the light scheme and again after switching to the dark one, and each diagram page also measured on
a 375 px phone. A few tests make their own visits: instant navigation, a reader who never scrolls, a
page before its diagrams are drawn, and each gate on a deliberately broken page.
"""
from __future__ import annotations


import pytest

from tests.conftest import MISSING
from sitekit.build import link_site, writable
from sitekit.pages import diagram_kinds, urls
from sitekit.reader import HOSTS, LIBRARY, Reader
from sitekit.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("tour")]  # the tour is read once, by one worker

READABLE = 4.5  # WCAG AA contrast for text
VIEWER_PX = 12  # the smallest label in the diagram viewer, at the diagram's own size
SMALLEST_TEXT_PX = 7  # drawn size on a phone; wider diagrams scroll inside their box instead
MERMAID_BUDGET_KIB = 280  # Mermaid's share of a page using all three diagram kinds (about 272 KiB)


def report(problems: list[str], title: str) -> str:
    return f"{title}:\n  " + "\n  ".join(problems)


def test_every_page_asks_no_other_host_and_logs_no_error(tour):
    blocked = [f"/{path}: {u}" for path, t in tour.items() for u in t["visit"].blocked]
    errors = [f"/{path}: {e}" for path, t in tour.items() for e in t["visit"].errors
              if not (path == MISSING and "status of 404" in e)]  # Chromium logs the 404 page's own status
    assert not blocked, report(blocked, "requests to other hosts")
    assert not errors, report(errors, "console errors")


def test_a_missing_address_at_any_depth_gets_the_korean_404_page(tour):
    visit = tour[MISSING]["visit"]
    assert visit.status == 404


@pytest.mark.parametrize("scheme", ["light", "dark", "phone"])
def test_no_page_has_a_serious_accessibility_violation(scheme, tour):
    found = [f"/{path}: [{v['impact']}] {v['id']} ({v['count']}×) {v['help']} — {', '.join(v['targets'])}"
             for path, t in tour.items() for v in t["axe"][scheme]]
    assert not found, report(found, f"serious/critical WCAG 2 A/AA violations (axe-core, {scheme})")


def test_every_diagram_is_drawn_on_a_first_visit(tour, site_dir):
    problems = []
    for path in urls(site_dir, diagrams=True):
        visit = tour[path]["visit"]
        problems += visit.undrawn()
        expected = len(diagram_kinds((site_dir / path / "index.html").read_text(encoding="utf-8")))
        if len(visit.diagrams) != expected:
            problems.append(f"/{path}: {len(visit.diagrams)} diagrams on the page, the build wrote {expected}")
    assert not problems, "\n".join(problems)


def test_no_diagram_label_spills_out_of_its_box(tour):
    spills = [f"/{path} diagram {n}: {d['spill']['text']!r} overflows by {d['spill']['px']} px"
              for path, t in tour.items() for n, d in enumerate(t["visit"].diagrams, start=1)
              if d["drawn"] and d["spill"]["px"] > 1]
    assert not spills, "\n".join(spills)


def test_mermaid_is_loaded_once_per_diagram_page_within_its_budget(tour, site_dir):
    loads, heavy = {}, {}
    for path in urls(site_dir, diagrams=True):
        visit = tour[path]["visit"]
        if visit.library_loads != 1:
            loads[path] = visit.library_loads
        if visit.mermaid > MERMAID_BUDGET_KIB * 1024:
            heavy[path] = round(visit.mermaid / 1024)
    assert not loads, f"loads of {LIBRARY} per page: {loads}"
    assert not heavy, f"KiB of Mermaid over the wire, budget {MERMAID_BUDGET_KIB}: {heavy}"


def test_pages_without_diagrams_load_no_mermaid(tour, site_dir):
    text_pages = urls(site_dir, diagrams=False)
    assert text_pages
    loaded = {path: tour[path]["visit"].mermaid_requests for path in text_pages if tour[path]["visit"].mermaid_requests}
    assert not loaded, loaded


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_text_is_readable(scheme, tour):
    low = [f"/{path} diagram {n}: {d['worst']!r} contrast {d['contrast']}:1"
           for path, t in tour.items()
           for n, d in enumerate(t["visit"].diagrams if scheme == "light" else t["dark"], start=1)
           if d["drawn"] and d["contrast"] < READABLE]
    assert not low, f"text below {READABLE}:1 in the {scheme} scheme:\n" + "\n".join(low)


def test_diagrams_fit_a_phone(tour):
    problems = []
    for path, t in tour.items():
        if t["phone_overflow"] > 0:
            problems.append(f"/{path}: the page scrolls sideways by {t['phone_overflow']}px")
        for n, d in enumerate(t["phone"], start=1):
            if d["drawn"] and d["hostWidth"] > d["parentWidth"] + 0.5:
                problems.append(f"/{path} diagram {n}: {d['hostWidth']}px wide in a {d['parentWidth']}px column")
            if d["drawn"] and d["font"] < SMALLEST_TEXT_PX:
                problems.append(f"/{path} diagram {n}: text drawn at {d['font']}px")
    assert problems == [], "\n".join(problems)


def test_every_diagram_has_labels_readable_at_its_own_size(tour):
    """The viewer (tests/test_diagram_dialog.py) opens a diagram at its own size or larger: every label of every
    diagram is readable there if it is at that size."""
    small = [f"/{path} diagram {n}: labels at {d['unscaled']}px" for path, t in tour.items()
             for n, d in enumerate(t["phone"], start=1) if d["drawn"] and d["unscaled"] < VIEWER_PX]
    assert not small, "\n".join(small)


def test_diagrams_are_drawn_after_instant_navigation(browser, base_url):
    reader = Reader(browser, base_url)
    try:
        start = reader.visit("architecture/")  # links to the architecture pages, has no diagram
        assert not start.diagrams and not start.mermaid_requests
        first = reader.visit(navigate=lambda: reader.click_instantly(
            'article a[href$="architecture/autoscaling-cloudwatch-elb/"]', "**/architecture/autoscaling-cloudwatch-elb/"))
        second = reader.visit(navigate=lambda: reader.click_instantly(
            'article a[href$="compute/auto-scaling/"]', "**/compute/auto-scaling/"))  # a state diagram too
    finally:
        reader.close()
    assert not first.undrawn() + second.undrawn(), first.undrawn() + second.undrawn()
    assert len(first.diagrams) >= 1 and len(second.diagrams) >= 2
    assert (first.library_loads, second.library_loads) == (1, 0), "Mermaid is loaded once per document"
    assert not first.blocked + second.blocked


def far_down(site_dir, tour, screens: float) -> str:
    """A diagram page whose first diagram is more than ``screens`` desktop screens down."""
    for path in urls(site_dir, diagrams=True):
        diagrams = tour[path]["visit"].diagrams
        if diagrams and min(d["top"] for d in diagrams) > screens * 900:
            return path
    pytest.fail(f"no diagram page has its first diagram below {screens} screens")


def test_a_reader_who_does_not_scroll_down_loads_no_mermaid_and_sees_no_source(browser, base_url, site_dir, tour):
    path = far_down(site_dir, tour, 3)
    reader = Reader(browser, base_url)
    try:
        before = reader.visit(path, scroll=False)
        waiting = reader.page.evaluate("""(hosts) => [...document.querySelectorAll("article pre.mermaid")].map((pre) => ({
            height: pre.getBoundingClientRect().height,
            source: getComputedStyle(pre.querySelector("code")).visibility,
        }))""", HOSTS)
        axe = [v["id"] for v in reader.axe("light")]
        after = reader.visit(navigate=lambda: None)  # now the reader scrolls through it
    finally:
        reader.close()
    assert before.mermaid_requests == ["javascripts/mermaid-loader.js"]
    assert waiting and all(w["source"] == "hidden" and w["height"] > 50 for w in waiting), waiting
    assert not axe, f"/{path} before its diagrams are drawn: {axe}"
    assert not after.undrawn() and after.library_loads == 1


def test_the_gates_catch_other_hosts_console_errors_low_contrast_and_spilling_labels(site_dir, tmp_path, browser):
    broken = link_site(site_dir, tmp_path / "site")
    page_file = writable(broken / "index.html")
    page_file.write_text(page_file.read_text(encoding="utf-8").replace(
        "</article>",
        '<p style="color:#bbb;background:#fff">흐린 글씨</p>'
        '<img src="https://fonts.example.com/logo.png" alt="외부 그림">'
        "<script>console.error('깨진 스크립트')</script></article>", 1), encoding="utf-8")
    style = writable(broken / "stylesheets" / "extra.css")  # keep-all where Mermaid does not measure
    style.write_text(style.read_text(encoding="utf-8") + "\n.md-typeset .mermaid { word-break: keep-all; letter-spacing: .3em }\n",
                     encoding="utf-8")
    with serve(broken) as address:
        reader = Reader(browser, address)
        try:
            visit = reader.visit("")
            axe = [v["id"] for v in reader.axe("light")]
        finally:
            reader.close()
    assert any("fonts.example.com" in u for u in visit.blocked)
    assert any("깨진 스크립트" in e for e in visit.errors)
    assert "color-contrast" in axe
    assert any(d["drawn"] and d["spill"]["px"] > 1 for d in visit.diagrams), visit.diagrams
