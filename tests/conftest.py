"""Shared fixtures: a private copy of the package that a test may break in one way, a copy of
the whole repository for the tests that follow its documents' commands, and the exact-findings
assertion every fault test uses."""
from __future__ import annotations

import contextlib
import csv
import importlib
import io
import json
import shutil
import struct
import subprocess
import sys
import zlib
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _hypothesis_asserts_left_as_written() -> None:
    """pytest rewrites the asserts of every module of a distribution that brings a pytest
    plugin, so each of hypothesis's hundred modules each time a test process imports it (about
    0.7 s of every worker's start); their asserts are hypothesis's own, not this suite's. pytest
    is pinned (requirements-dev.txt): where its hook has changed, nothing is changed here."""
    from _pytest.assertion.rewrite import AssertionRewritingHook
    for hook in sys.meta_path:
        if isinstance(hook, AssertionRewritingHook) and isinstance(getattr(hook, "_must_rewrite", None), set):
            hook._must_rewrite.discard("hypothesis")


_hypothesis_asserts_left_as_written()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from update_hashes import update_hashes  # noqa: E402
from validator import Report, validate_package  # noqa: E402

ARTICLE = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
# A made-up PRC resident ID number with a valid check character, built from pieces so that no
# file of the package holds one.
VALID_ID = "999999" "1970" "0101" "0017"


# The scripts that write generated files and take --check (CONTRIBUTING.md, "Generated files").
GENERATED_CHECKS = ["update_hashes.py", "build_data_dictionary.py", "build_docs.py", "build_site.py",
                    "build_release.py"]


def still_current(copy, in_process: bool = False) -> dict[str, int]:
    """Each generated file's `--check` in the copy: 0 where it is current. Run as the command
    a contributor types, or `in_process` (the same `main`, called here: no process to start)."""
    if not in_process:
        return {script: subprocess.run([sys.executable, f"scripts/{script}", "--check"], cwd=copy,
                                       capture_output=True, text=True).returncode for script in GENERATED_CHECKS}
    exits = {}
    for script in GENERATED_CHECKS:
        main = importlib.import_module(script.removesuffix(".py")).main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exits[script] = (main(["--check", str(copy / "datapackage.json")]) if script == "update_hashes.py"
                             else main(["--check"], root=copy))
    return exits


