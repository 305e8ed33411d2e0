"""Mistakes a maintainer can make are caught, with the file named (each test breaks a copy of the project)."""
from __future__ import annotations

import re

import pytest

from scripts.notes import NOTES, missing_lines
from scripts.site import build, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def failed_build(project, tmp_path) -> str:
    result = build(tmp_path / "out", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the broken project built:\n" + output
    return output


def test_broken_link_fails_naming_the_page(project, tmp_path):
    append(project / "docs/networking/vpc.md", "\n[사라진 문서](nowhere.md)\n")
    output = failed_build(project, tmp_path)
    assert "networking/vpc.md" in output and "nowhere.md" in output


def test_broken_anchor_fails_naming_the_page(project, tmp_path):
    append(project / "docs/networking/vpc.md", "\n[없는 제목](network-acl.md#no-such-heading)\n")
    output = failed_build(project, tmp_path)
    assert "networking/vpc.md" in output and "no-such-heading" in output


def test_nav_entry_without_file_fails_naming_it(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      - networking/vpc.md\n", "      - networking/vpc.md\n      - networking/ghost.md\n"),
                      encoding="utf-8")
    output = failed_build(project, tmp_path)
    assert "networking/ghost.md" in output


def test_unknown_snippet_fails_naming_it(project, tmp_path):
    append(project / "docs/compute/ec2.md", '\n--8<-- "no-such-snippet.md"\n')
    output = failed_build(project, tmp_path)
    assert "no-such-snippet.md" in output
    assert "compute/ec2.md" in output


def test_deleted_notes_are_reported_with_page_and_line(project, tmp_path):
    page = project / "docs/networking/rfc-1918.md"
    text = page.read_text(encoding="utf-8")
    assert "172.16.0.0" in text
    page.write_text("\n".join(l for l in text.splitlines() if "172.16.0.0" not in l) + "\n", encoding="utf-8")
    result = build(tmp_path / "out", project=project)
    assert result.returncode == 0, result.stderr
    missing = missing_lines(tmp_path / "out")
    assert missing, "deleting a note line went unnoticed"
    assert all("docs/networking/rfc-1918.md" in m for m in missing), missing
    lineno = next(i for i, l in enumerate(NOTES.read_text(encoding="utf-8").splitlines(), 1) if "172.16.0.0" in l)
    assert any(re.match(rf"aws-study-notes\.md:{lineno} ", m) for m in missing), missing
