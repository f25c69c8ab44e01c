"""The prose claims no more than the tables: where the README, CONTRIBUTING.md, the pages
under docs/, the descriptor or the citation print one of the article's figures, the hedge printed with it is the figure's
qualifier and the source of its statement is named beside it; where they name the article's
sources and media, they name exactly the entities attributions.csv gives those roles; where
they count the quotations the article leaves unattributed, the count is the tables'. And each
sentence they share has one home, which every other copy repeats word for word."""
import csv
import json
import re

import pytest
import yaml

from build_docs import INSTANCE_WORDS
from conftest import ROOT
from release.datasheet import plain, section_paragraphs
from validator.figure_text import HEDGES, SCALES, hedge_before, noun_after

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
CITATION = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
DATASHEET = (ROOT / "docs" / "datasheet.md").read_text(encoding="utf-8")
DOCS = {
    "README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
    "CONTRIBUTING.md": (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"),
    **{f"docs/{name}": (ROOT / "docs" / name).read_text(encoding="utf-8")
       for name in ("method.md", "using-the-tables.md", "validating.md", "release-files.md")},
    "docs/datasheet.md": DATASHEET,
    "datapackage.json description": DESCRIPTOR["description"],
    "datapackage.json sources": DESCRIPTOR["sources"][0]["description"],
    "CITATION.cff abstract": CITATION["abstract"],
    "CITATION.cff references": CITATION["references"][0]["notes"],
}


def table(name):
    with open(ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def numeral(figure) -> str:
    """The figure's text without its hedge: “about 79,000” is 79,000."""
    for hedge in sorted(HEDGES, key=len, reverse=True):
        if figure["text"].lower().startswith(hedge + " "):
            return figure["text"][len(hedge) + 1:]
    return figure["text"]


def printed_figures(text: str):
    """(figure, hedge as printed or None, where, offset) for every place `text` prints one of
    the article's figures: its number with its scale word or % sign, or else its number followed
    by the noun it counts (so “two” or “300” elsewhere in prose is not taken for a figure)."""
    for figure in table("figures"):
        number = numeral(figure)
        scaled = number.endswith("%") or number.split()[-1].lower() in SCALES
        for match in re.finditer(rf"(?<![\w.,]){re.escape(number)}(?![\w])", text, re.IGNORECASE):
            if scaled or noun_after(text, match.end(), len(figure["unit"].split("_"))) == figure["unit"]:
                context = text[max(0, match.start() - 40):match.end() + 20].replace("\n", " ")
                yield figure, hedge_before(text, match.start()), context, match.start()


@pytest.mark.parametrize("doc", DOCS)
def test_a_figure_the_docs_print_carries_the_figure_s_hedge(doc):
    checked = 0
    for figure, hedge, context, _ in printed_figures(DOCS[doc]):
        qualifier = HEDGES.get(hedge.lower(), hedge) if hedge else "exact"
        assert qualifier == figure["qualifier"], f"{doc}: {context!r} prints {figure['id']} " \
                                                 f"with {hedge or 'no hedge'}; qualifier is {figure['qualifier']}"
        checked += 1
    if doc in ("README.md", "docs/datasheet.md", "datapackage.json description", "CITATION.cff abstract"):
        assert checked, f"{doc} prints no figure: the test would check nothing"


def test_the_check_catches_a_hedge_the_figure_does_not_have():
    found = list(printed_figures("a register of about 1.95 million people and at least 300 companies or affiliates"))
    assert [(f["id"], h) for f, h, _, _ in found] == [("f-register-size", "about"), ("f-companies-in-japan", "at least")]


SOURCES_SENTENCE = re.compile(r"named sources and media, as attributions\.csv records them, are\s+([^;]+);")


def named_sources_and_media() -> set[str]:
    entities = {e["id"]: e for e in table("entities")}
    return {link["entity_id"] for link in table("attributions")
            if entities[link["entity_id"]]["type"] not in ("article", "unnamed_group")}


def entity_named(name: str) -> str:
    name = " ".join(name.split())
    for entity in table("entities"):
        if name.lower() in (entity["name"].lower(), "the " + entity["name"].lower(), entity["short_name"].lower()):
            return entity["id"]
    raise AssertionError(f"{name!r} is not an entity")


@pytest.mark.parametrize("doc", ["docs/datasheet.md", "datapackage.json sources"])
def test_the_sources_and_media_the_docs_name_are_those_attributions_records(doc):
    [listed] = SOURCES_SENTENCE.findall(DOCS[doc])
    names = [n for part in re.split(r",\s+", listed) for n in re.split(r"(?:^|\s+)and(?:\s+|$)", part)
             if n and not n.startswith("by inference")]
    assert {entity_named(name) for name in names} == named_sources_and_media()


def test_no_doc_calls_an_entity_without_that_role_a_source_the_article_cites():
    """The Australian and the Senate Select Committee on Intelligence are named by the article,
    but are neither a source nor a medium: no doc may say it cites them."""
    for doc, text in DOCS.items():
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if re.search(r"\b(?:it cites|cites|the article's own sources|sources the article cites)\b", sentence):
                assert "The Australian" not in sentence and "Senate Select Committee" not in sentence, (doc, sentence)


# -- what a doc says in its prose, sentence by sentence ---------------------------------------

FENCE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)
# Where a Markdown block begins: after a blank line, at a heading, a list item or a table row.
BLOCK_START = re.compile(r"\n\s*\n|\n(?=#|\s*(?:[-*]|\d+\.) |\|)")
# A sentence ends at a block's end, or at a full stop or question mark after a small letter, a
# digit, a bracket, a closing quotation mark or a word in capitals (GDPR), before a capital or an
# opening mark: “U.S. Department” and “e.g. figures” go on.
SENTENCE_END = re.compile(r"\n|(?:(?<=[a-z0-9)\u201d\u2019][.?])|(?<=[A-Za-z][A-Z][.?]))\s+(?=[A-Z\u201c(])")


def prose(text: str) -> str:
    """The text as a reader reads it: no code blocks, no Markdown marks, one block a line."""
    return "\n".join(plain(block) for block in BLOCK_START.split(FENCE.sub("", text)) if block.strip())


def sentence_at(text: str, position: int) -> str:
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
    start = max(s for s in starts if s <= position)
    following = [s for s in starts if s > position]
    return text[start:following[0] if following else len(text)].strip()


def sentence_with(text: str, phrase: str) -> str:
    """The one sentence of `text` (as prose) that holds `phrase`."""
    text = prose(text)
    [sentence] = {sentence_at(text, m.start()) for m in re.finditer(re.escape(phrase), text)}
    return sentence


# -- a figure is printed with its source -------------------------------------------------------

def sources_of(statement_id: str) -> list[dict]:
    entities = {e["id"]: e for e in table("entities")}
    return [entities[link["entity_id"]] for link in table("attributions")
            if link["statement_id"] == statement_id and link["role"] == "source"]


def unattributed_figures(text: str):
    """(figure, sentence) for every figure `text` prints in a sentence that names none of the
    sources the article gives it (the article's own figures need none)."""
    text = prose(text)
    for figure, _, _, start in printed_figures(text):
        sources = [e for e in sources_of(figure["statement_id"]) if e["type"] != "article"]
        sentence = sentence_at(text, start)
        names = [name for e in sources for name in (e["name"], e["short_name"]) if name]
        if sources and not any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in names):
            yield figure["id"], sentence


