"""A table's cells as their Table Schema types them, in plain Python: the one reading of a
cell that the validator, the page and the release share.

A field's type reads a cell as the CSV conventions write one (README, "CSV conventions"):
`integer` and `number` in plain decimal digits (a minus sign, a decimal point, nothing else),
`date` as ISO 8601 (YYYY-MM-DD), `string` as written; an empty cell is a missing value
(None). `problem` says why a cell breaks its field (its type, or a constraint: required,
enum, pattern, minimum, minLength), or None.

>>> field = {"name": "start", "type": "integer", "constraints": {"required": True, "minimum": 0}}
>>> value(field, "12"), problem(field, "12"), problem(field, "-3"), problem(field, "")
(12, None, 'below the minimum 0', 'required, and missing')
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_PLAIN = {"integer": re.compile(r"-?[0-9]+"), "number": re.compile(r"-?[0-9]+(?:\.[0-9]+)?"),
          "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")}
_READ = {"integer": int, "number": float, "date": date.fromisoformat, "string": str}


def value(field: dict, cell: str | None):
    """The cell as its field's type reads it; None for a missing value. A cell its type cannot
    read raises ValueError."""
    if cell is None or cell == "":
        return None
    kind = field.get("type", "string")
    plain = _PLAIN.get(kind)
    if plain is not None and not plain.fullmatch(cell):
        raise ValueError(f"not a plain {kind}")
    return _READ[kind](cell)


def problem(field: dict, cell: str | None) -> str | None:
    """Why `cell` breaks its field (type or constraint), or None."""
    constraints = field.get("constraints") or {}
    try:
        typed = value(field, cell)
    except (ValueError, KeyError):
        kind = field.get("type", "string")
        return f"not {'an' if kind[:1] in 'aeiou' else 'a'} {kind}"
    if typed is None:
        return "required, and missing" if constraints.get("required") else None
    if "enum" in constraints and typed not in constraints["enum"]:
        return "not one of its vocabulary"
    if "pattern" in constraints and not _pattern(constraints["pattern"]).fullmatch(typed):
        return "not of its pattern"
    if "minimum" in constraints and typed < constraints["minimum"]:
        return f"below the minimum {constraints['minimum']}"
    if "minLength" in constraints and len(typed) < constraints["minLength"]:
        return f"shorter than {constraints['minLength']}"
    return None


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def reader(field: dict):
    """`value` for one field, made once: for the cells of a table already found `clean`."""
    read = _READ[field.get("type", "string")]
    return lambda cell: read(cell) if cell else None


def clean(table, fields: list[dict]) -> bool:
    """Whether every cell of a parsed table reads under its field, its header names the fields
    in order, every row has one cell a field and holds something: what frictionless's checks of
    the cells would find nothing in (the tables layer asks frictionless only of a table that
    is not clean, so a valid package never pays for it)."""
    if table.clean_under is not None and table.clean_under == fields:
        return True
    if table.truncated or table.header != [f["name"] for f in fields]:
        return False
    width = len(fields)
    for _, cells in table.records:
        if len(cells) != width or not any(cells):
            return False
        if any(problem(field, cell) for field, cell in zip(fields, cells)):
            return False
    table.clean_under = fields
    return True
