"""MkDocs hook: the search index, written so that pages load only what every page needs.

Material's search plugin writes ``search/search_index.json`` (configuration and every section's text),
and Material's bundle fetches that file on every page and hands it to the search worker. `on_post_build`
rewrites it:

- ``search/search_index.json`` keeps the configuration only, what every page needs (the worker's setup,
  the on-page highlighter's separator).
- ``search/search_docs.json`` gets the documents and `synonyms()`; the site's search worker
  (docs/javascripts/search-worker.js) fetches it on the reader's first search.
- Both are compact UTF-8: Material escapes every Hangul syllable as ``\\uXXXX`` (a third larger).
- The ``separator`` of mkdocs.yml is written there one rule per line with a ``# comment``;
  `separator()` joins the rules with ``|`` into the one regular expression the search needs.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from glossary import glossary_entries, load_terms  # MkDocs puts hooks/ on sys.path while it loads a hook

COMMENT = re.compile(r"(?:^|\s)#.*$")
log = logging.getLogger("mkdocs.hooks.search_index")


def separator(readable: str) -> str:
    """The separator as one regular expression: the rules of its lines, without their ``# comments``,
    joined with ``|`` (no rule contains whitespace or ``#``).

    Python compiles it as a check (its syntax for these rules is JavaScript's), so a broken rule fails the
    build instead of the reader's search."""
    rules = [COMMENT.sub("", line).strip() for line in readable.splitlines()]
    pattern = "|".join(rule for rule in rules if rule)
    re.compile(pattern)
    return pattern


def synonyms() -> list[list[str]]:
    """``[other word, the site's word]`` pairs for the search, from the project's own word lists:

    - data/terminology.yml: a concept's English name and the variants the site avoids → its Korean term
      (target tracking scaling → 대상 추적 조정, 쿨다운 → 조정 휴지, 라이프사이클 → 수명 주기);
    - the glossary (includes/abbreviations.md): an acronym's English expansion and Korean reading → the
      acronym (Amazon Machine Image, 아마존 머신 이미지 → AMI).
    A parenthesis is context ("health check (ELB, Auto Scaling)"), not another word, so it is left out."""
    pairs = []
    for entry in load_terms():
        for other in [entry["concept"].split("(")[0], *entry["avoid"]]:
            pairs.append([other.strip(), entry["term"]])
    for acronym, meaning in glossary_entries():
        english, _, korean = meaning.partition(" — ")
        for other in (english.split("(")[0], korean.split("(")[0]):
            pairs.append([other.strip(), acronym])
    unique = {tuple(pair) for pair in pairs if pair[0] and pair[0] != pair[1]}
    return [list(pair) for pair in sorted(unique)]


def write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_build(config) -> None:
    folder = Path(config["site_dir"]) / "search"
    index = folder / "search_index.json"
    if not index.exists():  # a warning: the strict build fails, as the site's search would
        log.warning("hooks/search_index.py: Material's search plugin wrote no search/search_index.json to split")
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"]["separator"] = separator(data["config"]["separator"])
    write(folder / "search_docs.json", {"docs": data["docs"], "synonyms": synonyms()})
    write(index, {"config": data["config"], "docs": []})
