"""Fault injection: break a copy of the package in one specific way, and assert the complete
list of findings the validator gives for it (layer, check, file, row, field): a finding that
is missing, extra or duplicated fails. One test per fault class; where one fault rightly
produces several findings, all are listed, with why in a comment."""

import json
import os

import pytest

from conftest import ARTICLE, assert_findings
from validator.disclosure import shown_field, shown_path
from validator.figure_text import FigureTextError, hedge_before, parse_figure

D = "datapackage.json"
ARTICLE_FILE = "data/article.txt"
QUOTES_INDEX = 4  # the position of the quotes resource in datapackage.json
AUTHORIAL = ["s-headline", "s-data-removed", "s-ipac-founded", "s-vaccine-firms", "s-party-size",
             "s-npc-caption", "s-rubio-ipac"]  # the article's own statements (authorial, hedged)


def csv(table):
    return f"data/{table}.csv"


def quotes_path_is_not_canonical():
    return ("descriptor", "properties_are_canonical", D, None, f"resources[{QUOTES_INDEX}]")


def quotes_file_undeclared():
    return ("descriptor", "files_declared", csv("quotes"), None, None)


# -- layer 1: descriptor and files ---------------------------------------------------------

def test_tampered_article_byte(package):
    content = bytearray((package.root / ARTICLE_FILE).read_bytes())
    content[ARTICLE.index("nearly")] = ord("N")
    package.write_bytes(ARTICLE_FILE, bytes(content), rehash=False)
    assert_findings(package.validate(),
                    ("descriptor", "hash_match", ARTICLE_FILE, None, "hash"),
                    ("descriptor", "article_is_the_snapshot", ARTICLE_FILE, None, None))


def test_hash_mismatch_after_an_unrecorded_edit(package):
    rows = package.rows("figures")
    rows[0]["measure"] = rows[0]["measure"] + " Edited."
    package.write_rows("figures", rows, rehash=False)
    hash_, _ = assert_findings(package.validate(),
                               ("descriptor", "hash_match", csv("figures"), None, "hash"),
                               ("descriptor", "bytes_match", csv("figures"), None, "bytes"))
    assert "run `.venv/bin/python scripts/update_hashes.py`" in hash_.message
    assert "form" not in hash_.message  # the declared hash is well-formed, only stale


def test_malformed_declared_hash(package):
    package.edit_resource("figures", hash="md5:abc")
    [finding] = assert_findings(package.validate(), ("descriptor", "hash_match", csv("figures"), None, "hash"))
    assert "is not of the form" in finding.message


def test_invalid_json_descriptor(package):
    package.descriptor.write_text('{"name": "x", "resources": [', encoding="utf-8")
    [finding] = assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))
    assert "invalid JSON at line 1" in finding.message


def test_binary_garbage_descriptor(package):
    package.descriptor.write_bytes(bytes(range(256)))
    assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))


def test_descriptor_that_is_not_an_object(package):
    package.descriptor.write_text("[1, 2]", encoding="utf-8")
    assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))


@pytest.mark.parametrize("resources", ["data/quotes.csv", []])
def test_resources_not_a_list(package, resources):
    package.edit_descriptor(lambda d: d.update(resources=resources))
    # With no resource declared, every data file and schema is a file nobody declared.
    files = sorted(p.relative_to(package.root).as_posix() for p in package.root.rglob("*")
                   if p.is_file() and p.name != D)
    # Undeclared, the events table is a text file like any other: its dates are refused too.
    events = [("privacy", "no_full_dates", csv("events"), line, None) for line in range(2, 9) for _ in "ft"]
    found = assert_findings(package.validate(),
                            ("descriptor", "resources_declared", D, None, "resources"),
                            *[("descriptor", "files_declared", f, None, None) for f in files], *events)
    assert found[0].message == "expected a non-empty list of resources"


def test_a_resource_declared_twice(package):
    package.edit_descriptor(lambda d: d["resources"].append(dict(package.resource(d, "quotes"))))
    _, finding = assert_findings(package.validate(), ("descriptor", "data_package_v2", D, None, None),
                                 ("descriptor", "resources_declared", D, None, "resources"))
    assert finding.message == "resource name 'quotes' is declared twice"


def test_a_broken_row_is_left_untyped_whatever_layer_found_something_before(package):
    package.edit_descriptor(lambda d: d.update({"$schema": "https://example.org/v1.json"}))
    row = package.edit("events", "e-data-removed", date_from="2016" "-13-01")
    # The tables layer's finding comes after the descriptor layer's; the row is not typed (no
    # rows finding on it).
    assert_findings(package.validate(), ("descriptor", "properties_are_canonical", D, None, None),
                    ("tables", "type-error", csv("events"), row, "date_from"))


def test_a_table_frictionless_cannot_validate_is_a_table_error_and_its_rows_are_left_untyped(package, monkeypatch):
    """Where frictionless raises on a table it is asked to check (a descriptor it cannot use),
    the table is one finding, named for the table as a whole, and no row of it is typed."""
    import contextlib

    from validator import tables

    class Refusing:
        @staticmethod
        def Resource(*args, **kwargs):
            raise ValueError("a descriptor this library cannot use")

    monkeypatch.setattr(tables, "frictionless", lambda: contextlib.nullcontext(Refusing))
    monkeypatch.setattr(tables, "_CHECKED", {})
    package.edit("events", "e-data-removed", date_from="2016" "-13-01")
    [finding] = assert_findings(package.validate(), ("tables", "table-error", csv("events"), None, None))
    assert finding.message == "frictionless cannot validate the table (ValueError)"


def test_an_extra_cell_is_read_as_the_column_after_the_last(package):
    lines = package.table_file("figures").read_text(encoding="utf-8").split("\n")
    lines[2] += ",born 1970" "-03-01"
    package.write_bytes("data/figures.csv", "\n".join(lines).encode("utf-8"))
    assert_findings(package.validate(), ("tables", "extra-cell", csv("figures"), 3, None),
                    ("privacy", "no_full_dates", csv("figures"), 3, "column 12"))


def test_not_data_package_v2(package):
    package.edit_descriptor(lambda d: d.update({"$schema": "https://example.org/v1.json"}))
    [finding] = assert_findings(package.validate(),
                                ("descriptor", "properties_are_canonical", D, None, None))
    assert "'$schema'" in finding.message


def test_data_package_profile(package):
    package.edit_descriptor(lambda d: d.update(keywords="not a list"))
    assert_findings(package.validate(), ("descriptor", "data_package_v2", D, None, None))


def test_undeclared_file(package):
    (package.root / "data" / "notes.txt").write_text("a file nobody declared\n")
    assert_findings(package.validate(), ("descriptor", "files_declared", shown_path("data/notes.txt"), None, None))


