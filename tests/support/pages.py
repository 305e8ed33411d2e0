"""The site's pages as the sources and the build define them: nav order, front matter, topic pages."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# One page per topic of the notes (issue 2): the service pages.
TOPIC_PAGES = [
    "global-infrastructure/region.md", "global-infrastructure/availability-zone.md",
    "networking/vpc.md", "networking/subnet-design.md", "networking/rfc-1918.md",
    "networking/network-acl.md", "networking/security-group.md", "networking/vpc-endpoint.md",
    "networking/route-53.md", "networking/cloudfront.md", "compute/ec2.md", "storage/ebs.md",
    "compute/elb.md", "compute/auto-scaling.md", "database/rds.md", "database/aurora.md",
    "database/elasticache.md", "storage/s3.md", "management/cloudwatch.md", "security/kms.md",
    "security/iam.md", "management/cloudformation.md", "cicd/codepipeline.md", "cicd/codecommit.md",
    "cicd/codebuild.md", "cicd/codedeploy.md", "containers/ecr.md", "containers/ecs.md",
    "containers/fargate.md", "messaging/sqs.md", "messaging/sns.md", "principles/well-architected.md",
    "global-infrastructure/wavelength.md",
]


def nav_files(config_file: Path = ROOT / "mkdocs.yml") -> list[str]:
    """Every docs/ page of the nav, in nav order."""

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    yield from walk(value) if isinstance(value, list) else [value]
            elif isinstance(item, list):
                yield from walk(item)
            else:
                yield item

    return list(walk(load_config(str(config_file))["nav"]))


def front_matter(page: str) -> tuple[dict, str]:
    """(YAML front matter, Markdown body) of a docs/ page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, match.group(2)
