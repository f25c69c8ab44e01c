"""Fault injection: break a copy of the package in one specific way, and assert that the
validator names the fault (layer, check, file, row, field). One test per fault class."""

import os

import pytest

from conftest import ARTICLE, only
from validator.figure_text import FigureTextError, hedge_before, parse_figure

# -- layer 1: descriptor and files ---------------------------------------------------------

def test_tampered_article_byte(package):
    content = bytearray((package.root / "data/article.txt").read_bytes())
    content[ARTICLE.index("nearly")] = ord("N")
    package.write_bytes("data/article.txt", bytes(content), rehash=False)
    only(package.validate(), "descriptor", "hash_match", "data/article.txt", field="hash")


def test_hash_mismatch_after_an_unrecorded_edit(package):
    rows = package.rows("figures")
    rows[0]["measure"] = rows[0]["measure"] + " Edited."
    package.write_rows("figures", rows, rehash=False)
    report = package.validate()
    only(report, "descriptor", "hash_match", "data/figures.csv", field="hash")
    only(report, "descriptor", "bytes_match", "data/figures.csv", field="bytes")


def test_invalid_json_descriptor(package):
    package.descriptor.write_text('{"name": "x", "resources": [', encoding="utf-8")
    report = package.validate()
    assert [(f.layer, f.check) for f in report.findings] == [("descriptor", "descriptor_readable")]
    assert "invalid JSON at line 1" in report.findings[0].message


def test_binary_garbage_descriptor(package):
    package.descriptor.write_bytes(bytes(range(256)))
    report = package.validate()
    assert [(f.check, f.resource) for f in report.findings] == [("descriptor_readable", "datapackage.json")]


def test_descriptor_that_is_not_an_object(package):
    package.descriptor.write_text("[1, 2]", encoding="utf-8")
    only(package.validate(), "descriptor", "descriptor_readable", "datapackage.json")


def test_resources_not_a_list(package):
    package.edit_descriptor(lambda d: d.update(resources="data/quotes.csv"))
    messages = [f.message for f in package.validate().findings if f.check == "resources_declared"]
    assert "expected a non-empty list of resources" in messages


def test_not_data_package_v2(package):
    package.edit_descriptor(lambda d: d.update({"$schema": "https://example.org/v1.json"}))
    only(package.validate(), "descriptor", "data_package_v2", "datapackage.json", field="$schema")


def test_undeclared_file(package):
    (package.root / "data" / "notes.txt").write_text("a file nobody declared\n")
    only(package.validate(), "descriptor", "files_declared", "data/notes.txt")


def test_missing_file_skips_only_what_depends_on_it(package):
    (package.root / "data" / "events.csv").unlink()
    report = package.validate()
    only(report, "descriptor", "file_exists", "data/events.csv")
    # Numbers that are events would otherwise look unaccounted for; that check is skipped.
    assert [f for f in report.findings if f.layer != "descriptor"] == []


@pytest.mark.parametrize("path", ["../outside.csv", "/etc/passwd", "data/../../outside.csv",
                                  "https://example.org/quotes.csv"])
def test_path_outside_the_package_is_refused(package, path):
    (package.root.parent / "outside.csv").write_text("id\n999999197001010017\n")
    package.edit_descriptor(lambda d: [r.update(path=path) for r in d["resources"]
                                       if r["name"] == "quotes"])
    report = package.validate()
    only(report, "descriptor", "path_inside_package", path)
    assert not [f for f in report.findings if f.layer == "privacy"], "the outside file was read"


def test_symlink_leading_outside_is_refused(package):
    outside = package.root.parent / "outside.csv"
    outside.write_text("id\n999999197001010017\n")
    (package.root / "data" / "linked.csv").symlink_to(outside)
    package.edit_descriptor(lambda d: [r.update(path="data/linked.csv") for r in d["resources"]
                                       if r["name"] == "quotes"])
    report = package.validate()
    only(report, "descriptor", "path_inside_package", "data/linked.csv")
    assert not [f for f in report.findings if f.layer == "privacy"], "the outside file was read"


