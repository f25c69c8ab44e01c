"""How text is read before the identifier and date detectors look at it, and every other way
it could be read, so that an identifier disguised in one form is found in another.

`normalise` gives the plain reading: NFKC (full-width digits and ＠ count), digits of every
script and every numeric symbol (circled, parenthesised, superscript) read as 0-9, format
characters (zero-width spaces, soft hyphens, bidirectional controls) and combining marks
(a keycap, an underline) dropped, every space, line break, dash and dash-like sign read as a
separator. `readings` yields it, with the position in the text of each character, and the
other readings: "[at]" and "(dot)" as @ and .; the text backwards, where a bidirectional
control could make it display reversed; HTML entities, percent-encoding, backslash escapes
and base64 decoded; and the letters O, o, l and I read as digits inside runs of digits.

>>> normalise("\\u2779\\u2778 1\\u20e3 \\u00b3")
'43 1 3'
>>> [text for text, _ in readings("&#57;&#57; or 1O2O3O4O5O6l")]
['&#57;&#57; or 1O2O3O4O5O6l', '99 or 1O2O3O4O5O6l', '&#57;&#57; or 102030405061']
"""
from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from urllib.parse import unquote

# Format characters that reorder how text displays (the package refuses them anywhere).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Signs read as a dash between digits though not of category Pd: minus signs and the like.
_DASHES = "\u2212\u2796\ufe63\uff0d\u02d7\u2043\u2219\u2027\u2e3a\u2e3b"
_DOTS = "\u00b7\u2022\u30fb\uff65\u3002\uff61"  # middle dots, bullets, ideographic full stops
_ASCII_BREAKS = "\t\n\r\x0b\x0c"  # read as spaces; any other ASCII character is itself


class _Normaliser(dict):
    """`str.translate` table, filled as characters are met: one character to what the
    detectors read."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Mn", "Me", "Mc"):
            out = ""
        elif category in ("Nd", "No") and unicodedata.digit(char, None) is not None:
            out = str(unicodedata.digit(char))
        elif category in ("Zs", "Zl", "Zp", "Cc") or char in "\x85":
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


def _ascii_table() -> _Normaliser:
    return _Normaliser({code: chr(code) for code in range(128) if chr(code) not in _ASCII_BREAKS})


_TABLE = _ascii_table()

# Markers of an encoded form: a reading other than the plain one is worth making.
ENCODED = re.compile(r"&#?[0-9A-Za-z]+;|%[0-9A-Fa-f]{2}|\\(?:[xuU][0-9A-Fa-f]|[0-7]{3})"
                     r"|[A-Za-z0-9+/]{20,}={0,2}|[0-9][0-9OolI]{9,}")
_BRACKETED = re.compile(r" ?[\[({<\u3010\u3014\u3008\u300a] ?(at|dot|@|\.) ?[\])}>\u3011\u3015\u3009\u300b] ?"
                        r"| ?@ ?", re.IGNORECASE)
_BACKSLASH = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([0-7]{3}))")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{20,}={0,2}")
_HOMOGLYPH_RUN = re.compile(r"[0-9][0-9OolI]{9,}")
_HOMOGLYPHS = str.maketrans("OolI", "0011")


def clear_caches() -> None:
    """Forget the characters met so far (for a mutation tester: nothing computed before a
    change of this module may answer for it)."""
    global _TABLE
    _TABLE = _ascii_table()


def normalise(text: str) -> str:
    """`text` as the detectors read it (see the module's docstring)."""
    if not text.isascii():
        return text.translate(_TABLE)
    for char in _ASCII_BREAKS:
        if char in text:
            text = text.replace(char, " ")
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
    for decode in (_decoded_entities, _decoded_percent, _decoded_backslashes, _decoded_base64):
        decoded = decode(text)
        if decoded is not None and decoded[0] != text:
            # normalised as the plain reading is (an ellipsis or a dropped format character
            # elsewhere changes its length: each character keeps its position all the same)
            normal, inner = _with_origin(decoded[0])
            yield normal, list(map(decoded[1].__getitem__, inner))
    normal, origin = plain
    homoglyphs = _HOMOGLYPH_RUN.sub(lambda m: m.group().translate(_HOMOGLYPHS)
                                    if sum(c.isdigit() for c in m.group()) >= 6 else m.group(), normal)
    if homoglyphs != normal:
        yield homoglyphs, origin


def _with_origin(text: str) -> tuple[str, list[int]]:
    """The plain reading, with the position in `text` of each of its characters."""
    if text.isascii():
        return normalise(text), list(range(len(text)))
    uneven = "".join(char for char in set(text) if len(_TABLE[ord(char)]) != 1)
    if not uneven:  # one character for one
        return text.translate(_TABLE), list(range(len(text)))
    parts, origin, done = [], [], 0
    for match in re.finditer(f"[{re.escape(uneven)}]", text):  # read as none, or as several
        at = match.start()
        out = _TABLE[ord(text[at])]
        parts += [text[done:at].translate(_TABLE), out]
        origin += [*range(done, at), *[at] * len(out)]
        done = at + 1
    parts.append(text[done:].translate(_TABLE))
    origin += range(done, len(text))
    return "".join(parts), origin


def _substitute(normal: str, origin: list[int], pattern: re.Pattern, replace) -> tuple[str, list[int]]:
    """`normal` with each match of `pattern` replaced, and the positions kept in step."""
    if pattern.search(normal) is None:
        return normal, origin
    parts, positions, last = [], [], 0
    for match in pattern.finditer(normal):
        parts.append(normal[last:match.start()])
        positions += origin[last:match.start()]
        replacement = replace(match)
        parts.append(replacement)
        if replacement == match.group():  # left as it was (a blob that is not base64): in place
            positions += origin[match.start():match.end()]
        else:
            positions += [origin[match.start()]] * len(replacement)
        last = match.end()
    parts.append(normal[last:])
    positions += origin[last:]
    return "".join(parts), positions


def _decoded_entities(text: str):
    if "&" not in text:
        return None
    return _substitute(text, list(range(len(text))), re.compile(r"&#?[0-9A-Za-z]+;"),
                       lambda m: html.unescape(m.group()))


def _decoded_percent(text: str):
    if "%" not in text:
        return None
    return _substitute(text, list(range(len(text))), re.compile(r"(?:%[0-9A-Fa-f]{2})+"),
                       lambda m: unquote(m.group(), errors="replace"))


def _decoded_backslashes(text: str):
    if "\\" not in text:
        return None
    def decode(match):
        hex_value = match.group(1) or match.group(2) or match.group(3)
        code = int(hex_value, 16) if hex_value else int(match.group(4), 8)
        return chr(code) if code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "?"
    return _substitute(text, list(range(len(text))), _BACKSLASH, decode)


def _decoded_base64(text: str):
    if _BASE64.search(text) is None:
        return None
    def decode(match):
        blob = match.group()
        try:
            decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            return blob
        return decoded if decoded.isprintable() else blob
    return _substitute(text, list(range(len(text))), _BASE64, decode)
