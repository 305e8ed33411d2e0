"""Mermaid diagrams, as a reader meets them (issue 3).

Every diagram of the sources parses; on the built site every diagram is drawn — on a first
visit, after an instant navigation, in the dark scheme on a phone, for print — from the
self-hosted Mermaid, loaded once per diagram page and never on other pages, with nothing
requested from another host. The page visits (`scripts.bench.Reader`) are the ones
``python -m scripts bench-bytes`` makes; each tour visits every diagram page once.
"""
from __future__ import annotations

import pytest

from scripts import bench, mermaid
from scripts.site import build, copy_project

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
READABLE = 4.5  # WCAG AA contrast for text
SMALLEST_TEXT_PX = 7  # drawn size on a phone; wider diagrams scroll inside their box instead


@pytest.fixture(scope="module")
def diagram_pages(site_dir) -> list[str]:
    pages = bench.page_paths(site_dir, diagrams=True)
    assert pages, "no page of the built site has a Mermaid diagram"
    return pages


@pytest.fixture(scope="module")
def light_tour(browser, base_url, diagram_pages) -> dict[str, bench.Visit]:
    """Every diagram page, first visit (cache cleared), desktop, light scheme, scrolled through."""
    return bench.visit_all(browser, base_url, diagram_pages, settle=False)


@pytest.fixture(scope="module")
def dark_phone_tour(browser, base_url, diagram_pages) -> dict[str, bench.Visit]:
    """Every diagram page on a 375 px phone in the dark scheme, scrolled through."""
    return bench.visit_all(browser, base_url, diagram_pages, settle=False, color_scheme="dark", viewport=PHONE)


def drawing_problems(tour: dict[str, bench.Visit]) -> list[str]:
    problems = []
    for path, visit in tour.items():
        for n, d in enumerate(visit.diagrams, start=1):
            if not d["drawn"]:
                problems.append(f"/{path} diagram {n} was not drawn (source starts {d['source']!r})")
            elif d["error"]:
                problems.append(f"/{path} diagram {n}: Mermaid error: {d['error']}")
        problems += [f"/{path}: {error}" for error in visit.errors]
    return problems


# --- the library and the build ------------------------------------------------------------

def test_the_vendored_mermaid_is_pinned_complete_and_licensed():
    assert not mermaid.vendor_problems(), mermaid.vendor_problems()
    version = mermaid.pinned_version()
    assert (mermaid.VENDOR / mermaid.ENTRY).read_text(encoding="utf-8").count(version) >= 1


