"""Read the data package as the page needs it: descriptor, article, tables, schemas, read by the
validator's own loader (`validator.package.load_package`), every cell as the string written in
the file (an empty cell is ""). Each row keeps the lines of the CSV file it was read from, so a
panel can show "data/quotes.csv, line 6" and the line itself.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from validator.package import load_package  # noqa: E402


@dataclass(frozen=True)
class Field:
    """One column, from its Table Schema. Schemas may omit `title`: the name stands in."""

    name: str
    title: str
    description: str


# The key of each table that has no id column (its Table Schema's primaryKey).
_KEYS = {"attributions": ("statement_id", "entity_id"), "corrections": ("version", "table_name", "row_id", "field"),
         "article_revisions": ("sha256",)}


@dataclass(frozen=True)
class Row:
    """One record: its cells, the CSV line it starts on and the raw text of its lines."""

    table: str
    values: dict[str, str]
    line: int
    raw: str

    @property
    def key(self) -> str:
        """The row's id; a row of a table without one, its key's cells joined by + (an
        attribution: `<statement_id>+<entity_id>`)."""
        if "id" in self.values:
            return self.values["id"]
        return "+".join(self.values[name] for name in _KEYS[self.table])

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
    loaded = load_package(root / "datapackage.json")
    article = loaded.resources["article"]
    tables = {r.name: _table(root, r) for r in loaded.resources.values() if r.is_table}
    return Package(root, loaded.descriptor, loaded.article, article.facts.sha256.removeprefix("sha256:"), tables)


def _table(root: Path, resource) -> Table:
    descriptor = resource.descriptor
    fields = tuple(Field(f["name"], f.get("title") or f["name"], f.get("description", ""))
                   for f in resource.schema["fields"])
    return Table(resource.name, descriptor.get("title", resource.name), descriptor.get("description", ""),
                 resource.path, descriptor["hash"].removeprefix("sha256:"), descriptor.get("mediatype", "text/csv"),
                 fields, tuple(rows_of(root, resource)))


def rows_of(root: Path, resource) -> list[Row]:
    """The records of a table as the loader parsed them, with the lines each spans (the
    header is line 1)."""
    lines = (root / resource.path).read_text(encoding="utf-8").split("\n")
    header, table = resource.table.header, resource.table
    starts = [table.lines[number] for number, _ in table.records] + [len(lines)]
    return [Row(resource.name, dict(zip(header, cells)), first, "\n".join(lines[first - 1:end - 1]))
            for (number, cells), first, end in zip(table.records, starts, starts[1:])]
