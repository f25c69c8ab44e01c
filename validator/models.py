"""What each table must be: its columns (name, type, constraints), its keys and its spans, the
canonical Table Schema of every table; and the typed form of a row.

Each Table Schema in schema/ is checked against these (`schema_disagreements`): every known
column must say what its `Column` says, so a copy with a weakened or reinterpreted schema is
refused; after them a schema may add optional columns of its own (README, "Versions": a minor
change), which the table's rows then carry too. A row is typed from its table's schema by the
one reader of cells (`validator.cells`), into its table's row class (`row_class`): a frozen
dataclass with slots, light enough for tables of 100 000 rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, make_dataclass
from functools import lru_cache

from .canonical import TABLE_SCHEMA_PROFILE, property_problems, same, short
from .disclosure import shown
from .vocabulary import CORRECTION_KINDS

ENTITY_TYPES = ("article", "person", "organization", "news_outlet", "government_body", "state", "unnamed_group")
MODES = ("direct_quotation", "mixed_quotation", "indirect", "hedged", "authorial")
ROLES = ("source", "medium")
QUALIFIERS = ("exact", "about", "nearly", "almost", "at_least", "estimated")
EXCLUDED_FROM = ("figures", "events", "statements")

SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
ENTITY_ID = "[a-z][a-z0-9]*(_[a-z0-9]+)*"
SCHEMA_TYPES = ("string", "integer", "number", "date")
VERSION = "[0-9]+[.][0-9]+[.][0-9]+"
# The tables a correction may name: every table of rows read from the article.
CORRECTED_TABLES = ("entities", "statements", "attributions", "quotes", "figures", "events", "excluded_spans")


@dataclass(frozen=True)
class Column:
    """One column of a table, as its Table Schema field must say it."""
    name: str
    type: str = "string"
    required: bool = False
    enum: tuple = ()
    pattern: str | None = None
    minimum: int | None = None
    min_length: int | None = None

    def schema_field(self) -> dict:
        """The schema field (type, format and constraints) this column stands for."""
        constraints = {key: value for key, value in (
            ("required", self.required or None), ("enum", list(self.enum) or None), ("pattern", self.pattern),
            ("minimum", self.minimum), ("minLength", self.min_length)) if value is not None}
        field = {"name": self.name, "type": self.type}
        if self.type == "date":
            field["format"] = "default"  # ISO 8601, the only format the tables use
        if constraints:
            field["constraints"] = constraints
        return field


def _id(name: str = "id", prefix: str = "", pattern: str = SLUG) -> Column:
    return Column(name, required=True, pattern=f"{prefix}{pattern}")


def _text(name: str, required: bool = True) -> Column:
    return Column(name, required=required, min_length=1)


def _offset(name: str, least: int, required: bool = True) -> Column:
    return Column(name, "integer", required, minimum=least)


_SPAN = (_text("text"), _offset("start", 0), _offset("end", 1))
_STATEMENT_ID = _id("statement_id", "s-")


class Row:
    """What every row class shares: its table, columns and keys (a row's fields are its
    table's columns)."""
    __slots__ = ()
    TABLE: str = ""
    COLUMNS: tuple[Column, ...] = ()
    PRIMARY_KEY: list[str] = ["id"]
    FOREIGN_KEYS: list[tuple[str, str, str]] = []  # (field, resource, field there)


def _row_class(name: str, table: str, columns: tuple[Column, ...], primary_key=("id",), foreign_keys=()) -> type:
    """A table's row class: a frozen dataclass with slots, its fields the columns (each None
    where a cell is missing)."""
    cls = make_dataclass(name, [(c.name, object, None) for c in columns], bases=(Row,), frozen=True,
                         slots=True, kw_only=True, namespace={"TABLE": table, "COLUMNS": columns,
                                                              "PRIMARY_KEY": list(primary_key),
                                                              "FOREIGN_KEYS": list(foreign_keys)})
    cls.__module__ = __name__
    return cls


Entity = _row_class("Entity", "entities", (
    _id(pattern=ENTITY_ID), _text("name"), _offset("start", 0), _offset("end", 1), Column("short_name"),
    Column("type", required=True, enum=ENTITY_TYPES), _text("description"), _text("role_text", False),
    _offset("role_start", 0, False), _offset("role_end", 1, False), Column("note")))
Statement = _row_class("Statement", "statements", (
    _id(prefix="s-"), Column("mode", required=True, enum=MODES), Column("cue"), *_SPAN, Column("note")))
Attribution = _row_class("Attribution", "attributions", (
    _STATEMENT_ID, _id("entity_id", pattern=ENTITY_ID), Column("role", required=True, enum=ROLES)),
    primary_key=("statement_id", "entity_id"),
    foreign_keys=(("statement_id", "statements", "id"), ("entity_id", "entities", "id")))
_IN_A_STATEMENT = (("statement_id", "statements", "id"),)
Quote = _row_class("Quote", "quotes", (_id(prefix="q-"), _STATEMENT_ID, *_SPAN), foreign_keys=_IN_A_STATEMENT)
Figure = _row_class("Figure", "figures", (
    _id(prefix="f-"), _STATEMENT_ID, *_SPAN, Column("value", "number", True),
    Column("unit", required=True, pattern="[a-z]+(_[a-z]+)*"), Column("qualifier", required=True, enum=QUALIFIERS),
    Column("lower", "number"), Column("upper", "number"), _text("measure")), foreign_keys=_IN_A_STATEMENT)
Event = _row_class("Event", "events", (
    _id(prefix="e-"), _STATEMENT_ID, *_SPAN, Column("date_from", "date", True), Column("date_to", "date", True),
    _text("what"), Column("context_note")), foreign_keys=_IN_A_STATEMENT)
ExcludedSpan = _row_class("ExcludedSpan", "excluded_spans", (
    _id(prefix="x-"), Column("excluded_from", required=True, enum=EXCLUDED_FROM), *_SPAN, _text("reason")))
Correction = _row_class("Correction", "corrections", (
    Column("version", required=True, pattern=VERSION), Column("table_name", required=True, enum=CORRECTED_TABLES),
    _text("row_id"), _text("field"), Column("old_value"), Column("new_value"),
    Column("kind", required=True, enum=CORRECTION_KINDS), _text("reason")),
    primary_key=("version", "table_name", "row_id", "field"))
ArticleRevision = _row_class("ArticleRevision", "article_revisions", (
    Column("version", required=True, pattern=VERSION), Column("sha256", required=True, pattern="[0-9a-f]{64}"),
    _offset("bytes", 1), _text("change")), primary_key=("sha256",))

MODELS: dict[str, type[Row]] = {model.TABLE: model for model in (
    Entity, Statement, Attribution, Quote, Figure, Event, ExcludedSpan, Correction, ArticleRevision)}


def fields_of(model: type[Row]) -> dict[str, Column]:
    """The model's columns, in order, by name."""
    return {column.name: column for column in model.COLUMNS}


@lru_cache(maxsize=64)
def row_class(table: str, added: tuple[Column, ...] = ()) -> type[Row]:
    """The row class of `table`, with the columns its schema adds after the known ones."""
    model = MODELS[table]
    if not added:
        return model
    return _row_class(model.__name__, table, model.COLUMNS + added, model.PRIMARY_KEY, model.FOREIGN_KEYS)


def added_columns(table: str, schema: dict) -> tuple[Column, ...]:
    """The optional columns `schema` adds after `table`'s known ones."""
    known = len(MODELS[table].COLUMNS)
    return tuple(Column(f["name"], f.get("type", "string")) for f in schema.get("fields", [])[known:])


# Which columns of each table hold a span, as (text, start, end): one place for the rows
# layer (spans not empty) and the faithfulness layer (spans equal the article).
SPAN_COLUMNS = {
    "entities": [("name", "start", "end"), ("role_text", "role_start", "role_end")],
    "statements": [("text", "start", "end")],
    "quotes": [("text", "start", "end")],
    "figures": [("text", "start", "end")],
    "events": [("text", "start", "end")],
    "excluded_spans": [("text", "start", "end")],
}


def free_text_fields(table: str, schema: dict) -> list[str]:
    """The columns of `table` that hold the package's own words rather than the article's:
    every text field of its Table Schema but those that hold a span's text (`SPAN_COLUMNS`),
    which the faithfulness layer holds to the article, so that a column added to a table is
    read as free text without a change here.

    >>> free_text_fields("events", {"fields": [{"name": "text", "type": "string"},
    ...     {"name": "what", "type": "string"}, {"name": "start", "type": "integer"}]})
    ['what']
    """
    spans = {text for text, _, _ in SPAN_COLUMNS.get(table, [])}
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return [f["name"] for f in fields if isinstance(f, dict) and f.get("type") == "string"
            and isinstance(f.get("name"), str) and f["name"] not in spans] if isinstance(fields, list) else []


# Schema properties the package uses, each with the value it must have (None: free text).
SCHEMA_PROPERTIES = {"$schema": TABLE_SCHEMA_PROFILE, "description": None, "fields": None,
                     "missingValues": [""], "primaryKey": None, "foreignKeys": None}
FREE_FIELD_PROPERTIES = {"title", "description"}
_COLUMN_NAME = re.compile(ENTITY_ID)


def schema_disagreements(table: str, schema: dict) -> list[tuple[str | None, str]]:
    """(field, what differs) wherever `schema` is not the canonical schema of `table`: the
    known columns, their types, formats, constraints and the keys, and no property the
    package does not use (such as groupChar, bareNumber, trueValues or fieldsMatch, which would
    change what readers parse). Titles and descriptions are free; `unique` on the primary key
    is allowed; optional columns may follow the known ones (`added_column_problems`)."""
    model = MODELS[table]
    problems = [(None, message) for message in property_problems(schema, SCHEMA_PROPERTIES, "schema")]
    expected = [column.schema_field() for column in model.COLUMNS]
    fields = schema.get("fields", [])
    names = [f.get("name") for f in fields]
    if names[:len(expected)] != [f["name"] for f in expected]:
        return problems + [(None, f"fields are [{', '.join(map(shown, names))}]; expected "
                                  f"{[f['name'] for f in expected]}, then any optional columns added")]
    for want, have in zip(expected, fields):
        problems += [(want["name"], message) for message in _field_problems(model, want, have)]
    for have in fields[len(expected):]:
        problems += [(have["name"], message) for message in added_column_problems(have, names)]
    primary_key = schema.get("primaryKey")
    if _key_fields(primary_key) != model.PRIMARY_KEY:
        problems.append((None, f"primaryKey is {short(primary_key)}; expected {model.PRIMARY_KEY}"))
    keys = schema.get("foreignKeys") or []
    foreign_keys = sorted(_foreign_key(k) for k in (keys if isinstance(keys, list) else [keys]))
    if foreign_keys != sorted(model.FOREIGN_KEYS):
        problems.append((None, f"foreignKeys are {short(foreign_keys)}; expected {sorted(model.FOREIGN_KEYS)}"))
    return problems


def added_column_problems(field: dict, names: list) -> list[str]:
    """Why an added column is not one a minor version may add: optional (no constraints), of a
    type the tables use (a date in ISO 8601), named as the columns are, once, and described."""
    problems = []
    if not _COLUMN_NAME.fullmatch(field["name"]) or names.count(field["name"]) > 1:
        problems.append("an added column's name is lower case words joined by _, and new; expected such a name")
    if field.get("type") not in SCHEMA_TYPES:
        problems.append(f"type is {short(field.get('type'))}; expected one of {', '.join(SCHEMA_TYPES)}")
    if field.get("format", "default") != "default" or ("format" in field and field.get("type") != "date"):
        problems.append(f"format is {short(field.get('format'))}; expected none, or default for a date")
    if field.get("constraints"):
        problems.append("an added column is optional and unconstrained; expected no constraints")
    for key in sorted(set(field) - {"name", "type", "format", "constraints"} - FREE_FIELD_PROPERTIES):
        problems.append(f"property {shown(key)} is not used by this package; expected none")
    if not isinstance(field.get("description"), str) or not field["description"].strip():
        problems.append("an added column needs its description, as every column has one")
    problems += [f"{key} must be text" for key in ("title",) if key in field and not isinstance(field[key], str)]
    return problems


def _field_problems(model, want: dict, have: dict) -> list[str]:
    have = dict(have)
    constraints = have.pop("constraints", {})
    constraints = dict(constraints) if isinstance(constraints, dict) else {"(not an object)": constraints}
    if constraints.get("unique") is True and [want["name"]] == model.PRIMARY_KEY:
        del constraints["unique"]
    problems = []
    for key in sorted(set(have) - set(want) - FREE_FIELD_PROPERTIES):
        problems.append(f"property {shown(key)} is not used by this package; expected none")
    for key in ("type", "format"):
        if key in want and not same(have.get(key), want[key]):
            problems.append(f"{key} is {short(have.get(key))}; expected {want[key]!r}")
    if not same(constraints, want.get("constraints", {})):
        problems.append(f"constraints are {short(constraints)}; expected {want.get('constraints', {})}")
    problems += [f"{key} must be text" for key in FREE_FIELD_PROPERTIES
                 if key in have and not isinstance(have[key], str)]
    return problems


def _key_fields(fields) -> list | None:
    """A key's fields as a list: Table Schema allows one field name or a list of them."""
    return [fields] if isinstance(fields, str) else fields if isinstance(fields, list) else None


def _foreign_key(key) -> tuple:
    try:
        if set(key) != {"fields", "reference"} or set(key["reference"]) != {"resource", "fields"}:
            raise KeyError
        fields, reference = _key_fields(key["fields"]), _key_fields(key["reference"]["fields"])
        if len(fields) != 1 or len(reference) != 1:
            raise KeyError
        return (str(fields[0]), str(key["reference"]["resource"]), str(reference[0]))
    except (TypeError, KeyError, AttributeError):
        return ("(malformed)", short(key), "")