class imported_when_used:
    """A module imported when one of its names is first read: a library that a few tests use
    (pandas, polars, DuckDB, pyld, openpyxl) is not imported by every test process as it
    collects the suite."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        if attribute.startswith("_"):  # what pytest asks of each name it collects, not the module's
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self._name), attribute)

    def __setattr__(self, attribute: str, value) -> None:
        if not attribute.startswith("_"):  # a test that patches a name patches the module itself
            raise AttributeError(f"set {attribute} on the module {self._name}, not on this stand-in")
        super().__setattr__(attribute, value)


def package_rows(root: Path = ROOT) -> int:
    """How many rows the tables under `root`'s data/ hold, as validate.py counts them."""
    total = 0
    for path in sorted((root / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            total += sum(1 for _ in csv.reader(f)) - 1
    return total


def write(package, relative: str, text: str) -> Path:
    """`text` as the file `relative` of the package copy, its folders made as needed."""
    path = package.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_exceptions(package, *entries: tuple[str, str, str, str]) -> Path:
    """The package's reviewed privacy exceptions: (check, file, fingerprint, reason) each."""
    rows = ["check,file,sha256,reason"] + [",".join(entry[:3]) + f',"{entry[3]}"' for entry in entries]
    return write(package, "privacy-exceptions.csv", "\n".join(rows) + "\n")


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk, with the checksum of its bytes."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width=2, height=2, depth=8, colour=2, interlace=0, before=(), idat=None, after=()):
    """A PNG of black pixels; `before` and `after` the image data, more (kind, data) chunks;
    `idat`, the image data's chunks instead of one zlib stream of the right size."""
    from validator.privacy.images import pixel_bytes
    if idat is None:
        idat = [zlib.compress(b"\x00" * pixel_bytes(width, height, depth, colour, interlace))]
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + b"".join(chunk(k, d) for k, d in before)
            + b"".join(chunk(b"IDAT", d) for d in idat) + b"".join(chunk(k, d) for k, d in after)
            + chunk(b"IEND", b""))


class PackageCopy:
    """A copy of datapackage.json, data/ and schema/ in a temporary directory."""

    def __init__(self, root: Path):
        self.root = root
        self.descriptor = root / "datapackage.json"

    # -- reading -----------------------------------------------------------------------
    def table_file(self, table: str) -> Path:
        return self.root / "data" / f"{table}.csv"

    def rows(self, table: str) -> list[dict[str, str]]:
        with open(self.table_file(table), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def row_number(self, table: str, key: str) -> int:
        """The row number of the record whose first column is `key` (the header is row 1)."""
        for index, row in enumerate(self.rows(table)):
            if next(iter(row.values())) == key:
                return index + 2
        raise KeyError(key)

    def row(self, table: str, key: str) -> dict[str, str]:
        return self.rows(table)[self.row_number(table, key) - 2]

    # -- breaking ----------------------------------------------------------------------
    @staticmethod
    def csv_text(rows: list[dict[str, str]]) -> str:
        """The rows as write_rows writes them: a header, then a line each."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()

    def write_rows(self, table: str, rows: list[dict[str, str]], rehash: bool = True) -> None:
        self.table_file(table).write_text(self.csv_text(rows), encoding="utf-8", newline="")
        if rehash:
            self.rehash()

    def edit(self, table: str, key: str, **changes: str) -> int:
        """Change cells of one record; return its row number."""
        rows = self.rows(table)
        number = self.row_number(table, key)
        rows[number - 2].update(changes)
        self.write_rows(table, rows)
        return number

    def delete(self, table: str, key: str) -> None:
        rows = self.rows(table)
        del rows[self.row_number(table, key) - 2]
        self.write_rows(table, rows)

    def append(self, table: str, **cells: str) -> int:
        rows = self.rows(table)
        rows.append({column: cells.get(column, "") for column in rows[0]})
        self.write_rows(table, rows)
        return len(rows) + 1

    def write_bytes(self, relative: str, content: bytes, rehash: bool = True) -> None:
        (self.root / relative).write_bytes(content)
        if rehash:
            self.rehash()

    def edit_descriptor(self, change) -> None:
        package = json.loads(self.descriptor.read_text(encoding="utf-8"))
        change(package)
        self.descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")

    def resource(self, package: dict, name: str) -> dict:
        return next(r for r in package["resources"] if r["name"] == name)

    def edit_resource(self, resource: str, **changes) -> None:
        self.edit_descriptor(lambda d: self.resource(d, resource).update(changes))

    def edit_schema(self, table: str, change) -> None:
        file = self.root / "schema" / f"{table}.json"
        schema = json.loads(file.read_text(encoding="utf-8"))
        change(schema)
        file.write_text(json.dumps(schema, indent=2, ensure_ascii=False), encoding="utf-8")

    def rehash(self) -> None:
        update_hashes(self.descriptor)

    def validate(self, **pins) -> Report:
        return validate_package(self.descriptor, **pins)


@pytest.fixture
def package(tmp_path) -> PackageCopy:
    """A copy of the package whose corrections table holds its header only, so that a fault
    planted in a row is refused for itself whatever corrections the package has published (the
    published ones are validated with the package, tests/test_clean_package.py)."""
    root = tmp_path / "package"
    root.mkdir()
    shutil.copy(ROOT / "datapackage.json", root)
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "schema", root / "schema")
    copy = PackageCopy(root)
    corrections = copy.table_file("corrections")
    header = corrections.read_text(encoding="utf-8").split("\n", 1)[0] + "\n"
    if corrections.read_text(encoding="utf-8") != header:
        corrections.write_text(header, encoding="utf-8", newline="")
        copy.rehash()
    return copy


def repository_files() -> list[str]:
    """The repository's files as git publishes them, from the working tree, edits included
    (`validator.listing.repository_files`)."""
    from validator.listing import repository_files as listed
    return listed(ROOT)


def copy_of_the_repository(destination: Path, environment: bool = True) -> Path:
    """The repository's files, copied to `destination`. With `environment`, the copy is a git
    work tree of its own (nothing committed) whose `.venv` is the environment running the tests,
    so that the documents' commands (`.venv/bin/python ...`) run in it as written; git ignores
    `.venv`, as it ignores a clone's."""
    for name in repository_files():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, target)
        shutil.copymode(ROOT / name, target)
    if environment:
        subprocess.run(["git", "init", "--quiet", str(destination)], check=True)
        venv = destination / ".venv"
        if sys.prefix != sys.base_prefix:  # a virtual environment: link each of its parts
            venv.mkdir()
            for part in Path(sys.prefix).iterdir():
                (venv / part.name).symlink_to(part)
        else:
            subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                           check=True)
    return destination


