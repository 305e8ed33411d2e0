"""What the site teaches: every added fact cites AWS, corrections are marked on the note's line,
one Korean term per concept, descriptions, questions and explanations in 합쇼체, changing figures dated, key
facts present.

The rules are in README ("내용 규칙"); each test names the page and the text it objects to.
"""
from __future__ import annotations

import re

import pytest
from bs4 import Comment, Tag

from hooks.glossary import ALIAS_LINE, load_terms
from hooks.study import ANSWER, ANSWER_TITLE, QUESTION
from sitekit.pages import DOCS, ROOT, nav_files, topic_pages

AWS_SOURCE = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/")
# Boxes that state AWS facts; 팁 boxes only point to other pages.
FACT_BOXES = ("정정", "업데이트", "주의", "보충", "참고", "노트 작성 시점")
# Where the current figure is published (a figure "as of the notes" links to one of them).
CURRENT_FIGURES = re.compile(
    r"^https://(aws\.amazon\.com/(ko/)?about-aws/global-infrastructure|aws\.amazon\.com/(ko/)?cloudfront/features"
    r"|docs\.aws\.amazon\.com/(ko_kr/)?global-infrastructure/)"
)
# Counts of the world-wide footprint (two digits and more: "3개 AZ" of one Region is architecture).
CHANGING_FIGURE = re.compile(
    r"\d{2,}[\d,]*\s*(개|곳)\s*(이상의\s*)?(의\s*)?(리전|가용 영역|AZ|PoP|국가|엣지 로케이션|로컬 영역|Local Zone)"
    r"|\d{2,}[\d,]*\s*가지가 넘는 서비스"
)


def box_title(box: Tag | None) -> str:
    title = box.select_one(":scope > .admonition-title, :scope > summary") if box else None
    return title.get_text(" ", strip=True) if title else ""


BOX = "div.admonition, details"  # an admonition or a collapsible block


def boxes(root: Tag) -> list[tuple[str, Tag]]:
    """(title, element) of every box."""
    return [(box_title(box), box) for box in root.select(BOX)]


def aws_links(element: Tag) -> list[str]:
    return [a["href"] for a in element.select("a[href]") if AWS_SOURCE.match(a["href"])]


SKIP_CLASSES = {"mermaid", "headerlink", "terminology", "glossary", "md-tags"}


def skipped(tag: Tag) -> bool:
    """Not prose: code, diagrams, heading links, the term and abbreviation lists, tags, the alias line
    (search synonyms), and struck-through old names (~~고객 마스터 키~~)."""
    return (tag.name in ("pre", "code", "del") or not SKIP_CLASSES.isdisjoint(tag.get("class") or ())
            or (tag.name == "p" and tag.get_text(strip=True).startswith(ALIAS_LINE)))


def prose(root: Tag) -> str:
    """The article's readable text, without what `skipped` names."""
    parts = []

    def walk(tag):
        for child in tag.children:
            if isinstance(child, Tag):
                if not skipped(child):
                    walk(child)
            elif isinstance(child, str) and not isinstance(child, Comment):
                parts.append(child)

    walk(root)
    text = " ".join(" ".join(parts).split())
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))  # "키( CMK )": an <abbr> inside a gloss


@pytest.fixture(scope="module")
def pages(soups) -> dict[str, Tag]:
    return {page: soup.select_one("article") for page, soup in soups.items()}


# --- sources -----------------------------------------------------------------------------------


RFC_SOURCE = re.compile(r"^https://datatracker\.ietf\.org/doc/html/rfc\d+")  # RFC 1918's own arithmetic


def cites(box: Tag) -> bool:
    """``출처:`` in ``box`` followed by a link to AWS (or to an RFC)."""
    said = box.find(string=re.compile("출처:"))
    link = said.find_next("a", href=lambda h: bool(h and (AWS_SOURCE.match(h) or RFC_SOURCE.match(h)))) if said else None
    return bool(link) and box in link.parents


