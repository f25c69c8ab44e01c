"""The release files, by name, with one line on each: the list that the build, the data
dictionary and the release workflow share. `{stem}` is `<name>-<version>`."""
from __future__ import annotations

RELEASE_FILES = [
    ("{stem}.zip", "the package as published (descriptor, data, schemas, docs, README, licences, "
                   "CITATION.cff, CHANGELOG.md, and validate.py with validator/ and requirements.txt) "
                   "under the folder `{stem}/`; unzipped, it validates itself offline"),
    ("{stem}.sqlite", "one table per CSV table with the same column names and SQL types from the Table "
                      "Schemas (integer: INTEGER, number: REAL, date: ISO 8601 TEXT, string: TEXT), every "
                      "empty cell NULL, primary and foreign keys, CHECK constraints; the article as the "
                      "one-row table `article` with its SHA-256; the views `quotations_with_sources`, "
                      "`quotation_sources`, `figures_with_sources`, `statement_sources` and `timeline`; "
                      "and the FTS5 indexes `statements_fts` and `quotes_fts`"),
    ("{stem}.xlsx", "a first sheet README (title, version, licence, citation, privacy statement), then "
                    "one sheet per table, named as the table: numbers as numbers, dates as dates, empty "
                    "cells empty, header row frozen, all text stored as text"),
    ("annotations.jsonld", "a W3C Web Annotation AnnotationCollection: one annotation per row of every "
                           "span table, its target the article named by its hash (`ni:///sha-256;...`) "
                           "with a TextPositionSelector and a TextQuoteSelector, its body the row"),
    ("croissant.json", "Croissant 1.1 metadata for dataset search and ML tools: files with SHA-256, a "
                       "RecordSet per table with field types and foreign-key references, citation, "
                       "licence, and the Responsible-AI fields quoted from the datasheet"),
    ("citation.bib", "the BibTeX entry (@misc, with version)"),
    ("citation.ris", "the RIS record (type DATA, version in ET)"),
    ("citation.csl.json", "the CSL-JSON item (type dataset)"),
    ("SHA256SUMS", "the SHA-256 of every file above, for `sha256sum -c SHA256SUMS`"),
]


def release_file_names(stem: str) -> list[str]:
    return [name.format(stem=stem) for name, _ in RELEASE_FILES]
