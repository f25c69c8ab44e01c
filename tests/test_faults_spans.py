"""Fault injection for “each thing the article prints is one row”: the fourth set of broken
copies, each an edit a careless or misleading contributor could make and that the validator
accepted: a printed thing recorded twice under a new id, a row holding part of what is
printed, an entity at a later mention or typed as a name it is not, a person's description
saying more than the article does. As in test_faults.py: one copy broken in one way, the
complete list of findings asserted (layer, check, file, row, field), and what each finding
names. The offsets below are counted by hand in data/article.txt (ARTICLE.index where a
phrase is printed once)."""

import pytest

from conftest import ARTICLE, assert_findings
from validator import figure_text, time_expressions


def csv(table):
    return f"data/{table}.csv"


def at(phrase: str) -> tuple[int, int]:
    """The span of a phrase the article prints once."""
    assert ARTICLE.count(phrase) == 1, phrase
    start = ARTICLE.index(phrase)
    return start, start + len(phrase)


# -- 1. the same span twice under a new id ----------------------------------------------------

@pytest.mark.parametrize("table, key, new_id", [
    ("quotes", "q-senators-insidious", "q-senators-insidious-again"),
    ("figures", "f-party-branches", "f-party-branches-again"),
    ("figures", "f-companies-in-japan", "f-companies-in-japan-2"),
    ("events", "e-data-removed", "e-data-removed-again"),
    ("events", "e-senators-statement", "e-senators-statement-2"),
    ("excluded_spans", "x-currently", "x-currently-again"),
])
def test_a_row_copied_under_a_new_id(package, table, key, new_id):
    row = package.append(table, **{**package.row(table, key), "id": new_id})
    [finding] = assert_findings(package.validate(), ("completeness", "one_row_per_printed_span", csv(table), row, "text"))
    copied = package.row(table, key)
    assert finding.message.startswith(f"{new_id}'s text {copied['start']}-{copied['end']} ('{copied['text']}') "
                                      f"is the text of {key} too")


@pytest.mark.parametrize("key, new_id", [("university_of_tokyo", "tokyo_university"), ("observers", "observers_2")])
def test_an_entity_copied_under_a_new_id(package, key, new_id):
    entity = package.row("entities", key)
    row = package.append("entities", **{**entity, "id": new_id})
    [finding] = assert_findings(package.validate(), ("completeness", "one_row_per_printed_span", csv("entities"), row, "name"))
    assert finding.message.startswith(f"{new_id}'s name {entity['start']}-{entity['end']} ('{entity['name']}') "
                                      f"is the name of {key} too")


def test_a_statement_copied_under_a_new_id(package):
    row = package.append("statements", **{**package.row("statements", "s-rubio-ipac"), "id": "s-rubio-again"})
    package.append("attributions", statement_id="s-rubio-again", entity_id="article", role="source")
    # The copy also overlaps the sentence it repeats.
    [finding, _] = assert_findings(package.validate(),
                                   ("completeness", "one_row_per_printed_span", csv("statements"), row, "text"),
                                   ("completeness", "every_sentence_is_in_a_statement", csv("statements"), row, "start"))
    assert "s-rubio-again's text 4149-4185 ('Rubio also is a co-chairman of IPAC.') is the text of s-rubio-ipac too" \
        in finding.message


def test_a_statement_recorded_again_as_an_entity(package):
    start, end = at("Rubio also is a co-chairman of IPAC.")
    package.append("entities", id="rubio_remark", name=ARTICLE[start:end], start=str(start), end=str(end),
                   type="unnamed_group", description="A remark.")
    # Two tables share a span only where the data dictionary says why: here it does not.
    [finding] = assert_findings(package.validate(),
                                ("completeness", "one_row_per_printed_span", csv("statements"),
                                 package.row_number("statements", "s-rubio-ipac"), "text"))
    assert "is the name of rubio_remark in entities too" in finding.message


def test_an_exclusion_over_a_figure_s_span(package):
    figure = package.row("figures", "f-vaccine-developers")
    row = package.append("excluded_spans", id="x-two", excluded_from="figures", text="At least two",
                         start=figure["start"], end=figure["end"], reason="Not a count.")
    # A figure and an exclusion of the same words; and a hedged number cannot be excluded.
    [finding, _] = assert_findings(package.validate(),
                                   ("completeness", "one_row_per_printed_span", csv("excluded_spans"), row, "text"),
                                   ("completeness", "exclusions_hide_no_figure", csv("excluded_spans"), row, "text"))
    assert "is the text of f-vaccine-developers in figures too" in finding.message