def test_every_box_that_states_a_fact_cites_an_aws_page(pages):
    missing = [
        f"{page}: 「{title}」"
        for page, root in pages.items()
        for title, box in boxes(root)
        if title.startswith(FACT_BOXES) and not aws_links(box)
    ]
    missing += [
        f"{page}: 「{title}」 of 「{box.find_previous(string=re.compile('^문제 ')) or '?'}」 has no 출처: with an AWS (or RFC) link"
        for page, root in pages.items()
        for title, box in boxes(root)
        if title == ANSWER_TITLE and not cites(box)  # AWS, or the RFC for RFC 1918 arithmetic
    ]
    assert not missing, "boxes without their source:\n" + "\n".join(missing)


def test_a_source_starts_its_own_line_or_stands_in_brackets(pages):
    """Markdown joins a "출처:" line to the text just above it into one paragraph: it needs a blank line."""
    run_on = [f"{page}: {block.get_text(' ', strip=True)[:60]}…"
              for page, root in pages.items()
              for said in root.find_all(string=re.compile("출처:"))
              if not re.search(r"\(출처:", said)
              and not (block := said.find_parent(["p", "li", "td"])).get_text(strip=True).startswith("출처:")]
    assert not run_on, "출처: run on after the text:\n" + "\n".join(run_on)


def test_every_table_names_its_source(pages):
    """A table the site made is followed by a 출처 line (AWS links where it adds facts)."""
    missing = []
    for page, root in pages.items():
        for table in root.select("table"):
            if table.find_parent(class_="terminology") or table.find_parent("div", class_="admonition"):
                continue  # the generated term list; a table in a box cites with its box
            wrapper = (table.find_parent("div", class_="glossary")  # generated: its 출처 follows the block
                       or table.find_parent("div", class_="md-typeset__table") or table)
            after = wrapper.find_next_sibling()
            if after is None or not after.get_text(strip=True).startswith("출처"):
                head = " | ".join(th.get_text(strip=True) for th in table.select("th"))
                missing.append(f"{page}: table [{head}]")
    assert not missing, "tables without a 출처 line right after them:\n" + "\n".join(missing)


# --- corrections -------------------------------------------------------------------------------


# A marked note line ends in "(정정&nbsp;↓)" or "(업데이트&nbsp;↓)": the no-break space keeps the marker on one line.
MARK_KINDS = ("정정", "업데이트")
MARKED = re.compile(rf"\(({'|'.join(MARK_KINDS)})(\s)↓\)")


def test_a_marked_note_line_is_followed_by_its_correction(pages):
    problems = []
    for page, root in pages.items():
        for node in root.find_all(string=MARKED):
            kind, space = MARKED.search(node).groups()
            if space != "\xa0":
                problems.append(f"{page}: 「{node.strip()[:60]}」: write the marker as ({kind}&nbsp;↓) (a phone may wrap it)")
            title = box_title(node.find_next(lambda tag: tag.css.match(BOX)))
            if not title.startswith(kind):
                line = node.find_parent(["li", "p", "td"]) or node.parent
                problems.append(f"{page}: 「{line.get_text(' ', strip=True)[:60]}」 is marked for a {kind} box, "
                                f"but the next box is 「{title}」")
    assert not problems, "\n".join(problems)


def test_every_correction_box_belongs_to_a_marked_line(pages):
    problems = []
    for page, root in pages.items():
        for title, box in boxes(root):
            kind = next((k for k in MARK_KINDS if title.startswith(k)), None)
            if kind is None:
                continue
            before = box.find_previous(string=MARKED)
            if before is None or MARKED.search(before).group(1) != kind:
                problems.append(f"{page}: 「{title}」 box has no line marked for it before it")
    assert not problems, "\n".join(problems)


# --- terminology -------------------------------------------------------------------------------


