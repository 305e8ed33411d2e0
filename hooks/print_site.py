"""MkDocs hook: the print page (mkdocs-print-site-plugin) gets each page as it is finally built.

print-site keeps each page's HTML in an attribute of its own, ``page.html``, set when the page is rendered
from Markdown. Two things come later or go wrong (upstream: timvink/mkdocs-print-site-plugin#130, "The index
page of plugin tags does not render correctly"):
- the tags plugin fills its listing (``<!-- material/tags -->`` on reference/tags.md) in ``on_env``, after
  every page is rendered, so print-site's copy kept the raw injection point;
- print-site glues a page's tags ``<nav>`` in front of its ``<h1>`` on one line; its anchor rewriting (a
  line-bound regex) then swallows the H1's id, and the book's table of contents points nowhere.
`on_env` runs after the tags plugin's (priority 100) and gives print-site the final content, starting on a new
line. Also, print-site turns a link to the home page (``../`` in the tags listing) into ``#.``, while the home
page's section on the print page is ``#index``: `on_post_build` mends those links.

The book also moves each page's 확인 문제 answers after its questions and references (`study.answers_at_the_end`),
and titles a part's overview page (a section's index.md, named as its section) "개요": print-site heads each part
with the section's title, and the book read "2 설계 원칙" then "2.1 설계 원칙" (the printed contents follow the
headings: scripts/pdf.py).

print-site links its stylesheets and script on every page (it puts them first in ``extra_css`` and
``extra_javascript``), while only its own page uses them: they style ``#print-site-page`` and define the functions
its page calls. `on_config` moves them to ``extra.print_page_assets``, which overrides/main.html links on the print
page alone (in their old order, before our stylesheets); other pages load about 2 KiB less.

Each workaround says so when its pattern no longer applies (an error or a warning: the strict build fails),
so that a print-site upgrade that changes them is noticed, and a fixed upstream bug lets them go.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from study import answers_at_the_end  # MkDocs puts hooks/ on sys.path while it loads a hook

log = logging.getLogger("mkdocs.hooks.print_site")
ISSUE = "timvink/mkdocs-print-site-plugin#130"
OVERVIEW = "개요"  # a part's first chapter in the book
# What print-site adds to every page, by the config list it adds it to (its plugin.py, on_config).
PRINT_SITE_ASSETS = {"extra_css": ("css/print-site.css", "css/print-site-material.css"),
                     "extra_javascript": ("js/print-site.js",)}


@event_priority(-100)  # after print-site's own on_config, which adds them
def on_config(config):
    config.extra["print_page_assets"] = moved = {}
    for key, assets in PRINT_SITE_ASSETS.items():
        listed = [str(item) for item in config[key]]
        if not set(assets) <= set(listed):
            raise PluginError(f"hooks/print_site.py: print-site no longer lists {sorted(set(assets) - set(listed))} in "
                              f"{key}: update PRINT_SITE_ASSETS, which keeps them to the print page")
        moved[key] = [path for path in listed if path in assets]
        config[key] = [item for item in config[key] if str(item) not in assets]
    return config


def on_env(env, config, files):
    kept = [file.page for file in files.documentation_pages()
            if file.page is not None and isinstance(getattr(file.page, "html", None), str)]
    if not kept:
        raise PluginError(f"hooks/print_site.py: print-site keeps no page.html any more; its workaround for {ISSUE} "
                          "needs a new way to give the print page each page's final HTML")
    for page in kept:
        if page.content:
            content = overview(page.content, page.title) if is_overview(page) else page.content
            page.html = "\n" + answers_at_the_end(content)
    return env


def is_overview(page) -> bool:
    """A section's index page with the section's own title: the book's part already carries that title."""
    return page.is_index and page.parent is not None and page.parent.title == page.title


def overview(html: str, title: str) -> str:
    """The page's content with its H1 ``title`` (as MkDocs keeps it: HTML-escaped) titled OVERVIEW. An H1 with
    markup in it is left as it is (tests/test_print.py counts the book's 개요 chapters)."""
    return re.sub(r"(<h1\b[^>]*>)" + re.escape(title) + "(?=<)", lambda m: m.group(1) + OVERVIEW, html, count=1)


def on_post_build(config):
    """print-site writes the print page in its own ``on_post_build``; hooks run after plugins."""
    path = Path(config["site_dir"]) / "print_page" / "index.html"
    html = path.read_text(encoding="utf-8")
    if 'href="#."' not in html:
        log.warning(f"hooks/print_site.py: the print page has no '#.' home link to mend ({ISSUE}): "
                    "remove the workaround if print-site now links the home page itself")
    path.write_text(html.replace('href="#."', 'href="#index"'), encoding="utf-8")
