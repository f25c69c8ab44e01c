"""Layer 6, privacy: no personal data of the leak, anywhere in the package.

Enforced, not promised, on every file of the package's directory (`texts.scan`): no column
named for personal identifiers or sensitive categories; no PRC resident ID number, e-mail
address or phone number, however it is written; no full calendar date but the events' own
dates; no letters of a script the article does not print, nor characters of no known
script; no invisible or bidirectional control characters, nor a JSON key written twice; no
text hidden in the screenshot's chunks or after its image data (`images`); and no person but
the reviewed ones the article names, each with the public role it gives. Findings never echo
a detected value: they say what it looks like and where it is.
"""
from __future__ import annotations

import re
import unicodedata

from . import layout
from .allowed_dates import dated_events, exempt_spans, release_dates
from .attribution import texts_naming
from .characters import UNREADABLE, foreign_runs, invisible_characters
from .context import Context
from .dates import date_values_in, may_hold_date
from .figure_text import numbers_in
from .findings import Problem
from .identifiers import identifiers_in, may_hold_identifier
from .images import png_problem
from .models import FREE_TEXT_COLUMNS
from .package import DESCRIPTOR
from .pins import folded, name_forms
from .encodings import CSS_ESCAPES, DECODERS, ENCODED, ESCAPES
from .readings import decoded
from .registry import ARTICLE, FILES, ROWS, register
from .texts import repeated_keys, scan
from .vocabulary import NON_LATIN_WORDS, PERSONAL_ATTRIBUTE_WORDS, sensitive_name

LAYER = "privacy"
NOT_ALLOWED = "(value withheld); personal data of any kind is not allowed"
_CODE_FILES, _STYLED_FILES = (".py", ".js", ".mjs", ".css"), (".html", ".htm", ".svg")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PERSONAL_ATTRIBUTE = re.compile(r"(?<!\w)(?:" + "|".join(
    r"\s+".join(map(re.escape, w.split())) for w in sorted(PERSONAL_ATTRIBUTE_WORDS, key=len, reverse=True))
    + r")(?!\w)", re.IGNORECASE)


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
        for kind, position in text.reported(identifiers_in(text.text, numeric=text.numeric)):
            row, where = text.place(position)
            yield Problem(f"{where} holds what looks like {kind} at character {text.column(position)} "
                          f"{NOT_ALLOWED}", text.resource, row, text.field)


def no_full_dates(ctx: Context):
    """A full calendar date (a birth date is one) only where the package dates its events:
    the events' date columns, the descriptor's `created`, and, in any other file, the events'
    dates, the release dates (`created`, and the one `date-released` of CITATION.cff) and the
    dates of CHANGELOG.md's version headings. Dates inside the standard vocabularies' IRIs
    (`allowed_dates.STANDARD_IRIS`) are part of those names."""
    released = release_dates(ctx)
    allowed = dated_events(ctx) | released
    events = ctx.package.resources.get("events")
    event_columns = {(events.path, "date_from"), (events.path, "date_to")} if events else set()
    data = {DESCRIPTOR} | {r.path for r in ctx.package.resources.values() if r.is_table} \
        | {r.schema_path for r in ctx.package.resources.values() if r.schema_path}
    for text in scan(ctx, may_hold_date, skip_columns=frozenset(event_columns)):
        if (text.where, text.field, text.resource) == ("the value", "created", DESCRIPTOR) \
                and released >= {value.isoformat() for value, _ in date_values_in(text.text[:10])}:
            continue  # a release date, after the events (else it is read like any other date)
        found = text.reported(date_values_in(text.text, numeric=text.numeric))
        exempt = exempt_spans(text) if found else []
        for value, position in found:
            if any(a <= position < b for a, b in exempt) or (
                    text.resource not in data and value.isoformat() in allowed):
                continue
            row, where = text.place(position)
            yield Problem(f"{where} holds a full calendar date at character {text.column(position)} "
                          f"{NOT_ALLOWED}; the package dates only its events", text.resource, row, text.field)


