"""Mermaid, self-hosted: the pinned library (``update-mermaid``) and the build hook that serves it.

The library
    ``docs/javascripts/mermaid/`` holds the ESM build of the npm package ``mermaid``
    (``dist/mermaid.esm.min.mjs`` + ``dist/chunks/mermaid.esm.min/*.mjs``, no source maps) and its
    ``LICENSE``. Its ``VERSION`` record is the one place the version is pinned: its first line is
    ``mermaid X.Y.Z``. ``python -m scripts update-mermaid`` re-vendors that version from the npm
    registry; ``--version X`` vendors X and rewrites the record. The ESM build fetches only the
    chunks of the diagram types a page uses (flowchart, sequence, state share most of them).

The loader (``docs/javascripts/mermaid-loader.js``)
    mkdocs-mermaid2-plugin adds it to pages that have a diagram. Material renders every
    ``pre.mermaid`` itself and would fetch Mermaid from a CDN unless a global ``mermaid`` exists:
    the loader is that global and imports the library above once, when the first diagram comes
    within a screen of the viewport (all at once for print); it also completes Material's
    themeCSS for Mermaid 11 and lets wide diagrams scroll inside their box on phones.

Choices, measured (``bench-bytes``, ``lighthouse``; median of 3 mobile runs on a busy 2-core box)
    - Version 11.17.2 over 12.3.0: Mermaid's share of a flowchart + sequence page is 259 KiB
      (gzip) with 11.17.2; 12.3.0 lays flowcharts out with ELK by default (+494 KiB chunk) and
      with ``layout: dagre`` still weighs 17 KiB more. 11.12.2 would be 29 KiB lighter but
      predates the fixes of the 11.15–11.16 security advisories.
    - When to import, on the heaviest diagram page (database/rds/, diagrams 4 screens down):
      at first render (eager) perf 58, LCP 4.2 s, TBT 1044 ms; after ``load`` + idle perf 78,
      TBT 878 ms; when a diagram comes within one screen (IntersectionObserver, chosen) perf 97,
      LCP 1.7 s, TBT 172 ms, and 146 KiB instead of 404 KiB until the reader scrolls. A diagram
      in the first screen (home) still costs ~0.5 s TBT (perf ~85): evaluating Mermaid's
      module graph in one task each (modulepreload + sequential imports) only gained 3 points.

The hook (``mkdocs.yml`` → ``hooks:``)
    - ``on_config``: mermaid2's ``fence_mermaid_custom`` writes the diagram source into the page
      unescaped, so a ``<br/>`` in a label became an HTML element that Material's
      ``textContent`` drops; the fence now HTML-escapes the source (same output otherwise).
    - ``on_post_page``: mermaid2 appends its scripts at the end of ``<body>``; Material's instant
      navigation only runs scripts inside ``[data-md-component=container]``, so arriving on a
      diagram page from a page without one would find no ``mermaid`` global and reach for the
      CDN. The scripts move to the end of the container (the loader ``defer``red: it never blocks
      the first paint), once per page.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "javascripts" / "mermaid"
VERSION_FILE = VENDOR / "VERSION"
ENTRY = "mermaid.esm.min.mjs"
CHUNKS = "chunks/mermaid.esm.min"

RELATIVE_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["'](\./[^"']+)["']""")


# ---------------------------------------------------------------------------
# The pinned library
# ---------------------------------------------------------------------------
def pinned_version(record: Path = VERSION_FILE) -> str:
    """The Mermaid version vendored into docs/javascripts/mermaid (first line of VERSION)."""
    first = record.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"mermaid (\d+\.\d+\.\d+\S*)", first.strip())
    if not match:
        raise ValueError(f"{record}: first line must be 'mermaid X.Y.Z', not {first!r}")
    return match.group(1)


def module_graph(vendor: Path = VENDOR) -> dict[str, list[str]]:
    """Each vendored module (path relative to ``vendor``) → the modules it imports."""
    graph = {}
    for path in [vendor / ENTRY, *sorted((vendor / CHUNKS).glob("*.mjs"))]:
        name = path.relative_to(vendor).as_posix()
        base = path.parent.relative_to(vendor)
        graph[name] = sorted(
            {(base / spec).as_posix().replace("/./", "/").removeprefix("./")
             for spec in RELATIVE_IMPORT.findall(path.read_text(encoding="utf-8"))}
        )
    return graph


def vendor_problems(vendor: Path = VENDOR) -> list[str]:
    """What is wrong with the vendored copy: missing modules, source maps, licence, record."""
    problems = []
    for name in ("LICENSE", "VERSION", ENTRY):
        if not (vendor / name).is_file():
            problems.append(f"{name} is missing")
    if problems:
        return problems
    graph = module_graph(vendor)
    for module, imports in graph.items():
        problems += [f"{module} imports {i}, which is missing" for i in imports if i not in graph]
    problems += [f"{p.relative_to(vendor)}: source maps are not shipped" for p in vendor.rglob("*.map")]
    pinned_version(vendor / "VERSION")
    return problems


