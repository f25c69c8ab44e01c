"""Characters a reader cannot see, behind which text could hide or which make text display
as something it is not: zero-width characters, soft hyphens, a BOM inside text,
bidirectional controls, other control characters (an escape sequence can hide text in a
terminal) and every code point Unicode says a renderer ignores. The article prints none. It
reads the characters as written (`Readings.as_written`).

>>> [f.looks_like for f in find("ab\\u200bc\\u202e\\x1b[8m\\u17b4 \\u2714\\ufe0f")]
['the invisible character ZERO WIDTH SPACE', 'the invisible character RIGHT-TO-LEFT OVERRIDE', 'the invisible character U+001B', 'the invisible character KHMER VOWEL INHERENT AQ']
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .found import Found

CHECK = "no_invisible_characters"
FINDS = ("invisible characters: zero-width characters, soft hyphens, a BOM inside text, "
         "bidirectional and other control characters, and every code point Unicode says a "
         "renderer ignores")
READS = "as_written"
EXPECTED = "; expected none: text could hide behind it"
# The characters worth a closer look: all but printable ASCII, tab and line breaks.
MAY_HOLD = re.compile(r"[^\t\n\r -~]")

# Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, the same from
# Unicode 14.0 to 15.1), as (first, last): code points a renderer shows as nothing, assigned
# or reserved for it.
DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_IGNORABLE_FIRSTS = [first for first, _ in DEFAULT_IGNORABLE]
# Shows nothing, though Unicode does not list it as ignorable.
_BLANK = {0x2800}  # BRAILLE PATTERN BLANK
# Text and emoji presentation selectors: part of a symbol (✔︎, ✔️), invisible anywhere else.
_PRESENTATION_SELECTORS = "\ufe0e\ufe0f"


def is_default_ignorable(char: str) -> bool:
    index = bisect_right(_IGNORABLE_FIRSTS, ord(char)) - 1
    return index >= 0 and ord(char) <= DEFAULT_IGNORABLE[index][1]


def is_invisible(char: str) -> bool:
    """A format or control character (but tab and line breaks), a default-ignorable code
    point, or one that shows nothing."""
    category = unicodedata.category(char)
    return (category == "Cf" or (category == "Cc" and char not in "\t\n\r")
            or is_default_ignorable(char) or ord(char) in _BLANK)


def find(text: str, numeric: bool = False) -> list[Found]:
    """Every invisible, format or control character in one reading; a text or emoji
    presentation selector right after a symbol (✔️) is part of it."""
    return [Found(m.start(), m.end(), m.group(),
                  f"the invisible character {unicodedata.name(m.group(), f'U+{ord(m.group()):04X}')}")
            for m in MAY_HOLD.finditer(text)
            if is_invisible(m.group()) and not _presents_a_symbol(text, m.start())]


def _presents_a_symbol(text: str, index: int) -> bool:
    return (text[index] in _PRESENTATION_SELECTORS and index > 0
            and unicodedata.category(text[index - 1]).startswith("S"))
