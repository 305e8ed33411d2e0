"""MkDocs hook: the 확인 문제 of every topic page become questions a learner answers (학습 모드).

The questions stay in each page's Markdown, in the format README "확인 문제" sets (``**문제 N.**`` paragraph,
an ordered list of four choices, a collapsed ``??? success "정답과 해설"`` box saying ``정답: N번``): one source
for the page, the search index, the printout, the book and the quiz. `on_page_content`, on every page with a
``<h2 id="quiz">`` section:

- keeps the choices out of the search index (``data-search-exclude``, Material's documented attribute): three of
  four are wrong, and a search snippet would show one as if it were a fact; and the answer box's "정답: N번";
- wraps each question in ``<div class="quiz" id="q-<hash>" data-quiz="<id>" data-answer="N">``, a block with
  no style of its own, so without JavaScript and on paper the page reads as before (the book moves the answers:
  `answers_at_the_end`). The id is the page and a hash of the question's text (not its number), so renumbering
  or inserting a question does not hand one question's stored answer to another;
- gives the page the quiz's scripts through ``page.meta["scripts"]`` (loaded by overrides/main.html inside
  Material's container, so they also run after instant navigation); a page without questions loads none;
- collects each question for `on_post_build`, which writes them in nav order to ``study/questions.json`` for
  the 학습 현황 and 모의고사 pages (docs/study/).

A question that breaks the format fails the build with the page and the question's number.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.exceptions import PluginError

QUESTIONS_JSON = "study/questions.json"
SCRIPTS = ["javascripts/study-core.js", "javascripts/study-quiz.js"]
QUIZ_SECTION = re.compile(r'<h2 id="quiz"[^>]*>.*?</h2>(.*?)(?=<h2\b|\Z)', re.S)
QUESTION = re.compile(r"^문제 (\d+)\.\s*")
CHOICES = 4  # every question has four (docs/javascripts/study-core.js reads no stored choice beyond them)
ANSWER = re.compile(r"정답:\s*(\d+)번")
ANSWER_TITLE = "정답과 해설"  # the title of the box that holds a question's answer and explanation
BOOK_ANSWERS = "확인 문제 정답과 해설"  # the book's section that holds a page's answers (`answers_at_the_end`)
BASE = "http://site.invalid/"  # resolves page-relative links into site-root-relative ones

_questions: dict[str, list[dict]] = {}  # page src_uri → its questions, filled by on_page_content
_pages: dict[str, dict] = {}
_order: list[str] = []  # nav order of the pages (on_nav)


def question_hash(text: str) -> str:
    """8 hex digits of SHA-1 over the question's text without its number, whitespace collapsed."""
    normal = " ".join(QUESTION.sub("", " ".join(text.split())).split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:8]


def site_relative(href: str, page_url: str) -> str:
    """A link of the page, made relative to the site root (``#ranges`` → ``networking/rfc-1918/#ranges``);
    a link to another host stays as it is."""
    if urlsplit(href).scheme:
        return href
    return urljoin(BASE + page_url, href).removeprefix(BASE)


def inner_html(tag: Tag, page_url: str) -> str:
    """The tag's content as HTML, its links made relative to the site root (for another page to show)."""
    copy = BeautifulSoup(tag.decode_contents(), "html.parser")
    for link in copy.select("a[href]"):
        link["href"] = site_relative(link["href"], page_url)
    return str(copy).strip()


def answers_at_the_end(html: str) -> str:
    """A page's content as the book prints it (hooks/print_site.py): each question's 정답과 해설 box leaves its
    question for a section at the end of the page, titled with the question's number, so that a reader of the
    printed book answers the questions before seeing the answers (on paper every box is open). A page without
    questions is returned as it is."""
    match = QUIZ_SECTION.search(html)
    if match is None:
        return html
    section = BeautifulSoup(match.group(1), "html.parser")
    answers = BeautifulSoup(f'<h2 id="answers">{BOOK_ANSWERS}</h2>', "html.parser")
    for quiz in section.select("div.quiz"):
        box = quiz.find("details", recursive=False)
        box.summary.string = "문제 " + QUESTION.match(quiz.p.get_text(" ", strip=True)).group(1)
        answers.append(NavigableString("\n"))
        answers.append(box.extract())
    if not answers.find("details"):
        return html
    return html[: match.start(1)] + str(section) + html[match.end(1):] + "\n" + str(answers)


def on_pre_build(config):
    _questions.clear()
    _pages.clear()
    _order.clear()


