"""학습 모드 as built (hooks/study.py), read without a browser: every question of every topic page is marked up
for the quiz script with a stable id and its answer, study/questions.json holds the same questions (one
source: the pages' Markdown), only pages with questions and the study pages load the study files, and a
question that breaks the format stops the build naming it. The browser side: tests/test_study.py."""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from hooks.lean import SHIPPED, lean
from hooks.study import (ANSWER, ANSWER_TITLE, BOOK_ANSWERS, CHOICES, QUESTIONS_JSON, answers_at_the_end,
                         on_page_content, question_hash)
from sitekit.pages import DOCS, ROOT, config, nav_files, page_html, topic_pages, url
from tests.test_content import questions
from tests.test_js import node_test

JS_TESTS = ROOT / "tests" / "js"
TOPIC_FILES = ["javascripts/study-core.js", "javascripts/study-quiz.js", "stylesheets/study.css"]
SCRIPTS = (*TOPIC_FILES, "javascripts/study-pages.js", "javascripts/study-progress.js", "javascripts/study-exam.js",
           "stylesheets/study-pages.css", QUESTIONS_JSON)
PAGE_FILES = TOPIC_FILES + ["javascripts/study-pages.js", "stylesheets/study-pages.css"]
STUDY_PAGES = {"study/progress.md": PAGE_FILES + ["javascripts/study-progress.js"],
               "study/exam.md": PAGE_FILES + ["javascripts/study-exam.js"]}
# What the quiz may add to a topic page's first visit (gzip), so that the page stays within 100 KiB.
TOPIC_BUDGET_KIB = 8
WRAPPER_ID = re.compile(r"^(?P<page>[a-z0-9][a-z0-9/-]*):(?P<hash>[0-9a-f]{8})$")


def text(element) -> str:
    return element.get_text(" ", strip=True)


def loaded(html: str) -> list[str]:
    """The study files a built page names (scripts, stylesheets, the questions file)."""
    return [name for name in SCRIPTS if name.rsplit("/", 1)[-1] in html]


@pytest.mark.parametrize("page", topic_pages())
def test_every_question_is_wrapped_with_its_id_and_answer(page, soups):
    article = soups[page].select_one("article")
    found = questions(article)
    wrappers = article.select("div.quiz[data-quiz]")
    assert len(wrappers) == len(found), f"{page}: {len(wrappers)} wrappers for {len(found)} questions"
    for wrapper, q in zip(wrappers, found):
        match = WRAPPER_ID.match(wrapper["data-quiz"])
        assert match and match["page"] == page.removesuffix(".md"), wrapper["data-quiz"]
        assert wrapper["id"] == "q-" + match["hash"]
        assert match["hash"] == question_hash(q["text"])
        said = ANSWER.search(text(q["answer"])).group(1)
        assert wrapper["data-answer"] == said
        # the wrapper holds exactly what the Markdown wrote: question, four choices, the answer box
        assert [child.name for child in wrapper.find_all(True, recursive=False)] == ["p", "ol", "details"]
        assert not wrapper.get("style") and wrapper["class"] == ["quiz"]
        assert not wrapper.select("abbr[tabindex]"), f"{page}: a glossary term takes focus in a question"
        # inside a choice's label, a tap on a term to see its meaning answered the question
        assert not wrapper.select("ol abbr"), f"{page}: a glossary term in a choice"


def test_search_finds_questions_and_explanations_but_no_wrong_choice_nor_answer_number(bank, site_dir):
    """Three choices of four are wrong: a search snippet must never show one as if it were a fact; nor the
    explanation's "정답: N번", an answer to a question the reader has not seen."""
    indexed = json.loads((site_dir / "search" / "search_docs.json").read_text(encoding="utf-8"))["docs"]
    plain = lambda html: re.sub(r"\s+", "", BeautifulSoup(html, "html.parser").get_text())  # spacing differs
    quiz = {doc["location"].split("#")[0]: plain(doc["text"]) for doc in indexed if doc["location"].endswith("#quiz")}
    assert {q["page"] for q in bank["questions"]} <= set(quiz)
    shown = []
    for q in bank["questions"]:
        explained = ANSWER.sub("", plain(q["explain"]), count=1)
        assert plain(q["q"])[:30] in quiz[q["page"]] and explained[:30] in quiz[q["page"]], q["id"]
        # a wrong choice, whole (a short one, a service's name, may well stand in the explanation)
        shown += [f"{q['id']}: {plain(c)}" for n, c in enumerate(q["choices"], 1)
                  if n != q["answer"] and len(plain(c)) > 25 and plain(c) in quiz[q["page"]]]
    assert not shown, f"{len(shown)} choices in the search index, e.g. {shown[:3]}"
    numbered = [page for page, text in quiz.items() if ANSWER.search(text)]
    assert not numbered, f"an answer's number is in the search index of {numbered}"


