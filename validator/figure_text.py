"""Numbers as the article prints them: finding every quantity word, and reading a figure's text.

>>> parse_figure("an estimated 92 million")
ParsedFigure(qualifier='estimated', value=Decimal('92000000'), percent=False)
>>> parse_figure("about 6.5%")
ParsedFigure(qualifier='about', value=Decimal('6.5'), percent=True)
>>> parse_figure("At least two")
ParsedFigure(qualifier='at_least', value=Decimal('2'), percent=False)
>>> [m.group() for m in quantity_words("the first time, in mid-2020, about 79,000")]
['first', '2020', '79,000']
>>> text = "with nearly 2 million party members"
>>> text[slice(*expression_around(text, text.index("2"), text.index("2") + 1))]
'nearly 2 million'
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from . import expressions
from .disclosure import shown
from .vocabulary import FOLLOWERS

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
CARDINALS = {word: n for n, word in enumerate(UNITS)} | TENS
SCALES = {"hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "hundredth", "thousandth", "millionth"]
# Words that state a quantity without a number: each needs a figure or a declared exclusion.
MULTIPLES_AND_FRACTIONS = ["half", "halves", "quarter", "quarters", "dozen", "dozens", "once",
                           "twice", "thrice", "double", "triple", "single"]
VAGUE_QUANTITIES = ["several", "multiple", "majority", "minority", "numerous", "many", "few",
                    "hundreds", "thousands", "millions", "billions"]

# Printed hedges and the qualifier each one means; no hedge means `exact`.
HEDGES = {
    "nearly": "nearly",
    "almost": "almost",
    "about": "about",
    "at least": "at_least",
    "an estimated": "estimated",
    "estimated": "estimated",
}

# Hedges the qualifier vocabulary has no value for: a figure printed with one is refused, and
# one printed just outside a figure's span is reported, rather than read as `exact`.
UNSUPPORTED_HEDGES = ["more than", "over", "fewer than", "less than", "under", "up to",
                      "around", "roughly", "approximately", "some", "almost exactly", "about half"]

_DIGITS = r"[0-9]+(?:[.,][0-9]+)*"
_QUANTITY_WORDS = (list(CARDINALS) + list(SCALES) + ORDINALS + MULTIPLES_AND_FRACTIONS
                   + VAGUE_QUANTITIES)
# Digit runs and whole words; quantity_words keeps the words in _QUANTITY_WORD_SET. (One regex
# alternation of all the words is several times slower on a long text.)
_TOKEN = re.compile(rf"{_DIGITS}|\b[A-Za-z]+\b")
_QUANTITY_WORD_SET = frozenset(_QUANTITY_WORDS)
_NUMBER_WORD = rf"(?:{'|'.join(TENS)})(?:-(?:{'|'.join(UNITS[1:10])}))?|{'|'.join(UNITS)}"
_ANY_HEDGE = "|".join(sorted(list(HEDGES) + UNSUPPORTED_HEDGES, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:(?P<hedge>{_ANY_HEDGE})\s+)?"
    rf"(?P<number>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|{_NUMBER_WORD})"
    rf"(?:\s+(?P<scale>{'|'.join(SCALES)}))?"
    rf"\s*(?P<percent>%|percent|per cent)?",
    re.IGNORECASE | re.ASCII,  # ASCII: “ſ” or “K” must not read as s or k
)
# The same expression as printed in a longer text: whole words only (the last alternative that
# fits, so “seventeen” is not read as “seven”), and no whitespace kept after it.
_FIGURE_PRINTED = re.compile(rf"(?<![\w.,]){_FIGURE.pattern}(?!\w)", re.IGNORECASE | re.ASCII)
_HEDGE_BEFORE = re.compile(rf"\b(?:{_ANY_HEDGE})\s+$", re.IGNORECASE | re.ASCII)


class ParsedFigure(NamedTuple):
    qualifier: str
    value: Decimal
    percent: bool


class FigureTextError(ValueError):
    """The text is not a figure expression this module can read."""


@lru_cache(maxsize=256)  # the article, and the cells read again for each check that reads them
def quantity_words(text: str) -> tuple[re.Match, ...]:
    """Every run of digits and every number, ordinal, multiple or vague-quantity word in `text`."""
    return tuple(m for m in _TOKEN.finditer(text)
                 if "0" <= m.group()[0] <= "9" or m.group().lower() in _QUANTITY_WORD_SET)


@lru_cache(maxsize=1024)
def numbers_in(text: str) -> frozenset[str]:
    """Every number `text` prints: each run of numeric characters (digits of any script, Roman
    numerals, fractions) and each number word (not the vague quantities).

    >>> sorted(numbers_in("founded in mid-2020; one of 92 million"))
    ['2020', '92', 'million', 'one']
    """
    runs = "".join(c if unicodedata.numeric(c, None) is not None else " " for c in text).split()
    return frozenset(runs) | {m.group().lower() for m in quantity_words(text)
                              if m.group().isalpha() and m.group().lower() not in VAGUE_QUANTITIES}


def parse_figure(text: str) -> ParsedFigure:
    """Read a figure as printed: optional hedge, number in digits or words, scale word, percent."""
    match = _FIGURE.fullmatch(text)
    if match is None:
        raise FigureTextError(
            f"cannot read it as [hedge] number [scale] [%]: hedges are "
            f"{', '.join(HEDGES)}; scales are {', '.join(SCALES)}")
    if match["hedge"] and match["hedge"].lower() not in HEDGES:
        raise FigureTextError(f"the hedge {shown(match['hedge'])} has no qualifier in the vocabulary "
                              f"({', '.join(sorted(set(HEDGES.values())))}, or exact)")
    value = _number_value(match["number"])
    if match["scale"]:
        value *= SCALES[match["scale"].lower()]
    qualifier = HEDGES[match["hedge"].lower()] if match["hedge"] else "exact"
    return ParsedFigure(qualifier, value, bool(match["percent"]))


def hedge_before(article: str, start: int) -> str | None:
    """The hedge word printed just before `start`, if any (a hedge left outside a figure's span)."""
    match = _HEDGE_BEFORE.search(article, max(0, start - 30), start)
    return match.group().strip() if match else None


def expression_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the whole figure expression printed in `text` (hedge, number, scale word,
    percent: what `parse_figure` reads, and the hedges it refuses) that holds text[start:end],
    or None where no figure expression holds it (`expressions.around`)."""
    return expressions.around(_FIGURE_PRINTED, text, start, end)


def _number_value(number: str) -> Decimal:
    word = number.lower()
    if word in CARDINALS:
        return Decimal(CARDINALS[word])
    if "-" in word:
        tens, unit = word.split("-")
        return Decimal(TENS[tens] + CARDINALS[unit])
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the regex admits only digits here
        raise FigureTextError("cannot read the number") from error


_NEXT_WORDS = re.compile(r"[A-Za-z]+|\S")
# Function words a unit never ends with (“companies_or” is cut short).
UNIT_CANNOT_END = {"or", "and", "of", "the", "a", "an", "to", "for", "in"}


def words_after(text: str, position: int, end: int | None = None) -> list[str]:
    """The words and punctuation marks printed from `position` (up to `end`, at most 200
    characters), past an “of” or “of the” that links a number to its noun."""
    words = _NEXT_WORDS.findall(text, position, min(position + 200, len(text) if end is None else end))
    if words[:1] == ["of"]:
        words = words[2:] if words[1:2] == ["the"] else words[1:]
    return words


def whole_noun(text: str, position: int, end: int | None = None) -> tuple[str, str | None]:
    """The whole noun printed after a figure that ends at `position`, as a unit is written,
    and what ends it: punctuation, a word no noun holds (`vocabulary.FOLLOWERS`: “party
    members embedded in”), or None at `end`.

    >>> whole_noun("almost 300 companies or affiliates, with", 10)
    ('companies_or_affiliates', ',')
    """
    words = words_after(text, position, end)
    taken = next((i for i, word in enumerate(words) if not word.isalpha() or word.lower() in FOLLOWERS),
                 len(words))
    return "_".join(word.lower() for word in words[:taken]), (words[taken] if taken < len(words) else None)


def noun_after(text: str, position: int, count: int) -> str | None:
    """The `count` words printed right after `position` (past an “of” or “of the”), lowercase
    and joined by "_", as a figure's unit is written; None where punctuation comes first.

    >>> noun_after("At least two of the pharmaceutical firms have", 12, 2)
    'pharmaceutical_firms'
    """
    taken = words_after(text, position)[:count]
    if len(taken) < count or not all(word.isalpha() for word in taken):
        return None
    return "_".join(word.lower() for word in taken)


def printed_with_a_unit(text: str, start: int, end: int, units: set[str]) -> str | None:
    """What makes the number at text[start:end] a figure rather than a word to exclude: digits,
    a hedge before it, a scale word or percent after it, or one of `units` (figures' units)
    printed after it. None when there is none of these."""
    if any("0" <= ch <= "9" for ch in text[start:end]):
        return "it is written in digits"
    if text[start:end].lower() in SCALES and re.search(r"[0-9A-Za-z]\s+$", text[max(0, start - 20):start]):
        return "it scales the number printed before it"
    hedge = hedge_before(text, start)
    if hedge:
        return f"the hedge {hedge!r} is printed before it"
    after = re.match(rf"\s*(%|percent\b|per cent\b|(?:{'|'.join(SCALES)})\b)", text[end:end + 20], re.I | re.A)
    if after:
        return f"{after.group(1)!r} is printed after it"
    for unit in units:
        if noun_after(text, end, len(unit.split("_"))) == unit:
            return f"the unit {unit} is printed after it"
    return None


def unit_problem(text: str, end: int, unit: str, stop: int | None = None) -> str | None:
    """Why `unit` is not the whole noun printed after the figure that ends at `end` (the noun
    read up to `stop`, its statement's end), or None where it is: its words are the words
    printed there, and all of them (`whole_noun`); it neither starts with a scale word (which
    belongs to the value) nor ends with a function word or an acronym (“CCP” in “CCP
    branches”).

    >>> from validator.disclosure import public_article
    >>> with public_article("almost 300 companies or affiliates, with"):
    ...     unit_problem("almost 300 companies or affiliates, with", 10, "companies")[:30]
    "unit 'companies' is not the wh"
    """
    words = unit.split("_")
    printed = noun_after(text, end, len(words))
    whole, after = whole_noun(text, end, stop)
    if printed != unit:
        return f"unit {shown(unit)} is not the noun printed after the figure, which reads {printed or 'as no noun'}"
    if whole != unit:
        return (f"unit {shown(unit)} is not the whole noun printed after the figure, which ends "
                f"{f'before {after!r}' if after else 'with the statement'} (at punctuation, the "
                f"statement's end or a verb or function word); expected {whole}")
    if words[0] in SCALES or words[-1] in UNIT_CANNOT_END or printed_in_capitals(text, end, len(words)):
        return (f"unit {shown(unit)} is not the whole noun: a unit neither starts with a scale word (it "
                "belongs to the value), nor ends with a function word or an acronym (“CCP” in “CCP "
                "branches”)")
    return None


def printed_in_capitals(text: str, end: int, count: int) -> bool:
    """Whether the last of the `count` words after `end` is printed in capitals (an acronym:
    “CCP” in “79,000 CCP branches”)."""
    words = re.findall(r"[A-Za-z]+", text[end:end + 200])
    if words[:1] == ["of"]:
        words = words[2:] if words[1:2] == ["the"] else words[1:]
    last = words[count - 1] if len(words) >= count else ""
    return len(last) > 1 and last.isupper()
