"""What an entity row may say beyond its span, read against the article's words for the
faithfulness layer's checks: a named kind is a name printed as a name, and a person's
description holds only words the article prints of that person.

>>> sorted(content_words("U.S. senator; also a co-chairman of the People’s Congress, born 1954."))
['also', 'born', 'co-chairman', 'congress', 'people', 's', 'senator', 'u']
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from . import spans
from .disclosure import shown_id
from .findings import snippet
from .mentions import forms, names, occurrences, outside_quotations
from .vocabulary import FUNCTION_WORDS, NAME_LINKS, PERSONAL_ATTRIBUTE_WORDS, TITLE_ABBREVIATIONS

# The kinds that are names: a group or body the article describes in common nouns is an
# unnamed_group.
NAMED_KINDS = ("organization", "news_outlet", "government_body", "state")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# The privacy layer's words (persons_are_named_in_article refuses them in any description).
_PRIVACY_WORDS = frozenset(w for w in PERSONAL_ATTRIBUTE_WORDS if " " not in w)


def names_printed_as_common_nouns(article: str, records):
    """(row number, message) for each organization, news outlet, government body or state
    whose name the article prints in common nouns: a word in lower case that does not join the
    name's parts (`vocabulary.NAME_LINKS`)."""
    for number, row in records.numbered("entities"):
        if row.type not in NAMED_KINDS or article[row.start:row.end] != row.name:
            continue  # not a named kind, or a span spans_match_article reports
        common = [word for word in row.name.split() if word.lower() not in NAME_LINKS
                  and not next((c for c in word if c.isalpha()), "A").isupper()]  # a number is no lower case
        if common:
            yield number, (f"{shown_id(row.id)} is of type {row.type}, but the article prints {snippet(row.name)!r} "
                           f"({row.start}-{row.end}) as common nouns, not as a name "
                           f"({', '.join(repr(w) for w in common)} in lower case); expected type unnamed_group")


def content_words(text: str) -> frozenset[str]:
    """The words of `text` that say something: lower case, without a possessive “’s”, neither a
    function word nor a number (a numeral of any script)."""
    words = {word[:-2] if word.endswith(("’s", "'s")) else word for word in _WORD.findall(text.lower())}
    return frozenset(word for word in words if word not in FUNCTION_WORDS and not any(map(str.isnumeric, word)))


@functools.lru_cache(maxsize=4096)
def _description_words(description: str) -> frozenset[str]:
    """`content_words` of a description, once per description: in a large table, many persons
    share one (the texts `printed_of` reads are each a person's own, and not kept)."""
    return content_words(description)


def statements_about(article: str, statements: list, starts: list[int], person) -> list[str]:
    """The words outside quotations of each statement (of `statements`, in the order of their
    `starts`) that names the person (`mentions.names`: name or surname), looked for only where
    the article prints one of those (`spans.places_of`)."""
    found = {}
    for at in (at for form in forms(person) for at in spans.places_of(article, form)):
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < statements[i].end and statements[i].id not in found:
            words = outside_quotations(statements[i].text)
            if names(person, words):
                found[statements[i].id] = words
    return list(found.values())


def printed_of(person, texts: list[str]) -> set[str]:
    """Every word the article prints of a person: in their role span and in `texts` (the
    statements that name them, outside quotations); with the words an abbreviation printed
    there stands for (“Sens.”: senator, senators)."""
    text = "\n".join([person.role_text or "", *texts])
    printed = set(content_words(text))
    for abbreviation, meaning in TITLE_ABBREVIATIONS.items():
        if abbreviation in text and next(occurrences(abbreviation, text), None):
            printed.update(meaning)
    return printed


def _is_printed(word: str, printed: set[str]) -> bool:
    """Whether `word` is printed, in the singular or the plural."""
    return word in printed or word + "s" in printed or (word.endswith("s") and word[:-1] in printed)


def words_added_to_persons(article: str, records):
    """(row number, message) for each person whose description holds a word the article does
    not print of them (`printed_of`), but function words, numbers and the words that label a
    personal attribute (the privacy layer refuses those): the message counts them."""
    statements = sorted(records.of("statements"), key=lambda statement: statement.start)
    starts = [statement.start for statement in statements]
    for number, person in records.numbered("entities"):
        if person.type != "person" or person.role_start is None or person.role_end is None or \
                article[person.start:person.end] != person.name or \
                article[person.role_start:person.role_end] != person.role_text:
            continue  # the rows, faithfulness and privacy layers report it
        printed = printed_of(person, statements_about(article, statements, starts, person))
        added = {w for w in _description_words(person.description) - _PRIVACY_WORDS if not _is_printed(w, printed)}
        if added:
            yield number, (f"the description holds {len(added)} word(s) that the article does not print of "
                           f"this person (in their role span {person.role_start}-{person.role_end} or, outside "
                           "quotations, in a statement that names them); expected only the public role the "
                           "article gives them, and any remark on the data in note")
