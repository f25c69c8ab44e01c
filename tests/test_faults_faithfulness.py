"""Fault injection for the faithfulness of the rows to the article: the third set of broken
copies, each an edit that made the data say what the article does not, or smuggled data in,
and that the validator accepted. As in test_faults.py: one copy broken in one way, the
complete list of findings asserted (layer, check, file, row, field), and what each finding
expects. One section per class of edit."""

import pytest

from conftest import ARTICLE, ROOT, assert_findings
from validator import attribution, mentions
from validator.context import Context
from validator.figure_text import numbers_in, unit_problem, whole_noun
from validator.models import Entity, Statement
from validator.package import load_package
from validator.pins import ARTICLE_SHA256, PERSONS
from validator.rows import cue_matches_mode

RECORDS = Context(load_package(ROOT / "datapackage.json"), ARTICLE_SHA256, PERSONS).records


def csv(table):
    return f"data/{table}.csv"


def attribution_row(package, statement, entity):
    return next(i for i, r in enumerate(package.rows("attributions"), start=2)
                if (r["statement_id"], r["entity_id"]) == (statement, entity))


def set_attribution(package, statement, entity, **cells) -> int:
    rows = package.rows("attributions")
    number = attribution_row(package, statement, entity)
    rows[number - 2].update(cells)
    package.write_rows("attributions", rows)
    return number


def entity(**cells):
    return Entity(**{"id": "x", "start": 0, "end": 1, "type": "news_outlet", "description": "An outlet.",
                     **cells})


def statement(text, note=None, mode="indirect", cue="said"):
    return Statement(id="s-x", mode=mode, cue=cue, text=text, start=0, end=len(text), note=note)


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


@pytest.mark.parametrize("text, end, unit, why", [
    ("almost 300 companies or affiliates, with", 10, "companies",
     "unit 'companies' is not the whole noun printed after the figure, which ends before ',' (at punctuation, "
     "the statement's end or a verb or function word); expected companies_or_affiliates"),
    ("there were 300 CCP.", 14, "ccp",
     "unit 'ccp' is not the whole noun: a unit neither starts with a scale word (it belongs to the value), "
     "nor ends with a function word or an acronym (\u201cCCP\u201d in \u201cCCP branches\u201d)"),
    ("some 300 of the CCP members", 8, "members",
     "unit 'members' is not the noun printed after the figure, which reads ccp"),
])
def test_a_unit_that_is_not_the_whole_noun_is_told_why(text, end, unit, why):
    from validator.disclosure import public_article
    with public_article(text):
        assert unit_problem(text, end, unit) == why


@pytest.mark.parametrize("name, common", [
    ("Group of 20", []), ("Group of Twenty", []), ("group of twenty", ["'group'", "'twenty'"]),
    ("the 3 Rivers Trust", []),
])
def test_a_name_in_lower_case_is_common_nouns_and_a_number_is_no_lower_case(name, common):
    from validator.entity_rules import content_words, names_printed_as_common_nouns
    from validator.rows import Records
    article = f"Leaders of the {name} met."
    start = article.index(name)
    row = Entity(id="invented_group", name=name, start=start, end=start + len(name), type="organization")
    found = list(names_printed_as_common_nouns(article, Records({"entities": [(2, row)]})))
    assert [message.split("(")[-1].split(" in lower case")[0] for _, message in found] == (
        [", ".join(common)] if common else [])
    assert content_words("the party's members") == content_words("the party\u2019s members") == {"party", "members"}


@pytest.mark.parametrize("start, end, outside", [(10, 20, False), (12, 18, False), (9, 20, True), (10, 21, True)])
def test_a_span_inside_its_statement_may_reach_both_its_ends(start, end, outside):
    from validator.faithfulness import spans_inside_statement
    from validator.models import Quote
    from validator.rows import Records
    context = Context(load_package(ROOT / "datapackage.json"), ARTICLE_SHA256, PERSONS)
    statement = Statement(id="s-invented", mode="direct", start=10, end=20, text="x" * 10)
    quote = Quote(id="q-invented", statement_id="s-invented", start=start, end=end, text="x" * (end - start))
    context.records = Records({"statements": [(2, statement)], "quotes": [(2, quote)]})
    found = list(spans_inside_statement(context))
    assert [(p.row, p.field) for p in found] == ([(2, "start")] if outside else [])


