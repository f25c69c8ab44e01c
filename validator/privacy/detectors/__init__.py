"""The detectors, one module per kind of personal data, in the order they are run and
reported: each adds one line to `DETECTORS`.

A detector module, in the python-stdnum and Presidio shape, says:

- `CHECK`: the name of the privacy check that reports what it finds;
- `FINDS`: what it finds, as the README's and the datasheet's lists say it (generated from here);
- `READS`: which readings of a text it reads (`readings.Readings`): `NORMAL` (digits, dates and
  addresses however they are written), `AS_SEEN` (the characters a reader sees) or
  `AS_WRITTEN` (the characters as written: a decoded reading would make control characters of
  text such as `=10`);
- `EXPECTED`: what its findings say after what was found;
- `MAY_HOLD`: its pre-filter, a pattern that every reading holding something it finds matches
  (it may match wrongly, never miss: a property test holds it to that);
- `find(text, numeric)`: what it finds in one reading, each a `Found`; `numeric` marks a number
  in a number column, which some kinds cannot be (a large quantity is no phone number).

`detect` runs one detector over every reading it reads and places each find where it is
written; of finds that overlap, the outermost is kept (a date inside a longer one is one).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from types import ModuleType

from ..encodings import ENCODED
from ..normal import normalise
from ..readings import BRACKETED, Readings
from . import email, full_date, invisible, phone, resident_id, script
from .found import Found

NORMAL, AS_SEEN, AS_WRITTEN = "normal", "as_seen", "as_written"

DETECTORS: list[ModuleType] = [
    resident_id,
    phone,
    email,
    full_date,
    script,
    invisible,
]


def detect(readings: Readings, detector: ModuleType, numeric: bool = False) -> list[Found]:
    """What `detector` finds in every reading it reads, placed where it is written, in order."""
    found: dict[tuple[int, int], Found] = {}
    for reading in getattr(readings, detector.READS):
        if detector.MAY_HOLD.search(reading.text) is None:
            continue
        for item in detector.find(reading.text, numeric):
            start, end = reading.span(item.start, item.end)
            kept = found.get((start, end))
            if kept is None or item.rank > kept.rank:
                found[start, end] = item._replace(start=start, end=end)
    return _outermost(found.values())


def _outermost(found) -> list[Found]:
    """The finds that no other holds, in order (sorted by start, and by end from the longest,
    a find is held when one before it reaches as far)."""
    kept, reach = [], -1
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if item.end > reach:
            kept.append(item)
            reach = item.end
    return kept


def found_in(text: str | Readings, numeric: bool = False) -> list[tuple[str, Found]]:
    """(check, find) for everything any detector finds in a text (a string is read as a text
    of no particular kind); what one detector finds at exactly the place an earlier one that
    reads the same readings did is the earlier one's alone (an ID number is not also a phone
    number)."""
    readings = Readings(text) if isinstance(text, str) else text
    taken, out = set(), []
    for detector in DETECTORS:
        for item in detect(readings, detector, numeric):
            if (detector.READS, item.start, item.end) not in taken:
                taken.add((detector.READS, item.start, item.end))
                out.append((detector.CHECK, item))
    return out


# Pre-filters that another's implies: a text an ID number's matches (fifteen digits or more,
# `digits.at_least`), a phone number's matches too (eight or more). The union leaves them out.
IMPLIED = {resident_id: phone}
# The union of the pre-filters: of the detectors that read text as written, and of those that
# read it as the number detectors do.
_NORMAL_MAY_HOLD = re.compile("|".join(
    f"(?{'i' if d.MAY_HOLD.flags & re.IGNORECASE else ''}:{d.MAY_HOLD.pattern})"
    for d in DETECTORS if d.READS == NORMAL and d not in IMPLIED))
_SEEN_MAY_HOLD = re.compile("|".join(d.MAY_HOLD.pattern for d in DETECTORS if d.READS != NORMAL))
_SEEN_IN_A_ROW = re.compile(r"[^\x00\t\n\r -~]")  # as _SEEN_MAY_HOLD, but for the NUL that joins cells


@lru_cache(maxsize=4096)  # a document's values repeat ("0", "", "string"): each is tested once
def may_hold(text: str) -> bool:
    """Whether any detector could find anything in any reading of `text` (it may say yes
    wrongly, never no wrongly): text with a character beyond ASCII that is not `plain`, or
    with an encoding, could read otherwise; other text reads only as itself and, for the
    number detectors, as they read it, with its bracketed at signs and dots read as @ and .
    (`Readings.normal`, first)."""
    if ENCODED.search(text) or _seen_may_hold(_SEEN_MAY_HOLD, text):
        return True
    return _normal_may_hold(normalise(text))


def row_may_hold(cells: Sequence[str]) -> bool:
    """`may_hold` for a table row, its cells joined by NUL, which no detector reads across (no
    number, date or address runs from one cell into the next)."""
    joined = "\x00".join(cells)
    if joined.count("\x00") != len(cells) - 1 or _seen_may_hold(_SEEN_IN_A_ROW, joined):
        return True
    if ENCODED.search(joined):
        return True
    return _normal_may_hold(normalise(joined))


def _normal_may_hold(normal: str) -> bool:
    """Whether the number, date and e-mail detectors could find anything in text that reads
    only as itself, given as they read it (`normalise`: a tab read as a space, so that
    "\t-at-\t" is a bracketed at sign): an at sign or a dot in brackets read as one, or what
    their pre-filters match."""
    return BRACKETED.search(normal) is not None or _NORMAL_MAY_HOLD.search(normal) is not None


def _seen_may_hold(pre_filter: re.Pattern, text: str) -> bool:
    """Whether the detectors that read the characters a reader sees could find one in `text`:
    a character their pre-filter matches that is not `plain`."""
    return any(not all(map(plain, match.group())) for match in pre_filter.finditer(text))


@lru_cache(maxsize=2**16)  # characters, as met
def plain(char: str) -> bool:
    """Whether every detector reads `char` as it is written, and only as itself: a printable
    ASCII character, or one beyond ASCII (é, a curly quotation mark) that is of no other
    script than Latin, is not invisible, and is read as itself by the number, date and e-mail
    detectors (no digit, dash, space or compatibility form)."""
    return script.script_of(char) is None and not invisible.is_invisible(char) and normalise(char) == char
