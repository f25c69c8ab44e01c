"""The one reading stage: every text the package holds is read once, here, into each way a
person or a program could read it, and every detector reads those readings.

`Readings(text)` holds them, each made when first asked for and each a `Reading`: its text
and, for each of its characters, the position in the text as written of the character it
came from, so that whatever a detector finds is placed where it is written.

- `as_seen`: the text as written, and each encoding undone (`encodings`): what a browser, a
  Markdown viewer or a program shows. The script and invisible-character detectors read these.
- `normal`: the same, each read as the number, date and e-mail detectors read text
  (`normalise`): NFKC (full-width digits and ＠ count), digits of every script and every
  numeric sign worth 0 to 9 read as 0-9, format characters and combining marks dropped, every
  space a space, every line break "\\n", every dash "-"; with "[at]" and "(dot)" read as @ and .;
  the text backwards where a bidirectional control could make it display reversed; HTML as a
  browser shows it (`rendered`: hidden elements left out, reversed runs in the order shown);
  and letters that look like digits (O, l, I, S, B...) read as digits in runs of digits.

Decoded readings cover only the stretches around what a decoder changes (`windows`), each
encoding undone on its own and all of them one after another, until nothing changes (an
encoding inside another, up to `ROUNDS` deep).

>>> normalise("\\u2779\\u2778 1\\u20e3 \\u00b3 \\u3029\\U0001d368")
'43 1 3 99'
>>> [r.text for r in Readings("&#57;&#57; or 1O2O3O4O5O6l").normal]
['&#57;&#57; or 1O2O3O4O5O6l', '99 or 1O2O3O4O5O6l', '&#57;&#57; or 102030405061']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from .encodings import CSS_ESCAPES, DECODERS, ENCODED, ESCAPES, may_change
from .normal import LOOKALIKE_DIGITS, normalise, with_origin
from .rendered import rendered
from .windows import Near, windows

# What the documentation says of the readings (scripts/build_docs.py puts it in docs/validation.md).
HOW_TEXT_IS_READ = (
    "Digits are read whatever script or tradition writes them (full-width, Arabic-Indic, circled, "
    "superscript, Hangzhou and counting-rod numerals, Roman numerals), and letters that look like "
    "digits (O, l, I, S, B, ...) as digits in runs of six digits or more; between the digits of a "
    "number, any Unicode space or dash, an underscore, a dot, a slash or a sign that looks like one, "
    "parentheses (up to eight), a plus sign or a tilde between groups of three, a line break with "
    "the spaces around it, commas between groups of three, and invisible characters, are read "
    "through. HTML is read as a browser shows it: what a browser does not show (script and style, "
    "an element hidden by its attribute or its style, however deep) is left out, a block or a cell "
    "kept apart, a line break tag read as a line break, and a run shown right to left (bdo, a bidi "
    "override) read in the order shown. Markup that a Markdown viewer shows as nothing (an HTML "
    "comment or tag, a link or reference link as its text, a backslash escape, emphasis or code "
    "marks) beside a digit, an at sign, an ordinal or a month is dropped; a run reversed behind a "
    "bidirectional control is read backwards; HTML references, percent and quoted-printable "
    "escapes, backslash escapes as C, Python, JavaScript and CSS write them, code points in "
    "Unicode's notation (U+0031), base64 and hexadecimal bytes are decoded, each alone and one "
    "inside another, up to eight deep (in code, its own backslash escapes are left as written for "
    "the script detector, and CSS escapes are read only where CSS is); an at sign or a dot in "
    "brackets or between spaced dashes (-at-), and an at sign with spaces around it, are read as "
    "one. Every text is read: each cell (header and extra cells too), each key and value of every "
    "JSON file (numbers as written), every other file whole, every file's and folder's name, and "
    "what each symbolic link names.")
ROUNDS = 8  # of chained decoding: eight encodings one inside another are read
# Format characters that reorder how text displays (the package refuses them anywhere).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# How far around a decoded spot its readings reach: more than any identifier or date that a
# decoded spot is part of.
MARGIN = 200


@dataclass(frozen=True)
class Reading:
    text: str
    origin: Sequence[int]  # for each character, the position it comes from in the text as written

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the reading's characters [start, end) are written."""
        ends = self.origin[start], self.origin[end - 1]
        return min(ends), max(ends) + 1


