"""Benchmarks that print figures (never tests): bytes per page (``bench-bytes``), search quality and speed
(``search-bench``), the book (``pdf-bench``); each command's docstring is its ``--help``. Each builds the site
into a temporary folder unless ``--site`` names a built one.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from sitekit.browser import chromium
from sitekit.build import build
from sitekit.pages import urls
from sitekit.reader import Reader, Visit
from sitekit.search import (BAD_INPUT, CASES, evaluate, first_search, load_queries, open_search_page,
                                  percentile, search, search_bytes)
from sitekit.server import serve

BUDGET_KIB = 400  # the heaviest diagram page, over the wire (gzip)


def built_site(stack: ExitStack, site: str | None) -> Path:
    """``site`` if given, else a fresh strict build in a temporary folder (removed with ``stack``)."""
    if site:
        return Path(site)
    dest = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-"))) / "site"
    result = build(dest)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return dest


def kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def cmd_bench_bytes(args) -> int:
    """Bytes each page downloads over the wire (gzip): on load, after scrolling, Mermaid's share."""
    with ExitStack() as stack:
        site = built_site(stack, args.site)
        paths = args.pages or urls()
        base_url = stack.enter_context(serve(site))
        reader = Reader(stack.enter_context(chromium()), base_url)
        visits: dict[str, Visit] = {path: reader.visit(path, settle=True, fresh=True) for path in paths}
        reader.close()
    print(f"{'page':<44} {'diagrams':>8} {'requests':>8} {'on load':>8} {'KiB':>7} {'Mermaid':>8}")
    for path, v in visits.items():
        print(f"/{path:<43} {len(v.diagrams):>8} {len(v.responses):>8} {kib(v.total_on_load):>8} "
              f"{kib(v.total):>7} {kib(v.mermaid):>8}")
    print("(KiB over the wire, gzip; 'on load': by the load event and what follows unasked; "
          "KiB/Mermaid: after scrolling through every diagram)\n")
    text = [v for v in visits.values() if not v.diagrams]
    drawn = [v for v in visits.values() if v.diagrams]
    for label, v in (("text page (lightest)", min(text, key=lambda v: v.total, default=None)),
                     ("text page (heaviest)", max(text, key=lambda v: v.total, default=None)),
                     ("diagram page (heaviest)", max(drawn, key=lambda v: v.total, default=None))):
        if v:
            print(f"{label:<24} /{v.path}: {kib(v.total)} KiB ({kib(v.total_on_load)} KiB on load)"
                  + (f", Mermaid {kib(v.mermaid)} KiB in {len(v.mermaid_requests)} requests" if v.mermaid else ""))
    if drawn:
        heaviest = max(v.total for v in drawn)
        print(f"budget: heaviest diagram page {kib(heaviest)} KiB ≤ {BUDGET_KIB} KiB: "
              + ("yes" if heaviest <= BUDGET_KIB * 1024 else "NO"))
    blocked = [f"/{p}: {', '.join(v.blocked)}" for p, v in visits.items() if v.blocked]
    if blocked:
        print("requests to other hosts (blocked):\n  " + "\n  ".join(blocked))
    return 0


FIRST_QUERY = "오토스켈링"  # a first search: a typo, typed the moment the search box has the focus


def cmd_search_bench(args) -> int:
    """The learner query set typed into the real search box: hit@1, hit@5 by kind, misses, bytes, latency."""
    queries = load_queries(Path(args.queries)) if args.queries else load_queries()
    with ExitStack() as stack:
        site = built_site(stack, args.site)
        base_url = stack.enter_context(serve(site))
        browser = stack.enter_context(chromium())
        firsts = [first_search(browser, base_url, FIRST_QUERY, "networking/vpc/") for _ in range(args.rounds * 3)]
        tab = open_search_page(browser, base_url)
        reports = [evaluate(tab, queries) for _ in range(args.rounds)]
        report, times = reports[0], [o.result.ms for r in reports for o in r.outcomes]
        odd = {name: [search(tab, text).ms for _ in range(args.rounds)] for name, text in BAD_INPUT.items()}
        errors = list(tab.errors)
        sizes = search_bytes(site)
    n = len(report.outcomes)
    print(f"queries: {n}")
    print(f"hit@1: {report.hit(1):.1%}  ({n - len(report.misses(1))}/{n})")
    print(f"hit@5: {report.hit(5):.1%}  ({n - len(report.misses(5))}/{n})")
    count = Counter(o.query.case for o in report.outcomes)
    print("by kind (hit@5 / hit@1 / queries): " + "  ".join(
        f"{c} {report.hit(5, c):.0%}/{report.hit(1, c):.0%}/{count[c]}" for c in CASES if count[c]))
    print("search bytes over the wire (gzip): " + ", ".join(f"{name} {kib(size)}" for name, size in sizes.items())
          + f"; total {kib(sum(sizes.values()))} KiB")
    print(f"keystroke → results rendered: median {statistics.median(times):.1f} ms, "
          f"p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms ({len(times)} searches)")
    slowest = sorted(((statistics.median(r.outcomes[i].result.ms for r in reports), o.query.text)
                      for i, o in enumerate(report.outcomes)), reverse=True)[:5]
    print("  slowest (median ms): " + ", ".join(f"{text!r} {ms:.0f}" for ms, text in slowest))
    first = [f.result.ms for f in firsts]
    print(f"first search of a visit ({FIRST_QUERY!r} typed as the box gets the focus; the index loads with it): "
          f"median {statistics.median(first):.1f} ms, p95 {percentile(first, 95):.1f} ms, "
          f"max {max(first):.1f} ms ({len(first)} visits)")
    print(f"  loaded before the first search: {', '.join(firsts[0].before) or 'nothing'}; "
          f"by the first result: {', '.join(f for f in firsts[0].after if f not in firsts[0].before)}")
    print("odd input, keystroke → results or suggestion (median / max ms): " + "  ".join(
        f"{name} {statistics.median(ms):.0f}/{max(ms):.0f}" for name, ms in odd.items()))
    misses5 = report.misses(5)
    print(f"misses (not in top 5): {len(misses5)}")
    for o in misses5:
        print("  " + o.describe())
    late = [o for o in report.misses(1) if o not in misses5]
    print(f"in top 5 but not first: {len(late)}")
    for o in late:
        print("  " + o.describe())
    if errors:
        print(f"page errors: {errors}")
    return 0


def cmd_pdf_bench(args) -> int:
    """A strict build and a print of the book: seconds, pages, size, diagrams, bookmarks, fonts."""
    from scripts.pdf import fonts, outline, print_book

    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
            site = Path(tmp) / "site"
            start = time.perf_counter()
            result = build(site, env={"PDF_BOOK": "1"})
            built = time.perf_counter() - start
            if result.returncode != 0:
                sys.stderr.write(result.stdout + result.stderr)
                return result.returncode
            book = print_book(site)
            total = time.perf_counter() - start
            korean = [f for f in fonts(book.path) if f.embedded and f.hangul]
            kinds = ", ".join(sorted({f.name for f in korean})) or "none"
            print(f"run {run}: {total:.1f} s = build {built:.1f} s + print {book.seconds:.1f} s")
            print(f"  {book.pages} pages, {book.size / 1e6:.2f} MB, {book.diagrams} diagrams, "
                  f"{len(outline(book.path))} bookmarks")
            print(f"  Korean glyphs embedded in {len(korean)} fonts ({kinds})")
    return 0