def test_an_acronym_after_of_the_is_printed_in_capitals():
    from validator.figure_text import printed_in_capitals
    assert printed_in_capitals("300 of the CCP", 3, 1) and printed_in_capitals("300 of CCP", 3, 1)
    assert not printed_in_capitals("300 of the members", 3, 1)


# -- 2. an outlet told is a medium, and its row is never dropped ---------------------------

@pytest.mark.parametrize("statement_id, printed", [
    ("s-de-pulford-list", "told the news publication Nikkei Asia"),
    ("s-matsuda-comply", "told the English-language publication"),        # resolved by the note
    ("s-embassy-real-intent", "issued to Nikkei Asia"),
    ("s-markson-branches", "report for Sky News"),
])
def test_an_outlet_told_recorded_as_a_source(package, statement_id, printed):
    medium = next(r["entity_id"] for r in package.rows("attributions")
                  if (r["statement_id"], r["role"]) == (statement_id, "medium"))
    number = set_attribution(package, statement_id, medium, role="source")
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "role"))
    assert f"({printed!r}); expected role medium" in finding.message


@pytest.mark.parametrize("statement_id, outlet", [
    ("s-de-pulford-list", "nikkei_asia"), ("s-matsuda-comply", "nikkei_asia"),
    ("s-embassy-real-intent", "nikkei_asia"), ("s-markson-branches", "sky_news"),
])
def test_a_medium_row_dropped(package, statement_id, outlet):
    rows = [r for r in package.rows("attributions") if (r["statement_id"], r["entity_id"]) != (statement_id, outlet)]
    package.write_rows("attributions", rows)
    [finding] = assert_findings(package.validate(),
                                ("completeness", "sources_match_mode", csv("statements"),
                                 package.row_number("statements", statement_id), "id"))
    assert finding.message.startswith(f"statement {statement_id} prints {outlet} as the outlet it was given to (")
    assert finding.message.endswith(f"expected the attribution ({statement_id}, {outlet}, medium)")


def test_an_outlet_that_reports_recorded_as_a_medium(package):
    number = set_attribution(package, "s-japan-members", "nikkei_asia", role="medium")
    # “Nikkei Asia reported”: the outlet is the source; and the statement now has none.
    [finding, _] = assert_findings(
        package.validate(),
        ("faithfulness", "sources_printed_in_statement", csv("attributions"), number, "role"),
        ("completeness", "every_statement_has_a_source", csv("statements"),
         package.row_number("statements", "s-japan-members"), "id"))
    assert finding.message.endswith("expected role source")


def test_an_outlet_told_dropped_with_its_entity(package):
    rows = [r for r in package.rows("attributions") if r["entity_id"] != "sky_news"]
    package.write_rows("attributions", rows)
    package.write_rows("entities", [r for r in package.rows("entities") if r["id"] != "sky_news"])
    [finding] = assert_findings(package.validate(),
                                ("completeness", "sources_match_mode", csv("statements"),
                                 package.row_number("statements", "s-markson-branches"), "id"))
    assert finding.message.startswith("statement s-markson-branches names an outlet it was given to (")
    assert "that no entity is; expected it as an entity of type news_outlet" in finding.message


@pytest.mark.parametrize("text, outlets", [
    ("X said in an interview with Nikkei Asia that it was true.", {"nikkei_asia": "interview with Nikkei Asia"}),
    ("X told reporters in Tokyo.", {}),                                     # an audience, a place
    ("X told the Daily Ledger.", {None: "told the Daily Ledger"}),        # an outlet with no row
    ("said X, an investigative reporter for Nikkei Asia newspaper.", {}),   # the paper she works for
    ("X told Nikkei Asia. The U.S. Department of State agreed.", {"nikkei_asia": "told Nikkei Asia"}),
    ("X spoke to the news publication Nikkei Asia last week.", {"nikkei_asia": "spoke to the news publication Nikkei Asia"}),
])
def test_which_outlets_a_statement_prints_as_the_one_told(text, outlets):
    index = mentions.Forms([entity(id="nikkei_asia", name="Nikkei Asia"),
                            entity(id="us_department_of_state", name="U.S. Department of State",
                                   type="government_body")])
    assert mentions.media_printed(statement(text), text, index) == outlets


