"""One pydantic model per table: the typed form of a row, and what its Table Schema must say.

Each model is a frozen pydantic dataclass with slots: validated as a BaseModel would be, at a
tenth of its memory, for tables of 100 000 rows.

Field names, order, types, optionality, closed vocabularies, minimums, minimum lengths,
id patterns, primary keys and foreign keys mirror schema/<table>.json.
`schema_disagreements` compares the two: the descriptor layer runs it on every package it
validates (so a copy with weakened schemas is refused) and the tests run it on ours.
"""
from __future__ import annotations

import typing
from datetime import date
from typing import ClassVar, Literal, Optional

from pydantic import ConfigDict, Field, TypeAdapter
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo

from .canonical import TABLE_SCHEMA_PROFILE, property_problems, same, short
from .disclosure import shown

EntityType = Literal["article", "person", "organization", "news_outlet", "government_body",
                     "state", "unnamed_group"]
Mode = Literal["direct_quotation", "mixed_quotation", "indirect", "hedged", "authorial"]
Role = Literal["source", "medium"]
Qualifier = Literal["exact", "about", "nearly", "almost", "at_least", "estimated"]
ExcludedFrom = Literal["figures", "events", "statements"]

SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
ENTITY_ID = "[a-z][a-z0-9]*(_[a-z0-9]+)*"


def _id(prefix: str = "", pattern: str = SLUG):  # pragma: no mutate block (runs at import)
    return Field(pattern=f"^{prefix}{pattern}$")


Text = Field(min_length=1)
OptionalText = Field(default=None, min_length=1)
Start = Field(ge=0)
End = Field(ge=1)
StatementId = _id("s-")


class Row:
    """What every model shares: its keys (a model's fields are its table's columns)."""
    __slots__ = ()
    PRIMARY_KEY: ClassVar[list[str]] = ["id"]
    FOREIGN_KEYS: ClassVar[list[tuple[str, str, str]]] = []  # (field, resource, field there)


def typed_row(cls):  # pragma: no mutate block (runs at import)
    """A model: a frozen pydantic dataclass with slots that refuses unknown fields."""
    return dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))(cls)


@typed_row
class Entity(Row):
    id: str = _id(pattern=ENTITY_ID)
    name: str = Text
    start: int = Start
    end: int = End
    short_name: Optional[str] = None
    type: EntityType
    description: str = Text
    role_text: Optional[str] = OptionalText
    role_start: Optional[int] = Field(default=None, ge=0)
    role_end: Optional[int] = Field(default=None, ge=1)
    note: Optional[str] = None


@typed_row
class Statement(Row):
    id: str = _id("s-")
    mode: Mode
    cue: Optional[str] = None
    text: str = Text
    start: int = Start
    end: int = End
    note: Optional[str] = None


@typed_row
class Attribution(Row):
    PRIMARY_KEY = ["statement_id", "entity_id"]
    FOREIGN_KEYS = [("statement_id", "statements", "id"), ("entity_id", "entities", "id")]
    statement_id: str = StatementId
    entity_id: str = _id(pattern=ENTITY_ID)
    role: Role


@typed_row
class Quote(Row):
    FOREIGN_KEYS = [("statement_id", "statements", "id")]
    id: str = _id("q-")
    statement_id: str = StatementId
    text: str = Text
    start: int = Start
    end: int = End


@typed_row
class Figure(Row):
    FOREIGN_KEYS = [("statement_id", "statements", "id")]
    id: str = _id("f-")
    statement_id: str = StatementId
    text: str = Text
    start: int = Start
    end: int = End
    value: float
    unit: str = Field(pattern="^[a-z]+(_[a-z]+)*$")
    qualifier: Qualifier
    lower: Optional[float] = None
    upper: Optional[float] = None
    measure: str = Text


@typed_row
class Event(Row):
    FOREIGN_KEYS = [("statement_id", "statements", "id")]
    id: str = _id("e-")
    statement_id: str = StatementId
    text: str = Text
    start: int = Start
    end: int = End
    date_from: date
    date_to: date
    what: str = Text
    context_note: Optional[str] = None


