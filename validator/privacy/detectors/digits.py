"""Numbers as people write them, which the ID-number and phone detectors read: digits, with
up to eight separators (spaces, dashes, dots, parentheses, slashes, underscores), a plus sign
or a tilde alone between groups of three digits or more, or a line break with the spaces
around it, between any two of them, optionally "+"-prefixed and ending in an ID number's
check character X; or digits in groups of three between commas.

>>> [m.group() for m in runs("the 0000 (00) 0000-0000, or 1,234,567,890,123")]
['0000 (00) 0000-0000', '1,234,567,890,123']
"""
from __future__ import annotations

import re
from functools import lru_cache

SEPARATOR = r"(?:[ ().\-/_]{1,8}|(?<=[0-9]{3})[+~](?=[0-9]{3})| *\n{1,2} *)"
# (?<![0-9])\+?\(?[0-9](?:[0-9]|SEPARATOR(?=[0-9]))*[Xx]? and
# (?<![0-9,])[0-9]{1,3}(?:,[0-9]{3}){4,}(?![0-9]), each written to start with the character it
# reads first (which the engine finds fast) and to look back from the second.
_NUMBER = re.compile(rf"[+(0-9](?<![0-9].)(?:(?<=\+)\(?[0-9]|(?<=\()[0-9]|(?<=[0-9]))"
                     rf"(?:[0-9]|{SEPARATOR}(?=[0-9]))*(?:[Xx])?")
_THOUSANDS = re.compile(r"[0-9](?<![0-9,].)[0-9]{0,2}(?:,[0-9]{3}){4,}(?![0-9])")
# Fewer characters hold no identifier: a phone number has at least eight digits.
_SHORTEST = 8


def at_least(digits: int) -> str:
    """A pattern that a run of at least `digits` digits, written as `runs` reads them, holds:
    its first `digits` digits and what stands between them, or five groups of thousands (a
    digit tried before a separator, which no separator starts with: the same matches, found
    sooner). Tried only where a run starts, after no digit (a run read from its second digit
    holds its digits from the first too), which a long run's every digit would be otherwise."""
    return rf"[0-9](?<![0-9].)(?:(?:[0-9]|{SEPARATOR}[0-9]){{{digits - 1}}}|[0-9]{{0,2}}(?:,[0-9]{{3}}){{4}})"


@lru_cache(maxsize=8)  # the ID-number and phone detectors read the same reading in turn
def runs(text: str) -> list[re.Match]:
    """Every number of eight characters or more, in order of where it starts."""
    found = [m for pattern in (_NUMBER, _THOUSANDS) for m in pattern.finditer(text)
             if m.end() - m.start() >= _SHORTEST]
    return sorted(found, key=lambda m: m.start())


_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,2})\.[0-9]{4,}")


def a_quantity(run: re.Match) -> bool:
    """Whether a run is written as a quantity, not an identifier: one decimal number (up to
    three digits, a dot, the rest: 0.3333333333, 3.14159265358979), or a round number (no more
    than three digits before its zeros: 15000000000)."""
    digits = digits_of(run)
    return _DECIMAL.fullmatch(run.group()) is not None or len(digits.rstrip("0")) <= 3


_NO_DIGIT = re.compile(r"[^0-9Xx]")


def digits_of(run: re.Match) -> str:
    """The digits of a run (and a check character X, upper case)."""
    return _NO_DIGIT.sub("", run.group()).upper()


def glued_to_letters(text: str, start: int, end: int) -> bool:
    """Whether a letter touches the number on both sides (a hash: 4b3d...0389b)."""
    return start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()