# -- 3. the article's own voice is not claimed for what it attributes or hedges -------------

def test_a_hedged_statement_called_authorial(package):
    row = package.edit("statements", "s-data-removed", mode="authorial", cue="")
    [finding] = assert_findings(package.validate(), ("rows", "cue_matches_mode", csv("statements"), row, "mode"))
    assert finding.message.endswith("expected mode hedged, with cue reportedly, not authorial")


@pytest.mark.parametrize("statement_id, entity_id, mode, cue, said", [
    ("s-observers-pattern", "observers", "hedged", "say", "observers say"),
    ("s-japan-members", "nikkei_asia", "hedged", "reported", "Nikkei Asia reported"),
    ("s-observers-pattern", "observers", "authorial", "", "observers say"),
    ("s-company-sectors", "media_reports", "authorial", "", "according to media reports"),
    ("s-embassy-dismissal", "chinese_embassy_in_japan", "authorial", "", "Chinese embassy in Japan dismissed"),
    ("s-global-web", "lawmakers", "hedged", "according to", "according to lawmakers"),
])
def test_an_attributed_statement_claimed_as_the_article_s_own(package, statement_id, entity_id, mode, cue, said):
    rows = [r for r in package.rows("attributions") if r["statement_id"] != statement_id]
    rows.append({"statement_id": statement_id, "entity_id": "article", "role": "source"})
    package.write_rows("attributions", rows)
    row = package.edit("statements", statement_id, mode=mode, cue=cue)
    expected = [("faithfulness", "sources_printed_in_statement", csv("statements"), row, "mode")]
    if mode == "hedged":  # and its cue is no hedge word
        expected.append(("rows", "cue_matches_mode", csv("statements"), row, "cue"))
    finding = assert_findings(package.validate(), *expected)[0]
    assert f"prints who says it ({said!r})" in finding.message and f"with {entity_id} as its source" in finding.message


@pytest.mark.parametrize("text, said", [
    ("It said the data was false.", ("It said", None)),
    ("Rubio also said so.", ("Rubio also said", "marco_rubio")),
    ("Critics have claimed the list is old.", ("Critics have claimed", None)),
    ("The CCP has an estimated 92 million members.", None),                 # a hedge on a figure
    ("Chinese dissidents reportedly removed the data.", None),            # hedged, no one named
    ("IPAC was founded in mid-2020 and includes legislators.", None),
])
def test_whom_a_statement_prints_as_speaking(text, said):
    index = mentions.Forms([Entity(id="marco_rubio", name="Marco Rubio", start=0, end=1, type="person",
                                   description="U.S. senator.", role_text="U.S. Sens.", role_start=0,
                                   role_end=1)])
    assert mentions.speaker_printed(statement(text), text, index) == said


@pytest.mark.parametrize("text, mode, cue, problems", [
    ("The data was allegedly removed.", "authorial", None, ["mode"]),
    ("The data is said to have been removed.", "authorial", None, ["mode"]),
    ("“The data was allegedly removed,” she said.", "authorial", None, []),  # the speaker's word
    ("The data was reportedly removed.", "hedged", "removed", ["cue"]),
    ("X reportedly said the data was removed.", "indirect", "reportedly", ["cue"]),
    ("X reportedly said the data was removed.", "indirect", "said", []),
    ("The data was reportedly removed.", "hedged", "reportedly", []),
    ("The data was removed.", "authorial", "said", ["cue"]),  # the article's own words need no cue
    ("The data was removed.", "authorial", None, []),
])
def test_a_hedge_word_makes_a_statement_hedged_and_is_its_cue(text, mode, cue, problems):
    row = Statement(id="s-x", mode=mode, cue=cue, text=text, start=0, end=len(text))
    assert [field for field, _ in cue_matches_mode(row)] == problems


def test_an_authorial_statement_with_a_cue_is_told_to_leave_it_empty():
    row = Statement(id="s-x", mode="authorial", cue="said", text="The data was removed.", start=0, end=21)
    assert list(cue_matches_mode(row)) == [
        ("cue", "an authorial statement has no attribution cue; expected an empty cell")]


# -- 4. a short name is printed as the abbreviation of its entity ---------------------------

