"""Small rules read on their own: the canonical descriptor's messages, why a cell breaks its
field, strict JSON at its limits, and the character classes of the privacy layer at their
edges (a first range, a first position, a format character that no renderer is told to
ignore)."""
import json

import pytest

from validator.canonical import DIALECT, FREE, dialect_disagreements, missing_properties, property_problems, short
from validator.cells import problem
from validator.disclosure import public_article
from detect import foreign_runs, invisible_characters
from validator.privacy.detectors.invisible import is_default_ignorable
from validator.vocabulary import NON_LATIN_WORDS


def test_a_pinned_property_missing_is_named_and_a_free_one_is_not():
    assert missing_properties({"a": 1}, {"a": FREE, "b": "x", "c": FREE}, "resource") == [
        "resource property 'b' is missing; expected 'x'"]


def test_a_dialect_missing_a_property_says_which_and_what_it_must_be():
    dialect = {key: value for key, value in DIALECT.items() if key != "delimiter"}
    assert dialect_disagreements(dialect) == ["dialect property 'delimiter' is missing; expected ','"]


def test_a_property_the_package_does_not_use_is_named():
    with public_article("the sep property"):
        assert property_problems({"sep": ";", "delimiter": ","}, DIALECT, "dialect") == [
            "dialect property 'sep' is not used by this package; expected none"]


@pytest.mark.parametrize("kind, constraints, broken, kept, why", [
    ("string", {"required": True}, None, "x", "required, and missing"),
    ("string", {"enum": ["quote", "figure"]}, "event", "quote", "not one of its vocabulary"),
    ("string", {"pattern": "[a-z]+(_[a-z]+)*"}, "Per_cent", "per_cent", "not of its pattern"),
    ("string", {"minLength": 3}, "ab", "abc", "shorter than 3"),
    ("integer", {"minimum": 0}, "-1", "0", "below the minimum 0"),
    ("integer", {}, "1.5", "15", "not an integer"),
    ("date", {}, "2021" "-02-30", "2021" "-02-28", "not a date"),  # written in two, as the privacy layer asks
    # what Python's readers take and the CSV conventions do not: spaces, a plus sign, an
    # underscore between digits, an exponent, a number that is none
    ("integer", {}, " 12", "12", "not an integer"),
    ("integer", {}, "+5", "-5", "not an integer"),
    ("integer", {}, "1_000", "1000", "not an integer"),
    ("number", {}, "1e3", "1000.5", "not a number"),
    ("number", {}, "nan", "0.5", "not a number"),
])
def test_a_cell_that_breaks_its_field_is_told_how(kind, constraints, broken, kept, why):
    field = {"name": "x", "type": kind, "constraints": constraints}
    assert problem(field, broken) == why and problem(field, kept) is None


def test_a_field_without_a_type_reads_its_cells_as_strings():
    """Table Schema's default type is string."""
    from validator.cells import value
    field = {"name": "x"}
    assert value(field, "12") == "12" and problem(field, "any text") is None


def test_a_short_value_is_shown_whole_and_a_long_one_cut_to_80_characters():
    with public_article("abc " + "x" * 200):
        assert short("abc") == '"abc"'
        cut = short("x" * 200)
    assert len(cut) == 80 and cut.endswith("\u2026") and cut.startswith('"xxx')


def test_a_value_the_article_does_not_print_is_described_not_shown():
    with public_article("abc"):
        assert short("zhang san") == "(withheld: 11 characters)"


def test_the_first_default_ignorable_code_point_is_one():
    assert is_default_ignorable("\u00ad") and not is_default_ignorable("\u00ac")


def test_a_format_character_no_renderer_is_told_to_ignore_is_invisible_all_the_same():
    assert [position for _, position in invisible_characters("a\ufff9b")] == [1]   # interlinear annotation


def test_a_presentation_selector_at_the_start_presents_no_symbol_even_when_one_ends_the_text():
    assert [position for _, position in invisible_characters("\ufe0f and \u2714")] == [0]


def test_a_run_after_an_allowed_word_is_placed_where_it_stands():
    word = NON_LATIN_WORDS[0]
    text = f"{word} \u0418\u0432\u0430\u043d"  # a Cyrillic name after a word of the vocabulary
    assert foreign_runs(text, NON_LATIN_WORDS) == [("Cyrillic", len(word) + 1, 4)]