def no_foreign_script(ctx: Context):
    """The article prints Latin letters only: a run of another script (a name in Han
    characters or in CJK radicals, say) is refused, outside the vocabulary of sensitive
    column names; so is a run of code points of no script Python's Unicode tables know
    (unassigned, private-use, surrogate), which no check could read."""
    for text in scan(ctx, _may_hold_other_script, joiner="\n"):
        for script, position, length in text.reported(_foreign_runs_in_every_reading(text)):
            row, where = text.place(position)
            if script in UNREADABLE.values():
                yield Problem(f"{where} holds {length} unreadable {script} code point(s), of no script "
                              f"Unicode {unicodedata.unidata_version} knows, at character "
                              f"{text.column(position)} {NOT_ALLOWED}; expected characters of "
                              "a known script", text.resource, row, text.field)
                continue
            yield Problem(f"{where} holds {length} character(s) of the {script} script at "
                          f"character {text.column(position)} {NOT_ALLOWED}; the article prints none",
                          text.resource, row, text.field)


def no_invisible_characters(ctx: Context):
    """Zero-width characters, soft hyphens, a BOM inside text, bidirectional controls, other
    control characters (an escape sequence can hide text in a terminal) and every code point
    Unicode says a renderer ignores: text could hide behind them, or display as something it
    is not. The article prints none. Nor may a JSON object write a key twice: a JSON reader
    keeps one of its values and drops the other unseen (the scan reads both)."""
    for text in ctx.shared(_non_ascii_or_control_texts):
        for name, position in text.reported(invisible_characters(text.text)):
            row, where = text.place(position)
            yield Problem(f"{where} holds the invisible character {name} at character "
                          f"{text.column(position)}; expected none", text.resource, row, text.field)


def no_json_key_written_twice(ctx: Context):
    """A key written twice in one object of a JSON file: a JSON reader keeps one of its values
    and drops the others, which nobody then sees (every value is scanned all the same)."""
    for resource, member in repeated_keys(ctx):
        yield Problem("this key is written again in its object, so a JSON reader keeps one of its "
                      "values and drops the others unseen; expected each key once", resource, field=member)


def no_text_in_images(ctx: Context):
    """The one image (the screenshot) carries pixels only: no text, EXIF or other metadata,
    and nothing after its image data (`images.png_problem`)."""
    for file in ctx.package.files:
        if file.path in layout.BINARY_FILES and file.content is not None:
            problem = png_problem(file.content)
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


def _may_hold_other_script(text: str) -> bool:
    return not text.isascii() or ENCODED.search(text) is not None


def _foreign_runs_in_every_reading(text) -> list[tuple[str, int, int]]:
    """`foreign_runs` of the text as written and of its decoded readings (a character
    reference shows as the character it names), each at its place in the text as written."""
    found = {(run[0], run[1]): run for run in foreign_runs(text.text, NON_LATIN_WORDS)}
    for reading, origin in decoded(text.text, _decoders_for(text.resource), normal=False):
        if not reading.isascii():
            for script, position, length in foreign_runs(reading, NON_LATIN_WORDS):
                found.setdefault((script, origin[position]), (script, origin[position], length))
    return sorted(found.values(), key=lambda run: run[1])


def _decoders_for(path: str) -> tuple:
    """The encodings undone before the script check: in code (Python, JavaScript, CSS), which
    writes characters as backslash escapes on purpose (the vocabularies, the tests' fault
    inputs, a pattern of Han characters), none of those; CSS escapes only where CSS is read
    (HTML, SVG); every other encoding everywhere."""
    if path.endswith(_CODE_FILES):
        return tuple(d for d in DECODERS if d[0] not in ESCAPES)
    if path.endswith(_STYLED_FILES):
        return DECODERS
    return tuple(d for d in DECODERS if d[0] not in CSS_ESCAPES)


def _non_ascii_or_control_texts(ctx: Context) -> list:
    """The texts that hold a character beyond printable ASCII (tab and line breaks aside):
    all that the script and invisible-character checks need to read."""
    return list(scan(ctx, lambda text: not text.isascii() or _ASCII_CONTROL.search(text) is not None,
                     joiner="\n"))


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, FILES, no_sensitive_field_names, no_full_dates, no_foreign_script,
         no_invisible_characters, no_json_key_written_twice, no_text_in_images)
register(LAYER, FILES, no_identifiers, aside=True)  # the costliest: beside the date scan on 2 cores
register(LAYER, ROWS, persons_are_the_reviewed_ones)
register(LAYER, ARTICLE, persons_are_named_in_article)
