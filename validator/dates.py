"""Full calendar dates in text (a birth date is one), in every reading of the text (see
`readings`): year-month-day, day-month-year and month-day-year in digits (a two-digit year
with dots or slashes too), eight digits that read as a date, ISO week and ordinal dates, and
a day and a month's name with the year, in any order.

>>> born = "born 1 March " "1970, 1970" "-03-01 or 1970" "-W09-7"
>>> [(value.year, value.month, value.day) for value, _ in date_values_in(born)]
[(1970, 3, 1), (1970, 3, 1), (1970, 3, 1)]
>>> date_values_in("in late December 2020, mid-2020, May 2020, offsets 3894-4185, Python 3.11.7")
[]
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .readings import BIDI_CONTROLS, ENCODED, normalise, readings

_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_SEP = r" ?[-/.] ?"
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_PATTERNS = [
    re.compile(rf"(?<![0-9])(?P<y>[0-9]{{4}}){_SEP}(?P<m>[0-9]{{1,2}}){_SEP}(?P<d>[0-9]{{1,2}})(?![0-9])"),
    re.compile(rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_SEP}(?P<m>[0-9]{{1,2}}){_SEP}{_YEAR}"),
    re.compile(r"(?<![0-9.])(?P<d>[0-3][0-9])[./](?P<m>[01][0-9])[./](?P<yy>[0-9]{2})(?![0-9]|\.[0-9])"),
    re.compile(r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])"),
    re.compile(rf"(?<![0-9]){_DAY}(?: of)?[ ./-](?P<m>{_MONTH})\.?,?[ ./-]{_YEAR}", re.I | re.A),
    re.compile(rf"\b(?P<m>{_MONTH})\.?(?: the)? {_DAY},? {_YEAR}", re.I | re.A),
    re.compile(rf"(?<![0-9])(?P<y>[0-9]{{4}}),? (?P<m>{_MONTH})\.? {_DAY}(?![0-9])", re.I | re.A),
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-?W(?P<w>[0-9]{2})-?(?P<wd>[1-7])(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})-(?P<yd>[0-3][0-9]{2})(?![0-9-])"),
    re.compile(r"(?P<y>[0-9]{4}) ?\u5e74 ?(?P<m>[0-9]{1,2}) ?\u6708 ?(?P<d>[0-9]{1,2}) ?[\u65e5\u53f7]"),
]
# What every full date needs, tested first (it may say yes wrongly, never no wrongly): a digit
# followed by two more groups of digits, by seven more digits, by a month-like word, by a
# year after a comma, by a week; a month-like word before a day; the Chinese word for year;
# or a sign that another reading of the text is worth making.
_CANDIDATE = re.compile(r"[0-9](?: ?[-/.] ?[0-9]{1,2} ?[-/.] ?[0-9]|[0-9]{7}|-?W[0-9]|-[0-3][0-9]{2}"
                        r"|(?:st|nd|rd|th)?\.?(?: of)?[ ./-](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                        r"|,? [0-9]{4}|,? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
                        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: the)? [0-9]"
                        rf"|\u5e74|{ENCODED.pattern}", re.IGNORECASE)


def may_hold_date(text: str) -> bool:
    """Cheap pre-filter for `date_values_in`, like `identifiers.may_hold_identifier`."""
    return _CANDIDATE.search(normalise(text)) is not None


def date_values_in(text: str) -> list[tuple[date, int]]:
    """(the date, position) for every full calendar date in `text`."""
    if not may_hold_date(text):
        return []
    normal = normalise(text)
    if not any(_calendar_date(m) for pattern in _PATTERNS for m in pattern.finditer(normal)) \
            and not any(char in BIDI_CONTROLS for char in text) and ENCODED.search(text) is None:
        return []  # the common case: no date, so no positions to work out
    found: dict[tuple[int, int], date] = {}
    for reading, origin in readings(text):
        for pattern in _PATTERNS:
            for match in pattern.finditer(reading):
                value = _calendar_date(match)
                if value is not None:
                    ends = origin[match.start()], origin[match.end() - 1]
                    found.setdefault((min(ends), max(ends) + 1), value)
    spans = sorted(found)  # the outermost of overlapping matches
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [(found[s], s[0]) for s in kept]


def _calendar_date(match: re.Match) -> date | None:
    groups = match.groupdict()
    try:
        year = int(groups["y"]) if groups.get("y") else 1900 + int(groups["yy"]) if int(groups["yy"]) > 30 \
            else 2000 + int(groups["yy"])
        if groups.get("w"):
            value = date.fromisocalendar(year, int(groups["w"]), int(groups["wd"]))
        elif groups.get("yd"):
            value = date(year, 1, 1) + timedelta(days=int(groups["yd"]) - 1)
            if value.year != year or int(groups["yd"]) < 1:
                return None
        else:
            month = groups["m"]
            month = int(month) if month.isdigit() else _MONTH_NAMES.get(month.lower().rstrip("."))
            value = date(year, month, int(groups["d"]))
    except (TypeError, ValueError, KeyError):
        return None
    return value if 1000 <= value.year <= 2999 else None