def test_a_snippet_is_cut_to_its_limit_with_an_ellipsis():
    from validator.findings import snippet
    assert snippet("abc", 5) == "abc" and snippet("abcdefgh", 5) == "abcd\u2026"
    assert snippet("abcde", 5) == "abcde" and snippet("abcdef", 5) == "abcd\u2026"  # at the limit, whole


def test_json_nested_as_deep_as_allowed_reads_and_one_level_more_is_refused():
    from validator.files import MAX_JSON_DEPTH, load_json
    deepest = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    assert load_json(deepest) == (json.loads(deepest), None)
    value, why = load_json(b"[" + deepest + b"]")
    assert value is None and why.startswith(f"nested {MAX_JSON_DEPTH + 1} levels deep (at [0]")


def test_a_lone_surrogate_in_a_top_level_string_is_placed_at_the_top_level():
    from validator.files import load_json
    assert load_json(b'"\\ud800"') == (
        None, "not strict JSON: a lone surrogate (an unpaired \\ud800-\\udfff escape) at (top level)")


def test_a_walk_of_containers_only_yields_no_lone_value():
    from validator.files import walk_json
    assert list(walk_json(5, containers_only=True)) == [] and list(walk_json(5)) == [(5, 1, None)]
    assert [depth for _, depth, _ in walk_json({"a": [1, {"b": 2}]}, containers_only=True)] == [1, 2, 3]


def test_where_a_text_occurs_is_its_first_place_from_the_start():
    from validator.findings import where_found
    assert where_found("ab", "ab-ab") == "; the text occurs at 0-2"
    assert where_found("zz", "ab-ab") == "; the text does not occur in the article"


def test_the_first_year_a_date_may_have_is_1000():
    from detect import date_values_in
    first, before = "1000" "-03-01", "0999" "-03-01"  # written in pieces, so that no file holds a date
    assert [(d.year, d.month, d.day) for d, _ in date_values_in(f"in {first} and {before}")] == [(1000, 3, 1)]


def test_a_next_line_control_reads_as_a_line_break():
    from validator.privacy.normal import normalise
    assert normalise("a\x85b") == "a\nb"


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    from validator.files import read_regular_file
    (tmp_path / "at.txt").write_bytes(b"x" * 10)
    (tmp_path / "over.txt").write_bytes(b"x" * 11)
    assert read_regular_file(tmp_path / "at.txt", limit=10) == (b"x" * 10, None)
    assert read_regular_file(tmp_path / "over.txt", limit=10) == (
        None, "is 11 bytes; no file of the package may exceed 10 bytes")


def test_a_file_whose_status_cannot_be_read_is_told_why(tmp_path):
    """A path through a file (not a directory) cannot be looked at: the reason is the system's."""
    from validator.files import read_regular_file
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert read_regular_file(tmp_path / "a.txt" / "b.txt") == (None, "cannot read: Not a directory")


def test_a_folder_that_cannot_be_listed_is_listed_itself(tmp_path, monkeypatch):
    """A folder os.walk cannot open is an entry of the listing (so that it is reported), not
    skipped."""
    import os
    from validator.listing import walk
    (tmp_path / "shut").mkdir()
    (tmp_path / "open.txt").write_text("x", encoding="utf-8")
    scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path) == os.fspath(tmp_path / "shut"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)
    monkeypatch.setattr(os, "scandir", refusing)
    assert walk(tmp_path) == [("open.txt", tmp_path / "open.txt"), ("shut", tmp_path / "shut")]


@pytest.mark.parametrize("written, read", [
    ("\u2169", "X"),         # a Roman numeral ten: worth more than a digit, read by its compatibility form
    ("\u2473", "20"),        # a circled twenty: the same
    ("1\u0903" "2", "12"),   # a spacing combining mark between digits is dropped
])
def test_a_numeral_worth_ten_or_more_is_no_digit_and_a_spacing_mark_is_dropped(written, read):
    from validator.privacy.normal import normalise
    assert normalise(written) == read