class Readings:
    """Every reading of one text (see the module's docstring), each computed once, when first
    asked for. `code` marks a text of code (Python, JavaScript, CSS), whose backslash escapes
    are how it writes characters on purpose, and `styled` one where CSS is read (HTML, SVG):
    they decide which escapes `as_seen` undoes; `normal` undoes them all."""

    def __init__(self, text: str, code: bool = False, styled: bool = False):
        self.text = text
        self.code = code
        self._seen_decoders = _SEEN_DECODERS[code, styled]
        self._chains: dict[tuple, list[Reading]] = {}
        self._changed: dict[int, set] = {}  # for each stretch, the decoders that changed its chain of all

    @cached_property
    def written(self) -> Reading:
        return Reading(self.text, range(len(self.text)))

    @property
    def as_written(self) -> list[Reading]:
        return [self.written]

    @cached_property
    def _encoded(self) -> bool:
        return ENCODED.search(self.text) is not None

    @cached_property
    def _stretches(self) -> list[tuple[str, range, tuple]]:
        """(text, where it is written, the decoders that change something in it) for each
        stretch around what a decoder changes (`windows`)."""
        if not self._encoded:
            return []
        spots = _encoded_spots(self.text, DECODERS)
        found = []
        for start, end in windows([(a, b) for a, b, _ in spots], len(self.text), MARGIN):
            changing = sorted({index for a, b, index in spots if a < end and b > start})
            found.append((self.text[start:end], range(start, end), tuple(DECODERS[i] for i in changing)))
        return found

    @cached_property
    def _singles(self) -> list[list[tuple[tuple, Reading]]]:
        """For each stretch, each decoder that changes it, undone on its own."""
        return [list(_each_undone(piece, origin, changing)) for piece, origin, changing in self._stretches]

    @cached_property
    def _decoded(self) -> list[Reading]:
        """`normal`'s decoded readings, before they are normalised: each decoder undone on its
        own, then all of them chained (an encoding inside another)."""
        found = []
        for index, (_, singles) in enumerate(zip(self._stretches, self._singles)):
            found += [reading for _, reading in singles]
            found += self._chain(index, DECODERS)
        return found

    def _chain(self, index: int, decoders) -> list[Reading]:
        """`_chained` for the stretch at `index`, computed once for each set of decoders. The
        chain of all of them is made first: where none of the decoders a set leaves out changed
        anything in it, the set's chain is the same steps, so the same reading."""
        key = index, id(decoders)  # one of the module's tuples of decoders
        if key not in self._chains:
            if decoders is not DECODERS and self._changed_by_all(index).issubset(decoders):
                self._chains[key] = self._chain(index, DECODERS)
                return self._chains[key]
            piece, origin, _ = self._stretches[index]
            self._chains[key], changed = _chained(piece, origin, decoders, {r.text for _, r in self._singles[index]})
            if decoders is DECODERS:
                self._changed[index] = changed
        return self._chains[key]

    def _changed_by_all(self, index: int) -> set:
        """The decoders that changed something in the chain of all of them, at `index`."""
        self._chain(index, DECODERS)
        return self._changed[index]

    @cached_property
    def as_seen(self) -> list[Reading]:
        """The text as written, then as decoded (the escapes of code left as written)."""
        seen, found = self._seen_decoders, [self.written]
        for index, singles in enumerate(self._singles):
            found += [reading for decoder, reading in singles if decoder in seen]
            found += self._chain(index, seen)
        return _distinct(found)

    @cached_property
    def plain(self) -> Reading:
        return Reading(*with_origin(self.text))

    @cached_property
    def normal(self) -> list[Reading]:
        """The readings the number, date and e-mail detectors read (plain first)."""
        plain = self.plain
        found = [Reading(*_substitute(plain.text, plain.origin, BRACKETED, _bracketed))]
        if not self.text.isascii() and not BIDI_CONTROLS.isdisjoint(self.text):
            found.append(Reading(plain.text[::-1], plain.origin[::-1]))
        if not self._encoded:
            return found
        shown = rendered(self.text) if "<" in self.text and not self.code else None  # code is no page
        if shown is not None:
            found.append(Reading(*_substitute(*_normalised(*shown), BRACKETED, _bracketed)))
        found += [Reading(*_normalised(r.text, r.origin)) for r in self._decoded]
        changed = [m.span() for m in _LOOKALIKE_RUN.finditer(plain.text) if _as_digits(m) != m.group()]
        if changed:
            lookalikes = _LOOKALIKE_RUN.sub(_as_digits, plain.text)
            found += [Reading(lookalikes[start:end], plain.origin[start:end])
                      for start, end in windows(changed, len(plain.text), MARGIN)]
        return _distinct(found)


