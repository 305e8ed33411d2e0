"""The author's notes and where each of their lines lives on the site.

`SECTION_PAGES` is the editorial map: every heading of ``aws-study-notes.md`` names the
page (``docs/`` path) its bullets belong to; `BULLET_PAGES` sends a top-level bullet of a
section elsewhere (the VPC section also holds NACL, Security Group, Route 53 …).

`missing_lines()` reads the built site and returns the note lines whose words are not on their page.
A note line keeps the author's words: spacing, punctuation and layout (a list item, a table row) may
change, and so may the listed typos (`TYPOS`) and the terminology list's avoided variants (swapped for
their term); anything else — a reworded, shortened or glossed line — is reported. A line may be split
at its sentence breaks, each part kept whole.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from hooks.glossary import load_terms
from sitekit.pages import ROOT, html_path, not_built

NOTES = ROOT / "data" / "aws-study-notes.md"  # a copy of ../shared/notes/aws-study-notes.md

# Heading in the notes -> page(s) under docs/.
SECTION_PAGES: dict[str, tuple[str, ...]] = {
    "5 Pillars (설계 원칙)": ("principles/well-architected.md",),
    "5 Pillars": ("principles/well-architected.md",),
    "진행 순서": ("index.md",),
    "리전": ("global-infrastructure/region.md",),
    "가용 영역": ("global-infrastructure/availability-zone.md",),
    "VPC": ("networking/vpc.md",),
    "EC2": ("compute/ec2.md",),
    "EBS": ("storage/ebs.md",),
    "ELB": ("compute/elb.md",),
    "AutoScaling": ("compute/auto-scaling.md",),
    "RDS": ("database/rds.md",),
    "ElastiCache (Memcached)": ("database/elasticache.md",),
    "Security Group": ("networking/security-group.md",),
    "S3 (Simsple Storage Service)": ("storage/s3.md",),
    "CloudFront": ("networking/cloudfront.md",),
    "VPC EndPoint": ("networking/vpc-endpoint.md",),
    "CloudWatch": ("management/cloudwatch.md",),
    "KMS (Key Management Service)": ("security/kms.md",),
    "IAM (Identify and Access Management)": ("security/iam.md",),
    "CloudFormation": ("management/cloudformation.md",),
    "Code Pipeline": ("cicd/codepipeline.md",),
    "Code Commit": ("cicd/codecommit.md",),
    "Code Build": ("cicd/codebuild.md",),
    "Code Deploy": ("cicd/codedeploy.md",),
    "ECR": ("containers/ecr.md",),
    "ECS": ("containers/ecs.md",),
    "Fargate": ("containers/fargate.md",),
    "fargate 배포": ("containers/fargate.md",),
    "SQS": ("messaging/sqs.md",),
    "SNS": ("messaging/sns.md",),
    "Aurora": ("database/aurora.md",),
    "Blah Blah": ("reference/review.md",),
    "RFC 1918": ("networking/rfc-1918.md",),
    "VPC 서브넷 권고사항": ("networking/subnet-design.md",),
    "AWS Wavelength": ("global-infrastructure/wavelength.md",),
}

# (section, start of a top-level bullet) -> page(s) for that bullet and its children.
BULLET_PAGES: dict[tuple[str, str], tuple[str, ...]] = {
    ("진행 순서", "AWS Infra"): ("global-infrastructure/index.md",),
    ("VPC", "VPC 엔드포인트"): ("networking/vpc-endpoint.md",),
    ("VPC", "NACL과 Security Group"): ("networking/network-acl.md", "networking/security-group.md"),
    ("VPC", "NACL"): ("networking/network-acl.md",),
    ("VPC", "Security Group"): ("networking/security-group.md",),
    ("VPC", "Route 53"): ("networking/route-53.md",),
    ("VPC", "CloudFront"): ("networking/cloudfront.md",),
    ("Blah Blah", "CloudTrail"): ("reference/review.md", "management/cloudwatch.md"),
}

# Headings that only group other headings: they carry no fact of their own.
GROUPING_HEADINGS = {
    "목차", "TaskA", "S3, CloudFront, VPC Endpoint", "CloudWatch, KMS, IAM, CloudFormation",
    "CICD", "MSA", "Blah Blah", "진행 순서", "5 Pillars (설계 원칙)", "5 Pillars",
}

# The only edits a note line may get on the site (README "노트를 고칠 때"): these typo fixes, and the
# terminology list's variant → term swaps (data/terminology.yml). Anything else is a marked 정정/업데이트
# with the author's line kept. A wrong form with a trailing space would otherwise match the right one.
TYPOS = {
    "Simsple": "Simple", "가용역역": "가용 영역", "ElatiCache": "ElastiCache", "마슽터": "마스터",
    "plillars": "pillars", "워크로트": "워크로드", "데에터": "데이터", "병경된": "변경된", "스냅샨": "스냅샷",
    "생선전": "생성 전", "가영 영역": "가용 영역", "모둔": "모든", "Netwrok": "Network", "거부한느": "거부하는",
    "분산 시스테 ": "분산 시스템 ", "Shiled": "Shield", "원할하게": "원활하게", "걸리 뿐": "걸릴 뿐",
    "Identify and Access": "Identity and Access", "아티팩드": "아티팩트", "schedueling": "scheduling",
    "stickines ": "stickiness ", "Cost Explore ": "Cost Explorer ", "메뉴얼": "매뉴얼", "스케쥴": "스케줄",
    "AZ 리전의 모든": "AWS 리전의 모든", "캡쳐": "캡처", "내보내는 것 좋다": "내보내는 것이 좋다",
}
# A note line may be split where its sentences break (". ", "->", " / "); each part stays whole.
PARTS = re.compile(r"\.\s+|\s*->\s*|\s+/\s+")
# After a swapped term the particle may change with the last syllable (read replica는 → 읽기 전용 복제본은).
PARTICLES = {"은": "는", "는": "은", "이": "가", "가": "이", "을": "를", "를": "을", "와": "과", "과": "와"}


@functools.lru_cache(maxsize=1)
def _swaps() -> dict[str, tuple[str, ...]]:
    """Normalised avoided variant → what the site may write instead: its term, or the term's last words
    when the line already has the first ones (인스턴스 웜업 → 인스턴스 워밍업), or the variant's first
    words before the term (EKS 팟 → EKS 포드)."""
    swaps: dict[str, set[str]] = {}
    for entry in load_terms():
        words = entry["term"].split()
        for variant in entry["avoid"]:
            kept = variant.split()
            allowed = {normalise(" ".join(words[i:])) for i in range(len(words))}
            allowed |= {normalise(" ".join(kept[:i] + words)) for i in range(len(kept))}
            swaps.setdefault(normalise(variant), set()).update(allowed | {normalise(variant)})
    return {key: tuple(sorted(value, key=len, reverse=True)) for key, value in swaps.items() if key}


def part_pattern(part: str) -> re.Pattern:
    """A part of a note line as a pattern on normalised page text: its words, typos fixed, each avoided
    variant either kept or swapped for its term."""
    for wrong, right in TYPOS.items():
        part = part.replace(wrong, right)
    text, swaps = normalise(part), _swaps()
    keys = sorted(swaps, key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        key = next((k for k in keys if text.startswith(k, i)), None)
        if key is None:
            out.append(re.escape(text[i]))
            i += 1
            continue
        out.append("(?:" + "|".join(map(re.escape, swaps[key])) + ")")
        i += len(key)
        if i < len(text) and text[i] in PARTICLES:
            out.append(f"[{text[i]}{PARTICLES[text[i]]}]")
            i += 1
    return re.compile("".join(out))


def missing_parts(line: str, page_norm: str) -> list[str]:
    """The parts of a note line that are not on the page word for word (see `TYPOS`, `PARTS`)."""
    return [part.strip() for part in PARTS.split(line)
            if normalise(part) and not part_pattern(part).search(page_norm)]


@dataclass(frozen=True)
class NoteLine:
    """One line of the notes with the page(s) it must be found on."""

    lineno: int
    text: str
    pages: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower-case letters and digits only (NFC), so spacing and punctuation never matter."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def note_lines(path: Path = NOTES) -> list[NoteLine]:
    """Every line of the notes that carries content, with its target page(s)."""
    result: list[NoteLine] = []
    section = ""
    top_bullet = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        heading = re.match(r"^(#+)\s+(.*?)\s*$", raw)
        if heading:
            section, top_bullet = heading.group(2), ""
            if section in GROUPING_HEADINGS:
                continue
            if section not in SECTION_PAGES:
                raise KeyError(f"{path.name}:{lineno}: heading {section!r} has no page: add it to SECTION_PAGES")
            result.append(NoteLine(lineno, section, SECTION_PAGES[section]))
            continue
        if section == "목차":
            continue
        text = re.sub(r"^\s*(?:#+|-)\s*", "", raw)  # without its list mark and Markdown emphasis
        text = re.sub(r"__|~~|\*\*|`", "", text).strip()
        if re.match(r"^-", raw):  # a top-level bullet (no indent)
            top_bullet = text
        pages = SECTION_PAGES.get(section, ())
        for (sec, prefix), override in BULLET_PAGES.items():
            if sec == section and top_bullet.startswith(prefix):
                pages = override
                break
        if not pages:
            raise KeyError(f"{path.name}:{lineno}: section {section!r} has no page in SECTION_PAGES")
        if normalise(text):
            result.append(NoteLine(lineno, text, pages))
    return result


def page_text(html_file: Path) -> str:
    """The readable text of a built page's article, with link targets, without diagrams."""
    html = html_file.read_text(encoding="utf-8")
    match = re.search(r"<article\b.*</article>", html, re.S)  # parse only the article (the rest is navigation)
    soup = BeautifulSoup(match.group(0) if match else html, "html.parser")
    article = soup.select_one("article") or soup
    for tag in article.select("pre.mermaid, div.mermaid, .headerlink"):
        tag.decompose()
    hrefs = " ".join(a.get("href", "") for a in article.find_all("a"))
    return article.get_text(" ") + " " + hrefs


def missing_lines(site_dir: Path, notes: Path = NOTES) -> list[str]:
    """Note lines whose words are not on their page of the built site, as 'notes:LINE → page: part'."""
    cache: dict[str, str] = {}
    missing = []
    for note in note_lines(notes):
        for page in note.pages:
            if page not in cache:
                path = html_path(site_dir, page)
                cache[page] = normalise(page_text(path)) if path.exists() else ""
            missing += [f"{notes.name}:{note.lineno} → docs/{page}: {part}"
                        for part in missing_parts(note.text, cache[page])]
    return missing


def cmd_notes_check(args) -> int:
    """Print note lines that are missing from the built site; exit 1 if any."""
    site = Path(args.site)
    if unbuilt := not_built(site / "index.html"):
        print(unbuilt)
        return 1
    missing = missing_lines(site)
    for line in missing:
        print(line)
    total, lost = len(note_lines()), {line.split(" → ")[0] for line in missing}  # a line may lose several parts
    print(f"{total - len(lost)}/{total} note lines found on their pages")
    return 1 if missing else 0