def test_missing_file_skips_only_what_depends_on_it(package):
    (package.root / "data" / "events.csv").unlink()
    # Numbers that are events would otherwise look unaccounted for; that check is skipped.
    [finding] = assert_findings(package.validate(), ("descriptor", "file_exists", csv("events"), None, None))
    assert finding.message == "declared in datapackage.json but missing"


def test_a_path_that_is_no_string_is_refused_in_the_descriptor(package):
    package.edit_resource("quotes", path=["data/quotes.csv"])
    # With no path, the quotes table and its schema are files nobody declared.
    _, finding, *_ = assert_findings(
        package.validate(), quotes_path_is_not_canonical(), ("descriptor", "path_inside_package", D, None, "resources"),
        quotes_file_undeclared(), ("descriptor", "files_declared", "schema/quotes.json", None, None))
    assert finding.message == "refused: expected one relative file path as a non-empty string"


@pytest.mark.parametrize("path", ["../outside.csv", "/etc/passwd", "data/../../outside.csv",
                                  "https://example.org/quotes.csv"])
def test_path_outside_the_package_is_refused(package, path):
    (package.root.parent / "outside.csv").write_text("id\n" + "999999" "1970" "0101" "0017\n")
    package.edit_resource("quotes", path=path)
    # The path is refused, is not the canonical one, and the real quotes file is now undeclared;
    # the outside file is never read (no privacy finding).
    assert_findings(package.validate(),
                    ("descriptor", "path_inside_package", shown_path(path), None, None),
                    quotes_path_is_not_canonical(), quotes_file_undeclared())


def test_symlink_leading_outside_is_refused(package):
    outside = package.root.parent / "outside.csv"
    outside.write_text("id\n" + "999999" "1970" "0101" "0017\n")
    (package.root / "data" / "linked.csv").symlink_to(outside)
    package.edit_resource("quotes", path="data/linked.csv")
    assert_findings(package.validate(),
                    ("descriptor", "path_inside_package", shown_path("data/linked.csv"), None, None),
                    ("descriptor", "files_declared", shown_path("data/linked.csv"), None, None),
                    quotes_path_is_not_canonical(), quotes_file_undeclared())


def test_missing_article(package):
    package.edit_descriptor(lambda d: d.update(resources=[r for r in d["resources"]
                                                          if r["name"] != "article"]))
    (package.root / ARTICLE_FILE).unlink()
    [finding] = assert_findings(package.validate(),
                                ("descriptor", "resources_declared", D, None, "resources"))
    assert "'article' is not declared" in finding.message


def test_article_that_is_not_utf8(package):
    package.write_bytes(ARTICLE_FILE, (package.root / ARTICLE_FILE).read_bytes() + b"\xff")
    assert_findings(package.validate(),
                    ("descriptor", "file_readable", ARTICLE_FILE, None, None),
                    ("descriptor", "article_is_the_snapshot", ARTICLE_FILE, None, None))


def test_article_that_is_not_the_snapshot(package):
    text = (package.root / ARTICLE_FILE).read_bytes()
    package.write_bytes(ARTICLE_FILE, b"\xef\xbb\xbf" + text)  # a BOM, hashes updated
    # Every check that reads the article is skipped: the spans count on the pinned text.
    assert_findings(package.validate(),
                    ("descriptor", "article_is_the_snapshot", ARTICLE_FILE, None, None))


def test_a_table_dropped(package):
    package.edit_descriptor(lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "quotes"]))
    assert_findings(package.validate(),
                    ("descriptor", "resources_declared", D, None, "resources"),
                    quotes_file_undeclared(),
                    ("descriptor", "files_declared", "schema/quotes.json", None, None))


def test_a_table_renamed(package):
    package.edit_resource("quotes", name="quotations")
    # An unknown resource, a missing one, and the quotes schema no resource references.
    assert_findings(package.validate(),
                    ("descriptor", "resources_declared", D, None, "resources"),
                    ("descriptor", "resources_declared", D, None, "resources"),
                    ("descriptor", "files_declared", "schema/quotes.json", None, None))


def test_a_table_retyped(package):
    package.edit_resource("quotes", type="file")
    assert_findings(package.validate(), quotes_path_is_not_canonical())


def test_fifo_is_refused_not_read(package):
    os.mkfifo(package.root / "data" / "pipe.csv")
    package.edit_resource("quotes", path="data/pipe.csv")
    assert_findings(package.validate(),  # would block forever if it were opened
                    ("descriptor", "file_exists", shown_path("data/pipe.csv"), None, None),
                    quotes_path_is_not_canonical(), quotes_file_undeclared())


def test_symlink_loop_under_data(package):
    (package.root / "data" / "loop").symlink_to("loop")
    assert_findings(package.validate(), ("descriptor", "files_declared", shown_path("data/loop"), None, None))


def test_nul_in_a_path(package):
    package.edit_resource("quotes", path="data/quotes\u0000.csv")
    # Findings never show the path: it is no documented one, and holds a control character.
    assert_findings(package.validate(),
                    ("descriptor", "path_inside_package", shown_path("data/quotes\u0000.csv"), None, None),
                    ("privacy", "no_invisible_characters", D, None, f"resources[{QUOTES_INDEX}].path"),
                    quotes_path_is_not_canonical(), quotes_file_undeclared())


def test_other_csv_dialect(package):
    package.edit_descriptor(lambda d: package.resource(d, "quotes")["dialect"].update(delimiter=";"))
    assert_findings(package.validate(), ("descriptor", "house_dialect", csv("quotes"), None, "dialect"))


def test_weakened_schema_is_refused(package):
    package.edit_schema("quotes", lambda s: s.pop("foreignKeys"))
    package.edit("quotes", "q-ipac-mission", statement_id="s-nonexistent")
    # The table is not checked further, so its broken key is not reported a second time.
    assert_findings(package.validate(),
                    ("descriptor", "schema_matches_model", "schema/quotes.json", None, None))


def test_schema_that_is_not_json(package):
    (package.root / "schema" / "events.json").write_text("{not json")
    assert_findings(package.validate(),
                    ("descriptor", "schema_readable", "schema/events.json", None, "schema"))


# -- layer 2: tables ---------------------------------------------------------------------------

def test_broken_foreign_key(package):
    rows = package.rows("attributions")
    rows[0]["entity_id"] = "nobody"
    package.write_rows("attributions", rows)
    assert_findings(package.validate(), ("tables", "foreign-key", csv("attributions"), 2, "entity_id"))


def test_duplicate_id(package):
    row = package.edit("figures", "f-register-size", id="f-members-embedded")
    assert_findings(package.validate(), ("tables", "primary-key", csv("figures"), row, None))


def test_duplicate_composite_key(package):
    rows = package.rows("attributions")
    rows.append(dict(rows[3]))
    package.write_rows("attributions", rows)
    assert_findings(package.validate(), ("tables", "primary-key", csv("attributions"), len(rows) + 1, None))


