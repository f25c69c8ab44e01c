"""Layer 2, tables: every table against its Table Schema.

Frictionless checks what only it does well, the cells against the Table Schema as the
standard defines them: types, formats, constraints, enums, patterns, missing or extra
columns and cells. Keys are checked here, once, on the rows as parsed: primary keys with a
set per table and foreign keys with a set per referenced table, reported as frictionless
reports them (`primary-key` and `foreign-key`, same file, row and field). Findings are named
by the Table Schema error type. Tables the descriptor layer could not load are left to it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import cells
from .disclosure import shown, shown_id, withholding
from .findings import Problem, snippet
from .library import frictionless
from .models import MODELS
from .package import Resource
from .registry import FILES, register

LAYER = "tables"

# frictionless's results per (content hash, table): a fault test that changes one table
# re-checks that one table. Every key is the same bytes under the same canonical schema.
_CHECKED: dict[tuple[str, str], list[Problem]] = {}


def cells_within_bounds(ctx):
    """No cell longer than the article: such a table is refused before anything parses it."""
    for resource in ctx.package.parsed_tables():
        if resource.too_long:
            row, column, length = resource.table.longest
            yield Problem(f"a cell of {length} characters; no cell may be longer than the article "
                          f"({resource.cell_limit} characters), so the table is not checked further",
                          resource.path, row, column)


def cells_match_schema(ctx):
    """Every cell against its field, by frictionless (keys excluded: see below); a table whose
    cells all read plainly under their fields (`cells.clean`) is one frictionless would find
    nothing in, and is not given to it."""
    for resource in ctx.package.tables():
        facts = resource.facts
        if not (facts.bom or facts.crlf or facts.lone_cr or facts.first_nul is not None) \
                and cells.clean(resource.table, resource.schema["fields"]):
            continue
        key = (resource.facts.sha256, resource.name)
        if key not in _CHECKED:
            _CHECKED[key] = _frictionless_problems(ctx.package.root, resource)
        yield from _CHECKED[key]


def labels_are_field_names(ctx):
    """Every label of a header is its field's name exactly: frictionless reads a label with white
    space around it as the name, which csv, pandas and polars do not (they read a column
    "measure " where the schema says "measure")."""
    for resource in ctx.package.tables():
        for position, (label, name) in enumerate(zip(resource.table.header, resource.schema_fields), start=1):
            if label != name and label.strip() == name:
                yield Problem(f"incorrect label: the label {shown(label)} at position {position} is the field name "
                              f"with white space around it; expected {name} alone", resource.path, 1, name,
                              check="incorrect-label")


_PLAIN = {"integer": re.compile(r"-?[0-9]+"), "number": re.compile(r"-?[0-9]+(?:\.[0-9]+)?")}


def numbers_are_plain(ctx):
    """A number is written as the CSV conventions say, so that every reader reads the same
    value: digits, a minus sign, a decimal point; no “+”, underscore, exponent, NaN or
    infinity (Python and frictionless read “2_000_000”, pandas reads text), and no more digits
    than a double holds (frictionless would keep digits that pandas drops)."""
    for resource in ctx.package.tables():
        types = {f["name"]: f.get("type") for f in resource.schema["fields"]}
        header = resource.table.header
        columns = [(i, name, _PLAIN[types[name]]) for i, name in enumerate(header)
                   if types.get(name) in _PLAIN]
        for number, cells in resource.table.records:
            for index, name, plain in columns:
                cell = cells[index] if index < len(cells) else ""
                if cell and _a_number(cell) and not (plain.fullmatch(cell) and _exact_as_a_double(cell)):
                    yield Problem(f"{shown(cell, 30)} is not a plain {types[name]} as the CSV "
                                  "conventions write one (digits, an optional minus sign and "
                                  "decimal point, at most what a double holds)", resource.path,
                                  number, name)


def _a_number(cell: str) -> bool:
    """Whether a reader would take `cell` for a number (if not, frictionless says so)."""
    try:
        float(cell)
        return True
    except ValueError:
        return False


def _exact_as_a_double(cell: str) -> bool:
    return Decimal(cell) == Decimal(repr(float(cell)))


def primary_keys_are_unique(ctx):
    """Each row's primary key is present and unique in its table."""
    for resource in _keyed_tables(ctx):
        key = MODELS[resource.name].PRIMARY_KEY
        seen: dict[tuple, int] = {}
        for number, values in _key_rows(resource, key):
            cells = tuple(values)
            if set(cells) == {None}:
                yield Problem('cells composing the primary keys are all "None"', resource.path,
                              number, check="primary-key")
            elif cells in seen:
                yield Problem(f"row {number} has the primary key ({', '.join(key)}) of row "
                              f"{seen[cells]}; expected each key once", resource.path, number,
                              check="primary-key")
            else:
                seen[cells] = number


