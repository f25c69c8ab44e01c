"""Encodings that hide text, and how each is undone: HTML character references, with or
without the closing semicolon; percent and quoted-printable escapes; backslash escapes as C,
Python, JavaScript and CSS write them, and UTF-8 bytes written as backslash escapes; base64,
also wrapped over lines; hexadecimal bytes; and markup that a page or a Markdown viewer shows
as nothing (an HTML comment, an inline tag, emphasis or code marks) touching a digit.

`ENCODED` marks text where one of them may apply; `DECODERS` lists (pattern, undo) pairs in
the order `readings` undoes them when chained. Each undo returns the match unchanged where it
decodes to no readable text.

>>> _from_entity(_ENTITY.search("&#57;")), _without_markup(_MARKUP.search("1<b>2"))
('9', '')
"""
from __future__ import annotations

import base64
import binascii
import html
import re
import unicodedata
from urllib.parse import unquote

_WHITE_SPACE_AS_SPACE = str.maketrans("\t\n\r", "   ")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_QUOTED_PRINTABLE = re.compile(r"(?:=[0-9A-F]{2})+")
_BACKSLASH = re.compile(r"\\(?:x([0-9A-Fa-f]{2})(?![0-9A-Fa-f])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})"
                        r"|([0-7]{3})|[ux]\{([0-9A-Fa-f]{1,6})\}|N\{([A-Za-z0-9 -]{1,88})\})")
_BACKSLASH_BYTES = re.compile(r"(?:\\x[0-9A-Fa-f]{2}){2,}")  # UTF-8 bytes, as C and Python write them
_CSS_ESCAPE = re.compile(r"\\([0-9A-Fa-f]{2,6})(?:\r\n|[ \t\r\n\f])?")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]{20,}(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]{4,})*={0,2}")
_HEX_BYTES = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Za-z])")
# Markup that a page or a Markdown viewer shows as nothing, touching a digit: an HTML comment,
# a tag of an element that stays within its line of text, emphasis or code marks. Between the
# digits of a number, the number displays whole (a table cell or a paragraph would not).
_INLINE = ("a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span"
           "|strike|strong|sub|sup|time|tt|u|var|wbr")
_MARKUP_ITEM = (rf"<!--.{{0,200}}?-->|</?(?:{_INLINE})(?:[ \t\n/][^<>]{{0,200}})?>"
                r"|\*{1,3}|_{2,3}|~~|`{1,3}")
_MARKUP = re.compile(rf"(?<=[0-9])(?:{_MARKUP_ITEM})+|(?:{_MARKUP_ITEM})+(?=[0-9])", re.DOTALL | re.IGNORECASE)
# Markers of an encoded form: a reading other than the plain one is worth making.
ENCODED = re.compile(r"&(?:#[0-9]|#[xX][0-9A-Fa-f]|[A-Za-z][A-Za-z0-9]{1,31};)|%[0-9A-Fa-f]{2}|=[0-9A-F]{2}"
                     r"|\\(?:[xuUN]|[0-9A-Fa-f]{2})|[A-Za-z0-9+/_-]{20,}"
                     r"|[0-9][OoQDlIi|!ZzSsGbBgq](?![A-Za-z])|(?<![A-Za-z])[OoQDlIi|!ZzSsGbBgq][0-9]"
                     r"|[0-9](?:<|\*|__|~~|`)|(?:>|\*|__|~~|`)[0-9]")


def _without_markup(match: re.Match) -> str:
    return ""


def _from_entity(match: re.Match) -> str:
    return html.unescape(match.group())


def _from_percent(match: re.Match) -> str:
    return unquote(match.group(), errors="replace")


def _from_quoted_printable(match: re.Match) -> str:
    return bytes.fromhex(match.group().replace("=", "")).decode("utf-8", "replace")


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
        decoded = bytes.fromhex(match.group().replace("\\x", "")).decode("utf-8")
    except ValueError:
        return match.group()
    return decoded if _readable(decoded) else match.group()


def _from_css_escape(match: re.Match) -> str:
    return _character(int(match.group(1), 16))


def _character(code: int) -> str:
    return chr(code) if code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "?"


def _from_base64(match: re.Match) -> str:
    blob = re.sub(r"\s", "", match.group()).replace("-", "+").replace("_", "/")
    try:
        decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return match.group()
    return decoded if _readable(decoded) else match.group()


def _from_hex_bytes(match: re.Match) -> str:
    try:
        decoded = bytes.fromhex(match.group()).decode("utf-8")
    except ValueError:
        return match.group()
    return decoded if _readable(decoded) else match.group()


def _readable(decoded: str) -> bool:
    """Decoded bytes that are text: printable characters and white space only."""
    return decoded.translate(_WHITE_SPACE_AS_SPACE).isprintable()


# In the order they are undone when chained: the outermost encodings of text on the web first.
ESCAPES = (_BACKSLASH_BYTES, _BACKSLASH, _CSS_ESCAPE)
DECODERS = ((_MARKUP, _without_markup), (_BASE64, _from_base64), (_HEX_BYTES, _from_hex_bytes),
             (_PERCENT, _from_percent), (_QUOTED_PRINTABLE, _from_quoted_printable), (_ENTITY, _from_entity),
             (_BACKSLASH_BYTES, _from_backslash_bytes), (_BACKSLASH, _from_backslash),
             (_CSS_ESCAPE, _from_css_escape))
