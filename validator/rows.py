"""Layer 3, rows: every row typed from its table's schema (`cells`), then the rules one row
must obey.

Rows the tables layer found broken are skipped here (their finding stands); a table with
a broken header is skipped whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import cells, corrections
from .csvtable import Numbered
from .disclosure import shown
from .findings import Problem
from .mentions import cue_kind, hedge_in
from .models import MODELS, SPAN_COLUMNS, Entity, Event, Figure, Row, Statement, added_columns, row_class
from .package import Resource
from .registry import ARTICLE, ROWS, register

LAYER = "rows"

# Bounds each qualifier implies: (lower, upper), each "value" (equal to the value) or None (empty).
BOUNDS_BY_QUALIFIER = {  # keys: every value of models.QUALIFIERS (a test keeps them equal)
    "exact": (None, None),
    "about": (None, None),
    "estimated": (None, None),
    "nearly": (None, "value"),
    "almost": (None, "value"),
    "at_least": ("value", None),
}


@dataclass
class Records:
    """The typed rows of each table, with their row numbers, and the rows that failed their
    model (reported by `row_model`)."""
    rows: dict[str, Numbered] = field(default_factory=dict)  # table -> (row number, row)
    failures: list[tuple[str, int, str | None, str]] = field(default_factory=list)

    def __post_init__(self):  # rows given as lists of (row number, row) pairs are held as Numbered
        self.rows = {table: pairs if isinstance(pairs, Numbered) else Numbered(pairs) for table, pairs in self.rows.items()}

    def of(self, table: str) -> list[Row]:
        return list(self.numbered(table).items)

    def numbered(self, table: str) -> Numbered:
        return self.rows[table] if table in self.rows else Numbered()


def type_rows(tables: list[Resource], broken: dict[str, set[int] | None]) -> Records:
    """Every row of `tables` typed from its schema, into its table's row class (with the
    columns the schema adds), but the rows (or, for None, the tables) `broken` names by file
    path, and the rows a cell of which its field cannot read (`Records.failures`)."""
    records = Records()
    for resource in tables:
        skip = broken.get(resource.path, set())
        if skip is None or resource.table.header != resource.schema_fields:
            continue  # a header that does not name the fields is the tables layer's finding
        fields = resource.schema["fields"]
        model, typed = row_class(resource.name, added_columns(resource.name, resource.schema)), Numbered()
        if not skip and cells.clean(resource.table, fields):  # every cell reads: no need to ask each again
            readers = [(f["name"], cells.reader(f)) for f in fields]
            records.rows[resource.name] = Numbered((number, model(**{name: read(values[name]) for name, read in readers}))
                                                   for number, values in resource.table.dicts())
            continue
        for number, values in resource.table.dicts():
            if number in skip:
                continue
            problems = [(f["name"], why) for f in fields if (why := cells.problem(f, values[f["name"]]))]
            if problems:
                records.failures += [(resource.path, number, name, f"{why}; expected what the schema says")
                                     for name, why in problems]
                continue
            typed.append((number, model(**{f["name"]: cells.value(f, values[f["name"]]) for f in fields})))
        records.rows[resource.name] = typed
    return records


def row_model(ctx):
    """Every row's cells read under their fields (types, vocabularies, patterns, minimums),
    as the tables layer's checks read them: what they report is not reported again."""
    for path, number, field_name, message in ctx.records.failures:
        yield Problem(message, path, number, field_name)


def register_row_rules(rules) -> None:  # pragma: no mutate block (runs at import)
    """Register each rule on one row, a function of the typed row yielding (field, message)
    pairs, as a check of this layer on the rows of its tables (every table for none)."""
    for rule, tables in rules:
        register(LAYER, ROWS, _check_of_rule(rule, tables))


def _check_of_rule(rule, tables: tuple[str, ...]):  # pragma: no mutate block (runs at import)
    def check(ctx):
        return apply_rule(ctx, rule, tables)
    check.__name__, check.__doc__ = rule.__name__, rule.__doc__
    return check


def apply_rule(ctx, rule, tables: tuple[str, ...]):
    """The problems `rule` finds in the rows of `tables` (every table for none)."""
    for table in tables or MODELS:
        path = ctx.package.resources[table].path if table in ctx.records.rows else None
        for number, row in ctx.records.numbered(table):
            for field_name, message in rule(row):
                yield Problem(message, path, number, field_name)


# ---- rules: each takes one typed row and returns (field, message) pairs -------------------

TEXTS = ("text", "name", "description", "measure", "what", "reason", "cue", "note",
         "role_text", "context_note", "short_name")


def span_is_not_empty(row: Row):
    """A span ends after it starts: no span (nor role span) is empty."""
    spans = [(start, end, getattr(row, start), getattr(row, end)) for start, end in _SPANS_OF[row.TABLE]]
    return [(end, f"{end} {to} must be greater than {start} {at}")
            for start, end, at, to in spans if at is not None and to is not None and to <= at]


def text_is_not_blank(row: Row):
    """No text field is blank (an empty cell is a missing value; spaces alone are not)."""
    texts = [(name, getattr(row, name)) for name in _TEXTS_OF[row.TABLE]]
    return [(name, "is blank; expected text, or an empty cell where the field is optional")
            for name, value in texts if value is not None and not value.strip()]


