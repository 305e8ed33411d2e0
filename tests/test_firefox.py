"""The same site in a second engine: the checks under tests/firefox/ drive Firefox ESR (sitekit.firefox): a page
and instant navigation with its diagrams, and a wide table's first column on a phone (reading.mjs), the questions and the mock exam (quiz.mjs), the diagram
viewer on a phone (diagram.mjs), Ctrl+P drawing the diagrams before the print dialog (print.mjs)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.firefox import run

pytestmark = pytest.mark.browser
CHECKS = sorted(p.name for p in (Path(__file__).parent / "firefox").glob("*.mjs") if p.name != "run.mjs")


def test_in_firefox(base_url):
    result = run(base_url)
    assert result.returncode == 0, f"in Firefox:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.split() == [word for name in CHECKS for word in ("ok", name)]  # every check ran