def test_terms_file_is_complete():
    terms = load_terms()
    assert len(terms) >= 30
    for entry in terms:
        assert entry["term"] and entry["concept"], entry
        assert re.match(r"^https://docs\.aws\.amazon\.com/ko_kr/", entry["source"]), entry
        assert entry["term"] not in entry.get("avoid", []), entry


def test_one_term_per_concept(pages):
    """An avoided variant may stand only as a gloss right after its term: 보안 그룹(Security Group)."""
    checks = [(entry["term"], variant, re.compile(
        rf"(?<!{re.escape(entry['term'])}\()(?<!{re.escape(entry['term'])} \(){re.escape(variant)}"))
        for entry in load_terms() for variant in entry["avoid"]]
    found = []
    for page, root in pages.items():
        text = prose(root)
        for term, variant, pattern in checks:
            match = pattern.search(text)
            if match:
                at = match.start()
                found.append(f"{page}: 「{variant}」 → 「{term}」 … {text[max(0, at - 25):at + 25]} …")
    assert not found, "use the AWS Korean term (data/terminology.yml):\n" + "\n".join(found)


# --- changing figures -----------------------------------------------------------


def test_changing_figures_are_dated_and_linked(pages):
    problems = []
    for page, root in pages.items():
        for element in root.select("li, p, tr"):
            if element.select_one("li, p, tr"):
                continue  # judge the innermost block
            text = element.get_text(" ", strip=True)
            figure = CHANGING_FIGURE.search(text)
            if figure and "노트 작성 시점" not in text:
                problems.append(f"{page}: 「{figure.group(0)}」 without 노트 작성 시점 기준 in 「{text[:70]}」")
        if CHANGING_FIGURE.search(prose(root)) and not any(
            CURRENT_FIGURES.match(a["href"]) for a in root.select("a[href]")
        ):
            problems.append(f"{page}: changing figures but no link to where the current number is published")
    assert not problems, "\n".join(problems)


# --- what a learner needs that the notes lack -------------------------------------------------------

# Facts each page must add in a 보충 box, words the boxes must contain: what a learner preparing for the SAA
# exam needs that the notes lack (encryption, versioning, replicas, limits …).
SUPPLEMENTS = {
    "messaging/sqs.md": ["FIFO", "표준 대기열", "DLQ", "긴 폴링", "14일", "MiB", "지연 대기열", "15분",
                         "인스턴스당 백로그"],
    "messaging/sns.md": ["256 KiB", "1 MiB", "대기열 정책", "sqs:SendMessage", "고객 관리형 키"],
    "storage/ebs.md": ["gp3", "io2", "st1", "sc1", "가용 영역", "EBS 기본 암호화", "복사하면서 암호화"],
    "storage/s3.md": ["S3 Standard", "Intelligent-Tiering", "Glacier", "SSE-S3", "퍼블릭 액세스 차단", "ACL",
                      "강력한", "SSE-C", "버전 관리", "MFA Delete", "Object Lock", "규정 준수 모드", "거버넌스 모드"],
    "database/rds.md": ["자동 백업", "특정 시점", "스냅샷", "암호화", "최대 15개", "교차 리전", "IAM 데이터베이스 인증",
                        "Secrets Manager"],
    "database/aurora.md": ["6개", "3개", "Global Database", "Serverless v2", "클러스터 엔드포인트", "리더 엔드포인트",
                           "사용자 지정 엔드포인트", "인스턴스 엔드포인트"],
    "database/elasticache.md": ["전송 중 암호화", "저장 데이터 암호화", "AUTH", "RBAC"],
    "security/iam.md": ["사용자", "그룹", "역할", "정책", "명시적 거부", "인스턴스 프로파일", "권한 경계", "SCP"],
    "security/kms.md": ["고객 관리형 키", "AWS 관리형 키", "키 정책", "교체", "봉투 암호화", "다중 리전 키"],
    "networking/route-53.md": ["가중치 기반", "지연 시간", "장애 조치", "별칭", "CNAME", "프라이빗 호스팅 영역"],
    "networking/vpc.md": ["NAT 게이트웨이", "퍼블릭 서브넷", "탄력적 IP", "가용 영역", "Site-to-Site VPN",
                          "Direct Connect", "Transit Gateway"],
    "networking/cloudfront.md": ["오리진 액세스 제어(OAC)", "서명된 URL", "서명된 쿠키"],
    "management/cloudwatch.md": ["CloudWatch 에이전트", "이벤트 기록", "90일", "관리 이벤트", "데이터 이벤트",
                                 "기본 모니터링", "세부 모니터링", "지표 필터", "Logs Insights", "구독 필터"],
    "management/cloudformation.md": ["StackSets", "DeletionPolicy"],
    "cicd/codedeploy.md": ["배포 구성", "AllAtOnce", "HalfAtATime", "OneAtATime", "AppSpec", "자동 롤백"],
    "containers/ecs.md": ["Fargate", "EC2", "태스크 역할", "태스크 실행 역할", "awsvpc"],
    "compute/auto-scaling.md": ["최소", "원하는", "최대", "상태 확인", "ELB", "수명 주기 후크", "상태 확인 유예 기간"],
    "compute/ec2.md": ["스팟", "2분", "큰 할인율", "배치 그룹", "인스턴스 스토어", "IMDSv2"],
    "architecture/autoscaling-cloudwatch-elb.md": ["상태 확인 유예 기간"],
}
EXAM_BOX = "보충: 시험 전에 알아 둘 것"


