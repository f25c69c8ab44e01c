"""Where contributors meet the validator: a clone made as Git for Windows makes it, the
workflow the README publishes (through the reusable GitHub action), and the README's
pre-commit block, each run for real on a copy."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_of_the_repository
from doc_blocks import claimed

pytestmark = pytest.mark.tools("git", "pre-commit")  # starts real tools: where they are installed, and always in CI

PYTHON_BIN = str(Path(sys.executable).parent)
GIT = shutil.which("git")
IS_CHECKOUT = (ROOT / ".git").exists()


def git(*args, cwd):
    return subprocess.run([GIT, *args], cwd=cwd, capture_output=True, text=True, check=True)


def validate(cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "validate.py"], cwd=cwd, capture_output=True, text=True)


@pytest.mark.skipif(not (GIT and IS_CHECKOUT), reason="needs git and a git checkout of the repository")
def test_a_clone_with_autocrlf_validates_and_would_not_without_gitattributes(tmp_path):
    clone = tmp_path / "clone"
    git("clone", "--quiet", "-c", "core.autocrlf=true", str(ROOT), str(clone), cwd=tmp_path)
    assert b"\r\n" not in (clone / "data" / "figures.csv").read_bytes()
    result = validate(clone)
    assert result.returncode == 0, result.stdout[-2000:]
    # The control: the same checkout without .gitattributes gets CRLF, reported first.
    git("rm", "--quiet", "--cached", ".gitattributes", cwd=clone)
    (clone / ".gitattributes").unlink()
    for path in (clone / "data").iterdir():
        path.unlink()
    git("-c", "core.autocrlf=true", "checkout", "--", "data", cwd=clone)
    result = validate(clone)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "[descriptor]", "data/article.txt: " + result.stdout.splitlines()[1].split(": ", 1)[1]]
    assert "CRLF line ending(s)" in result.stdout.splitlines()[1]


def break_a_figure(root: Path) -> int:
    path = root / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("f-party-branches,"))
    lines[number - 1] = lines[number - 1].replace(",79000,", ",79001,")
    path.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run([sys.executable, "scripts/update_hashes.py"], cwd=root, check=True, capture_output=True)
    return number


WORKFLOW = "tests/test_contributors.py::test_the_readme_s_workflow_validates_a_valid_copy_and_annotates_a_broken_figure"
PRE_COMMIT = "tests/test_contributors.py::test_the_readme_s_pre_commit_block_passes_and_fails_as_it_should"


def readme_workflow() -> dict:
    """The workflow the README publishes to copy, as GitHub reads it."""
    [block] = claimed(WORKFLOW, "README.md")
    return yaml.safe_load(block.body)


def action_steps(workflow: dict, workspace: Path) -> list[tuple[str, dict]]:
    """The shell steps a runner runs for `workflow`'s one job in `workspace`, a checkout of a
    copy that holds the action: its steps but the checkout, each `uses: ./` step expanded into
    the action's own steps with the environment a runner gives them (`GITHUB_ACTION_PATH`, the
    inputs as the workflow sets them or as the action defaults them). setup-python, a `uses:`
    step of the action, is the test's own Python."""
    [job] = workflow["jobs"].values()
    checkout, *steps = job["steps"]
    assert re.fullmatch(r"actions/checkout@v\d+\.\d+\.\d+", checkout["uses"]), "pin the checkout action"
    assert [step.get("uses") for step in steps] == ["./"], "one step: this repository's action"
    action = yaml.safe_load((workspace / "action.yml").read_text(encoding="utf-8"))
    given = steps[0].get("with", {})
    assert set(given) <= set(action["inputs"]), f"the action has no input {set(given) - set(action['inputs'])}"
    inputs = {name: str(given.get(name, spec.get("default", ""))) for name, spec in action["inputs"].items()}
    env = os.environ | {"GITHUB_ACTION_PATH": str(workspace), "PATH": PYTHON_BIN + os.pathsep + os.environ["PATH"],
                        "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    shell_steps = [step for step in action["runs"]["steps"] if "run" in step]
    assert [step["shell"] for step in shell_steps] == ["bash", "bash"]
    result = []
    for step in shell_steps:
        step_env = {name: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: inputs[m.group(1)], value)
                    for name, value in step.get("env", {}).items()}
        result.append((step["run"], env | step_env))
    return result


