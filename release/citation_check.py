"""Read the built citation files back with the readers users have (pybtex, rispy, json) and
say which field differs from CITATION.cff. Used by the tests and by .ci/run, which runs
`scripts/check_citations.py` in an environment holding only these readers.

    problems(out_dir, cff, name) -> ["citation.ris: TY is 'GEN', expected 'DATA'", ...]
"""
from __future__ import annotations

import json
from pathlib import Path

import rispy
from pybtex.database import parse_string

from .citation import ACRONYM, author_names, bibtex_key, doi, released


def problems(out_dir: Path, cff: dict, name: str) -> list[str]:
    found = []
    checks = {"citation.bib": lambda text: bibtex_problems(text, cff, name),
              "citation.ris": lambda text: ris_problems(text, cff),
              "citation.csl.json": lambda text: csl_problems(text, cff, name)}
    for file, check in checks.items():
        text = (out_dir / file).read_text(encoding="utf-8")
        found += [f"{file}: {problem}" for problem in check(text)]
    return found


def bibtex_problems(text: str, cff: dict, name: str) -> list[str]:
    entries = parse_string(text, "bibtex").entries
    if list(entries) != [bibtex_key(cff, name)]:
        return [f"keys are {list(entries)}, expected [{bibtex_key(cff, name)!r}]"]
    entry = entries[bibtex_key(cff, name)]
    authors = entry.persons.get("author", [])
    found = _differ("entry type", entry.type, "misc")
    found += _differ("authors", [_bibtex_person(p) for p in authors], _expected_bibtex_authors(cff))
    title = entry.fields.get("title", "")
    found += _differ("title without braces", title.replace("{", "").replace("}", ""), cff["title"])
    found += [f"title leaves the acronym {a} unprotected" for a in ACRONYM.findall(cff["title"])
              if "{" + a + "}" not in title]
    found += _differ("year", entry.fields.get("year"), str(released(cff).year))
    found += _differ("version", entry.fields.get("version"), str(cff["version"]))
    if not entry.fields.get("note", "").startswith("Data set"):
        found.append("note does not say it is a data set")
    return found + _differ("doi", entry.fields.get("doi"), doi(cff))


def ris_problems(text: str, cff: dict) -> list[str]:
    records = rispy.loads(text)
    if len(records) != 1:
        return [f"{len(records)} records, expected 1"]
    record, date = records[0], released(cff)
    found = _differ("TY", record.get("type_of_reference"), "DATA")
    found += _differ("AU", record.get("authors"), author_names(cff))
    found += _differ("TI", record.get("title"), cff["title"])
    found += _differ("PY", record.get("year"), str(date.year))
    found += _differ("DA", record.get("date"), f"{date.year:04d}/{date.month:02d}/{date.day:02d}/")
    found += _differ("ET", record.get("edition"), str(cff["version"]))
    found += _differ("KW", record.get("keywords"), cff.get("keywords"))
    return found + _differ("DO", record.get("doi"), doi(cff))


def csl_problems(text: str, cff: dict, name: str) -> list[str]:
    items = json.loads(text)
    if len(items) != 1:
        return [f"{len(items)} items, expected 1"]
    item, date = items[0], released(cff)
    found = _differ("id", item.get("id"), bibtex_key(cff, name))
    found += _differ("type", item.get("type"), "dataset")
    found += _differ("title", item.get("title"), cff["title"])
    found += _differ("author", item.get("author"),
                     [{"literal": a["name"]} if "name" in a
                      else {"family": a["family-names"], "given": a.get("given-names", "")}
                      for a in cff["authors"]])
    found += _differ("issued", item.get("issued"), {"date-parts": [[date.year, date.month, date.day]]})
    found += _differ("version", item.get("version"), str(cff["version"]))
    return found + _differ("DOI", item.get("DOI"), doi(cff))


def _bibtex_person(person) -> str:
    """How a BibTeX reader understood one author: a braced corporate name stays whole."""
    return " ".join(person.first_names + person.middle_names + person.prelast_names + person.last_names)


def _expected_bibtex_authors(cff: dict) -> list[str]:
    return ["{" + a["name"] + "}" if "name" in a
            else f"{a.get('given-names', '')} {a['family-names']}".strip() for a in cff["authors"]]


def _differ(field: str, actual, expected) -> list[str]:
    return [] if actual == expected else [f"{field} is {actual!r}, expected {expected!r}"]
