"""How the number, date and e-mail detectors read a character: NFKC (full-width digits and ＠
count), digits of every script and every numeric sign worth 0 to 9 (circled, parenthesised,
superscript, Hangzhou and counting-rod numerals, Roman numerals) as 0-9, format characters
(zero-width spaces, soft hyphens, bidirectional controls) and combining marks (a keycap, an
underline) dropped, every space as a space, every line break as "\\n", every dash and
dash-like sign as "-", every slash-like sign as "/", a circled a as "@" (`normalise`), with where each character of the result comes from
(`with_origin`).

>>> normalise("\\u2779\\u2778 1\\u20e3 \\u00b3 \\u3029\\U0001d368")
'43 1 3 99'
"""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

# Signs read as a dash between digits though not of category Pd: minus signs and the like.
_DASHES = "\u2212\u2796\ufe63\uff0d\u02d7\u2043\u2219\u2027\u2e3a\u2e3b\u2500\u2501\u23af\u2574\u2576"
_DOTS = "\u00b7\u2022\u30fb\uff65\u3002\uff61\u22c5\u2e31\u2981\u2e33"  # middle dots, bullets, spots, full stops
_SLASHES = "\u2215\u2044\u29f8\u2571\u27cb"  # division, fraction, big, box-drawing slashes
_ATS = "\u24d0\u24b6"  # a circled a, which an address writes for its at sign
_OTHER_SIGNS = {"\u2216": "\\", "\u29f5": "\\", "\u2223": "|", "\u01c0": "|", "\u2758": "|"}  # set minus, divides...
# Letters that look like digits, read as digits in a run of digits (`readings`): Latin ones, and
# the letters of other alphabets that pass for them (a dotless i, a Latin letter ezh, tone
# letters, OU).
LOOKALIKE_DIGITS = {**dict.fromkeys("OoQD", "0"), **dict.fromkeys("lIi|!\u0131", "1"), **dict.fromkeys("Zz\u01a7", "2"),
                    "\u01b7": "3", **dict.fromkeys("Ss\u01bc\u01bd", "5"), **dict.fromkeys("Gb", "6"),
                    **dict.fromkeys("B\u0222", "8"), **dict.fromkeys("gq", "9")}
# Tab is read as a space, and every line break as "\n"; any other ASCII character is itself.
_ASCII_BREAKS = {"\t": " ", "\r": "\n", "\x0b": "\n", "\x0c": "\n"}


class _Normaliser(dict):
    """`str.translate` table, filled as characters are met: one character to what the
    detectors read."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Mn", "Me", "Mc"):
            out = ""
        elif category in ("Nd", "No", "Nl") and _digit_value(char) is not None:
            out = str(_digit_value(char))
        elif category in ("Zl", "Zp") or char == "\x85":
            out = "\n"
        elif category in ("Zs", "Cc"):
            out = char if char == "\x00" else " "
        elif category == "Pd" or char in _DASHES:
            out = "-"
        elif char in _DOTS:
            out = "."
        elif char in _SLASHES:
            out = "/"
        elif char in _ATS:
            out = "@"
        elif char in _OTHER_SIGNS:
            out = _OTHER_SIGNS[char]
        else:
            out = unicodedata.normalize("NFKC", char)
            if out != char:
                out = out.translate(self)
        self[code] = out
        return out


def _digit_value(char: str) -> int | None:
    """The digit a numeric character is written for: its value when that is 0 to 9, and the
    tens digit of a counting-rod tens numeral (a place-value digit like any other)."""
    value = unicodedata.numeric(char, None)
    if value is None or value != int(value):
        return None
    if value >= 10 and "TENS DIGIT" in unicodedata.name(char, ""):
        value //= 10
    return int(value) if 0 <= value <= 9 else None


def _ascii_table() -> _Normaliser:
    return _Normaliser({code: _ASCII_BREAKS.get(chr(code), chr(code)) for code in range(128)})


_TABLE = _ascii_table()


def clear_caches() -> None:
    """Forget the characters met so far (for a mutation tester: nothing computed before a
    change of this module may answer for it)."""
    global _TABLE
    _TABLE = _ascii_table()



# The characters that may read as something else: the ASCII ones that do (`_ASCII_BREAKS`),
# and any beyond ASCII; written as what they are not, which compiles sooner.
_MAY_CHANGE = re.compile("[^" + "".join(re.escape(chr(code)) for code in range(128) if chr(code) not in _ASCII_BREAKS) + "]")


def _changes(text: str) -> dict[str, str]:
    """Each character of `text` that reads as something else, and what it reads as: a text
    is read by replacing these alone (most characters of most texts read as themselves)."""
    met = [char for char in _ASCII_BREAKS if char in text] if text.isascii() else set(_MAY_CHANGE.findall(text))
    return {char: out for char in met if (out := _TABLE[ord(char)]) != char}


def _any_of(changes: dict[str, str]) -> re.Pattern:
    return re.compile("[" + re.escape("".join(sorted(changes))) + "]")


def _replaced(text: str, changes: dict[str, str]) -> str:
    """`text` with each character of `changes` replaced by what it reads as."""
    return _any_of(changes).sub(lambda match: changes[match.group()], text) if changes else text


def normalise(text: str) -> str:
    """`text` as the number, date and e-mail detectors read it (see the module's docstring)."""
    return _replaced(text, _changes(text))


def with_origin(text: str) -> tuple[str, Sequence[int]]:
    """The plain reading, with the position in `text` of each of its characters (a range
    where the reading keeps one character for one)."""
    changes = _changes(text)
    if not changes:
        return text, range(len(text))
    if all(len(out) == 1 for out in changes.values()):
        return _replaced(text, changes), range(len(text))
    parts, origin, last = [], [], 0
    for match in _any_of(changes).finditer(text):
        parts.append(text[last:match.start()])
        origin.extend(range(last, match.start()))
        out = changes[match.group()]
        parts.append(out)
        origin.extend([match.start()] * len(out))
        last = match.end()
    parts.append(text[last:])
    origin.extend(range(last, len(text)))
    return "".join(parts), origin
