"""PRC resident identity card numbers: 18 characters (17 digits, a birth date in the 7th to
14th, and a check character, ISO 7064 MOD 11-2, which may be X) and the older 15 digits (a
two-digit-year birth date in the 7th to 12th), however they are written (`digits.runs`).

A run of digits glued to letters on both sides (a hexadecimal checksum, a hash) is an ID
number only with a valid check character and a real birth date; so is one inside a longer
run of digits, and one in a number column. The examples build numbers from pieces, so that
no file of the package holds one:

>>> [f.looks_like for f in find("ID " "999999" "1970" "0101" "0017")]
['what looks like an 18-character PRC resident ID number (checksum valid)']
>>> find("sha " "ab" "999999" "1970" "0101" "0018" "cd")
[]
"""
from __future__ import annotations

import re
from datetime import datetime

from .found import Found
from .digits import a_quantity, at_least, digits_of, glued_to_letters, runs

CHECK = "no_resident_id_numbers"
FINDS = "PRC resident ID numbers (18 characters with their check character, or 15 digits)"
READS = "normal"
EXPECTED = " (value withheld); personal data of any kind is not allowed"
MAY_HOLD = re.compile(at_least(15))

_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK_CHARACTERS = "10X98765432"


def find(text: str, numeric: bool = False) -> list[Found]:
    found = []
    for run in runs(text):
        if a_quantity(run) and not _born(digits_of(run)):  # a quantity, unless it is an ID whatever its dot
            continue
        looks_like = _kind(digits_of(run), numeric, glued_to_letters(text, run.start(), run.end()))
        if looks_like:
            found.append(Found(run.start(), run.end(), digits_of(run), f"what looks like {looks_like}",
                               rank=int("(checksum valid)" in looks_like)))
    return found


def _kind(digits: str, numeric: bool, glued: bool) -> str | None:
    if len(digits) == 18 and digits[:17].isdigit():
        if (numeric or glued) and not real_date(digits[6:14], "%Y%m%d"):
            return None
        if glued and not checksum_ok(digits):
            return None
        return f"an 18-character PRC resident ID number (checksum {'valid' if checksum_ok(digits) else 'invalid'})"
    if len(digits) > 18 and _inside(digits):
        return "an 18-character PRC resident ID number (inside a longer run of digits)"
    if len(digits) == 15 and digits.isdigit() and not glued and (not numeric or real_date(digits[6:12], "%y%m%d")):
        return "a 15-digit PRC resident ID number"
    return None


def _born(digits: str) -> bool:
    """Whether the digits are an ID number whose birth date is real (and, of 18, whose check
    character is right): then no way of writing them makes them a quantity."""
    if len(digits) == 18:
        return checksum_ok(digits) and real_date(digits[6:14], "%Y%m%d")
    return len(digits) == 15 and real_date(digits[6:12], "%y%m%d")


def _inside(digits: str) -> bool:
    """Whether 18 consecutive characters of a longer run are an ID number with a valid check
    character and a real birth date (chance alone makes that rare)."""
    return any(checksum_ok(window.group(1)) and real_date(window.group(1)[6:14], "%Y%m%d")
               for window in _BORN_IN_WINDOW.finditer(digits))


# 18 characters whose 7th to 14th read as a birth date of 1900-2099 (every start, overlapping):
# the only windows of a long run worth a checksum.
_BORN_IN_WINDOW = re.compile(r"(?=([0-9]{6}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]))")


def checksum_ok(digits: str) -> bool:
    """ISO 7064 MOD 11-2: the 18th character from the first 17."""
    total = sum(int(d) * w for d, w in zip(digits[:17], _WEIGHTS))
    return _CHECK_CHARACTERS[total % 11] == digits[17]


def real_date(digits: str, layout: str) -> bool:
    try:
        datetime.strptime(digits, layout)
        return True
    except ValueError:
        return False
