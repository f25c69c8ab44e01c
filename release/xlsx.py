"""`<name>-<version>.xlsx`: the tables as a spreadsheet that opens correctly in Excel.

A first sheet "README" (title, version, licence, citation, the privacy statement, the
article's hash, how offsets count), then one sheet per table: header row bold and frozen,
an autofilter, integers and reals as numbers, dates as dates, empty cells empty. Every text
cell is written as a string, so text beginning with = + - @ stays inert text (openpyxl would
otherwise store it as a formula). openpyxl stamps the save time into docProps/core.xml and
into each zip entry, so the workbook is re-packed with the release timestamp.
"""
from __future__ import annotations

import datetime
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

from .citation import apa_text
from .package import Package, Table, privacy_statement
from .timestamps import zip_time
from .zipfiles import read_zip, write_zip

CORE_PROPERTIES = "docProps/core.xml"
DATE_FORMAT = "yyyy-mm-dd"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60


def write_xlsx(package: Package, out_dir: Path, moment: datetime.datetime) -> Path:
    path = out_dir / f"{package.stem}.xlsx"
    workbook = Workbook()
    _readme_sheet(workbook.active, package)
    for table in package.tables:
        _table_sheet(workbook.create_sheet(table.name), table)
    workbook.properties = _properties(package, moment)
    buffer = io.BytesIO()
    workbook.save(buffer)
    workbook.properties.modified = workbook.properties.created  # save() set it to the clock
    entries = read_zip(buffer)
    entries[CORE_PROPERTIES] = tostring(workbook.properties.to_tree())
    write_zip(path, entries, zip_time(moment))
    return path


def readme_rows(package: Package) -> list[tuple[str, str]]:
    resource = package.article_resource
    return [
        ("Title", package.descriptor["title"]),
        ("Version", package.version),
        ("Licence", f"{package.licence['title']}: {package.licence['path']}"),
        ("Citation", apa_text(package.citation)),
        ("Privacy", privacy_statement(package.descriptor)),
        ("Source article", f"{resource['path']} in the zip release, SHA-256 {package.article_sha256}. "
                           "It is not covered by the dataset's licence."),
        ("Offsets", "start and end count Unicode code points of the article text, from 0, "
                    "end-exclusive, as the W3C TextPositionSelector."),
        ("Sheets", ", ".join(table.name for table in package.tables)),
    ]


def set_text(cell, text: str) -> None:
    """Store `text` as a string cell, never as a formula, whatever it begins with."""
    cell.value = text
    cell.data_type = "s"


def _readme_sheet(sheet, package: Package) -> None:
    sheet.title = "README"
    for row, (label, text) in enumerate(readme_rows(package), start=1):
        set_text(sheet.cell(row, 1), label)
        sheet.cell(row, 1).font = BOLD
        set_text(sheet.cell(row, 2), text)
        sheet.cell(row, 2).alignment = WRAP
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100


def _table_sheet(sheet, table: Table) -> None:
    for column, name in enumerate(table.field_names, start=1):
        set_text(sheet.cell(1, column), name)
        sheet.cell(1, column).font = BOLD
    for row, record in enumerate(table.rows, start=2):
        for column, name in enumerate(table.field_names, start=1):
            _write_value(sheet.cell(row, column), record[name])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, name in enumerate(table.field_names, start=1):
        longest = max(len(str(record[name] or "")) for record in [{name: name}, *table.rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, longest + 2)


def _write_value(cell, value) -> None:
    if value is None:
        return
    if isinstance(value, str):
        set_text(cell, value)
        return
    cell.value = value
    if isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT


def _properties(package: Package, moment: datetime.datetime) -> DocumentProperties:
    naive = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    creator = ", ".join(c["title"] for c in package.descriptor.get("contributors", []))
    return DocumentProperties(title=package.descriptor["title"], creator=creator,
                              lastModifiedBy=creator, created=naive, modified=naive,
                              version=package.version,
                              keywords=", ".join(package.descriptor["keywords"]))