def _distinct(readings: list[Reading]) -> list[Reading]:
    """The readings, each text once (the first, which is placed no worse than a later one)."""
    made, kept = set(), []
    for reading in readings:
        if reading.text not in made:
            made.add(reading.text)
            kept.append(reading)
    return kept


# The decoders `as_seen` undoes, by (code, styled): code's own escapes are left as written,
# and CSS escapes are undone only where CSS is read.
_SEEN_DECODERS = {(code, styled): tuple(d for d in DECODERS if not (
    code and d[0] in ESCAPES or not styled and d[0] in CSS_ESCAPES))
    for code in (False, True) for styled in (False, True)}


# An at sign or a dot in brackets, between spaced dashes (-at-), or an at sign with spaces
# around it: " ?[(] ?(at|dot|@|.) ?[)] ?| -(at|dot)- | ?@ ?", written to start with the one
# character every match starts with (a space, a bracket or @), which the engine finds fast, and
# to look back at it for the alternatives.
_OPEN, _CLOSE = r"[\[({<\u3010\u3014\u3008\u300a]", r"[\])}>\u3011\u3015\u3009\u300b]"
_BRACKETED = re.compile(rf"[ @\[({{<\u3010\u3014\u3008\u300a](?:(?:(?<= ){_OPEN}|(?<={_OPEN})) ?(at|dot|@|\.) ?{_CLOSE} ?"
                        r"|(?<= )-(at|dot)- |(?:(?<= )@|(?<=@)) ?)", re.IGNORECASE)
# What each of its matches holds: an @, an at or a dot in brackets, or one between dashes,
# "@|{_OPEN} ?(?:at|dot|\.) ?{_CLOSE}|-(?:at|dot)-" (ignoring case), written to start with the
# character every match starts with, which the engine finds fast, and to look back at it.
_BRACKETED_HOLDS = re.compile(rf"[@{_OPEN[1:-1]}-](?:(?<=@)|(?<={_OPEN}) ?(?:at|dot|\.) ?{_CLOSE}|(?<=-)(?:at|dot)-)",
                              re.IGNORECASE)
_BRACKETED_LONGEST = 9  # " [ dot ] "


