"""The validator's structure keeps its promises: every check registered once and counted when
it runs, the API exported, modules small and read as docs/validating.md's list of layers, no
import running back up, and the list of repository files (CONTRIBUTING.md's "Repository
layout") and ignored paths in one place."""
import ast
import re
from fnmatch import fnmatchcase

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import validator
from conftest import ROOT, assert_findings, examples
from validator import LAYERS, Finding, Report, validate_package
from validator import layout
from validator.registry import ARTICLE, NOTHING, registered

VALIDATING = (ROOT / "docs" / "validating.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
MODULES = sorted((ROOT / "validator").rglob("*.py"))
# Each layer's module, or its package (the privacy layer has one of its own).
LAYER_MODULES = {layer: f"validator/{layer}.py" for layer in LAYERS} | {"privacy": "validator/privacy/"}


def test_the_api_is_exported():
    assert set(validator.__all__) == {"validate_package", "Report", "Finding", "LAYERS"}
    assert isinstance(validate_package(ROOT / "datapackage.json"), Report) and Finding and LAYERS


def test_every_check_is_registered_once_in_a_known_layer_by_its_function_name():
    checks = registered()
    assert len({c.code for c in checks}) == len(checks)
    assert [c.layer for c in checks] == sorted((c.layer for c in checks), key=LAYERS.index)
    for check in checks:
        assert check.code == check.function.__name__
        module = check.function.__module__.replace(".", "/")
        assert f"{module}.py" == LAYER_MODULES[check.layer] or module.startswith(LAYER_MODULES[check.layer])


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


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.relative_to(ROOT / "validator").as_posix())
def test_no_module_is_over_about_300_lines(module):
    assert len(module.read_text(encoding="utf-8").splitlines()) <= 310


def test_the_validating_page_names_the_module_of_each_layer():
    section = VALIDATING.split("\n## The seven layers\n", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. ", section, re.M)) == len(LAYERS)
    for number, layer in enumerate(LAYERS, start=1):
        assert re.search(rf"^{number}\. \*\*{layer}\*\* \(`{LAYER_MODULES[layer]}`\)", section, re.M), layer


# Modules every layer may use, which must never import a layer (no import running back up);
# and the privacy layer's reading stage and detectors, which import nothing of the layer's checks.
FOUNDATIONS = ["findings", "registry", "files", "layout", "canonical", "vocabulary", "pins", "figure_text",
               "time_expressions", "models", "disclosure", "privacy/readings", "privacy/encodings", "privacy/markup",
               "privacy/images", "privacy/exceptions", "privacy/windows", *[f"privacy/detectors/{p.stem}" for p in
                                                          sorted((ROOT / "validator/privacy/detectors").glob("*.py"))]]
ABOVE = set(LAYERS) - {"privacy"} | {"run", "cli", "context", "package", "checks", "scan", "persons", "allowed",
                                      "texts"}


@pytest.mark.parametrize("name", FOUNDATIONS)
def test_no_import_runs_back_up(name):
    tree = ast.parse((ROOT / "validator" / f"{name}.py").read_text(encoding="utf-8"))
    imported = {part for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
                for part in (node.module or "").split(".")}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
                 and not node.module for alias in node.names}
    assert not imported & ABOVE, imported


def test_contributing_lists_the_repository_files_the_validator_allows():
    section = CONTRIBUTING.split("\n## Repository layout\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^- `([^`]+)`", section, re.M))
    assert listed == set(layout.REPOSITORY_FILES)


def _part_by_part(path: str, folder: bool = False) -> bool:
    """What CONTRIBUTING.md's patterns say: a path is a documented file when it has as many
    parts as a pattern and each part matches the pattern's part as a shell reads a name ("*"
    never crosses a "/"); a documented folder (`folder`) when it has fewer, each matching."""
    parts = path.split("/")
    return any((len(parts) < len(pattern.split("/")) if folder else len(parts) == len(pattern.split("/")))
               and all(fnmatchcase(part, piece) for part, piece in zip(parts, pattern.split("/")))
               for pattern in layout.REPOSITORY_FILES)


@st.composite
def _paths_near_the_patterns(draw) -> str:
    """A pattern of the layout with each "*" (and maybe one more character) replaced by a
    few characters drawn from those that matter: the separator, dots, line breaks, wildcards."""
    signs = st.sampled_from("ab/._-\n*?[]\\")
    pattern = draw(st.sampled_from(layout.REPOSITORY_FILES))
    path = "".join(draw(st.text(signs, max_size=4)) if char == "*" else char for char in pattern)
    if path and draw(st.booleans()):
        at = draw(st.integers(0, len(path) - 1))
        path = path[:at] + draw(signs) + path[at + 1:]
    return path


# Short paths of the characters that matter, anywhere.
_ANY_SHORT_PATH = st.text(st.sampled_from("ab/.\n*py"), max_size=12)


@given(st.one_of(_paths_near_the_patterns(), _ANY_SHORT_PATH))
@settings(max_examples=examples(600), deadline=None)
@example("validator/x/rows.py")
@example("docs/index.htm")
@example("README.md\n")
@example(".ci/run/")
def test_a_path_is_documented_as_the_patterns_read_it_part_by_part(path):
    assert layout.documented(path) == _part_by_part(path)