def person_has_public_role(row: Entity):
    """A person, and only a person, has role_text, role_start and role_end: the words in
    which the article gives their role."""
    role = (row.role_text, row.role_start, row.role_end)
    if row.type == "person" and None in role:
        yield "role_text", ("a person needs role_text, role_start and role_end: the words in which "
                            "the article gives their public role")
    if row.type != "person" and any(v is not None for v in role):
        yield "role_text", f"role_text and its offsets are for persons only; this entity is {row.type}"


def cue_matches_mode(row: Statement):
    """An authorial statement has no cue, and prints no hedge on itself (“reportedly”: that is
    a hedged statement); a hedged statement's cue is its hedge word, and only a hedged
    statement's is; every other statement has a cue."""
    hedge, kind = hedge_in(row.text), cue_kind(row.cue or "")
    if row.mode == "authorial" and row.cue:
        yield "cue", "an authorial statement has no attribution cue; expected an empty cell"
    elif row.mode == "authorial" and hedge:
        yield "mode", (f"the statement is hedged with “{hedge}” outside any quotation: the article's "
                       f"assertion at one remove; expected mode hedged, with cue {hedge}, not authorial")
    if row.mode != "authorial" and not row.cue:
        yield "cue", f"a {row.mode} statement needs its attribution cue as printed"
    elif row.cue and row.mode != "authorial" and (row.mode == "hedged") != (kind == "hedge"):
        yield "cue", (f"a hedged statement's cue is its hedge word (reportedly, allegedly, …); "
                      f"{shown(row.cue)} is not one: expected the hedge as printed, or a mode that names "
                      "its source" if row.mode == "hedged" else
                      f"cue {shown(row.cue)} is a hedge word, the cue of a hedged statement (the article's "
                      f"own at one remove); expected mode hedged, or the reporting verb as the cue of a "
                      f"{row.mode} statement")


def bounds_contain_value(row: Figure):
    """A figure's bounds hold its value: lower <= value <= upper."""
    if row.lower is not None and row.lower > row.value:
        yield "lower", f"lower {shown(row.lower)} is above value {shown(row.value)}; expected lower <= value"
    if row.upper is not None and row.upper < row.value:
        yield "upper", f"upper {shown(row.upper)} is below value {shown(row.value)}; expected value <= upper"


def bounds_match_qualifier(row: Figure):
    """A figure's bounds are what its qualifier implies (nearly, almost: an upper bound; at
    least: a lower bound; the others: none)."""
    expected = BOUNDS_BY_QUALIFIER[row.qualifier]
    for name, rule in zip(("lower", "upper"), expected):
        actual = getattr(row, name)
        if rule is None and actual is not None:
            yield name, f"qualifier {row.qualifier} implies no {name} bound; expected an empty cell"
        if rule == "value" and actual != row.value:
            yield name, (f"qualifier {row.qualifier} implies {name} = value ({shown(row.value)}); "
                         f"found {'empty' if actual is None else shown(actual)}")


def percent_is_a_share(row: Figure):
    """A percentage lies between 0 and 100."""
    if row.unit == "percent" and not 0 <= row.value <= 100:
        yield "value", f"a percentage must lie between 0 and 100; found {shown(row.value)}"


def dates_in_order(row: Event):
    """An event's date_from is not after its date_to."""
    if row.date_from > row.date_to:
        yield "date_to", f"date_to {shown(row.date_to.isoformat())} is before date_from {shown(row.date_from.isoformat())}"


# Worked out once per model: 100 000 rows ask these questions 100 000 times.
_SPANS_OF = {table: [(s, e) for _, s, e in SPAN_COLUMNS.get(table, [])] for table in MODELS}
_TEXTS_OF = {table: [c.name for c in model.COLUMNS if c.name in TEXTS] for table, model in MODELS.items()}


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, ROWS, row_model)


# The rules on one row, registered once each as a check of this layer, with their tables
# (none named: every table).
register_row_rules([
    (span_is_not_empty, ()),
    (text_is_not_blank, ()),
    (person_has_public_role, ("entities",)),
    (cue_matches_mode, ("statements",)),
    (bounds_contain_value, ("figures",)),
    (bounds_match_qualifier, ("figures",)),
    (percent_is_a_share, ("figures",)),
    (dates_in_order, ("events",)),
])


def _check_of(function):  # pragma: no mutate block (runs at import)
    def check(ctx):
        return function(ctx)
    check.__name__, check.__doc__ = function.__name__, function.__doc__
    return check


# Corrections as data (validator/corrections.py): corrections.csv and article_revisions.csv
# held to the other tables, to CHANGELOG.md and to the snapshot.
register(LAYER, ROWS, *map(_check_of, (corrections.corrections_name_rows, corrections.corrections_hold_the_new_value,
                                       corrections.corrections_follow_each_other,
                                       corrections.corrections_fit_their_kind,
                                       corrections.revisions_have_their_snapshot,
                                       corrections.versions_in_order, corrections.corrections_in_changelog)))
register(LAYER, ARTICLE, _check_of(corrections.article_revisions_end_with_the_snapshot))