BRACKETED = Near(_BRACKETED, _BRACKETED_HOLDS, _BRACKETED_LONGEST)
# Letters that look like digits, read as digits in a run of digits with separators between
# its groups, when every group holds a digit; a group glued to any other letter is a word.
_LOOKALIKES = str.maketrans(LOOKALIKE_DIGITS)
_LOOKALIKE_CLASS = "[" + re.escape("".join(LOOKALIKE_DIGITS)) + "]"
_LOOKALIKE_GROUP = rf"{_LOOKALIKE_CLASS}*[0-9](?:[0-9]|{_LOOKALIKE_CLASS})*"
# Its first group is written to start with the character it reads first (which the engine
# finds fast), and looks back from there.
_LOOKALIKE_FIRST = (rf"[0-9{_LOOKALIKE_CLASS[1:]}(?<![\w].)(?:(?<=[0-9])(?:[0-9]|{_LOOKALIKE_CLASS})*"
                    rf"|(?<={_LOOKALIKE_CLASS}){_LOOKALIKE_CLASS}*[0-9](?:[0-9]|{_LOOKALIKE_CLASS})*)")
_LOOKALIKE_RUN = re.compile(rf"{_LOOKALIKE_FIRST}(?:[ ().\-/_]{{1,3}}{_LOOKALIKE_GROUP})*(?![\w])")


def _bracketed(match: re.Match) -> str:
    sign = match.group(1) or match.group(2)
    return "@" if sign in (None, "@") or sign.lower() == "at" else "."


def _encoded_spots(text: str, decoders) -> list[tuple[int, int, int]]:
    """(start, end, the decoder's place in `decoders`) where in `text` a decoder changes
    something, in order."""
    return sorted((*match.span(), index) for index, (pattern, decode) in enumerate(decoders) if may_change(pattern, text)
                  for match in pattern.finditer(text) if decode(match) != match.group())


def _each_undone(piece: str, origin: range, decoders=DECODERS):
    """(decoder, reading) for each decoder that changes the stretch, undone on its own."""
    for decoder in decoders:
        text, positions = _substitute(piece, origin, *decoder)
        if text != piece:
            yield decoder, Reading(text, positions)


def _chained(piece: str, origin: range, decoders, singles: set[str]) -> tuple[list[Reading], set]:
    """The stretch with all of `decoders` undone one after another, round after round until
    nothing changes (at most `ROUNDS`: an encoding inside another, inside another...), if that
    differs from the stretch and from each of `singles` (the stretch with one decoder undone);
    and the decoders that changed something on the way. Every decoder is tried from the first
    round: cut out of its text, a stretch may decode where the whole did not (a run of hex
    digits whose glued letter is outside it)."""
    chained, chained_origin, changed = piece, origin, set()
    for rounds in range(ROUNDS):
        before = chained
        for decoder in decoders:
            if may_change(decoder[0], chained):
                undone, chained_origin = _substitute(chained, chained_origin, *decoder)
                if undone is not chained:
                    changed.add(decoder)
                chained = undone
        if chained == before:
            break
    return [Reading(chained, chained_origin)] if chained != piece and chained not in singles else [], changed


def _as_digits(match: re.Match) -> str:
    """A run of digits and look-alike letters, as digits, when six or more of its characters
    are digits."""
    run = match.group()
    return run.translate(_LOOKALIKES) if sum(char.isdigit() for char in run) >= 6 else run


def _normalised(decoded: str, origin) -> tuple[str, Sequence[int]]:
    """The plain reading of decoded text, each character placed where its source was."""
    normal, inner = with_origin(decoded)
    if isinstance(inner, range):
        return normal, origin
    return normal, list(map(origin.__getitem__, inner))


def _substitute(text: str, origin, pattern: re.Pattern, replace) -> tuple[str, Sequence[int]]:
    """`text` with each match of `pattern` replaced, and the positions kept in step (a match
    left as it was, such as a blob that is no base64, stays in place)."""
    parts, positions, last = [], [], 0
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement == match.group():
            continue
        parts.append(text[last:match.start()])
        positions.extend(origin[last:match.start()])
        parts.append(replacement)
        positions.extend([origin[match.start()]] * len(replacement))
        last = match.end()
    if not parts:  # nothing replaced: the text as it is
        return text, origin
    parts.append(text[last:])
    positions.extend(origin[last:])
    return "".join(parts), positions