def on_page_content(html, page, config, files):
    match = QUIZ_SECTION.search(html)
    if match is None:
        return html
    src = page.file.src_uri
    section = BeautifulSoup(match.group(1), "html.parser")
    # A glossary term takes keyboard focus for Material's tooltip (hooks/glossary.py), which Material mounts on
    # what is on the page at load. The quiz draws its choices by script and the study pages draw the questions
    # file: a term there would be a Tab stop that shows nothing (and one inside a choice's label).
    for term in section.select("abbr[tabindex]"):
        del term["tabindex"]
    found = []
    items = [node for node in section.children if isinstance(node, Tag)]
    for i, p in enumerate(items):
        number = QUESTION.match(p.get_text(" ", strip=True)) if p.name == "p" else None
        if not number:
            continue
        where = f"{src} 문제 {number.group(1)}"
        choices, answer = (items[i + 1] if i + 1 < len(items) else None), (items[i + 2] if i + 2 < len(items) else None)
        if choices is None or choices.name != "ol" or len(choices.find_all("li", recursive=False)) != CHOICES:
            raise PluginError(f"hooks/study.py: {where}: the four choices (1. … 4.) must follow the question")
        # A glossary term in a choice sat inside the choice's label: a tap on it to see its meaning answered the
        # question. The choices keep the term's text only.
        for term in choices.select("abbr"):
            term.unwrap()
        summary = answer.find("summary") if answer is not None and answer.name == "details" else None
        if summary is None or summary.get_text(strip=True) != ANSWER_TITLE:
            raise PluginError(f'hooks/study.py: {where}: ??? success "{ANSWER_TITLE}" must follow the choices')
        right = ANSWER.search(answer.get_text(" ", strip=True))
        if not right:
            raise PluginError(f"hooks/study.py: {where}: the answer box says no '정답: N번'")
        if not 1 <= int(right.group(1)) <= CHOICES:
            raise PluginError(f"hooks/study.py: {where}: 정답: {right.group(1)}번 is not a choice (1 to {CHOICES})")
        digest = question_hash(p.get_text(" ", strip=True))
        qid = f"{src.removesuffix('.md').removesuffix('/index')}:{digest}"  # networking/vpc.md → networking/vpc:…
        if any(q["id"] == qid for q in found):
            raise PluginError(f"hooks/study.py: {where}: the same question twice on the page")

        # the record for the study pages (before the page's own markup changes)
        text = BeautifulSoup(p.decode_contents(), "html.parser")
        label = text.find("strong")
        if label is not None and QUESTION.match(label.get_text(strip=True)):
            label.decompose()
        explanation = BeautifulSoup(answer.decode_contents(), "html.parser")
        explanation.find("summary").decompose()
        teach = answer.select_one('a[href^="#"]')
        found.append({
            "id": qid,
            "page": page.url,
            "n": int(number.group(1)),
            "q": inner_html(text, page.url),
            "choices": [inner_html(li, page.url) for li in choices.find_all("li", recursive=False)],
            "answer": int(right.group(1)),
            "explain": inner_html(explanation, page.url),
            "teach": {"href": site_relative(teach["href"], page.url), "text": teach.get_text(" ", strip=True)}
            if teach is not None else None,
        })

        # Material's search leaves the choices out: three of the four are wrong, and a search result's snippet
        # would show one as if it were a fact (the question and its explanation stay searchable), and the
        # explanation's "정답: N번", which a snippet showed as the answer to a question the reader had not seen.
        choices["data-search-exclude"] = ""
        for strong in answer.find_all("strong"):
            if ANSWER.fullmatch(strong.get_text(" ", strip=True)):
                strong["data-search-exclude"] = ""
        wrapper = section.new_tag("div", attrs={"class": "quiz", "id": f"q-{digest}", "data-quiz": qid,
                                                "data-answer": right.group(1)})
        p.insert_before(wrapper)
        for element in (p, choices, answer):
            wrapper.append(NavigableString("\n"))
            wrapper.append(element.extract())
        wrapper.append(NavigableString("\n"))
    if not found:
        return html

    _questions[src] = found
    _pages[src] = {"page": page.url, "title": page.title,
                   "section": page.parent.title if page.parent is not None else page.title}
    meta = page.meta
    meta["scripts"] = [*(meta.get("scripts") or []), *SCRIPTS]
    return html[: match.start(1)] + str(section) + html[match.end(1):]


def on_nav(nav, config, files):
    _order[:] = [page.file.src_uri for page in nav.pages]
    return nav


def on_post_build(config):
    order = [src for src in _order if src in _questions]
    data = {
        "version": 1,
        "pages": [_pages[src] for src in order],
        "questions": [q for src in order for q in _questions[src]],
    }
    site = Path(config["site_dir"])
    path = site / QUESTIONS_JSON
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