def test_missing_article(package):
    package.edit_descriptor(lambda d: d.update(resources=[r for r in d["resources"]
                                                          if r["name"] != "article"]))
    (package.root / "data" / "article.txt").unlink()
    report = package.validate()
    assert any(f.check == "resources_declared" and "'article' is not declared" in f.message
               for f in report.findings)
    assert not report.valid


def test_article_that_is_not_utf8(package):
    package.write_bytes("data/article.txt", (package.root / "data/article.txt").read_bytes() + b"\xff")
    report = package.validate()
    only(report, "descriptor", "file_readable", "data/article.txt")
    only(report, "descriptor", "article_is_the_snapshot", "data/article.txt")


def test_article_that_is_not_the_snapshot(package):
    text = (package.root / "data/article.txt").read_bytes()
    package.write_bytes("data/article.txt", b"\xef\xbb\xbf" + text)  # a BOM, hashes updated
    only(package.validate(), "descriptor", "article_is_the_snapshot", "data/article.txt")


@pytest.mark.parametrize("change", [
    lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "quotes"]),
    lambda d: [r.update(name="quotations") for r in d["resources"] if r["name"] == "quotes"],
    lambda d: [r.update(type="file") for r in d["resources"] if r["name"] == "quotes"],
])
def test_a_table_dropped_renamed_or_retyped(package, change):
    package.edit_descriptor(change)
    report = package.validate()
    assert any(f.check == "resources_declared" and "quotes" in f.message for f in report.findings)


def test_fifo_is_refused_not_read(package):
    os.mkfifo(package.root / "data" / "pipe.csv")
    package.edit_descriptor(lambda d: [r.update(path="data/pipe.csv") for r in d["resources"]
                                       if r["name"] == "quotes"])
    report = package.validate()  # would block forever if it were opened
    only(report, "descriptor", "file_exists", "data/pipe.csv")


def test_symlink_loop_under_data(package):
    (package.root / "data" / "loop").symlink_to("loop")
    report = package.validate()
    only(report, "descriptor", "files_declared", "data/loop")


def test_nul_in_a_path(package):
    package.edit_descriptor(lambda d: [r.update(path="data/quotes\u0000.csv") for r in d["resources"]
                                       if r["name"] == "quotes"])
    only(package.validate(), "descriptor", "path_inside_package", "data/quotes\x00.csv")


def test_other_csv_dialect(package):
    package.edit_descriptor(lambda d: [r["dialect"].update(delimiter=";") for r in d["resources"]
                                       if r["name"] == "quotes"])
    only(package.validate(), "descriptor", "house_dialect", "data/quotes.csv", field="dialect")


def test_weakened_schema_is_refused(package):
    package.edit_schema("quotes", lambda s: s.pop("foreignKeys"))
    package.edit("quotes", "q-ipac-mission", statement_id="s-nonexistent")
    report = package.validate()
    only(report, "descriptor", "schema_matches_model", "schema/quotes.json")
    assert not report.valid


def test_schema_that_is_not_json(package):
    (package.root / "schema" / "events.json").write_text("{not json")
    only(package.validate(), "descriptor", "schema_readable", "schema/events.json")


# -- layer 2: tables (frictionless) ----------------------------------------------------------

def test_broken_foreign_key(package):
    rows = package.rows("attributions")
    rows[0]["entity_id"] = "nobody"
    package.write_rows("attributions", rows)
    only(package.validate(), "tables", "foreign-key", "data/attributions.csv", 2, "entity_id")


def test_duplicate_id(package):
    row = package.edit("figures", "f-register-size", id="f-members-embedded")
    report = package.validate()
    assert any(f.layer == "tables" and f.check in ("primary-key", "unique-error")
               and f.resource == "data/figures.csv" and f.row == row for f in report.findings)


def test_unknown_enum_value(package):
    row = package.edit("statements", "s-headline", mode="opinion")
    finding = only(package.validate(), "tables", "constraint-error", "data/statements.csv", row, "mode")
    assert "'opinion'" in finding.message