def test_the_stored_answers_know_the_number_of_choices():
    assert f"var CHOICES = {CHOICES};" in (ROOT / "docs/javascripts/study-core.js").read_text(encoding="utf-8")


def test_question_ids_are_unique_and_ignore_the_number():
    assert question_hash("문제 1. 가장 알맞은 것은?") == question_hash("문제 7.  가장   알맞은 것은?")
    assert question_hash("문제 1. 가장 알맞은 것은?") != question_hash("문제 1. 가장 알맞지 않은 것은?")


def test_the_questions_file_holds_every_question_of_the_pages(bank, soups):
    assert bank["version"] == 1
    on_pages = []
    for page in nav_files():
        article = soups[page].select_one("article")
        for wrapper, q in zip(article.select("div.quiz[data-quiz]"), questions(article)):
            on_pages.append((wrapper["data-quiz"], url(page), q))
    assert len(on_pages) >= 130
    assert [q["id"] for q in bank["questions"]] == [qid for qid, _, _ in on_pages]  # nav order
    assert len({q["id"] for q in bank["questions"]}) == len(bank["questions"])
    for record, (qid, page_url, q) in zip(bank["questions"], on_pages):
        assert record["page"] == page_url and record["n"] == q["number"]
        assert f"문제 {q['number']}. " + text(BeautifulSoup(record["q"], "html.parser")) == q["text"]
        assert [text(BeautifulSoup(c, "html.parser")) for c in record["choices"]] == q["choices"]
        explanation = BeautifulSoup(record["explain"], "html.parser")
        assert text(explanation) == text(q["answer"]).removeprefix(ANSWER_TITLE).strip()
        assert str(record["answer"]) == ANSWER.search(text(explanation)).group(1)
        assert "tabindex" not in record["q"] + "".join(record["choices"]) + record["explain"], qid
        assert "<abbr" not in "".join(record["choices"]), f"{qid}: a glossary term in a choice (the 모의고사 draws them)"
        first = q["answer"].select_one('a[href^="#"]')
        assert record["teach"] == {"href": page_url + first["href"], "text": text(first)}


def test_every_topic_page_is_in_the_questions_file_with_its_nav_section(bank):
    pages = {p["page"]: p for p in bank["pages"]}
    assert set(pages) == {url(page) for page in topic_pages()}
    sections = {p["section"] for p in bank["pages"]}
    assert len(sections) >= 10 and "네트워킹" in sections and "컴퓨팅" in sections


def test_links_in_the_questions_file_lead_to_pages_and_anchors_that_exist(bank, site_dir):
    missing = []
    for q in bank["questions"]:
        html = BeautifulSoup(q["q"] + "".join(q["choices"]) + q["explain"], "html.parser")
        for href in [a["href"] for a in html.select("a[href]")] + [q["teach"]["href"]]:
            if re.match(r"^[a-z]+:", href):
                continue
            path, _, anchor = href.partition("#")
            target = site_dir / path / "index.html"
            if not target.is_file():
                missing.append(f"{q['id']}: {href} (no page)")
            elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                missing.append(f"{q['id']}: {href} (no anchor)")
    assert not missing, "\n".join(missing)


