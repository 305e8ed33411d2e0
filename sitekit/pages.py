"""The site's pages as MkDocs defines them: nav order, front matter, URLs, built HTML, diagrams.

A page's URL and output file come from MkDocs itself (``File.url``, ``File.dest_uri``), so the tests,
the benchmarks and ``make pdf`` agree with the build on every address.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, get_files
from mkdocs.structure.nav import get_navigation

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PRINT_PAGE = "print_page/"  # mkdocs-print-site-plugin's page (print_page_basename)

# Folders of the nav whose pages are not topic pages: cross-service walkthroughs and reference material.
NOT_TOPICS = ("architecture/", "reference/", "study/")


# A Mermaid diagram in built HTML (mermaid2's fence: <pre class="mermaid"><code>flowchart …).
MERMAID_PRE = re.compile(r'<pre\b[^>]*\bclass="[^"]*\bmermaid\b[^"]*"[^>]*>(?:<code>)?\s*([\w-]*)')


@functools.cache
def config() -> MkDocsConfig:
    """mkdocs.yml, loaded and validated as MkDocs does (plugins and hooks included)."""
    return load_config(str(ROOT / "mkdocs.yml"))


@functools.cache
def _files() -> dict[str, File]:
    return {f.src_uri: f for f in get_files(config()).documentation_pages()}


def base_path(site_url: str | None = None) -> str:
    """The URL path the site is served under, from ``site_url`` (default: mkdocs.yml's):
    ``/aws-study-notes/`` for a GitHub Pages project site, ``/`` at a domain's root."""
    path = urlsplit(config().site_url if site_url is None else site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def nav_files() -> list[str]:
    """Every docs/ page of the nav, in nav order (MkDocs' own navigation, as the build makes it)."""
    return [page.file.src_uri for page in get_navigation(get_files(config()), config()).pages]


def topic_pages() -> list[str]:
    """The topic pages, one per topic of the notes (service pages and the like), in nav order: every page of
    the nav but the home and category overviews (``index.md``) and the folders in `NOT_TOPICS`."""
    return [page for page in nav_files()
            if not page.endswith("index.md") and not page.startswith(NOT_TOPICS)]


def front_matter(page: str) -> tuple[dict, str]:
    """(YAML front matter, Markdown body) of a docs/ page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def url(page: str) -> str:
    """The URL of a docs/ page relative to the site root: ``networking/vpc.md`` → ``networking/vpc/``."""
    return _files()[page].url


def html_path(site_dir: Path, page: str) -> Path:
    """Where the build wrote a docs/ page's HTML."""
    return Path(site_dir) / _files()[page].dest_uri


def not_built(built_file: Path) -> str | None:
    """What a command that reads ``built_file`` says when the site was not built, or None when it is there."""
    return None if Path(built_file).is_file() else f"{built_file} missing: build the site first (make build)"


def page_html(site_dir: Path, page: str) -> str:
    """The HTML the build wrote for a docs/ page."""
    return html_path(site_dir, page).read_text(encoding="utf-8")


def urls() -> list[str]:
    """The URL of every page in nav order."""
    return [url(page) for page in nav_files()]


def diagram_kinds(html: str) -> list[str]:
    """The kind of each Mermaid diagram of a built page, in order (``flowchart``, ``sequenceDiagram`` …)."""
    return MERMAID_PRE.findall(html)
