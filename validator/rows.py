"""Layer 3, rows: every row as its pydantic model, then the rules one row must obey.

Rows the tables layer found broken are skipped here (their finding stands); a table with
a broken header is skipped whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from .findings import Finding, finding
from .models import MODELS, SPAN_COLUMNS, Entity, Event, Figure, Row, Statement
from .package import LoadedPackage

LAYER = "rows"

# Bounds each qualifier implies: (lower, upper), each "value" (equal to the value) or None (empty).
BOUNDS_BY_QUALIFIER = {  # keys: every value of models.Qualifier (a test keeps them equal)
    "exact": (None, None),
    "about": (None, None),
    "estimated": (None, None),
    "nearly": (None, "value"),
    "almost": (None, "value"),
    "at_least": ("value", None),
}


@dataclass
class Records:
    """The typed rows of each table, with their row numbers."""
    rows: dict[str, list[tuple[int, Row]]] = field(default_factory=dict)
    complete: set[str] = field(default_factory=set)  # tables with every row typed and valid

    def of(self, table: str) -> list[Row]:
        return [row for _, row in self.rows.get(table, [])]

    def numbered(self, table: str) -> list[tuple[int, Row]]:
        return self.rows.get(table, [])

    def all_complete(self, *tables: str) -> bool:
        return all(t in self.complete for t in tables)


def check_rows(package: LoadedPackage, blocked: dict[str, set[int] | None]) -> tuple[list[Finding], Records]:
    findings, records = [], Records()
    for resource in package.tables():
        model = MODELS[resource.name]
        skip = blocked.get(resource.name, set())
        if skip is None:
            continue
        typed, clean = [], not skip
        for number, cells in resource.table.dicts():
            if number in skip:
                continue
            row, problems = _typed_row(model, cells)
            problems += _rule_problems(row) if row is not None else []
            for check, field_name, message in problems:
                findings.append(finding(LAYER, check, message, resource.path, number, field_name))
            clean = clean and not problems
            if row is not None:
                typed.append((number, row))
        records.rows[resource.name] = typed
        if clean:
            records.complete.add(resource.name)
    return findings, records


def _typed_row(model: type[Row], values: dict[str, str | None]) -> tuple[Row | None, list[tuple[str, str, str]]]:
    try:
        return model.model_validate(values), []
    except ValidationError as error:
        return None, [("row_model", ".".join(str(p) for p in e["loc"]) or None, e["msg"])
                      for e in error.errors()]


# ---- rules: each takes one typed row and returns (field, message) pairs -------------------

TEXTS = ("text", "name", "description", "measure", "what", "reason", "cue", "note",
         "role_text", "context_note", "short_name")


def span_is_not_empty(row: Row):
    values = row.__dict__
    return [(end, f"{end} {values[end]} must be greater than {start} {values[start]}")
            for start, end in _SPANS_OF[type(row)]
            if values[start] is not None and values[end] is not None and values[end] <= values[start]]


def text_is_not_blank(row: Row):
    values = row.__dict__
    return [(name, "is blank; expected text, or an empty cell where the field is optional")
            for name in _TEXTS_OF[type(row)] if values[name] is not None and not values[name].strip()]


def person_has_public_role(row: Entity):
    role = (row.role_text, row.role_start, row.role_end)
    if row.type == "person" and None in role:
        yield "role_text", ("a person needs role_text, role_start and role_end: the words in which "
                            "the article gives their public role")
    if row.type != "person" and any(v is not None for v in role):
        yield "role_text", f"role_text and its offsets are for persons only; this entity is {row.type}"


def cue_matches_mode(row: Statement):
    if row.mode == "authorial" and row.cue:
        yield "cue", "an authorial statement has no attribution cue; expected an empty cell"
    if row.mode != "authorial" and not row.cue:
        yield "cue", f"a {row.mode} statement needs its attribution cue as printed"


def bounds_contain_value(row: Figure):
    if row.lower is not None and row.lower > row.value:
        yield "lower", f"lower {row.lower:g} is above value {row.value:g}; expected lower <= value"
    if row.upper is not None and row.upper < row.value:
        yield "upper", f"upper {row.upper:g} is below value {row.value:g}; expected value <= upper"


def bounds_match_qualifier(row: Figure):
    expected = BOUNDS_BY_QUALIFIER[row.qualifier]
    for name, rule in zip(("lower", "upper"), expected):
        actual = getattr(row, name)
        if rule is None and actual is not None:
            yield name, f"qualifier {row.qualifier} implies no {name} bound; expected an empty cell"
        if rule == "value" and actual != row.value:
            yield name, (f"qualifier {row.qualifier} implies {name} = value ({row.value:g}); "
                         f"found {'empty' if actual is None else f'{actual:g}'}")


def percent_is_a_share(row: Figure):
    if row.unit == "percent" and not 0 <= row.value <= 100:
        yield "value", f"a percentage must lie between 0 and 100; found {row.value:g}"


def dates_in_order(row: Event):
    if row.date_from > row.date_to:
        yield "date_to", f"date_to {row.date_to} is before date_from {row.date_from}"


RULES = {
    "entities": [person_has_public_role],
    "statements": [cue_matches_mode],
    "figures": [bounds_contain_value, bounds_match_qualifier, percent_is_a_share],
    "events": [dates_in_order],
}
COMMON_RULES = [span_is_not_empty, text_is_not_blank]
# Worked out once per model: 100 000 rows ask these questions 100 000 times.
_RULES_OF = {model: COMMON_RULES + RULES.get(table, []) for table, model in MODELS.items()}
_SPANS_OF = {model: [(s, e) for _, s, e in SPAN_COLUMNS.get(table, [])] for table, model in MODELS.items()}
_TEXTS_OF = {model: [t for t in TEXTS if t in model.model_fields] for model in MODELS.values()}


def _rule_problems(row: Row) -> list[tuple[str, str, str]]:
    return [(rule.__name__, field_name, message)
            for rule in _RULES_OF[type(row)] for field_name, message in rule(row)]


def rule_names() -> list[str]:
    return [r.__name__ for r in COMMON_RULES] + [r.__name__ for rs in RULES.values() for r in rs]
