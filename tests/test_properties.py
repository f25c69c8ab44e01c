"""Property-based cases: any change to a span's text or offsets is caught, figure text reads
back as its value, no row values make a check raise, and no CSV bytes or cell text make the
validator raise.

The strategies draw text from a fixed alphabet of the character classes that matter here
(ASCII, the article's quotation marks, Han, full-width and Arabic-Indic digits, format and
bidirectional characters, non-breaking spaces, a character outside the BMP), so Hypothesis
never builds its table of all of Unicode, which costs seconds in every fresh clone."""
import copy as copy_module
import string
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, examples
from validator import faithfulness
from validator.context import Context
from validator.figure_text import parse_figure
from validator.models import fields_of
from validator.package import load_package
from validator.pins import ARTICLE_SHA256, PERSONS
from validator.registry import ARTICLE as NEEDS_ARTICLE
from validator.registry import ROWS, registered
from validator.run import validate_package

PACKAGE = load_package(ROOT / "datapackage.json")
RECORDS = Context(PACKAGE, ARTICLE_SHA256, PERSONS).records
ARTICLE = PACKAGE.article
SPAN_TABLES = ["quotes", "figures", "events", "statements", "excluded_spans"]
ALPHABET = (string.printable + "\u201c\u201d\u2019\u2013\u2026\u00e9"
            + "\u5f20\u4e09\u8eab\u4efd\u8bc1\u5e74\u6708\u65e5"
            + "\uff10\uff11\uff19\u0660\u0669\uff20"
            + "\u200b\u200d\u2060\ufeff\u00ad\u202e\u2066\u2069"
            + "\u00a0\u3000\u2010\u2212\U0001f600")
TEXT = st.text(alphabet=ALPHABET, max_size=30)


def unvalidated_copy(row, **changes):
    """The row with `changes`, not validated: a row that passed its types but holds anything."""
    copy = copy_module.copy(row)
    for name, value in changes.items():
        object.__setattr__(copy, name, value)
    return copy


def context_with(table, index, **changes):
    """A context whose rows are the package's, with one row changed (no validation)."""
    rows = {name: list(numbered) for name, numbered in RECORDS.rows.items()}
    number, row = rows[table][index]
    rows[table][index] = (number, unvalidated_copy(row, **changes))
    context = Context(PACKAGE, ARTICLE_SHA256, PERSONS)
    context.records = type(RECORDS)(rows)
    return context, number


@settings(max_examples=examples(150), deadline=None)
@given(table=st.sampled_from(SPAN_TABLES), data=st.data())
def test_any_changed_span_text_is_caught(table, data):
    index = data.draw(st.integers(0, len(RECORDS.rows[table]) - 1))
    row = RECORDS.rows[table][index][1]
    text = data.draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
    assume(text != row.text)
    context, number = context_with(table, index, text=text)
    findings = list(faithfulness.spans_match_article(context))
    assert [(f.row, f.field) for f in findings] == [(number, "text")]


@settings(max_examples=examples(150), deadline=None)
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


ROW_CHECKS = [check for check in registered() if check.needs in (ROWS, NEEDS_ARTICLE)]
FIELD_VALUES = {
    "start": st.integers(0, 6000), "end": st.integers(0, 6000),
    "role_start": st.integers(0, 6000), "role_end": st.integers(0, 6000),
    "text": TEXT, "name": st.text(alphabet=ALPHABET, min_size=1, max_size=30),
    "cue": st.text(alphabet=ALPHABET, max_size=10), "note": TEXT, "context_note": TEXT,
    "short_name": st.text(alphabet=ALPHABET, min_size=1, max_size=6),
    "statement_id": st.sampled_from([s.id for s in RECORDS.of("statements")] + ["s-missing"]),
    "unit": st.sampled_from(["percent", "ccp_members", "members", "x"]),
    "value": st.floats(allow_nan=False, allow_infinity=False),
    "lower": st.floats(allow_nan=False, allow_infinity=False),
    "date_from": st.dates(), "date_to": st.dates(),
}


@settings(max_examples=examples(300), deadline=None)
@given(table=st.sampled_from(sorted(t for t, rows in RECORDS.rows.items()
                                    if rows and set(FIELD_VALUES) & set(fields_of(type(rows[0][1]))))),
       data=st.data())
def test_no_row_values_make_a_check_raise(table, data):
    """Rows that pass their types but hold anything at all: every check that reads rows
    still returns findings rather than raising (offsets past the end, inverted spans, year
    0 and so on)."""
    index = data.draw(st.integers(0, len(RECORDS.rows[table]) - 1))
    row = RECORDS.rows[table][index][1]
    fields = [f for f in FIELD_VALUES if f in fields_of(type(row))]
    changes = {f: data.draw(FIELD_VALUES[f]) for f in data.draw(st.lists(st.sampled_from(fields), max_size=4))}
    context, _ = context_with(table, index, **changes)
    for check in ROW_CHECKS:
        check.run(context)


def test_a_start_past_the_end_of_the_article_is_a_finding_not_an_error():
    """The example Hypothesis once found: an empty text whose start lies past the article's end
    (and past its own end), which made statements_are_whole_sentences index past the text."""
    index = next(i for i, (_, s) in enumerate(RECORDS.rows["statements"]) if s.id == "s-rubio-ipac")
    context, _ = context_with("statements", index, text="", start=len(ARTICLE) + 3, end=10)
    for check in ROW_CHECKS:
        check.run(context)


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(max_size=200), table=st.sampled_from(["figures", "entities", "events"]))
def test_no_csv_bytes_make_the_validator_raise(package, garbage, table):
    package.write_bytes(f"data/{table}.csv", garbage)
    report = validate_package(package.descriptor)
    assert not report.valid


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["figures", "events", "quotes", "entities"]), data=st.data())
def test_no_header_label_makes_the_validator_raise(package, table, data):
    """One label of the published header changed (a name with white space around it, another
    case, another column's name, blank, anything): a finding, never an error."""
    original = (ROOT / "data" / f"{table}.csv").read_text(encoding="utf-8")
    header, rest = original.split("\n", 1)
    labels = header.split(",")
    index = data.draw(st.integers(0, len(labels) - 1))
    label = data.draw(st.one_of(st.sampled_from([" ", "\t", "\u00a0"]).map(lambda space: labels[index] + space),
                                st.sampled_from([" ", "\t"]).map(lambda space: space + labels[index]),
                                st.just(labels[index].upper()), st.sampled_from(labels), st.just(""),
                                st.text(alphabet="abc_ \t", min_size=1, max_size=8)))
    if label == labels[index] or "," in label:
        return
    labels[index] = label
    package.write_bytes(f"data/{table}.csv", (",".join(labels) + "\n" + rest).encode("utf-8"))
    assert not validate_package(package.descriptor).valid


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["figures", "events", "quotes", "entities"]), data=st.data())
def test_no_cell_text_makes_the_validator_raise(package, table, data):
    """Each example starts from the published table: one cell changed, nothing carried over."""
    original = (ROOT / "data" / f"{table}.csv").read_bytes()
    package.write_bytes(f"data/{table}.csv", original)
    rows = package.rows(table)
    index = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.sampled_from(list(rows[0])))
    rows[index][column] = data.draw(st.text(alphabet=ALPHABET, max_size=25))
    package.write_rows(table, rows)
    validate_package(package.descriptor)  # any outcome but an exception
