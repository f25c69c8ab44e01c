"""Time expressions as the article prints them, and the dates they denote.

Conventions (also in schema/events.json): a year is the whole year, a month the whole
month; early/mid/late of a month are days 1-10, 11-20, 21-end; early/mid/late of a year
are January-April, May-August, September-December.

>>> interpret("late December 2020")
Interpretation(date_from=datetime.date(2020, 12, 21), date_to=datetime.date(2020, 12, 31), needs_context=False, whole=None)
>>> interpret("mid-2020")
Interpretation(date_from=datetime.date(2020, 5, 1), date_to=datetime.date(2020, 8, 31), needs_context=False, whole=None)
>>> interpret("mid-December").needs_context
True
>>> [m.group() for m in time_words("In May 2020, they subsequently met; that month it may rain.")]
['May', 'subsequently', 'that month']
>>> text = "told Nikkei Asia in late December 2020."
>>> text[slice(*expression_around(text, text.index("December"), text.index("December") + 8))]
'late December 2020'
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple

from . import expressions

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# The year used to read an expression that prints no year; only its month and days are compared.
_ANY_YEAR = 2000

_MONTH = "|".join(MONTHS)
_PART = "|".join(PART_OF_MONTH)
_PATTERNS = [
    ("year", re.compile(r"(?P<year>[0-9]{4})")),
    ("month", re.compile(rf"(?P<month>{_MONTH})(?: (?P<year>[0-9]{{4}}))?", re.I | re.A)),
    ("part_of_month", re.compile(rf"(?P<part>{_PART})[- ](?P<month>{_MONTH})(?: (?P<year>[0-9]{{4}}))?", re.I | re.A)),
    ("part_of_year", re.compile(rf"(?P<part>{_PART})[- ](?P<year>[0-9]{{4}})", re.I | re.A)),
    ("that_month", re.compile(r"that month", re.I | re.A)),
    ("that_year", re.compile(r"that year", re.I | re.A)),
]


# Words that place something in time without a date; each needs an event or a declared exclusion.
RELATIVE_TIME_WORDS = ["subsequently", "currently", "now", "recently", "later", "earlier",
                       "previously", "formerly", "today", "yesterday", "tomorrow", "ago",
                       "always", "soon", "meanwhile", "nowadays", "lately"]
_TIME_WORD = re.compile(
    rf"\b(?:{'|'.join(name.capitalize() for name in MONTHS)})\b"   # month names, capitalised
    rf"|\b(?i:(?:that|this|last|next) (?:month|year|week))\b"      # (so "may" stays a verb)
    rf"|\b(?i:{'|'.join(RELATIVE_TIME_WORDS)})\b", re.ASCII)


# Time expressions as printed, for finding the whole one around a word: every form `interpret`
# reads, with the words around it that it cannot date (“the end of”, a day of the month, “that
# year” after a month), so that no modifier is left outside a span unseen. A modifier before
# (early, mid, late, end, beginning, start or middle of), then a month (capitalised, so “may”
# stays a verb) with its day and its year or “that year”, a day and month (“21st of May”), a
# year, or “that month”-like words; whole words only.
_MONTH_NAME = "|".join(name.capitalize() for name in MONTHS)
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_MODIFIER = rf"(?:(?i:{_PART})[- ]|(?i:end|beginning|start|middle) of (?:the )?)"
_THAT = r"(?i:that|this|last|next)"
_YEAR_AFTER = rf"(?:,? [0-9]{{4}}| (?i:of )?{_THAT} year)"  # “May 2020”, “May that year”
_PRINTED = re.compile(
    rf"(?<![\w.,]){_MODIFIER}?(?:(?:{_MONTH_NAME})(?: {_DAY}(?![\w]))?{_YEAR_AFTER}?"
    rf"|{_DAY} (?:of )?(?:{_MONTH_NAME}){_YEAR_AFTER}?|[0-9]{{4}}"
    rf"|{_THAT} (?i:month|year|week))(?!\w)", re.ASCII)


def expression_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the whole time expression printed in `text` that holds text[start:end],
    with every modifier printed before or after it, or None where none holds it
    (`expressions.around`)."""
    return expressions.around(_PRINTED, text, start, end)


def time_words(text: str):
    """Every month name, "that month"-like phrase and relative time word in `text`.
    Years are digits, which the number scan finds."""
    return _TIME_WORD.finditer(text)


class Interpretation(NamedTuple):
    """What the printed words fix. Where `needs_context` is true, the year comes from
    context and only month and days are fixed; for "that month" / "that year" (`date_from`
    None) only the shape is fixed: a whole month, a whole year."""
    date_from: date | None
    date_to: date | None
    needs_context: bool
    whole: str | None = None


