"""Encodings that hide text, and how each is undone: HTML character references, with or
without the closing semicolon and with any leading zeros; percent escapes (also %uXXXX) and
quoted-printable ones; backslash escapes as C, Python, JavaScript and CSS write them, and
UTF-8 bytes written as hexadecimal or octal escapes; base64, also wrapped over lines;
hexadecimal bytes; code points in Unicode's notation (U+0031), two or more in a row; and
markup that a page or a Markdown viewer shows as nothing (comments, tags of all but block
elements, hidden elements with their content, links and reference links as their text,
backslash escapes of any ASCII punctuation, emphasis or code marks) touching a digit, an @, an
ordinal suffix or a month's name (`markup`; HTML as a browser shows it, whole, is `rendered`).

`ENCODED` marks text where one of them may apply; `DECODERS` lists (pattern, undo) pairs in
the order `readings` undoes them when chained. Each undo returns the match unchanged where it
decodes to no readable text.

>>> _from_entity(_ENTITY.search("&#57;")), _from_percent(_PERCENT.search("%31"))
('9', '1')
"""
from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from .markup import LINK, MARKUP, link_text, without_markup
from .normal import LOOKALIKE_DIGITS

_WHITE_SPACE_AS_SPACE = str.maketrans("\t\n\r", "   ")
_ENTITY = re.compile(r"&(?:#0*[0-9]{1,7};?|#[xX]0*[0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
# Each pattern that can starts with its literal sign, which the regular expression engine finds fast.
_PERCENT = re.compile(r"%(?:[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})(?:%(?:[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}))*")
_QUOTED_PRINTABLE = re.compile(r"=(?:[0-9A-F]{2}(?:=[0-9A-F]{2})*|[0-9A-Fa-f]{2}(?:=[0-9A-Fa-f]{2})+)")
_BACKSLASH = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})"
                        r"|([0-7]{3})|[ux]\{0*([0-9A-Fa-f]{1,6})\}|N\{([A-Za-z0-9 -]{1,88})\})")
# A tab, line break or form feed written as an escape beside a digit or an at sign: white space
# between what it parts (a digit, then backslash and t, then a digit), as a program that prints
# the string shows it.
_WHITE_ESCAPE = re.compile(r"\\(?:(?<=[0-9@]\\)[tnrfv]|[tnrfv](?=[0-9@]))")
# UTF-8 bytes as C, Python and shells write them: hexadecimal or octal escapes.
_BACKSLASH_BYTES = re.compile(r"\\(?:x[0-9A-Fa-f]{2}(?:\\x[0-9A-Fa-f]{2})+|[0-7]{3}(?:\\[0-7]{3})+)")
_CSS_ESCAPE = re.compile(r"\\([0-9A-Fa-f]{2,6})(?:\r\n|[ \t\r\n\f])?")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]{20,}(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]{4,})*={0,2}")
# Code points in Unicode's notation, two or more in a row: U+0031 U+0039, u+0031,u+0039.
_CODE_POINTS = re.compile(r"[Uu]\+[0-9A-Fa-f]{4,6}(?:[ ,]?[Uu]\+[0-9A-Fa-f]{4,6})+")
# Eight bytes or more, not glued to a letter or digit before them (but 0x) or after them. The
# pattern starts with the character it reads first, which the engine finds fast, and looks
# back from the second.
_HEX_BYTES = re.compile(r"[0-9A-Fa-f](?:(?<![0-9A-Za-z].)|(?<=0[xX].))[0-9A-Fa-f](?:[0-9A-Fa-f]{2}){7,}(?![0-9A-Za-z])")
# Markers of an encoded form: a reading other than the plain one is worth making.
_LOOKALIKE = "[" + re.escape("".join(LOOKALIKE_DIGITS) + "\u2223\u01c0\u2758") + "]"  # as read, or before
ENCODED = re.compile(r"&(?:#[0-9]|#[xX][0-9A-Fa-f]|[A-Za-z][A-Za-z0-9]{1,31};)|%[0-9A-Fa-f]{2}|=[0-9A-F]{2}"
                     r"|\\(?:[xuUN]|[0-9A-Fa-f]{2})|[0-9@]\\[tnrfv]|\\[tnrfv][0-9@]|[A-Za-z0-9+/_-]{20,}"
                     rf"|[0-9]{_LOOKALIKE}(?![A-Za-z])|(?<![A-Za-z]){_LOOKALIKE}[0-9]"
                     r"|\*|__|~~|`|\[|<[A-Za-z/!?]|\\[!-/:-@\[-`{-~]|[Uu]\+[0-9A-Fa-f]{4}")


def _from_entity(match: re.Match) -> str:
    return html.unescape(match.group())


def _from_percent(match: re.Match) -> str:
    """%XX as UTF-8 bytes, and %uXXXX (an old JavaScript form) as the character it names."""
    return "".join(chr(int(part[2:], 16)) if part.startswith("%u") else unquote(part, errors="replace")
                   for part in re.findall(r"%u[0-9A-Fa-f]{4}|(?:%[0-9A-Fa-f]{2})+", match.group()))