def test_wrong_type(package):
    row = package.edit("events", "e-data-removed", date_from="2016-13-01")
    only(package.validate(), "tables", "type-error", "data/events.csv", row, "date_from")


def test_extra_column(package):
    rows = package.rows("events")
    for row in rows:
        row["comment"] = "x"
    package.write_rows("events", rows)
    report = package.validate()
    assert any(f.layer == "tables" and f.check == "extra-label" and f.field == "comment"
               for f in report.findings)
    assert not [f for f in report.findings if f.layer == "rows"], "rows of a bad header were typed"


def test_missing_column(package):
    rows = [{k: v for k, v in row.items() if k != "measure"} for row in package.rows("figures")]
    package.write_rows("figures", rows)
    report = package.validate()
    assert any(f.layer == "tables" and f.check == "missing-label" and f.resource == "data/figures.csv"
               for f in report.findings)


# -- layer 3: rows ---------------------------------------------------------------------------

def test_bounds_inverted(package):
    row = package.edit("figures", "f-members-embedded", upper="1000000")
    only(package.validate(), "rows", "bounds_contain_value", "data/figures.csv", row, "upper")


def test_bounds_that_the_qualifier_does_not_imply(package):
    row = package.edit("figures", "f-party-branches", lower="70000")
    only(package.validate(), "rows", "bounds_match_qualifier", "data/figures.csv", row, "lower")


def test_dates_out_of_order(package):
    row = package.edit("events", "e-data-removed", date_from="2017-01-01")
    only(package.validate(), "rows", "dates_in_order", "data/events.csv", row, "date_to")


def test_blank_text(package):
    row = package.edit("figures", "f-register-size", measure="   ")
    only(package.validate(), "rows", "text_is_not_blank", "data/figures.csv", row, "measure")


def test_cue_missing_on_a_reported_statement(package):
    row = package.edit("statements", "s-japan-members", cue="")
    only(package.validate(), "rows", "cue_matches_mode", "data/statements.csv", row, "cue")


def test_person_without_a_role(package):
    row = package.edit("entities", "yasuhiro_matsuda", role_text="", role_start="", role_end="")
    only(package.validate(), "rows", "person_has_public_role", "data/entities.csv", row, "role_text")


def test_empty_span(package):
    quote = package.row("quotes", "q-ipac-mission")
    row = package.edit("quotes", "q-ipac-mission", end=quote["start"])
    only(package.validate(), "rows", "span_is_not_empty", "data/quotes.csv", row, "end")


# -- layer 4: faithfulness -------------------------------------------------------------------

def test_shifted_offset(package):
    quote = package.row("quotes", "q-matsuda-comply")
    row = package.edit("quotes", "q-matsuda-comply", start=str(int(quote["start"]) + 1),
                       end=str(int(quote["end"]) + 1))
    finding = only(package.validate(), "faithfulness", "spans_match_article", "data/quotes.csv",
                   row, "text")
    assert f"the text occurs at {quote['start']}-{quote['end']}" in finding.message


def test_altered_quote_word(package):
    row = package.edit("quotes", "q-senators-insidious", text="deliberate and malicious")
    only(package.validate(), "faithfulness", "spans_match_article", "data/quotes.csv", row, "text")


def test_altered_entity_name(package):
    row = package.edit("entities", "sharri_markson", name="Shari Markson")
    only(package.validate(), "faithfulness", "spans_match_article", "data/entities.csv", row, "name")


def test_short_name_not_in_the_article(package):
    row = package.edit("entities", "ipac", short_name="IPAQ")
    only(package.validate(), "faithfulness", "short_names_printed_in_article", "data/entities.csv",
         row, "short_name")


def test_offset_past_the_end(package):
    row = package.edit("statements", "s-senators-stop-at-nothing", end=str(len(ARTICLE) + 5))
    only(package.validate(), "faithfulness", "spans_match_article", "data/statements.csv", row, "end")


