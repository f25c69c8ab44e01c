"""Identifier-like text: PRC resident ID numbers, e-mail addresses, phone numbers, and full
calendar dates (a birth date is one).

One place for the detectors: the privacy layer looks for them, and every finding's message
is redacted with them, so no finding ever echoes a detected identifier. Text is normalised
first (`normalise`): NFKC (full-width digits and ＠ count), digits of every script read as
0-9, format characters (zero-width spaces, soft hyphens, bidirectional controls) dropped,
every space, line break and dash read as a separator, and "[at]" / "(dot)" read as @ and .;
a number may then have up to three separators between any two of its digits. Text that
holds a bidirectional control is also read backwards, as a reversed run would display.

The examples build identifiers from pieces, so that no file of the package holds one:

>>> ID = "999999" "19700101" "0017"
>>> [kind for kind, _ in identifiers_in("ID " + ID)]
['an 18-character PRC resident ID number (checksum valid)']
>>> [kind for kind, _ in identifiers_in("call (010) 1234" " 5678 or mail zhang " "[at]" " example [dot] com")]
['a phone number', 'an e-mail address']
>>> redact("values " + ID.replace("1970", "1\\u200b970") + " not found")
'values [withheld] not found'
>>> [kind for kind, _ in dates_in("born on 1 March 1970, or 1970-03-01")]
['a full calendar date', 'a full calendar date']
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime

# Format characters that reorder how text displays (the package refuses them anywhere).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_DASHES = "\u2212\u2796\ufe63\uff0d"       # minus signs that are not category Pd
_DOTS = "\u00b7\u2022\u2027\u30fb\uff65"   # middle dots used between groups of digits


class _Normaliser(dict):
    """`str.translate` table, filled as characters are met: one character to what the
    detectors read."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf":
            out = ""
        elif category == "Nd":
            out = str(unicodedata.decimal(char))
        elif category in ("Zs", "Zl", "Zp", "Cc") or char in "\t\n\r\x0b\x0c\x85":
            out = " " if char not in "\x00" else char
        elif category == "Pd" or char in _DASHES:
            out = "-"
        elif char in _DOTS:
            out = "."
        else:
            out = unicodedata.normalize("NFKC", char)
            if out != char:
                out = out.translate(self)
        self[code] = out
        return out


_TABLE = _Normaliser({code: chr(code) for code in range(128) if chr(code) not in "\t\n\r\x0b\x0c"})

# A number as people write it: digits, with separators between them, optionally "+"-prefixed
# and, for an ID number, ending in the check character X.
_SEPARATOR = r"[ ().\-/]"
_NUMBER = re.compile(rf"(?<![0-9])(\+)?\(?[0-9](?:[0-9]|{_SEPARATOR}{{1,3}}(?=[0-9]))*"
                     r"(?:[Xx](?![A-Za-z]))?")
_BRACKETED = re.compile(r" ?[\[({<\u3010\u3014\u3008\u300a] ?(at|dot) ?[\])}>\u3011\u3015\u3009\u300b] ?",
                        re.IGNORECASE)
# What every identifier needs: an at sign (or a bracketed "at"), ten digits in one number
# (eight after "+"), or a date's digits.
_CANDIDATE = re.compile(rf"@|[\[({{<\u3010\u3014\u3008\u300a] ?at ?[\])}}>\u3011\u3015\u3009\u300b]|\+\(?[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{7}}"
                        rf"|[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{9}}", re.IGNORECASE)
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}"
                   r"(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])")
_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]

