"""Identifier-like text: PRC resident ID numbers, e-mail addresses, phone numbers.

One place for the detectors: the privacy layer looks for them, and every finding's message
is redacted with them, so no finding ever echoes a detected identifier. Text is normalised
with NFKC first (full-width digits and ＠ count), and a number may be written with spaces,
hyphens, dots, parentheses or zero-width spaces between its digits.

>>> [kind for kind, _ in identifiers_in("ID 999999197001010017")]
['an 18-character PRC resident ID number (checksum valid)']
>>> [kind for kind, _ in identifiers_in("call (010) 1234 5678 or mail zhang＠example.com")]
['a phone number', 'an e-mail address']
>>> redact('values "９９９９９９１９７００１０１００１7" not found')
'values "[withheld]" not found'
"""
from __future__ import annotations

import re
import typing
import unicodedata
from datetime import datetime

# A number as people write it: digits, with separators between them, optionally "+"-prefixed
# and, for an ID number, ending in the check character X.
_SEPARATOR = r"[ \u00a0\u2009\u200b().\-]"
_NUMBER = re.compile(rf"(?<![0-9])(\+)?\(?[0-9](?:[0-9]|{_SEPARATOR}{{1,3}}(?=[0-9]))*"
                     r"(?:[Xx](?![A-Za-z]))?")
# What every identifier needs: an at sign, or ten digits in one such number (eight after "+").
_CANDIDATE = re.compile(rf"@|\+\(?[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{7}}|[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{9}}")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}"
                   r"(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])")
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
    """Cheap pre-filter (it may say yes wrongly, never no wrongly): an at sign, or a written
    number of ten digits (eight after "+"), after NFKC. A table row's cells may be passed joined by
    "\x1f", which no number crosses."""
    normal = text if text.isascii() or unicodedata.is_normalized("NFKC", text) \
        else unicodedata.normalize("NFKC", text)
    return _CANDIDATE.search(normal) is not None


def _detect(text: str, numeric: bool = False) -> list[tuple[str, int, int]]:
    """(kind, start, end) in `text`'s own positions."""
    if not may_hold_identifier(text):
        return []
    normal, origin = _normalise(text)
    found = []
    for match in _NUMBER.finditer(normal):
        kind = _number_kind(match, numeric)
        if kind:
            found.append((kind, origin[match.start()], origin[match.end() - 1] + 1))
    if not numeric and "@" in normal:
        found += [("an e-mail address", origin[m.start()], origin[m.end() - 1] + 1)
                  for m in EMAIL.finditer(normal)]
    return found


def _normalise(text: str) -> tuple[str, typing.Sequence[int]]:
    """NFKC, character by character, with the position in `text` of each output character."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, range(len(text))
    parts, origin = [], []
    for index, char in enumerate(text):
        normal = unicodedata.normalize("NFKC", char) if ord(char) > 127 else char
        parts.append(normal)
        origin += [index] * len(normal)
    return "".join(parts), origin


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