@pytest.fixture
def repository_copy(tmp_path) -> Path:
    """A copy of the repository that a test may change, with `.venv` (see copy_of_the_repository)."""
    return copy_of_the_repository(tmp_path / "repository")


@pytest.fixture(scope="session")
def repository_with_release(tmp_path_factory) -> Path:
    """One copy of the repository per test process, with the release built into its `build/`,
    for the tests that only read it."""
    from release.build import build_release
    copy = copy_of_the_repository(tmp_path_factory.mktemp("repository") / "repository")
    build_release(copy, copy / "build", environ={})
    return copy


def places(report: Report) -> list[tuple]:
    """Every finding as (layer, check, resource, row, field), in the report's order."""
    return [(f.layer, f.check, f.resource, f.row, f.field) for f in report.findings]


def assert_findings(report: Report, *expected: tuple) -> list:
    """The report holds exactly these findings, each (layer, check, resource, row, field),
    as many times as listed: one missing, extra or duplicated fails. Returns the findings in
    the order listed, for checks on their messages."""
    actual = Counter(places(report))
    wanted = Counter(expected)
    if actual != wanted:
        listed = "\n".join(f"  {f.layer}/{f.check} {f.as_text()}" for f in report.findings)
        raise AssertionError(f"missing: {sorted(wanted - actual, key=str)}\n"
                             f"extra: {sorted(actual - wanted, key=str)}\nfindings:\n{listed}")
    by_place = {}
    for finding in report.findings:
        by_place.setdefault((finding.layer, finding.check, finding.resource, finding.row,
                             finding.field), []).append(finding)
    return [by_place[place].pop(0) for place in expected]


# The tests that read the built release (the fixture `repository_with_release`) outside the
# release's own test files, and those that validate this repository itself in-process (in one
# worker, its texts are read once: what the privacy layer finds in a source it has read is kept).
READ_THE_RELEASE = {"tests/test_corrections.py::test_the_release_carries_both_tables_in_every_format",
                    "tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows",
                    "tests/test_readme.py::test_the_readme_s_sqlite_connection_enforces_foreign_keys"}
VALIDATE_THE_REPOSITORY = {"validator/__init__.py::validator",
                           "tests/test_clean_package.py::test_the_package_is_valid",
                           "tests/test_structure.py::test_the_api_is_exported",
                           "tests/test_structure.py::test_every_file_of_this_repository_is_one_the_validator_allows"}