# Full calendar dates: year-month-day, day-month-year, month-day-year in digits; day and
# month name with the year; eight digits that read as a date.
_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DATE_SEP = r" ?[-/.] ?"
_DATES = [
    ("ymd", re.compile(rf"(?<![0-9])(?P<y>[0-9]{{4}}){_DATE_SEP}(?P<m>[0-9]{{1,2}}){_DATE_SEP}(?P<d>[0-9]{{1,2}})(?![0-9])")),
    ("dmy", re.compile(rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_DATE_SEP}(?P<m>[0-9]{{1,2}}){_DATE_SEP}(?P<y>[0-9]{{4}})(?![0-9])")),
    ("compact", re.compile(r"(?<![0-9])(?P<y>(?:1[89]|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])")),
    ("day_name", re.compile(rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m>{_MONTH})\.?,? (?P<y>[0-9]{{4}})(?![0-9])", re.I)),
    ("name_day", re.compile(rf"\b(?P<m>{_MONTH})\.? (?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,? (?P<y>[0-9]{{4}})(?![0-9])", re.I)),
    ("han", re.compile(r"(?P<y>[0-9]{4}) ?\u5e74 ?(?P<m>[0-9]{1,2}) ?\u6708 ?(?P<d>[0-9]{1,2}) ?[\u65e5\u53f7]")),
]
# What every full date needs, tested first (it may say yes wrongly, never no wrongly): a digit
# followed by two more groups of digits, by seven more digits, by a month-like word, or by a
# year after a comma; or the Chinese word for year.
_DATE_CANDIDATE = re.compile(r"[0-9](?: ?[-/.] ?[0-9]{1,2} ?[-/.] ?[0-9]|[0-9]{7}"
                             r"|(?:st|nd|rd|th)?\.? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                             r"|,? [0-9]{4})|\u5e74", re.IGNORECASE)


_ASCII_BREAKS = "\t\n\r\x0b\x0c"  # read as spaces; any other ASCII character is itself


def normalise(text: str) -> str:
    """`text` as the detectors read it (see the module's docstring)."""
    if not text.isascii():
        return text.translate(_TABLE)
    for char in _ASCII_BREAKS:
        if char in text:
            text = text.replace(char, " ")
    return text


def identifiers_in(text: str, numeric: bool = False) -> list[tuple[str, int]]:
    """(kind, position) for every identifier-like run in `text`.

    With `numeric` (a cell of a number column holding a number), only ID numbers with a real
    birth date count: a large quantity is not a phone number."""
    return [(kind, start) for kind, start, _ in _detect(text, numeric)]


def dates_in(text: str) -> list[tuple[str, int]]:
    """(kind, position) for every full calendar date in `text`."""
    return [(kind, start) for kind, start, _ in _detect_dates(text)]


def date_values_in(text: str) -> list[tuple[date, int]]:
    """(the date, position) for every full calendar date in `text`."""
    return [(value, start) for value, start, _ in _dates(text)]


def redact(text: str) -> str:
    """`text` with every identifier-like run replaced by [withheld]."""
    if not may_hold_identifier(text):
        return text
    out, position = [], 0
    for _, start, end in sorted(_detect(text), key=lambda found: found[1]):
        if start >= position:
            out += [text[position:start], "[withheld]"]
            position = end
    return "".join(out) + text[position:]


def may_hold_identifier(text: str) -> bool:
    """Cheap pre-filter (it may say yes wrongly, never no wrongly). A table row's cells may
    be passed joined by "\x1f", which no number crosses."""
    return _CANDIDATE.search(normalise(text)) is not None


def _detect(text: str, numeric: bool = False) -> list[tuple[str, int, int]]:
    """(kind, start, end) in `text`'s own positions."""
    if not may_hold_identifier(text):
        return []
    found: dict[tuple[int, int], str] = {}  # one kind per span, the most specific
    for normal, origin in _readings(text):
        for match in _NUMBER.finditer(normal):
            kind = _number_kind(match, numeric)
            if kind and (found.get(_span(origin, match)) is None or "(checksum valid)" in kind):
                found[_span(origin, match)] = kind
        if not numeric and "@" in normal:
            found.update({_span(origin, m): "an e-mail address" for m in EMAIL.finditer(normal)})
    return sorted((kind, start, end) for (start, end), kind in found.items())


def _detect_dates(text: str) -> list[tuple[str, int, int]]:
    return [("a full calendar date", start, end) for _, start, end in _dates(text)]


def may_hold_date(text: str) -> bool:
    """Cheap pre-filter for `dates_in`, like `may_hold_identifier`."""
    return _DATE_CANDIDATE.search(normalise(text)) is not None


def _dates(text: str) -> list[tuple[date, int, int]]:
    if not may_hold_date(text):
        return []
    normal = normalise(text)
    if not any(_calendar_date(m) for _, pattern in _DATES for m in pattern.finditer(normal)) \
            and not any(char in BIDI_CONTROLS for char in text):
        return []  # the common case: no date, so no positions to work out
    found = {}
    for normal, origin in _readings(text):
        for kind, pattern in _DATES:
            for match in pattern.finditer(normal):
                value = _calendar_date(match)
                if value is not None:
                    start, end = _span(origin, match)
                    found.setdefault((start, end), value)
    spans = sorted(found)  # keep the outermost of overlapping matches
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [(found[s], *s) for s in kept]


def _calendar_date(match: re.Match) -> date | None:
    month = match["m"]
    month = _MONTH_NAMES.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        value = date(int(match["y"]), month, int(match["d"]))
    except (TypeError, ValueError):
        return None
    return value if 1000 <= value.year <= 2999 else None


def _readings(text: str):
    """(normalised text, position in `text` of each of its characters): the text as it is
    read, and, where a bidirectional control could make it display reversed, backwards."""
    normal, origin = _normalised_with_origin(text)
    normal, origin = _unbracket(normal, origin)
    yield normal, origin
    if any(char in BIDI_CONTROLS for char in text):
        yield normal[::-1], origin[::-1]


def _normalised_with_origin(text: str) -> tuple[str, list[int]]:
    if text.isascii():
        return normalise(text), list(range(len(text)))
    if all(len(_TABLE[ord(char)]) == 1 for char in set(text)):  # one character for one
        return text.translate(_TABLE), list(range(len(text)))
    parts, origin = [], []
    for index, char in enumerate(text):
        out = char.translate(_TABLE)
        parts.append(out)
        origin += [index] * len(out)
    return "".join(parts), origin


def _unbracket(normal: str, origin: list[int]) -> tuple[str, list[int]]:
    """Read "x [at] y (dot) z" as "x@y.z"."""
    if _BRACKETED.search(normal) is None:
        return normal, origin
    parts, positions, last = [], [], 0
    for match in _BRACKETED.finditer(normal):
        parts.append(normal[last:match.start()])
        positions += origin[last:match.start()]
        parts.append("@" if match[1].lower() == "at" else ".")
        positions.append(origin[match.start()])
        last = match.end()
    parts.append(normal[last:])
    positions += origin[last:]
    return "".join(parts), positions


def _span(origin: list[int], match: re.Match) -> tuple[int, int]:
    ends = origin[match.start()], origin[match.end() - 1]
    return min(ends), max(ends) + 1


def _number_kind(match: re.Match, numeric: bool) -> str | None:
    written = match.group()
    digits = re.sub(r"[^0-9Xx]", "", written).upper()
    if len(digits) == 18 and digits[:17].isdigit():
        if numeric and not _real_date(digits[6:14], "%Y%m%d"):
            return None
        valid = "checksum valid" if _id_checksum_ok(digits) else "checksum invalid"
        return f"an 18-character PRC resident ID number ({valid})"
    if not digits.isdigit():
        return None
    if len(digits) == 15 and (not numeric or _real_date(digits[6:12], "%y%m%d")):
        return "a 15-digit PRC resident ID number"
    if not numeric and _phone_shaped(digits, plus=bool(match.group(1))):
        return "a phone number"
    return None


def _phone_shaped(digits: str, plus: bool) -> bool:
    if plus:
        return 8 <= len(digits) <= 15                     # international, +country code
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]                               # PRC country code without "+"
    return ((len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789")  # PRC mobile
            or (digits[0] == "0" and 10 <= len(digits) <= 12)                     # PRC landline
            or len(digits) == 10)                                                 # North American


def _real_date(digits: str, layout: str) -> bool:
    try:
        datetime.strptime(digits, layout)
        return True
    except ValueError:
        return False


def _id_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == digits[17]
