"""The people in the tables: exactly the reviewed ones the article names, each with only the
public role it gives them; and the tables' own words (free text) say nothing more of anyone.
"""
from __future__ import annotations

import re
import unicodedata

from ..attribution import texts_naming
from ..figure_text import numbers_in
from ..findings import Problem
from ..models import free_text_fields
from ..pins import folded, name_forms
from ..vocabulary import PERSONAL_ATTRIBUTE_WORDS
from .scan import scan

_PERSONAL_ATTRIBUTE = re.compile(r"(?<!\w)(?:" + "|".join(
    r"\s+".join(map(re.escape, w.split())) for w in sorted(PERSONAL_ATTRIBUTE_WORDS, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)


def persons_are_the_reviewed_ones(ctx):
    """Person rows are exactly the reviewed list (`pins.PERSONS`): adding, renaming or
    retyping a person is a reviewed change of the validator, not an edit of the data. No other
    row is named (name or short name, in any case or spacing) as a reviewed person, by the full
    name or a part of it (“Markson”, “de Pulford”): a person has one row, under the reviewed id
    and type person."""
    seen, pinned_names = set(), name_forms(ctx.persons)
    for number, entity in ctx.records.numbered("entities"):
        pinned = ctx.persons.get(entity.id)
        named = set().union(*(pinned_names.get(folded(n), set())
                              for n in (entity.name, entity.short_name) if n))
        if entity.type == "person" and pinned != entity.name:
            yield Problem("this person is not in the reviewed list of people the article names; "
                          "a new person needs a reviewed change of validator/pins.py",
                          ctx.path("entities"), number, "id")
        elif pinned is not None and entity.type != "person":
            yield Problem(f"{entity.id} is a person in the reviewed list; its type is "
                          f"{entity.type}", ctx.path("entities"), number, "type")
        elif named and entity.id not in named:
            yield Problem(f"this {entity.type} is named as the reviewed person {min(named)}; expected "
                          "no row for a reviewed person but the one under its reviewed id, of type person",
                          ctx.path("entities"), number, "name")
        seen.add(entity.id)
    if ctx.complete("entities"):
        for missing in sorted(set(ctx.persons) - seen):
            yield Problem(f"the reviewed person {missing} has no row", ctx.path("entities"), field="id")


def persons_are_named_in_article(ctx):
    """A person row only for someone the article names, with the role it gives them:
    the role printed beside the name (“Luke de Pulford, a British …”, “General Secretary Xi
    Jinping”) or around it (“U.S. Sens. Marco Rubio and Mark Warner, acting chairman …”). And
    no description holds a number that the article does not print where it names that entity
    (a person's, no number at all)."""
    article = ctx.article
    refused = {(f.resource, f.row, f.field) for f in ctx.findings if f.layer == "privacy"}
    for number, entity in ctx.records.numbered("entities"):
        if entity.type == "person" and article[entity.start:entity.end] != entity.name \
                and entity.name not in article:
            yield Problem("this person is not named in the article; only people the article "
                          "names may appear", ctx.path("entities"), number, "name")
            continue
        if entity.type == "person" and None not in (entity.role_start, entity.role_end) and not _beside(
                entity.start, entity.end, entity.role_start, entity.role_end):
            yield Problem("the role span is not printed beside the person's name; expected the "
                          "role the article gives them where it names them",
                          ctx.path("entities"), number, "role_start")
        reason = _unprinted_number(ctx, entity)
        if reason and (ctx.path("entities"), number, "description") not in refused:
            yield Problem(reason, ctx.path("entities"), number, "description")


def free_text_labels_no_personal_attribute(ctx):
    """No free-text cell (`models.free_text_fields`: every text column of a table but those that
    hold the article's words, so a column added to a table is read too) holds a word that
    labels a personal attribute (born, aged, ID, member no.: `vocabulary.PERSONAL_ATTRIBUTE_WORDS`),
    which the article uses of no named person. A cell a detector refused (`scan`) is not reported again."""
    refused = {(p.resource, p.row, p.field) for found in ctx.shared(scan).problems.values() for p in found}
    for resource in ctx.package.parsed_tables():
        columns = free_text_fields(resource.name, resource.schema or {})
        for number, cells in resource.table.dicts():
            for column in columns:
                if _PERSONAL_ATTRIBUTE.search(cells.get(column) or "") and (resource.path, number, column) not in refused:
                    yield Problem("the cell holds a word that labels a personal attribute (born, aged, age, "
                                  "birthday, ID, member no., …), which the article uses of no named person; "
                                  "expected none", resource.path, number, column)


def _unprinted_number(ctx, entity) -> str | None:
    """Why the entity's description may not hold the numbers it holds, if it may not."""
    if entity.type == "person":
        if any(unicodedata.numeric(char, None) is not None for char in entity.description):
            return ("a person's description holds a number (a birth year, an age or an ID would); "
                    "expected only the public role the article gives")
        return None
    numbers = numbers_in(entity.description)
    if not numbers or numbers <= set().union(*map(numbers_in, texts_naming(ctx.records, entity))):
        return None
    return ("the description holds a number that the article does not print where it names this "
            "entity (its name, and the statements that print it or are attributed to it); a birth "
            "year, an age or a member number would: expected only what the article says of it")


def _beside(start: int, end: int, role_start: int, role_end: int) -> bool:
    """Whether a role span follows the name (after “, ”), precedes it (before a space), or
    holds it."""
    return 0 <= role_start - end <= 3 or 0 <= start - role_end <= 2 or role_start <= start < end <= role_end
