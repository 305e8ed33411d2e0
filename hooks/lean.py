"""MkDocs hook: the site's own stylesheets and scripts ship without the comments that fill their own lines.

The comments explain the code in the repository; a reader need not download them (every page loads extra.css,
print.css, search.js and the search worker; diagram pages the Mermaid loader and viewer). Vendored Mermaid
(javascripts/mermaid/) is not touched. Only comments standing alone on their lines go, so what remains is the
source's own text (tests/test_study_build.py compares each shipped copy with `lean(source)` and runs the node
tests on the shipped scripts). A hand-written rule instead of a minifier: the sources are small, and a
comment-only cut cannot change what the code does.
"""
from __future__ import annotations

import re
from pathlib import Path

SHIPPED = ("javascripts/*.js", "javascripts/*.mjs", "stylesheets/*.css")
# A /* … */ comment alone on its lines (never reaching past its own */), and a // comment alone on its line.
BLOCK_COMMENT = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.S | re.M)
LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def lean(text: str, javascript: bool = True) -> str:
    """A script or stylesheet without the comments that stand on their own lines."""
    text = BLOCK_COMMENT.sub("", text)
    return LINE_COMMENT.sub("", text) if javascript else text


def on_post_build(config):
    site = Path(config["site_dir"])
    for pattern in SHIPPED:
        for shipped in site.glob(pattern):
            shipped.write_text(lean(shipped.read_text(encoding="utf-8"), shipped.suffix != ".css"), encoding="utf-8")
