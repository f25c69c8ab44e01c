"""The validator's structure keeps its promises: every check registered once and counted when
it runs, the API exported, modules small and read as the README's list of layers, no import
running back up, and the list of repository files and ignored paths in one place."""
import ast
import re
import shutil
import subprocess

import pytest

import validator
from conftest import ROOT, assert_findings
from validator import LAYERS, Finding, Report, validate_package
from validator import layout
from validator.package import load_package
from validator.registry import ARTICLE, NOTHING, registered

README = (ROOT / "README.md").read_text(encoding="utf-8")
MODULES = sorted((ROOT / "validator").glob("*.py"))
LAYER_MODULES = {layer: f"validator/{layer}.py" for layer in LAYERS}


def test_the_api_is_exported():
    assert set(validator.__all__) == {"validate_package", "Report", "Finding", "LAYERS"}
    assert isinstance(validate_package(ROOT / "datapackage.json"), Report) and Finding and LAYERS


def test_every_check_is_registered_once_in_a_known_layer_by_its_function_name():
    checks = registered()
    assert len({c.code for c in checks}) == len(checks)
    assert [c.layer for c in checks] == sorted((c.layer for c in checks), key=LAYERS.index)
    for check in checks:
        assert check.code == check.function.__name__
        assert f"validator/{check.function.__module__.split('.')[-1]}.py" == LAYER_MODULES[check.layer]


def test_report_checks_counts_the_checks_that_ran(package):
    assert package.validate().checks == len(registered())
    package.descriptor.write_text("{", encoding="utf-8")
    assert package.validate().checks == len([c for c in registered() if c.needs == NOTHING]) == 1


def test_checks_that_read_the_article_do_not_run_on_another_text(package):
    text = (package.root / "data/article.txt").read_bytes()
    package.write_bytes("data/article.txt", text.replace(b"nearly", b"nearly", 1) + b" ")
    report = package.validate()
    assert_findings(report, ("descriptor", "article_is_the_snapshot", "data/article.txt", None, None))
    assert report.checks == len([c for c in registered() if c.needs != ARTICLE])


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_no_module_is_over_about_300_lines(module):
    assert len(module.read_text(encoding="utf-8").splitlines()) <= 310


def test_the_readme_names_the_module_of_each_layer():
    section = README.split("## Validation", 1)[1].split("\n## ", 1)[0]
    for number, layer in enumerate(LAYERS, start=1):
        assert re.search(rf"^{number}\. \*\*{layer}\*\* \(`{LAYER_MODULES[layer]}`\)", section, re.M), layer


# Modules every layer may use, which must never import a layer (no import running back up).
FOUNDATIONS = ["findings", "registry", "files", "identifiers", "characters", "layout", "canonical",
               "vocabulary", "pins", "figure_text", "time_expressions", "models", "images"]


