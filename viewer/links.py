"""Links between rows: every row has one address, `#<table>/<id>`, used by deep links,
panels, the tables view and the timeline alike.

    >>> row_link("quotes", "q-x")
    '<a href="#quotes/q-x">quotes/q-x</a>'
"""
from __future__ import annotations

from .markup import esc, tag, text
from .package import Package, Row

# Columns whose value is the id of a row of another table.
REFERENCES = {"statement_id": "statements", "entity_id": "entities"}


def row_link(table: str, key: str, label: str | None = None) -> str:
    return text("a", {"href": f"#{table}/{key}"}, label or f"{table}/{key}")


def table_row_id(row: Row) -> str:
    """The id of the row's line in the tables view. An attribution has no span, so its
    line there is its only place and carries its citation key as its id."""
    if row.table == "attributions":
        return row.citation_key
    return f"row-{row.table}-{row.key}"


def cell(package: Package, row: Row, column: str) -> str:
    """A cell's value as HTML: ids of other rows become links, an empty cell says so."""
    value = row.values[column]
    if not value:
        return tag("span", {"class": "empty"}, "(empty)")
    if column in REFERENCES:
        return row_link(REFERENCES[column], value, value)
    if column == "id" and row.table != "attributions":
        return text("a", {"href": f"#{row.citation_key}", "title": "Show in the article"}, value)
    return esc(value)


def entity_link(package: Package, entity_id: str) -> str:
    entity = package.tables["entities"].row(entity_id)
    return row_link("entities", entity_id, entity.values["name"]) + f" ({esc(entity.values['type'])})"
