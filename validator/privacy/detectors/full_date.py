"""Full calendar dates in text (a birth date is one), in every reading of the text (see
`readings`): year-month-day, day-month-year and month-day-year in digits, with any of the
separators people use (dashes, slashes, dots, underscores, semicolons, colons, tildes, plus
signs, backslashes, pipes, up to three spaces, mixed or not; not commas, which a CSV row or a
tuple in code puts between numbers) and a two-digit year after a day and a month, or first
where it can be no day (yy-mm-dd, yy over 31); eight digits that read as a date, and ISO week
and ordinal dates; a day and a month's name (or a Roman numeral month) with the year, in any
order, with or without separators between them ("1 March", "01MAR", "March 1,", "-Mar-", a
year before a day and a month), or with a two-digit year (d-Mon-yy, "Mon dd, yy"); and the
Chinese year-month-day form. A number in a number column is not read as a date written
without separators (eight digits, seven for an ordinal date): a quantity or an offset is not
a date, and those columns are checked against the article.

>>> [tuple(map(int, f.value.split("-"))) for f in find("born 1 March " "1970, 1970" "-03-01 or 1970" "-W09-7")]
[(1970, 3, 1), (1970, 3, 1), (1970, 3, 1)]
>>> find("in late December 2020, mid-2020, May 2020, offsets 3894-4185, Python 3.11.7")
[]
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from itertools import groupby

from .found import Found
from ..windows import windows

CHECK = "no_full_dates"
FINDS = ("full calendar dates, in the forms people commonly write one (digits with any separators but a comma, "
         "eight digits, ISO week and ordinal dates, a day and a month's name or a Roman numeral "
         "month with the year, the Chinese year-month-day form)")
READS = "normal"
EXPECTED = " (value withheld); personal data of any kind is not allowed, and the package dates only its events"

_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
                 "X": 10, "XI": 11, "XII": 12}
_MONTH = "(?P<m>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?(?![a-z])"
_ROMAN = "(?P<rm>" + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])"
# Between numbers: a sign with spaces around it or not (any of them, the same twice or not), or
# spaces only, both times.
_SIGNS = r"-/._;:~+\\|"  # not a comma: a CSV row or a tuple in code writes numbers so
_SEP = rf"(?:[ \n]{{0,3}}(?P<s>[{_SIGNS}])[ \n]{{0,3}}|[ \n]{{1,3}})"
_SAME_SEP = rf"(?(s)[ \n]{{0,3}}[{_SIGNS}][ \n]{{0,3}}|[ \n]{{1,3}})"
_GAP = r"[ \n./,_-]{0,3}"                      # beside a month's name: anything short, or nothing
_DAY = r"(?P<d>[0-9]{1,2})(?![0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[0-9]{4}|['\u2019][0-9]{2})(?![0-9])"
_PATTERNS = [
    rf"(?<![0-9])(?P<y>[0-9]{{4}}){_SEP}(?P<m>[0-9]{{1,2}}){_SAME_SEP}(?P<d>[0-9]{{1,2}})(?![0-9])",
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_SEP}(?P<m>[0-9]{{1,2}}){_SAME_SEP}(?P<y>[0-9]{{4}})(?![0-9])",
    r"(?<![0-9.])(?P<d>[0-3][0-9])\.(?P<m>[01][0-9])\.(?P<yy>[0-9]{2})(?![0-9]|\.[0-9])",
    r"(?<![0-9./-])(?P<d>[0-9]{1,2})(?P<s>[/-])(?P<m>[0-9]{1,2})(?P=s)(?P<yy>[0-9]{2})(?![0-9]|[/-][0-9])",
    # a two-digit year first, where it can be no day (32-99): yy-mm-dd
    r"(?<![0-9./-])(?P<yy>3[2-9]|[4-9][0-9])(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9]|[-/.][0-9])",
    # a day, a month's name and a two-digit year, with a sign between them: d-Mon-yy, dd.Mon.yy
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?P<s>[-/.])(?<![a-z]){_MONTH}(?P=s)(?P<yy>[0-9]{{2}})(?![0-9])",
    # a month's name, a day, a comma and a two-digit year: Mon dd, yy
    rf"(?<![a-z]){_MONTH}{_GAP}(?P<d>[0-9]{{1,2}}), ?(?P<yy>['\u2019]?[0-9]{{2}})(?![0-9])",
    rf"(?<![0-9]){_DAY}(?:{_GAP}of)?{_GAP}(?<![a-z]){_MONTH}{_GAP}{_YEAR}",
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?P<m>{'|'.join(name for name in _MONTH_NAMES if len(name) == 3)})"
    r"(?P<yy>[0-9]{2})(?![0-9])",
    rf"(?<![a-z]){_MONTH}(?:{_GAP}the)?{_GAP}{_DAY}{_GAP}{_YEAR}",
    rf"(?<![0-9])(?P<y>[0-9]{{4}}){_GAP}(?<![a-z]){_MONTH}{_GAP}{_DAY}",
    rf"(?<![0-9])(?P<y>[0-9]{{4}}){_GAP}{_DAY}{_GAP}(?<![a-z]){_MONTH}",
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})[ \n./-]{{1,3}}{_ROMAN}[ \n./-]{{1,3}}(?P<y>[0-9]{{4}})(?![0-9])",
    r"(?<![0-9])(?P<y>[0-9]{4})-?W(?P<w>[0-9]{2})-?(?P<wd>[1-7])(?![0-9])",
    r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})-(?P<yd>[0-3][0-9]{2})(?![0-9-])",
    r"(?P<y>[0-9]{4}) ?\u5e74 ?(?P<m>[0-9]{1,2}) ?\u6708 ?(?P<d>[0-9]{1,2}) ?[\u65e5\u53f7]",
]
# Dates written as digits alone, which a number in a number column is not read as.
_COMPACT = [r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])",
            r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})(?P<yd>[0-3][0-9]{2})(?![0-9])"]
# Each pattern above is written as it reads: it looks back, then reads its first character.
# The engine finds fast only a pattern that starts with a set of characters (not ignoring
# case), so each is compiled in the same pattern's fast form (`_fast`): its first character,
# then the look back (a property test holds the two forms to the same matches).
_MONTH_INITIALS = "ADFJMNOSadfjmnos\u017f"  # what a month's name starts with, ignoring case
_MONTH_FAST = ("(?P<m>[" + _MONTH_INITIALS + "](?i:(?<![a-z].)(?:" + "|".join(
    f"(?<={initial})(?:{'|'.join(name[1:] for name in names)})"
    for initial, names in groupby(sorted(_MONTH_NAMES, key=lambda name: (name[0], -len(name))),
                                  key=lambda name: name[0])) + ")))")
_FAST_STARTS = {
    r"(?<![0-9])(?P<y>[0-9]{4})": r"(?P<y>[0-9](?<![0-9].)[0-9]{3})",
    r"(?P<y>[0-9]{4})": r"(?P<y>[0-9][0-9]{3})",
    r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})": r"(?P<y>[12](?<![0-9].)(?:(?<=1)[89]|(?<=2)0)[0-9]{2})",
    r"(?<![0-9])(?P<d>[0-9]{1,2})": r"(?P<d>[0-9](?<![0-9].)[0-9]?)",
    r"(?<![0-9./-])(?P<d>[0-9]{1,2})": r"(?P<d>[0-9](?<![0-9./-].)[0-9]?)",
    r"(?<![0-9.])(?P<d>[0-3][0-9])": r"(?P<d>[0-3](?<![0-9.].)[0-9])",
    r"(?<![0-9./-])(?P<yy>3[2-9]|[4-9][0-9])": r"(?P<yy>[3-9](?<![0-9./-].)(?:(?<=3)[2-9]|(?<=[4-9])[0-9]))",
    r"(?<![a-z])(?P<m>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + ")": _MONTH_FAST,
}


def _fast(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` compiled to start with the set of characters its every match starts with (see
    above); ignoring case, with `flags`, only after that first set."""
    for readable, fast in _FAST_STARTS.items():
        if pattern.startswith(readable):
            rest = pattern[len(readable):]
            return re.compile(fast + (f"(?i:{rest})" if flags & re.IGNORECASE else rest), flags & ~re.IGNORECASE)
    raise ValueError(f"no fast form for {pattern[:40]!r}")