def test_a_short_name_that_is_a_word_of_the_statement(package):
    row = package.edit("entities", "lawmakers", short_name="said")
    number = set_attribution(package, "s-markson-no-evidence", "sharri_markson", entity_id="lawmakers")
    # “said” stands beside no source: Markson, who says it, is no longer one.
    short_name, _ = assert_findings(
        package.validate(),
        ("faithfulness", "short_names_printed_in_article", csv("entities"), row, "short_name"),
        ("faithfulness", "cue_printed_in_statement", csv("statements"),
         package.row_number("statements", "s-markson-no-evidence"), "cue"))
    assert number and "prints no such abbreviation in parentheses right after its name span 347-356" \
        in short_name.message


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


# -- 5. a reviewed person under another id, and what free text may say -----------------------

def test_a_reviewed_person_added_again_as_a_group_with_personal_data(package):
    row = package.append("entities", id="pulford", name="Luke de Pulford", start="539", end="554",
                         type="unnamed_group", description="Activist, born " "1234 (aged 999).")
    report = package.validate()
    # One finding for the description (its words give it away; its numbers are not then
    # reported a second time), one for the name, and one for the printing of his name that his
    # own row stands for.
    words, name, _ = assert_findings(
        report,
        ("privacy", "free_text_labels_no_personal_attribute", csv("entities"), row, "description"),
        ("privacy", "persons_are_the_reviewed_ones", csv("entities"), row, "name"),
        ("completeness", "one_row_per_printed_span", csv("entities"), row, "name"))
    assert "named as the reviewed person luke_de_pulford" in name.message
    assert "labels a personal attribute" in words.message
    assert all("1234" not in f.message and "999" not in f.message for f in report.findings)


@pytest.mark.parametrize("name, start, kind", [
    ("Markson", 2095, "news_outlet"),             # a surname the article prints
    ("Xi", 2091, "organization"),
    ("luke de pulford", 539, "unnamed_group"),    # another case: also not the article's characters
])
def test_a_reviewed_person_s_name_under_another_id(package, name, start, kind):
    row = package.append("entities", id="someone", name=name, start=str(start), end=str(start + len(name)),
                         type=kind, description="Someone the article names.")
    expected = [("privacy", "persons_are_the_reviewed_ones", csv("entities"), row, "name")]
    if ARTICLE[start:start + len(name)] != name:  # ... at the span of the reviewed person's row
        expected += [("faithfulness", "spans_match_article", csv("entities"), row, "name"),
                     ("completeness", "one_row_per_printed_span", csv("entities"), row, "name")]
    else:  # a later mention: the article first prints the surname in the full name
        expected.append(("faithfulness", "entities_at_first_printing", csv("entities"), row, "start"))
    assert_findings(package.validate(), *expected)


@pytest.mark.parametrize("key, description", [
    ("ccp", "The party; the article puts its membership at an estimated 93 million."),
    ("ipac", "Alliance founded in mid-2020 by 19 lawmakers."),
    ("observers", "Unnamed observers, \u2166 of them."),                  # a Roman numeral
    ("sky_news", "News outlet in Australia, one of two that carried the report."),
])
def test_a_description_holding_a_number_the_article_does_not_print_of_it(package, key, description):
    row = package.edit("entities", key, description=description)
    [finding] = assert_findings(package.validate(),
                                ("privacy", "persons_are_named_in_article", csv("entities"), row, "description"))
    assert "a number that the article does not print where it names this entity" in finding.message


@pytest.mark.parametrize("role, means_governor", [("Gov. aide", True), ("AGov. aide", False), ("aide", False)])
def test_a_title_s_abbreviation_stands_for_its_word_only_where_printed_as_a_word(role, means_governor):
    """“Gov.” printed of a person stands for governor; glued to a letter it is no title."""
    from types import SimpleNamespace
    from validator.entity_rules import printed_of
    assert ("governor" in printed_of(SimpleNamespace(role_text=role), [])) == means_governor


def test_a_number_printed_in_a_statement_attributed_to_the_entity_is_printed_of_it(package):
    """A statement speaks of its source though it does not name it: the article's own
    statements name no article, yet their numbers are the article's."""
    package.edit("entities", "article", description="The source article itself: the source of its own, "
                 "unattributed statements, among them that data was removed in 2016.")
    assert_findings(package.validate())


