"""The site as a learner meets it: every page exists, is titled, described, tagged, and holds the notes."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from hooks.glossary import ALIAS_CLASS, ALIAS_LINE, glossary_entries, load_terms
from scripts.notes import TYPOS, missing_lines
from sitekit.pages import ROOT, config, front_matter, nav_files, page_html, topic_pages
from tests.test_content import CHANGING_FIGURE, not_hapsyo

PILLARS = {"운영 우수성", "보안", "안정성", "성능 효율성", "비용 최적화", "지속 가능성"}  # Well-Architected
STUDY = "study/"  # 학습: quiz progress and the mock exam (hooks/study.py), tagged with no pillar

# Where the notes compare things, the page shows a table.
COMPARISON_PAGES = {
    "networking/network-acl.md": ["보안 그룹", "NACL"],
    "compute/elb.md": ["ALB", "NLB", "GLB", "CLB"],
    "compute/auto-scaling.md": ["대상 추적", "OldestLaunchTemplate"],
    "database/elasticache.md": ["지연 로딩", "라이트-스루"],
    "cicd/codedeploy.md": ["블루/그린", "In-place"],
    "database/rds.md": ["다중 AZ", "읽기 전용 복제본"],
}


def headings(body: str, level: int) -> list[str]:
    """Markdown headings of one level, outside fenced code."""
    found, fenced = [], False
    for line in body.splitlines():
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
        elif not fenced and re.match(rf"^{'#' * level} \S", line):
            found.append(line[level + 1 :].strip())
    return found


def test_there_is_a_page_for_every_topic_of_the_notes():
    assert len(topic_pages()) >= 33 and len(nav_files()) == len(set(nav_files())), "a page is listed twice in nav"


def test_the_tags_allowed_are_the_well_architected_pillars():
    assert {tag.name for tag in config().plugins["material/tags"].config["tags_allowed"]} == PILLARS


@pytest.mark.parametrize("page", nav_files())
def test_page_has_one_h1_a_description_and_a_pillar_tag(page, soups):
    meta, body = front_matter(page)
    assert len(headings(body, 1)) == 1, f"{page}: needs exactly one H1"
    assert body.lstrip().startswith("# "), f"{page}: the H1 comes first"
    description = " ".join(str(meta.get("description", "")).split())
    assert 40 <= len(description) <= 200, f"{page}: description of {len(description)} characters"
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", description) if s]
    assert 1 <= len(sentences) <= 2, f"{page}: a description of {len(sentences)} sentences (one or two)"
    wrong = not_hapsyo(description, False)
    assert not wrong, f"{page}: description not in 합쇼체: {wrong}"
    figure = CHANGING_FIGURE.search(description)
    assert not figure, f"{page}: a changing figure in the description ({figure.group(0)}): it cannot be dated there"
    tags = meta.get("tags") or []
    if page.startswith(STUDY):
        # the study pages (학습 현황, 모의고사) are tools, not topics: no pillar fits, none is claimed
        assert not tags, f"{page}: a study page has no Well-Architected pillar tag"
    else:
        assert tags and set(tags) <= PILLARS, f"{page}: tags {tags} must be Well-Architected pillars"
    assert "TODO" not in soups[page].select_one("article").get_text(), f"{page}: placeholder text"


@pytest.mark.parametrize("page", topic_pages())
def test_service_page_links_official_docs_and_related_pages(page, soups):
    article = soups[page].select_one("article")
    hrefs = [a.get("href", "") for a in article.find_all("a")]
    assert any(re.match(r"https://(docs\.)?aws\.amazon\.com/", h) for h in hrefs), f"{page}: no AWS docs link"
    internal = [h for h in hrefs if h and not h.startswith(("http", "#", "mailto:"))]
    assert len(internal) >= 2, f"{page}: fewer than two cross-links"


def test_the_search_finds_the_alias_line_by_the_label_the_pages_use():
    """search-korean.js reads a page's alias line by its label, as hooks/glossary.py keeps tooltips off it: one
    label, written in both languages."""
    js = (ROOT / "docs" / "javascripts" / "search-korean.js").read_text(encoding="utf-8")
    assert re.search(rf'const ALIAS = "{re.escape(ALIAS_LINE)}:";', js), (
        f"search-korean.js's ALIAS is not '{ALIAS_LINE}:' (hooks/glossary.py ALIAS_LINE)")


@pytest.mark.parametrize("page", topic_pages())
def test_topic_page_opens_with_its_summary_and_other_names_and_ends_with_related_pages(page, soups):
    """Under the title, `> 한 줄 요약: …` and the **다른 이름·관련어** line (the search finds a page by its other
    names and related terms);
    in 참고, a `관련 문서:` line with two links or more into the site."""
    article = soups[page].select_one("article")
    after_title = article.select_one("h1").find_next_siblings(limit=2)
    assert [e.name for e in after_title] == ["blockquote", "p"], f"{page}: the summary and other names follow the title"
    summary, names = after_title
    assert re.match(r"한 줄 요약: \S", summary.get_text(" ", strip=True)), f"{page}: no '> 한 줄 요약: …'"
    label = names.find("strong")
    assert label is not None and label.get_text() == ALIAS_LINE and re.match(rf"{ALIAS_LINE}\s*:\s*\S",
                                                                           names.get_text(strip=True)), (
        f"{page}: no '**{ALIAS_LINE}**: …' line under the summary")
    assert names.get("class") == [ALIAS_CLASS], f"{page}: the alias line is not marked {ALIAS_CLASS} (hooks/glossary.py)"
    references = article.select_one("h2#참고, h2#references")
    related = [li for li in (references.find_next("ul").select(":scope > li") if references else [])
               if li.get_text(strip=True).startswith("관련 문서")]
    links = [a["href"] for li in related for a in li.select("a[href]") if not a["href"].startswith(("http", "#"))]
    assert len(links) >= 2, f"{page}: 참고 has no '관련 문서:' line with two links into the site"


def test_every_note_line_is_on_its_page(site_dir):
    missing = missing_lines(site_dir)
    assert not missing, "note lines missing from their pages:\n" + "\n".join(missing)


def test_typos_of_the_notes_are_fixed(soups):
    """The notes' typos (scripts/notes.py `TYPOS`): none may reach a page."""
    for page, soup in soups.items():
        text = soup.select_one("article").get_text(" ")
        found = [t for t in TYPOS if t in text]
        assert not found, f"{page}: typos {found}"


