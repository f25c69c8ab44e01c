"""What a finding may print of the package: only what is already public, in every layer and
every output format.

Public are the article's words (a value the pinned article prints, or made of words it
prints, or a number it prints: 79000 for "79,000", 1950000 for "1.95 million"), the names of the schemas and vocabularies (tables, fields, the values of closed
vocabularies, the descriptor's and the schemas' properties), the documented paths of the
repository, and row ids that match their id pattern; and of those, only what no privacy
detector finds anything in (an id with a date in it is not shown). Anything else a finding
would print, a cell, a key, a file name, a descriptor's value, is described by its length
instead. Not by a hash of it: a date, a phone number, an ID number or a short name has few
enough possible values to be found again from a hash by trying each one; the finding's place
(file, row, field) says which value it is.

The article counts as public only while a validation of a package whose article is the pinned
snapshot runs (`public_article`); otherwise only names and ids are shown.

>>> shown("direct_quotation"), shown("Zhang San")
("'direct_quotation'", '(withheld: 9 characters)')
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from . import layout
from .privacy.detectors import found_in

_WORD = re.compile(r"[^\W_]+")  # letters and digits: "companies_or_affiliates" is three words
_CODE_MADE = re.compile(r"column [0-9]+|\(top level\)|\(a key\)")
_ARTICLE: ContextVar[tuple[str, frozenset[str], frozenset[str]] | None] = ContextVar("article", default=None)


@contextmanager
def public_article(article: str | None, dates: frozenset[str] = frozenset()):
    """While it lasts, the article's words count as public (give None for an article that is
    not the pinned snapshot: its words are then the package's own), and so do `dates`, the
    dates the article's words fix (the privacy layer's `allowed.AllowedDates.events`)."""
    token = _ARTICLE.set((article, _public_words(article), frozenset(dates)) if article else None)
    try:
        yield
    finally:
        _ARTICLE.reset(token)


def shown(value, limit: int = 60, quoted: bool = True) -> str:
    """A value read from the package, for a message: a text quoted (unless not `quoted`) and
    cut to `limit` characters, a number as written, when it is public; else described."""
    text = format(Decimal(repr(value)).normalize(), "f") if isinstance(value, float) else str(value)
    if not _public(text):
        return described(text)
    cut = text if len(text) <= limit else text[:limit - 1] + "…"
    return repr(cut) if quoted and isinstance(value, str) else cut


def withholding(message: str, *values) -> str:
    """`message`, made by another library, with what it may quote of the package described
    instead where it is not public: every quoted stretch ('...' or "..."), but a position (a
    number of at most six digits), and each of `values` where it stands unquoted. One pass,
    so a description is never read again."""
    texts = {str(v) for v in values if v is not None and str(v)}
    written = texts | {form for text in texts for form in _escaped_forms(text)}  # as a library quotes it
    unquoted = sorted((text for text in written if not _public(text)), key=len, reverse=True)
    pattern = "".join("|" + _bounded(v) for v in unquoted)[1:]
    pattern = f"{pattern}|{_QUOTED.pattern}" if pattern else _QUOTED.pattern
    return re.sub(pattern, _withheld_stretch, message)


def _escaped_forms(text: str) -> set[str]:
    """`text` as Python's repr and as JSON write it inside their quotes (a library's message
    quotes a value so, escapes and all: `'x\\' y'`)."""
    return {repr(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1], json.dumps(text)[1:-1]} - {text}


# A quoted stretch: in single or double quotes, a backslash escaping the next character.
_QUOTED = re.compile(r"""(?<!\w)'(?P<single>(?:[^'\\\n]|\\.)*)'(?!\w)|(?<!\w)"(?P<double>(?:[^"\\\n]|\\.)*)"(?!\w)""")
_POSITION = re.compile(r"[1-9][0-9]{0,5}|0")


def _bounded(value: str) -> str:
    """A pattern for `value` not inside a longer word or number."""
    before = r"(?<![^\W_])" if re.match(r"[^\W_]", value) else ""
    after = r"(?![^\W_])" if re.search(r"[^\W_]$", value) else ""
    return before + re.escape(value) + after


def _withheld_stretch(match: re.Match) -> str:
    inner = match.groupdict().get("single")
    inner = inner if inner is not None else match.groupdict().get("double")
    if inner is None:  # one of the values, unquoted
        return described(match.group())
    if _POSITION.fullmatch(inner) or _public(inner):
        return match.group()
    quote = match.group()[0]
    return quote + described(inner) + quote


def shown_id(value) -> str:
    """A row id for a message: as written when it matches an id pattern and holds nothing a
    detector finds, else described."""
    value = str(value)
    return value if _id_pattern().fullmatch(value) and not found_in(value) else described(value)


def described(value: str) -> str:
    return f"(withheld: {len(value)} character{'s' if len(value) != 1 else ''})"


