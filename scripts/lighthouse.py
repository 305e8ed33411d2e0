"""Lighthouse scores of built pages (``lighthouse [pages…]``): a benchmark, not a test.

Lighthouse is the version pinned in ``bench/package.json`` (``npm ci --prefix bench``, run by ``make bench``), run with its
defaults (mobile: Moto G Power screen, simulated slow 4G and 4× CPU slowdown) against Debian's
Chromium (`sitekit.browser.chromium_path()`, headless) on the site served by `sitekit.server` on
127.0.0.1. Chromium reaches no other host, so nothing leaves the machine during a run.

Default pages: the home page, the heaviest page without diagrams and the heaviest diagram page
(`default_pages()`, chosen from the built HTML). Prints performance / accessibility /
best-practices / SEO scores and FCP, LCP, TBT, CLS and the bytes Lighthouse saw; with
``--runs N`` each page runs N times and the median run (by performance score) is shown.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from sitekit import browser
from sitekit.pages import ROOT, diagram_kinds, nav_files, page_html, url
from sitekit.server import serve

LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"  # bench/package.json
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Diagram kinds differ in the Mermaid chunks they fetch; the sequence diagram's are the largest.
KIND_WEIGHT = {"sequenceDiagram": 3, "stateDiagram-v2": 2, "flowchart": 1}
# Headless, and every request to another host goes to a proxy that does not exist (loopback addresses bypass
# proxies), so it fails on the spot instead of reaching the internet.
CHROME_FLAGS = ["--headless=new", *browser.ARGS, "--proxy-server=127.0.0.1:9"]


@dataclass
class Result:
    """One Lighthouse run of one page."""

    page: str
    scores: dict[str, int]  # category → 0..100
    fcp: float  # ms
    lcp: float
    tbt: float
    cls: float
    bytes: int  # total-byte-weight (transfer size of every request of the run)
    requests: list[str]

    def row(self) -> str:
        s = self.scores
        return (f"/{self.page:<40} {s['performance']:>4} {s['accessibility']:>4} "
                f"{s['best-practices']:>4} {s['seo']:>4} {self.fcp / 1000:>6.2f} s {self.lcp / 1000:>6.2f} s "
                f"{self.tbt:>6.0f} ms {self.cls:>6.3f} {self.bytes / 1024:>7.1f}")


HEADER = (f"{'page':<41} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP':>8} {'LCP':>8} "
          f"{'TBT':>9} {'CLS':>6} {'KiB':>7}")


def parse_report(page: str, report: dict) -> Result:
    """The figures of a Lighthouse JSON report (``lhr``)."""
    audits = report["audits"]
    items = audits.get("network-requests", {}).get("details", {}).get("items", [])
    return Result(
        page=page,
        scores={c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES},
        fcp=audits["first-contentful-paint"]["numericValue"],
        lcp=audits["largest-contentful-paint"]["numericValue"],
        tbt=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        requests=[item["url"] for item in items],
    )


def run(url: str, page: str = "") -> Result:
    """One Lighthouse run of ``url`` (default settings: mobile, simulated throttling)."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} is missing: run `npm ci --prefix bench` (make bench does)")
    env = dict(os.environ)
    path = browser.chromium_path()
    if path:
        env["CHROME_PATH"] = path
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed for {url}:\n{proc.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {report['runtimeError']}")
    return parse_report(page, report)


def default_pages(site_dir: Path) -> list[str]:
    """home, the heaviest text page and the heaviest diagram page (by diagram kinds, then bytes)."""
    text, drawn = [], []
    for page in nav_files():
        html = page_html(site_dir, page)
        size = len(gzip.compress(html.encode(), 6))
        kinds = diagram_kinds(html)
        weight = sum(KIND_WEIGHT.get(k, 1) for k in set(kinds))
        (drawn if kinds else text).append((weight, len(kinds), size, url(page)))
    return [""] + [max(pages)[-1] for pages in (text, drawn) if pages]


def cmd_lighthouse(args) -> int:
    """Lighthouse (npm, pinned) on Debian's Chromium: scores, LCP and TBT of pages (default: home, text, diagram)."""
    site = Path(args.site)
    if not (site / "index.html").is_file():  # else Chromium only says "prevented page load with an interstitial"
        raise SystemExit(f"{site} is not a built site: run `make build` first, or pass --site")
    pages = args.pages or default_pages(site)
    print(HEADER)
    with ExitStack() as stack:
        base_url = stack.enter_context(serve(site))
        for page in pages:
            page = page.lstrip("/")
            results = [run(base_url + page, page) for _ in range(args.runs)]
            best = sorted(results, key=lambda r: r.scores["performance"])[(args.runs - 1) // 2]  # the median run
            print(best.row() + (f"  (median of {args.runs}: perf "
                                + ", ".join(str(r.scores["performance"]) for r in results) + ")"
                                if args.runs > 1 else ""), flush=True)
            if args.verbose:
                for url in best.requests:
                    print("    " + url.replace(base_url, "/"))
    return 0