# -- 2. part of a span ---------------------------------------------------------------------

def whole(table, number, field):
    return ("completeness", "spans_are_whole_expressions", csv(table), number, field)


@pytest.mark.parametrize("key, phrase, kept, dates", [
    ("e-de-pulford-interview", "late December 2020", "December 2020", ("2020" "-12-01", "2020" "-12-31")),
    ("e-ipac-founded", "mid-2020", "2020", ("2020" "-01-01", "2020" "-12-31")),
    ("e-sky-news-report", "mid-December", "December", ("2020" "-12-01", "2020" "-12-31")),
])
def test_an_event_without_the_modifier_before_it(package, key, phrase, kept, dates):
    start, end = at(phrase)
    row = package.edit("events", key, text=kept, start=str(end - len(kept)), date_from=dates[0], date_to=dates[1])
    [finding] = assert_findings(package.validate(), whole("events", row, "start"))
    assert finding.message.startswith(f"the span {end - len(kept)}-{end} ('{kept}') is part of the time expression")
    assert f"'{phrase}' at {start}-{end}" in finding.message


@pytest.mark.parametrize("key, phrase, kept, dates", [
    ("e-npc-closing-session", "May 2020", "May", ("2020" "-05-01", "2020" "-05-31")),
    ("e-visa-restrictions", "In December 2020", "December", ("2020" "-12-01", "2020" "-12-31")),
])
def test_an_event_without_the_year_after_it(package, key, phrase, kept, dates):
    start, end = at(phrase)
    start = ARTICLE.index(kept, start)
    row = package.edit("events", key, text=kept, end=str(start + len(kept)), date_from=dates[0], date_to=dates[1],
                       context_note="The year is not printed here; it is that of e-ipac-founded.")
    # The year left out is a number in no row: completeness names the same whole expression.
    found, number = assert_findings(package.validate(), whole("events", row, "end"),
                                    ("completeness", "every_number_is_accounted_for", csv("figures"), None, None))
    expression = f"'{kept} 2020' at {start}-{end}"
    assert expression in found.message
    assert number.message.endswith(f"expected one row for the whole expression '{kept} 2020' ({start}-{end})")


@pytest.mark.parametrize("key, phrase, kept, cells, extra", [
    # without its hedge
    ("f-population-share", "about 6.5%", "6.5%", {"qualifier": "exact"}, []),
    ("f-vaccine-developers", "At least two", "two", {"qualifier": "exact", "lower": ""}, []),
    # without its scale word: “million” is left in no row, and the noun after it starts with it
    ("f-register-size", "1.95 million", "1.95", {"value": "1.95"},
     [("faithfulness", "figure_unit_is_printed", "unit"), ("completeness", "every_number_is_accounted_for", None)]),
    ("f-members-embedded", "nearly 2 million", "nearly 2", {"value": "2", "upper": "2"},
     [("faithfulness", "figure_unit_is_printed", "unit"), ("completeness", "every_number_is_accounted_for", None)]),
    # without its percent sign: the unit percent is no longer printed
    ("f-population-share", "about 6.5%", "about 6.5", {}, [("faithfulness", "figure_reads_as_value", "unit")]),
    # without both hedge and scale word
    ("f-party-membership", "an estimated 92 million", "92", {"value": "92", "qualifier": "exact"},
     [("faithfulness", "figure_unit_is_printed", "unit"), ("completeness", "every_number_is_accounted_for", None)]),
])
def test_a_figure_without_its_hedge_scale_or_percent_sign(package, key, phrase, kept, cells, extra):
    start, end = at(phrase)
    kept_at = ARTICLE.index(kept, start)
    row = package.edit("figures", key, text=kept, start=str(kept_at), end=str(kept_at + len(kept)), **cells)
    side = "text" if start < kept_at and kept_at + len(kept) < end else "start" if start < kept_at else "end"
    others = [(layer, check, csv("figures"), None if field is None else row, field) for layer, check, field in extra]
    found = assert_findings(package.validate(), whole("figures", row, side), *others)[0]
    assert f"is part of the number expression (its hedge, number, scale word and percent sign) '{phrase}' " \
           f"at {start}-{end}" in found.message


