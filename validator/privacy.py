"""Layer 6, privacy: no personal data of the leak, anywhere in the package.

Enforced, not promised: no column meant for personal identifiers or sensitive categories;
no cell or descriptor text holding a PRC resident ID number, an e-mail address or a phone
number; no person but those the article names, each with the public role it gives.
Findings never echo a detected value: they say what it looks like and where it is.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .context import Context
from .findings import finding
from .identifiers import identifiers_in, may_hold_identifier
from .package import is_number

LAYER = "privacy"

# Column names made of these words (split on "_", "-", spaces and case changes) are refused.
SENSITIVE_WORDS = {
    "birth", "birthdate", "birthday", "dob", "born", "age",
    "ethnicity", "ethnic", "race", "nationality", "religion", "hukou",
    "passport", "ssn", "idno", "idcard", "identity", "nric",
    "address", "street", "postcode", "zipcode", "residence",
    "phone", "telephone", "mobile", "cellphone", "fax", "email", "mail", "wechat", "qq",
    "gender", "sex",
}
# ... and these pairs of words, which are harmless alone ("id", "name", "position").
SENSITIVE_PAIRS = [
    {"national", "id"}, {"id", "number"}, {"id", "no"}, {"id", "num"}, {"id", "nr"},
    {"id", "card"}, {"resident", "id"}, {"citizen", "id"}, {"personal", "id"},
    {"party", "position"}, {"member", "name"}, {"date", "birth"}, {"native", "place"},
]
# Chinese and pinyin words for the register's fields, matched anywhere in a column name.
SENSITIVE_SUBSTRINGS = ["身份证", "证件", "民族", "出生", "生日", "手机", "电话", "籍贯", "住址",
                        "地址", "党内职务", "职务", "邮箱", "shenfenzheng", "sfzh", "minzu",
                        "chusheng", "shouji", "jiguan", "dizhi", "zhiwu"]

_WORD_BREAK = re.compile(r"[_\-\s.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")


def sensitive_name(name: str) -> bool:
    words = {w.lower() for w in _WORD_BREAK.split(name) if w}
    lowered = name.lower()
    return (bool(words & SENSITIVE_WORDS) or any(pair <= words for pair in SENSITIVE_PAIRS)
            or any(part in lowered for part in SENSITIVE_SUBSTRINGS))


def no_sensitive_field_names(ctx: Context):
    for resource in ctx.package.resources.values():
        names = resource.schema_fields + (resource.table.header if resource.table else [])
        for name in dict.fromkeys(n for n in names if isinstance(n, str)):
            if sensitive_name(name):
                yield finding(LAYER, "no_sensitive_field_names",
                              "a column for personal identifiers or sensitive categories (birth "
                              "date, ID number, ethnicity, address, phone, e-mail, ...) is not "
                              "allowed in this package", resource.path, field=name)


def no_identifiers_in_cells(ctx: Context):
    """Every cell of every table, extra cells included, and every line of every other file."""
    for resource in ctx.package.parsed_tables():
        numeric = resource.numeric_columns
        for number, column, cell in resource.table.cells(lambda cells: may_hold_identifier("\x1f".join(cells))):
            if may_hold_identifier(cell):
                for kind, position in identifiers_in(cell, numeric=column in numeric and is_number(cell)):
                    yield finding(LAYER, "no_identifiers_in_cells",
                                  f"the cell holds what looks like {kind} at character {position} "
                                  "(value withheld); personal data of any kind is not allowed",
                                  resource.path, number, column)
    for resource in ctx.package.resources.values():
        if resource.is_table or resource.text is None:
            continue
        for number, line in enumerate(resource.text.split("\n"), start=1):
            for kind, position in identifiers_in(line):
                yield finding(LAYER, "no_identifiers_in_cells",
                              f"line {number} holds what looks like {kind} at character {position} "
                              "(value withheld); personal data of any kind is not allowed",
                              resource.path, number)


def no_identifiers_in_metadata(ctx: Context):
    yield from _strings_with_identifiers(ctx.package.descriptor, "datapackage.json")
    for resource in ctx.package.resources.values():
        if resource.schema is not None and isinstance(resource.descriptor.get("schema"), str):
            yield from _strings_with_identifiers(resource.schema, resource.descriptor["schema"])


def persons_are_named_in_article(ctx: Context):
    """A person row only for someone the article names, with the public role it gives them."""
    article = ctx.article
    paragraphs = [m.start() for m in re.finditer(r"(?:^|\n\n)", article)]
    for number, person in ctx.records.numbered("entities"):
        if person.type != "person":
            continue
        if article[person.start:person.end] != person.name and person.name not in article:
            yield finding(LAYER, "persons_are_named_in_article",
                          "this person is not named in the article; only people the article "
                          "names may appear", ctx.path("entities"), number, "name")
            continue
        if any(ch.isdigit() for ch in person.description):
            yield finding(LAYER, "persons_are_named_in_article",
                          "a person's description holds digits (a birth year, an age or an ID "
                          "would); expected only the public role the article gives",
                          ctx.path("entities"), number, "description")
        if person.role_start is None:
            continue  # the rows layer reports the missing role
        index = bisect_right(paragraphs, person.role_start)
        first = paragraphs[index - 1] if index else 0
        last = paragraphs[index] if index < len(paragraphs) else len(article)
        # named in the paragraph: an occurrence of the name that starts inside it
        if article.find(person.name, first, last + len(person.name) - 1) < 0:
            yield finding(LAYER, "persons_are_named_in_article",
                          "the role span is not in a paragraph that names this person; expected "
                          "the role the article gives them where it names them",
                          ctx.path("entities"), number, "role_start")


CHECKS = [no_sensitive_field_names, no_identifiers_in_cells, no_identifiers_in_metadata,
          persons_are_named_in_article]


def _strings_with_identifiers(value, resource: str, path: str = ""):
    """Every key and every scalar of a JSON document; only a resource's sha256 is skipped."""
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield from _identifiers_at(str(key), resource, path or "(top level)", "a key")
            if key == "hash" and isinstance(item, str) and _SHA256.fullmatch(item):
                continue  # a checksum of a file, checked by the descriptor layer
            yield from _strings_with_identifiers(item, resource, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings_with_identifiers(item, resource, f"{path}[{index}]")
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        yield from _identifiers_at(str(value), resource, path, "the value")


def _identifiers_at(text: str, resource: str, path: str, what: str):
    for kind, position in identifiers_in(text):
        yield finding(LAYER, "no_identifiers_in_metadata",
                      f"{what} holds what looks like {kind} at character {position} (value "
                      "withheld); personal data of any kind is not allowed", resource, field=path)
