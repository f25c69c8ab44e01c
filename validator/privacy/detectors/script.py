"""Letters of another script than the article's (it prints Latin letters only), which a name
could be written in: letters and digits of another script (a name in Han characters, or in
CJK radicals, which are Han characters in disguise), and characters of no script this
Python's Unicode tables know (unassigned, private-use and surrogate code points: a name could
be written in a script newer than the tables, or a file name in GBK read as surrogates). It
reads the characters a reader sees (`Readings.as_seen`): also those written as references or
escapes. The words of the sensitive-column vocabulary (`vocabulary.NON_LATIN_WORDS`), which
name such columns in Chinese, are the only other-script text allowed.

>>> [(f.start, f.looks_like) for f in find("Dr " + "\\u5f20\\u4e09" + " said")]
[(3, '2 character(s) of the Han script')]
>>> [f.looks_like.split(",")[0] for f in find("radicals \\u2e9b\\u2ea2 and \\ue000")]
['2 character(s) of the Han script', '1 unreadable private-use code point(s)']
>>> find("3 \\u00b5s, \\u00a9 2020 \\u2192 done \\u2714\\ufe0f")
[]
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...vocabulary import NON_LATIN_WORDS
from .found import Found
from .invisible import is_default_ignorable

CHECK = "no_foreign_script"
FINDS = ("letters and digits of another script than Latin (and symbols that are letters of one "
         "in disguise, such as CJK radicals), and code points of no script Unicode knows")
READS = "as_seen"
EXPECTED = " (value withheld); the article prints no other script, and each character must be of one Unicode knows"
MAY_HOLD = re.compile(r"[^\x00-\x7f]")

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


def find(text: str, numeric: bool = False) -> list[Found]:
    """Each run of another script, or of code points of no known script, in one reading."""
    found = []
    for kind, start, length in foreign_runs(text, NON_LATIN_WORDS):
        looks_like = (f"{length} unreadable {kind} code point(s), of no script Unicode "
                      f"{unicodedata.unidata_version} knows" if kind in UNREADABLE.values()
                      else f"{length} character(s) of the {kind} script")
        found.append(Found(start, start + length, text[start:start + length], looks_like))
    return found
