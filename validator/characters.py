"""Characters the article never prints, which personal data could hide in or behind:
letters and digits of another script than Latin (a name written in Han characters, or in
CJK radicals, which are Han characters in disguise), characters of no script this Python's
Unicode tables know (unassigned, private-use and surrogate code points: a name could be
written in a script newer than the tables, or a file name in GBK read as surrogates), and
invisible characters (zero-width spaces, soft hyphens, a BOM inside text, bidirectional
controls that make a reversed string display as something else, and every other code point
Unicode says a renderer ignores).

>>> [(kind, at) for kind, at, _ in foreign_runs("Dr " + "\\u5f20\\u4f1f" + " said")]
[('Han', 3)]
>>> [(kind, at) for kind, at, _ in foreign_runs("radicals \\u2e9b\\u2ea2 and \\ue000")]
[('Han', 9), ('private-use', 16)]
>>> foreign_runs("3 \\u00b5s, \\u00a9 2020 \\u2192 done \\u2714\\ufe0f")
[]
>>> [name for name, _ in invisible_characters("ab\\u200bc\\u202e\\x1b[8m\\u17b4 \\u2714\\ufe0f")]
['ZERO WIDTH SPACE', 'RIGHT-TO-LEFT OVERRIDE', 'U+001B', 'KHMER VOWEL INHERENT AQ']
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

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
# Code points of no script: unassigned (or newer than these tables), private-use, surrogate.
UNREADABLE = {"Cn": "unassigned", "Co": "private-use", "Cs": "surrogate"}
# Letters that are units of measure, not letters of a script: the micro sign (3 µs), and
# the ohm, kelvin and angstrom signs.
UNIT_SIGNS = frozenset("\u00b5\u2126\u212a\u212b")
# How a symbol or number that is a character of a script in disguise begins its name: a CJK
# radical or stroke, an ideographic description character, a Suzhou numeral, a Khmer
# lunar-date symbol, a Tamil day sign, a Yi radical... (So, No and Nl characters whose name
# begins as the names of a script's letters do, and the numeral systems of scripts). Symbols
# of no script (©, →, ✔, emoji, circled digits, Roman numerals) begin otherwise.
_SCRIPT_PREFIXES = tuple(f"{p} " for p in (
    "AEGEAN", "AHOM", "ARABIC", "BALINESE", "BAMUM", "BENGALI", "BHAIKSUKI", "BRAHMI",
    "CANADIAN", "CHORASMIAN", "CJK", "COPTIC", "COUNTING ROD", "CUNEIFORM", "CYRILLIC",
    "DUPLOYAN", "ETHIOPIC", "GOTHIC", "GREEK", "HANGZHOU", "HATRAN", "IDEOGRAPHIC", "IMPERIAL",
    "INDIC SIYAQ", "INSCRIPTIONAL", "KAKTOVIK", "KHAROSHTHI", "KHMER", "LIMBU", "MALAYALAM",
    "MANICHAEAN", "MAYAN", "MEDEFAIDRIN", "MENDE", "MEROITIC", "MYANMAR", "NABATAEAN",
    "NEW TAI", "NKO", "NORTH INDIC", "NYIAKENG", "OLD HUNGARIAN", "OLD ITALIC", "OLD NORTH",
    "OLD PERSIAN", "OLD SOGDIAN", "OLD SOUTH", "ORIYA", "OTTOMAN SIYAQ", "PAHAWH", "PALMYRENE",
    "PHOENICIAN", "PSALTER", "RUMI", "RUNIC", "SIGNWRITING", "SINHALA", "SOGDIAN", "SYLOTI",
    "TAMIL", "TELUGU", "TIBETAN", "WARANG", "YI"))
_SCRIPT_NAMES = {"CJK": "Han", "IDEOGRAPHIC": "Han", "HANGZHOU": "Han", "FULLWIDTH": "full-width"}


def is_default_ignorable(char: str) -> bool:
    index = bisect_right(_IGNORABLE_FIRSTS, ord(char)) - 1
    return index >= 0 and ord(char) <= DEFAULT_IGNORABLE[index][1]


@lru_cache(maxsize=None)
def script_of(char: str) -> str | None:
    """The script of a letter or digit that is not Latin, or of a symbol or number that is
    one in disguise; "unassigned", "private-use" or "surrogate" for a code point of no known
    script; None for Latin, ASCII, marks, punctuation, ordinary symbols, unit signs and the
    invisible characters (`is_invisible` reports those)."""
    if char.isascii() or char in UNIT_SIGNS or is_default_ignorable(char):
        return None
    category = unicodedata.category(char)
    if category in UNREADABLE:
        return UNREADABLE[category]
    name = unicodedata.name(char, "UNKNOWN")
    if not (category.startswith("L") or category == "Nd"):
        if category in ("So", "No", "Nl") and name.startswith(_SCRIPT_PREFIXES):
            return _script_named(name)
        # a symbol that is a letter in disguise (a Kangxi radical is a Han character)
        normal = unicodedata.normalize("NFKC", char)
        return next((script_of(c) for c in normal if c != char and script_of(c)), None)
    return None if name.startswith("LATIN") else _script_named(name)


def _script_named(name: str) -> str:
    first = name.split()[0]
    return _SCRIPT_NAMES.get(first, first.capitalize())


def foreign_runs(text: str, allowed_words=()) -> list[tuple[str, int, int]]:
    """(script, start, length) of every run of letters or digits of another script than
    Latin, or of code points of no known script, outside the `allowed_words` (the
    sensitive-column vocabulary, which names them)."""
    if text.isascii() or not any(script_of(char) for char in set(text)):
        return []
    masked = text
    for word in allowed_words:
        if word in masked:
            masked = masked.replace(word, " " * len(word))
    runs, start, script = [], None, None
    for index, char in enumerate(masked + " "):
        found = script_of(char) if not char.isascii() else None
        if found and start is not None and found == script:
            continue
        if start is not None:
            runs.append((script, start, index - start))
        start, script = (index, found) if found else (None, None)
    return _merged(runs, masked)


def _merged(runs, text):
    """Runs of one script separated only by spaces are one run: a name, not two."""
    merged = []
    for script, start, length in runs:
        if merged and merged[-1][0] == script:
            previous, at, width = merged[-1]
            if text[at + width:start].isspace():
                merged[-1] = (script, at, start + length - at)
                continue
        merged.append((script, start, length))
    return merged


def is_invisible(char: str) -> bool:
    """A format or control character (but tab and line breaks), a default-ignorable code
    point, or one that shows nothing."""
    category = unicodedata.category(char)
    return (category == "Cf" or (category == "Cc" and char not in "\t\n\r")
            or is_default_ignorable(char) or ord(char) in _BLANK)


# The characters worth a closer look: all but printable ASCII, tab and line breaks.
_NOT_PRINTABLE_ASCII = re.compile(r"[^\t\n\r -~]")


def invisible_characters(text: str) -> list[tuple[str, int]]:
    """(Unicode name, position) of every invisible, format or control character in `text`;
    a text or emoji presentation selector right after a symbol (✔️) is part of it."""
    return [(unicodedata.name(match.group(), f"U+{ord(match.group()):04X}"), match.start())
            for match in _NOT_PRINTABLE_ASCII.finditer(text)
            if is_invisible(match.group()) and not _presents_a_symbol(text, match.start())]


def _presents_a_symbol(text: str, index: int) -> bool:
    return (text[index] in _PRESENTATION_SELECTORS and index > 0
            and unicodedata.category(text[index - 1]).startswith("S"))