def test_unknown_enum_value(package):
    row = package.edit("statements", "s-headline", mode="opinion")
    [finding] = assert_findings(package.validate(),
                                ("tables", "constraint-error", csv("statements"), row, "mode"))
    assert "opinion" not in finding.message and "(withheld: 7 characters" in finding.message  # not public


def test_wrong_type(package):
    row = package.edit("events", "e-data-removed", date_from="2016-13-01")
    assert_findings(package.validate(), ("tables", "type-error", csv("events"), row, "date_from"))


def test_extra_column(package):
    rows = package.rows("events")
    for row in rows:
        row["comment"] = "x"
    package.write_rows("events", rows)
    # The header is wrong, so no row of the table is typed (no rows finding).
    assert_findings(package.validate(), ("tables", "extra-label", csv("events"), 1, shown_field("comment")))


def test_missing_column(package):
    rows = [{k: v for k, v in row.items() if k != "measure"} for row in package.rows("figures")]
    package.write_rows("figures", rows)
    assert_findings(package.validate(), ("tables", "missing-label", csv("figures"), 1, "measure"))


def test_a_cell_longer_than_the_article(package):
    row = package.edit("figures", "f-register-size", measure="x" * (len(ARTICLE) + 1))
    # Refused before anything parses it: the table is not checked further.
    assert_findings(package.validate(), ("tables", "cells_within_bounds", csv("figures"), row, "measure"))


# -- layer 3: rows ---------------------------------------------------------------------------

def test_bounds_inverted(package):
    row = package.edit("figures", "f-members-embedded", upper="1000000")
    # Below the value, and not the value “nearly” implies.
    assert_findings(package.validate(),
                    ("rows", "bounds_contain_value", csv("figures"), row, "upper"),
                    ("rows", "bounds_match_qualifier", csv("figures"), row, "upper"))


def test_bounds_that_the_qualifier_does_not_imply(package):
    row = package.edit("figures", "f-party-branches", lower="70000")
    assert_findings(package.validate(), ("rows", "bounds_match_qualifier", csv("figures"), row, "lower"))


def test_dates_out_of_order(package):
    row = package.edit("events", "e-data-removed", date_from="2017" "-01-01")
    # Out of order, and not what “2016” denotes.
    assert_findings(package.validate(),
                    ("rows", "dates_in_order", csv("events"), row, "date_to"),
                    ("faithfulness", "event_dates_match_text", csv("events"), row, "date_from"))


def test_blank_text(package):
    row = package.edit("figures", "f-register-size", measure="   ")
    assert_findings(package.validate(),
                    ("rows", "text_is_not_blank", csv("figures"), row, "measure"),
                    ("hygiene", "no_padded_cells", csv("figures"), row, "measure"))


def test_cue_missing_on_a_reported_statement(package):
    row = package.edit("statements", "s-japan-members", cue="")
    assert_findings(package.validate(), ("rows", "cue_matches_mode", csv("statements"), row, "cue"))


def test_person_without_a_role(package):
    row = package.edit("entities", "yasuhiro_matsuda", role_text="", role_start="", role_end="")
    [finding] = assert_findings(package.validate(),
                                ("rows", "person_has_public_role", csv("entities"), row, "role_text"))
    assert finding.message == ("a person needs role_text, role_start and role_end: the words in which "
                               "the article gives their public role")


def test_empty_span(package):
    quote = package.row("quotes", "q-ipac-mission")
    row = package.edit("quotes", "q-ipac-mission", end=quote["start"])
    assert_findings(package.validate(),
                    ("rows", "span_is_not_empty", csv("quotes"), row, "end"),
                    ("faithfulness", "spans_match_article", csv("quotes"), row, "text"))


def test_row_failing_its_model(package):
    row = package.edit("figures", "f-register-size", lower="-5", upper="x")
    # frictionless reports the type; the row is not typed again by the model.
    assert_findings(package.validate(), ("tables", "type-error", csv("figures"), row, "upper"))


def test_a_long_cell_of_the_wrong_type_is_shown_cut_to_40_characters(package):
    """The article's words in a number's cell: shown (they are public), cut to 40 characters."""
    words = package.row("quotes", "q-ipac-mission")["text"]
    row = package.edit("figures", "f-register-size", upper=words)
    [finding] = assert_findings(package.validate(), ("tables", "type-error", csv("figures"), row, "upper"))
    assert finding.message.endswith(f"; found {words[:39] + chr(0x2026)!r}")


# -- layer 4: faithfulness -------------------------------------------------------------------

def test_shifted_offset(package):
    quote = package.row("quotes", "q-matsuda-comply")
    row = package.edit("quotes", "q-matsuda-comply", start=str(int(quote["start"]) + 1),
                       end=str(int(quote["end"]) + 1))
    # The span no longer holds its text, no longer sits between the marks, and the passage
    # it was drawn from has no row.
    span, _, _ = assert_findings(package.validate(),
                                 ("faithfulness", "spans_match_article", csv("quotes"), row, "text"),
                                 ("faithfulness", "quote_is_between_marks", csv("quotes"), row, "text"),
                                 ("completeness", "every_quotation_has_a_row", csv("quotes"), None, None))
    assert f"the text occurs at {quote['start']}-{quote['end']}" in span.message


def test_altered_quote_word(package):
    row = package.edit("quotes", "q-senators-insidious", text="deliberate and malicious")
    assert_findings(package.validate(), ("faithfulness", "spans_match_article", csv("quotes"), row, "text"))


def test_altered_entity_name(package):
    row = package.edit("entities", "sharri_markson", name="Shari Markson")
    # Not the article's characters, not the reviewed person, not a name the article prints.
    assert_findings(package.validate(),
                    ("faithfulness", "spans_match_article", csv("entities"), row, "name"),
                    ("privacy", "persons_are_the_reviewed_ones", csv("entities"), row, "id"),
                    ("privacy", "persons_are_named_in_article", csv("entities"), row, "name"))


def test_short_name_not_in_the_article(package):
    row = package.edit("entities", "ipac", short_name="IPAQ")
    # The note of s-ipac-mission resolves “Its” as IPAC, which no longer names this entity.
    link = next(i for i, r in enumerate(package.rows("attributions"), start=2)
                if r["statement_id"] == "s-ipac-mission")
    assert_findings(package.validate(),
                    ("faithfulness", "short_names_printed_in_article", csv("entities"), row, "short_name"),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), link, "entity_id"))


def test_offset_past_the_end(package):
    row = package.edit("statements", "s-senators-stop-at-nothing", end=str(len(ARTICLE) + 5))
    assert_findings(package.validate(), ("faithfulness", "spans_match_article", csv("statements"), row, "end"))


def test_quote_with_its_marks(package):
    quote = package.row("quotes", "q-senators-insidious")
    start, end = int(quote["start"]) - 1, int(quote["end"]) + 1
    row = package.edit("quotes", "q-senators-insidious", text=ARTICLE[start:end], start=str(start),
                       end=str(end))
    assert_findings(package.validate(),
                    ("faithfulness", "quote_is_between_marks", csv("quotes"), row, "text"),
                    ("completeness", "every_quotation_has_a_row", csv("quotes"), None, None))