@pytest.mark.parametrize("table, key, column, text", [
    ("entities", "mark_warner", "description", "U.S. senator, born in Testville."),
    ("entities", "observers", "description", "Unnamed observers of every age."),
    ("statements", "s-headline", "note", "The headline; its writer's ID is not printed."),
    ("figures", "f-register-size", "measure", "CCP members listed with their date of birth."),
    ("events", "e-data-removed", "what", "Dissidents aged under thirty removed the data."),
    ("excluded_spans", "x-always", "reason", "Inside a quotation; Testperson Example's member no. is unknown."),
    ("events", "e-senators-statement", "context_note",
     "\u201cthat month\u201d refers back to \u201cIn December 2020\u201d (e-visa-restrictions); Rubio's "
     "birthday is not printed."),
])
def test_a_free_text_cell_labelling_a_personal_attribute(package, table, key, column, text):
    row = package.edit(table, key, **{column: text})
    # “Testville” is printed of no one: a person's description holds only what is printed of them.
    added = [("faithfulness", "person_descriptions_are_printed_of_them", csv(table), row, column)] \
        if "Testville" in text else []
    finding = assert_findings(package.validate(),
                              ("privacy", "free_text_labels_no_personal_attribute", csv(table), row, column),
                              *added)[0]
    assert "labels a personal attribute" in finding.message


def test_each_description_holds_only_numbers_the_article_prints_where_it_names_its_entity():
    """The CCP's “an estimated 92 million” (s-party-size prints “The CCP”); the years of IPAC,
    the dissidents, the National People's Congress and the Department of State; The
    Australian's “one of the media organizations”."""
    numbered = {e.id: numbers_in(e.description) for e in RECORDS.of("entities") if numbers_in(e.description)}
    assert set(numbered) == {"ccp", "ipac", "chinese_dissidents", "national_peoples_congress",
                             "us_department_of_state", "the_australian"}
    for entity in RECORDS.of("entities"):
        printed = set().union(*map(numbers_in, attribution.texts_naming(RECORDS, entity)))
        assert numbered.get(entity.id, set()) <= printed, entity.id


# -- 6. a cue is an attribution cue, beside its source ---------------------------------------

def test_the_package_s_cues_are_the_vocabulary_s_and_match_their_modes():
    """hedged: its hedge word; authorial: none; the two sources by inference: the words that
    introduce their quotation; every other statement: a reporting verb or phrase."""
    kinds = {s.id: (s.mode, mentions.cue_kind(s.cue or "") if s.cue else None) for s in RECORDS.of("statements")}
    assert {mode for mode, kind in kinds.values() if kind == "hedge"} == {"hedged"}
    assert {mode for mode, kind in kinds.values() if kind is None} == {"authorial"}
    assert sorted(i for i, (_, kind) in kinds.items() if kind == "inference") == ["s-ipac-mission", "s-visa-restrictions"]


