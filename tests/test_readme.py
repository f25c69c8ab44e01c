"""The README's promises, and those of the pages it links to: their blocks run as written and
print what the pages show, its Quick start and the release page's build and Croissant blocks are
exactly what .ci/run runs, its counts are the package's, and it stays a front page."""
import os
import re
import shutil
import sqlite3

import pytest

import doc_blocks
from conftest import ROOT, package_rows
from doc_blocks import blocks, claimed, run_script
from validator.registry import registered

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
PAGES = ["README.md", "docs/using-the-tables.md", "docs/validating.md"]
SCRIPTS = "tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows"
RELEASE_PAGE = "tests/test_readme.py::test_the_release_files_page_runs_on_the_release_its_commands_build"


@pytest.mark.tools("git")
@pytest.mark.parametrize("page", PAGES)
def test_the_blocks_of_a_page_print_what_the_page_shows(page, repository_with_release):
    """In a copy of the repository with its release built (the README's SQLite block reads
    it), every block of the page runs in order; each text block is what the block before printed."""
    script = claimed(SCRIPTS, page)
    assert [b for b in script if b.language != "text"], f"{page}: no block to run"
    run_script(script, repository_with_release)


@pytest.mark.tools("git")
def test_the_release_files_page_runs_on_the_release_its_commands_build(repository_copy):
    """The page's first block builds the release into build/ and checks its sums; every
    Python block then reads that build and prints what the page shows."""
    script = claimed(RELEASE_PAGE, "docs/release-files.md")
    assert script[0].language == "bash" and "build_release.py build" in script[0].body
    assert len([b for b in script if b.language == "python"]) >= 5
    run_script(script, repository_copy)
    assert (repository_copy / "build" / "SHA256SUMS").is_file()


def readme_block(text: str) -> doc_blocks.Block:
    [block] = [b for b in blocks("README.md") if b.language == "python" and text in b.body]
    return block


def test_the_readme_s_sqlite_connection_enforces_foreign_keys(repository_with_release, tmp_path):
    """SQLite leaves declared foreign keys unchecked on a connection that does not turn them on:
    the README's connection must refuse an attribution of a statement that does not exist."""
    (tmp_path / "build").mkdir()  # the test writes: to a copy of the database, not the shared release
    shutil.copy(next((repository_with_release / "build").glob("*.sqlite")), tmp_path / "build")
    namespace = run_script([readme_block("sqlite3.connect(")], tmp_path)
    database = namespace["database"]
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        database.execute("INSERT INTO attributions VALUES ('s-no-such-statement', 'article', 'source')")
    database.close()


def commands(block: doc_blocks.Block) -> list[str]:
    return [line for line in block.body.splitlines() if line.strip()]


def quick_start_lines():
    [block] = claimed("tests/test_readme.py::test_quick_start_is_two_commands_that_ci_runs_verbatim")
    return commands(block)


def test_quick_start_is_two_commands_that_ci_runs_verbatim():
    lines = quick_start_lines()
    assert len(lines) == 2
    for line in lines:
        assert line in CI, f".ci/run does not run the README line: {line}"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def in_order_in_ci(lines: list[str]) -> bool:
    """Whether .ci/run runs `lines` one after the other, as written."""
    return any(CI[i:i + len(lines)] == lines for i in range(len(CI)))


def test_ci_runs_the_release_build_and_croissant_blocks_verbatim():
    """mlcroissant must be installed from the network, which the tests do without: .ci/run runs
    the page's Croissant block as written, after the page's own build of the release."""
    [croissant] = claimed("tests/test_readme.py::test_ci_runs_the_release_build_and_croissant_blocks_verbatim",
                          "docs/release-files.md")
    build = claimed(RELEASE_PAGE, "docs/release-files.md")[0]
    assert "validate --jsonld build/croissant.json" in croissant.body and "build_release.py build" in build.body
    assert in_order_in_ci(commands(build)), ".ci/run does not build the release as docs/release-files.md does"
    assert in_order_in_ci(commands(croissant)), ".ci/run does not run docs/release-files.md's Croissant block"
    assert CI.index(commands(build)[0]) < CI.index(commands(croissant)[0])


def test_the_check_of_ci_sees_a_line_out_of_place():
    assert not in_order_in_ci(["set -euo pipefail", "export CI=true"])  # in .ci/run, but apart
    assert in_order_in_ci(CI[3:5])


def test_readme_states_what_validation_prints():
    assert f"`valid: 9 tables, {package_rows()} rows, {len(registered())} checks, 0 findings`" in README


# -- a front page ------------------------------------------------------------------------------

def words(markdown: str) -> list[str]:
    """The words of `markdown` as GitHub renders it, prose and code: no comments, tags,
    images, link targets or Markdown marks; a word holds at least one letter or digit."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^```.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"^\|?[-| ]+\|?$", " ", text, flags=re.MULTILINE)
    return [word for word in re.split(r"\s+", re.sub(r"[|#*`>]", " ", text)) if re.search(r"\w", word)]


def test_the_readme_is_a_front_page_read_in_five_minutes():
    """At most 1,500 words, code included: what goes deeper has a page of its own."""
    assert len(words(README)) <= 1500, f"{len(words(README))} words"


def test_the_word_count_counts_what_a_reader_reads():
    page = "# Title\n\n<!-- a comment -->\nSee [the page](docs/a-long/path.md).\n\n```bash\nrun this\n```\n| a | b |\n|---|---|\n"
    assert words(page) == ["Title", "See", "the", "page.", "run", "this", "a", "b"]
