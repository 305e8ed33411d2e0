"""MkDocs hook: diagrams that mkdocs-mermaid2-plugin and Material draw together, offline.

- ``on_config``: mermaid2's ``fence_mermaid_custom`` writes the diagram source into the page
  unescaped, so a ``<br/>`` in a label became an HTML element that Material's ``textContent``
  drops; the fence now HTML-escapes the source (same output otherwise).
- ``on_post_page``: mermaid2 appends its scripts at the end of ``<body>``; Material's instant
  navigation only runs scripts inside ``[data-md-component=container]``, so arriving on a diagram
  page from a page without one would find no ``mermaid`` global and reach for the CDN. The scripts
  move to the end of the container (the loader ``defer``red: it never blocks the first paint).
"""
from __future__ import annotations

import functools
import html
import re

LOADER = "javascripts/mermaid-loader.js"


def _escaping(fence):
    """mermaid2's custom fence, with the diagram source HTML-escaped (as Material expects)."""

    @functools.wraps(fence)
    def format(source, *args, **kwargs):
        return fence(html.escape(source, quote=False), *args, **kwargs)

    format.__name__ = fence.__name__  # mermaid2 recognises its fence by name
    return format


def on_config(config):
    superfences = config["mdx_configs"].get("pymdownx.superfences", {})
    for fence in superfences.get("custom_fences", []):
        fn = fence.get("format")
        if fence.get("name") == "mermaid" and getattr(fn, "__name__", "") == "fence_mermaid_custom":
            if not getattr(fn, "__wrapped__", None):
                fence["format"] = _escaping(fn)
    return config


_MERMAID2_SCRIPTS = re.compile(
    r'<script src="(?P<src>[^"]*' + re.escape(LOADER) + r')"></script>'
    r'(?P<config><script>window\.mermaidConfig = .*?</script>)?',
    re.S,
)


def move_scripts(output: str) -> str:
    """Move mermaid2's scripts from the end of <body> into Material's container (see above)."""
    match = None
    for match in _MERMAID2_SCRIPTS.finditer(output):
        pass  # mermaid2 appends them last
    end_of_main = output.rfind("</main>")
    if match is None or end_of_main < 0 or match.start() < end_of_main:
        return output
    output = output[: match.start()] + output[match.end():]
    if LOADER + '"' in output[:end_of_main]:  # already included by a template (print page)
        return output
    scripts = (match.group("config") or "") + f'<script src="{match.group("src")}" defer></script>'
    cut = end_of_main + len("</main>")
    return output[:cut] + scripts + output[cut:]


def on_post_page(output, page, config):
    return move_scripts(output)