# Each pattern, and whether it reads a month's name (where no name is, it reads nothing).
_READ = [(_fast(pattern, re.IGNORECASE), re.search(r"\(\?P<m>[a-z]", pattern) is not None) for pattern in _PATTERNS]
_READ_COMPACT = [(_fast(pattern), False) for pattern in _COMPACT]
_ANY_MONTH = re.compile("|".join(name for name in _MONTH_NAMES if len(name) == 3), re.IGNORECASE)
# A month's name as a word (as `_MONTH` reads it), written so that a search tests one letter at
# most places.
_STEMS = (r"(?<![a-z])(?=[adfjmnos])(?:j(?:an|u[nl])|feb|ma[ry]|a(?:pr|ug)|sep|oct|nov|dec)(?:"
          + "|".join(sorted({name[3:] for name in _MONTH_NAMES}, key=len, reverse=True)) + r")\.?(?![a-z])")
# The pre-filter: what every full date holds within its own characters: three groups of
# digits with separators, eight digits that read as year, month and day or seven as year and
# day of the year, a week, an ordinal day, a month's name after a digit or before a day, a
# Roman numeral after a day, or the Chinese word for year. A date is looked for only around
# what it matches (`_windows`). It is written to start with the character every match starts
# with (a digit, a month's first letter or the long s that is an s ignoring case, or the word
# for year), which the engine finds fast, and then to look back at it:
#   [0-9](?:[ \n{_SIGNS}]{1,7}[0-9]{1,2}){2} | (?:1[89]|20)[0-9]{2}(?:(?:0[1-9]|1[0-2])[0-3][0-9]|[0-3][0-9]{2})(?![0-9])
#   | [0-9]-?W[0-9] | [0-9]{4}-[0-3] | [0-9][^0-9\x00]{0,16}?{_STEMS} | {_STEMS}[^0-9\x00]{0,16}?[0-9]{1,2}(?![0-9])
#   | [0-9][ \n./-]{1,3}[IVX] | \u5e74   (ignoring case)
_STEM_AFTER_ITS_FIRST_LETTER = (
    r"(?:(?<=j)(?:an|u[nl])|(?<=f)eb|(?<=m)a[ry]|(?<=a)(?:pr|ug)|(?<=s)ep|(?<=o)ct|(?<=n)ov|(?<=d)ec)(?:"
    + "|".join(sorted({name[3:] for name in _MONTH_NAMES}, key=len, reverse=True)) + r")\.?(?![a-z])")
