"""The same site in a second engine: each Node script under tests/firefox/ drives Firefox ESR (sitekit.firefox)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.firefox import run

pytestmark = pytest.mark.browser
CHECKS = sorted(p for p in (Path(__file__).parent / "firefox").glob("*.mjs") if p.name != "lib.mjs")


@pytest.mark.parametrize("script", CHECKS, ids=[p.stem for p in CHECKS])
def test_in_firefox(script, base_url):
    result = run(script, base_url)
    assert result.returncode == 0, f"{script.name} in Firefox:\n{result.stdout}\n{result.stderr}"