def foreign_keys_resolve(ctx):
    """Each foreign key names a row of the table it refers to."""
    tables = {r.name: r for r in _keyed_tables(ctx)}
    targets: dict[tuple[str, str], set] = {}
    for resource in tables.values():
        for field_name, target, target_field in MODELS[resource.name].FOREIGN_KEYS:
            if target not in tables:
                continue  # the target's own findings say why it cannot be read
            if (target, target_field) not in targets:
                targets[target, target_field] = {v for _, (v,) in _key_rows(tables[target], [target_field])}
            known = targets[target, target_field]
            for number, (value,) in _key_rows(resource, [field_name]):
                if value is not None and value not in known:
                    yield Problem(f"{field_name} {shown_id(value)} is not an {target_field} "
                                  f"of {target}; expected a row there", resource.path, number,
                                  field_name, check="foreign-key")


def _key_rows(resource: Resource, fields: list[str]):
    """(row number, the cells of `fields`, empty as None) for every record."""
    header = resource.table.header
    positions = [header.index(f) if f in header else None for f in fields]
    for number, cells in resource.table.records:
        yield number, [cells[i] or None if i is not None and i < len(cells) else None
                       for i in positions]


def _keyed_tables(ctx) -> list[Resource]:
    """The tables whose header names the schema's fields in order; a header that does not is
    frictionless's finding, and its keys cannot be read."""
    return [r for r in ctx.package.tables() if r.table.header == r.schema_fields]


def _frictionless_problems(root, resource: Resource) -> list[Problem]:
    try:
        with frictionless() as library:
            report = library.Resource(_frictionless_descriptor(resource), basepath=str(root)).validate()
    except Exception as error:  # frictionless raises on descriptors it cannot use
        return [Problem(f"frictionless cannot validate the table ({type(error).__name__})",
                        resource.path, check="table-error")]
    return [_problem(error, resource.path) for task in report.tasks for error in task.errors]


def _frictionless_descriptor(resource: Resource) -> dict:
    """The resource as frictionless is given it: built from the canonical pieces only (the
    descriptor layer has refused every other property), without keys, which are ours."""
    schema = {k: v for k, v in resource.schema.items() if k not in ("primaryKey", "foreignKeys")}
    key = MODELS[resource.name].PRIMARY_KEY
    schema["fields"] = [
        {**f, "constraints": {k: v for k, v in f.get("constraints", {}).items()
                              if not (k == "unique" and [f["name"]] == key)}}
        for f in schema["fields"]]
    return {"name": resource.name, "type": "table", "path": resource.path, "scheme": "file",
            "format": "csv", "encoding": "utf-8", "mediatype": "text/csv",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"',
                        "doubleQuote": True, "header": True},
            "schema": schema}


def _problem(error, path: str) -> Problem:
    field = getattr(error, "field_name", None) or getattr(error, "label", None)
    if not field and getattr(error, "field_names", None):
        field = ",".join(error.field_names)
    row = getattr(error, "row_number", None)
    if row is None and getattr(error, "row_numbers", None):
        row = error.row_numbers[0]
    cell, label = getattr(error, "cell", None), getattr(error, "label", None)
    message = snippet(withholding(error.note or error.message, cell, label, *getattr(error, "cells", None) or ()), 300)
    if cell is not None and error.type in ("constraint-error", "type-error"):
        message += f"; found {shown(str(cell), 40)}"
    return Problem(f"{error.title.lower()}: {message}", path, row, field or None, check=error.type)


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, FILES, cells_within_bounds)
register(LAYER, FILES, cells_match_schema, labels_are_field_names)
register(LAYER, FILES, numbers_are_plain, primary_keys_are_unique, foreign_keys_resolve)