def supplement_text(root: Tag) -> str:
    return " ".join(box.get_text(" ") for title, box in boxes(root) if title.startswith("보충"))


@pytest.mark.parametrize("page,words", SUPPLEMENTS.items(), ids=SUPPLEMENTS)
def test_page_adds_the_facts_a_learner_needs(page, words, pages):
    text = " ".join(supplement_text(pages[page]).split())
    missing = [w for w in words if w not in text]
    assert text, f"{page}: no 보충 box"
    assert not missing, f"{page}: the 보충 boxes do not mention {missing}"


def test_every_topic_page_says_what_to_know_before_the_exam(pages):
    """A 「보충: 시험 전에 알아 둘 것」 box on each topic page: what SAA-C03 asks of the service, sourced."""
    missing = [page for page in topic_pages() if not any(title == EXAM_BOX for title, _ in boxes(pages[page]))]
    assert not missing, f"no 「{EXAM_BOX}」 box: {missing}"


def test_a_category_overview_lists_and_orders_its_pages_as_the_nav_does():
    """The table 「이 카테고리의 페이지」 and the 「추천 읽기 순서」 (its first link to each page) follow the nav, as the
    previous/next links at the foot of each page do; so does the home page's 카테고리 table."""
    nav = nav_files()
    wrong = []
    for overview in [page for page in nav if page.endswith("/index.md")]:
        category, text = overview.removesuffix("index.md"), (DOCS / overview).read_text(encoding="utf-8")
        pages = [page for page in nav if page.startswith(category) and page != overview]
        if not re.search(r"^## 이 카테고리의 페이지\b", text, re.M):
            wrong.append(f"{overview}: no 「이 카테고리의 페이지」 section")
        for section in ("이 카테고리의 페이지", "추천 읽기 순서"):
            found = re.search(rf"^## {section}\b(.*?)(?=^## |\Z)", text, re.M | re.S)
            if not found:
                continue
            linked = [category + link for link in re.findall(r"\]\(([a-z0-9-]+\.md)\)", found.group(1))]
            first = list(dict.fromkeys(link for link in linked if link in pages))
            if first != pages:
                wrong.append(f"{overview} 「{section}」: {first}, the nav: {pages}")
    # The home page's 카테고리 table: a row per category (its overview first), then its pages, as the nav has them.
    home = re.search(r"^## 카테고리\b(.*?)(?=^## |\Z)", (DOCS / "index.md").read_text(encoding="utf-8"), re.M | re.S)
    rows = [re.findall(r"\]\(([a-z0-9/-]+\.md)\)", row) for row in re.findall(r"^\|.*\.md\).*\|$", home.group(1), re.M)]
    if [row[0] for row in rows] != [page for page in nav if page.endswith("/index.md")]:
        wrong.append(f"index.md 「카테고리」: {[row[0] for row in rows]}")
    for overview, *linked in rows:
        pages = [page for page in nav if page.startswith(overview.removesuffix("index.md")) and page != overview]
        if linked != pages:
            wrong.append(f"index.md 「카테고리」 {overview}: {linked}, the nav: {pages}")
    assert not wrong, "\n".join(wrong)


