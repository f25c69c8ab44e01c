"""Identifier-like text: PRC resident ID numbers, e-mail addresses, phone numbers.

One place for the patterns: the privacy layer looks for them, and every finding's message
is redacted with them, so no finding ever echoes a detected identifier.

>>> [kind for kind, _ in identifiers_in("ID 999999197001010017")]
['an 18-character PRC resident ID number (checksum valid)']
>>> redact('values "９９９９９９１９７００１０１００１7" not found')
'values "[withheld]" not found'
"""
from __future__ import annotations

import re
import unicodedata

RESIDENT_ID_18 = re.compile(r"(?<![0-9])[0-9]{6}[ -]?[0-9]{8}[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])")
RESIDENT_ID_15 = re.compile(r"(?<![0-9])[0-9]{15}(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"   # PRC mobile
    r"|\+[0-9]{1,3}(?:[ .-]?\(?[0-9]{1,4}\)?){2,5}(?![0-9])"                 # international
    r"|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])"                           # PRC landline
    r"|(?<![0-9])\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}(?![0-9])"         # North American
)
_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_ANY = [RESIDENT_ID_18, RESIDENT_ID_15, EMAIL, PHONE]


def identifiers_in(text: str):
    """(kind, position) for every identifier-like run in `text`, after NFKC normalisation
    (so full-width digits count as digits)."""
    normal = unicodedata.normalize("NFKC", text)
    found = []
    for match in RESIDENT_ID_18.finditer(normal):
        digits = re.sub("[ -]", "", match.group())
        valid = "checksum valid" if _id_checksum_ok(digits) else "checksum invalid"
        found.append((f"an 18-character PRC resident ID number ({valid})", match.start()))
    taken = [m.span() for m in RESIDENT_ID_18.finditer(normal)]
    for match in RESIDENT_ID_15.finditer(normal):
        if not any(s <= match.start() < e for s, e in taken):
            found.append(("a 15-digit PRC resident ID number", match.start()))
    for match in EMAIL.finditer(normal):
        found.append(("an e-mail address", match.start()))
    for match in PHONE.finditer(normal):
        if not any(s <= match.start() < e for s, e in taken):
            found.append(("a phone number", match.start()))
    return found


def redact(text: str) -> str:
    """`text` with every identifier-like run replaced by [withheld] (after NFKC, so that
    full-width digits are caught)."""
    if not may_hold_identifier(text):
        return text
    normal = unicodedata.normalize("NFKC", text)
    if len(normal) != len(text):  # NFKC changed lengths: positions no longer map; withhold all
        return "[withheld]" if identifiers_in(text) else text
    spans = sorted(m.span() for pattern in _ANY for m in pattern.finditer(normal))
    out, position = [], 0
    for start, end in spans:
        if start >= position:
            out += [text[position:start], "[withheld]"]
            position = end
    return "".join(out) + text[position:]


def may_hold_identifier(cell: str) -> bool:
    # Cheap pre-filter: every pattern needs "@" or at least seven digits.
    return "@" in cell or sum(ch.isdigit() for ch in cell) >= 7


def _id_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == digits[17].upper()
