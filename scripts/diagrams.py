"""The Mermaid diagrams of the sources: where each is, whether it parses, whether it keeps the rules.

Every ```mermaid block of ``docs/**/*.md`` and ``includes/**/*.md`` (a snippet once, with the pages
that include it) is a `Diagram` with its file, line and number. ``check-diagrams`` parses each with
the vendored Mermaid in Chromium and names the broken ones by file and line, before any build; the
rules (flowchart/sequence/state only, no hard-coded colours) keep diagrams readable in both schemes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.mermaid import ENTRY
from sitekit.pages import ROOT

SOURCES = ("docs", "includes")
SNIPPETS = "includes"  # pymdownx.snippets base_path
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*mermaid\b")
SNIPPET = re.compile(r"""^\s*-+8<-+\s+["'](?P<path>[^"']+)["']\s*$""")
KINDS = ("flowchart", "sequenceDiagram", "stateDiagram-v2")  # share chunks and Material's themeCSS
INLINE_STYLE = re.compile(r"^\s*(style|classDef|linkStyle)\b|:::", re.M)


@dataclass(frozen=True)
class Diagram:
    """One ```mermaid block of a Markdown source."""

    source: str  # e.g. docs/compute/elb.md
    line: int  # line of the opening fence (1-based)
    number: int  # its position among the diagrams of that file (1-based)
    text: str
    used_by: tuple[str, ...] = ()  # pages that include the file as a snippet

    @property
    def kind(self) -> str:
        for line in self.text.splitlines():
            if line.strip() and not line.strip().startswith("%%"):
                return line.split()[0]
        return ""

    def where(self) -> str:
        """``docs/compute/elb.md:42 (diagram 2)``, plus the pages that include it."""
        place = f"{self.source}:{self.line} (diagram {self.number})"
        return place + (f", shown on {', '.join(self.used_by)}" if self.used_by else "")


def diagrams_in(path: Path, root: Path = ROOT, used_by: tuple[str, ...] = ()) -> list[Diagram]:
    """The Mermaid diagrams of one Markdown file, with their positions."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found, i = [], 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        close = re.compile(rf"^{re.escape(indent)}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        body, j = [], i + 1
        while j < len(lines) and not close.match(lines[j]):
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        found.append(Diagram(path.relative_to(root).as_posix(), i + 1, len(found) + 1, "\n".join(body), used_by))
        i = j + 1
    return found


def snippet_users(root: Path = ROOT) -> dict[str, list[str]]:
    """Snippet file (``includes/…``) → the docs pages that include it with ``--8<--``."""
    users: dict[str, list[str]] = {}
    for page in sorted((root / "docs").rglob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            match = SNIPPET.match(line)
            if match:
                target = f"{SNIPPETS}/{match['path']}"
                users.setdefault(target, []).append(page.relative_to(root).as_posix())
    return users


def all_diagrams(root: Path = ROOT) -> list[Diagram]:
    """Every diagram of ``docs/**/*.md`` and ``includes/**/*.md`` (each snippet once)."""
    users = snippet_users(root)
    result = []
    for top in SOURCES:
        for path in sorted((root / top).rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            result += diagrams_in(path, root, tuple(users.get(rel, ())))
    return result


PARSE_JS = """async ({ library, texts }) => {
  const mermaid = (await import(library)).default;
  mermaid.initialize({ startOnLoad: false });
  const errors = [];
  for (const text of texts) {
    try {
      await mermaid.parse(text);
      errors.push(null);
    } catch (error) {
      errors.push(String((error && (error.message || error.str)) || error));
    }
  }
  return errors;
}"""


def parse_errors(page, library_url: str, diagrams: list[Diagram]) -> list[str]:
    """``mermaid.parse`` of each diagram in Chromium; one message per broken diagram.

    ``page`` must be on the origin of ``library_url`` (the self-hosted ESM entry).
    """
    results = page.evaluate(PARSE_JS, {"library": library_url, "texts": [d.text for d in diagrams]})
    messages = []
    for d, error in zip(diagrams, results):
        if error:
            line = re.search(r"on line (\d+)", error)  # of the diagram: the file line follows
            if line:
                error = error.replace(line[0], f"{line[0]} (file line {d.line + int(line[1])})", 1)
            messages.append(f"{d.where()}: {error.strip()}")
    return messages


def style_problems(diagrams: list[Diagram]) -> list[str]:
    """Diagrams of another kind than flowchart/sequence/state, or with hard-coded colours."""
    problems = []
    for d in diagrams:
        if d.kind not in KINDS:
            problems.append(f"{d.where()}: '{d.kind}' — use one of {', '.join(KINDS)}")
        if INLINE_STYLE.search(d.text):
            problems.append(f"{d.where()}: style/classDef/linkStyle colours break the dark scheme")
    return problems


def cmd_check_diagrams(args) -> int:
    """Parse every Mermaid diagram of docs/ and includes/ in Chromium; print the broken ones."""
    from sitekit.browser import chromium
    from sitekit.server import serve

    diagrams = all_diagrams()
    with serve(ROOT / "docs", "/") as base, chromium() as browser:
        page = browser.new_page()
        blank = base + "check-diagrams.html"  # an empty page on the library's origin (served from docs/)
        page.route(blank, lambda route: route.fulfill(body="<!doctype html>", content_type="text/html"))
        page.goto(blank)
        problems = parse_errors(page, base + f"javascripts/mermaid/{ENTRY}", diagrams) + style_problems(diagrams)
    for problem in problems:
        print(problem)
    pages = {d.source for d in diagrams} | {p for d in diagrams for p in d.used_by}
    print(f"{len(diagrams)} diagrams in {len(pages)} files: {len(problems)} problem(s)")
    return 1 if problems else 0


