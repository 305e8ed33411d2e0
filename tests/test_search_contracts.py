"""What the site's search relies on in Material for MkDocs, checked against the installed Material.

The search (docs/javascripts/search.js, search-worker.js, search-korean.js) uses Material's documented
seam — a search worker of its own that speaks Material's SearchMessage format — and a few things Material
does not promise. README "검색" lists each and why; each test here guards one and says which when an
upgrade breaks it. No browser: Material's templates and scripts are read, and its own search worker runs
in Node beside ours (tests/js/compare-workers.cjs).
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from sitekit.browser import WAIT_MS
from sitekit.pages import ROOT
from tests.test_contracts import BASE, BUNDLE, THEME as TEMPLATES, block

JAVASCRIPTS = TEMPLATES / "assets" / "javascripts"


def only(pattern: str) -> Path:
    found = sorted(JAVASCRIPTS.glob(pattern))
    assert len(found) == 1, f"Material's {pattern} is not one file: {found}"
    return found[0]


def test_the_config_block_writes_the_search_worker_into___config_before_the_bundle_runs():
    """search.js (in our `config` block, after super()) rewrites #__config's "search"; the bundle reads it later."""
    config = block("config")
    assert '<script id="__config" type="application/json">' in config, \
        "base.html's config block no longer writes #__config as JSON"
    assert re.search(r'"search":\s*"assets/javascripts/workers/search\.\w+\.min\.js"\s*\|\s*url', config), \
        "#__config no longer names the search worker in its \"search\" key"
    # search.js resolves the worker's address against "base" and reads the placeholder line from "translations"
    assert re.search(r'"base":', config), "#__config no longer gives the site's \"base\""
    translations = re.search(r'"translations":\s*{(.*?)}', config, re.S)
    assert translations and '"search.result.placeholder"' in translations.group(1), \
        "#__config no longer carries the \"search.result.placeholder\" translation search.js shows for a blank query"
    assert re.search(r"bundle\.\w+\.min\.js", block("scripts")), "the bundle is no longer in the scripts block"
    assert BASE.index("{% block config %}") < BASE.index("{% block scripts %}"), \
        "the bundle now runs before the config block: search.js would rewrite #__config too late"
    override = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert re.search(r"{% block config %}\s*{{ super\(\) }}\s*<script src=\"{{ 'javascripts/search\.js' \| url }}\">",
                     override), "overrides/main.html no longer loads search.js right after #__config"


def test_the_bundle_reads___config_and_fetches_the_search_index_on_every_page():
    """The worker's SETUP comes from search/search_index.json (configuration only: hooks/search_index.py)."""
    assert "#__config" in BUNDLE, "the bundle no longer reads #__config"
    assert "search/search_index.json" in BUNDLE, "the bundle no longer fetches search/search_index.json"


def test_the_search_box_is_read_on_keyup_and_is_the_search_query_component():
    """search.js passes each `input` of [data-md-component=search-query] on as a `keyup`, the event on which
    Material reads the box (with focus); pasted text fires `input` only."""
    partial = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'data-md-component="search-query"' in partial, "the search box is no longer the search-query component"
    assert re.search(r'\w+\((\w+),"keyup"\),\w+\)\.pipe\(\w+\(\(\)=>\1\.value\)', BUNDLE), (
        "the bundle no longer reads the search box's value on keyup: check what it listens to now, "
        "and whether search.js still needs to pass `input` on")
    assert not re.search(r'\w+\(\w+,"input"\)', BUNDLE), (
        "the bundle now listens to `input` events: search.js's `input` → `keyup` relay may be redundant")


