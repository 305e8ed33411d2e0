"""MkDocs hooks (mkdocs.yml ``hooks:``): the glossary, for Korean text.

``includes/abbreviations.md`` (``*[VPC]: Virtual Private Cloud …``) is auto-appended to every
page as tooltips; the page ``reference/glossary.md`` shows the same entries as a table where
it says ``<!-- glossary -->``.

Python-Markdown's ``abbr`` matches terms between ``\b`` word boundaries, and in Korean a particle
follows the term with no space (``VPC는``, ``AZ에``): Hangul is a word character, so no tooltip.
`on_config` makes the boundary "no Latin letter or digit next to the term" instead.

mkdocs-print-site-plugin 2.9 glues a page's tags ``<nav>`` in front of its ``<h1>`` on one line;
its anchor rewriting (a line-bound regex) then swallows the H1's id, and the book's table of
contents points at ids that don't exist. `on_page_content` starts the saved HTML on a new line.

Material writes ``search/search_index.json`` with every Hangul syllable as a ``\\uXXXX`` escape;
`on_post_build` rewrites it as compact UTF-8 (same data; 352 → 228 KB, 5.7 KiB less gzip on every
page load).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from markdown.extensions import abbr

GLOSSARY = Path(__file__).resolve().parent.parent / "includes" / "abbreviations.md"
MARKER = "<!-- glossary -->"
ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+?)\s*$")


def glossary_entries(path: Path = GLOSSARY) -> list[tuple[str, str]]:
    """(term, meaning) pairs of the glossary, in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = ENTRY.match(line)
        if match:
            entries.append((match["term"], match["meaning"]))
    return entries


def glossary_table(entries: list[tuple[str, str]]) -> str:
    """A Markdown table of the glossary, sorted by term (case-insensitive)."""
    rows = ["| 약어 | 풀이 |", "| --- | --- |"]
    for term, meaning in sorted(entries, key=lambda e: e[0].lower()):
        rows.append(f"| **{term}** | {meaning.replace('|', '&#124;')} |")
    return "\n".join(rows)


def on_page_content(html: str, page, config, files) -> str:
    saved = getattr(page, "html", None)  # what print-site keeps for the print page
    if isinstance(saved, str) and not saved.startswith("\n"):
        page.html = "\n" + saved
    return html


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER in markdown:
        return markdown.replace(MARKER, glossary_table(glossary_entries()))
    return markdown


def _abbr_run(self, root):
    """AbbrTreeprocessor.run with boundaries that let a Korean particle follow the term."""
    if not self.abbrs:
        return
    terms = sorted(self.abbrs, key=len, reverse=True)
    self.RE = re.compile(
        "(?<![A-Za-z0-9])(?:" + "|".join(re.escape(t) for t in terms) + ")(?![A-Za-z0-9])"
    )
    self.iter_element(root)


def on_config(config):
    abbr.AbbrTreeprocessor.run = _abbr_run
    return config


def on_post_build(config) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
