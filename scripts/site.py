"""Build the site and copy the project for bad-input checks."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "includes", "scripts")


def build(dest: Path, project: Path = ROOT, strict: bool = True) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` of ``project`` into ``dest``; returns the finished process (not raised)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)


def copy_project(dest: Path, project: Path = ROOT) -> Path:
    """Copy what a build needs into ``dest`` (to break it on purpose in a test)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = project / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site except the 404 page and the print page."""
    return sorted(
        p for p in site_dir.rglob("index.html")
        if "print_page" not in p.parts and "assets" not in p.parts
    )


def page_path(site_dir: Path, html: Path) -> str:
    """The path of a built page under the site's base URL ('' for home)."""
    rel = html.parent.relative_to(site_dir).as_posix()
    return "" if rel == "." else rel + "/"


def _cmd_build(args) -> int:
    """Strict build into site/ (prints MkDocs' output)."""
    result = build(Path(args.dest))
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def register(sub) -> None:
    p = sub.add_parser("build", help=_cmd_build.__doc__)
    p.add_argument("--dest", default=str(ROOT / "site"))
    p.set_defaults(func=_cmd_build)