def test_figure_outside_its_statement(package):
    row = package.edit("figures", "f-register-size", statement_id="s-headline")
    assert_findings(package.validate(), ("faithfulness", "spans_inside_statement", csv("figures"), row, "start"))


def test_dropped_hedge(package):
    figure = package.row("figures", "f-members-embedded")
    row = package.edit("figures", "f-members-embedded", text="2 million",
                       start=str(int(figure["start"]) + len("nearly ")), qualifier="exact", upper="")
    [finding] = assert_findings(package.validate(),
                                ("completeness", "spans_are_whole_expressions", csv("figures"), row, "start"))
    assert "'nearly 2 million' at 226-242" in finding.message


def test_wrong_value(package):
    row = package.edit("figures", "f-party-branches", value="79001")
    assert_findings(package.validate(), ("faithfulness", "figure_reads_as_value", csv("figures"), row, "value"))


def test_scale_not_applied(package):
    row = package.edit("figures", "f-register-size", value="1.95")
    assert_findings(package.validate(), ("faithfulness", "figure_reads_as_value", csv("figures"), row, "value"))


@pytest.mark.parametrize("hedge", ["more than", "over", "around", "up to"])
def test_a_hedge_outside_the_vocabulary_is_never_read_as_exact(hedge):
    with pytest.raises(FigureTextError, match="no qualifier in the vocabulary"):
        parse_figure(f"{hedge} 300")
    assert hedge_before(f"with {hedge} 300 companies", len(f"with {hedge} ")) == hedge


def test_quote_offsets_past_the_end_are_a_finding_not_a_crash(package):
    row = package.edit("quotes", "q-ipac-mission", start="5000", end="10")
    assert_findings(package.validate(),
                    ("rows", "span_is_not_empty", csv("quotes"), row, "end"),
                    ("faithfulness", "spans_match_article", csv("quotes"), row, "text"))


def test_event_in_year_zero_is_a_finding_not_a_crash(package):
    row = package.edit("events", "e-data-removed", text="0000")
    assert_findings(package.validate(),
                    ("faithfulness", "spans_match_article", csv("events"), row, "text"),
                    ("faithfulness", "event_dates_match_text", csv("events"), row, "text"))


def test_qualifier_that_is_not_the_printed_hedge(package):
    row = package.edit("figures", "f-members-in-japan", qualifier="estimated")
    assert_findings(package.validate(), ("faithfulness", "figure_reads_as_value", csv("figures"), row, "qualifier"))


def test_percent_without_unit_percent(package):
    row = package.edit("figures", "f-population-share", unit="share_of_population")
    # The text has a % sign, and the words after it are not the unit either.
    assert_findings(package.validate(),
                    ("faithfulness", "figure_reads_as_value", csv("figures"), row, "unit"),
                    ("faithfulness", "figure_unit_is_printed", csv("figures"), row, "unit"))


def test_event_dates_that_the_words_do_not_denote(package):
    row = package.edit("events", "e-ipac-founded", date_to="2020" "-09-30")
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "event_dates_match_text", csv("events"), row, "date_from"))
    # The dates the words denote are public; the one they do not is withheld.
    assert finding.message == ("'mid-2020' does not denote '2020" "-05-01' to (withheld: 10 characters); "
                               "expected 2020" "-05-01 to 2020" "-08-31")


def test_context_resolution_without_a_note(package):
    row = package.edit("events", "e-senators-statement", context_note="")
    assert_findings(package.validate(), ("faithfulness", "event_dates_match_text", csv("events"), row, "context_note"))


