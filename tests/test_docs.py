"""The hand-written documents keep their promises: every code block is run by a test (see
doc_blocks.RUNNERS), every table row they show is a row of its file, every finding they show is
what validate.py prints, and every link between them leads somewhere."""
import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

import doc_blocks
from conftest import ROOT
from doc_blocks import RUNNERS, Block, blocks, claimed, claims, hand_written
from validator.cli import main as validate_main

CSV_RUNNER = "tests/test_docs.py::test_every_csv_block_is_lines_of_the_file_it_shows"


def test_every_block_of_the_hand_written_docs_is_run_by_a_test():
    unclaimed = [str(block) for doc in hand_written() for block in blocks(doc)
                 if not any(claims(runner, block) for runner in RUNNERS)]
    assert unclaimed == [], "no test runs these blocks: add one to doc_blocks.RUNNERS"


def test_every_runner_is_a_test_and_runs_a_block():
    for runner in RUNNERS:
        path, name = runner[0].split("::")
        assert re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M), runner[0]
        assert any(claims(runner, block) for doc in hand_written() for block in blocks(doc)), runner


def test_the_check_of_runners_sees_a_block_no_test_runs():
    page = "# Page\n\n## Somewhere\n\n```python\nprint(1)\n```\n\n```csv\na,b\n```\n"
    found = blocks("README.md", page)
    assert [block.language for block in found if not any(claims(r, block) for r in RUNNERS)] == ["python"]


def test_the_generated_pages_are_left_out_and_the_others_in():
    docs = hand_written()
    assert "docs/validation.md" not in docs and "docs/data-dictionary.md" not in docs
    assert {"README.md", "CONTRIBUTING.md", "docs/method.md", "docs/validating.md", "docs/release-files.md",
            "docs/using-the-tables.md", "docs/datasheet.md"} <= set(docs)


# -- table rows and findings shown -------------------------------------------------------------

CSV_FILES = sorted([*(ROOT / "data").glob("*.csv"), ROOT / "privacy-exceptions.csv"])


def file_with_header(header: str) -> Path:
    [path] = [path for path in CSV_FILES if path.read_text(encoding="utf-8").split("\n", 1)[0] == header]
    return path


def rows_not_in_their_file(block: Block) -> list[str]:
    """The rows of a csv block (a header line, then rows) that are not lines of the one file
    with that header, as written."""
    header, *rows = block.body.rstrip("\n").split("\n")
    lines = file_with_header(header).read_text(encoding="utf-8").split("\n")
    assert rows, f"{block} shows no row"
    return [row for row in rows if row not in lines]


def test_every_csv_block_is_lines_of_the_file_it_shows():
    shown = claimed(CSV_RUNNER)
    assert len(shown) >= 9
    for block in shown:
        assert rows_not_in_their_file(block) == [], str(block)


def test_the_csv_check_sees_a_row_that_is_not_in_its_file():
    header, row = (ROOT / "data" / "figures.csv").read_text(encoding="utf-8").split("\n")[:2]
    edited = row.replace(",", ",x", 1)
    assert rows_not_in_their_file(Block("README.md", "", "csv", f"{header}\n{row}\n{edited}\n", 1)) == [edited]


def test_the_finding_the_validating_page_shows_is_what_validate_prints(package):
    """“Here a figure's value was edited and the hashes refreshed”: the page's output is what
    validate.py prints for that edit."""
    [shown] = claimed("tests/test_docs.py::test_the_finding_the_validating_page_shows_is_what_validate_prints",
                      "docs/validating.md")
    match = re.search(r"text '(.+?)' reads as (\d+); value is (\d+)", shown.body)
    shutil.copy(ROOT / "data" / "corrections.csv", package.table_file("corrections"))  # the package as published
    row = next(r for r in package.rows("figures") if r["text"] == match.group(1))
    assert row["value"] == match.group(2)
    package.edit("figures", row["id"], value=match.group(3))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert validate_main([str(package.descriptor)]) == 1
    assert out.getvalue().rstrip() == shown.body.rstrip()


# -- links -------------------------------------------------------------------------------------

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, no punctuation but hyphens, spaces as hyphens."""
    text = re.sub(r"[`*]", "", heading).strip().lower()
    return re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", text))


def anchors(path: Path) -> set[str]:
    text = doc_blocks.FENCE.sub("", path.read_text(encoding="utf-8"))
    return {anchor(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.M)}


def broken_links(doc: str, text: str) -> list[str]:
    broken = []
    for match in LINK.finditer(doc_blocks.FENCE.sub("", text)):
        target = next(group for group in match.groups() if group)
        if re.match(r"[a-z]+:", target):
            continue  # a URL: not followed, the tests stay offline
        path, _, fragment = target.partition("#")
        file = (ROOT / doc).parent / path if path else ROOT / doc
        if not file.resolve().is_relative_to(ROOT) or not file.exists():
            broken.append(target)
        elif fragment and file.suffix == ".md" and fragment not in anchors(file):
            broken.append(target)
    return broken


@pytest.mark.parametrize("doc", [*hand_written(), *doc_blocks.GENERATED])
def test_every_link_between_the_docs_leads_somewhere(doc):
    assert broken_links(doc, (ROOT / doc).read_text(encoding="utf-8")) == []


def test_the_link_check_sees_a_missing_file_and_a_missing_heading():
    text = "[a](docs/method.md) [b](docs/nowhere.md) [c](#quick-start) [d](#no-such-heading) [e](https://example.org/x)"
    assert broken_links("README.md", text) == ["docs/nowhere.md", "#no-such-heading"]
    assert anchor("1. descriptor (`validator/descriptor.py`)") == "1-descriptor-validatordescriptorpy"


def test_the_readme_links_every_page_that_took_its_sections():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("CONTRIBUTING.md", "docs/method.md", "docs/validating.md", "docs/release-files.md",
                 "docs/using-the-tables.md", "docs/data-dictionary.md", "docs/validation.md", "docs/datasheet.md"):
        assert re.search(rf"\]\({re.escape(page)}(#[^)]*)?\)", readme), page


def test_the_validating_page_links_the_generated_rules():
    assert "](validation.md)" in (ROOT / "docs" / "validating.md").read_text(encoding="utf-8")


def test_a_block_names_where_it_is():
    block = Block("README.md", "Quick start", "bash", "x\n", 12)
    assert str(block) == "README.md:12 (bash, in Quick start)"