@pytest.mark.parametrize("statement_id, cue", [
    ("s-japan-members", "with the majority"), ("s-japan-members", "In Japan"),
    ("s-markson-branches", "register"), ("s-visa-restrictions", "tightened"),
])
def test_a_cue_that_is_no_attribution_cue(package, statement_id, cue):
    row = package.edit("statements", statement_id, cue=cue)
    [finding] = assert_findings(package.validate(), ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"))
    assert "is not an attribution cue" in finding.message


@pytest.mark.parametrize("statement_id, cue", [
    ("s-embassy-dismissal", "reports"),           # “dismissed reports”: not the embassy's verb
    ("s-markson-branches", "report"),             # “a … report for Sky News”: the medium's
])
def test_a_cue_of_the_vocabulary_that_stands_beside_no_source(package, statement_id, cue):
    row = package.edit("statements", statement_id, cue=cue)
    [finding] = assert_findings(package.validate(), ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"))
    assert "stands beside no source" in finding.message


def test_a_source_swapped_for_another_person_the_statement_names(package):
    number = set_attribution(package, "s-markson-lifts-lid", "sharri_markson", entity_id="xi_jinping")
    # “… how the party operates” under General Secretary Xi Jinping, said Sharri Markson”:
    # Xi is printed, outside the quotation, but “said” is Markson's.
    assert number and assert_findings(package.validate(),
                                      ("faithfulness", "cue_printed_in_statement", csv("statements"),
                                       package.row_number("statements", "s-markson-lifts-lid"), "cue"))


def test_a_joint_author_stands_beside_the_cue_through_the_other_s_name(package):
    package.write_rows("attributions", [r for r in package.rows("attributions")
                                        if (r["statement_id"], r["entity_id"]) != ("s-senators-insidious", "mark_warner")])
    # Rubio, joined by “and” to Warner's name, stands beside “cited” whether or not Warner is
    # a source. (That Warner's row is missing is not caught: no rule asks that every speaker
    # printed beside a cue be a source.)
    assert package.validate().valid


def test_one_of_two_joint_sources_swapped(package):
    number = set_attribution(package, "s-global-web", "media_organizations", entity_id="ccp")
    # “according to lawmakers and media organizations”: the CCP is printed, not beside the cue.
    [finding] = assert_findings(package.validate(),
                                ("faithfulness", "cue_printed_in_statement", csv("attributions"), number, "entity_id"))
    assert finding.message == (
        "the source ccp does not stand beside statement s-global-web's cue 'according to', as its other "
        "sources do; expected the cue next to the name, short name or surname of each source, or to a "
        "reference its note resolves")


def test_an_inference_cue_its_note_does_not_explain(package):
    row = package.edit("statements", "s-visa-restrictions", note="The Department is the source.")
    [finding] = assert_findings(package.validate(), ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"))
    assert "names no speaker" in finding.message


@pytest.mark.parametrize("words, name, cue, side, expected", [
    ("Nikkei Asia reported", "Nikkei Asia", "reported", "either", True),
    ("according to the Indo-Asian News Service", "Indo-Asian News Service", "according to", "after", True),
    ("Matsuda, a professor of politics at the University of Tokyo, told", "Matsuda", "told", "before", True),
    ("Markson also said", "Markson", "said", "before", True),
    ("told Nikkei Asia", "Nikkei Asia", "told", "before", False),          # the one told, not the speaker
    ("Xi, Markson said", "Xi", "said", "either", False),
    ("Markson, who told them, said", "Markson", "said", "before", False),  # the phrase reports
    ("Markson. Then it was said", "Markson", "said", "either", False),
])
def test_what_stands_beside_a_cue(words, name, cue, side, expected):
    at, cue_at = words.index(name), words.rindex(cue)
    assert mentions.beside(words, (at, at + len(name)), (cue_at, cue_at + len(cue)), side) is expected


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
    # Neither is printed before the other: neither fixes the other's year, right or wrong; and
    # the one printing is two rows.
    *findings, _ = assert_findings(package.validate(),
                                   ("faithfulness", "context_dates_follow_their_row", csv("events"), row, "date_from"),
                                   ("faithfulness", "context_dates_follow_their_row", csv("events"), echo, "date_from"),
                                   ("completeness", "one_row_per_printed_span", csv("events"), echo, "text"))
    for finding in findings:
        assert "e-sky-news-" in finding.message and "not printed before it" in finding.message
        assert ("not in the year of e-ipac-founded" in finding.message) is wrong_year


def test_a_statement_past_the_article_s_end_does_not_stop_the_sentence_check_of_the_rows_after_it(package):
    """The row past the end is the faithfulness layer's; the sentence split two rows later is
    still found."""
    package.edit("statements", "s-headline", start="5000", end="5066")
    cut = "The leaked register of 1.95 million CCP members includes names,"
    row = package.edit("statements", "s-register-contents", text=cut, end=str(719 + len(cut)))
    assert_findings(package.validate(),
                    ("faithfulness", "spans_match_article", csv("statements"), 2, "end"),
                    ("faithfulness", "cue_printed_in_statement", csv("statements"), row, "cue"),
                    ("faithfulness", "sources_printed_in_statement", csv("attributions"), 7, "entity_id"),
                    ("completeness", "every_sentence_is_in_a_statement", csv("statements"), None, None),
                    ("completeness", "every_sentence_is_in_a_statement", csv("statements"), None, None),
                    ("completeness", "statements_are_whole_sentences", csv("statements"), row, "end"))
