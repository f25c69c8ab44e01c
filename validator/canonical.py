"""The canonical descriptor: every property the package uses, and the value each must have.

A property the package does not use, or one with another value, could change what
frictionless or pandas read (an encoding, a dialect option, a profile fetched from the
network), so it is refused rather than trusted. Free text (titles, descriptions) is free.
The Table Schemas' canonical form comes from the models (`models.schema_disagreements`).
"""
from __future__ import annotations

import json
import re

from .disclosure import shown

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
DIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DOI_PREFIX = "https://doi.org/"

FREE = None  # any value of the right JSON type; other checks may look closer
# What a library could fetch: a URL, a protocol-relative or network path, a data, file or other
# scheme's IRI. No property may hold one but those the canonical descriptor pins.
URL = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9+.\-]*://|//|\\\\|(?:data|file|mailto|javascript|urn|"
                  r"jar|blob|ni|doi):)", re.IGNORECASE)

# Package properties, each with its pinned value or FREE.
PACKAGE_PROPERTIES = {"$schema": PACKAGE_PROFILE, "name": "ccp-member-leak-article", "id": FREE,
                      "title": FREE, "description": FREE, "version": FREE, "created": FREE,
                      "keywords": FREE, "licenses": FREE, "contributors": FREE, "sources": FREE,
                      "resources": FREE}
DIALECT = {"$schema": DIALECT_PROFILE, "delimiter": ",", "lineTerminator": "\n", "quoteChar": '"',
           "doubleQuote": True, "header": True}


def table_properties(name: str) -> dict:
    return {"name": name, "type": "table", "path": f"data/{name}.csv", "title": FREE,
            "description": FREE, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": DIALECT, "schema": f"schema/{name}.json", "bytes": FREE, "hash": FREE}


ARTICLE_PROPERTIES = {"name": "article", "type": "file", "path": "data/article.txt", "title": FREE,
                      "description": FREE, "format": "txt", "mediatype": "text/plain",
                      "encoding": "utf-8", "licenses": [], "bytes": FREE, "hash": FREE}


def property_problems(value: dict, allowed: dict, what: str) -> list[str]:
    """Properties of `value` that `allowed` lacks, or whose value differs from the pinned one."""
    problems = []
    for key in value:
        if key not in allowed:
            problems.append(f"{what} property {shown(key)} is not used by this package; expected none")
        elif allowed[key] is not FREE and not same(value[key], allowed[key]):
            problems.append(f"{what} property {shown(key)} is {short(value[key])}; expected {allowed[key]!r}")
    return problems


def missing_properties(value: dict, allowed: dict, what: str) -> list[str]:
    return [f"{what} property {key!r} is missing; expected {allowed[key]!r}"
            for key, pinned in allowed.items() if pinned is not FREE and key not in value]


def dialect_disagreements(dialect) -> list[str]:
    """How a resource's `dialect` differs from the house dialect, compared as a whole."""
    if not isinstance(dialect, dict):
        return [f"dialect is {short(dialect)}, not an object"]
    return property_problems(dialect, DIALECT, "dialect") + missing_properties(dialect, DIALECT, "dialect")


def same(a, b) -> bool:
    """JSON equality that also compares types: 1 is not true, and 1.0 is not 1 (a reader could
    take them differently)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def short(value) -> str:
    """A JSON value read from the package, for a message (`disclosure.shown`): as JSON, cut
    to 80 characters, where it is public."""
    return shown(json.dumps(value, ensure_ascii=False, default=repr), 80, quoted=False)
