"""The build a maintainer runs: it needs no network (conftest builds with every proxy pointing at a closed
port), links nothing missing, and fails on a maintainer's mistake.

The checks of this project's own code break a copy of the project (or of the built site) on purpose.
"""
from __future__ import annotations

import logging
import re
import subprocess
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from scripts import diagrams, mermaid
from scripts.links import check_links, cmd_check_links
from scripts.notes import NOTES, cmd_notes_check, missing_lines, note_lines
from sitekit.build import build, copy_project, link_site, writable
from sitekit.pages import PRINT_PAGE, ROOT, config, nav_files, page_html


# --- the build --------------------------------------------------------------------------------------


def test_every_link_asset_and_anchor_resolves_under_the_project_path(site_dir):
    report = check_links(site_dir, config().site_url)
    assert report.checked > 1000, report.summary()
    assert not report.failures, report.summary() + "\n" + "\n".join(report.failures)


def test_a_plain_build_links_no_book(site_dir):
    for page in nav_files():
        assert "PDF로 받기" not in page_html(site_dir, page), f"{page} links a book this build does not have"


def test_the_print_page_holds_the_tag_index_not_its_placeholder(site_dir, soups):
    html = (site_dir / PRINT_PAGE / "index.html").read_text(encoding="utf-8")
    assert "material/tags" not in html and "reference/tags.md" not in html
    section = BeautifulSoup(html, "html.parser").select_one("section#reference-tags")
    printed = {a.get_text(strip=True) for a in section.select("li a")}
    on_site = {a.get_text(strip=True) for a in soups["reference/tags.md"].select("article li a")}
    assert on_site and printed == on_site, on_site - printed


def test_the_link_check_catches_root_links_missing_pages_assets_and_anchors(site_dir, tmp_path):
    broken = link_site(site_dir, tmp_path / "site")
    page = writable(broken / "networking" / "vpc" / "index.html")
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>",
        '<a href="/networking/subnet-design/">루트 기준 링크</a>'
        '<a href="../subnet-design/#no-such-heading">없는 앵커</a>'
        '<img src="../../assets/missing.png" alt="없는 그림">'
        '<a href="../ghost/">없는 페이지</a></article>', 1), encoding="utf-8")
    (broken / "stylesheets" / "extra.css").unlink()
    failures = "\n".join(check_links(broken, config().site_url).failures)
    for expected in ("networking/vpc/index.html: /networking/subnet-design", "no-such-heading",
                     "assets/missing.png", "ghost", "stylesheets/extra.css"):
        assert expected in failures, f"{expected!r} not reported:\n{failures}"


def test_a_site_at_a_domain_root_passes_the_link_check(tmp_path):
    """A custom domain or a <user>.github.io site is served at ``/``: built for it, every link resolves there."""
    site = tmp_path / "site"
    result = build(site, env={"SITE_URL": "https://example.org/"})
    assert result.returncode == 0, result.stderr
    report = check_links(site, "https://example.org/")
    assert report.checked > 1000 and not report.failures, report.summary() + "\n" + "\n".join(report.failures)
    cover = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<dt>웹 버전</dt>\s*<dd><a href="https://example.org/">', cover), "the book's cover gives the address"


# --- a maintainer's mistakes --------------------------------------------------------------------------


def test_a_broken_link_anchor_nav_entry_or_snippet_fails_the_build():
    """What makes a maintainer's mistake fail `mkdocs build` is this project's configuration (MkDocs and
    pymdownx report the file and the target themselves): strict, every link and nav check at least a
    warning, and a missing snippet an error."""
    loaded = config()
    levels = {f"{group}.{check}": level for group, checks in loaded.validation.items() for check, level in checks.items()}
    assert loaded.strict, "mkdocs.yml: strict: true"
    assert levels and all(level >= logging.WARNING for level in levels.values()), levels
    assert loaded.mdx_configs["pymdownx.snippets"]["check_paths"] is True


def test_a_note_line_missing_from_its_page_is_reported_with_page_and_line(site_dir, tmp_path):
    notes = NOTES.read_text(encoding="utf-8").splitlines()
    start = notes.index("# RFC 1918")
    section = notes[start:start + 4] + ["- 100.64.0.0 - 100.127.255.255 (100.64/10 prefix)"]  # not on the page
    copy = tmp_path / "aws-study-notes.md"
    copy.write_text("\n".join(section) + "\n", encoding="utf-8")
    assert missing_lines(site_dir, copy) == [
        "aws-study-notes.md:5 → docs/networking/rfc-1918.md: 100.64.0.0 - 100.127.255.255 (100.64/10 prefix)"]



def test_a_new_heading_of_the_notes_names_the_table_to_extend_and_no_site_says_build_first(tmp_path, capsys):
    copy = tmp_path / "aws-study-notes.md"
    copy.write_text("# Amazon EFS\n- 여러 인스턴스가 함께 쓰는 파일 시스템\n", encoding="utf-8")
    with pytest.raises(KeyError, match="aws-study-notes.md:1: heading 'Amazon EFS' has no page: add it to SECTION_PAGES"):
        note_lines(copy)
    assert cmd_notes_check(SimpleNamespace(site=str(tmp_path))) == 1
    assert cmd_check_links(SimpleNamespace(site=str(tmp_path))) == 1
    assert capsys.readouterr().out == f"{tmp_path}/index.html missing: build the site first (make build)\n" * 2


# --- the diagrams' sources ------------------------------------------------------------------------------


