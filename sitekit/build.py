"""Build the site (``mkdocs build``), and copy the project or a built site to break it on purpose."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitekit.pages import ROOT

PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "includes", "hooks", "data")


def build(dest: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` of the project into ``dest``; returns the finished process (not raised)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    """Copy what a build needs into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def link_site(site_dir: Path, dest: Path) -> Path:
    """A copy of a built site made of symbolic links (fast); `writable` turns one file into a real copy."""
    shutil.copytree(site_dir, dest, copy_function=os.symlink)
    return dest


def writable(path: Path) -> Path:
    """Replace the link ``path`` (from `link_site`) by a copy of its target, to edit it."""
    target = path.resolve()
    path.unlink()
    shutil.copy2(target, path)
    return path