@pytest.mark.parametrize("doc", DOCS)
def test_a_figure_the_docs_print_is_attributed_to_its_source(doc):
    """“1.95 million” is the Indo-Asian News Service's figure, not a fact the docs may state."""
    assert list(unattributed_figures(DOCS[doc])) == []


def test_the_check_catches_a_figure_stated_as_fact():
    stated = "The register lists 1.95 million CCP members. The CCP has an estimated 92 million members."
    assert [figure for figure, _ in unattributed_figures(stated)] == ["f-register-size"]
    attributed = "The register lists 1.95 million CCP members, according to the Indo-Asian News Service."
    assert list(unattributed_figures(attributed)) == []


# -- the quotations the article attributes to no one -------------------------------------------

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six"]


def quotations_read_as_someone_s() -> list[dict]:
    """The quotations whose statement's note says whose its quoted words are read to be: the
    article itself does not say."""
    notes = {statement["id"]: statement["note"] for statement in table("statements")}
    return [quote for quote in table("quotes") if "quoted words" in notes[quote["statement_id"]]]


def test_the_method_counts_and_quotes_the_quotations_the_article_leaves_unattributed():
    method = DOCS["docs/method.md"]
    bullet = re.search(r"^- \*\*Sources by inference\.\*\* (\w+) quotations are not attributed by the "
                       r"article:(.*?)(?=^- |^#|\n\n)", method, re.MULTILINE | re.DOTALL)
    unattributed = quotations_read_as_someone_s()
    assert len(unattributed) >= 2  # s-ipac-mission, s-visa-restrictions at least: not vacuous
    assert NUMBER_WORDS.index(bullet.group(1).lower()) == len(unattributed)
    quoted = [q.rstrip(" \u2026") for q in re.findall(r"\u201c([^\u201d]+)\u201d", plain(bullet.group(2)))]
    for quote in unattributed:
        assert any(quote["text"].startswith(words) for words in quoted), quote["id"]
        assert f"`{quote['statement_id']}`" in bullet.group(2), quote["statement_id"]