@given(st.one_of(_paths_near_the_patterns().map(lambda path: path.rsplit("/", 1)[0]),
                 _ANY_SHORT_PATH))
@settings(max_examples=examples(600), deadline=None)
@example("validator/privacy")
@example(".github/workflows")
@example("docs")
@example("notes")
@example("validator/privacy/detectors/x")
@example("")
def test_a_folder_is_one_documented_files_are_in_as_the_patterns_read_it_part_by_part(path):
    assert layout.documented_folder(path) == _part_by_part(path, folder=True)


def test_the_folders_of_the_documented_files_are_those_the_layout_names():
    assert [folder for folder in ("docs", ".github", ".github/workflows", "validator/privacy/detectors",
                                  "tests", "notes", "docs/index.html", "data", "") if layout.documented_folder(folder)] \
        == ["docs", ".github", ".github/workflows", "validator/privacy/detectors", "tests"]


def test_every_file_of_this_repository_is_one_the_validator_allows():
    assert validate_package(ROOT / "datapackage.json").findings == []


def _six_dated_notes(package) -> None:
    """Six documents, each with a full date the privacy layer refuses: work for two processes."""
    (package.root / "docs").mkdir(exist_ok=True)
    for n in range(6):
        (package.root / "docs" / f"notes{n}.md").write_text(f"Notes {n}, born 1970" "-03-0" f"{n + 1}.\n",
                                                             encoding="utf-8")


def test_two_processes_find_exactly_what_one_finds(package, monkeypatch):
    """On two cores a second process shares the privacy layer's reading of a large package:
    on a broken copy the findings, and their order, are those of one process."""
    import os

    from validator.privacy import scan
    package.edit("entities", "observers", description="Observers; " "139" "12345678.")
    _six_dated_notes(package)
    scan._KEPT.clear()
    one = package.validate()
    forks, real_fork = [], os.fork

    def counted_fork():
        forks.append(1)
        return real_fork()
    monkeypatch.setattr(scan, "BESIDE_FROM", 0)
    monkeypatch.setattr(os, "fork", counted_fork)
    scan._KEPT.clear()
    two = validate_package(package.descriptor, workers=2)
    assert forks == [1] and len(one.findings) == 7
    assert two.by_layer() == one.by_layer() and two.checks == one.checks
    assert validate_package(package.descriptor, workers=2).by_layer() == one.by_layer() and forks == [1]  # kept


def test_what_a_second_process_took_and_never_sent_is_read_here(package, monkeypatch):
    """The second process ends without sending what it found (it failed): the sources it took
    from the queue are read by this one, and the findings are those of one process."""
    import os

    from validator.privacy import scan
    _six_dated_notes(package)
    scan._KEPT.clear()
    one = package.validate()
    here, real_read = os.getpid(), scan._found_in_source

    def failing_beside(key, source):
        if os.getpid() != here:
            raise RuntimeError("the second process fails")
        return real_read(key, source)
    monkeypatch.setattr(scan, "BESIDE_FROM", 0)
    monkeypatch.setattr(scan, "_found_in_source", failing_beside)
    scan._KEPT.clear()
    two = validate_package(package.descriptor, workers=2)
    assert len(one.findings) == 6 and two.by_layer() == one.by_layer()


def test_a_check_that_fails_leaves_no_second_process_behind(package, monkeypatch):
    """An internal error in a check ends the validation; the second process, still reading,
    is ended and waited for with it."""
    import os

    from validator import registry
    from validator.privacy import scan
    forks, real_fork = [], os.fork

    def counted_fork():
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid
    first = registry.registered()[0]
    monkeypatch.setattr(scan, "BESIDE_FROM", 0)
    monkeypatch.setattr(os, "fork", counted_fork)
    monkeypatch.setattr(type(first), "run", lambda check, ctx: 1 / 0)
    scan._KEPT.clear()
    with pytest.raises(ZeroDivisionError):
        validate_package(package.descriptor, workers=2)
    [child] = forks
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already waited for


def test_a_second_process_only_for_much_text_and_where_it_can_fork(package, monkeypatch):
    import os

    from validator.privacy import scan
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or 1 / 0)
    scan._KEPT.clear()
    assert validate_package(package.descriptor, workers=2).valid and forks == []  # little text
    monkeypatch.setattr(scan, "BESIDE_FROM", 0)
    monkeypatch.delattr(os, "fork")
    scan._KEPT.clear()
    assert validate_package(package.descriptor, workers=2).valid and forks == []  # no fork


def test_outside_git_the_repository_s_files_are_all_but_what_gitignore_names(tmp_path):
    """`listing.repository_files` where git cannot list: .gitignore's folders at the top,
    `__pycache__`, compiled Python and `.git` are left out; a folder of the same name deeper in
    is not at the top, and is kept."""
    from validator.listing import repository_files
    (tmp_path / ".gitignore").write_text("/build/\n/.cache\n__pycache__/\n*.pyc\n", encoding="utf-8")
    for name in ("a.txt", "build/out.txt", ".cache/x", "docs/build/kept.txt", "sub/__pycache__/m.pyc",
                 "sub/m.pyc", ".git/config", "sub/m.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("invented\n", encoding="utf-8")
    assert repository_files(tmp_path) == [".gitignore", "a.txt", "docs/build/kept.txt", "sub/m.py"]