def worker_group(nodeid: str) -> str | None:
    """The group of tests, by id, that one xdist worker runs together (`--dist loadgroup`, in
    pyproject.toml): the tests of the built release, so that one worker builds it, once; those
    that validate the repository, so that one worker reads its texts, once."""
    test = nodeid.split("[", 1)[0]
    if test.split("::", 1)[0].rsplit("/", 1)[-1].startswith("test_release_") or test in READ_THE_RELEASE:
        return "release"
    return "repository" if test in VALIDATE_THE_REPOSITORY else None


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under `--dist loadgroup`, xdist's scheduling by scope, each group (`worker_group`) one
    scope and every other test one of its own. xdist 3.8's own groups (the `xdist_group` mark)
    name a group by a suffix it writes to each test's id where pytest 9.2 no longer reads one,
    so each worker would run a share of every group; here the ids are left as they are."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid) or nodeid

    return ByGroup(config, log)


def pytest_addoption(parser):
    parser.addoption("--tools", action="store_true",
                     help="also run the tests that start real tools (git, pre-commit, a virtual "
                          "environment, the browser); CI=true runs them always")


# On a contributor's machine a property test tries at most this many examples; in CI, as many
# as it asks for.
DEV_EXAMPLES = 25


def _in_ci() -> bool:
    import os
    return os.environ.get("CI") == "true"


def examples(wanted: int) -> int:
    """A property test's number of examples: `wanted` in CI, at most DEV_EXAMPLES elsewhere."""
    return wanted if _in_ci() else min(wanted, DEV_EXAMPLES)


def pytest_runtest_setup(item):
    """A test marked `tools` starts real tools: it runs under CI=true, where a missing tool fails
    it (CI must run every test), and with `--tools`, where a missing tool skips it ("browser":
    a Chromium and its driver, as `viewer.chromium` finds them; any other name, a command on the
    PATH). Without either it is skipped, so that the default run is the quick one."""
    for marker in item.iter_markers("tools"):
        if not (_in_ci() or item.config.getoption("--tools")):
            pytest.skip("starts real tools: run with --tools (CI=true runs it always)")
        missing = [name for name in marker.args or ("git",) if not _installed(name)]
        if missing:
            message = f"not installed: {', '.join(missing)}"
            if _in_ci():
                pytest.fail(f"{message}; CI=true, so this test must run, not skip")
            pytest.skip(message)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a test marked `tools` that is skipped anyway (by a `skipif` of its own, or
    a skip inside it) fails: CI must run every such test."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _in_ci() and any(item.iter_markers("tools")):
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid}: skipped ({report.longrepr}); CI=true, so this test must run, not skip"


def _installed(tool: str) -> bool:
    """Whether `tool` is installed: on the PATH, or beside this Python (a virtual
    environment's own commands, such as pre-commit)."""
    import os
    import shutil
    if tool == "browser":
        from viewer.chromium import find_chromium
        return find_chromium() is not None
    here = os.path.dirname(sys.executable)
    return shutil.which(tool, path=os.pathsep.join([here, os.environ.get("PATH", "")])) is not None


@pytest.fixture(autouse=True)
def _forget_what_was_computed_before_a_mutation():
    """Under mutation testing (mutmut names the mutant in MUTANT_UNDER_TEST), a cache of the
    mutated module must not answer with what its original computed before the mutant ran."""
    import os
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if mutant.startswith("validator.privacy"):
        from validator.privacy import detectors, scan
        from validator.privacy.detectors import digits
        scan._KEPT.clear()
        detectors.may_hold.cache_clear()
        detectors.plain.cache_clear()
        digits.runs.cache_clear()
    if mutant.startswith("validator."):
        from validator import profile, tables
        from validator.privacy import normal
        from validator.privacy.detectors import script
        module = mutant.split(".")[-2] if mutant.count(".") > 1 else mutant.split(".")[1]
        if module == "tables":
            tables._CHECKED.clear()
        if module == "profile":
            profile._PROFILE_ERRORS.clear()
        if module == "normal":
            normal.clear_caches()
        if module == "script":
            script.script_of.cache_clear()
        for value in list(vars(sys.modules.get(mutant.rsplit(".", 1)[0], normal)).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()  # every cache of the mutated module itself
    yield