# -- one home for each shared sentence ---------------------------------------------------------

# A phrase that marks a sentence, the doc that is the sentence's home, and the docs that must
# repeat it word for word. Every other doc that uses the phrase must use it in that sentence too.
SHARED = {
    "The only people in this package": ("datapackage.json description",
                                        ["README.md", "docs/datasheet.md", "CITATION.cff abstract"]),
    "text states its title": ("datapackage.json sources", ["docs/datasheet.md", "CITATION.cff references"]),
    "published no earlier than": ("datapackage.json sources", ["docs/datasheet.md", "CITATION.cff references"]),
    "named sources and media": ("datapackage.json sources", ["docs/datasheet.md"]),
    "birthdates, party positions, national ID numbers": ("docs/datasheet.md", ["README.md"]),
}


def drifted(text: str, phrase: str, home: str) -> list[str]:
    """The sentences of `text` that use `phrase` but are not the home sentence."""
    text = prose(text)
    return [sentence_at(text, m.start()) for m in re.finditer(re.escape(phrase), text)
            if sentence_at(text, m.start()) != home]


@pytest.mark.parametrize("phrase", SHARED)
def test_a_shared_sentence_is_its_home_s_word_for_word_wherever_it_appears(phrase):
    home_doc, copies = SHARED[phrase]
    home = sentence_with(DOCS[home_doc], phrase)
    for doc in copies:
        assert home in prose(DOCS[doc]), f"{doc} does not repeat {home_doc}: {home!r}"
    for doc, text in DOCS.items():
        assert drifted(text, phrase, home) == [], f"{doc} words it otherwise than {home_doc}"


def test_the_check_catches_a_copy_that_drifted():
    home = sentence_with(DOCS["datapackage.json description"], "The only people in this package")
    copy = prose(DOCS["docs/datasheet.md"]).replace(home, home.replace("six people", "six public figures"))
    assert home not in copy and len(drifted(copy, "The only people in this package", home)) == 1


def test_the_citation_abstract_is_the_descriptor_s_description():
    """Zenodo and GitHub read the abstract; the page and Croissant read the description."""
    assert " ".join(CITATION["abstract"].split()) == " ".join(DESCRIPTOR["description"].split())


def test_the_datasheet_section_the_croissant_quotes_begins_with_the_register_sentence():
    """The home of the register's sentence is the section Croissant's personal-information
    field quotes, so that field carries it too."""
    first = section_paragraphs(DATASHEET, "Personal data excluded, and why")[0]
    assert first.startswith(sentence_with(DATASHEET, "birthdates, party positions, national ID numbers"))


def test_the_datasheet_counts_every_table_s_rows_as_the_tables_hold_them():
    answer = plain(DATASHEET.split("**How many instances?**", 1)[1].split("\n- **", 1)[0])
    resources = [r["name"] for r in DESCRIPTOR["resources"] if "schema" in r]
    assert set(resources) == set(INSTANCE_WORDS), "a table the datasheet does not count"
    counted = {}
    for name, (word, plural) in INSTANCE_WORDS.items():
        found = re.search(rf"(\d+) (?:{word}|{plural})\b", answer)
        assert found, f"the datasheet does not count {name}"
        counted[name] = int(found.group(1))
    assert counted == {name: len(table(name)) for name in INSTANCE_WORDS}
    total = re.search(r"(\d+) rows in all", answer)
    assert total, "the datasheet does not say how many rows in all"
    assert total.group(1) == str(sum(counted.values()))