def test_quote_with_its_marks(package):
    quote = package.row("quotes", "q-senators-insidious")
    start, end = int(quote["start"]) - 1, int(quote["end"]) + 1
    row = package.edit("quotes", "q-senators-insidious", text=ARTICLE[start:end], start=str(start),
                       end=str(end))
    only(package.validate(), "faithfulness", "quote_is_between_marks", "data/quotes.csv", row, "text")


def test_figure_outside_its_statement(package):
    row = package.edit("figures", "f-register-size", statement_id="s-headline")
    only(package.validate(), "faithfulness", "spans_inside_statement", "data/figures.csv", row, "start")


def test_dropped_hedge(package):
    figure = package.row("figures", "f-members-embedded")
    row = package.edit("figures", "f-members-embedded", text="2 million",
                       start=str(int(figure["start"]) + len("nearly ")), qualifier="exact", upper="")
    only(package.validate(), "faithfulness", "hedge_inside_figure_span", "data/figures.csv", row, "start")


def test_wrong_value(package):
    row = package.edit("figures", "f-party-branches", value="79001")
    only(package.validate(), "faithfulness", "figure_reads_as_value", "data/figures.csv", row, "value")


def test_scale_not_applied(package):
    row = package.edit("figures", "f-register-size", value="1.95")
    only(package.validate(), "faithfulness", "figure_reads_as_value", "data/figures.csv", row, "value")


@pytest.mark.parametrize("hedge", ["more than", "over", "around", "up to"])
def test_a_hedge_outside_the_vocabulary_is_never_read_as_exact(hedge):
    with pytest.raises(FigureTextError, match="no qualifier in the vocabulary"):
        parse_figure(f"{hedge} 300")
    assert hedge_before(f"with {hedge} 300 companies", len(f"with {hedge} ")) == hedge


def test_quote_offsets_past_the_end_are_a_finding_not_a_crash(package):
    row = package.edit("quotes", "q-ipac-mission", start="5000", end="10")
    report = package.validate()
    only(report, "faithfulness", "spans_match_article", "data/quotes.csv", row, "text")


def test_event_in_year_zero_is_a_finding_not_a_crash(package):
    row = package.edit("events", "e-data-removed", text="0000")
    only(package.validate(), "faithfulness", "event_dates_match_text", "data/events.csv", row, "text")


def test_qualifier_that_is_not_the_printed_hedge(package):
    row = package.edit("figures", "f-members-in-japan", qualifier="estimated")
    only(package.validate(), "faithfulness", "figure_reads_as_value", "data/figures.csv", row, "qualifier")


def test_percent_without_unit_percent(package):
    row = package.edit("figures", "f-population-share", unit="share_of_population")
    only(package.validate(), "faithfulness", "figure_reads_as_value", "data/figures.csv", row, "unit")


def test_event_dates_that_the_words_do_not_denote(package):
    row = package.edit("events", "e-ipac-founded", date_to="2020-09-30")
    only(package.validate(), "faithfulness", "event_dates_match_text", "data/events.csv", row, "date_from")


def test_context_resolution_without_a_note(package):
    row = package.edit("events", "e-senators-statement", context_note="")
    only(package.validate(), "faithfulness", "event_dates_match_text", "data/events.csv", row,
         "context_note")


def test_cue_not_printed_in_the_statement(package):
    row = package.edit("statements", "s-japan-members", cue="told")
    only(package.validate(), "faithfulness", "cue_printed_in_statement", "data/statements.csv", row, "cue")


# -- layer 5: completeness -------------------------------------------------------------------

def test_deleted_quote_row(package):
    package.delete("quotes", "q-ipac-mission")
    finding = only(package.validate(), "completeness", "every_quotation_has_one_row", "data/quotes.csv")
    start = ARTICLE.index("\u201cto help craft") + 1
    assert f"at {start}-" in finding.message


def test_duplicated_quote_row(package):
    quote = package.row("quotes", "q-ipac-mission")
    package.append("quotes", **{**quote, "id": "q-ipac-mission-again"})
    only(package.validate(), "completeness", "every_quotation_has_one_row", "data/quotes.csv")


