"""Layer 6, privacy: no personal data of the leak, anywhere in the package.

Enforced, not promised, on every file of the package's directory (`texts.scan`): no column
named for personal identifiers or sensitive categories; no PRC resident ID number, e-mail
address or phone number, however it is written; no full calendar date but the events' own
dates; no letters of a script the article does not print; no invisible or bidirectional
control characters; no text hidden in the screenshot's metadata; and no person but the
reviewed ones the article names, each with the public role it gives. Findings never echo a
detected value: they say what it looks like and where it is.
"""
from __future__ import annotations

import re
import struct
from bisect import bisect_right

from . import layout
from .characters import foreign_runs, invisible_characters
from .context import Context
from .findings import Problem
from .identifiers import date_values_in, identifiers_in, may_hold_date, may_hold_identifier
from .registry import ARTICLE, FILES, ROWS, register
from .texts import scan, text_files
from .vocabulary import NON_LATIN_WORDS, sensitive_name

LAYER = "privacy"
NOT_ALLOWED = "(value withheld); personal data of any kind is not allowed"
DOCUMENTATION = (".md", ".cff", ".html", ".txt")  # where a date is prose, not code
_CHANGELOG_HEADING = re.compile(r"## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}")
_RELEASED = re.compile(r"^date-released: ['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_PNG = b"\x89PNG\r\n\x1a\n"
_PNG_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"pHYs",
               b"bKGD", b"sBIT"}  # image data only: no text, no EXIF, no time, no profile name


def no_sensitive_field_names(ctx: Context):
    for resource in ctx.package.resources.values():
        names = resource.schema_fields + (resource.table.header if resource.table else [])
        for name in dict.fromkeys(n for n in names if isinstance(n, str)):
            if sensitive_name(name):
                yield Problem("a column for personal identifiers or sensitive categories (name, "
                              "birth date, ID number, ethnicity, political opinion, religion, "
                              "health, address, phone, e-mail, ...) is not allowed in this package",
                              resource.path, field=name)


def no_identifiers(ctx: Context):
    """ID numbers, e-mail addresses and phone numbers, in every cell, key, value and line."""
    for text in scan(ctx, may_hold_identifier):
        for kind, position in identifiers_in(text.text, numeric=text.numeric):
            yield Problem(f"{text.where} holds what looks like {kind} at character {position} "
                          f"{NOT_ALLOWED}", text.resource, text.row, text.field)


def no_full_dates(ctx: Context):
    """A full calendar date (a birth date is one) only where the package dates its events:
    the events' date columns, the descriptor's `created` and, in the documentation, those
    same dates and the release dates."""
    allowed = _dated_events(ctx) | _release_dates(ctx)
    events = ctx.package.resources.get("events")
    event_columns = {(events.path, "date_from"), (events.path, "date_to")} if events else set()
    for text in scan(ctx, may_hold_date, files=lambda f: f.path.endswith(DOCUMENTATION),
                     skip_columns=frozenset(event_columns)):
        if (text.where, text.field) == ("the value", "created"):
            continue
        if text.where.startswith("line") and _CHANGELOG_HEADING.fullmatch(text.text):
            continue
        in_prose = text.where.startswith("line")
        for value, position in date_values_in(text.text):
            if not (in_prose and value.isoformat() in allowed):
                yield Problem(f"{text.where} holds a full calendar date at character {position} "
                              f"{NOT_ALLOWED}; the package dates only its events",
                              text.resource, text.row, text.field)


def no_foreign_script(ctx: Context):
    """The article prints Latin letters only: a run of another script (a name in Han
    characters, say) is refused, outside the vocabulary of sensitive column names."""
    for text in ctx.shared(_non_ascii_texts):
        for script, position, length in foreign_runs(text.text, NON_LATIN_WORDS):
            yield Problem(f"{text.where} holds {length} character(s) of the {script} script at "
                          f"character {position} {NOT_ALLOWED}; the article prints none",
                          text.resource, text.row, text.field)


def no_invisible_characters(ctx: Context):
    """Zero-width characters, soft hyphens, a BOM inside text, bidirectional controls: text
    could hide behind them, or display as something it is not. The article prints none."""
    for text in ctx.shared(_non_ascii_texts):
        for name, position in invisible_characters(text.text):
            yield Problem(f"{text.where} holds the invisible character {name} at character "
                          f"{position}; expected none", text.resource, text.row, text.field)