def test_cue_not_printed_in_the_statement(package):
    row = package.edit("statements", "s-japan-members", cue="told")
    assert_findings(package.validate(), ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"))


# -- layer 5: completeness -------------------------------------------------------------------

def test_deleted_quote_row(package):
    package.delete("quotes", "q-ipac-mission")
    # The passage has no row, and its statement, whose mode quotes, holds no quotation.
    passage, _ = assert_findings(
        package.validate(),
        ("completeness", "every_quotation_has_a_row", csv("quotes"), None, None),
        ("completeness", "mode_matches_quotes", csv("statements"),
         package.row_number("statements", "s-ipac-mission"), "mode"))
    start = ARTICLE.index("\u201cto help craft") + 1
    assert f"at {start}-" in passage.message


def test_duplicated_quote_row(package):
    quote = package.row("quotes", "q-ipac-mission")
    row = package.append("quotes", **{**quote, "id": "q-ipac-mission-again"})
    [finding] = assert_findings(package.validate(),
                                ("completeness", "one_row_per_printed_span", csv("quotes"), row, "text"))
    assert "q-ipac-mission-again's text" in finding.message and "of q-ipac-mission too" in finding.message


def test_deleted_figure_row(package):
    package.delete("figures", "f-companies-in-japan")
    [finding] = assert_findings(package.validate(),
                                ("completeness", "every_number_is_accounted_for", csv("figures"), None, None))
    assert f"'300' at {ARTICLE.index('300')}-" in finding.message


def test_deleted_event_row(package):
    package.delete("events", "e-data-removed")
    [finding] = assert_findings(package.validate(),
                                ("completeness", "every_number_is_accounted_for", csv("figures"), None, None))
    assert "'2016'" in finding.message


def test_deleted_exclusion(package):
    package.delete("excluded_spans", "x-one-of-the-media-organizations")
    [finding] = assert_findings(package.validate(),
                                ("completeness", "every_number_is_accounted_for", csv("figures"), None, None))
    assert "'one'" in finding.message


def test_time_words_are_found_at_the_start_of_a_sentence():
    from validator.time_expressions import time_words
    found = [m.group() for m in time_words("Currently, it may rain. Last year it did. Now it is May.")]
    assert found == ["Currently", "Last year", "Now", "May"]


def test_deleted_time_exclusion(package):
    package.delete("excluded_spans", "x-subsequently")
    [finding] = assert_findings(package.validate(),
                                ("completeness", "every_time_word_is_accounted_for", csv("events"), None, None))
    assert f"'subsequently' at {ARTICLE.index('subsequently')}-" in finding.message


def test_exclusion_without_a_number(package):
    row = package.edit("excluded_spans", "x-multiple-nations", text="Leaked", start="0", end="6")
    # It excludes nothing, and “multiple” is left uncovered.
    finding, _ = assert_findings(package.validate(),
                                 ("completeness", "exclusions_are_needed", csv("excluded_spans"), row, "text"),
                                 ("completeness", "every_number_is_accounted_for", csv("figures"), None, None))
    assert finding.message == ("'Leaked' holds 0 of a number word or digits; an exclusion from figures "
                               "covers exactly one")


def rubio_description(package):
    return ("faithfulness", "person_descriptions_are_printed_of_them", csv("entities"),
            package.row_number("entities", "marco_rubio"), "description")


def test_sentence_in_no_statement(package):
    package.delete("attributions", "s-rubio-ipac")
    package.delete("statements", "s-rubio-ipac")
    # Rubio's description says he is a co-chairman of IPAC, which no statement now prints.
    finding, _ = assert_findings(package.validate(),
                                 ("completeness", "every_sentence_is_in_a_statement", csv("statements"), None, None),
                                 rubio_description(package))
    assert "Rubio also is a co-chairman of IPAC." in finding.message


def test_statement_that_splits_a_sentence(package):
    statement = package.row("statements", "s-rubio-ipac")
    cut = int(statement["start"]) + len("Rubio also is")
    row = package.edit("statements", "s-rubio-ipac", text=ARTICLE[int(statement["start"]):cut],
                       end=str(cut))
    package.append("statements", id="s-rubio-ipac-rest", mode="authorial", cue="", note="",
                   text=ARTICLE[cut + 1:int(statement["end"])], start=str(cut + 1), end=statement["end"])
    package.append("attributions", statement_id="s-rubio-ipac-rest", entity_id="article", role="source")
    # The half that prints “a co-chairman of IPAC” no longer names Rubio, whose description says it.
    assert_findings(package.validate(),
                    ("completeness", "statements_are_whole_sentences", csv("statements"), row, "end"),
                    rubio_description(package))


def test_mode_that_does_not_match_the_quotes(package):
    row = package.edit("statements", "s-matsuda-comply", mode="indirect")
    assert_findings(package.validate(), ("completeness", "mode_matches_quotes", csv("statements"), row, "mode"))


def test_exclusion_stretched_over_a_figure(package):
    package.delete("figures", "f-vaccine-developers")
    exclusion = package.row("excluded_spans", "x-multiple-nations")
    start = ARTICLE.index("At least two")
    row = package.edit("excluded_spans", "x-multiple-nations", start=str(start),
                       text=ARTICLE[start:int(exclusion["end"])])
    # It covers two number words, and one of them is a hedged figure.
    assert_findings(package.validate(),
                    ("completeness", "exclusions_are_needed", csv("excluded_spans"), row, "text"),
                    ("completeness", "exclusions_hide_no_figure", csv("excluded_spans"), row, "text"))


def test_statement_exclusion_that_is_not_a_repetition(package):
    package.delete("attributions", "s-rubio-ipac")
    statement = package.row("statements", "s-rubio-ipac")
    package.delete("statements", "s-rubio-ipac")
    row = package.append("excluded_spans", id="x-rubio", excluded_from="statements",
                         text=statement["text"], start=statement["start"], end=statement["end"],
                         reason="Not needed.")
    # No statement prints Rubio's co-chairmanship of IPAC now, which his description gives.
    assert_findings(package.validate(),
                    ("completeness", "exclusions_are_needed", csv("excluded_spans"), row, "text"),
                    rubio_description(package))


def test_overlapping_statements(package):
    statement = package.row("statements", "s-senators-insidious")
    end = ARTICLE.index("IPAC.", int(statement["end"])) + len("IPAC.")
    package.edit("statements", "s-senators-insidious", text=ARTICLE[int(statement["start"]):end],
                 end=str(end))
    assert_findings(package.validate(),
                    ("completeness", "every_sentence_is_in_a_statement", csv("statements"),
                     package.row_number("statements", "s-rubio-ipac"), "start"))


def test_statement_without_a_source(package):
    package.delete("attributions", "s-rubio-ipac")
    assert_findings(package.validate(),
                    ("completeness", "every_statement_has_a_source", csv("statements"),
                     package.row_number("statements", "s-rubio-ipac"), "id"))


def test_authorial_statement_with_another_source(package):
    rows = package.rows("attributions")
    for row in rows:
        if row["statement_id"] == "s-rubio-ipac":
            row["entity_id"] = "marco_rubio"
    package.write_rows("attributions", rows)
    assert_findings(package.validate(),
                    ("completeness", "sources_match_mode", csv("statements"),
                     package.row_number("statements", "s-rubio-ipac"), "mode"))


def test_reported_statement_with_the_article_as_source(package):
    rows = package.rows("attributions")
    number = next(i for i, r in enumerate(rows, start=2) if r["statement_id"] == "s-observers-pattern")
    rows[number - 2]["entity_id"] = "article"
    package.write_rows("attributions", rows)
    # The article is not a source of someone else's statement, and this one does not print it.
    assert_findings(package.validate(),
                    ("completeness", "sources_match_mode", csv("statements"),
                     package.row_number("statements", "s-observers-pattern"), "mode"),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"))


def test_medium_that_is_not_a_news_outlet(package):
    rows = package.rows("attributions")
    number = next(i for i, r in enumerate(rows, start=2)
                  if (r["statement_id"], r["role"]) == ("s-matsuda-comply", "medium"))
    rows[number - 2]["entity_id"] = "university_of_tokyo"
    package.write_rows("attributions", rows)
    # Not an outlet; and printed only inside Matsuda's role, not as the one he told. The
    # outlet he told, Nikkei Asia (“the English-language publication”), has lost its row.
    assert_findings(package.validate(),
                    ("completeness", "sources_match_mode", csv("attributions"), number, "entity_id"),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"),
                    ("completeness", "sources_match_mode", csv("statements"),
                     package.row_number("statements", "s-matsuda-comply"), "id"))


def test_no_article_entity(package):
    row = package.edit("entities", "article", type="organization")
    # No article entity, so none of the article's own statements has it as its source; the
    # headline is no organization's name, and the headline statement may share its span with
    # the article entity only.
    assert_findings(package.validate(),
                    ("faithfulness", "named_kinds_are_printed_as_names", csv("entities"), row, "type"),
                    ("completeness", "one_row_per_printed_span", csv("statements"),
                     package.row_number("statements", "s-headline"), "text"),
                    ("completeness", "one_article_entity", csv("entities"), None, "type"),
                    *[("completeness", "sources_match_mode", csv("statements"),
                       package.row_number("statements", s), "mode") for s in AUTHORIAL])


# -- layer 7: CSV hygiene --------------------------------------------------------------------

def test_non_utf8_bytes(package):
    content = (package.root / "data/entities.csv").read_bytes().replace("’".encode(), b"\x92", 1)
    package.write_bytes("data/entities.csv", content)
    assert_findings(package.validate(), ("descriptor", "file_readable", csv("entities"), None, None))


def test_byte_order_mark(package):
    content = (package.root / "data/quotes.csv").read_bytes()
    package.write_bytes("data/quotes.csv", b"\xef\xbb\xbf" + content)
    assert_findings(package.validate(), ("hygiene", "utf8_without_bom", csv("quotes"), None, None))


def test_crlf_line_endings(package):
    content = (package.root / "data/events.csv").read_bytes().replace(b"\n", b"\r\n")
    package.write_bytes("data/events.csv", content)
    assert_findings(package.validate(), ("descriptor", "lf_line_endings", csv("events"), None, None))


def test_nul_byte(package):
    content = (package.root / "data/figures.csv").read_bytes().replace(b"Total", b"To\x00tal")
    package.write_bytes("data/figures.csv", content)
    row = package.row_number("figures", "f-party-membership")
    assert_findings(package.validate(), ("hygiene", "no_nul_bytes", csv("figures"), None, None),
                    ("privacy", "no_invisible_characters", csv("figures"), row, "measure"))


def test_padded_cell(package):
    row = package.edit("figures", "f-register-size", unit=" ccp_members")
    # A space breaks the unit's pattern too.
    assert_findings(package.validate(),
                    ("tables", "constraint-error", csv("figures"), row, "unit"),
                    ("hygiene", "no_padded_cells", csv("figures"), row, "unit"))


@pytest.mark.parametrize("label", [" measure", "measure ", "measure\t"])
def test_a_label_padded_with_white_space(package, label):
    text = package.table_file("figures").read_text(encoding="utf-8")
    package.write_bytes("data/figures.csv", text.replace("measure", label, 1).encode("utf-8"))
    # frictionless reads the label as the name; csv, pandas and polars read another column. No
    # row of the table is typed (no rows finding, and no error).
    finding, _ = assert_findings(package.validate(), ("tables", "incorrect-label", csv("figures"), 1, "measure"),
                                 ("hygiene", "no_padded_cells", csv("figures"), 1, shown_field(label)))
    assert finding.message == (f"incorrect label: the label {label!r} at position 11 is the field name with "
                               "white space around it; expected measure alone")


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "@SUM(A1)"])
def test_formula_cell(package, cell):
    row = package.edit("statements", "s-headline", note=cell)
    [finding] = assert_findings(package.validate(), ("hygiene", "no_formula_cells", csv("statements"), row, "note"))
    assert finding.message == (f"starts with {cell[0]!r}: a spreadsheet would run it as a formula; expected text "
                               "that does not start with =, +, -, @, tab or carriage return")