def test_the_site_builds_strict_with_no_network(tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # a proxy that does not exist
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    result = build(tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "unpkg" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


# --- sources ---------------------------------------------------------------------------------

def test_every_diagram_of_the_sources_parses(page, base_url):
    diagrams = mermaid.all_diagrams()
    page.goto(base_url)
    errors = mermaid.parse_errors(page, base_url + bench.LIBRARY, diagrams)
    assert not errors, "Mermaid cannot parse these diagrams:\n" + "\n".join(errors)


def test_a_broken_diagram_is_reported_with_its_page_and_position(page, base_url, tmp_path):
    project = copy_project(tmp_path / "project")
    first = next(d for d in mermaid.all_diagrams(project) if d.source.startswith("docs/"))
    source = project / first.source
    lines = source.read_text(encoding="utf-8").splitlines()
    count = len(mermaid.diagrams_in(source, project))
    lines += ["", "```mermaid", "flowchart TB", '    a["닫히지 않은 레이블 --> b', "```"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    page.goto(base_url)
    errors = mermaid.parse_errors(page, base_url + bench.LIBRARY, mermaid.all_diagrams(project))

    where = f"{first.source}:{len(lines) - 3} (diagram {count + 1}): "
    assert len(errors) == 1 and errors[0].startswith(where), errors
    assert "error" in errors[0].lower()


def test_diagrams_are_flowchart_sequence_or_state_without_hard_coded_colours():
    problems = mermaid.style_problems(mermaid.all_diagrams())
    assert not problems, "\n".join(problems)


def test_the_two_architecture_diagrams_are_on_their_pages():
    users = mermaid.snippet_users()
    assert set(users.get("includes/diagrams/autoscaling-cloudwatch-elb.md", [])) >= {
        "docs/architecture/autoscaling-cloudwatch-elb.md", "docs/compute/auto-scaling.md"}
    assert set(users.get("includes/diagrams/fargate-pipeline.md", [])) >= {
        "docs/architecture/fargate-pipeline.md", "docs/containers/fargate.md"}


def test_the_site_has_at_least_15_diagrams_of_three_kinds():
    diagrams = mermaid.all_diagrams()
    assert len(diagrams) >= 15
    assert {d.kind for d in diagrams} == set(mermaid.KINDS)


# --- the built site --------------------------------------------------------------------------

def test_every_diagram_is_drawn_on_a_first_visit(light_tour, site_dir):
    expected = {path: bench.built_diagrams(site_dir, path) for path in light_tour}
    problems = drawing_problems(light_tour) + [
        f"/{path}: {len(visit.diagrams)} diagrams drawn, the page has {expected[path]}"
        for path, visit in light_tour.items() if len(visit.diagrams) != expected[path]
    ]
    assert not problems, "\n".join(problems)


def test_mermaid_is_loaded_once_on_each_diagram_page(light_tour):
    wrong = {path: v.library_loads for path, v in light_tour.items() if v.library_loads != 1}
    assert not wrong, f"loads of {bench.LIBRARY} per page: {wrong}"


def test_mermaid_adds_at_most_its_budget_to_a_diagram_page(light_tour):
    heavy = {path: round(v.mermaid / 1024) for path, v in light_tour.items()
             if v.mermaid > bench.MERMAID_BUDGET_KIB * 1024}
    assert not heavy, f"KiB of Mermaid over the wire, budget {bench.MERMAID_BUDGET_KIB}: {heavy}"


def test_pages_without_diagrams_carry_no_mermaid(browser, base_url, site_dir):
    text_pages = bench.page_paths(site_dir, diagrams=False)
    assert text_pages
    for path in text_pages:
        html = bench.page_html(site_dir, path)
        assert "mermaid" not in html.lower(), f"/{path} mentions Mermaid in its HTML"
    tour = bench.visit_all(browser, base_url, text_pages, settle=False)
    loaded = {path: v.mermaid_requests for path, v in tour.items() if v.mermaid_requests}
    assert not loaded, loaded


def test_no_request_leaves_the_machine(light_tour, dark_phone_tour):
    requests = {f"{scheme} /{path}": v.third_party
                for scheme, tour in (("light", light_tour), ("dark", dark_phone_tour))
                for path, v in tour.items() if v.third_party}
    assert not requests, requests


def test_diagrams_are_drawn_after_instant_navigation(browser, base_url):
    reader = bench.Reader(browser, base_url)
    try:
        start = reader.visit("architecture/")  # links to the architecture pages, has no diagram
        assert not start.diagrams and not start.mermaid_requests
        reader.page.evaluate("window.sameDocument = true")

        def click(href_end: str):
            def navigate():
                reader.page.locator(f'article a[href$="{href_end}"]').first.click()
                reader.page.wait_for_url(f"**/{href_end}")
            return navigate

        first = reader.visit(navigate=click("architecture/autoscaling-cloudwatch-elb/"))
        second = reader.visit(navigate=click("compute/auto-scaling/"))  # a state diagram too
        assert reader.page.evaluate("window.sameDocument === true"), "the clicks reloaded the page"
    finally:
        reader.close()
    tour = {first.path: first, second.path: second}
    assert not drawing_problems(tour), drawing_problems(tour)
    assert len(first.diagrams) >= 1 and len(second.diagrams) >= 2
    assert (first.library_loads, second.library_loads) == (1, 0), "Mermaid is loaded once per document"
    assert not first.third_party + second.third_party


def test_every_diagram_is_drawn_in_the_dark_scheme_on_a_phone(dark_phone_tour):
    problems = drawing_problems(dark_phone_tour)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_text_is_readable(scheme, light_tour, dark_phone_tour):
    tour = light_tour if scheme == "light" else dark_phone_tour
    low = [f"/{path} diagram {n}: {d['worst']!r} contrast {d['contrast']}:1"
           for path, v in tour.items() for n, d in enumerate(v.diagrams, start=1)
           if d["drawn"] and d["contrast"] < READABLE]
    assert not low, f"text below {READABLE}:1 in the {scheme} scheme:\n" + "\n".join(low)


def test_diagrams_fit_a_phone(dark_phone_tour):
    problems = []
    for path, v in dark_phone_tour.items():
        if v.overflow > 0:
            problems.append(f"/{path}: the page scrolls sideways by {v.overflow}px")
        for n, d in enumerate(v.diagrams, start=1):
            if d["drawn"] and d["hostWidth"] > d["parentWidth"] + 0.5:
                problems.append(f"/{path} diagram {n}: {d['hostWidth']}px wide in a {d['parentWidth']}px column")
            if d["drawn"] and d["font"] < SMALLEST_TEXT_PX:
                problems.append(f"/{path} diagram {n}: text drawn at {d['font']}px")
    assert not problems, "\n".join(problems)


def far_down(tour: dict[str, bench.Visit], screens: float) -> str:
    """A diagram page whose first diagram is more than ``screens`` desktop screens down."""
    for path, visit in tour.items():
        if visit.diagrams and min(d["top"] for d in visit.diagrams) > screens * 900:
            return path
    pytest.fail(f"no diagram page has its first diagram below {screens} screens")


def test_a_reader_who_does_not_scroll_to_a_diagram_downloads_no_mermaid(browser, base_url, light_tour):
    path = far_down(light_tour, 3)
    reader = bench.Reader(browser, base_url)
    try:
        before = reader.visit(path, scroll=False)  # loaded, settled, not scrolled
        after = reader.visit(navigate=lambda: None)  # now the reader scrolls through it
    finally:
        reader.close()
    assert [url for url in before.mermaid_requests] == ["javascripts/mermaid-loader.js"]
    assert not drawing_problems({path: after}) and after.library_loads == 1


def test_every_diagram_is_drawn_for_print_without_scrolling(browser, base_url, light_tour):
    path = far_down(light_tour, 2)
    reader = bench.Reader(browser, base_url, media="print")
    try:
        visit = reader.visit(path, scroll=False, draw=True)
    finally:
        reader.close()
    assert visit.diagrams and not drawing_problems({path: visit})


def test_the_print_page_draws_every_diagram_without_scrolling(browser, base_url, site_dir):
    expected = bench.built_diagrams(site_dir, "print_page/")
    assert expected >= 15
    reader = bench.Reader(browser, base_url)
    try:
        visit = reader.visit("print_page/", scroll=False, settle=False, draw=True, timeout=90_000)
    finally:
        reader.close()
    assert len(visit.diagrams) == expected
    assert not drawing_problems({"print_page/": visit}) and visit.library_loads == 1
