"""Property-based cases: any change to a span's text or offsets is caught, figure text
reads back as its value, and no CSV bytes make the validator raise."""
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from validator import faithfulness
from validator.context import Context
from validator.figure_text import parse_figure
from validator.package import load_package
from validator.rows import check_rows
from validator.run import CHECKS_NEEDING_ARTICLE, validate_package

PACKAGE, _ = load_package(ROOT / "datapackage.json")
_, RECORDS = check_rows(PACKAGE, {})
ARTICLE = PACKAGE.article
SPAN_TABLES = ["quotes", "figures", "events", "statements", "excluded_spans"]


def context_with(table, index, **changes):
    records = type(RECORDS)(dict(RECORDS.rows), set(RECORDS.complete))
    rows = list(records.rows[table])
    number, row = rows[index]
    rows[index] = (number, row.model_copy(update=changes))
    records.rows[table] = rows
    return Context(PACKAGE, records), number


@settings(max_examples=150, deadline=None)
@given(table=st.sampled_from(SPAN_TABLES), data=st.data())
def test_any_changed_span_text_is_caught(table, data):
    index = data.draw(st.integers(0, len(RECORDS.rows[table]) - 1))
    row = RECORDS.rows[table][index][1]
    text = data.draw(st.text(min_size=1, max_size=40))
    assume(text != row.text)
    context, number = context_with(table, index, text=text)
    findings = list(faithfulness.spans_match_article(context))
    assert [(f.row, f.field) for f in findings] == [(number, "text")]


@settings(max_examples=150, deadline=None)
@given(table=st.sampled_from(SPAN_TABLES), data=st.data())
def test_any_shifted_offset_is_caught(table, data):
    index = data.draw(st.integers(0, len(RECORDS.rows[table]) - 1))
    row = RECORDS.rows[table][index][1]
    shift = data.draw(st.integers(-row.start, 50).filter(bool))
    assume(ARTICLE[row.start + shift:row.end + shift] != row.text)
    context, number = context_with(table, index, start=row.start + shift, end=row.end + shift)
    findings = list(faithfulness.spans_match_article(context))
    assert [f.row for f in findings] == [number]


@given(hedge=st.sampled_from(["", "about ", "nearly ", "almost ", "at least ", "an estimated "]),
       whole=st.integers(0, 999_999), fraction=st.integers(0, 99),
       scale=st.sampled_from(["", " thousand", " million", " billion"]))
def test_printed_figures_read_back(hedge, whole, fraction, scale):
    printed = f"{whole:,}" + (f".{fraction:02d}" if fraction else "")
    parsed = parse_figure(f"{hedge}{printed}{scale}")
    multiplier = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9}[scale]
    assert parsed.value == Decimal(printed.replace(",", "")) * multiplier
    assert parsed.qualifier == (hedge.strip().replace("at least", "at_least")
                                .replace("an estimated", "estimated") or "exact")


ARTICLE_CHECKS = [check for checks in CHECKS_NEEDING_ARTICLE.values() for check in checks]
FIELD_VALUES = {
    "start": st.integers(0, 6000), "end": st.integers(0, 6000),
    "role_start": st.integers(0, 6000), "role_end": st.integers(0, 6000),
    "text": st.text(max_size=30), "name": st.text(min_size=1, max_size=30),
    "cue": st.text(max_size=10), "short_name": st.text(min_size=1, max_size=6),
    "statement_id": st.sampled_from([s.id for s in RECORDS.of("statements")] + ["s-missing"]),
    "value": st.floats(allow_nan=False, allow_infinity=False),
    "lower": st.floats(allow_nan=False, allow_infinity=False),
    "date_from": st.dates(), "date_to": st.dates(),
}


@settings(max_examples=300, deadline=None)
@given(table=st.sampled_from(sorted(RECORDS.rows)), data=st.data())
def test_no_row_values_make_a_check_raise(table, data):
    """Rows that pass their types but hold anything at all: every article check still returns
    findings rather than raising (offsets past the end, inverted spans, year 0 and so on)."""
    index = data.draw(st.integers(0, len(RECORDS.rows[table]) - 1))
    row = RECORDS.rows[table][index][1]
    fields = [f for f in FIELD_VALUES if f in type(row).model_fields]
    changes = {f: data.draw(FIELD_VALUES[f]) for f in data.draw(st.lists(st.sampled_from(fields), max_size=4))}
    context, _ = context_with(table, index, **changes)
    for check in ARTICLE_CHECKS:
        list(check(context))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(max_size=200), table=st.sampled_from(["figures", "entities", "events"]))
def test_no_csv_bytes_make_the_validator_raise(package, garbage, table):
    package.write_bytes(f"data/{table}.csv", garbage)
    report = validate_package(package.descriptor)
    assert not report.valid


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["figures", "events", "quotes", "entities"]), data=st.data())
def test_no_cell_text_makes_the_validator_raise(package, table, data):
    rows = package.rows(table)
    index = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.sampled_from(list(rows[0])))
    rows[index][column] = data.draw(st.text(max_size=25))
    package.write_rows(table, rows)
    validate_package(package.descriptor)  # any outcome but an exception
