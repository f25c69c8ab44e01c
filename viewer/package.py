"""Read the data package as the page needs it: descriptor, article, tables, schemas.

The tables are small, so they are read with the `csv` module, every cell as the string
written in the file (an empty cell is ""). Each row keeps the lines of the CSV file it was
read from, so a panel can show "data/quotes.csv, line 6" and the line itself.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Field:
    """One column, from its Table Schema. Schemas may omit `title`: the name stands in."""

    name: str
    title: str
    description: str


@dataclass(frozen=True)
class Row:
    """One record: its cells, the CSV line it starts on and the raw text of its lines."""

    table: str
    values: dict[str, str]
    line: int
    raw: str

    @property
    def key(self) -> str:
        """The row's id; an attribution, which has none, is `<statement_id>+<entity_id>`."""
        if "id" in self.values:
            return self.values["id"]
        return f"{self.values['statement_id']}+{self.values['entity_id']}"

    @property
    def citation_key(self) -> str:
        """How the README cites one row: `<table>/<id>`, e.g. `quotes/q-matsuda-comply`."""
        return f"{self.table}/{self.key}"


@dataclass(frozen=True)
class Table:
    """One table resource with its schema and rows, in file order."""

    name: str
    title: str
    description: str
    path: str
    sha256: str
    mediatype: str
    fields: tuple[Field, ...]
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows if row.key == key), None)


@dataclass(frozen=True)
class Package:
    """Everything the page is built from."""

    root: Path
    descriptor: dict
    article: str
    article_sha256: str
    tables: dict[str, Table]

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    def resource(self, name: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def load(root: Path) -> Package:
    """Read the package at `root` (the folder holding datapackage.json)."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    article_bytes = (root / "data" / "article.txt").read_bytes()
    tables = {r["name"]: _table(root, r) for r in descriptor["resources"] if r.get("type") == "table"}
    return Package(root, descriptor, article_bytes.decode("utf-8"),
                   hashlib.sha256(article_bytes).hexdigest(), tables)


def _table(root: Path, resource: dict) -> Table:
    schema = json.loads((root / resource["schema"]).read_text(encoding="utf-8"))
    fields = tuple(Field(f["name"], f.get("title") or f["name"], f.get("description", ""))
                   for f in schema["fields"])
    return Table(resource["name"], resource.get("title", resource["name"]),
                 resource.get("description", ""), resource["path"],
                 resource["hash"].removeprefix("sha256:"), resource.get("mediatype", "text/csv"),
                 fields, tuple(read_rows(root / resource["path"], resource["name"])))


def read_rows(path: Path, table: str) -> list[Row]:
    """The records of a CSV file with the line each starts on (the header is line 1)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows, last_line = [], reader.line_num
    for record in reader:
        first = last_line + 1
        last_line = reader.line_num
        rows.append(Row(table, dict(zip(header, record)), first,
                        "\n".join(lines[first - 1:last_line])))
    return rows