def run_step(step, workspace: Path) -> subprocess.CompletedProcess:
    command, env = step
    return subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=workspace, env=env,
                          capture_output=True, text=True)


def test_the_readme_s_workflow_runs_on_every_push_and_pull_request():
    workflow = readme_workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}
    assert workflow["permissions"] == {"contents": "read"}


def test_the_readme_s_workflow_validates_a_valid_copy_and_annotates_a_broken_figure(tmp_path):
    """The workflow as the README publishes it, run step by step through the action in a copy
    of the repository (which holds the action, as a fork does)."""
    workspace = copy_of_the_repository(tmp_path / "workspace", environment=False)
    install, validate_step = action_steps(readme_workflow(), workspace)
    assert validate_step[1]["DESCRIPTOR"] == "datapackage.json"
    installed = run_step(install, workspace)
    assert installed.returncode == 0, installed.stderr
    result = run_step(validate_step, workspace)
    assert result.returncode == 0 and result.stdout.startswith("valid: "), result.stdout + result.stderr
    line = break_a_figure(workspace)
    result = run_step(validate_step, workspace)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        f"::error file=data/figures.csv,line={line},title=faithfulness/figure_reads_as_value::value: ")


def test_the_workflow_check_sees_an_action_that_is_not_this_one(tmp_path):
    workflow = readme_workflow()
    [job] = workflow["jobs"].values()
    job["steps"][1]["uses"] = "someone/else@v1"
    with pytest.raises(AssertionError, match="this repository's action"):
        action_steps(workflow, ROOT)
    job["steps"][1] = {"uses": "./", "with": {"descriptor": "datapackage.json", "format": "json"}}
    with pytest.raises(AssertionError, match="no input"):
        action_steps(workflow, ROOT)


@pytest.mark.skipif(not (GIT and shutil.which("pre-commit", path=PYTHON_BIN)),
                    reason="needs git and pre-commit (requirements-dev.txt)")
def test_the_readme_s_pre_commit_block_passes_and_fails_as_it_should(repository_copy, tmp_path):
    """The README's block, run as written in a clone (a copy of the repository, committed)."""
    [block] = claimed(PRE_COMMIT, "README.md")
    work = repository_copy
    git("add", "-A", cwd=work)
    git("-c", "user.name=test", "-c", "user.email=test", "commit", "--quiet", "-m", "copy", cwd=work)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def hooks():
        """Both hooks, as the README's block runs them."""
        result = subprocess.run(["bash", "-o", "pipefail", "-c", block.body], cwd=work, env=os.environ | env,
                                capture_output=True, text=True)
        outcome = dict(re.findall(r"^(validate the data package|sizes and hashes in datapackage\.json "
                                  r"are current)\.+(Passed|Failed)$", result.stdout, re.M))
        return result, outcome
    names = ("sizes and hashes in datapackage.json are current", "validate the data package")
    result, outcome = hooks()
    assert result.returncode == 0 and outcome == dict.fromkeys(names, "Passed"), result.stdout + result.stderr
    path = work / "data" / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",79000,", ",5000,"), encoding="utf-8")
    result, outcome = hooks()  # edited, hashes not refreshed: both fail
    assert result.returncode == 1 and outcome == dict.fromkeys(names, "Failed")
    assert "figures: hash is stale" in result.stdout
    subprocess.run([sys.executable, "scripts/update_hashes.py"], cwd=work, check=True, capture_output=True)
    result, outcome = hooks()  # hashes current; the figure is still wrong
    assert outcome == {names[0]: "Passed", names[1]: "Failed"}
    assert "reads as 79000; value is 5000" in result.stdout
