"""The values that are no one's, for a reason that holds in code; any other date, number or
address needs a reviewed exception (`exceptions`), however harmless it looks.

- The events' own dates: the dates of an event row whose words are printed at its span in
  the pinned article, whose dates are what those words denote (`time_expressions`), in a
  year the article prints; anywhere (the page, the README and the tests print them). Their own
  cells (`date_from`, `date_to`) are the faithfulness layer's to hold to the article's words
  (and where the article is not the pinned one, the package is refused as a whole).
- Release dates, in the places that record them: the descriptor's `created`, the
  `date-released` of CITATION.cff, and the version headings of CHANGELOG.md (each version below
  the one above it, each date no later), each after the last day of every event. A member's
  birth or joining date would lie before the data was reportedly removed (in 2016, the article
  says), and so before the last day of every event; a release date after those days cannot be
  one.
- An ID number's digits as written inside one of the package's own digests: the SHA-256 of a
  file of the package (the article snapshot's, a table's) as the validator computes it from the
  file's bytes, written whole (64 hexadecimal digits) anywhere. No one can make a digest hold a
  chosen ID number (some 10^17 tries a place). A date or a phone number in a digest can be
  made by trying variants of a file's bytes, so it needs a reviewed exception like any other.
"""
from __future__ import annotations

import re
import string
from datetime import date

from .. import time_expressions
from ..package import DESCRIPTOR
from .detectors.resident_id import CHECK as ID_CHECK

CITATION, CHANGELOG = "CITATION.cff", "CHANGELOG.md"
# The table whose date columns hold the events' own dates, which the faithfulness layer holds to
# the article's words: a cell of one that is one ISO date is not read for personal data.
EVENTS, EVENT_DATE_COLUMNS = "events", ("date_from", "date_to")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def faithfulness_dates(resource) -> tuple[str, ...]:
    """The columns of `resource` whose ISO dates are the faithfulness layer's (see above)."""
    return EVENT_DATE_COLUMNS if resource.name == EVENTS else ()
_RELEASED = re.compile(r"^date-released: ['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_HEADING = re.compile(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)
_YEAR = re.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")


def allowed_dates(ctx) -> "AllowedDates":
    """The allowed dates of the package a validation reads (one per validation: `ctx.shared`)."""
    return AllowedDates(ctx.package, ctx.article_is_pinned)


class AllowedDates:
    """Which of the full dates found in a text are no one's (see the module's docstring)."""

    def __init__(self, package, article_is_pinned: bool):
        events = package.resources.get(EVENTS)
        self.event_cells = (events.path, EVENT_DATE_COLUMNS) if events else None
        self.events = _event_dates(package, events) if article_is_pinned else set()
        # The last day of the events: of those the article's words fix or, where the article is
        # not the snapshot, of the events table as it stands. With none (no events table to
        # read), the package is refused for that, and a release date is not held to them.
        latest = max(self.events or _table_dates(events), default="")
        created = (package.descriptor or {}).get("created")
        self.created = created[:10] if isinstance(created, str) and created[:10] > latest else None
        self.release_spans = _release_spans(package, latest)

    def allows(self, text, found) -> bool:
        """Whether the date a detector `found` in `text` (its value ISO 8601) is allowed: a
        release date only where it is the whole of the date a release records, no more."""
        value = found.value
        if self.event_cells and text.resource == self.event_cells[0] and text.field in self.event_cells[1]:
            return True
        if value in self.events:
            return True
        if text.resource == DESCRIPTOR:
            return (text.where, text.field) == ("the value", "created") and value == self.created
        first, last = text.offset + found.start, text.offset + found.end
        return any(start <= first and last <= end and value == day
                   for start, end, day in self.release_spans.get(text.resource, ()))


def _event_dates(package, events) -> set[str]:
    """The dates of the event rows that the article's own words fix (see the docstring)."""
    article = package.article
    if events is None or events.table is None or article is None:
        return set()
    years = set(_YEAR.findall(article))
    found = set()
    for _, row in events.table.dicts():
        try:
            start, end = int(row["start"]), int(row["end"])
            first, last = date.fromisoformat(row["date_from"]), date.fromisoformat(row["date_to"])
            meaning = time_expressions.interpret(row["text"])
        except (KeyError, TypeError, ValueError):
            continue
        if article[start:end] == row["text"] and time_expressions.agrees(meaning, first, last) \
                and {str(first.year), str(last.year)} <= years:
            found |= {first.isoformat(), last.isoformat()}
    return found


def _table_dates(events) -> set[str]:
    if events is None or events.table is None:
        return set()
    return {day for _, row in events.table.dicts() for day in (row.get("date_from"), row.get("date_to"))
            if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)}


def _release_spans(package, latest: str) -> dict[str, list[tuple[int, int, str]]]:
    """Where in CITATION.cff and CHANGELOG.md a release date after `latest` may stand: the
    date of `date-released`, and those of the version headings."""
    places: dict[str, list[tuple[int, int]]] = {}
    for file in package.files:
        if file.text is None:
            continue
        if file.path == CITATION:
            released = _RELEASED.search(file.text)
            if released and released.group(1) > latest:
                places[CITATION] = [(*released.span(1), released.group(1))]
        elif file.path == CHANGELOG:
            places[CHANGELOG] = _headings_in_order(file.text, latest)
    return places


def _headings_in_order(text: str, latest: str) -> list[tuple[int, int, str]]:
    """The date spans of the version headings each below the one above it, with a date no
    later than its, and after `latest`."""
    spans, above = [], None
    for heading in _HEADING.finditer(text):
        version, day = tuple(map(int, heading.group(1, 2, 3))), heading.group(4)
        if day > latest and (above is None or (version < above[0] and day <= above[1])):
            spans.append((*heading.span(4), day))
        above = (version, day)
    return spans


def package_digests(ctx) -> "Digests":
    """The SHA-256 digests of the package's files, computed from their bytes (one per
    validation: `ctx.shared`)."""
    return Digests({resource.facts.sha256.removeprefix("sha256:") for resource in ctx.package.resources.values()
                    if resource.facts is not None})


class Digests:
    """Which ID numbers found are digits of one of the package's own digests, written whole
    (see above)."""

    def __init__(self, digests: set[str]):
        self.digests = digests

    def hold(self, text, found, check: str) -> bool:
        written = text.text
        digits = re.sub(r"[^0-9]", "", found.value)
        if check != ID_CHECK or not digits or digits not in written[found.start:found.end]:
            return False  # not an ID number; or found in a reading other than the digits as written
        for digest in self.digests:
            at = written.find(digest)
            while at >= 0:
                if at <= found.start and found.end <= at + len(digest) and not _hex_beside(written, at, len(digest)):
                    return True
                at = written.find(digest, at + 1)
        return False


def _hex_beside(text: str, at: int, length: int) -> bool:
    """Whether a hexadecimal digit touches the digest (then it is part of a longer token)."""
    return any(0 <= i < len(text) and text[i] in string.hexdigits for i in (at - 1, at + length))
