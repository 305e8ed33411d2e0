"""The publishing workflow is valid (actionlint), safe and least-privilege (zizmor), and a broken one is caught.

Both are maintained linters from PyPI (requirements-dev.txt): actionlint for syntax, expressions and
inputs of the actions; zizmor (pedantic persona, every action pinned to a commit SHA) for permissions,
credential persistence, injection and triggers.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sitekit.pages import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent
BROKEN = """on: [push, pull_request_target]
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: ${{ github.event.no_such_context.depth }}
      - run: echo "${{ github.event.pull_request.title }}"
    needs: no-such-job
"""


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    """actionlint over ``paths``; shellcheck/pyflakes are off so it judges the same everywhere."""
    cmd = [str(BIN / "actionlint"), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    cmd = [str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress",
           "--config", str(ROOT / ".github" / "zizmor.yml"), *map(str, paths)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def test_workflows_pass_actionlint_and_zizmor():
    assert WORKFLOWS, "no workflow in .github/workflows"
    for result in (actionlint(*WORKFLOWS), zizmor(*WORKFLOWS)):
        assert result.returncode == 0, result.stdout + result.stderr


def test_pinned_actions_are_called_with_valid_inputs(tmp_path):
    """actionlint cannot look up a commit SHA: lint a copy that names each pin's version comment
    (`@<sha> # v5.0.0` → `@v5`), so unknown inputs and deprecated runtimes still fail."""
    for path in WORKFLOWS:
        copy = tmp_path / ".github" / "workflows" / path.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(re.sub(r"@[0-9a-f]{40} # (v\d+)[.\d]*", r"@\1", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
        result = actionlint(copy)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(BROKEN, encoding="utf-8")
    lint = actionlint(broken)
    assert lint.returncode != 0 and "no-such-job" in lint.stdout, lint.stdout
    audit = zizmor(broken)
    assert audit.returncode != 0
    for finding in ("excessive-permissions", "unpinned-uses", "template-injection", "artipacked", "dangerous-triggers"):
        assert finding in audit.stdout + audit.stderr, finding
