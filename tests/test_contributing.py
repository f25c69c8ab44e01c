"""CONTRIBUTING.md's recipes, carried out as written on a copy of the repository that then
validates: editing rows, adding a row, adding an optional column, recording a reviewed privacy
exception; and the commands it names for the generated files exist and find them current."""
import datetime
import hashlib
import re
import subprocess
import sys

import pytest

from conftest import GENERATED_CHECKS, ROOT, package_rows, still_current
import reanchor
from doc_blocks import claimed, run_bash, run_script, section
from validator import validate_package

CONTRIBUTING = "CONTRIBUTING.md"
EDITING = "tests/test_contributing.py::test_editing_rows_the_commands_refresh_the_hashes_and_validate"
ADDING_A_ROW = "tests/test_contributing.py::test_adding_a_row_as_the_recipe_says_validates"
ADDING_A_COLUMN = "tests/test_contributing.py::test_adding_an_optional_column_as_the_recipe_says_validates"
# What a copy holds that the recipes rebuild, and must rebuild as the repository's tests want it.


def last_line(output: str) -> str:
    return output.rstrip().splitlines()[-1]


@pytest.mark.tools("git")
def test_editing_rows_the_commands_refresh_the_hashes_and_validate(repository_copy):
    [block] = claimed(EDITING, CONTRIBUTING)
    figures = repository_copy / "data" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(
        "that employ the CCP members identified there.", "that employ the CCP members identified in Japan."),
        encoding="utf-8")
    assert not validate_package(repository_copy / "datapackage.json").valid  # the hash is stale
    output = run_bash(block, repository_copy).stdout
    assert "figures: hash updated" in output
    assert last_line(output).startswith(f"valid: 9 tables, {package_rows()} rows,")


