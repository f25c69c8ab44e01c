"""The prose claims no more than the tables: where the README, the datasheet or the descriptor
print one of the article's figures, the hedge printed with it is the figure's qualifier; where
they name the article's sources and media, they name exactly the entities attributions.csv
gives those roles."""
import csv
import json
import re

import pytest

from conftest import ROOT
from validator.figure_text import HEDGES, SCALES, hedge_before, noun_after

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
DOCS = {
    "README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
    "docs/datasheet.md": (ROOT / "docs" / "datasheet.md").read_text(encoding="utf-8"),
    "datapackage.json description": DESCRIPTOR["description"],
    "datapackage.json sources": DESCRIPTOR["sources"][0]["description"],
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
    """(figure, hedge as printed or None, where) for every place `text` prints one of the
    article's figures: its number with its scale word or % sign, or else its number followed
    by the noun it counts (so “two” or “300” elsewhere in prose is not taken for a figure)."""
    for figure in table("figures"):
        number = numeral(figure)
        scaled = number.endswith("%") or number.split()[-1].lower() in SCALES
        for match in re.finditer(rf"(?<![\w.,]){re.escape(number)}(?![\w])", text, re.IGNORECASE):
            if scaled or noun_after(text, match.end(), len(figure["unit"].split("_"))) == figure["unit"]:
                context = text[max(0, match.start() - 40):match.end() + 20].replace("\n", " ")
                yield figure, hedge_before(text, match.start()), context


@pytest.mark.parametrize("doc", DOCS)
def test_a_figure_the_docs_print_carries_the_figure_s_hedge(doc):
    checked = 0
    for figure, hedge, context in printed_figures(DOCS[doc]):
        qualifier = HEDGES.get(hedge.lower(), hedge) if hedge else "exact"
        assert qualifier == figure["qualifier"], f"{doc}: {context!r} prints {figure['id']} " \
                                                 f"with {hedge or 'no hedge'}; qualifier is {figure['qualifier']}"
        checked += 1
    if doc in ("README.md", "docs/datasheet.md", "datapackage.json description"):
        assert checked, f"{doc} prints no figure: the test would check nothing"


def test_the_check_catches_a_hedge_the_figure_does_not_have():
    found = list(printed_figures("a register of about 1.95 million people and at least 300 companies or affiliates"))
    assert [(f["id"], h) for f, h, _ in found] == [("f-register-size", "about"), ("f-companies-in-japan", "at least")]


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