class TimeExpressionError(ValueError):
    """The text is not a time expression this module can read."""


def interpret(text: str) -> Interpretation:
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return _READERS[kind](match)
            except ValueError as error:  # year 0, say: no calendar date
                raise TimeExpressionError(f"it names no calendar date: {error}") from error
    raise TimeExpressionError(
        "cannot read it as a time expression (a year, a month with or without its year, "
        "early/mid/late of a month or a year, “that month”, “that year”)")


def agrees(expected: Interpretation, date_from: date, date_to: date) -> bool:
    """Whether the dates are what the printed words denote (for context-dependent words,
    in the parts the words fix)."""
    if expected.whole == "month":
        return _spans_whole_month(date_from, date_to)
    if expected.whole == "year":
        return date_from == date(date_from.year, 1, 1) and date_to == date(date_from.year, 12, 31)
    if not expected.needs_context:
        return (date_from, date_to) == (expected.date_from, expected.date_to)
    same_year = date_from.year == date_to.year
    return same_year and ((date_from.month, date_from.day), (date_to.month, date_to.day)) == (
        (expected.date_from.month, expected.date_from.day),
        (expected.date_to.month, _last_day_for(expected.date_to, date_to.year)))


def describe(expected: Interpretation) -> str:
    """The dates the printed words fix, as a finding says what it expected."""
    if expected.whole:
        return f"a whole {expected.whole}"
    if expected.needs_context:
        return f"{expected.date_from:%m-%d} to {expected.date_to:%m-%d} of one year (the year from context)"
    return f"{expected.date_from} to {expected.date_to}"


def _spans_whole_month(date_from: date, date_to: date) -> bool:
    return (date_from.year, date_from.month, date_from.day) == (date_to.year, date_to.month, 1) \
        and date_to.day == calendar.monthrange(date_to.year, date_to.month)[1]


def _last_day_for(expected_to: date, year: int) -> int:
    # Late February ends on the 28th or the 29th depending on the real year.
    last = calendar.monthrange(_ANY_YEAR, expected_to.month)[1]
    if expected_to.day == last:
        return calendar.monthrange(year, expected_to.month)[1]
    return expected_to.day


def _year(match) -> tuple[int, bool]:
    if match["year"]:
        return int(match["year"]), False
    return _ANY_YEAR, True


def _read_year(match) -> Interpretation:
    year = int(match["year"])
    return Interpretation(date(year, 1, 1), date(year, 12, 31), False)


def _read_month(match) -> Interpretation:
    year, needs_context = _year(match)
    month = MONTHS[match["month"].lower()]
    last = calendar.monthrange(year, month)[1]
    return Interpretation(date(year, month, 1), date(year, month, last), needs_context)


def _read_part_of_month(match) -> Interpretation:
    year, needs_context = _year(match)
    month = MONTHS[match["month"].lower()]
    first, last = PART_OF_MONTH[match["part"].lower()]
    last = last or calendar.monthrange(year, month)[1]
    return Interpretation(date(year, month, first), date(year, month, last), needs_context)


def _read_part_of_year(match) -> Interpretation:
    year = int(match["year"])
    first, last = PART_OF_YEAR[match["part"].lower()]
    return Interpretation(date(year, first, 1),
                          date(year, last, calendar.monthrange(year, last)[1]), False)


def _read_that_month(match) -> Interpretation:
    return Interpretation(None, None, True, "month")


def _read_that_year(match) -> Interpretation:
    return Interpretation(None, None, True, "year")


_READERS = {
    "year": _read_year,
    "month": _read_month,
    "part_of_month": _read_part_of_month,
    "part_of_year": _read_part_of_year,
    "that_month": _read_that_month,
    "that_year": _read_that_year,
}


# ---- event rows fixed by context -------------------------------------------------------------

def nearest_before(row, events, unit: str):
    """The event printed last before `row` whose dates lie within one month (or year)."""
    within = [e for e in events if e.start < row.start and (
        e.date_from.year == e.date_to.year if unit == "year"
        else (e.date_from.year, e.date_from.month) == (e.date_to.year, e.date_to.month))]
    return max(within, key=lambda e: e.start, default=None)


def same_period(row, other, unit: str) -> bool:
    """Whether both event rows lie within the same one month (or year)."""
    if unit == "year":
        return other.date_from.year == other.date_to.year == row.date_from.year == row.date_to.year
    period = (other.date_from.year, other.date_from.month)
    return (other.date_to.year, other.date_to.month) == period == (
        row.date_from.year, row.date_from.month) == (row.date_to.year, row.date_to.month)
