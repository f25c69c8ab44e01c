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
import unicodedata

from . import layout
from .characters import foreign_runs, invisible_characters
from .context import Context
from .findings import Problem
from .dates import date_values_in, may_hold_date
from .figure_text import numbers_in
from .identifiers import identifiers_in, may_hold_identifier
from .attribution import texts_naming
from .models import FREE_TEXT_COLUMNS
from .package import DESCRIPTOR
from .pins import folded, name_forms
from .registry import ARTICLE, FILES, ROWS, register
from .texts import scan, text_files
from .vocabulary import NON_LATIN_WORDS, PERSONAL_ATTRIBUTE_WORDS, sensitive_name

LAYER = "privacy"
NOT_ALLOWED = "(value withheld); personal data of any kind is not allowed"
_CHANGELOG_HEADING = re.compile(r"^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$", re.MULTILINE)
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Standard vocabularies whose IRIs hold the date they were published.
STANDARD_IRIS = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#",)
_RELEASED = re.compile(r"^date-released: ['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_PNG = b"\x89PNG\r\n\x1a\n"
_PERSONAL_ATTRIBUTE = re.compile(r"(?<!\w)(?:" + "|".join(
    r"\s+".join(map(re.escape, w.split())) for w in sorted(PERSONAL_ATTRIBUTE_WORDS, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)
# Image data only (no text, no EXIF, no time, no profile name), each chunk of the size its
# data has for the image's colour type (0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA).
_PNG_CHUNK_SIZES = {
    b"IHDR": lambda n, c: n == 13, b"PLTE": lambda n, c: c in (2, 3, 6) and 0 < n <= 768 and n % 3 == 0,
    b"IDAT": lambda n, c: True, b"IEND": lambda n, c: n == 0,
    b"tRNS": lambda n, c: {0: n == 2, 2: n == 6, 3: n <= 256}.get(c, False),
    b"gAMA": lambda n, c: n == 4, b"cHRM": lambda n, c: n == 32, b"sRGB": lambda n, c: n == 1,
    b"pHYs": lambda n, c: n == 9, b"bKGD": lambda n, c: n == {0: 2, 4: 2, 3: 1}.get(c, 6),
    b"sBIT": lambda n, c: n == {0: 1, 2: 3, 3: 3, 4: 2, 6: 4}.get(c),
}


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
    """ID numbers, e-mail addresses and phone numbers, in every cell, key, value, file and file
    name, however they are written."""
    for text in scan(ctx, may_hold_identifier):
        for kind, position in identifiers_in(text.text, numeric=text.numeric):
            row, where = text.place(position)
            yield Problem(f"{where} holds what looks like {kind} at character {_column(text, position)} "
                          f"{NOT_ALLOWED}", text.resource, row, text.field)


def no_full_dates(ctx: Context):
    """A full calendar date (a birth date is one) only where the package dates its events:
    the events' date columns, the descriptor's `created`, and, in any other file, the events'
    dates, the release dates (`created`, and the one `date-released` of CITATION.cff) and the
    dates of CHANGELOG.md's version headings. Dates inside the standard vocabularies' IRIs
    (`STANDARD_IRIS`) are part of those names."""
    allowed = _dated_events(ctx) | _release_dates(ctx)
    events = ctx.package.resources.get("events")
    event_columns = {(events.path, "date_from"), (events.path, "date_to")} if events else set()
    data = {DESCRIPTOR} | {r.path for r in ctx.package.resources.values() if r.is_table} \
        | {r.schema_path for r in ctx.package.resources.values() if r.schema_path}
    for text in scan(ctx, may_hold_date, skip_columns=frozenset(event_columns)):
        if (text.where, text.field, text.resource) == ("the value", "created", DESCRIPTOR):
            continue
        exempt = _exempt_spans(text)
        for value, position in date_values_in(text.text):
            if any(a <= position < b for a, b in exempt) or (
                    text.resource not in data and value.isoformat() in allowed):
                continue
            row, where = text.place(position)
            yield Problem(f"{where} holds a full calendar date at character {_column(text, position)} "
                          f"{NOT_ALLOWED}; the package dates only its events", text.resource, row, text.field)


def no_foreign_script(ctx: Context):
    """The article prints Latin letters only: a run of another script (a name in Han
    characters, say) is refused, outside the vocabulary of sensitive column names."""
    for text in ctx.shared(_non_ascii_texts):
        for script, position, length in foreign_runs(text.text, NON_LATIN_WORDS):
            row, where = text.place(position)
            yield Problem(f"{where} holds {length} character(s) of the {script} script at "
                          f"character {_column(text, position)} {NOT_ALLOWED}; the article prints none",
                          text.resource, row, text.field)


def no_invisible_characters(ctx: Context):
    """Zero-width characters, soft hyphens, a BOM inside text, bidirectional controls and
    other control characters (an escape sequence can hide text in a terminal): text could
    hide behind them, or display as something it is not. The article prints none."""
    for text in ctx.shared(_non_ascii_or_control_texts):
        for name, position in invisible_characters(text.text):
            row, where = text.place(position)
            yield Problem(f"{where} holds the invisible character {name} at character "
                          f"{_column(text, position)}; expected none", text.resource, row, text.field)


def no_text_in_images(ctx: Context):
    """The one image (the screenshot) carries pixels only: no text, EXIF or other metadata."""
    for file in ctx.package.files:
        if file.path in layout.BINARY_FILES and file.content is not None:
            problem = _png_problem(file.content)
            if problem:
                yield Problem(f"{problem}; expected a PNG image with image data only", file.path)


def persons_are_the_reviewed_ones(ctx: Context):
    """Person rows are exactly the reviewed list (`pins.PERSONS`): adding, renaming or
    retyping a person is a reviewed change of the validator, not an edit of the data. No other
    row is named (name or short name, in any case or spacing) as a reviewed person, by the full
    name or a part of it (“Markson”, “de Pulford”): a person has one row, under the reviewed id
    and type person."""
    seen, pinned_names = set(), name_forms(ctx.persons)
    for number, entity in ctx.records.numbered("entities"):
        pinned = ctx.persons.get(entity.id)
        named = set().union(*(pinned_names.get(folded(n), set())
                              for n in (entity.name, entity.short_name) if n))
        if entity.type == "person" and pinned != entity.name:
            yield Problem("this person is not in the reviewed list of people the article names; "
                          "a new person needs a reviewed change of validator/pins.py",
                          ctx.path("entities"), number, "id")
        elif pinned is not None and entity.type != "person":
            yield Problem(f"{entity.id} is a person in the reviewed list; its type is "
                          f"{entity.type}", ctx.path("entities"), number, "type")
        elif named and entity.id not in named:
            yield Problem(f"this {entity.type} is named as the reviewed person {min(named)}; expected "
                          "no row for a reviewed person but the one under its reviewed id, of type person",
                          ctx.path("entities"), number, "name")
        seen.add(entity.id)
    if ctx.complete("entities"):
        for missing in sorted(set(ctx.persons) - seen):
            yield Problem(f"the reviewed person {missing} has no row", ctx.path("entities"), field="id")


def persons_are_named_in_article(ctx: Context):
    """A person row only for someone the article names, with the public role it gives them:
    the role printed beside the name (“Luke de Pulford, a British …”, “General Secretary Xi
    Jinping”) or around it (“U.S. Sens. Marco Rubio and Mark Warner, acting chairman …”).
    And the tables' own words say nothing more of anyone: no description holds a number that
    the article does not print where it names that entity (a person's, no number at all), and
    no free-text cell holds a word that labels a personal attribute (born, aged, ID, member
    no.: `vocabulary.PERSONAL_ATTRIBUTE_WORDS`), which the article uses of no one."""
    article = ctx.article
    for number, person in ctx.records.numbered("entities"):
        if person.type != "person":
            continue
        if article[person.start:person.end] != person.name and person.name not in article:
            yield Problem("this person is not named in the article; only people the article "
                          "names may appear", ctx.path("entities"), number, "name")
            continue
        if person.role_start is None or person.role_end is None:
            continue  # the rows layer reports the missing role
        if not _beside(person.start, person.end, person.role_start, person.role_end):
            yield Problem("the role span is not printed beside the person's name; expected the "
                          "role the article gives them where it names them",
                          ctx.path("entities"), number, "role_start")
    yield from _free_text_says_no_more(ctx)


def _free_text_says_no_more(ctx: Context):
    """One finding a cell, and none on a cell already refused (an identifier, a date, a hidden
    character)."""
    refused = {(f.resource, f.row, f.field) for f in ctx.findings if f.layer == LAYER}
    for table, columns in FREE_TEXT_COLUMNS.items():
        for (number, row), column in ((item, c) for item in ctx.records.numbered(table) for c in columns):
            reasons = [_unprinted_number(ctx, row) if table == "entities" else None,
                       "the cell holds a word that labels a personal attribute (born, aged, age, birthday, "
                       "ID, member no., …), which the article uses of no one; expected none"
                       if _PERSONAL_ATTRIBUTE.search(getattr(row, column) or "") else None]
            if any(reasons) and (ctx.path(table), number, column) not in refused:
                yield Problem("; and ".join(r for r in reasons if r), ctx.path(table), number, column)


def _unprinted_number(ctx: Context, entity) -> str | None:
    """Why the entity's description may not hold the numbers it holds, if it may not."""
    if entity.type == "person":
        if any(unicodedata.numeric(char, None) is not None for char in entity.description):
            return ("a person's description holds a number (a birth year, an age or an ID would); "
                    "expected only the public role the article gives")
        return None
    numbers = numbers_in(entity.description)
    if not numbers:
        return None
    if numbers <= set().union(*map(numbers_in, texts_naming(ctx.records, entity))):
        return None
    return ("the description holds a number that the article does not print where it names this "
            "entity (its name, and the statements that print it or are attributed to it); a birth "
            "year, an age or a member number would: expected only what the article says of it")


def _beside(start: int, end: int, role_start: int, role_end: int) -> bool:
    """Whether a role span follows the name (after “, ”), precedes it (before a space), or
    holds it."""
    return 0 <= role_start - end <= 3 or 0 <= start - role_end <= 2 or role_start <= start < end <= role_end


def _non_ascii_texts(ctx: Context) -> list:
    """The texts that hold any character beyond ASCII: all that the script check needs."""
    return [text for text in ctx.shared(_non_ascii_or_control_texts) if not text.text.isascii()]


def _non_ascii_or_control_texts(ctx: Context) -> list:
    """The texts that hold a character beyond printable ASCII (tab and line breaks aside):
    all that the script and invisible-character checks need to read."""
    return list(scan(ctx, lambda text: not text.isascii() or _ASCII_CONTROL.search(text) is not None))


def _column(text, position: int) -> int:
    """The position as a message gives it: within its line, for a whole file."""
    row, _ = text.place(position)
    return position - text.lines[row - 1] if text.where == "the file" else position


def _exempt_spans(text) -> list[tuple[int, int]]:
    """Where a date is part of a name or a heading, not a date of anyone: the standard IRIs,
    and CHANGELOG.md's version headings."""
    spans = [(m.start(), m.end()) for iri in STANDARD_IRIS for m in re.finditer(re.escape(iri), text.text)]
    if text.resource == "CHANGELOG.md":
        spans += [m.span() for m in _CHANGELOG_HEADING.finditer(text.text)]
    return spans


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
            found |= set(_RELEASED.findall(file.text)[:1])  # a second one is not a release date
    return found


def _png_problem(content: bytes) -> str | None:
    """Why `content` is not a PNG of image data only: every chunk is one that holds image
    data, of the size that data has for the image's colour type (so no chunk can carry text
    beside it)."""
    if not content.startswith(_PNG):
        return "not a PNG file"
    position, colour = len(_PNG), None
    while position + 8 <= len(content):
        length, kind = struct.unpack(">I4s", content[position:position + 8])
        if kind == b"IHDR" and length == 13:
            colour = content[position + 17]
        if kind not in _PNG_CHUNK_SIZES:
            return f"a {kind.decode('latin-1')!r} chunk (text or metadata)"
        if not _PNG_CHUNK_SIZES[kind](length, colour):
            return f"a {kind.decode('latin-1')!r} chunk of {length} bytes, not the size its data has"
        position += 12 + length
        if kind == b"IEND":
            return None if position == len(content) else "data after the image's end"
    return "a truncated PNG file"


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, FILES, no_sensitive_field_names, no_identifiers, no_full_dates, no_foreign_script,
         no_invisible_characters, no_text_in_images)
register(LAYER, ROWS, persons_are_the_reviewed_ones)
register(LAYER, ARTICLE, persons_are_named_in_article)
