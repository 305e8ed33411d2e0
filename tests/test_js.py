"""The site's pure JavaScript logic, tested with Node's own runner (``node --test``), no browser.

Each ``tests/js/*.test.js`` loads a script of docs/javascripts/ that also sets ``module.exports`` (its pure
part, with no DOM); the browser tests check only the wiring. Fails with Node's report (spec: the failing
tests come last).
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from sitekit.pages import ROOT

TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def node_test(*files: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "--test", "--test-reporter=spec", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, env=env)


def test_node_unit_tests():
    assert TESTS, "no tests/js/*.test.js"
    result = node_test(*TESTS)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