@pytest.mark.tools("git")
def test_adding_a_row_as_the_recipe_says_validates(repository_copy):
    """With the recipe's row left out, validate.py prints what the recipe shows; the row
    appended and the commands run, the copy validates and is the repository again, byte for byte."""
    finding, row, commands = claimed(ADDING_A_ROW, CONTRIBUTING)
    assert (finding.language, row.language, commands.language) == ("text", "csv", "bash")
    header, line = row.body.rstrip("\n").split("\n")
    table = next(path for path in (repository_copy / "data").glob("*.csv")
                 if path.read_text(encoding="utf-8").startswith(header + "\n"))
    text = table.read_text(encoding="utf-8")
    assert text.endswith(f"\n{line}\n"), "the recipe's row is the last of its table"
    table.write_text(text[:-len(line) - 1], encoding="utf-8")  # left out, as the recipe supposes
    subprocess.run([sys.executable, "scripts/update_hashes.py"], cwd=repository_copy, check=True, capture_output=True)
    shown = subprocess.run([sys.executable, "validate.py"], cwd=repository_copy, capture_output=True, text=True)
    assert shown.returncode == 1 and shown.stdout.rstrip() == finding.body.rstrip()

    with open(table, "a", encoding="utf-8", newline="") as f:  # the recipe: append the row
        f.write(line + "\n")
    output = run_bash(commands, repository_copy).stdout
    assert last_line(output).startswith(f"valid: 9 tables, {package_rows()} rows,"), output
    for name in ("datapackage.json", table.relative_to(repository_copy).as_posix(), "docs/index.html"):
        assert (repository_copy / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert still_current(repository_copy) == dict.fromkeys(GENERATED_CHECKS, 0)


@pytest.mark.tools("git")
def test_adding_an_optional_column_as_the_recipe_says_validates(repository_copy):
    """The recipe's Python adds the column to the schema and the CSV file, its commands refresh
    the hashes and rebuild what is generated from them; the copy then validates, the data
    dictionary defines the column, and every generated file is current."""
    edit, commands = claimed(ADDING_A_COLUMN, CONTRIBUTING)
    namespace = run_script([edit], repository_copy)
    table, field = namespace["table"], namespace["field"]
    header = (repository_copy / "data" / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.endswith("," + field["name"])
    output = run_bash(commands, repository_copy).stdout
    assert last_line(output).startswith(f"valid: 9 tables, {package_rows()} rows,"), output
    dictionary = (repository_copy / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert f"`{field['name']}`" in dictionary.split(f"## {table}\n", 1)[1].split("\n## ", 1)[0]
    assert field["description"] in dictionary
    assert still_current(repository_copy) == dict.fromkeys(GENERATED_CHECKS, 0)


@pytest.mark.tools("git")
def test_a_reviewed_value_passes_by_the_row_exception_rows_prints(repository_copy):
    """As the section on reviewed exceptions says: the finding gives neither the value nor its
    hash; the row --exception-rows prints, its reason written, lets the value through in that
    file only."""
    prose = section(CONTRIBUTING, "Reviewed privacy exceptions")
    assert "the check, the file, the SHA-256 and the reason" in " ".join(prose.split())
    command = re.search(r"```bash\n(.*?)\n```", prose, re.S).group(1)
    review_date = datetime.date.today().isoformat()  # a full date: refused unless reviewed
    (repository_copy / "docs" / "review.md").write_text(f"Reviewed on {review_date}.\n", encoding="utf-8")
    [finding] = validate_package(repository_copy / "datapackage.json").findings
    assert (finding.check, finding.resource) == ("no_full_dates", "docs/review.md")
    digest = hashlib.sha256(review_date.encode()).hexdigest()
    assert review_date not in finding.as_text() and digest[:8] not in finding.as_text()
    printed = subprocess.run(command.replace(".venv/bin/python", sys.executable), shell=True, cwd=repository_copy,
                             capture_output=True, text=True)
    assert printed.returncode == 1, printed.stderr
    header, row = printed.stdout.splitlines()
    assert header == "check,file,sha256,reason" and row == f"no_full_dates,docs/review.md,{digest},"
    exceptions = repository_copy / "privacy-exceptions.csv"
    assert exceptions.read_text(encoding="utf-8").startswith(header + "\n")
    with open(exceptions, "a", encoding="utf-8") as f:
        f.write(row + '"The date of a review, no one\'s."\n')
    assert validate_package(repository_copy / "datapackage.json").valid
    (repository_copy / "README.md").write_text(f"Released {review_date}.\n", encoding="utf-8")  # another file
    assert [(f.check, f.resource) for f in validate_package(repository_copy / "datapackage.json").findings] == [
        ("no_full_dates", "README.md")]


def test_the_generated_files_table_names_commands_that_exist_and_find_the_repository_current():
    table = section(CONTRIBUTING, "Generated files")
    scripts = set(re.findall(r"`\.venv/bin/python scripts/(\w+\.py)[^`]*`", table))
    assert {"update_hashes.py", "build_data_dictionary.py", "build_docs.py", "build_site.py",
            "screenshot_site.py", "build_release.py"} <= scripts
    assert all((ROOT / "scripts" / script).is_file() for script in scripts)
    said_to_check = re.search(r"((?:`\w+\.py`,? (?:and )?)+)take `--check`", table.replace("\n", " ")).group(1)
    assert set(re.findall(r"`(\w+\.py)`", said_to_check)) == set(GENERATED_CHECKS)
    assert still_current(ROOT, in_process=True) == dict.fromkeys(GENERATED_CHECKS, 0)


def test_the_release_section_names_the_command_that_cuts_a_release():
    releases = section(CONTRIBUTING, "Releases and a DOI")
    assert "`.venv/bin/python scripts/bump_version.py X.Y.Z`" in releases
    assert (ROOT / "scripts" / "bump_version.py").is_file()


REVISED = "tests/test_contributing.py::test_the_article_was_revised_as_the_recipe_says_validates"
CORRECTED = "tests/test_contributing.py::test_a_row_corrected_as_the_recipe_says_shows_everywhere"


@pytest.mark.tools("git")
def test_the_article_was_revised_as_the_recipe_says_validates(repository_copy):
    """The recipe's commands, on a revision that splits a paragraph in two: the copy then holds
    the revised snapshot, its revision and re-anchorings as data, and validates."""
    [commands] = claimed(REVISED, CONTRIBUTING)
    article = (repository_copy / "data" / "article.txt").read_text(encoding="utf-8")
    split = article.index("Indo-Pacific. Its mission") + len("Indo-Pacific.")
    revised = article[:split] + "\n\n" + article[split + 1:]
    moved = sum(1 for span in reanchor.spans_of(repository_copy) if span.start > split)
    (repository_copy.parent / "revised-article.txt").write_text(revised, encoding="utf-8")
    output = run_bash(commands, repository_copy).stdout
    assert "would be written (dry run)" in output and last_line(output).startswith("valid: 9 tables, ")
    assert (repository_copy / "data" / "article.txt").read_text(encoding="utf-8") == revised
    digest = hashlib.sha256(revised.encode("utf-8")).hexdigest()
    revisions = (repository_copy / "data" / "article_revisions.csv").read_text(encoding="utf-8")
    assert revisions.splitlines()[-1] == f"0.2.1,{digest},{len(revised.encode())},A paragraph split in two."
    corrections = (repository_copy / "data" / "corrections.csv").read_text(encoding="utf-8").splitlines()
    assert moved and len(corrections) == 1 + 2 * moved and all(",reanchoring," in line for line in corrections[1:])
    assert f"A paragraph split in two. Snapshot `{digest}`" in (repository_copy / "CHANGELOG.md").read_text(
        encoding="utf-8")
    assert still_current(repository_copy) == dict.fromkeys(GENERATED_CHECKS, 0)


@pytest.mark.tools("git")
def test_a_row_corrected_as_the_recipe_says_shows_everywhere(repository_copy):
    """The recipe's edit and commands: the copy validates; the correction is in the table, the
    CHANGELOG, the row's panel and the release's database."""
    edit, commands = claimed(CORRECTED, CONTRIBUTING)
    namespace = run_script([edit], repository_copy)
    output = run_bash(commands, repository_copy).stdout
    assert last_line(output).startswith(f"valid: 9 tables, {package_rows() + 1} rows,"), output
    table, row_id = namespace["table"], namespace["row_id"]
    assert f"`{table}/{row_id}`" in (repository_copy / "CHANGELOG.md").read_text(encoding="utf-8")
    page = (repository_copy / "docs" / "index.html").read_text(encoding="utf-8")
    panel = page.split(f'id="panel:{table}/{row_id}"', 1)[1].split("</template>", 1)[0]
    assert "Corrected</strong> (1 change, in v0.2.1)" in panel and namespace["new_value"] in panel
    subprocess.run([sys.executable, "scripts/build_release.py", "build"], cwd=repository_copy, check=True,
                   capture_output=True)
    import sqlite3
    [database] = (repository_copy / "build").glob("*.sqlite")
    rows = sqlite3.connect(database).execute("SELECT table_name, row_id, field, kind FROM corrections").fetchall()
    assert rows == [(table, row_id, namespace["field"], "extraction")]