def test_the_shipped_scripts_are_the_sources_without_comments_and_pass_the_node_tests(site_dir):
    """The build ships the site's own scripts and stylesheets without their comments (hooks/lean.py): each shipped
    script parses, and the node tests (tests/js) pass on the shipped copies and the site's own questions (the
    mock exam draws from ten sections of them)."""
    for pattern in SHIPPED:
        for shipped in sorted(site_dir.glob(pattern)):
            source = (DOCS / shipped.relative_to(site_dir)).read_text(encoding="utf-8")
            text = shipped.read_text(encoding="utf-8")
            assert text == lean(source, shipped.suffix != ".css") and len(text) < len(source), shipped.name
            if shipped.suffix != ".css":
                check = subprocess.run(["node", "--check", str(shipped)], capture_output=True, text=True)
                assert check.returncode == 0, f"{shipped.name}: {check.stderr}"
    env = {**os.environ, "STUDY_SCRIPTS": str(site_dir / "javascripts"),
           "STUDY_QUESTIONS": str(site_dir / QUESTIONS_JSON)}
    result = node_test(*sorted(JS_TESTS.glob("study-*.test.js")), env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_pages_with_questions_and_the_study_pages_load_study_files(site_dir, soups):
    wrong = []
    for page in nav_files():
        names = loaded(page_html(site_dir, page))
        has_questions = bool(soups[page].select("div.quiz[data-quiz]"))
        # a topic page's script links study.css itself, when it starts (nothing else on the page uses it)
        expected = TOPIC_FILES[:2] if has_questions else STUDY_PAGES.get(page, [])
        if sorted(names) != sorted(expected):
            wrong.append(f"{page}: loads {names}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_a_topic_page_pays_at_most_its_budget_for_the_quiz(site_dir):
    size = sum(len(gzip.compress((site_dir / name).read_bytes(), 9)) for name in TOPIC_FILES)
    assert size <= TOPIC_BUDGET_KIB * 1024, f"the quiz costs a topic page {size / 1024:.1f} KiB gzip"


@pytest.mark.parametrize("old,new,says", [
    ("4. 172.20.0.0/16\n", "", "문제 1: the four choices"),
    ("??? success \"정답과 해설\"", "??? success \"해설\"", "문제 1: ??? success"),
    ("**정답: 4번**", "**4번**", "문제 1: the answer box says no"),
    ("**정답: 4번**", "**정답: 5번**", "문제 1: 정답: 5번 is not a choice (1 to 4)"),
], ids=["three choices", "another box title", "no answer", "no such choice"])
def test_a_question_that_breaks_the_format_stops_the_build_naming_it(old, new, says):
    """The hook raises MkDocs' PluginError (which stops any build) naming the page and the question."""
    src = (DOCS / "networking/rfc-1918.md").read_text(encoding="utf-8")
    assert old in src
    html = markdown.markdown(src.replace(old, new, 1), extensions=config().markdown_extensions,
                             extension_configs=config().mdx_configs)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="networking/rfc-1918.md"), url="networking/rfc-1918/")
    with pytest.raises(PluginError, match=re.escape(f"networking/rfc-1918.md {says}")):
        on_page_content(html, page, config(), None)


def test_the_book_moves_a_pages_answers_after_its_questions_and_references():
    """The book's copy of a page (hooks/print_site.py) has its questions without their answer boxes, then, after
    the references, a section with each box titled by its question's number; a page without questions stays."""
    src = (DOCS / "networking/rfc-1918.md").read_text(encoding="utf-8")
    html = markdown.markdown(src, extensions=config().markdown_extensions, extension_configs=config().mdx_configs)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="networking/rfc-1918.md"), url="networking/rfc-1918/",
                           title="RFC 1918", parent=None, meta={})
    content = on_page_content(html, page, config(), None)
    book = BeautifulSoup(answers_at_the_end(content), "html.parser")
    asked = book.select("div.quiz")
    assert asked and not book.select("div.quiz details")
    assert [h["id"] for h in book.select("h2")][-3:] == ["quiz", "참고", "answers"]
    assert book.select("h2")[-1].get_text(strip=True) == BOOK_ANSWERS
    boxes = book.select("h2#answers ~ details")
    assert [box.summary.get_text(strip=True) for box in boxes] == [f"문제 {n}" for n in range(1, len(asked) + 1)]
    assert all(ANSWER.search(box.get_text(" ", strip=True)) for box in boxes)
    assert answers_at_the_end("<h1>홈</h1><p>문제 없음</p>") == "<h1>홈</h1><p>문제 없음</p>"
