"""MkDocs hook: diagram sources reach Material intact.

mkdocs-mermaid2-plugin's ``fence_mermaid_custom`` (the fence mermaid2 documents for Material, named in
mkdocs.yml) writes the diagram source into the page unescaped, so a ``<br/>`` in a label became an HTML
element that Material's ``textContent`` drops. `on_config` wraps the fence so it HTML-escapes the source
(same output otherwise), keeping the name mermaid2 recognises it by (its ``activate_custom_loader`` looks
for ``fence_mermaid_custom``). The wrapper also leaves the diagram out of the search index (Material's documented
``data-search-exclude`` on its ``<pre>``): its source is not prose, and search results showed it as their text.
If mkdocs.yml's mermaid fence is not that function any more, or it no longer writes a ``<pre>``, the build fails
saying so (the latter with superfences' own exception: superfences drops any other exception a fence raises).
(The Mermaid loader itself goes into each diagram page from overrides/main.html.)
"""
from __future__ import annotations

import functools
import html

from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

FENCE = "fence_mermaid_custom"
PRE = "<pre "  # how that fence begins what it writes


def _escaping(fence):
    """mermaid2's custom fence, with the diagram source HTML-escaped (as Material expects) and the ``<pre>`` it
    writes marked ``data-search-exclude``."""

    @functools.wraps(fence)
    def format(source, *args, **kwargs):
        written = fence(html.escape(source, quote=False), *args, **kwargs)
        if not written.startswith(PRE):  # superfences drops any other exception and prints the fence as text
            raise SuperFencesException(f"hooks/mermaid.py: mermaid2's {FENCE} no longer writes '{PRE}…' "
                                       f"(found {written[:40]!r}): the diagram cannot be left out of the search index")
        return PRE + "data-search-exclude " + written[len(PRE):]

    return format


def on_config(config):
    fences = config["mdx_configs"].get("pymdownx.superfences", {}).get("custom_fences", [])
    mermaid = [fence for fence in fences if fence.get("name") == "mermaid"]
    if len(mermaid) != 1 or getattr(mermaid[0].get("format"), "__name__", "") != FENCE:
        raise PluginError(f"hooks/mermaid.py: mkdocs.yml's mermaid fence must be mermaid2.{FENCE} (found {mermaid})")
    if not hasattr(mermaid[0]["format"], "__wrapped__"):
        mermaid[0]["format"] = _escaping(mermaid[0]["format"])
    return config