def test_materials_section_tracking_stays_off(site_dir):
    """With navigation.tracking, a link tapped while the page was still scrolling (오답 노트 at a topic page's end) got
    the old page's heading written into the new page's address after instant navigation: 학습 현황 opened at
    #복습-포인트, which it does not have, instead of #wrong (5 of 5 tries in Chromium)."""
    config = json.loads(BeautifulSoup(page_html(site_dir, "networking/vpc.md"), "html.parser").select_one("#__config").string)
    assert "navigation.tracking" not in config["features"]


def test_no_page_shows_markdown_emphasis_markers(soups):
    """Bold that ends in a parenthesis and is followed by a particle (``**리전(`us-east-1`)**에서``) is not
    emphasis to pymdownx.betterem: the reader sees the asterisks. Write ``**리전**(`us-east-1`)에서`` instead."""
    for page, soup in soups.items():
        shown = [s.strip()[:40] for s in soup.select_one("article").find_all(string=True)
                 if "**" in s and not s.find_parent(["code", "pre"])]
        assert not shown, f"{page}: literal ** in {shown}"


@pytest.mark.parametrize("page,words", COMPARISON_PAGES.items())
def test_comparisons_are_tables(page, words, soups):
    tables = soups[page].select("article table")
    assert tables, f"{page}: no table"
    text = " ".join(" ".join(t.get_text(" ") for t in tables).split())
    for word in words:
        assert word in text, f"{page}: comparison table lacks {word!r}"


def test_every_tab_title_names_its_page_the_home_and_the_404_page_included(soups, site_dir):
    site = config().site_name
    for page, soup in soups.items():
        h1 = "".join(soup.select_one("article h1").find_all(string=True, recursive=False)).strip()  # not its ¶
        assert soup.title.string in ({site} if page == "index.md" else {f"{h1} - {site}"}), page
    missing = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert missing.title.string == f"{missing.select_one('article h1').get_text()} - {site}"


def test_glossary_has_40_terms_in_both_languages():
    entries = glossary_entries()
    assert len(entries) >= 40
    for term in ["VPC", "AZ", "IGW", "NACL", "ASG", "ALB", "NLB", "AMI", "EBS", "RDS", "KMS", "CMK", "IAM",
                 "IaC", "CDN", "PoP", "RTO", "RPO", "TTL"]:
        assert term in dict(entries), term
    for term, meaning in entries:
        assert re.search(r"[A-Za-z]", meaning) and re.search(r"[가-힣]", meaning), f"{term}: {meaning}"


def test_glossary_terms_are_tooltips_on_every_page(soups):
    meanings = dict(glossary_entries())
    for page in nav_files():
        abbrs = soups[page].select("article abbr[title]")
        if page == "reference/tags.md":
            continue  # a generated listing of page titles
        assert abbrs, f"{page}: no glossary tooltip"
        for abbr in abbrs:
            assert abbr["title"] == meanings[abbr.get_text()], f"{page}: {abbr}"


def test_glossary_page_lists_every_abbreviation_and_term(soups):
    article = soups["reference/glossary.md"].select_one("article")
    abbreviations = article.select_one(".glossary table").get_text(" ")
    assert [term for term, _ in glossary_entries() if term not in abbreviations] == []
    terms = " ".join(article.select_one(".terminology table").get_text(" ").split())
    assert [e["term"] for e in load_terms() if " ".join(e["term"].split()) not in terms] == []
    # each source link says whose it is (not one "보기" after another, WCAG 2.4.4)
    links = [a.get_text(" ", strip=True) for a in article.select(".terminology table a")]
    assert len(links) == len(load_terms()) == len(set(links)), links


def test_home_shows_the_study_roadmap(soups):
    home = soups["index.md"]
    text = home.select_one("article").get_text(" ")
    assert "진행 순서" in text or "학습 순서" in text
    assert home.select("article pre.mermaid"), "the roadmap is drawn as a diagram"
    links = {a.get("href") for a in home.select("article a")}
    for category in ["networking/", "compute/", "database/", "containers/"]:
        assert any(h and h.startswith(category) for h in links), category


def test_headings_have_korean_slugs(soups):
    ids = [h.get("id", "") for h in soups["compute/auto-scaling.md"].select("article h2, article h3")]
    assert ids and not any(re.fullmatch(r"_\d*", i) for i in ids), ids
    assert any(re.search(r"[가-힣]", i) for i in ids)


def test_pages_are_korean_and_load_nothing_from_another_host(soups):
    """No CDN script, stylesheet or font: everything a page loads is in the site."""
    for page, soup in soups.items():
        assert soup.html["lang"] == "ko", page
        for tag in soup.select("link[href], script[src]"):
            address = tag.get("href") or tag["src"]
            assert not address.startswith(("http://", "https://", "//")) or tag.get("rel") == ["canonical"], (page, tag)


def test_the_footer_credits_material_once_in_korean(site_dir):
    footer = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".md-copyright")
    assert footer.get_text(" ", strip=True) == "원본 노트 © 작성자 · 사이트 제작: MkDocs + Material for MkDocs"
