"""Project CLI: ``python -m scripts <command>``.

Every module of this package that defines ``register(subparsers)`` adds its commands here,
so each command lives next to the functions the tests call.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import scripts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    for info in sorted(pkgutil.iter_modules(scripts.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "hooks":
            continue
        module = importlib.import_module(f"scripts.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