def _from_quoted_printable(match: re.Match) -> str:
    return bytes.fromhex(match.group().replace("=", "")).decode("utf-8", "replace")


def _from_white_escape(match: re.Match) -> str:
    return {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v"}[match.group()[1]]


def _from_backslash(match: re.Match) -> str:
    if match.group(6):
        try:
            return unicodedata.lookup(match.group(6))
        except KeyError:
            return match.group()
    hex_value = next((g for g in match.group(1, 2, 3, 5) if g), None)
    return _character(int(hex_value, 16) if hex_value else int(match.group(4), 8))


def _from_backslash_bytes(match: re.Match) -> str:
    try:
        written = match.group()
        values = [int(byte, 8) for byte in written.split("\\")[1:]] if written[1] != "x" else None
        decoded = (bytes(values) if values else bytes.fromhex(written.replace("\\x", ""))).decode("utf-8")
    except ValueError:
        return match.group()
    return decoded if _readable(decoded) else match.group()


def _from_code_points(match: re.Match) -> str:
    return "".join(_character(int(code, 16)) for code in re.findall(r"\+([0-9A-Fa-f]{4,6})", match.group()))


def _from_css_escape(match: re.Match) -> str:
    return _character(int(match.group(1), 16))


def _character(code: int) -> str:
    return chr(code) if code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "?"


def _from_base64(match: re.Match) -> str:
    """The bytes as text; or, where the whole does not decode, each part between slashes that
    does (a path of a web address: `example.org/<base64>`)."""
    decoded = _base64_text(match.group())
    if decoded is not None or "/" not in match.group():
        return decoded if decoded is not None else match.group()
    parts = match.group().split("/")
    return "/".join(_base64_text(part) if len(part) >= 20 and _base64_text(part) is not None else part
                    for part in parts)


_SPACES = re.compile(r"\s")


def _base64_text(written: str) -> str | None:
    """The text a run of base64 decodes to, or None; a short run (a name or a word of code,
    met again and again) decoded once."""
    return _short_base64_text(written) if len(written) <= _REMEMBERED else _decoded_base64_text(written)


_REMEMBERED = 256  # characters of a run whose decoding is kept: 4096 runs, at most 1 MiB in all


@lru_cache(maxsize=4096)
def _short_base64_text(written: str) -> str | None:
    return _decoded_base64_text(written)


def _decoded_base64_text(written: str) -> str | None:
    blob = _SPACES.sub("", written).replace("-", "+").replace("_", "/")
    try:
        decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return _as_text(decoded)


def _from_hex_bytes(match: re.Match) -> str:
    try:
        decoded = _as_text(bytes.fromhex(match.group()).decode("utf-8"))
    except ValueError:
        return match.group()
    return decoded if decoded is not None else match.group()


def _readable(decoded: str) -> bool:
    """Decoded bytes that are text: printable characters and white space only."""
    return decoded.translate(_WHITE_SPACE_AS_SPACE).isprintable()


def _as_text(decoded: str) -> str | None:
    """Decoded UTF-8 as text, a control character read as a space (`ID`, a separator, the
    number), where at least four in five of its characters are printable; else None."""
    shown = decoded.translate(_WHITE_SPACE_AS_SPACE)
    printable = sum(char.isprintable() for char in shown)
    if not shown or printable * 5 < len(shown) * 4:
        return None
    return "".join(char if char.isprintable() else " " for char in shown)


# In the order they are undone when chained: the outermost encodings of text on the web first.
# Backslash escapes, which code writes on purpose, and CSS escapes, which only CSS reads.
ESCAPES = (_BACKSLASH_BYTES, _BACKSLASH, _WHITE_ESCAPE, _CSS_ESCAPE)
CSS_ESCAPES = (_CSS_ESCAPE,)
DECODERS = ((MARKUP, without_markup), (LINK, link_text), (_BASE64, _from_base64), (_HEX_BYTES, _from_hex_bytes),
             (_PERCENT, _from_percent), (_QUOTED_PRINTABLE, _from_quoted_printable), (_ENTITY, _from_entity),
             (_BACKSLASH_BYTES, _from_backslash_bytes), (_BACKSLASH, _from_backslash),
             (_WHITE_ESCAPE, _from_white_escape),
             (_CSS_ESCAPE, _from_css_escape), (_CODE_POINTS, _from_code_points))
# For each decoder whose every match holds one of a few characters (or pairs of them), those:
# where a text holds none of them, the decoder leaves it as it is (`may_change`).
_SIGNS = {MARKUP: "<*_~`[\\", LINK: "[", _PERCENT: "%", _QUOTED_PRINTABLE: "=", _ENTITY: "&",
          _BACKSLASH_BYTES: "\\", _BACKSLASH: "\\", _WHITE_ESCAPE: "\\", _CSS_ESCAPE: "\\",
          _CODE_POINTS: ("U+", "u+")}


def may_change(pattern: re.Pattern, text: str) -> bool:
    """Whether the decoder of `pattern` may change `text` (it may say yes wrongly, never no
    wrongly): a text without any of the signs each of its matches holds, it cannot."""
    signs = _SIGNS.get(pattern)
    return signs is None or any(sign in text for sign in signs)
