"""Phone numbers, however they are written (`digits.runs`), in the shapes phone numbers have:
international (+ or 00 and a country code); mainland China (mobile 1[3-9] and nine digits;
landline 0, an area code and the number, 10 to 12 digits), Hong Kong (eight digits from 2,
3, 5, 6, 7, 8 or 9, after 852 or a word or sign for a phone: any eight digits would be one
otherwise) and Taiwan (mobile 09 and eight digits; landline 0[2-8] and seven or eight digits,
the area code set apart or after a word for a phone; 886 before them) in their national
formats; and North America (area code and exchange from 2-9, grouped 3, 3 and 4, or the area
code in parentheses, or after a word for a phone: a version number's digits are none). None is read inside a web address, whose
paths are full of long numbers (but a messenger's link to a number is one), nor in a number
column, nor where letters touch it on both sides.

>>> [f.start for f in find("call (010) 1234" " 5678, tel. 2345" " 6789 or 02-2345" "-6789")]
[5, 27, 40]
>>> find("offsets 2435 2458, years 2020 1999, https://example.org/archive/20201231123456")
[]
"""
from __future__ import annotations

import re

from .found import Found
from .digits import a_quantity, at_least, digits_of, glued_to_letters, runs

CHECK = "no_phone_numbers"
FINDS = ("phone numbers: international (+ or 00), and mainland China, Hong Kong, Taiwan and "
         "North America in their national formats")
READS = "normal"
EXPECTED = " (value withheld); personal data of any kind is not allowed"
MAY_HOLD = re.compile(at_least(8))

_LINK = re.compile(r"(?:wa\.me|whatsapp\.com|t\.me|viber\.click|signal\.me)/", re.IGNORECASE)
_WEB_ADDRESS_BEFORE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s<>\"']*\Z")
_GROUPS = re.compile(r"[0-9]+")
# A word for a phone (Presidio's context words, and the Chinese ones), which a Hong Kong number
# written without its country code needs before it.
_PHONE_WORD = re.compile(r"(?:(?<![a-z])(?:phone|tel|telephone|mobile|mob|cell|cellphone|call|fax|whatsapp"
                         r"|contact|ph|hp|hotline)(?:\.? ?no\.?)?|\u96fb\u8a71|\u7535\u8bdd|\u624b\u6a5f|\u624b\u673a"
                         r"|[\u260e\u260f\u2706\U0001f4de\U0001f4f1])[ \n.:#=-]{0,3}$", re.IGNORECASE)
_NATIONAL = [
    re.compile(r"00[1-9][0-9]{7,14}"),           # international: 00, country code
    re.compile(r"(?:86)?1[3-9][0-9]{9}"),        # mainland mobile (86: the country code without +)
    re.compile(r"(?:86)?0[1-9][0-9]{8,10}"),     # mainland landline; Taiwan, 10 digits
    re.compile(r"1?[2-9][0-9]{2}[2-9][0-9]{6}"),  # North American (grouped 3, 3, 4: `_shaped`)
    re.compile(r"(?:852)?[2356789][0-9]{7}"),    # Hong Kong (grouped 4 and 4: `_grouped`)
    re.compile(r"0[2-8][0-9]{7}"),               # Taiwan landline, 9 digits (area code apart)
    re.compile(r"886[2-9][0-9]{7,8}"),           # Taiwan, with its country code without +
]


def find(text: str, numeric: bool = False) -> list[Found]:
    if numeric:
        return []
    found = []
    for run in runs(text):
        digits = digits_of(run)
        if digits.isdigit() and not glued_to_letters(text, run.start(), run.end()) and not a_quantity(run) \
                and _shaped(digits, run.group(), text[max(0, run.start() - 20):run.start()]) \
                and not _inside_web_address(text, run.start()):
            found.append(Found(run.start(), run.end(), digits, "what looks like a phone number"))
    return found


def _shaped(digits: str, written: str, before: str) -> bool:
    if written.lstrip("(").startswith("+"):
        return 8 <= len(digits) <= 17
    shape = next((i for i, pattern in enumerate(_NATIONAL) if pattern.fullmatch(digits)), None)
    if shape is None:
        return False
    groups = [len(g) for g in _GROUPS.findall(written)]
    word = _PHONE_WORD.search(before) is not None
    if shape == 3:  # North America: grouped 3, 3, 4 (a 1 before), or after a word for a phone
        return word or groups in ([3, 3, 4], [1, 3, 3, 4]) or written.lstrip().startswith("(")
    if shape == 4:  # Hong Kong: after 852, or four digits and four after a word for a phone
        return len(digits) == 11 or word
    if shape == 5:  # Taiwan, nine digits: the area code (two or three digits) set apart
        return word or len(groups) > 1 and groups[0] in (2, 3)
    return True


def _inside_web_address(text: str, position: int) -> bool:
    """Whether the number is part of a web address (https://..., www....) that is not a
    messenger's link to a phone number (wa.me/8613...)."""
    address = _WEB_ADDRESS_BEFORE.search(text, max(0, position - 2000), position)
    return address is not None and _LINK.search(address.group()) is None
