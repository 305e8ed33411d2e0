"""The JavaScript unit tests (``node --test tests/js``): pure logic, fast, no browser."""
from __future__ import annotations

import subprocess

from sitekit.pages import ROOT


def test_node_unit_tests():
    run = subprocess.run(["node", "--test", "--test-reporter=spec", "tests/js"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"node --test tests/js failed:\n{run.stdout}\n{run.stderr}"
