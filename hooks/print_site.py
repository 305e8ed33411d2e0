"""MkDocs hook: the print page gets each page as it is finally built.

mkdocs-print-site-plugin keeps each page's HTML (``page.html``) when it is rendered from Markdown.
Two things come later or go wrong:
- the tags plugin fills its listing (``<!-- material/tags -->`` on reference/tags.md) in ``on_env``,
  after every page is rendered, so print-site's copy kept the raw injection point (a heading like
  ``reference/tags.md:217-239/name`` in the book);
- print-site glues a page's tags ``<nav>`` in front of its ``<h1>`` on one line; its anchor rewriting (a
  line-bound regex) then swallows the H1's id, and the book's table of contents points nowhere.
- print-site turns a link to the home page (``../`` in the tags listing) into ``#.``; the home page's
  section on the print page is ``#index``.
`on_env` runs after the tags plugin's (priority 100) and gives print-site the final content, starting
on a new line; `on_post_build` mends the home links of the written print page.
"""
from __future__ import annotations

from pathlib import Path


def on_env(env, config, files):
    for file in files.documentation_pages():
        page = file.page
        if page is not None and isinstance(getattr(page, "html", None), str) and page.content:
            page.html = "\n" + page.content
    return env



def on_post_build(config):
    """print-site writes the print page in its own ``on_post_build``; hooks run after plugins."""
    path = Path(config["site_dir"]) / "print_page" / "index.html"
    if path.exists():
        html = path.read_text(encoding="utf-8")
        path.write_text(html.replace('href="#."', 'href="#index"'), encoding="utf-8")