def test_deleted_figure_row(package):
    package.delete("figures", "f-companies-in-japan")
    finding = only(package.validate(), "completeness", "every_number_is_accounted_for", "data/figures.csv")
    assert f"'300' at {ARTICLE.index('300')}-" in finding.message


def test_deleted_event_row(package):
    package.delete("events", "e-data-removed")
    finding = only(package.validate(), "completeness", "every_number_is_accounted_for", "data/figures.csv")
    assert "'2016'" in finding.message


def test_deleted_exclusion(package):
    package.delete("excluded_spans", "x-one-of-the-media-organizations")
    finding = only(package.validate(), "completeness", "every_number_is_accounted_for", "data/figures.csv")
    assert "'one'" in finding.message


def test_time_words_are_found_at_the_start_of_a_sentence():
    from validator.time_expressions import time_words
    found = [m.group() for m in time_words("Currently, it may rain. Last year it did. Now it is May.")]
    assert found == ["Currently", "Last year", "Now", "May"]


def test_deleted_time_exclusion(package):
    package.delete("excluded_spans", "x-subsequently")
    finding = only(package.validate(), "completeness", "every_time_word_is_accounted_for",
                   "data/events.csv")
    assert f"'subsequently' at {ARTICLE.index('subsequently')}-" in finding.message


def test_exclusion_without_a_number(package):
    row = package.edit("excluded_spans", "x-multiple-nations", text="Leaked", start="0", end="6")
    report = package.validate()
    only(report, "completeness", "exclusions_are_needed", "data/excluded_spans.csv", row, "text")
    only(report, "completeness", "every_number_is_accounted_for", "data/figures.csv")


def test_sentence_in_no_statement(package):
    package.delete("attributions", "s-rubio-ipac")
    package.delete("statements", "s-rubio-ipac")
    finding = only(package.validate(), "completeness", "every_sentence_is_in_a_statement",
                   "data/statements.csv")
    assert "Rubio also is a co-chairman of IPAC." in finding.message


def test_statement_that_splits_a_sentence(package):
    statement = package.row("statements", "s-rubio-ipac")
    cut = int(statement["start"]) + len("Rubio also is")
    row = package.edit("statements", "s-rubio-ipac", text=ARTICLE[int(statement["start"]):cut],
                       end=str(cut))
    package.append("statements", id="s-rubio-ipac-rest", mode="authorial", cue="", note="",
                   text=ARTICLE[cut + 1:int(statement["end"])], start=str(cut + 1), end=statement["end"])
    package.append("attributions", statement_id="s-rubio-ipac-rest", entity_id="article", role="source")
    only(package.validate(), "completeness", "statements_are_whole_sentences", "data/statements.csv",
         row, "end")


def test_mode_that_does_not_match_the_quotes(package):
    row = package.edit("statements", "s-matsuda-comply", mode="indirect")
    only(package.validate(), "completeness", "mode_matches_quotes", "data/statements.csv", row, "mode")


def test_exclusion_stretched_over_a_figure(package):
    package.delete("figures", "f-vaccine-developers")
    exclusion = package.row("excluded_spans", "x-multiple-nations")
    start = ARTICLE.index("At least two")
    row = package.edit("excluded_spans", "x-multiple-nations", start=str(start),
                       text=ARTICLE[start:int(exclusion["end"])])
    only(package.validate(), "completeness", "exclusions_are_needed", "data/excluded_spans.csv", row, "text")


def test_statement_exclusion_that_is_not_a_repetition(package):
    package.delete("attributions", "s-rubio-ipac")
    statement = package.row("statements", "s-rubio-ipac")
    package.delete("statements", "s-rubio-ipac")
    row = package.append("excluded_spans", id="x-rubio", excluded_from="statements",
                         text=statement["text"], start=statement["start"], end=statement["end"],
                         reason="Not needed.")
    only(package.validate(), "completeness", "exclusions_are_needed", "data/excluded_spans.csv", row, "text")


