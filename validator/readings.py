"""How text is read before the identifier and date detectors look at it, and every other way
it could be read, so that an identifier disguised in one form is found in another.

`normalise` gives the plain reading: NFKC (full-width digits and ＠ count), digits of every
script and every numeric sign worth 0 to 9 (circled, parenthesised, superscript, Hangzhou
and counting-rod numerals, Roman numerals) read as 0-9, format characters (zero-width spaces,
soft hyphens, bidirectional controls) and combining marks (a keycap, an underline) dropped,
every space read as a space, every line break as "\\n", every dash and dash-like sign as "-". `readings` yields it,
with the position in the text of each character, and the other readings: "[at]" and "(dot)"
as @ and .; the text backwards, where a bidirectional control could make it display
reversed; each encoding decoded on its own (HTML character references, with or without the
closing semicolon; percent and quoted-printable escapes; backslash escapes as C, Python,
JavaScript and CSS write them; base64, also wrapped over lines; hexadecimal bytes; HTML tags
and comments and Markdown emphasis or code marks touching a digit, dropped), and all
of them decoded one after another, so that an encoding inside another is undone too; and
letters that look like digits (O, l, I, S, B...) read as digits in runs of digits.

>>> normalise("\\u2779\\u2778 1\\u20e3 \\u00b3 \\u3029\\U0001d368")
'43 1 3 99'
>>> [text for text, _ in readings("&#57;&#57; or 1O2O3O4O5O6l")]
['&#57;&#57; or 1O2O3O4O5O6l', '99 or 1O2O3O4O5O6l', '&#57;&#57; or 102030405061']
"""
from __future__ import annotations

import re
import unicodedata

from .encodings import DECODERS, ENCODED

# Format characters that reorder how text displays (the package refuses them anywhere).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Signs read as a dash between digits though not of category Pd: minus signs and the like.
_DASHES = "\u2212\u2796\ufe63\uff0d\u02d7\u2043\u2219\u2027\u2e3a\u2e3b"
_DOTS = "\u00b7\u2022\u30fb\uff65\u3002\uff61"  # middle dots, bullets, ideographic full stops
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

_BRACKETED = re.compile(r" ?[\[({<\u3010\u3014\u3008\u300a] ?(at|dot|@|\.) ?[\])}>\u3011\u3015\u3009\u300b] ?"
                        r"| ?@ ?", re.IGNORECASE)
# Letters that look like digits, read as digits in a run of digits with separators between
# its groups, when every group holds a digit; a group glued to any other letter is a word.
_LOOKALIKES = str.maketrans("OoQD" "lIi|!" "Zz" "Ss" "Gb" "B" "gq", "0000" "11111" "22" "55" "66" "8" "99")
_LOOKALIKE_GROUP = r"[OoQDlIi|!ZzSsGbBgq]*[0-9][0-9OoQDlIi|!ZzSsGbBgq]*"
_LOOKALIKE_RUN = re.compile(rf"(?<![\w]){_LOOKALIKE_GROUP}(?:[ ().\-/_]{{1,3}}{_LOOKALIKE_GROUP})*(?![\w])")


def clear_caches() -> None:
    """Forget the characters met so far (for a mutation tester: nothing computed before a
    change of this module may answer for it)."""
    global _TABLE
    _TABLE = _ascii_table()


def normalise(text: str) -> str:
    """`text` as the detectors read it (see the module's docstring)."""
    if not text.isascii():
        return text.translate(_TABLE)
    for char, out in _ASCII_BREAKS.items():
        if char in text:
            text = text.replace(char, out)
    return text


def readings(text: str):
    """(reading, position in `text` of each of its characters) for every way to read `text`:
    the plain one first (see the module's docstring)."""
    plain = _with_origin(text)
    yield _substitute(*plain, _BRACKETED, lambda m: "@" if m.group(1) in (None, "@") or
                      m.group(1).lower() == "at" else ".")
    if not BIDI_CONTROLS.isdisjoint(text):
        normal, origin = plain
        yield normal[::-1], origin[::-1]
    if ENCODED.search(text) is None:
        return
    yield from decoded(text)
    normal, origin = plain
    changed = [m.span() for m in _LOOKALIKE_RUN.finditer(normal) if _as_digits(m) != m.group()]
    if changed:
        lookalikes = _LOOKALIKE_RUN.sub(_as_digits, normal)
        for start, end in windows(changed, len(normal)):
            yield lookalikes[start:end], origin[start:end]


