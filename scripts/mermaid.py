"""Mermaid, self-hosted: the pinned library, vendored from npm by ``update-mermaid``.

The library
    ``docs/javascripts/mermaid/`` holds the ESM build of the npm package ``mermaid``
    (``dist/mermaid.esm.min.mjs`` + ``dist/chunks/mermaid.esm.min/*.mjs``, no source maps) and its
    ``LICENSE``. Its ``VERSION`` record is the one place the version is pinned: its first line is
    ``mermaid X.Y.Z``. ``python -m scripts update-mermaid`` re-vendors that version from the npm
    registry; ``--version X`` vendors X and rewrites the record. The ESM build fetches only the
    chunks of the diagram types a page uses (flowchart, sequence, state share most of them).

It is imported by ``docs/javascripts/mermaid-loader.js``. Why this version and this way of loading:
README, "Decisions"; the path of one diagram, from Markdown to picture: README "다이어그램".
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from sitekit.pages import ROOT

VENDOR = ROOT / "docs" / "javascripts" / "mermaid"
ENTRY = "mermaid.esm.min.mjs"
CHUNKS = "chunks/mermaid.esm.min"

RELATIVE_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["'](\./[^"']+)["']""")


# ---------------------------------------------------------------------------
# The pinned library
# ---------------------------------------------------------------------------
def pinned_version(record: Path = VENDOR / "VERSION") -> str:
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


def vendor(version: str, target: Path = VENDOR) -> dict:
    """Replace ``target`` with the ESM build of npm ``mermaid@version`` and write its record."""
    with tempfile.TemporaryDirectory(prefix="mermaid-") as tmp:
        pack = subprocess.run(["npm", "pack", f"mermaid@{version}", "--json", "--pack-destination", tmp],
                              check=True, capture_output=True, text=True)
        meta = json.loads(pack.stdout)[0]  # npm's metadata: filename, id, integrity
        with tarfile.open(Path(tmp) / meta["filename"]) as tar:
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
        "why        README, Decisions (version and loading strategy, measured)\n"
        "update     python -m scripts update-mermaid [--version X.Y.Z]\n",
        encoding="utf-8",
    )
    problems = vendor_problems(target)
    if problems:
        raise RuntimeError("vendored Mermaid is incomplete:\n" + "\n".join(problems))
    return {"version": version, "chunks": chunks, "bytes": size, "integrity": meta["integrity"]}


def cmd_update_mermaid(args) -> int:
    """Vendor the pinned Mermaid (or --version X, re-pinned) from npm into docs/javascripts/mermaid."""
    version = args.version or pinned_version()
    result = vendor(version)
    print(f"mermaid {result['version']}: {ENTRY} + {result['chunks']} chunks, "
          f"{result['bytes'] / 1024:.0f} KiB → {VENDOR.relative_to(ROOT)} ({result['integrity']})")
    return 0
