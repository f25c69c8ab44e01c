"""Fault injection for the faithfulness of the rows to the article: the third set of broken
copies, each an edit that made the data say what the article does not, or smuggled data in,
and that the validator accepted. As in test_faults.py: one copy broken in one way, the
complete list of findings asserted (layer, check, file, row, field), and what each finding
expects. One section per class of edit."""

import pytest

from conftest import ARTICLE, ROOT, assert_findings
from validator.context import Context
from validator.figure_text import unit_problem, whole_noun
from validator.package import load_package
from validator.pins import ARTICLE_SHA256, PERSONS

RECORDS = Context(load_package(ROOT / "datapackage.json"), ARTICLE_SHA256, PERSONS).records


def csv(table):
    return f"data/{table}.csv"


# -- 1. a unit is the whole noun printed after the number ----------------------------------

@pytest.mark.parametrize("figure, unit, whole", [
    ("f-companies-in-japan", "companies", "companies_or_affiliates"),        # cut before “or”
    ("f-members-embedded", "party_members_embedded", "party_members"),       # runs into a verb
    ("f-members-embedded", "party", "party_members"),
    ("f-vaccine-developers", "pharmaceutical", "pharmaceutical_firms"),
    ("f-register-size", "ccp_members_includes", "ccp_members"),
    ("f-members-in-japan", "ccp_members_were_identified", "ccp_members"),
    ("f-party-branches", "ccp_branches_have_been_established", "ccp_branches"),
    ("f-party-branches", "ccp", "ccp_branches"),                             # an acronym alone
])
def test_a_unit_shorter_or_longer_than_the_noun_printed(package, figure, unit, whole):
    row = package.edit("figures", figure, unit=unit)
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "figure_unit_is_printed", csv("figures"), row, "unit"))
    assert finding.message.endswith(f"expected {whole}")


def test_every_unit_of_the_package_is_the_whole_noun_printed(package):
    statements = {s["id"]: s for s in package.rows("statements")}
    for figure in package.rows("figures"):
        if figure["unit"] != "percent":
            end = int(statements[figure["statement_id"]]["end"])
            assert whole_noun(ARTICLE, int(figure["end"]), end)[0] == figure["unit"], figure["id"]
            assert unit_problem(ARTICLE, int(figure["end"]), figure["unit"], end) is None


@pytest.mark.parametrize("text, end, expected", [
    ("about 5,000 CCP members were identified", 11, ("ccp_members", "were")),
    ("two of the pharmaceutical firms have developed", 3, ("pharmaceutical_firms", "have")),
    ("92 million members, representing", 10, ("members", ",")),
    ("79,000 CCP branches inside companies", 6, ("ccp_branches", "inside")),
])
def test_the_whole_noun_ends_at_punctuation_or_a_word_no_noun_holds(text, end, expected):
    assert whole_noun(text, end) == expected


def test_the_whole_noun_ends_with_its_statement():
    """A headline has no final punctuation: the noun stops at the statement's end, not in the
    next line."""
    text = "by 2 million members\n\nLeaked documents"
    start, end = len("by 2 million"), len("by 2 million members")
    assert whole_noun(text, start) == ("members_leaked_documents", None)
    assert whole_noun(text, start, end) == ("members", None)
    assert unit_problem(text, start, "members", end) is None


# -- 4. a short name is printed as the abbreviation of its entity ---------------------------

def test_every_short_name_is_printed_in_parentheses_after_its_entity_s_name():
    short = {e.id: e for e in RECORDS.of("entities") if e.short_name}
    assert sorted(short) == ["ccp", "ipac", "peoples_republic_of_china"]
    for e in short.values():
        assert ARTICLE[e.start:e.end + len(e.short_name) + 3] == f"{e.name} ({e.short_name})"


@pytest.mark.parametrize("key, short_name", [
    ("lawmakers", "said"), ("sky_news", "Australia"), ("peoples_republic_of_china", "CCP"),
    ("media_reports", "CCP"),
    ("indo_asian_news_service", "IANS"),                                   # not printed at all
])
def test_a_short_name_printed_but_not_as_the_entity_s_abbreviation(package, key, short_name):
    row = package.edit("entities", key, short_name=short_name)
    assert_findings(package.validate(),
                    ("faithfulness", "short_names_printed_in_article", csv("entities"), row, "short_name"))


# -- 7. a date printed without its year takes the year of the row before it ------------------

def test_a_context_date_borrowing_the_year_of_an_earlier_row(package):
    row = package.edit("events", "e-sky-news-report", date_from="2016" "-12-11", date_to="2016" "-12-20",
                       context_note="The year is not printed; it is that of the removal (e-data-removed).")
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "date_from"))
    assert "not in the year of e-ipac-founded" in finding.message


def test_a_context_note_naming_another_row_of_the_right_year(package):
    package.edit("events", "e-sky-news-report",
                 context_note="The year is not printed; 2020 is that of de Pulford's remark (e-de-pulford-interview).")
    assert package.validate().valid  # the right year, argued from another row


@pytest.mark.parametrize("year, wrong_year", [("2020", False), ("2019", True)])
def test_two_rows_at_the_same_words_fixing_each_other_s_year(package, year, wrong_year):
    row = package.edit("events", "e-sky-news-report", date_from=year + "-12-11", date_to=year + "-12-20",
                       context_note="The year is not printed; it is that of e-sky-news-echo.")
    event = package.row("events", "e-sky-news-report")
    echo = package.append("events", **{**event, "id": "e-sky-news-echo", "what": "Sky News carried the report.",
                                       "context_note": "The year is that of e-sky-news-report."})
    # Neither is printed before the other: neither fixes the other's year, right or wrong.
    for finding in assert_findings(package.validate(),
                                   ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "date_from"),
                                   ("faithfulness", "context_dates_follow_their_row", csv("events"), echo, "date_from")):
        assert "e-sky-news-" in finding.message and "not printed before it" in finding.message
        assert ("not in the year of e-ipac-founded" in finding.message) is wrong_year
