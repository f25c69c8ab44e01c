"""The package as the release reads it: descriptor, schemas, typed rows and the article, read
by the validator's own loader (`validator.package.load_package`) and typed by its one reader
of cells (`validator.cells`), so that the release, the page and the validator agree on what a
cell is: an empty cell is None, an `integer` field an int, a `number` field a float, a `date`
field a `datetime.date`, and anything else the string as written.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from validator import cells  # noqa: E402
from validator.package import load_package  # noqa: E402


@dataclass(frozen=True)
class Table:
    """One tabular resource: its descriptor entry, its Table Schema and its typed rows."""

    resource: dict
    schema: dict
    rows: list[dict]

    @property
    def name(self) -> str:
        return self.resource["name"]

    @property
    def fields(self) -> list[dict]:
        return self.schema["fields"]

    @property
    def field_names(self) -> list[str]:
        return [field["name"] for field in self.fields]

    @property
    def primary_key(self) -> list[str]:
        key = self.schema.get("primaryKey", [])
        return [key] if isinstance(key, str) else list(key)

    @property
    def foreign_keys(self) -> list[tuple[list[str], str, list[str]]]:
        """(fields, referenced table, referenced fields) for every foreign key."""
        return [(_as_list(key["fields"]), key["reference"]["resource"],
                 _as_list(key["reference"]["fields"]))
                for key in self.schema.get("foreignKeys", [])]


@dataclass(frozen=True)
class Package:
    root: Path
    descriptor: dict
    tables: list[Table]
    article: str
    article_bytes: bytes
    citation: dict

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    @property
    def stem(self) -> str:
        """`<name>-<version>`: the zip's top folder and the stem of every versioned file."""
        return f"{self.name}-{self.version}"

    @property
    def article_sha256(self) -> str:
        return hashlib.sha256(self.article_bytes).hexdigest()

    @property
    def article_resource(self) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == "article")

    @property
    def licence(self) -> dict:
        return self.descriptor["licenses"][0]

    def table(self, name: str) -> Table:
        return next(table for table in self.tables if table.name == name)


def load(root: Path) -> Package:
    """Read the package at `root` (a directory holding datapackage.json and CITATION.cff)."""
    loaded = load_package(root / "datapackage.json")
    article = loaded.resources["article"]
    article_bytes = (root / article.path).read_bytes()
    tables = [_typed_table(resource) for resource in loaded.resources.values() if resource.is_table]
    return Package(root, loaded.descriptor, tables, loaded.article, article_bytes, load_citation(root))


def load_citation(root: Path) -> dict:
    return yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))


def load_name(root: Path) -> str:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))["name"]


def privacy_statement(descriptor: dict) -> str:
    """The descriptor's paragraph that begins "Privacy:", the package's promise about personal data."""
    paragraphs = descriptor["description"].split("\n\n")
    return next(p for p in paragraphs if p.startswith("Privacy:"))


def _typed_table(resource) -> Table:
    """A table as the loader parsed it, each cell typed by its field (the release is built
    only from a package that validates, so every cell reads)."""
    fields = resource.schema["fields"]
    rows = [{f["name"]: cells.value(f, values[f["name"]]) for f in fields} for _, values in resource.table.dicts()]
    return Table(resource.descriptor, resource.schema, rows)


def _as_list(fields) -> list[str]:
    return [fields] if isinstance(fields, str) else list(fields)