@pytest.mark.parametrize("text, word, expected", [
    ("told it in late December 2020.", "December", "late December 2020"),
    ("founded in mid-2020 and", "2020", "mid-2020"),
    ("a mid-December report", "December", "mid-December"),
    ("by the end of December 2020 it", "2020", "end of December 2020"),
    ("on December 21, 2020, it", "21", "December 21, 2020"),
    ("Early May that year, it", "May", "Early May that year"),
    ("the 21st of May of that year", "May", "21st of May of that year"),
    ("issued late that month.", "that month", "late that month"),
    ("In December 2020, the", "December", "December 2020"),
])
def test_the_whole_time_expression_around_a_word(text, word, expected):
    at_word = text.index(word)
    start, end = time_expressions.expression_around(text, at_word, at_word + len(word))
    assert text[start:end] == expected


@pytest.mark.parametrize("text, word, expected", [
    ("with nearly 2 million party members", "2", "nearly 2 million"),
    ("representing about 6.5% of", "6.5", "about 6.5%"),
    ("At least two of the firms", "two", "At least two"),
    ("has an estimated 92 million members", "million", "an estimated 92 million"),
    ("of almost 300 companies", "300", "almost 300"),
    ("more than 300 companies", "300", "more than 300"),           # a hedge the vocabulary refuses
    ("seventeen firms", "seventeen", "seventeen"),                  # not “seven”
])
def test_the_whole_figure_expression_around_a_number(text, word, expected):
    at_word = text.index(word)
    start, end = figure_text.expression_around(text, at_word, at_word + len(word))
    assert text[start:end] == expected


@pytest.mark.parametrize("text, word", [("someone said", "one"), ("in May", "in"), ("the first time", "first")])
def test_no_expression_around_a_word_that_is_none(text, word):
    at_word = text.index(word)
    assert figure_text.expression_around(text, at_word, at_word + len(word)) is None
    assert time_expressions.expression_around(text, at_word, at_word + len(word)) is None


@pytest.mark.parametrize("date_from, date_to, whole", [
    ((2020, 1, 1), (2020, 12, 31), True),
    ((2019, 1, 1), (2019, 12, 31), True),     # the year comes from the context, any year
    ((2020, 1, 1), (2020, 12, 30), False),
    ((2020, 1, 2), (2020, 12, 31), False),
    ((2020, 1, 1), (2021, 12, 31), False),    # two years are not the one year
    ((2020, 7, 1), (2020, 12, 31), False),
])
def test_that_year_is_a_whole_year_of_any_year(date_from, date_to, whole):
    from datetime import date
    assert time_expressions.agrees(time_expressions.interpret("that year"), date(*date_from), date(*date_to)) is whole


def test_words_that_are_no_time_expression_are_refused_with_the_forms_that_are():
    with pytest.raises(time_expressions.TimeExpressionError) as refused:
        time_expressions.interpret("some weeks ago")
    assert str(refused.value) == ("cannot read it as a time expression (a year, a month with or without its "
                                  "year, early/mid/late of a month or a year, \u201cthat month\u201d, "
                                  "\u201cthat year\u201d)")


# -- 3. an entity at a later mention, or typed as a name it is not ----------------------------

@pytest.mark.parametrize("key, name, later", [
    ("nikkei_asia", "Nikkei Asia", 2785),                 # “…, Nikkei Asia reported.”
    ("nikkei_asia", "Nikkei Asia", 3242),                 # “issued to Nikkei Asia.”
    ("media_organizations", "media organizations", 1817),  # “one of the media organizations”
])
def test_an_entity_at_a_later_mention(package, key, name, later):
    first = ARTICLE.index(name)
    assert ARTICLE[later:later + len(name)] == name and later > first
    row = package.edit("entities", key, start=str(later), end=str(later + len(name)))
    [finding] = assert_findings(package.validate(), ("faithfulness", "entities_at_first_printing", csv("entities"), row, "start"))
    assert finding.message.endswith(f"expected start {first} and end {first + len(name)}")


@pytest.mark.parametrize("key, kind, lower_case", [
    ("media_organizations", "news_outlet", "'media', 'organizations'"),
    ("media_reports", "news_outlet", "'media', 'reports'"),
    ("lawmakers", "organization", "'lawmakers'"),
    ("international_media_consortium", "organization", "'international', 'media', 'consortium'"),
    ("chinese_dissidents", "organization", "'dissidents'"),
    ("chinese_embassy_in_japan", "government_body", "'embassy'"),
    ("observers", "state", "'observers'"),
])
def test_a_group_described_in_common_nouns_typed_as_a_name(package, key, kind, lower_case):
    row = package.edit("entities", key, type=kind)
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "named_kinds_are_printed_as_names", csv("entities"), row, "type"))
    assert f"({lower_case} in lower case); expected type unnamed_group" in finding.message