def shown_path(path: str) -> str:
    """A file's path as a finding's place: as written when it is a documented path of the
    repository and holds nothing a detector finds; else its documented folders and the rest
    described."""
    if (path in _names() or layout.documented(path.rstrip("/"))) and not found_in(path):
        return path
    parts = path.split("/")
    kept = 0
    while kept < len(parts) - 1 and _public_folder("/".join(parts[:kept + 1])) and not found_in(parts[kept]):
        kept += 1
    return "/".join(parts[:kept] + [described("/".join(parts[kept:]))])


def _public_folder(folder: str) -> bool:
    """A folder the documented files or the canonical resources are in (`docs`, `data`)."""
    return layout.documented_folder(folder) or any(name.startswith(folder + "/") for name in _names())


def shown_field(field: str) -> str:
    """A column name or the path of a JSON property (`resources[2].name`): each key in it
    shown when it is a name the schemas give, each list index as written, the rest described;
    the whole described when a detector finds anything in it (keys "1970", "03", "01")."""
    if _public_name(field):
        return field
    if found_in(field):
        return described(field)
    return _FIELD_PART.sub(lambda m: m.group() if m.group("index") or _public_name(m.group()) else described(m.group()), field)


_FIELD_PART = re.compile(r"(?P<index>\[[0-9]+\])|[^.\[\]]+")


def _public_name(name: str) -> bool:
    return (name in _names() or _CODE_MADE.fullmatch(name) is not None) and not found_in(name)


def _public(value: str) -> bool:
    article = _ARTICLE.get()
    if value in _names():
        return not found_in(value)
    if article is None:
        return False
    text, words, dates = article
    if value in dates:
        return True
    number = _as_number(value)
    if number is not None:
        return number in words and not found_in(value)
    if value not in text and not {w.lower() for w in _WORD.findall(value)} <= words | _names():
        return False
    return not found_in(value)


_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_SCALED = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s+(hundred|thousand|million|billion)\b", re.IGNORECASE)
_SCALES = {"hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9}


@lru_cache(maxsize=4)  # a test session validates many copies of one article
def _public_words(article: str) -> frozenset[str]:
    """The article's words, lower case, and the numbers it prints (`_numbers_printed`), read
    one at a time (a long article's words are never all held at once)."""
    return frozenset(match.group().lower() for match in _WORD.finditer(article)) | _numbers_printed(article)


def _as_number(value: str) -> str | None:
    """A plain number as one canonical text (79000.0 and 79000 alike), or None."""
    try:
        return format(Decimal(value.replace(",", "")).normalize(), "f") if _NUMBER.fullmatch(value) else None
    except InvalidOperation:
        return None


def _numbers_printed(article: str) -> frozenset[str]:
    """Each number the article prints in digits, as `_as_number` writes it, and scaled by the
    word after it ("1.95 million": 1950000)."""
    found = {_as_number(m.group()) for m in _NUMBER.finditer(article)}
    for match in _SCALED.finditer(article):
        scaled = Decimal(match.group(1).replace(",", "")) * _SCALES[match.group(2).lower()]
        found.add(format(scaled.normalize(), "f"))
    return frozenset(found - {None})


@lru_cache(maxsize=1)
def _id_pattern() -> re.Pattern:
    from .models import ENTITY_ID, SLUG  # here, not above: the models' messages use this module
    return re.compile(f"{SLUG}|{ENTITY_ID}")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """The names the schemas and vocabularies give: tables, fields, vocabulary values,
    properties, field types, and the repository's documented files."""
    from . import canonical  # here, not above: canonical's and the models' messages use this module
    from .models import MODELS, SCHEMA_PROPERTIES, fields_of
    from .privacy.exceptions import HEADER
    names = {"article", "datapackage.json", canonical.ARTICLE_PROPERTIES["path"], *MODELS, *SCHEMA_PROPERTIES, *canonical.PACKAGE_PROPERTIES,
             *canonical.ARTICLE_PROPERTIES, *canonical.DIALECT, *canonical.table_properties("x"),
             "name", "type", "format", "constraints", "required", "enum", "minimum", "minLength",
             "pattern", "unique", "reference", "resource", "fields", "title", "description",
             "string", "integer", "number", "date", "default", "path", "licenses",
             "@context", "@id", "@type", "@vocab", "@value", "@language", "@graph", "@base",  # JSON-LD
             # properties the Data Package and Table Schema standards define, which the package does not use
             "profile", "homepage", "image", "rdfType", "groupChar", "decimalChar", "bareNumber",
             "trueValues", "falseValues", "fieldsMatch", "example", "categories", "categoriesOrdered",
             "uniqueKeys", "maximum", "maxLength", "exclusiveMinimum", "exclusiveMaximum", "jsonSchema",
             *(path for path in layout.REPOSITORY_FILES if "*" not in path), *HEADER}
    for table, model in MODELS.items():
        names |= {f"data/{table}.csv", f"schema/{table}.json"}
        for column in fields_of(model).values():
            names |= {column.name, *column.enum}
    return frozenset(names)
