"""Where a full date is no date of anyone: the events' own dates, the release dates (the
descriptor's `created` and CITATION.cff's `date-released`, each after every event), the
version headings of CHANGELOG.md, the calendar versions of the dependencies that number
their releases by date, and the standard vocabularies' IRIs that hold the date they were
published. The privacy layer reads every other full date as one that could be someone's.
"""
from __future__ import annotations

import re

from .dates import date_values_in
from .texts import text_files

_CHANGELOG_HEADING = re.compile(r"^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$", re.MULTILINE)
# A pinned version that reads as a date (name==YYYY.M.D, or a stub's .YYYYMMDD): the version of
# a dependency known to number its releases by date, from 2000 on, nothing else.
CALENDAR_VERSIONED = ("certifi", "pytz", "tzdata", "regex", "pip-audit", "trove-classifiers",
                      "jsonschema-specifications", r"types-[a-z0-9-]+")
_REQUIREMENT_LINE = re.compile(rf"^(?:{'|'.join(CALENDAR_VERSIONED)})(?:\[[A-Za-z0-9,._-]+\])? ?(?:==|~=|>=|<=|<|>|!=).*$",
                               re.MULTILINE | re.IGNORECASE)
_CALENDAR_VERSION = re.compile(r"(?<![0-9])20[0-9]{2}(?:\.[0-9]{1,2}\.[0-9]{1,2}|[01][0-9][0-3][0-9])(?![0-9])")
_REQUIREMENTS_FILE = re.compile(r"requirements[A-Za-z0-9_-]*\.txt")
# Standard vocabularies whose IRIs hold the date they were published.
STANDARD_IRIS = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#",)
_RELEASED = re.compile(r"^date-released: ['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def exempt_spans(text) -> list[tuple[int, int]]:
    """Where a date is part of a name or a heading, not a date of anyone: the standard IRIs,
    CHANGELOG.md's version headings, and the pinned versions of a requirements file."""
    spans = [(m.start(), m.end()) for iri in STANDARD_IRIS for m in re.finditer(re.escape(iri), text.text)]
    if text.resource == "CHANGELOG.md":
        spans += [m.span() for m in _CHANGELOG_HEADING.finditer(text.text)]
    if _REQUIREMENTS_FILE.fullmatch(text.resource.rsplit("/", 1)[-1]) and text.where == "the file":
        spans += [(line.start() + m.start(), line.start() + m.end()) for line in _REQUIREMENT_LINE.finditer(text.text)
                  for m in _CALENDAR_VERSION.finditer(line.group())]
    return spans


def dated_events(ctx) -> set[str]:
    events = ctx.package.resources.get("events")
    if events is None or events.table is None:
        return set()
    return {cells[column] for column in ("date_from", "date_to") for _, cells in events.table.dicts()
            if cells.get(column)}


def release_dates(ctx) -> set[str]:
    """The descriptor's `created` date and CITATION.cff's `date-released`, where they come
    after every dated event (a release cannot precede what it reports)."""
    found = set()
    created = ctx.package.descriptor.get("created")
    if isinstance(created, str):
        found |= {value.isoformat() for value, _ in date_values_in(created[:10])}
    for file in text_files(ctx):
        if file.path == "CITATION.cff":
            found |= set(_RELEASED.findall(file.text)[:1])  # a second one is not a release date
    latest = max(dated_events(ctx), default="")
    return {day for day in found if day > latest}
