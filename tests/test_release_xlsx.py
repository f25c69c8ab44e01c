"""The spreadsheet: a README sheet first, one sheet per table with every value typed as its
schema says, the header frozen, no formula anywhere, and fixed document dates."""
from __future__ import annotations

import datetime
import io
import json
import re
import zipfile

import pytest

from conftest import ROOT, imported_when_used
from release_build import built_release, csv_rows, package, release_file
from release.citation import apa_text
from release.package import privacy_statement
from release.timestamps import release_time

openpyxl = imported_when_used("openpyxl")
xlsx = imported_when_used("release.xlsx")

TABLES = [t.name for t in package().tables]


@pytest.fixture(scope="session")
def workbook_path(tmp_path_factory):
    return release_file(built_release(tmp_path_factory), ".xlsx")


@pytest.fixture(scope="session")
def workbook(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def schema_types(table: str) -> dict[str, str]:
    schema = json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))
    return {field["name"]: field["type"] for field in schema["fields"]}


def test_readme_sheet_comes_first_then_one_sheet_per_table(workbook):
    assert workbook.sheetnames == ["README", *TABLES]


def test_readme_sheet_states_title_version_licence_citation_and_privacy(workbook):
    rows = {row[0].value: row[1].value for row in workbook["README"].iter_rows()}
    descriptor = package().descriptor
    assert rows["Title"] == descriptor["title"] and rows["Version"] == descriptor["version"]
    assert descriptor["licenses"][0]["path"] in rows["Licence"]
    assert rows["Citation"] == apa_text(package().citation)
    assert rows["Privacy"] == privacy_statement(descriptor)


@pytest.mark.parametrize("table", TABLES)
def test_every_cell_equals_the_csv_with_its_schema_type(workbook, table):
    sheet, types = workbook[table], schema_types(table)
    header = [cell.value for cell in sheet[1]]
    assert header == list(types)
    assert sheet.freeze_panes == "A2"
    rows = csv_rows(table)
    assert sheet.max_row == len(rows) + 1
    for cells, row in zip(sheet.iter_rows(min_row=2), rows):
        for cell, name in zip(cells, header):
            _assert_cell(cell, row[name], types[name])


def _assert_cell(cell, text: str, field_type: str) -> None:
    place = f"{cell.parent.title}!{cell.coordinate}"
    if text == "":
        assert cell.value is None, place
    elif field_type in ("integer", "number"):
        assert cell.data_type == "n" and cell.value == float(text), place
        assert isinstance(cell.value, (int, float)), place
    elif field_type == "date":
        assert cell.is_date and cell.number_format == "yyyy-mm-dd", place
        assert cell.value.date() == datetime.date.fromisoformat(text), place
    else:
        assert cell.data_type == "s" and cell.value == text, place


def test_no_cell_is_a_formula(workbook_path, workbook):
    for sheet in workbook.worksheets:
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    with zipfile.ZipFile(workbook_path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", xml) for xml in sheets)


@pytest.mark.parametrize("text", ["=1+1", "+CMD", "-2+3", "@SUM(A1)", "=HYPERLINK(\"x\")"])
def test_formula_like_text_is_stored_as_inert_text(text):
    book = openpyxl.Workbook()
    xlsx.set_text(book.active["A1"], text)
    buffer = io.BytesIO()
    book.save(buffer)
    cell = openpyxl.load_workbook(buffer).active["A1"]
    assert (cell.data_type, cell.value) == ("s", text)


def test_document_dates_and_zip_entries_are_fixed(workbook_path, workbook):
    moment = release_time(package().citation, environ={}).replace(tzinfo=None)
    assert workbook.properties.created == moment and workbook.properties.modified == moment
    with zipfile.ZipFile(workbook_path) as z:
        names = z.namelist()
        assert {info.date_time for info in z.infolist()} == {moment.timetuple()[:6]}
    assert names == sorted(names) and names[0] == "[Content_Types].xml"


def test_a_given_build_time_reaches_the_document_dates(tmp_path):
    later = datetime.datetime(2031, 2, 3, 4, 5, 6, tzinfo=datetime.timezone.utc)
    path = xlsx.write_xlsx(package(), tmp_path, later)
    properties = openpyxl.load_workbook(path).properties
    assert properties.created == properties.modified == later.replace(tzinfo=None)
