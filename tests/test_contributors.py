"""Where contributors meet the validator: a clone made as Git for Windows makes it, the
reusable GitHub action, and the pre-commit hooks, each run for real on a copy."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

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


def copy_of_the_package(root: Path) -> Path:
    root.mkdir()
    for name in ("datapackage.json", "validate.py", "requirements.txt"):
        shutil.copy(ROOT / name, root)
    for name in ("data", "schema", "validator", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def break_a_figure(root: Path) -> int:
    path = root / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("f-party-branches,"))
    lines[number - 1] = lines[number - 1].replace(",79000,", ",79001,")
    path.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run([sys.executable, "scripts/update_hashes.py"], cwd=root, check=True, capture_output=True)
    return number


def action_steps(workspace: Path) -> list[tuple[str, dict]]:
    """The action's shell steps with the environment a runner gives them (setup-python, a
    `uses:` step, is the test's own Python)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    env = os.environ | {"GITHUB_ACTION_PATH": str(ROOT), "DESCRIPTOR": "datapackage.json",
                        "PATH": PYTHON_BIN + os.pathsep + os.environ["PATH"], "PIP_NO_INDEX": "1",
                        "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    steps = [step for step in action["runs"]["steps"] if "run" in step]
    assert [step["shell"] for step in steps] == ["bash", "bash"]
    return [(step["run"], env) for step in steps]


def run_step(step, workspace: Path) -> subprocess.CompletedProcess:
    command, env = step
    return subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=workspace, env=env,
                          capture_output=True, text=True)


def test_the_action_installs_then_passes_a_valid_package_and_annotates_a_broken_figure(tmp_path):
    workspace = copy_of_the_package(tmp_path / "workspace")
    install, validate_step = action_steps(workspace)
    installed = run_step(install, workspace)
    assert installed.returncode == 0, installed.stderr
    result = run_step(validate_step, workspace)
    assert result.returncode == 0 and result.stdout.startswith("valid: "), result.stdout + result.stderr
    line = break_a_figure(workspace)
    result = run_step(validate_step, workspace)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        f"::error file=data/figures.csv,line={line},title=faithfulness/figure_reads_as_value::value: ")


@pytest.mark.skipif(not (GIT and IS_CHECKOUT and shutil.which("pre-commit", path=PYTHON_BIN)),
                    reason="needs git, a git checkout and pre-commit (requirements-dev.txt)")
def test_the_pre_commit_hooks_pass_and_fail_as_they_should(tmp_path):
    work = copy_of_the_package(tmp_path / "work")
    git("init", "--quiet", cwd=work)
    git("add", "-A", cwd=work)
    git("-c", "user.name=test", "-c", "user.email=test", "commit", "--quiet", "-m", "copy", cwd=work)
    env = os.environ | {"PATH": PYTHON_BIN + os.pathsep + os.environ["PATH"],
                        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def hooks():
        """Both hooks, as `pre-commit try-repo` runs this repository's hooks on the copy."""
        result = subprocess.run(["pre-commit", "try-repo", str(ROOT), "--all-files"], cwd=work,
                                env=env, capture_output=True, text=True)
        outcome = dict(re.findall(r"^(validate the data package|sizes and hashes in datapackage\.json "
                                  r"are current)\.+(Passed|Failed)$", result.stdout, re.M))
        return result, outcome
    names = ("sizes and hashes in datapackage.json are current", "validate the data package")
    result, outcome = hooks()
    assert result.returncode == 0 and outcome == dict.fromkeys(names, "Passed"), result.stdout
    path = work / "data" / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",79000,", ",5000,"), encoding="utf-8")
    result, outcome = hooks()  # edited, hashes not refreshed: both fail
    assert result.returncode == 1 and outcome == dict.fromkeys(names, "Failed")
    assert "figures: hash is stale" in result.stdout
    subprocess.run([sys.executable, "scripts/update_hashes.py"], cwd=work, check=True, capture_output=True)
    result, outcome = hooks()  # hashes current; the figure is still wrong
    assert outcome == {names[0]: "Passed", names[1]: "Failed"}
    assert "reads as 79000; value is 5000" in result.stdout