# -- 4. a person's description that adds what the article does not print ----------------------

@pytest.mark.parametrize("key, description, added", [
    # an affiliation
    ("yasuhiro_matsuda", "Professor of international politics at the University of Tokyo; adviser to "
                         "the Chinese embassy in Japan.", 4),
    ("luke_de_pulford", "British human rights activist; coordinator of the Inter-Parliamentary Alliance "
                        "on China (IPAC); a member of the Conservative Party.", 3),
    # printed only inside her own quotation (“members of the Communist Party”): not of her
    ("sharri_markson", "Investigative reporter for The Australian newspaper; a member of the Communist Party.", 1),
    # a nationality
    ("mark_warner", "U.S. senator; vice chairman of the Senate Select Committee on Intelligence; an American.", 1),
    ("yasuhiro_matsuda", "Japanese professor of international politics at the University of Tokyo.", 1),
    ("luke_de_pulford", "Irish human rights activist; coordinator of the Inter-Parliamentary Alliance on "
                        "China (IPAC).", 1),
    # a remark on the data, which belongs in note
    ("xi_jinping", "General Secretary; named in the article’s words that continue Markson’s quoted remark.", 6),
])
def test_a_person_s_description_that_adds_to_the_article(package, key, description, added):
    row = package.edit("entities", key, description=description)
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "person_descriptions_are_printed_of_them", csv("entities"), row,
                                 "description"))
    assert finding.message.startswith(f"the description holds {added} word(s) that the article does not print")
    for word in ("adviser", "Conservative", "Communist", "American", "Japanese", "Irish", "continue"):
        assert word not in finding.message  # the cell is not the article's text: not echoed


def test_a_senator_is_what_sens_stands_for(package):
    """“U.S. Sens. Marco Rubio and Mark Warner”: the title's abbreviation prints “senator”."""
    row = package.edit("entities", "mark_warner", description="U.S. senator and vice chairman of the Senate "
                                                               "Select Committee on Intelligence.")
    assert_findings(package.validate())
    package.edit("entities", "mark_warner", description="U.S. governor; vice chairman of the Senate Select "
                                                        "Committee on Intelligence.")
    assert_findings(package.validate(), ("faithfulness", "person_descriptions_are_printed_of_them",
                                         csv("entities"), row, "description"))


def test_a_word_labelling_a_personal_attribute_in_an_entity_s_note(package):
    """The note is free text like any column a schema adds (`models.free_text_fields`)."""
    row = package.edit("entities", "mark_warner", note="Born in Testville.")
    assert_findings(package.validate(),
                    ("privacy", "free_text_labels_no_personal_attribute", csv("entities"), row, "note"))


def test_a_span_that_ends_inside_a_word_is_refused(package):
    """“Sky New” where the article prints “Sky News”: the span's text is the article's, at its
    offsets, but stops inside a word."""
    row = package.row("entities", "sky_news")
    number = package.edit("entities", "sky_news", name="Sky New", end=str(int(row["end"]) - 1))
    [finding, *_] = assert_findings(
        package.validate(), ("completeness", "spans_end_at_word_edges", "data/entities.csv", number, "name"),
        ("faithfulness", "sources_printed_in_statement", "data/attributions.csv", 13, "entity_id"),
        ("completeness", "sources_match_mode", "data/statements.csv", 10, "id"))
    assert "'Sky New' ends inside a word or number" in finding.message


@pytest.mark.parametrize("start, end, crossed", [
    (0, 8, []), (1, 8, ["starts"]), (0, 7, ["ends"]), (1, 7, ["starts", "ends"]),
    (0, 5, ["ends"]),   # "Sky N": a letter ends it and one follows
    (0, 4, []),         # "Sky ": a space ends it
    (3, 9, []),         # " News ": spaces at both ends
])
def test_which_ends_of_a_span_fall_inside_a_word(start, end, crossed):
    from validator.spans import word_edges_crossed
    assert word_edges_crossed("Sky News today", start, end) == crossed