def decoded(text: str, decoders=DECODERS, normal: bool = True):
    """(reading, position in `text` of each of its characters) for each reading of `text`
    with the encodings of `decoders` (by default all) undone, around what they change; with
    `normal`, each reading as the detectors read it (`normalise`), else as decoded."""
    if ENCODED.search(text) is None:
        return
    for start, end in windows(_encoded_spots(text, decoders), len(text)):
        yield from _decoded_readings(text[start:end], range(start, end), decoders, normal)


def _encoded_spots(text: str, decoders) -> list[tuple[int, int]]:
    """Where in `text` a decoder changes something."""
    return sorted(match.span() for pattern, decode in decoders for match in pattern.finditer(text)
                  if decode(match) != match.group())


def windows(spots, length: int, margin: int = 200) -> list[tuple[int, int]]:
    """The stretches of text around `spots` (spans, sorted), `margin` characters wider on
    either side (by default enough for any identifier or date that a decoded spot is part
    of), joined where they overlap: only they need reading again."""
    joined: list[tuple[int, int]] = []
    for start, end in spots:
        start, end = max(0, start - margin), min(length, end + margin)
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _decoded_readings(piece: str, origin: range, decoders, normal: bool = True):
    """The readings of a stretch of text with each encoding decoded on its own, and with all
    of them decoded one after another (three rounds, for an encoding inside another)."""
    made = {piece}
    chained, chained_origin = piece, origin
    for pattern, decode in decoders:
        decoded = _substitute(piece, origin, pattern, decode)
        if decoded[0] not in made:
            made.add(decoded[0])
            yield _normalised(*decoded) if normal else decoded
        chained, chained_origin = _substitute(chained, chained_origin, pattern, decode)
    for _ in range(2):
        before = chained
        for pattern, decode in decoders:
            chained, chained_origin = _substitute(chained, chained_origin, pattern, decode)
        if chained == before:
            break
    if chained not in made:
        yield _normalised(chained, chained_origin) if normal else (chained, chained_origin)


def _as_digits(match: re.Match) -> str:
    """A run of digits and look-alike letters, as digits, when six or more of its characters
    are digits."""
    run = match.group()
    return run.translate(_LOOKALIKES) if sum(char.isdigit() for char in run) >= 6 else run


def _normalised(decoded: str, origin) -> tuple[str, list[int] | range]:
    """The plain reading of decoded text, each character placed where its source was."""
    normal, inner = _with_origin(decoded)
    if isinstance(inner, range):
        return normal, origin
    return normal, list(map(origin.__getitem__, inner))


def _with_origin(text: str) -> tuple[str, list[int] | range]:
    """The plain reading, with the position in `text` of each of its characters (a range
    where the reading keeps one character for one)."""
    if text.isascii():
        return normalise(text), range(len(text))
    changed = "".join(char for char in set(text) if len(_TABLE[ord(char)]) != 1)
    if not changed:
        return text.translate(_TABLE), range(len(text))
    parts, origin, last = [], [], 0
    for match in re.finditer(f"[{re.escape(changed)}]", text):
        parts.append(text[last:match.start()].translate(_TABLE))
        origin.extend(range(last, match.start()))
        out = _TABLE[ord(match.group())]
        parts.append(out)
        origin.extend([match.start()] * len(out))
        last = match.end()
    parts.append(text[last:].translate(_TABLE))
    origin.extend(range(last, len(text)))
    return "".join(parts), origin


def _substitute(normal: str, origin, pattern: re.Pattern, replace) -> tuple[str, list[int] | range]:
    """`normal` with each match of `pattern` replaced, and the positions kept in step."""
    if pattern.search(normal) is None:
        return normal, origin
    parts, positions, last = [], [], 0
    for match in pattern.finditer(normal):
        parts.append(normal[last:match.start()])
        positions.extend(origin[last:match.start()])
        replacement = replace(match)
        parts.append(replacement)
        if replacement == match.group():  # left as it was (a blob that is no base64): in place
            positions.extend(origin[match.start():match.end()])
        else:
            positions.extend([origin[match.start()]] * len(replacement))
        last = match.end()
    parts.append(normal[last:])
    positions.extend(origin[last:])
    return "".join(parts), positions