def test_materials_worker_and_ours_answer_the_same_messages_in_the_same_shape(site_dir):
    """SETUP=0 → READY=1, QUERY=2 → RESULT=3 with SearchResult { items: SearchItem[][], suggest? }: Material's
    own installed worker, run in Node, answers the messages we answer, in the shape we answer them."""
    worker = only("workers/search.*.min.js")
    run = subprocess.run(["node", str(ROOT / "tests" / "js" / "compare-workers.cjs"), str(worker),
                          str(site_dir / "search" / "search_index.json"), str(site_dir / "search" / "search_docs.json")],
                         capture_output=True, text=True, timeout=WAIT_MS / 1000)
    assert run.returncode == 0, f"the workers did not run in Node:\n{run.stderr}"
    replies = json.loads(run.stdout)
    material, ours = replies["material"], replies["ours"]
    assert material[0] == {"type": 1} == ours[0], f"SETUP (0) is no longer answered by READY (1): {material[0]}"
    for query, theirs, mine in zip(replies["queries"], material[1:], ours[1:]):
        assert theirs["type"] == 3 == mine["type"], f"QUERY (2) {query!r} is no longer answered by RESULT (3): {theirs}"
        for who, reply in (("Material's", theirs), ("our", mine)):
            data = reply["data"]
            assert set(data) <= {"items", "suggest"} and isinstance(data["items"], list), f"{who} {query!r}: {data.keys()}"
            if query:
                assert isinstance(data["suggest"], list), f"{who} {query!r}: search.suggest gets no list"
            for group in data["items"]:
                pages = {item["location"].split("#")[0] for item in group}
                assert len(pages) == 1 and any("#" not in item["location"] for item in group), \
                    f"{who} {query!r}: a group is not one page with its own document: {[i['location'] for i in group]}"
                for item in group:
                    assert {"location", "title", "text", "score", "terms"} <= set(item), f"{who} {query!r}: {item.keys()}"
                    assert isinstance(item["score"], (int, float)) and all(isinstance(v, bool) for v in item["terms"].values())
        keys = lambda reply: {key for group in reply["data"]["items"] for item in group for key in item}
        assert keys(mine) <= keys(theirs) | {"tags"} if theirs["data"]["items"] else True, \
            f"{query!r}: our items have keys Material's have not: {keys(mine) - keys(theirs)}"
    assert any(reply["data"]["items"] for reply in material[1:]), "Material's worker found nothing: the comparison says nothing"


def test_result_titles_and_texts_are_inserted_as_html():
    """Material's h() appends string children with innerHTML: our <mark>s show, and everything else in a title
    or text must be escaped (search-korean.js builds them from the index's HTML only)."""
    assert re.search(r'typeof \w+=="string"\|\|typeof \w+=="number"\)\w+\.innerHTML\+=\w+\.toString\(\)', BUNDLE), \
        "Material's h() no longer appends strings as HTML: titles and texts would show their <mark> tags"


def test_the_score_is_rendered_and_enter_opens_the_highest():
    """search.js finds suggestions by data-md-score="-1.00"; Enter in the search box opens the result with the
    highest data-md-score, so search-korean.js lets scores fall down the list."""
    assert re.search(r'"data-md-score":\w+\.score\.toFixed\(2\)', BUNDLE), "the result's score is no longer rendered as data-md-score"
    assert re.search(r'parseFloat\(\w+\.getAttribute\("data-md-score"\)\)', BUNDLE), \
        "Enter no longer picks the result by data-md-score: check how it picks now"
    partial = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    for name in ("md-search-result__meta", "md-search-result__list"):
        assert f'class="{name}"' in partial, f"partials/search.html has no .{name}: search.js cannot title suggestions"


def test_the_on_page_highlighter_escapes_then_splits_with_the_separator():
    """search.highlight marks ?h= (the result's true terms) on the opened page: Material turns some characters
    into spaces, escapes regular expression characters, then splits with the site's separator; an empty piece
    would mark every position of the page. search-korean.js (`highlightable`) sends only what stays whole, with
    Material's two character classes copied; they must be the installed Material's."""
    found = re.search(r'(\w+)=\1\.replace\((/\[[^/]+\]\+/g)," "\)\.replace\(/&/g,"&amp;"\)\.trim\(\);'
                      r'let \w+=new RegExp\(`\(\^\|\$\{\w+\.separator\}\|\)\(\$\{\1\.replace\((/\[[^/]+\]/g),'
                      r'"\\\\\$&"\)\.replace\(\w+,"\|"\)\}\)`', BUNDLE)
    assert found, "Material's on-page highlighter no longer spaces, escapes and splits ?h= as search-korean.js assumes"
    korean = (ROOT / "docs" / "javascripts" / "search-korean.js").read_text(encoding="utf-8")
    assert f"const MATERIAL_SPACES = {found.group(2)}, MATERIAL_ESCAPES = {found.group(3)};" in korean, \
        f"search-korean.js's copies differ from Material's {found.group(2)} and {found.group(3)}"


def test_a_phone_is_held_by_the_scroll_lock_attribute_while_search_covers_it():
    """search.js moves to a chosen result once the page is free: Material fixes the body while search is open below
    the tablet width and frees it 100 ms after search closes, scrolling back to the old offset in the same callback
    (so search.js, told by a MutationObserver, moves last); the page is fixed exactly while the body has
    data-md-scrolllock."""
    assert re.search(r'document\.body\.setAttribute\("data-md-scrolllock",""\),document\.body\.style\.top=`-\$\{\w+\}px`'
                     r'.{0,80}document\.body\.removeAttribute\("data-md-scrolllock"\),document\.body\.style\.top="",'
                     r'(\w+)&&window\.scrollTo\(0,\1\)', BUNDLE), (
        "Material no longer holds the page with data-md-scrolllock on <body> while search is open: check search.js")
    css = next((TEMPLATES / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert "body[data-md-scrolllock]{position:fixed}" in css, "Material no longer fixes the locked body in place"
