"""The author's notes and where each of their lines lives on the site.

`SECTION_PAGES` is the editorial map: every heading of ``aws-study-notes.md`` names the
page (``docs/`` path) its bullets belong to; `BULLET_PAGES` sends a top-level bullet of a
section elsewhere (the VPC section also holds NACL, Security Group, Route 53 …).

`missing_lines()` reads the built site and returns the note lines that cannot be found on
their page. Matching is fuzzy enough for typo fixes and re-wording into tables (character
trigram coverage on normalised text) but strict on numbers (every number must appear).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from hooks.glossary import load_terms
from tests.support.pages import html_path

ROOT = Path(__file__).resolve().parent.parent
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

COVERAGE = 0.8  # share of a line's character trigrams that must be on its page
# Spellings the site must correct (tests' TYPOS) that trigrams cannot bridge in short lines:
# a note line is matched in its corrected form, with AWS's Korean terms (data/terminology.yml).
SPELLING = {"스케쥴": "스케줄", "메뉴얼": "매뉴얼"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


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


def _clean(line: str) -> str:
    line = re.sub(r"^\s*(?:#+|-)\s*", "", line)
    return re.sub(r"__|~~|\*\*|`", "", line).strip()


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
            result.append(NoteLine(lineno, section, SECTION_PAGES[section]))
            continue
        if section == "목차":
            continue
        text = _clean(raw)
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
    match = re.search(r"<article\b.*</article>", html, re.S)  # parse the article only: 3× faster
    soup = BeautifulSoup(match.group(0) if match else html, "html.parser")
    article = soup.select_one("article") or soup
    for tag in article.select("pre.mermaid, div.mermaid, .headerlink"):
        tag.decompose()
    hrefs = " ".join(a.get("href", "") for a in article.find_all("a"))
    return article.get_text(" ") + " " + hrefs


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)} or {text}


@functools.lru_cache(maxsize=1)
def _replacements() -> tuple[tuple[str, str], ...]:
    pairs = list(SPELLING.items())
    pairs += sorted(((v, e["term"]) for e in load_terms() for v in e["avoid"]), key=lambda p: -len(p[0]))
    return tuple(pairs)


def spelled_as_on_the_site(line: str) -> str:
    """A note line with its typos corrected and AWS's Korean term for each avoided variant."""
    for wrong, right in _replacements():
        line = line.replace(wrong, right)
    return line


def line_found(line: str, text_norm: str, trigrams: set[str]) -> bool:
    """True when a note line is on a page: its trigrams are covered and its numbers appear."""
    line = spelled_as_on_the_site(line)
    norm = normalise(line)
    if len(norm) <= 3:
        return norm in text_norm
    grams = _trigrams(norm)
    coverage = len(grams & trigrams) / len(grams)
    numbers_ok = all(normalise(n) in text_norm for n in NUMBER.findall(line))
    return coverage >= COVERAGE and numbers_ok


def missing_lines(site_dir: Path, notes: Path = NOTES) -> list[str]:
    """Note lines not found on their page of the built site, as 'notes:LINE → page: text'."""
    cache: dict[str, tuple[str, set[str]]] = {}
    missing = []
    for note in note_lines(notes):
        for page in note.pages:
            if page not in cache:
                path = html_path(site_dir, page)
                norm = normalise(page_text(path)) if path.exists() else ""
                cache[page] = (norm, _trigrams(norm) if norm else set())
            norm, grams = cache[page]
            if not line_found(note.text, norm, grams):
                missing.append(f"{notes.name}:{note.lineno} → docs/{page}: {note.text}")
    return missing


def cmd_notes_check(args) -> int:
    """Print note lines that are missing from the built site; exit 1 if any."""
    missing = missing_lines(Path(args.site))
    for line in missing:
        print(line)
    total = len(note_lines())
    print(f"{total - len(missing)}/{total} note lines found on their pages")
    return 1 if missing else 0