def test_overlapping_statements(package):
    statement = package.row("statements", "s-senators-insidious")
    end = ARTICLE.index("IPAC.", int(statement["end"])) + len("IPAC.")
    package.edit("statements", "s-senators-insidious", text=ARTICLE[int(statement["start"]):end],
                 end=str(end))
    only(package.validate(), "completeness", "every_sentence_is_in_a_statement",
         "data/statements.csv", package.row_number("statements", "s-rubio-ipac"), "start")


def test_statement_without_a_source(package):
    package.delete("attributions", "s-rubio-ipac")
    only(package.validate(), "completeness", "every_statement_has_a_source", "data/statements.csv",
         package.row_number("statements", "s-rubio-ipac"), "id")


def test_authorial_statement_with_another_source(package):
    rows = package.rows("attributions")
    for row in rows:
        if row["statement_id"] == "s-rubio-ipac":
            row["entity_id"] = "marco_rubio"
    package.write_rows("attributions", rows)
    only(package.validate(), "completeness", "sources_match_mode", "data/statements.csv",
         package.row_number("statements", "s-rubio-ipac"), "mode")


def test_reported_statement_with_the_article_as_source(package):
    rows = package.rows("attributions")
    for row in rows:
        if row["statement_id"] == "s-observers-pattern":
            row["entity_id"] = "article"
    package.write_rows("attributions", rows)
    only(package.validate(), "completeness", "sources_match_mode", "data/statements.csv",
         package.row_number("statements", "s-observers-pattern"), "mode")


def test_medium_that_is_not_a_news_outlet(package):
    rows = package.rows("attributions")
    number = next(i for i, r in enumerate(rows, start=2)
                  if (r["statement_id"], r["role"]) == ("s-matsuda-comply", "medium"))
    rows[number - 2]["entity_id"] = "university_of_tokyo"
    package.write_rows("attributions", rows)
    only(package.validate(), "completeness", "sources_match_mode", "data/attributions.csv", number,
         "entity_id")


def test_no_article_entity(package):
    package.edit("entities", "article", type="organization")
    only(package.validate(), "completeness", "one_article_entity", "data/entities.csv", field="type")


# -- layer 7: CSV hygiene --------------------------------------------------------------------

def test_non_utf8_bytes(package):
    content = (package.root / "data/entities.csv").read_bytes().replace("’".encode(), b"\x92", 1)
    package.write_bytes("data/entities.csv", content)
    report = package.validate()
    only(report, "descriptor", "file_readable", "data/entities.csv")
    assert not [f for f in report.findings if f.layer in ("rows", "faithfulness")]


def test_byte_order_mark(package):
    content = (package.root / "data/quotes.csv").read_bytes()
    package.write_bytes("data/quotes.csv", b"\xef\xbb\xbf" + content)
    only(package.validate(), "hygiene", "utf8_without_bom", "data/quotes.csv")


def test_crlf_line_endings(package):
    content = (package.root / "data/events.csv").read_bytes().replace(b"\n", b"\r\n")
    package.write_bytes("data/events.csv", content)
    only(package.validate(), "hygiene", "lf_line_endings", "data/events.csv")


def test_nul_byte(package):
    content = (package.root / "data/figures.csv").read_bytes().replace(b"Total", b"To\x00tal")
    package.write_bytes("data/figures.csv", content)
    only(package.validate(), "hygiene", "no_nul_bytes", "data/figures.csv")


def test_padded_cell(package):
    row = package.edit("figures", "f-register-size", unit=" ccp_members")
    only(package.validate(), "hygiene", "no_padded_cells", "data/figures.csv", row, "unit")


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "@SUM(A1)"])
def test_formula_cell(package, cell):
    row = package.edit("statements", "s-headline", note=cell)
    only(package.validate(), "hygiene", "no_formula_cells", "data/statements.csv", row, "note")


def test_negative_number_in_a_numeric_column_is_not_a_formula(package):
    package.edit("figures", "f-register-size", lower="-5")
    report = package.validate()
    assert not [f for f in report.findings if f.check == "no_formula_cells"]
    assert [f for f in report.findings if f.check == "bounds_match_qualifier"]
