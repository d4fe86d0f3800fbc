"""The pre-commit hook really run by pre-commit, and the README's workflow calling the gate.

The hook is declared from the shipped .pre-commit-hooks.yaml as a `repo: local` hook
(`language: system`, using this environment's numcheck): building the hook's own
virtualenv from PyPI is what `pre-commit try-repo` would add, and is left to CI with
network access.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent


def test_hook_declaration() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "numcheck" and hook["entry"] == "numcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None
                    and shutil.which("pre-commit") is None, reason="pre-commit not installed")
@pytest.mark.slow
def test_pre_commit_runs_the_hook(newsroom: Path) -> None:
    (hook,) = HOOKS
    local = {**hook, "language": "system"}
    (newsroom / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8")
    (newsroom / ".numcheck.toml").write_text('against = ["corpus"]\n', encoding="utf-8")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(newsroom / ".pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=newsroom, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=newsroom, check=True, env=env)
    pc = shutil.which("pre-commit", path=str(BIN)) or "pre-commit"

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pc, "run", "numcheck", "--files", *files], cwd=newsroom,
                              env=env, capture_output=True, text=True, check=False)

    bad = run("new/contra.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "new/contra.txt:2:" in bad.stdout and "conflit" in bad.stdout  # French articles
    good = run("new/agree.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def _workflow() -> dict[str, object]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: check (owner: check) -->")[1].split("\n## ")[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    docs = [yaml.safe_load(b) for b in blocks]
    (workflow,) = [d for d in docs if isinstance(d, dict) and "jobs" in d]
    return workflow


def test_readme_workflow_calls_the_same_command() -> None:
    workflow = _workflow()
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    runs = [step.get("run", "") for job in jobs.values() for step in job["steps"]]
    gate = [r for r in runs if HOOKS[0]["entry"] in r]
    assert gate and "--format github" in gate[0]
    assert any("pip install" in r for r in runs)
    uses = [s.get("uses", "") for job in jobs.values() for s in job["steps"]]
    assert any(u.startswith("actions/cache") for u in uses)
