"""The README's promises: its Python blocks run as written and print what it shows, and its
Quick start is exactly what .ci/run runs."""
import contextlib
import io
import os
import re
import shutil
import sqlite3

import pytest

from conftest import ROOT
from release_build import built_release

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks_with_output():
    """(code, expected output or None) for every python block, in order."""
    blocks = [(m.group(1), m.group(2)) for m in BLOCK.finditer(README)]
    pairs = []
    for index, (language, body) in enumerate(blocks):
        if language == "python":
            following = blocks[index + 1] if index + 1 < len(blocks) else (None, None)
            pairs.append((body, following[1] if following[0] == "text" else None))
    return pairs


@pytest.fixture(scope="session")
def release(tmp_path_factory):
    """The blocks on release files read RELEASE_DIR: a release built for the test session."""
    return built_release(tmp_path_factory)


def test_readme_python_blocks_print_what_the_readme_shows(monkeypatch, release):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("RELEASE_DIR", str(release))
    namespace = {}
    pairs = python_blocks_with_output()
    assert len(pairs) >= 6
    for code, expected in pairs:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), namespace)
        if expected is not None:
            assert out.getvalue().rstrip() == expected.rstrip(), code


def test_the_readme_s_sqlite_connection_enforces_foreign_keys(monkeypatch, release, tmp_path):
    """SQLite leaves declared foreign keys unchecked on a connection that does not turn them on:
    the README's connection must refuse an attribution of a statement that does not exist."""
    shutil.copy(next(release.glob("*.sqlite")), tmp_path)  # the test writes: not to the shared release
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("RELEASE_DIR", str(tmp_path))
    namespace = {}
    for code, _ in python_blocks_with_output():
        if "release = Path(" in code or "sqlite3.connect(" in code:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, "README.md", "exec"), namespace)
    database = namespace["database"]
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        database.execute("INSERT INTO attributions VALUES ('s-no-such-statement', 'article', 'source')")
    database.close()


def quick_start_lines():
    section = README.split("## Quick start", 1)[1]
    block = BLOCK.search(section)
    assert block.group(1) == "bash"
    return [line for line in block.group(2).splitlines() if line.strip()]


def test_quick_start_is_two_commands_that_ci_runs_verbatim():
    lines = quick_start_lines()
    assert len(lines) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert line in ci, f".ci/run does not run the README line: {line}"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_readme_states_the_current_row_count():
    rows = sum(len((ROOT / "data" / name).read_text(encoding="utf-8").splitlines()) - 1
               for name in os.listdir(ROOT / "data") if name.endswith(".csv"))
    assert f"valid: 7 tables, {rows} rows," in README