def no_text_in_images(ctx: Context):
    """The one image (the screenshot) carries pixels only: no text, EXIF or other metadata."""
    for file in ctx.package.files:
        if file.path in layout.BINARY_FILES and file.content is not None:
            problem = _png_problem(file.content)
            if problem:
                yield Problem(f"{problem}; expected a PNG image with image data only", file.path)


def persons_are_the_reviewed_ones(ctx: Context):
    """Person rows are exactly the reviewed list (`pins.PERSONS`): adding, renaming or
    retyping a person is a reviewed change of the validator, not an edit of the data."""
    seen = set()
    for number, entity in ctx.records.numbered("entities"):
        pinned = ctx.persons.get(entity.id)
        if entity.type == "person" and pinned != entity.name:
            yield Problem("this person is not in the reviewed list of people the article names; "
                          "a new person needs a reviewed change of validator/pins.py",
                          ctx.path("entities"), number, "id")
        elif pinned is not None and entity.type != "person":
            yield Problem(f"{entity.id} is a person in the reviewed list; its type is "
                          f"{entity.type}", ctx.path("entities"), number, "type")
        seen.add(entity.id)
    if ctx.complete("entities"):
        for missing in sorted(set(ctx.persons) - seen):
            yield Problem(f"the reviewed person {missing} has no row", ctx.path("entities"), field="id")


def persons_are_named_in_article(ctx: Context):
    """A person row only for someone the article names, with the public role it gives them."""
    article = ctx.article
    paragraphs = [m.start() for m in re.finditer(r"(?:^|\n\n)", article)]
    for number, person in ctx.records.numbered("entities"):
        if person.type != "person":
            continue
        if article[person.start:person.end] != person.name and person.name not in article:
            yield Problem("this person is not named in the article; only people the article "
                          "names may appear", ctx.path("entities"), number, "name")
            continue
        if any(ch.isdigit() for ch in person.description):
            yield Problem("a person's description holds digits (a birth year, an age or an ID "
                          "would); expected only the public role the article gives",
                          ctx.path("entities"), number, "description")
        if person.role_start is None:
            continue  # the rows layer reports the missing role
        index = bisect_right(paragraphs, person.role_start)
        first = paragraphs[index - 1] if index else 0
        last = paragraphs[index] if index < len(paragraphs) else len(article)
        # named in the paragraph: an occurrence of the name that starts inside it
        if article.find(person.name, first, last + len(person.name) - 1) < 0:
            yield Problem("the role span is not in a paragraph that names this person; expected "
                          "the role the article gives them where it names them",
                          ctx.path("entities"), number, "role_start")


def _non_ascii_texts(ctx: Context) -> list:
    """The texts that hold any character beyond ASCII: all that the script and invisible
    character checks need to read."""
    return list(scan(ctx, lambda text: not text.isascii()))


def _dated_events(ctx: Context) -> set[str]:
    events = ctx.package.resources.get("events")
    if events is None or events.table is None:
        return set()
    return {cells[column] for column in ("date_from", "date_to") for _, cells in events.table.dicts()
            if cells.get(column)}


def _release_dates(ctx: Context) -> set[str]:
    """The descriptor's `created` date and CITATION.cff's `date-released`."""
    found = set()
    created = ctx.package.descriptor.get("created")
    if isinstance(created, str):
        found |= {value.isoformat() for value, _ in date_values_in(created[:10])}
    for file in text_files(ctx):
        if file.path == "CITATION.cff":
            found |= set(_RELEASED.findall(file.text))
    return found


def _png_problem(content: bytes) -> str | None:
    if not content.startswith(_PNG):
        return "not a PNG file"
    position = len(_PNG)
    while position + 8 <= len(content):
        length, kind = struct.unpack(">I4s", content[position:position + 8])
        if kind not in _PNG_CHUNKS:
            return f"a {kind.decode('latin-1')!r} chunk (text or metadata)"
        position += 12 + length
        if kind == b"IEND":
            return None if position == len(content) else "data after the image's end"
    return "a truncated PNG file"


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, FILES, no_sensitive_field_names, no_identifiers, no_full_dates, no_foreign_script,
         no_invisible_characters, no_text_in_images)
register(LAYER, ROWS, persons_are_the_reviewed_ones)
register(LAYER, ARTICLE, persons_are_named_in_article)
