"""The release, built once per test process, for the tests of each output.

Not a test module: tests import `built_release` and call it from a session fixture. Building
takes about a second; the release's tests share one xdist worker (`conftest.worker_group`), which builds it once.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from release import package as package_module  # noqa: E402

_BUILT: dict[str, Path] = {}


def built_release(tmp_path_factory) -> Path:
    """The directory holding this process's build of the release (SOURCE_DATE_EPOCH unset)."""
    if "dir" not in _BUILT:
        from release.build import build_release  # openpyxl and the rest: only where a release is built
        out = tmp_path_factory.mktemp("release")
        build_release(ROOT, out, environ={})
        _BUILT["dir"] = out
    return _BUILT["dir"]


def package():
    return package_module.load(ROOT)


def csv_header(table: str) -> list[str]:
    """The table's header line, as its columns (a table may hold no row)."""
    with open(ROOT / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def csv_rows(table: str) -> list[dict[str, str]]:
    """The table as the CSV file has it: every cell a string, empty cells ''."""
    with open(ROOT / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def release_file(directory: Path, suffix: str) -> Path:
    stem = package().stem
    return directory / f"{stem}{suffix}"