def test_the_vendored_mermaid_is_pinned_complete_and_licensed():
    assert not mermaid.vendor_problems(), mermaid.vendor_problems()
    assert mermaid.pinned_version() in (mermaid.VENDOR / mermaid.ENTRY).read_text(encoding="utf-8")


def test_diagrams_are_flowchart_sequence_or_state_without_hard_coded_colours():
    found = diagrams.all_diagrams()
    assert {d.kind for d in found} == set(diagrams.KINDS)
    problems = diagrams.style_problems(found)
    assert not problems, "\n".join(problems)


def test_the_two_architecture_diagrams_are_on_their_pages():
    users = diagrams.snippet_users()
    assert set(users.get("includes/diagrams/autoscaling-cloudwatch-elb.md", [])) >= {
        "docs/architecture/autoscaling-cloudwatch-elb.md", "docs/compute/auto-scaling.md"}
    assert set(users.get("includes/diagrams/fargate-pipeline.md", [])) >= {
        "docs/architecture/fargate-pipeline.md", "docs/containers/fargate.md"}


@pytest.mark.browser
def test_every_diagram_parses_and_a_broken_one_is_reported_with_its_file_and_line(tab, tmp_path):
    """`check-diagrams` on a copy of the project with one broken diagram added: that one error, and no other."""
    project = copy_project(tmp_path / "project")
    first = next(d for d in diagrams.all_diagrams(project) if d.source.startswith("docs/"))
    source = project / first.source
    lines = source.read_text(encoding="utf-8").splitlines()
    count = len(diagrams.diagrams_in(source, project))
    lines += ["", "```mermaid", "flowchart TB", '    a["닫히지 않은 레이블 --> b', "```"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tab.goto()
    errors = diagrams.parse_errors(tab.page, tab.base_url + "javascripts/mermaid/" + mermaid.ENTRY,
                                   diagrams.all_diagrams(project))
    assert len(errors) == 1 and errors[0].startswith(f"{first.source}:{len(lines) - 3} (diagram {count + 1}): "), errors


def test_a_note_line_may_lose_its_typos_and_swap_variants_but_not_change_words():
    from scripts.notes import missing_parts, normalise

    line = "샤딩 : 무공유 아키텍처를 공유함으로써 대규모 DB를 다수의 소규모 DB로 분할하는 기술"
    assert missing_parts(line, normalise("| 샤딩 | 무공유 아키텍처를 공유함으로써 대규모 DB를 다수의 소규모 DB로 분할하는 기술 |")) == []
    assert missing_parts(line, normalise("샤딩: 무공유 아키텍처를 채택함으로써 대규모 DB를 다수의 소규모 DB로 분할하는 기술")) == [line]
    typo = "보안 그룹 규칙은 항상 허용적 -> 액세스를 거부한느 규칙 생성 불가"
    assert missing_parts(typo, normalise("보안 그룹 규칙은 항상 허용적 → 액세스를 거부하는 규칙 생성 불가")) == []
    swapped = "복제된 read replica는 읽기 전용 복제본이고 업데이트는 비동기식으로 복사됨"
    assert missing_parts(swapped, normalise("복제된 읽기 전용 복제본은 읽기 전용 복제본이고 업데이트는 비동기식으로 복사됨")) == []
    glossed = "스케줄러는 클러스터 내에 작업을 배치하는 일"
    assert missing_parts(glossed, normalise("스케줄러는 클러스터 내에 작업(태스크)을 배치하는 일")) == [glossed]
    split = "DB 인스턴스 스냅샷 캡쳐 -> 다른 가용 영역으로 복원"
    assert missing_parts(split, normalise("- DB 인스턴스 스냅샷 캡처\n- (보충 상자)\n- → 다른 가용 영역으로 복원")) == []


# --- the project's own references ------------------------------------------------------------------------

# A project file or test named in the code, the comments or the README: ``tests/test_site.py``,
# ``tests/test_reading.py::test_every_page``, ``docs/javascripts/search.js``, ``stylesheets/print.css`` …
PROJECT_PATH = re.compile(r"\b(?:(?:tests|scripts|sitekit|hooks)/[\w/.-]+\.(?:py|sh|cjs|mjs|js)"
                          r"|(?:docs/)?(?:javascripts|stylesheets)/[\w.-]+\.(?:m?js|css))(?:::\w+)?")
NAMING = (".py", ".js", ".mjs", ".cjs", ".css", ".html", ".md", ".yml", ".sh", "Makefile")


def test_every_file_and_test_the_project_names_exists():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    text = {name: (ROOT / name).read_text(encoding="utf-8") for name in tracked
            if name.endswith(NAMING) and not name.startswith(("docs/javascripts/mermaid/", "data/"))}
    tests = "".join(body for name, body in text.items() if name.startswith("tests/test_"))
    missing = []
    for name, body in text.items():
        for ref in PROJECT_PATH.findall(body):
            path, _, test = ref.partition("::")
            path = "docs/" + path if path.startswith(("javascripts/", "stylesheets/")) else path
            if not (ROOT / path).is_file() or test and f"def {test}(" not in (ROOT / path).read_text(encoding="utf-8"):
                missing.append(f"{name}: {ref}")
    # the README's framework contracts name their guards by the test's name alone
    missing += [f"README.md: {test}" for test in re.findall(r"`(test_\w+)`", text["README.md"])
                if f"def {test}(" not in tests]
    assert not missing, "\n".join(missing)
