"""MkDocs hook: the subnet calculator's script, only on pages that have the calculator.

A page opts in with ``<form data-subnet-calculator …>`` (networking/subnet-design.md). The script
goes at the end of Material's ``[data-md-component=container]``: Material re-runs the scripts of
that container after every instant navigation, so the calculator works whether the reader lands
on the page or clicks through to it, and no other page downloads it (``extra_javascript`` would
put it on every page). ``defer``: it never blocks the first paint of the page.
"""
from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

SCRIPT = "javascripts/subnet-calculator.js"
FORM = re.compile(r"<form\b[^>]*\bdata-subnet-calculator\b")


def add_script(output: str, page_url: str) -> str:
    """``output`` with the calculator's script after ``</main>``, if it has a calculator form."""
    end_of_main = output.rfind("</main>")
    if end_of_main < 0 or not FORM.search(output, 0, end_of_main):
        return output
    src = get_relative_url(SCRIPT, page_url or ".")
    if f'src="{src}"' in output:  # already there
        return output
    cut = end_of_main + len("</main>")
    return output[:cut] + f'<script src="{src}" defer></script>' + output[cut:]


def on_post_page(output, page, config):
    return add_script(output, page.url)