def npm_pack(version: str, dest: Path) -> tuple[Path, dict]:
    """``npm pack mermaid@version`` into ``dest``; returns the tarball and npm's metadata."""
    out = subprocess.run(
        ["npm", "pack", f"mermaid@{version}", "--json", "--pack-destination", str(dest)],
        check=True, capture_output=True, text=True,
    ).stdout
    meta = json.loads(out)[0]
    return dest / meta["filename"], meta


def vendor(version: str, target: Path = VENDOR) -> dict:
    """Replace ``target`` with the ESM build of npm ``mermaid@version`` and write its record."""
    with tempfile.TemporaryDirectory(prefix="mermaid-") as tmp:
        tarball, meta = npm_pack(version, Path(tmp))
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="data")
        package = Path(tmp) / "package"
        if json.loads((package / "package.json").read_text())["version"] != version:
            raise RuntimeError(f"npm returned another version than {version}")
        dist = package / "dist"
        if target.exists():
            shutil.rmtree(target)
        (target / CHUNKS).mkdir(parents=True)
        shutil.copy2(dist / ENTRY, target / ENTRY)
        for chunk in sorted((dist / CHUNKS).glob("*.mjs")):
            shutil.copy2(chunk, target / CHUNKS / chunk.name)
        shutil.copy2(package / "LICENSE", target / "LICENSE")
    chunks = len(list((target / CHUNKS).glob("*.mjs")))
    size = sum(p.stat().st_size for p in target.rglob("*.mjs"))
    (target / "VERSION").write_text(
        f"mermaid {version}\n"
        f"source     npm registry: {meta['id']} ({meta['filename']})\n"
        f"integrity  {meta['integrity']}\n"
        f"files      dist/{ENTRY} + dist/{CHUNKS}/*.mjs ({chunks} chunks, {size} bytes), LICENSE;"
        " no source maps\n"
        "license    MIT, see LICENSE in this directory\n"
        "loaded by  ../mermaid-loader.js (only on pages with a diagram; only the chunks it uses)\n"
        "why        see the docstring of scripts/mermaid.py (version and loading strategy, measured)\n"
        "update     python -m scripts update-mermaid [--version X.Y.Z]\n",
        encoding="utf-8",
    )
    problems = vendor_problems(target)
    if problems:
        raise RuntimeError("vendored Mermaid is incomplete:\n" + "\n".join(problems))
    return {"version": version, "chunks": chunks, "bytes": size, "integrity": meta["integrity"]}


# ---------------------------------------------------------------------------
# The diagrams of the sources
# ---------------------------------------------------------------------------
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
            at = f" (file line {d.line + int(line.group(1))})" if line else ""
            messages.append(f"{d.where()}: {error.strip()}".replace(line.group(0), line.group(0) + at, 1)
                            if line else f"{d.where()}: {error.strip()}")
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


def check_sources(root: Path = ROOT, browser=None) -> list[str]:
    """Parse every diagram of ``root``'s sources with the vendored Mermaid (served from docs/)."""
    from scripts.browser import chromium
    from scripts.server import serve

    diagrams = all_diagrams(root)
    with ExitStack() as stack:
        base = stack.enter_context(serve(root / "docs", "/"))
        if browser is None:
            browser = stack.enter_context(chromium())
        context = browser.new_context()
        try:
            page = context.new_page()
            blank = base + "check-diagrams.html"  # an empty page on the library's origin
            page.route(blank, lambda route: route.fulfill(body="<!doctype html>", content_type="text/html"))
            page.goto(blank)
            return parse_errors(page, base + f"javascripts/mermaid/{ENTRY}", diagrams)
        finally:
            context.close()


def _cmd_check_diagrams(args) -> int:
    """Parse every Mermaid diagram of docs/ and includes/ in Chromium; print the broken ones."""
    root = Path(args.root)
    diagrams = all_diagrams(root)
    problems = check_sources(root) + style_problems(diagrams)
    for problem in problems:
        print(problem)
    pages = {d.source for d in diagrams} | {p for d in diagrams for p in d.used_by}
    print(f"{len(diagrams)} diagrams in {len(pages)} files: {len(problems)} problem(s)")
    return 1 if problems else 0


def _cmd_update_mermaid(args) -> int:
    """Vendor the pinned Mermaid (or --version X, re-pinned) from npm into docs/javascripts/mermaid."""
    version = args.version or pinned_version()
    result = vendor(version)
    print(f"mermaid {result['version']}: {ENTRY} + {result['chunks']} chunks, "
          f"{result['bytes'] / 1024:.0f} KiB → {VENDOR.relative_to(ROOT)} ({result['integrity']})")
    return 0


def register(sub) -> None:
    p = sub.add_parser("update-mermaid", help=_cmd_update_mermaid.__doc__)
    p.add_argument("--version", help="npm version of mermaid to vendor and pin (default: the pinned one)")
    p.set_defaults(func=_cmd_update_mermaid)
    p = sub.add_parser("check-diagrams", help=_cmd_check_diagrams.__doc__)
    p.add_argument("--root", default=str(ROOT), help="project directory (docs/, includes/)")
    p.set_defaults(func=_cmd_check_diagrams)
