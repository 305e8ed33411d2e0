"""MkDocs hook: mend what mkdocs-print-site-plugin 2.9 gets wrong on the print page.

print-site glues a page's tags ``<nav>`` in front of its ``<h1>`` on one line; its anchor rewriting
(a line-bound regex) then swallows the H1's id, and the book's table of contents points at ids that
don't exist. `on_page_content` starts the HTML that print-site keeps on a new line.
"""
from __future__ import annotations


def on_page_content(html: str, page, config, files) -> str:
    saved = getattr(page, "html", None)  # what print-site keeps for the print page
    if isinstance(saved, str) and not saved.startswith("\n"):
        page.html = "\n" + saved
    return html
