"""One pydantic model per table: the typed form of a row, and what its Table Schema must say.

Field names, order, types, optionality, closed vocabularies, minimums, minimum lengths,
id patterns, primary keys and foreign keys mirror schema/<table>.json.
`schema_disagreements` compares the two: the descriptor layer runs it on every package it
validates (so a copy with weakened schemas is refused) and the tests run it on ours.
"""
from __future__ import annotations

import typing
from datetime import date
from typing import ClassVar, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["article", "person", "organization", "news_outlet", "government_body",
                     "state", "unnamed_group"]
Mode = Literal["direct_quotation", "mixed_quotation", "indirect", "hedged", "authorial"]
Role = Literal["source", "medium"]
Qualifier = Literal["exact", "about", "nearly", "almost", "at_least", "estimated"]
ExcludedFrom = Literal["figures", "events", "statements"]

SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
ENTITY_ID = "[a-z][a-z0-9]*(_[a-z0-9]+)*"


def _id(prefix: str = "", pattern: str = SLUG):
    return Field(pattern=f"^{prefix}{pattern}$")


Text = Field(min_length=1)
OptionalText = Field(default=None, min_length=1)
Start = Field(ge=0)
End = Field(ge=1)
StatementId = _id("s-")


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    PRIMARY_KEY: ClassVar[list[str]] = ["id"]
    FOREIGN_KEYS: ClassVar[list[tuple[str, str, str]]] = []  # (field, resource, field there)


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


class Statement(Row):
    id: str = _id("s-")
    mode: Mode
    cue: Optional[str] = None
    text: str = Text
    start: int = Start
    end: int = End
    note: Optional[str] = None


class Attribution(Row):
    PRIMARY_KEY = ["statement_id", "entity_id"]
    FOREIGN_KEYS = [("statement_id", "statements", "id"), ("entity_id", "entities", "id")]
    statement_id: str = StatementId
    entity_id: str = _id(pattern=ENTITY_ID)
    role: Role


class Quote(Row):
    FOREIGN_KEYS = [("statement_id", "statements", "id")]
    id: str = _id("q-")
    statement_id: str = StatementId
    text: str = Text
    start: int = Start
    end: int = End


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
SCHEMA_TYPES = {str: "string", int: "integer", float: "number", date: "date"}


def expected_field(name: str, info) -> dict:
    """The schema field (type and constraints) a model field stands for."""
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
    return {"name": name, "type": SCHEMA_TYPES[annotation], "constraints": constraints}


def schema_disagreements(table: str, schema: dict) -> list[tuple[str | None, str]]:
    """(field, what differs) wherever `schema` does not say what the model of `table` says.
    Descriptions and titles are free; `unique` on the primary key is allowed."""
    model = MODELS[table]
    expected = [expected_field(n, i) for n, i in model.model_fields.items()]
    fields = schema.get("fields", [])
    problems = []
    names = [f.get("name") for f in fields]
    if names != [f["name"] for f in expected]:
        problems.append((None, f"fields are {names}; expected {[f['name'] for f in expected]}"))
        return problems
    for want, have in zip(expected, fields):
        constraints = have.get("constraints") or {}
        constraints = dict(constraints) if isinstance(constraints, dict) else {"(not an object)": constraints}
        if constraints.get("unique") is True and [want["name"]] == model.PRIMARY_KEY:
            del constraints["unique"]
        if have.get("type") != want["type"]:
            problems.append((want["name"], f"type is {have.get('type')!r}; expected {want['type']!r}"))
        if constraints != want["constraints"]:
            problems.append((want["name"], f"constraints are {constraints}; expected {want['constraints']}"))
    primary_key = schema.get("primaryKey")
    if (primary_key if isinstance(primary_key, list) else [primary_key]) != model.PRIMARY_KEY:
        problems.append((None, f"primaryKey is {primary_key!r}; expected {model.PRIMARY_KEY}"))
    keys = schema.get("foreignKeys") or []
    foreign_keys = sorted(_foreign_key(k) for k in (keys if isinstance(keys, list) else [keys]))
    if foreign_keys != sorted(model.FOREIGN_KEYS):
        problems.append((None, f"foreignKeys are {foreign_keys}; expected {sorted(model.FOREIGN_KEYS)}"))
    return problems


def _foreign_key(key) -> tuple:
    try:
        reference = key["reference"]
        return (str(key["fields"]), str(reference["resource"]), str(reference["fields"]))
    except (TypeError, KeyError):
        return ("(malformed)", repr(key)[:60], "")