def test_negative_number_in_a_numeric_column_is_not_a_formula(package):
    row = package.edit("figures", "f-register-size", lower="-5")
    assert_findings(package.validate(), ("rows", "bounds_match_qualifier", csv("figures"), row, "lower"))


# -- properties that change how readers parse values -----------------------------------------

@pytest.mark.parametrize("field, prop, value", [
    ("value", "groupChar", ","), ("value", "decimalChar", ","), ("value", "bareNumber", False),
    ("start", "bareNumber", False), ("text", "format", "email"), ("unit", "trueValues", ["yes"]),
    ("qualifier", "falseValues", ["no"]), ("measure", "rdfType", "urn:example:text"),
])
def test_a_field_property_the_package_does_not_use(package, field, prop, value):
    def change(schema):
        next(f for f in schema["fields"] if f["name"] == field)[prop] = value
    package.edit_schema("figures", change)
    # Refused, and the table is not checked further (frictionless would read other values);
    # a URL-valued property is refused for the network's sake as well.
    index = [f["name"] for f in json.loads((package.root / "schema/figures.json").read_text())["fields"]].index(field)
    urls = [("descriptor", "no_urls", "schema/figures.json", None, f"fields[{index}].{prop}")] \
        if str(value).startswith("urn:") else []
    assert_findings(package.validate(),
                    ("descriptor", "schema_matches_model", "schema/figures.json", None, field), *urls)


@pytest.mark.parametrize("prop, value", [("missingValues", ["", "NA"]), ("fieldsMatch", "subset"),
                                         ("primaryKey", ["text"]), ("$schema", "https://example.org/s.json")])
def test_a_schema_property_the_package_does_not_use(package, prop, value):
    package.edit_schema("figures", lambda s: s.update({prop: value}))
    assert_findings(package.validate(),
                    ("descriptor", "schema_matches_model", "schema/figures.json", None, None))


def test_a_date_format_that_reads_other_dates(package):
    def change(schema):
        next(f for f in schema["fields"] if f["name"] == "date_from")["format"] = "%d/%m/%Y"
    package.edit_schema("events", change)
    assert_findings(package.validate(),
                    ("descriptor", "schema_matches_model", "schema/events.json", None, "date_from"))


@pytest.mark.parametrize("prop, value", [("skipInitialSpace", True), ("commentChar", "#"),
                                         ("nullSequence", "NA"), ("quoteChar", "'"), ("header", False)])
def test_a_dialect_property_that_reads_other_cells(package, prop, value):
    package.edit_descriptor(lambda d: package.resource(d, "figures")["dialect"].update({prop: value}))
    assert_findings(package.validate(), ("descriptor", "house_dialect", csv("figures"), None, "dialect"))


@pytest.mark.parametrize("prop, value", [("encoding", "latin-1"), ("format", "tsv"), ("mediatype", "text/plain"),
                                         ("compression", "gz"), ("innerpath", "x.csv"), ("sheet", 1)])
def test_a_resource_property_that_reads_other_bytes(package, prop, value):
    package.edit_resource("figures", **{prop: value})
    assert_findings(package.validate(), ("descriptor", "properties_are_canonical", D, None, "resources[5]"))


@pytest.mark.parametrize("text, says", [
    ('{"name": "a", "name": "b"}', "appears twice"), ('{"bytes": NaN}', "not a JSON number"),
    ('{"bytes": Infinity}', "not a JSON number"), ('{"title": "\\udc80"}', "lone surrogate"),
])
def test_json_that_is_not_strict(package, text, says):
    package.descriptor.write_text(text, encoding="utf-8")
    [finding] = assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))
    assert says in finding.message


def test_a_schema_with_a_key_twice(package):
    file = package.root / "schema" / "quotes.json"
    file.write_text(file.read_text(encoding="utf-8").replace('"description":', '"description": "x", "description":', 1),
                    encoding="utf-8")
    [finding] = assert_findings(package.validate(),
                                ("descriptor", "schema_readable", "schema/quotes.json", None, "schema"))
    assert "appears twice" in finding.message


def test_a_foreign_key_with_its_fields_as_an_array_is_accepted(package):
    def as_arrays(schema):
        for key in schema["foreignKeys"]:
            key["fields"], key["reference"]["fields"] = [key["fields"]], [key["reference"]["fields"]]
    package.edit_schema("attributions", as_arrays)
    assert_findings(package.validate())


# -- files that travel unchecked --------------------------------------------------------------

@pytest.mark.parametrize("relative", ["notes/members.txt", "schema/extra.json", "docs/list.csv",
                                      "data/old/quotes.csv", ".github/members.txt"])
def test_a_file_nobody_documented_is_refused(package, relative):
    file = package.root / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("nothing personal\n", encoding="utf-8")
    assert_findings(package.validate(), ("descriptor", "files_declared", shown_path(relative), None, None))