@pytest.mark.parametrize("name", FOUNDATIONS)
def test_no_import_runs_back_up(name):
    tree = ast.parse((ROOT / "validator" / f"{name}.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
    assert not imported & set(LAYERS) | {"run", "cli", "context", "package"} & imported, imported


def test_ignored_paths_are_what_git_ignores():
    """.gitignore anchors at the top each directory the validator skips there; it also lists
    __pycache__/, of which the validator skips only the *.pyc files (anything else in one
    would travel in a copy of the directory)."""
    ignored = {line.strip() for line in (ROOT / ".gitignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    expected = ({f"/{d}/" for d in layout.IGNORED_TOP - {".git"}} | {f"*{s}" for s in layout.IGNORED_SUFFIXES}
                | {"__pycache__/"})
    assert ignored == expected


# Where a skipped directory or file could be: at the top, and below it.
MAYBE_IGNORED = [f"{top}{name}" for top in ("", "docs/", "docs/deeper/")
                 for name in (".venv/lib/site.py", ".pytest_cache/v/cache", ".hypothesis/examples/x",
                              "mutants/notes.md", "build/archive.zip", "__pycache__/rows.cpython-311.pyc",
                              "__pycache__/notes.md", "compiled.pyc", "notes.md")] + ["docs/.git/config"]


def test_the_validator_ignores_no_more_than_git_does(package):
    """Every path the validator leaves out when it lists the package's files is one git
    ignores (with this repository's .gitignore, the package a repository of its own), or
    git's own .git: a directory skipped anywhere would travel unscanned in a copy."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    subprocess.run([git, "init", "-q", str(package.root)], check=True)
    shutil.copy(ROOT / ".gitignore", package.root / ".gitignore")
    for path in MAYBE_IGNORED:
        (package.root / path).parent.mkdir(parents=True, exist_ok=True)
        (package.root / path).write_text("text\n", encoding="utf-8")
    files = load_package(package.descriptor).files
    listed = {file.path for file in files}
    left_out = set(MAYBE_IGNORED) - listed
    answer = subprocess.run([git, "-C", str(package.root), "check-ignore", "--", *sorted(left_out)],
                            capture_output=True, text=True)
    assert left_out <= set(answer.stdout.split())
    assert not any(path.startswith(".git/") for path in listed) and ".gitignore" in listed
    assert left_out == {".venv/lib/site.py", ".pytest_cache/v/cache", ".hypothesis/examples/x",
                        "mutants/notes.md", "build/archive.zip"}
    compiled = {path for path in MAYBE_IGNORED if path.endswith(".pyc") and not path.startswith(tuple(
        top + "/" for top in (".venv", "mutants", "build", ".pytest_cache", ".hypothesis")))}
    assert compiled and {f.path for f in files if f.role == "compiled"} == compiled  # listed, never read


def test_the_readme_lists_the_repository_files_the_validator_allows():
    section = README.split("## Repository layout", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^- `([^`]+)`", section, re.M))
    assert listed == set(layout.REPOSITORY_FILES)


def test_every_file_of_this_repository_is_one_the_validator_allows():
    assert validate_package(ROOT / "datapackage.json").findings == []


def test_two_processes_find_exactly_what_one_finds(package, monkeypatch):
    """The checks set aside run in a second process on a large package; on a broken copy the
    findings, and their order, are the same as in one process."""
    import os

    from validator import run
    package.edit("events", "e-data-removed", date_from="2016-13-01")         # frictionless
    package.edit("figures", "f-party-branches", value="79001")               # faithfulness
    package.edit("entities", "observers", description="Observers; " "139" "12345678.")  # privacy
    package.edit_descriptor(lambda d: d.update(keywords="not a list"))       # the profile, aside
    one = package.validate()
    forks = []
    real_fork = os.fork

    def counted_fork():
        forks.append(1)
        return real_fork()
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_ROWS", 0)
    monkeypatch.setattr(os, "fork", counted_fork)
    two = validate_package(package.descriptor, workers=2)
    assert forks == [1]
    assert two.by_layer() == one.by_layer() and two.checks == one.checks
    assert {f.check for f in one.findings} >= {"type-error", "figure_reads_as_value", "no_identifiers",
                                               "data_package_v2"}


def test_a_second_process_only_where_it_can_fork_and_the_package_is_large(package, monkeypatch):
    import os

    from validator import run
    from validator.context import Context
    from validator.package import load_package
    from validator.pins import ARTICLE_SHA256, PERSONS
    context = Context(load_package(package.descriptor), ARTICLE_SHA256, PERSONS)
    rows = sum(len(t.table.records) for t in context.package.parsed_tables())
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_ROWS", rows)
    assert run._worth_a_second_process(context)
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_ROWS", rows + 1)
    assert not run._worth_a_second_process(context)
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_ROWS", 0)
    monkeypatch.delattr(os, "fork")
    assert not run._worth_a_second_process(context)


def test_a_second_process_where_the_files_hold_much_text_though_the_tables_are_small(package, monkeypatch):
    from validator import run
    from validator.context import Context
    from validator.package import load_package
    from validator.pins import ARTICLE_SHA256, PERSONS
    context = Context(load_package(package.descriptor), ARTICLE_SHA256, PERSONS)
    characters = sum(len(f.text) for f in context.package.files if f.text is not None)
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_ROWS", 10**9)
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_CHARACTERS", characters)
    assert run._worth_a_second_process(context)
    monkeypatch.setattr(run, "SECOND_PROCESS_FROM_CHARACTERS", characters + 1)
    assert not run._worth_a_second_process(context)
