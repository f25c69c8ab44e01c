"""Identifier-like text: PRC resident ID numbers, e-mail addresses and phone numbers.

One place for the detectors: the privacy layer looks for them, and every finding's message
is redacted with them, so no finding ever echoes a detected identifier. Every reading of the
text is searched (`readings`: the plain one, reversed, decoded, letters read as digits); in
each, a number may have up to eight separators (spaces, dashes, dots, parentheses, slashes,
underscores), a plus sign or a tilde alone between groups of three digits or more, or a line break with the spaces around it, between any two of its digits, or commas between groups of three.

A run of digits glued to letters on both sides (a hexadecimal checksum, a hash) is no phone
number or 15-digit ID number; there it takes an 18-character ID number with a valid check
character and a real birth date. A phone number is one only in a shape phone numbers have:
an international prefix (+, or 00 and a country code), a PRC mobile or landline number, or a
North American one (area code and exchange start with 2-9); and none is read inside a web
address, whose paths are full of long numbers.

The examples build identifiers from pieces, so that no file of the package holds one:

>>> ID = "999999" "1970" "0101" "0017"
>>> [kind for kind, _ in identifiers_in("ID " + ID)]
['an 18-character PRC resident ID number (checksum valid)']
>>> [kind for kind, _ in identifiers_in("call (010) 1234" " 5678 or mail zhang " "[at]" " example [dot] com")]
['a phone number', 'an e-mail address']
>>> redact("values " + ID.replace("1970", "1\\u200b970") + " not found")
'values [withheld] not found'
"""
from __future__ import annotations

import re
from datetime import datetime

from .readings import ENCODED, normalise, readings

# A number as people write it: digits, with separators between them, optionally "+"-prefixed
# and, for an ID number, ending in the check character X.
_SEPARATOR = r"(?:[ ().\-/_]{1,8}|(?<=[0-9]{3})[+~](?=[0-9]{3})| *\n{1,2} *)"
_NUMBER = re.compile(rf"(?<![0-9])(\+)?\(?[0-9](?:[0-9]|{_SEPARATOR}(?=[0-9]))*(?:[Xx])?")
_THOUSANDS = re.compile(r"(?<![0-9,])[0-9]{1,3}(?:,[0-9]{3}){4,}(?![0-9])")
# What every identifier needs: an at sign, ten digits in one number (eight after "+"), or a
# sign that another reading of the text is worth making.
_CANDIDATE = re.compile(rf"@|[\[({{<\u3010\u3014\u3008\u300a] ?(?:at|\.) ?[\])}}>\u3011\u3015\u3009\u300b]"
                        rf"|\+\(?[0-9](?:{_SEPARATOR}?[0-9]){{7}}"
                        rf"|[0-9](?:{_SEPARATOR}?[0-9]){{9}}|[0-9](?:,[0-9]{{3}}){{4}}|{ENCODED.pattern}",
                        re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[^\W\d_]{2,24}(?![\w])")
_PHONE_LINK = re.compile(r"(?:wa\.me|whatsapp\.com|t\.me|viber\.click|signal\.me)/", re.IGNORECASE)
_WEB_ADDRESS_BEFORE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s<>\"']*\Z")
# No identifier is written in fewer characters: a phone number after "+" has eight digits.
_SHORTEST = 8
_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]


def identifiers_in(text: str, numeric: bool = False) -> list[tuple[str, int]]:
    """(kind, position) for every identifier-like run in `text`.

    With `numeric` (a cell of a number column holding a number), only ID numbers with a real
    birth date count: a large quantity is not a phone number."""
    return [(kind, start) for kind, start, _ in _detect(text, numeric)]


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
    be passed joined by NUL, which no number crosses."""
    return _CANDIDATE.search(normalise(text)) is not None


def _detect(text: str, numeric: bool = False) -> list[tuple[str, int, int]]:
    """(kind, start, end) in `text`'s own positions."""
    if not may_hold_identifier(text):
        return []
    found: dict[tuple[int, int], str] = {}  # one kind per span, the most specific
    for normal, origin in readings(text):
        for pattern in (_NUMBER, _THOUSANDS):
            for match in pattern.finditer(normal):
                if match.end() - match.start() < _SHORTEST:
                    continue
                kind = _number_kind(match, numeric, normal)
                if kind and (found.get(_span(origin, match)) is None or "(checksum valid)" in kind):
                    found[_span(origin, match)] = kind
        if not numeric and "@" in normal:
            found.update({_span(origin, m): "an e-mail address" for m in EMAIL.finditer(normal)})
    return sorted((kind, start, end) for (start, end), kind in found.items())


def _span(origin: list[int], match: re.Match) -> tuple[int, int]:
    ends = origin[match.start()], origin[match.end() - 1]
    return min(ends), max(ends) + 1


def _number_kind(match: re.Match, numeric: bool, text: str) -> str | None:
    written = match.group()
    digits = re.sub(r"[^0-9Xx]", "", written).upper()
    glued = _glued_to_letters(text, match.start(), match.end())
    if len(digits) == 18 and digits[:17].isdigit():
        if (numeric or glued) and not _real_date(digits[6:14], "%Y%m%d"):
            return None
        if glued and not _id_checksum_ok(digits):
            return None
        valid = "checksum valid" if _id_checksum_ok(digits) else "checksum invalid"
        return f"an 18-character PRC resident ID number ({valid})"
    if len(digits) > 18 and _id_inside(digits):
        return "an 18-character PRC resident ID number (inside a longer run of digits)"
    if not digits.isdigit() or glued:
        return None
    if len(digits) == 15 and (not numeric or _real_date(digits[6:12], "%y%m%d")):
        return "a 15-digit PRC resident ID number"
    if not numeric and _phone_shaped(digits, plus=written.lstrip("(").startswith("+")) \
            and not _inside_web_address(text, match.start()):
        return "a phone number"
    return None


def _glued_to_letters(text: str, start: int, end: int) -> bool:
    """Whether a letter touches the number on both sides (a hash: 4b3d...0389b)."""
    return start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()


def _inside_web_address(text: str, position: int) -> bool:
    """Whether the number is part of a web address (https://..., www....) that is not a
    messenger's link to a phone number (wa.me/8613...)."""
    address = _WEB_ADDRESS_BEFORE.search(text, max(0, position - 2000), position)
    return address is not None and _PHONE_LINK.search(address.group()) is None


def _id_inside(digits: str) -> bool:
    """Whether 18 consecutive characters of a longer run are an ID number with a valid check
    character and a real birth date (chance alone makes that rare)."""
    return any(window[:17].isdigit() and _id_checksum_ok(window) and _real_date(window[6:14], "%Y%m%d")
               and 1900 <= int(window[6:10]) <= 2099
               for window in (digits[i:i + 18] for i in range(len(digits) - 17)))


def _phone_shaped(digits: str, plus: bool) -> bool:
    if plus:
        return 8 <= len(digits) <= 17                     # international: +, country code
    if re.fullmatch(r"00[1-9][0-9]{7,14}", digits):
        return True                                       # international: 00, country code
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]                               # PRC country code without "+"
    return (re.fullmatch(r"1[3-9][0-9]{9}", digits) is not None                   # PRC mobile
            or re.fullmatch(r"0[1-9][0-9]{8,10}", digits) is not None             # PRC landline
            or re.fullmatch(r"1?[2-9][0-9]{2}[2-9][0-9]{6}", digits) is not None)  # North American


def _real_date(digits: str, layout: str) -> bool:
    try:
        datetime.strptime(digits, layout)
        return True
    except ValueError:
        return False


def _id_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == digits[17]
