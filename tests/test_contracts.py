"""What the site relies on in other projects' code, checked against the installed packages in seconds.

Each test names the assumption it guards and where the project relies on it (README "Framework contracts").
When an upgrade breaks one, this file fails before any page does.
"""
from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import material
import mermaid2.fence
import mkdocs_print_site_plugin.plugin
import pytest
from mkdocs_print_site_plugin.urls import fix_internal_links
from pymdownx.superfences import SuperFencesException

from hooks.glossary import KoreanAbbrExtension
from hooks.mermaid import _escaping
from sitekit.pages import ROOT, page_html

THEME = Path(material.__file__).parent / "templates"
BASE = (THEME / "base.html").read_text(encoding="utf-8")
BUNDLE = next((THEME / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")


def block(name: str) -> str:
    """The text of a Jinja block of Material's base.html."""
    match = re.search(r"{%%-? block %s -?%%}(.*?){%%-? endblock -?%%}" % name, BASE, re.S)
    assert match, f"Material's base.html has no block {name!r} (overrides/main.html extends it)"
    return match.group(1)


def test_material_keeps_the_blocks_overrides_main_extends():
    for name in ("htmltitle", "styles", "extrahead", "content", "config", "scripts"):
        block(name)
    assert BASE.index("{% block styles %}") < BASE.index("{% for path in config.extra_css %}"), (
        "the styles block no longer comes before the extra_css links: print-site's stylesheets would follow print.css")
    container = BASE.index('data-md-component="container"')
    assert container < BASE.index("{% block content %}") < BASE.index("</main>"), (
        "the content block is no longer inside [data-md-component=container]: page scripts (Mermaid loader, "
        "calculator) would not run after instant navigation")
    # Included by name in the book's "PDF로 받기" button, which only a build for the book (PDF_BOOK=1) renders.
    icons = re.findall(r'{% include "(\.icons/[^"]+)" %}', (ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    assert icons and all((THEME / icon).is_file() for icon in icons), f"an icon overrides/main.html includes is gone: {icons}"


def test_the_overridden_source_partial_is_materials_without_the_facts_fetch():
    theirs = (THEME / "partials" / "source.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "source.html").read_text(encoding="utf-8")
    body = lambda text: re.sub(r"{#-.*?-#}\s*", "", text, flags=re.S).strip()  # noqa: E731
    assert 'data-md-component="source"' in theirs, "Material's source partial changed: review overrides/partials/source.html"
    assert body(theirs).replace(' data-md-component="source"', "") == body(ours), (
        "Material's partials/source.html changed: copy it again into overrides/partials/source.html, "
        'without data-md-component="source"')


def test_material_uses_a_global_mermaid_and_the_document_observable():
    assert 'typeof mermaid=="undefined"' in BUNDLE, (
        "Material no longer uses a global `mermaid` when there is one (docs/javascripts/mermaid-loader.js is it)")
    assert "document$" in BUNDLE, "Material no longer exposes document$ (overrides/main.html subscribes to it)"
    assert 'parseFromString(o,"text/xml")' in BUNDLE and '"sitemap.xml"' in BUNDLE, (
        "Material no longer parses sitemap.xml as text/xml (sitekit/browser.py waits for that before instant clicks)")


def test_material_hands_each_diagrams_shadow_root_to_the_render_results_fn():
    """docs/javascripts/mermaid-dialog.mjs reaches each drawn diagram through `fn(shadowRoot)`, which Material calls
    after putting the SVG of `mermaid.render()` into the diagram's closed shadow root and the diagram into the page,
    in the same task: mermaid-loader.js gives a diagram drawn above the reader's view its placeholder's height there,
    before the browser lays it out."""
    found = re.search(r"\{svg:(\w+),fn:(\w+)\}=(?:yield|await) mermaid\.render\(.{0,120}?"
                      r"attachShadow\(\{mode:\"closed\"\}\).{0,120}?\.replaceWith\(\w+\),\2==null\|\|\2\((\w+)\)",
                      BUNDLE)
    assert found, ("Material no longer calls the `fn` of mermaid.render()'s result with the diagram's shadow root "
                   "right after putting the diagram in the page")


def test_material_wraps_each_table_in_a_scrolling_box_with_a_bottom_margin():
    """extra.css draws scroll-edge shadows on the box Material wraps each content table in
    (`.md-typeset__scrollwrap`, which scrolls sideways) and moves the 0.5em bottom margin of the `.md-typeset__table`
    inside it out of the shadows' box, into a transparent border (the line gap under the inline-block table goes: about
    8 px less space below a table); print.css unwraps both."""
    css = next((THEME / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert "md-typeset__scrollwrap" in BUNDLE and "md-typeset__table" in BUNDLE, (
        "Material no longer wraps tables in .md-typeset__scrollwrap > .md-typeset__table (extra.css, print.css)")
    assert re.search(r"\.md-typeset__scrollwrap\{[^}]*overflow-x:auto", css), (
        "Material's .md-typeset__scrollwrap no longer scrolls sideways (extra.css puts the edge shadows on it)")
    assert re.search(r"\.md-typeset__table\{[^}]*margin-bottom:\.5em", css), (
        "Material's .md-typeset__table no longer has a 0.5em bottom margin (extra.css moves it into a border)")


def test_material_reads_its_stored_settings_through_two_globals():
    """overrides/main.html (extrahead) wraps `__md_get` and `__md_set`, so storage that throws or a value Material
    cannot use reads as nothing stored. That needs both defined as globals before the extrahead block, and called by
    name afterwards: by the palette script in the <body> (which sets each stored `color` entry as an attribute) and by
    the bundle."""
    scripts = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    assert re.search(r"<script>__md_scope=[^\n]*,__md_get=\([^\n]*,__md_set=\(", scripts), (
        "Material no longer assigns __md_get and __md_set as plain globals in partials/javascripts/base.html")
    assert BASE.index('"partials/javascripts/base.html"') < BASE.index("{% block extrahead %}") < BASE.index("<body"), (
        "Material's scripts no longer define __md_get before the extrahead block")
    palette = (THEME / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    assert 'var palette=__md_get("__palette")' in palette, "Material's inline palette script changed"
    assert 'setAttribute("data-md-color-"+key,value)' in palette, "Material no longer sets the stored colours as attributes"
    assert '__md_get("__palette")' in BUNDLE and '__md_set("__palette"' in BUNDLE, (
        "Material's bundle no longer reads and writes its palette through __md_get/__md_set")
    assert re.search(r"color:\{media:\w+\.getAttribute\(\"data-md-color-media\"\),scheme:[^}]*,primary:[^}]*,"
                     r"accent:\w+\.getAttribute\(\"data-md-color-accent\"\)\}", BUNDLE), (
        "Material's stored palette colour is no longer {media, scheme, primary, accent}: update usable() in overrides/main.html")


def test_material_listens_to_popstate_on_window():
    """overrides/main.html adds its popstate listener before Material's bundle runs, so the diagram viewer's own back
    never reaches instant navigation: that only works while Material listens on `window` (listeners there run in the
    order they were added)."""
    assert re.search(r"\w\(window,\"popstate\"\)", BUNDLE), "Material no longer listens to popstate on window"


def test_korean_glossary_tooltips_subclass_python_markdowns_abbr():
    html = markdown.markdown("VPC는 [AZ](#az)에 걸친다. VPC 하나, AZ 둘.\n\n*[VPC]: Virtual Private Cloud\n"
                             "*[AZ]: Availability Zone", extensions=[KoreanAbbrExtension()])
    # a particle right after the term; focusable for Material's tooltip, but not inside a link, where the first
    # mention outside it takes focus too
    assert '<abbr tabindex="0" title="Virtual Private Cloud">VPC</abbr>는' in html, html
    assert '<a href="#az"><abbr title="Availability Zone">AZ</abbr></a>에' in html, html
    assert '<abbr tabindex="0" title="Availability Zone">AZ</abbr> 둘' in html, html
    assert html.count("<abbr") == 3, "a term has a tooltip on its first mention only (and first outside a link)"


def test_a_mermaid_fence_that_stops_writing_a_pre_stops_the_markdown():
    """hooks/mermaid.py marks mermaid2's <pre> data-search-exclude; when the fence writes something else, the page's
    conversion fails (superfences would print the fence as text for any exception but its own)."""
    fence = _escaping(lambda source, *args, **kwargs: f'<div class="mermaid">{source}</div>')
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {
        "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence}]}})
    with pytest.raises(SuperFencesException, match="no longer writes '<pre …'"):
        md.convert("```mermaid\nflowchart TB\n  a --> b\n```\n")


def test_mermaid2_recognises_its_material_fence_and_hands_the_loader_its_configuration(site_dir, soups):
    """mermaid2 finds the fence by its name (hooks/mermaid.py's wrapper keeps it) and then writes, into each diagram
    page, the loader and `window.mermaidConfig.default` (the `mermaid2:` options of mkdocs.yml, which
    mermaid-loader.js reads). Checked in the built pages: mermaid2 once stopped recognising the fence silently."""
    assert mermaid2.fence.fence_mermaid_custom.__name__ == "fence_mermaid_custom"
    pages = [page for page, soup in soups.items() if soup.select_one("pre.mermaid")]
    configured = [page for page in pages if "window.mermaidConfig = {default: {" in page_html(site_dir, page)]
    assert pages and configured == pages, f"mermaid2 wrote no configuration into {sorted(set(pages) - set(configured))}"


def test_print_site_keeps_each_pages_html_where_the_hook_replaces_it():
    source = inspect.getsource(mkdocs_print_site_plugin.plugin)
    assert "page.html = html" in source, "print-site no longer keeps page.html (hooks/print_site.py)"


def test_the_print_page_has_its_cover_and_alone_loads_print_sites_assets(site_dir):
    """overrides/main.html knows print-site's page by its source name, print_page.md: it gets the cover, and
    print-site's stylesheets (before ours) and script, which hooks/print_site.py takes off every other page."""
    asset = re.compile(r'(?:href|src)="[./]*((?:css|js)/print-site[\w-]*\.(?:css|js))"')
    book = (site_dir / "print_page" / "index.html").read_text(encoding="utf-8")
    assert 'class="print-cover"' in book
    assert asset.findall(book) == ["css/print-site.css", "css/print-site-material.css", "js/print-site.js"]
    assert book.index("print-site-material.css") < book.index("stylesheets/extra.css")
    assert not [path for path in site_dir.rglob("*.html") if path.parent.name != "print_page"
                and asset.search(path.read_text(encoding="utf-8"))], "a page besides the print page loads print-site's assets"


def test_xdist_runs_a_group_on_one_worker(tmp_path):
    """`make test` runs two workers with ``--dist loadgroup``: the book's tests (tests/test_print.py) share one
    worker, so the book is made once. pytest 9.2.0 made xdist ignore the mark silently (pytest-dev/pytest-xdist#1386)."""
    (tmp_path / "test_group.py").write_text(
        "import pytest\npytestmark = pytest.mark.xdist_group('book')\n\n"
        "@pytest.mark.parametrize('i', range(6))\ndef test_one(i):\n    pass\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider",
                             "--rootdir", str(tmp_path), "-c", os.devnull, str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    workers = set(re.findall(r"^\[(gw\d)\].*PASSED", result.stdout, re.M))
    assert result.returncode == 0 and len(workers) == 1, f"the group ran on {workers or 'no worker'}:\n{result.stdout}"


def test_material_places_its_back_to_top_button_under_the_header_inline():
    """study-pages.css moves `.md-top` below the 모의고사's sticky bar with `top: calc(3.2rem + …) !important`:
    Material writes the button's top inline as the header's height + 16px (2.4rem + 0.8rem at 20px per rem)."""
    assert re.search(r'\w+\("height"\)\)\.subscribe\(\(\{height:(\w+)\}\)=>\{\w+\.style\.top=`\$\{\1\+16\}px`\}', BUNDLE), \
        "Material no longer writes the back-to-top button's top as the header's height + 16px: check study-pages.css"
    css = (ROOT / "docs" / "stylesheets" / "study-pages.css").read_text(encoding="utf-8")
    assert "body:has(.exam__bar) .md-top {\n  top: calc(3.2rem + var(--exam-bar, 0px)) !important;" in css


def test_the_sites_voice_overrides_keys_material_still_translates(site_dir):
    """overrides/partials/languages/custom.html (Material's documented custom translation, `language: custom`) puts
    the few Material strings the site shows in its 합쇼체 and spelling; a key Material renamed would bring its own
    string back without a word, so each overridden key must still be one of Material's."""
    ours = dict(re.findall(r'^\s*"([\w.]+)": "([^"]+)"', (ROOT / "overrides" / "partials" / "languages" / "custom.html")
                           .read_text(encoding="utf-8"), re.M))
    theirs = (THEME / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    assert ours and not [key for key in ours if f'"{key}":' not in theirs], "Material no longer translates these keys"
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    shown = json.loads(re.search(r'id="__config" type="application/json">(.*?)</script>', home, re.S).group(1))
    assert '<html class="no-js" lang="ko">' in home
    assert shown["translations"]["search.result.placeholder"] == ours["search.result.placeholder"]
    assert all(f'aria-label="{ours[key]}"' in home for key in ("nav", "header", "footer")) and ours["top"] in home


# Our own classes that follow Material's `md-` naming (print-site's names count as Material's: its page is styled alike).
OWN_MD_NAMES = {"md-content__pdf", "md-print-external"}
PRINT_SITE = Path(mkdocs_print_site_plugin.plugin.__file__).parent


def test_every_material_name_our_styles_scripts_and_templates_use_is_still_materials():
    """extra.css, print.css, the study and search scripts, overrides/ and the commands' and tests' page helpers
    (scripts/, sitekit/: `make pdf` reads the book's contents by `a.md-nav__link`) select Material's elements by its
    class names, `data-md-*` attributes and `--md-*` custom properties (e.g. `.md-typeset__scrollwrap`, `.md-top`,
    `data-md-component=search`, `--md-mermaid-label-fg-color` in the Mermaid loader's theme fixes). A name Material
    dropped would leave a rule or a query matching nothing, without an error: each must still be one of its names
    (whole names: `md-nav` is not kept alive by `md-nav__link`)."""
    token = re.compile(r"(?<![\w-])(?:--md-[a-z0-9-]+|data-md-[a-z0-9-]+|md-[a-z0-9]+(?:[-_]{1,2}[a-z0-9]+)*)(?![\w-])")
    component = re.compile(r"""data-md-component[\^*~|]?=\\?["']?([a-z-]+)""")
    theirs_text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in THEME.rglob("*")
                            if p.is_file() and p.suffix in {".css", ".js", ".html"})
    theirs = set(token.findall(theirs_text)) | set(token.findall((PRINT_SITE / "renderer.py").read_text(encoding="utf-8")))
    ours = [*(ROOT / "docs" / "stylesheets").glob("*.css"), *(ROOT / "docs" / "javascripts").glob("*.*js"),
            *(ROOT / "overrides").rglob("*.html"), *(ROOT / "scripts").glob("*.py"), *(ROOT / "sitekit").glob("*.py")]
    used: dict[str, set[str]] = {}
    for path in ours:
        text = path.read_text(encoding="utf-8")
        for name in token.findall(text):
            used.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
        for value in component.findall(text):
            used.setdefault(f'data-md-component="{value}"', set()).add(path.relative_to(ROOT).as_posix())
    assert len(used) > 50, "the pattern no longer finds the names our files use"
    gone = {name: sorted(files) for name, files in used.items() if name not in OWN_MD_NAMES
            and (name not in theirs_text if name.startswith("data-md-component=") else name not in theirs)}
    assert not gone, f"Material no longer has these names our files select: {gone}"


def test_the_print_page_is_print_sites_structure_print_css_styles():
    """print.css and the Mermaid loader find the book by print-site's wrapper id, its parts by `section.print-page`,
    its contents by `#print-page-toc`; scripts/pdf.py finds a chapter by its `section.print-page` and a link to
    another page by the anchor print-site makes of it."""
    renderer = (PRINT_SITE / "renderer.py").read_text(encoding="utf-8")
    for piece in ('id="print-site-page"', "<section class='print-page md-section'", 'id="print-page-toc"'):
        assert piece in renderer, f"print-site's print page no longer has {piece} (docs/stylesheets/print.css)"
    chapter = fix_internal_links('<a href="../../networking/vpc/#nat-gateway">NAT</a>', "compute/ec2/", True, "4.2")
    assert chapter.startswith('<section class="print-page" id="compute-ec2"') and 'href="#networking-vpc-nat-gateway"' in \
        chapter, f"print-site no longer wraps a chapter or points its links at the print page so (scripts/pdf.py, " \
        f"CROSS_REFERENCES_JS): {chapter}"
