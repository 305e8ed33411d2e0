"""Project commands: ``python -m scripts <command>`` (``--help`` lists them).

Checks and the book: notes-check, check-links, check-diagrams, pdf, update-mermaid.
Benchmarks (print figures, never fail on them): bench-bytes, search-bench, pdf-bench, lighthouse.
"""
from __future__ import annotations

import argparse
import sys
from sitekit.pages import ROOT

SITE = str(ROOT / "site")


def parser() -> argparse.ArgumentParser:
    from scripts import bench, diagrams, lighthouse, links, mermaid, notes, pdf

    main = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    sub = main.add_subparsers(dest="command", required=True, metavar="command")

    def command(name, func):
        p = sub.add_parser(name, help=func.__doc__, description=func.__doc__)
        p.set_defaults(func=func)
        return p

    command("notes-check", notes.cmd_notes_check).add_argument("site", nargs="?", default=SITE)
    command("check-links", links.cmd_check_links).add_argument("site", nargs="?", default=SITE)
    command("check-diagrams", diagrams.cmd_check_diagrams)
    p = command("pdf", pdf.cmd_pdf)
    p.add_argument("--site", default=SITE)
    p.add_argument("--out", help="PDF path (default: <site>/pdf/aws-study-notes.pdf)")
    command("update-mermaid", mermaid.cmd_update_mermaid).add_argument(
        "--version", help="npm version of mermaid to vendor and pin (default: the pinned one)")

    p = command("bench-bytes", bench.cmd_bench_bytes)
    p.add_argument("pages", nargs="*", help="paths under the base URL, e.g. compute/elb/ (default: all)")
    p.add_argument("--site", help="a built site (default: a fresh build)")
    p = command("search-bench", bench.cmd_search_bench)
    p.add_argument("--site", help="a built site (default: a fresh build)")
    p.add_argument("--queries", help="query set (default: data/search-queries.tsv)")
    p.add_argument("--rounds", type=int, default=3, help="passes over the set for the latency figures")
    command("pdf-bench", bench.cmd_pdf_bench).add_argument("--runs", type=int, default=1)
    p = command("lighthouse", lighthouse.cmd_lighthouse)
    p.add_argument("pages", nargs="*", help="paths under the base URL ('' is home; default: home, text, diagram)")
    p.add_argument("--site", default=SITE)
    p.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    p.add_argument("--verbose", action="store_true", help="list the requests of each page")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