def test_storage_overview_compares_file_storage_and_instance_store(pages):
    text = pages["storage/index.md"].get_text(" ")
    assert all(word in text for word in ("EFS", "FSx", "인스턴스 스토어")), "storage/index.md lacks file storage"


# --- 확인 문제 (self-check questions) ------------------------------------------------------------------

BIG_PAGES = {"networking/vpc.md", "compute/ec2.md", "compute/elb.md", "compute/auto-scaling.md",
             "database/rds.md", "storage/s3.md", "security/iam.md"}
# a sentence in 합쇼체 ("…합니다.", "…입니까?"), a parenthesis after it allowed; a question may also end on a noun
# phrase as the exam writes it ("가장 알맞은 것은?")
HAPSYO = re.compile(r"((?<!아)니다(\([^)]*\))?\.|니까(\([^)]*\))?\?)$")  # "아니다." and "…니까." are not
NOUN_QUESTION = re.compile(r"[은는]\?$")


def not_hapsyo(text: str, questions_may_end_on_a_noun: bool) -> list[str]:
    """The sentences of ``text`` that are not in 합쇼체."""
    text = re.sub(r"\s+([.?!])", r"\1", " ".join(text.split()))  # get_text(" ") spaces "**…**."
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s]
    return [s for s in sentences if not HAPSYO.search(s)
            and not (questions_may_end_on_a_noun and NOUN_QUESTION.search(s))]


def quiz_blocks(heading: Tag) -> list[Tag]:
    """The blocks of the 확인 문제 section after its heading, each question's wrapper (hooks/study.py:
    ``<div class="quiz">`` around the question, its choices and its answer) opened up, as the Markdown wrote them."""
    found = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        if element.name == "div" and "quiz" in (element.get("class") or []):
            found += element.find_all(True, recursive=False)
        else:
            found.append(element)
    return found


def questions(root: Tag) -> list[dict]:
    """The 확인 문제 section: each question's number, text, choices and collapsed answer."""
    heading = root.select_one("h2#quiz")
    if heading is None:
        return []
    found = []
    blocks = quiz_blocks(heading)
    for i, element in enumerate(blocks):
        match = QUESTION.match(element.get_text(" ", strip=True)) if element.name == "p" else None
        if match:
            choices, answer = blocks[i + 1], blocks[i + 2]  # hooks/study.py fails the build otherwise
            found.append({
                "number": int(match.group(1)),
                "text": element.get_text(" ", strip=True),
                "choices": [li.get_text(" ", strip=True) for li in choices.select(":scope > li")],
                "answer": answer,
            })
    return found