def test_documented_repository_files_are_allowed_and_scanned(package):
    (package.root / "README.md").write_text("A readme.\n", encoding="utf-8")
    (package.root / "scripts").mkdir()
    (package.root / "scripts" / "tool.py").write_text("print('x')\n", encoding="utf-8")
    assert_findings(package.validate())
    (package.root / "scripts" / "tool.py").write_text("MOBILE = '139" "12345678'\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_phone_numbers", "scripts/tool.py", 1, None))


def test_a_repository_file_that_is_not_text(package):
    (package.root / "README.md").write_bytes(b"\xff\xfe binary")
    assert_findings(package.validate(), ("descriptor", "files_declared", "README.md", None, None))


def test_a_file_larger_than_the_bound_is_refused_unread(package):
    from validator.files import MAX_FILE_BYTES
    with open(package.root / "data" / "figures.csv", "r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    [finding] = assert_findings(package.validate(), ("descriptor", "file_exists", csv("figures"), None, None))
    assert f"may exceed {MAX_FILE_BYTES} bytes" in finding.message


def test_a_repository_file_larger_than_the_bound_is_refused_unread(package):
    """A documented file of the repository too, not only a declared one (a file of exactly the
    bound is read: tests/test_canonical_and_characters.py)."""
    from validator.files import MAX_FILE_BYTES
    (package.root / "docs").mkdir()
    with open(package.root / "docs" / "notes.md", "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    [finding] = assert_findings(package.validate(), ("descriptor", "files_declared", "docs/notes.md", None, None))
    assert finding.message == (f"cannot be read and scanned: is {MAX_FILE_BYTES + 1} bytes; no file of the "
                               f"package may exceed {MAX_FILE_BYTES} bytes")


# -- line endings from a Windows checkout ------------------------------------------------------

def test_crlf_everywhere_is_reported_first_and_not_170_times(package):
    for path in sorted((package.root / "data").iterdir()):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    report = package.validate()
    tables = ["entities", "statements", "attributions", "quotes", "figures", "events", "excluded_spans",
              "corrections", "article_revisions"]
    files = [ARTICLE_FILE] + [csv(t) for t in tables]
    assert_findings(report,
                    *[("descriptor", "lf_line_endings", f, None, None) for f in files],
                    *[("descriptor", check, f, None, field) for f in files
                      for check, field in (("bytes_match", "bytes"), ("hash_match", "hash"))],
                    ("descriptor", "article_is_the_snapshot", ARTICLE_FILE, None, None))
    assert report.by_layer()[0].check == "lf_line_endings"


# -- semantic swaps --------------------------------------------------------------------------

def attribution_row(package, statement, role):
    return next(i for i, r in enumerate(package.rows("attributions"), start=2)
                if (r["statement_id"], r["role"]) == (statement, role))


def test_a_source_swapped_for_one_the_statement_does_not_print(package):
    rows = package.rows("attributions")
    number = attribution_row(package, "s-japan-members", "source")
    rows[number - 2]["entity_id"] = "indo_asian_news_service"
    package.write_rows("attributions", rows)
    assert_findings(package.validate(),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"))


def test_a_medium_swapped(package):
    rows = package.rows("attributions")
    number = attribution_row(package, "s-markson-branches", "medium")
    rows[number - 2]["entity_id"] = "nikkei_asia"
    package.write_rows("attributions", rows)
    # Nikkei Asia is not printed; Sky News (“a report for Sky News”) has lost its medium row.
    assert_findings(package.validate(),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"),
                    ("completeness", "sources_match_mode", csv("statements"),
                     package.row_number("statements", "s-markson-branches"), "id"))


def test_a_reference_the_note_does_not_resolve(package):
    row = package.edit("statements", "s-embassy-real-intent", note="A statement to the press.")
    number = attribution_row(package, "s-embassy-real-intent", "source")
    assert row and assert_findings(
        package.validate(),
        ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"))


def test_a_context_date_moved_away_from_its_row(package):
    row = package.edit("events", "e-sky-news-report", date_from="2019" "-12-11", date_to="2019" "-12-20")
    # The words fix the month and days, not the year: only the rows the note names do.
    assert_findings(package.validate(),
                    ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "date_from"))


def test_a_context_note_naming_the_wrong_row(package):
    row = package.edit("events", "e-senators-statement",
                       context_note="\u201cthat month\u201d refers back to the removal (e-data-removed).")
    assert_findings(package.validate(),
                    ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "context_note"))


def test_a_context_date_moved_to_another_named_month(package):
    row = package.edit("events", "e-senators-statement", date_from="2020" "-05-01", date_to="2020" "-05-31",
                       context_note="\u201cthat month\u201d is the month of e-npc-closing-session.")
    # That month is the nearest preceding month-long event's, not any month a note names.
    assert_findings(package.validate(),
                    ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "context_note"))


def test_a_context_note_naming_no_row(package):
    row = package.edit("events", "e-senators-statement", context_note="\u201cthat month\u201d is December 2020.")
    assert_findings(package.validate(),
                    ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "context_note"))


def test_an_outlet_retyped_as_a_person(package):
    row = package.edit("entities", "sky_news", type="person", role_text="Sky News", role_start="2137",
                       role_end="2145")
    # Not a reviewed person; a medium must be an outlet; and its description (a news outlet
    # that carried a report) is nothing the article prints of a person named Sky News.
    assert_findings(package.validate(),
                    ("privacy", "persons_are_the_reviewed_ones", csv("entities"), row, "id"),
                    ("faithfulness", "person_descriptions_are_printed_of_them", csv("entities"), row, "description"),
                    ("completeness", "sources_match_mode", csv("attributions"),
                     attribution_row(package, "s-markson-branches", "medium"), "entity_id"))


def test_a_reviewed_person_retyped(package):
    row = package.edit("entities", "xi_jinping", type="organization", role_text="", role_start="", role_end="")
    assert_findings(package.validate(),
                    ("privacy", "persons_are_the_reviewed_ones", csv("entities"), row, "type"))


def test_a_unit_the_article_does_not_print(package):
    row = package.edit("figures", "f-companies-in-japan", unit="ccp_members")
    assert_findings(package.validate(), ("faithfulness", "figure_unit_is_printed", csv("figures"), row, "unit"))


@pytest.mark.parametrize("figure, number_text", [("f-members-in-japan", "5,000"), ("f-vaccine-developers", "two")])
def test_an_exclusion_hiding_a_figure(package, figure, number_text):
    row = package.row("figures", figure)
    package.delete("figures", figure)
    start = int(row["start"]) + row["text"].index(number_text)
    number = package.append("excluded_spans", id="x-hidden", excluded_from="figures", text=number_text,
                            start=str(start), end=str(start + len(number_text)), reason="Not a figure.")
    # Digits, or a hedge before it: a figure, whatever the exclusion says.
    assert_findings(package.validate(),
                    ("completeness", "exclusions_hide_no_figure", csv("excluded_spans"), number, "text"))


