"""One pydantic model per table: the typed form of a row.

Field names, order, types, optionality and closed vocabularies mirror schema/<table>.json;
tests/test_models.py proves they agree, so the two cannot drift apart.
"""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["article", "person", "organization", "news_outlet", "government_body",
                     "state", "unnamed_group"]
Mode = Literal["direct_quotation", "mixed_quotation", "indirect", "hedged", "authorial"]
Role = Literal["source", "medium"]
Qualifier = Literal["exact", "about", "nearly", "almost", "at_least", "estimated"]
ExcludedFrom = Literal["figures", "events", "statements"]

Text = Field(min_length=1)
Offset = Field(ge=0)


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entity(Row):
    id: str
    name: str = Text
    start: int = Offset
    end: int = Offset
    short_name: Optional[str] = None
    type: EntityType
    description: str = Text
    role_text: Optional[str] = None
    role_start: Optional[int] = None
    role_end: Optional[int] = None


class Statement(Row):
    id: str
    mode: Mode
    cue: Optional[str] = None
    text: str = Text
    start: int = Offset
    end: int = Offset
    note: Optional[str] = None


class Attribution(Row):
    statement_id: str
    entity_id: str
    role: Role


class Quote(Row):
    id: str
    statement_id: str
    text: str = Text
    start: int = Offset
    end: int = Offset


class Figure(Row):
    id: str
    statement_id: str
    text: str = Text
    start: int = Offset
    end: int = Offset
    value: float
    unit: str
    qualifier: Qualifier
    lower: Optional[float] = None
    upper: Optional[float] = None
    measure: str = Text


class Event(Row):
    id: str
    statement_id: str
    text: str = Text
    start: int = Offset
    end: int = Offset
    date_from: date
    date_to: date
    what: str = Text
    context_note: Optional[str] = None


class ExcludedSpan(Row):
    id: str
    excluded_from: ExcludedFrom
    text: str = Text
    start: int = Offset
    end: int = Offset
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