@pytest.mark.parametrize("page", topic_pages())
def test_topic_page_ends_with_self_check_questions(page, pages):
    root = pages[page]
    h2 = [h.get("id") for h in root.select("h2")]
    assert "quiz" in h2, f"{page}: no '## 확인 문제 {{ #quiz }}' section"
    assert h2.index("quiz") == len(h2) - 2 and h2[-1] in ("참고", "references"), (
        f"{page}: 확인 문제 must come right before 참고 (h2 ids: {h2})")
    found = questions(root)
    not_polite = []
    least = 4 if page in BIG_PAGES else 3
    assert len(found) >= least, f"{page}: {len(found)} questions, expected at least {least}"
    for n, q in enumerate(found, start=1):
        where = f"{page} 문제 {q['number']}"
        assert q["number"] == n, f"{where}: questions are numbered 1, 2, 3 …"
        # four choices and a 정답과 해설 box saying 정답: N번 are checked by hooks/study.py (the build fails)
        answer = q["answer"]
        assert not answer.has_attr("open"), f"{where}: the answer must start collapsed (???, not ???+)"
        assert answer.select('a[href^="#"]'), f"{where}: the explanation links no section of the page"
        link = answer.select_one('a[href^="#"]').get_text(" ", strip=True)
        # the explanation's prose: between "정답: N번 —" and the section link "→ …" (the 출처: line follows it)
        explanation = " ".join(p.get_text(" ", strip=True) for p in answer.select("p"))
        parts = re.sub(r"^정답: \d번 —", "", explanation).rsplit(f"→ {link}", 1)
        assert len(parts) == 2, f"{where}: the explanation's first section link does not follow an arrow (→)"
        explanation, after = parts
        not_polite += [f"{where}: {s}" for s in not_hapsyo(QUESTION.sub("", q["text"]), True)
                       + not_hapsyo(explanation, False)]
        assert not re.search(r"문제 \d", explanation), f"{where}: names another question by number (the exam renumbers)"
        assert not re.search(r"[가-힣]{2}[.?]", after.split("출처:")[0]), (
            f"{where}: prose after the section link (it ends the explanation): {after[:80]!r}")
    assert not not_polite, "questions and explanations are written in 합쇼체:\n" + "\n".join(not_polite)


# The right choice should not stand out by its length. It was the longest in 111 of 191 questions (a learner who
# always picked the longest scored 58 %); once trimmed, it was rarely the longest or the shortest (picking between
# the two middle ones scored 40 %). Its rank by length looks random when each end holds about a quarter.
RANK_SHARE = (0.15, 0.35)  # of all questions, those whose right choice is strictly the longest; and the shortest
LONGEST_RATIO = 1.3  # the right choice's length over the longest wrong one's, in any question


def test_the_right_choice_does_not_stand_out_by_its_length(pages):
    longer, longest, shortest, total = [], 0, 0, 0
    for page in topic_pages():
        for q in questions(pages[page]):
            right = int(ANSWER.search(q["answer"].get_text(" ", strip=True)).group(1)) - 1
            size, wrong = len(q["choices"][right]), [len(c) for i, c in enumerate(q["choices"]) if i != right]
            total += 1
            longest += size > max(wrong)
            shortest += size < min(wrong)
            if size > LONGEST_RATIO * max(wrong):
                longer.append(f"{page} 문제 {q['number']}: the right choice has {size} characters, "
                              f"the longest wrong one {max(wrong)}")
    assert not longer, "a right choice stands out by its length:\n" + "\n".join(longer)
    low, high = RANK_SHARE
    for end, count in (("longest", longest), ("shortest", shortest)):
        assert low * total <= count <= high * total, (
            f"the right choice is the {end} in {count} of {total} questions ({low:.0%}–{high:.0%} expected)")

# --- diagrams --------------------------------------------------------------------------------------


MERMAID_FENCE = re.compile(r"^(\s*)```mermaid\s*\n(.*?)^\1```", re.M | re.S)


def test_a_diagram_labels_next_lines_are_not_indented():
    """Mermaid keeps the spaces that start a line of a multi-line ("`…`") label: indented like the code around it,
    the line is drawn off centre and its box grows."""
    indented = []
    for path in sorted([*DOCS.rglob("*.md"), *(ROOT / "includes").rglob("*.md")]):
        for block in MERMAID_FENCE.finditer(path.read_text(encoding="utf-8")):
            base, open_label = block.group(1), False
            for line in block.group(2).splitlines():
                if open_label and line[len(base):][:1].isspace():
                    indented.append(f"{path.relative_to(ROOT)}: {line.strip()}")
                open_label = (line.count('"`') - line.count('`"') + open_label) > 0
    assert not indented, "\n".join(indented)