MAY_HOLD = re.compile(
    r"[0-9ADFJMNOSadfjmnos\u017f\u5e74](?i:"
    rf"(?<=[0-9])(?:(?:[ \n{_SIGNS}]{{1,7}}[0-9]{{1,2}}){{2}}"
    r"|(?:(?<=1)[89]|(?<=2)0)[0-9]{2}(?:(?:0[1-9]|1[0-2])[0-3][0-9]|[0-3][0-9]{2})(?![0-9])"
    rf"|-?W[0-9]|[0-9]{{3}}-[0-3]|[^0-9\x00]{{0,16}}?{_STEMS}|[ \n./-]{{1,3}}[IVX])"
    rf"|(?<![a-z].){_STEM_AFTER_ITS_FIRST_LETTER}[^0-9\x00]{{0,16}}?[0-9]{{1,2}}(?![0-9])"
    r"|(?<=\u5e74))")
# Longer than any date the patterns read (a day, "of" and a month's name, a year, each gap and
# separator at its widest, is under 50 characters).
_LONGEST = 64


def find(text: str, numeric: bool = False) -> list[Found]:
    """Every full calendar date in one reading; with `numeric` (a number in a number
    column), none written as digits alone. The value is the date in ISO 8601."""
    patterns = _READ if numeric else _READ + _READ_COMPACT
    found = []
    for start, end in _windows(text):
        named = _ANY_MONTH.search(text, start, end + _LONGEST) is not None
        for pattern, naming in patterns:
            if naming and not named:  # the pattern reads a month's name, and there is none
                continue
            for match in pattern.finditer(text, start, end + _LONGEST):
                if match.start() >= end:
                    break
                value = _calendar_date(match)
                if value is not None:
                    found.append(Found(match.start(), match.end(), value.isoformat(), "a full calendar date"))
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Where in a reading a date may start: around each match of `MAY_HOLD`, which every
    date holds within its own characters, by more than the longest date a pattern reads
    (`_LONGEST`). A search started at a window's start still sees the characters before it,
    and one stopped `_LONGEST` after its end reads whole every date that starts in it."""
    return windows([match.span() for match in MAY_HOLD.finditer(text)], len(text), _LONGEST)


def _calendar_date(match: re.Match) -> date | None:
    groups = match.groupdict()
    try:
        year = _year(groups)
        if groups.get("w"):
            value = date.fromisocalendar(year, int(groups["w"]), int(groups["wd"]))
        elif groups.get("yd"):
            value = date(year, 1, 1) + timedelta(days=int(groups["yd"]) - 1)
            if value.year != year or int(groups["yd"]) < 1:
                return None
        else:
            month = groups.get("m") or ""
            if groups.get("rm"):
                month = _ROMAN_MONTHS[groups["rm"].upper()]
            elif month.isdigit():
                month = int(month)
            else:
                month = _MONTH_NAMES.get(month.lower().rstrip("."))
            day_first = (groups.get("m") or "").isdigit() and match.start("d") < match.start("m")
            value = _day_and_month(year, month, int(groups["d"]), day_first)
    except (TypeError, ValueError, KeyError):
        return None
    return value if value is not None and 1000 <= value.year <= 2999 else None


def _year(groups: dict) -> int:
    """The year: four digits, or two (after an apostrophe, or alone in a short form) read as
    1931-2030."""
    written = (groups.get("y") or groups.get("yy") or "").lstrip("'\u2019")
    if len(written) == 4:
        return int(written)
    return 1900 + int(written) if int(written) > 30 else 2000 + int(written)


def _day_and_month(year: int, month: int, day: int, day_first: bool) -> date | None:
    """The date; where a day-first date in numbers does not read, the month first (12/31)."""
    try:
        return date(year, month, day)
    except (TypeError, ValueError):
        if not day_first:
            return None
    try:
        return date(year, day, month)
    except ValueError:
        return None
