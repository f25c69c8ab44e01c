"""The suite's own options (CONTRIBUTING.md, "Tests"): a test marked `tools` is skipped by
default, runs with --tools, and runs (failing where its tool is missing) under CI=true; a
property test tries at most DEV_EXAMPLES examples by default and every example under CI=true."""
import ast
from pathlib import Path

import pytest

from conftest import DEV_EXAMPLES, examples, worker_group

pytest_plugins = ["pytester"]

MARKED = """
from pathlib import Path

import pytest

@pytest.mark.tools("git")
def test_starts_git():
    pass

@pytest.mark.tools("a-tool-no-one-has-installed")
def test_starts_a_missing_tool():
    pass

@pytest.mark.tools("git")
@pytest.mark.skipif(True, reason="a condition of its own")
def test_skipped_by_a_condition_of_its_own():
    pass

def test_quick():
    pass
"""


def run(pytester, monkeypatch, *options, ci=False):
    if ci:
        monkeypatch.setenv("CI", "true")
    else:
        monkeypatch.delenv("CI", raising=False)
    pytester.makepyfile(test_marked=MARKED)
    pytester.makeini("[pytest]\nmarkers =\n    tools(*names): starts real tools\n")
    return pytester.runpytest_inprocess("-p", "conftest", "-p", "no:xdist", "-p", "no:cacheprovider",
                                        "-rs", *options)


def test_by_default_a_test_that_starts_tools_is_skipped(pytester, monkeypatch):
    result = run(pytester, monkeypatch)
    result.assert_outcomes(passed=1, skipped=3)
    result.stdout.fnmatch_lines(["*run with --tools*"])


def test_with_tools_it_runs_and_a_missing_tool_skips(pytester, monkeypatch):
    result = run(pytester, monkeypatch, "--tools")
    result.assert_outcomes(passed=2, skipped=2)
    result.stdout.fnmatch_lines(["*not installed: a-tool-no-one-has-installed*"])


def test_under_ci_every_test_runs_and_a_missing_tool_fails(pytester, monkeypatch):
    result = run(pytester, monkeypatch, ci=True)
    result.assert_outcomes(passed=2, errors=2)  # each failed in its setup: the missing tool, the skipif
    result.stdout.fnmatch_lines(["*skipped*CI=true, so this test must run, not skip*"])
    result.stdout.fnmatch_lines(["*CI=true, so this test must run, not skip*"])


def test_property_tests_try_fewer_examples_only_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert (examples(300), examples(10)) == (DEV_EXAMPLES, 10)
    monkeypatch.setenv("CI", "true")
    assert (examples(300), examples(10)) == (300, 10)


ONE_WORKER_EACH = """
import os

import pytest


@pytest.mark.parametrize("n", [*range(7), "@SUM(A1)"])
def test_one(n):
    with open(os.environ["WORKERS_FILE"], "a") as f:
        f.write(f"{__name__} {os.environ['PYTEST_XDIST_WORKER']}\\n")
"""


@pytest.mark.tools("pytest")
def test_a_group_of_tests_runs_in_one_worker(pytester, monkeypatch):
    """The tests of the release share one worker (`worker_group`): two files of them and one of
    other tests, over two workers. The others are shared out, which shows that the two workers
    ran; the release's are not, a test whose parameter holds an @ included. No test's id
    changes: a failed one can be run again by its id."""
    workers = pytester.path / "workers.txt"
    monkeypatch.setenv("WORKERS_FILE", str(workers))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parent))
    pytester.makepyfile(test_release_one=ONE_WORKER_EACH, test_release_two=ONE_WORKER_EACH,
                        test_other=ONE_WORKER_EACH.replace('[*range(7), "@SUM(A1)"]', "range(40)"))
    pytester.makeini("[pytest]\nmarkers =\n    tools(*names): starts real tools\n")
    result = pytester.runpytest_subprocess("-p", "conftest", "-p", "no:cacheprovider", "-n", "2",
                                           "--dist", "loadgroup", "-rA")
    result.assert_outcomes(passed=56)
    assert "@release" not in result.stdout.str()
    result.stdout.fnmatch_lines(["PASSED test_release_one.py::test_one[@SUM(A1)]"])
    ran = {}
    for line in workers.read_text().splitlines():
        module, worker = line.split()
        ran.setdefault("release" if module.startswith("test_release_") else module, set()).add(worker)
    assert len(ran["test_other"]) == 2 and len(ran["release"]) == 1, ran


def test_every_test_that_reads_the_built_release_is_in_its_group():
    """A test that reads the built release (the fixture `repository_with_release`, or a fixture
    of its module that does) runs in the release's worker, which builds it: one outside the
    release's files is listed in `conftest.READ_THE_RELEASE`. Read from the test files' code,
    whatever tests a run selects."""
    readers = []
    for path in sorted(Path(__file__).resolve().parent.glob("test_*.py")):
        functions = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.FunctionDef)]
        reading = {"repository_with_release"}
        for _ in functions:  # a fixture that reads a fixture that reads it, and so on
            reading |= {f.name for f in functions if {a.arg for a in f.args.args} & reading}
        readers += [f"tests/{path.name}::{f.name}" for f in functions
                    if f.name.startswith("test_") and {a.arg for a in f.args.args} & reading]
    assert readers and [test for test in readers if worker_group(test) != "release"] == []
