"""The code blocks of the hand-written documents, which test runs each, and how a page's blocks
run as one script.

Not a test module. Every fenced block of README.md, CONTRIBUTING.md and docs/*.md (but the
generated pages) is run by a test: `RUNNERS` says which, by page, section and language, and
tests/test_docs.py fails on a block that no runner claims, or on a runner that is not a test.
A `text` block is the output of the code block before it, and is compared with what that block
printed.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

# Written by scripts/build_data_dictionary.py and scripts/build_docs.py: they hold no blocks to run.
GENERATED = ("docs/data-dictionary.md", "docs/validation.md")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def hand_written() -> list[str]:
    docs = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").glob("*.md"))
    return ["README.md", "CONTRIBUTING.md", *(doc for doc in docs if doc not in GENERATED)]


@dataclass(frozen=True)
class Block:
    doc: str
    section: str   # the heading of the `## ` section it is in; "" before the first
    language: str
    body: str
    line: int      # the line of its opening fence

    def __str__(self) -> str:
        return f"{self.doc}:{self.line} ({self.language}, in {self.section or 'the top'})"


def section_of(text: str, position: int) -> str:
    headings = [m for m in re.finditer(r"^## (.+)$", text[:position], re.MULTILINE)]
    return headings[-1].group(1).strip() if headings else ""


def blocks(doc: str, text: str | None = None) -> list[Block]:
    text = (ROOT / doc).read_text(encoding="utf-8") if text is None else text
    return [Block(doc, section_of(text, m.start()), m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1)
            for m in FENCE.finditer(text)]


def section(doc: str, heading: str) -> str:
    """The text of the `## heading` section of `doc`, up to the next `## ` heading."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


# Which test runs which blocks: (test, page, section or None for every section, languages).
RUNNERS = [
    ("tests/test_readme.py::test_quick_start_is_two_commands_that_ci_runs_verbatim",
     "README.md", "Quick start", {"bash"}),
    ("tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows",
     "README.md", "Loading the tables", {"python", "text"}),
    ("tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows",
     "docs/using-the-tables.md", None, {"python", "text"}),
    ("tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows",
     "docs/validating.md", "Usage", {"bash"}),
    ("tests/test_readme.py::test_the_blocks_of_a_page_print_what_the_page_shows",
     "docs/validating.md", "From Python", {"python", "text"}),
    ("tests/test_readme.py::test_the_release_files_page_runs_on_the_release_its_commands_build",
     "docs/release-files.md", "", {"bash"}),
    ("tests/test_readme.py::test_the_release_files_page_runs_on_the_release_its_commands_build",
     "docs/release-files.md", None, {"python", "text"}),
    ("tests/test_readme.py::test_ci_runs_the_release_build_and_croissant_blocks_verbatim",
     "docs/release-files.md", "Croissant", {"bash"}),
    ("tests/test_contributors.py::test_the_readme_s_workflow_validates_a_valid_copy_and_annotates_a_broken_figure",
     "README.md", "Validating in CI", {"yaml"}),
    ("tests/test_contributors.py::test_the_readme_s_pre_commit_block_passes_and_fails_as_it_should",
     "README.md", "Validating in CI", {"bash"}),
    ("tests/test_release_citation.py::test_the_readme_s_bibtex_reads_as_the_citation",
     "README.md", "How to cite", {"bibtex"}),
    ("tests/test_docs.py::test_the_finding_the_validating_page_shows_is_what_validate_prints",
     "docs/validating.md", "Findings and exit codes", {"text"}),
    ("tests/test_docs.py::test_every_csv_block_is_lines_of_the_file_it_shows", None, None, {"csv"}),
    ("tests/test_contributing.py::test_editing_rows_the_commands_refresh_the_hashes_and_validate",
     "CONTRIBUTING.md", "Editing rows", {"bash"}),
    ("tests/test_contributing.py::test_adding_a_row_as_the_recipe_says_validates",
     "CONTRIBUTING.md", "Adding a row", {"text", "csv", "bash"}),
    ("tests/test_contributing.py::test_adding_an_optional_column_as_the_recipe_says_validates",
     "CONTRIBUTING.md", "Adding an optional column", {"python", "bash"}),
    ("tests/test_contributing.py::test_a_reviewed_value_passes_by_the_row_exception_rows_prints",
     "CONTRIBUTING.md", "Reviewed privacy exceptions", {"bash"}),
    ("tests/test_contributing.py::test_the_article_was_revised_as_the_recipe_says_validates",
     "CONTRIBUTING.md", "The article was revised", {"bash"}),
    ("tests/test_contributing.py::test_a_row_corrected_as_the_recipe_says_shows_everywhere",
     "CONTRIBUTING.md", "We corrected a row", {"python", "bash"}),
]


def claims(runner: tuple, block: Block) -> bool:
    _, doc, heading, languages = runner
    return (doc in (None, block.doc) and heading in (None, block.section)
            and block.language in languages)


def claimed(test: str, doc: str | None = None) -> list[Block]:
    """The blocks `test` runs (of `doc`, if given), in page order."""
    docs = [doc] if doc else hand_written()
    runners = [runner for runner in RUNNERS if runner[0] == test]
    assert runners, f"no runner {test}"
    return [block for name in docs for block in blocks(name) if any(claims(r, block) for r in runners)]


def run_script(page: list[Block], cwd: Path, namespace: dict | None = None, env: dict | None = None) -> dict:
    """Run `page`'s blocks in order in `cwd`: Python in one namespace (in this process), shell
    blocks with bash (exiting on the first failing command); each text block must be what the
    block before it printed. Returns the namespace."""
    namespace = {} if namespace is None else namespace
    printed = None
    for block in page:
        if block.language == "python":
            out = io.StringIO()
            with contextlib.chdir(cwd), contextlib.redirect_stdout(out):
                exec(compile(block.body, str(block), "exec"), namespace)
            printed = out.getvalue()
        elif block.language == "bash":
            printed = run_bash(block, cwd, env).stdout
        elif block.language == "text":
            assert printed is not None, f"{block} follows no block that prints"
            assert printed.rstrip() == block.body.rstrip(), f"{block} is not what the block before it printed"
            printed = None
        else:
            raise AssertionError(f"{block}: no way to run {block.language!r} in a script")
    return namespace


def run_bash(block: Block, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block.body], cwd=cwd,
                            env=os.environ | (env or {}), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{block} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result
