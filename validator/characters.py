"""Characters the article never prints, which personal data could hide in or behind:
letters and digits of another script than Latin (a name written in Han characters), and
invisible characters (zero-width spaces, soft hyphens, a BOM inside text, bidirectional
controls that make a reversed string display as something else).

>>> [(kind, at) for kind, at, _ in foreign_runs("Dr " + "\\u5f20\\u4f1f" + " said")]
[('Han', 3)]
>>> [name for name, _ in invisible_characters("ab\\u200bc\\u202e\\x1b[8m")]
['ZERO WIDTH SPACE', 'RIGHT-TO-LEFT OVERRIDE', 'U+001B']
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Invisible, though not all of category Cf: fillers, the combining grapheme joiner,
# variation selectors.
_INVISIBLE_EXTRA = {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, *range(0xFE00, 0xFE10),
                    *range(0xE0100, 0xE01F0)}


@lru_cache(maxsize=None)
def script_of(char: str) -> str | None:
    """The script of a letter or digit that is not Latin (None for Latin, ASCII, marks,
    punctuation and symbols)."""
    if char.isascii():
        return None
    category = unicodedata.category(char)
    if not (category.startswith("L") or category == "Nd"):
        # a symbol that is a letter in disguise (a Kangxi radical is a Han character)
        normal = unicodedata.normalize("NFKC", char)
        return next((script_of(c) for c in normal if c != char and script_of(c)), None)
    name = unicodedata.name(char, "UNKNOWN")
    if name.startswith("LATIN"):
        return None
    first = name.split()[0]
    return {"CJK": "Han", "FULLWIDTH": "full-width"}.get(first, first.capitalize())


def foreign_runs(text: str, allowed_words=()) -> list[tuple[str, int, int]]:
    """(script, start, length) of every run of letters or digits of another script than
    Latin, outside the `allowed_words` (the sensitive-column vocabulary, which names them)."""
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
    """A format or control character (but tab and line breaks), or one that shows nothing."""
    category = unicodedata.category(char)
    return (category == "Cf" or (category == "Cc" and char not in "\t\n\r")
            or ord(char) in _INVISIBLE_EXTRA)


def invisible_characters(text: str) -> list[tuple[str, int]]:
    """(Unicode name, position) of every invisible, format or control character in `text`."""
    if text.isascii() and text.isprintable():
        return []
    return [(unicodedata.name(char, f"U+{ord(char):04X}"), index)
            for index, char in enumerate(text) if (not char.isascii() or not char.isprintable()) and is_invisible(char)]