@typed_row
class ExcludedSpan(Row):
    id: str = _id("x-")
    excluded_from: ExcludedFrom
    text: str = Text
    start: int = Start
    end: int = End
    reason: str = Text


MODELS: dict[str, type[Row]] = {
    "entities": Entity,
    "statements": Statement,
    "attributions": Attribution,
    "quotes": Quote,
    "figures": Figure,
    "events": Event,
    "excluded_spans": ExcludedSpan,
}

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


_ADAPTERS = {model: TypeAdapter(model) for model in MODELS.values()}


def fields_of(model: type[Row]) -> dict[str, FieldInfo]:
    """The model's fields, in order: its table's columns."""
    return model.__pydantic_fields__


def validate_row(model: type[Row], values: dict) -> Row:
    """The typed row; raises pydantic.ValidationError, as a model's constructor would."""
    return _ADAPTERS[model].validate_python(values)


SCHEMA_TYPES = {str: "string", int: "integer", float: "number", date: "date"}
# Schema properties the package uses, each with the value it must have (None: free text).
SCHEMA_PROPERTIES = {"$schema": TABLE_SCHEMA_PROFILE, "description": None, "fields": None,
                     "missingValues": [""], "primaryKey": None, "foreignKeys": None}
FREE_FIELD_PROPERTIES = {"title", "description"}


def expected_field(name: str, info) -> dict:
    """The schema field (type, format and constraints) a model field stands for."""
    annotation = info.annotation
    args = typing.get_args(annotation)
    if type(None) in args:
        annotation = next(a for a in args if a is not type(None))
    constraints = {}
    if info.is_required():
        constraints["required"] = True
    if typing.get_origin(annotation) is Literal:
        constraints["enum"] = list(typing.get_args(annotation))
        annotation = type(constraints["enum"][0])
    for meta in info.metadata:
        for attribute, key in (("ge", "minimum"), ("min_length", "minLength"), ("pattern", "pattern")):
            if getattr(meta, attribute, None) is not None:
                value = getattr(meta, attribute)
                constraints[key] = value[1:-1] if key == "pattern" else value  # model anchors ^...$
    field = {"name": name, "type": SCHEMA_TYPES[annotation]}
    if annotation is date:
        field["format"] = "default"  # ISO 8601, the only format the tables use
    if constraints:
        field["constraints"] = constraints
    return field


def schema_disagreements(table: str, schema: dict) -> list[tuple[str | None, str]]:
    """(field, what differs) wherever `schema` is not the canonical schema of `table`: the
    model's fields, types, formats, constraints and keys, and no property the package does
    not use (such as groupChar, bareNumber, trueValues or fieldsMatch, which would change what
    readers parse). Titles and descriptions are free; `unique` on the primary key is allowed."""
    model = MODELS[table]
    problems = [(None, message) for message in property_problems(schema, SCHEMA_PROPERTIES, "schema")]
    expected = [expected_field(n, i) for n, i in fields_of(model).items()]
    fields = schema.get("fields", [])
    names = [f.get("name") for f in fields]
    if names != [f["name"] for f in expected]:
        return problems + [(None, f"fields are [{', '.join(map(shown, names))}]; expected {[f['name'] for f in expected]}")]
    for want, have in zip(expected, fields):
        problems += [(want["name"], message) for message in _field_problems(model, want, have)]
    primary_key = schema.get("primaryKey")
    if _key_fields(primary_key) != model.PRIMARY_KEY:
        problems.append((None, f"primaryKey is {short(primary_key)}; expected {model.PRIMARY_KEY}"))
    keys = schema.get("foreignKeys") or []
    foreign_keys = sorted(_foreign_key(k) for k in (keys if isinstance(keys, list) else [keys]))
    if foreign_keys != sorted(model.FOREIGN_KEYS):
        problems.append((None, f"foreignKeys are {short(foreign_keys)}; expected {sorted(model.FOREIGN_KEYS)}"))
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
