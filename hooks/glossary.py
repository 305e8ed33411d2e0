"""MkDocs hook: the glossary and the terminology list, for Korean text.

- ``includes/abbreviations.md`` (``*[VPC]: Virtual Private Cloud …``) is auto-appended to every page
  as tooltips (pymdownx.snippets). Python-Markdown's ``abbr`` matches terms between ``\\b`` word
  boundaries, and in Korean a particle follows the term with no space (``VPC는``, ``AZ에``): Hangul is
  a word character, so no tooltip. `KoreanAbbrExtension` (Python-Markdown's extension API: a subclass of
  ``AbbrExtension`` whose tree processor replaces ``abbr``'s under the same name) makes the boundary "no
  Latin letter or digit next to the term" and keeps the tooltip on a term's first mention in the body
  only; `on_config` puts it in place of ``abbr`` in mkdocs.yml's ``markdown_extensions`` and fails the
  build if ``abbr`` is not there to replace.
- ``data/terminology.yml`` is the one list of Korean terms (as AWS's Korean documentation writes
  them); the tests read it to find avoided variants in prose.
- The glossary page shows both as tables where it says ``<!-- glossary -->`` and
  ``<!-- terminology -->``.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown.extensions import abbr
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "includes" / "abbreviations.md"
TERMS = ROOT / "data" / "terminology.yml"
ENTRY = re.compile(r"^\*\[([^\]]+)\]:[ \t]*(.+?)[ \t]*$", re.M)  # *[term]: meaning
# A page's line of other names and related terms (search synonyms): no tooltips, not prose.
ALIAS_LINE = "다른 이름·관련어"
ALIAS_CLASS = "aliases"  # the class the alias line gets: extra.css sets it apart from the prose


def glossary_entries(path: Path = GLOSSARY) -> list[tuple[str, str]]:
    """(term, meaning) pairs of the glossary, in file order."""
    return ENTRY.findall(path.read_text(encoding="utf-8"))


def load_terms(path: Path = TERMS) -> list[dict]:
    """The terminology list: dicts with concept, term, avoid (list), source, note."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        entry.setdefault("avoid", [])
    return entries


def cell(text: str) -> str:
    return str(text).replace("|", "&#124;")


def glossary_table(entries: list[tuple[str, str]]) -> str:
    """The glossary as a table in a ``.glossary`` block, sorted by term (an acronym's English expansion
    may name an avoided variant: the terminology test skips the block)."""
    rows = ["| 약어 | 풀이 |", "| --- | --- |"]
    for term, meaning in sorted(entries, key=lambda e: e[0].lower()):
        rows.append(f"| **{term}** | {cell(meaning)} |")
    return '<div class="glossary" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def terminology_table(entries: list[dict]) -> str:
    """The terminology list as a table in a ``.terminology`` block (the tests skip its variants)."""
    rows = ["| 개념 | 이 사이트의 용어 | 쓰지 않는 말 | 이렇게 쓴 AWS 한국어 문서 |", "| --- | --- | --- | --- |"]
    for e in entries:
        avoid = ", ".join(e["avoid"]) or "—"
        rows.append(f"| {cell(e['concept'])} | **{cell(e['term'])}** | {cell(avoid)} | ['{cell(e['term'])}' 표기 예]({e['source']}) |")
    return '<div class="terminology" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


class KoreanAbbrTreeprocessor(abbr.AbbrTreeprocessor):
    """``abbr``'s tree processor with boundaries that let a Korean particle follow the term, and tooltips
    on first mentions only (`_first_mentions_only`)."""

    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("(?<![A-Za-z0-9])(?:" + "|".join(re.escape(t) for t in terms) + ")(?![A-Za-z0-9])")
        self.iter_element(root)
        _first_mentions_only(root)


class KoreanAbbrExtension(abbr.AbbrExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(KoreanAbbrTreeprocessor(md, self.abbrs), "abbr", 7)  # replaces abbr's own


def on_config(config):
    extensions = config["markdown_extensions"]
    if "abbr" not in extensions:
        raise PluginError("hooks/glossary.py: mkdocs.yml lists no 'abbr' extension to make Korean-aware")
    extensions[extensions.index("abbr")] = KoreanAbbrExtension(**config["mdx_configs"].pop("abbr", {}))
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!-- glossary -->" in markdown:
        markdown = markdown.replace("<!-- glossary -->", glossary_table(glossary_entries()))
    if "<!-- terminology -->" in markdown:
        markdown = markdown.replace("<!-- terminology -->", terminology_table(load_terms()))
    return markdown


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _first_mentions_only(root) -> None:
    """Keep the tooltip on a term's first mention in the body; later mentions are plain text.

    Headings, the alias line (`ALIAS_LINE`, which gets the class `ALIAS_CLASS`: search terms, not prose) and the
    glossary's own tables (the meaning is in the next cell) get none. Marking every mention underlines whole pages
    and makes Material's tooltips cost main-thread time on every page load (Lighthouse's TBT). A kept mention takes
    keyboard focus (``tabindex="0"``): Material shows its tooltip on focus as on hover. Inside a link it does not (the link
    takes focus, and Material's tooltip follows the term's own focus), so the first mention outside a link
    keeps its tooltip too, with focus.
    """
    seen: set[str] = set()  # terms with a tooltip on the page
    focusable: set[str] = set()  # terms with a tooltip that takes focus

    def visit(element, plain: bool, linked: bool) -> None:
        alias = element.tag == "p" and "".join(element.itertext()).lstrip().startswith(ALIAS_LINE)
        if alias:
            element.set("class", ALIAS_CLASS)
        plain = plain or alias or element.tag in HEADINGS or element.get("class") in ("glossary", "terminology")
        linked = linked or element.tag == "a"
        for child in list(element):
            if child.tag != "abbr":
                visit(child, plain, linked)
            elif plain or child.text in focusable or (linked and child.text in seen):
                _unwrap(element, child)
            else:
                seen.add(child.text)
                if not linked:
                    focusable.add(child.text)
                    child.set("tabindex", "0")

    visit(root, False, False)


def _unwrap(parent, child) -> None:
    """Replace ``child`` by its text."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(child)