# -- a second set of broken copies -----------------------------------------------------------

@pytest.mark.parametrize("cell", ["2_000_000", "+2000000", "2e6", "2000000.000000000001"])
def test_a_number_written_so_that_readers_differ(package, cell):
    row = package.edit("figures", "f-members-embedded", value=cell, upper=cell)
    assert_findings(package.validate(), ("tables", "numbers_are_plain", csv("figures"), row, "value"),
                    ("tables", "numbers_are_plain", csv("figures"), row, "upper"))


@pytest.mark.parametrize("prop, value", [("header", 1), ("doubleQuote", 1.0)])
def test_a_dialect_value_of_another_type(package, prop, value):
    package.edit_descriptor(lambda d: package.resource(d, "figures")["dialect"].update({prop: value}))
    assert_findings(package.validate(), ("descriptor", "house_dialect", csv("figures"), None, "dialect"))


@pytest.mark.parametrize("statement, entity, printed_only_in", [
    ("s-de-pulford-list", "ipac", "de Pulford's role"),
    ("s-senators-insidious", "senate_select_committee_on_intelligence", "the senators' role"),
    ("s-senators-stop-at-nothing", "chinese_communist_party", "the quotation"),
])
def test_a_source_printed_only_in_a_role_or_a_quotation(package, statement, entity, printed_only_in):
    entity = {"chinese_communist_party": "ccp"}.get(entity, entity)
    number = package.append("attributions", statement_id=statement, entity_id=entity, role="source")
    assert_findings(package.validate(),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"))


def test_a_medium_the_article_does_not_give(package):
    number = package.append("attributions", statement_id="s-markson-lifts-lid", entity_id="the_australian",
                            role="medium")
    assert_findings(package.validate(),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "entity_id"))


@pytest.mark.parametrize("statement, mode", [("s-markson-lifts-lid", "direct_quotation"),
                                             ("s-de-pulford-list", "mixed_quotation"),
                                             ("s-markson-branches", "direct_quotation")],
                         ids=lambda value: value.removeprefix("s-"))
def test_a_quotation_mode_swapped(package, statement, mode):
    row = package.edit("statements", statement, mode=mode)
    assert_findings(package.validate(),
                    ("faithfulness", "direct_quotation_is_its_quote", csv("statements"), row, "mode"))


def test_a_cue_printed_only_inside_the_quotation(package):
    row = package.edit("statements", "s-de-pulford-list", cue="watchers")
    assert_findings(package.validate(), ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"))


@pytest.mark.parametrize("figure, unit", [("f-party-branches", "ccp"), ("f-companies-in-japan", "companies_or")])
def test_a_unit_cut_short(package, figure, unit):
    row = package.edit("figures", figure, unit=unit)
    assert_findings(package.validate(), ("faithfulness", "figure_unit_is_printed", csv("figures"), row, "unit"))


def test_a_scale_moved_from_the_value_into_the_unit(package):
    figure = package.row("figures", "f-party-membership")
    end = int(figure["end"]) - len(" million")
    row = package.edit("figures", "f-party-membership", text="an estimated 92", end=str(end), value="92",
                       unit="million_members")
    number = package.append("excluded_spans", id="x-million", excluded_from="figures", text="million",
                            start=str(end + 1), end=str(end + 8), reason="A scale word.")
    # The span is part of “an estimated 92 million”; the unit starts with the scale; the
    # scale cannot be excluded.
    assert_findings(package.validate(),
                    ("completeness", "spans_are_whole_expressions", csv("figures"), row, "end"),
                    ("faithfulness", "figure_unit_is_printed", csv("figures"), row, "unit"),
                    ("completeness", "exclusions_hide_no_figure", csv("excluded_spans"), number, "text"))


def test_a_dated_event_hidden_by_an_exclusion(package):
    event = package.row("events", "e-senators-statement")
    package.delete("events", "e-senators-statement")
    number = package.append("excluded_spans", id="x-that-month", excluded_from="events", text=event["text"],
                            start=event["start"], end=event["end"], reason="A relative time.")
    assert_findings(package.validate(),
                    ("completeness", "exclusions_hide_no_date", csv("excluded_spans"), number, "text"))


@pytest.mark.parametrize("table, key, column, text", [
    ("events", "e-npc-closing-session", "text", "Augu\u017ft 2020"),
    ("figures", "f-vaccine-developers", "text", "At least 2 thou\u017fand"),
    ("figures", "f-vaccine-developers", "text", "\u017fixty-\u017fix"),
])
def test_letters_that_fold_to_ascii_are_findings_not_errors(package, table, key, column, text):
    package.edit(table, key, **{column: text})
    report = package.validate()
    assert report.findings and all(f.layer in ("faithfulness", "completeness") for f in report.findings)


def test_a_blank_person_name_is_a_finding_not_an_error(package):
    package.append("entities", id="zz_person", name=" ", start="0", end="1", type="person",
                   description="Someone.", role_text="Leaked", role_start="0", role_end="6")
    package.append("attributions", statement_id="s-global-web", entity_id="zz_person", role="source")
    assert not package.validate().valid


def test_a_huge_json_integer_is_a_finding_not_an_error(package):
    package.descriptor.write_text(package.descriptor.read_text(encoding="utf-8").replace(
        '"keywords": [', '"x-big": ' + "7" * 5000 + ', "keywords": ['), encoding="utf-8")
    [finding] = assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))
    assert "not strict JSON" in finding.message


def test_a_long_list_in_a_schema_is_read_in_linear_time(package):
    import time
    package.edit_schema("figures", lambda s: s.update({"x": [0] * 100_000}))
    started = time.perf_counter()
    assert_findings(package.validate(), ("descriptor", "schema_matches_model", "schema/figures.json", None, None))
    assert time.perf_counter() - started < 20  # quadratic: minutes


@pytest.mark.parametrize("relative", ["build", "docs/mutants", "data/.hypothesis", "schema/__pycache__", ".venv"])
def test_a_file_named_like_an_ignored_directory_is_not_ignored(package, relative):
    file = package.root / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("zhang" "@example.com\n", encoding="utf-8")
    shown = shown_path(relative)  # not a documented file: its name is withheld
    assert_findings(package.validate(), ("descriptor", "files_declared", shown, None, None),
                    ("privacy", "no_email_addresses", shown, 1, None))


def test_a_resource_that_is_no_object_is_named_by_its_place_in_the_list(package):
    index = len(json.loads(package.descriptor.read_text(encoding="utf-8"))["resources"])  # counted from 0
    package.edit_descriptor(lambda d: d["resources"].append(5))
    [finding] = assert_findings(package.validate(), ("descriptor", "resources_declared", "datapackage.json", None, "resources"))
    assert finding.message == f"resource {index} is not an object with a name"
