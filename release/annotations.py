"""`annotations.jsonld`: every span row as a W3C Web Annotation, in one AnnotationCollection.

One annotation per row of statements, entities (the name span), quotes, figures, events and
excluded_spans. Its target is the article snapshot, named by its hash as an RFC 6920 `ni:`
IRI, with two selectors for the same characters: a TextPositionSelector (start, end: code
points, as in the tables) and a TextQuoteSelector (exact, and up to 32 characters of prefix
and suffix, so that the row can be found again in another copy of the text, as Hypothesis
anchors highlights). Its body is the row: `<table>/<id>` as dcterms:identifier and every
field as a JSON literal (rdf:value).

The JSON-LD uses the W3C context `http://www.w3.org/ns/anno.jsonld` plus three local terms.
`document_loader` serves `anno_context.jsonld` (the W3C terms this file uses, as the W3C
context defines them) for that IRI, so that pyld expands the file without network access.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from .package import Package, Table

ANNO_CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
LOCAL_CONTEXT = {"identifier": "dcterms:identifier",
                 "row": {"@id": "rdf:value", "@type": "@json"}}
CONTEXT_FILE = Path(__file__).with_name("anno_context.jsonld")
QUOTE_CONTEXT = 32
SPAN_COLUMNS = {"entities": "name"}  # the column holding the span's text, where it is not `text`
MOTIVATIONS = {"entities": "identifying", "excluded_spans": "commenting"}  # others: describing


def write_annotations(package: Package, out_dir: Path) -> Path:
    path = out_dir / "annotations.jsonld"
    text = json.dumps(collection(package), indent=1, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def collection(package: Package) -> dict:
    items = [annotation(package, table, row) for table in span_tables(package) for row in table.rows]
    return {
        "@context": [ANNO_CONTEXT_IRI, LOCAL_CONTEXT],
        "id": "#collection",
        "type": "AnnotationCollection",
        "label": f"{package.stem}: every span row of the tables, anchored in the article snapshot",
        "rights": package.licence["path"],
        "total": len(items),
        "first": {"id": "#page", "type": "AnnotationPage", "partOf": "#collection",
                  "startIndex": 0, "items": items},
    }


def span_tables(package: Package) -> list[Table]:
    """The tables whose rows are spans of the article (all but attributions)."""
    return [table for table in package.tables if {"start", "end"} <= set(table.field_names)]


def annotation(package: Package, table: Table, row: dict) -> dict:
    exact = row[SPAN_COLUMNS.get(table.name, "text")]
    start, end = row["start"], row["end"]
    return {
        "id": f"#{table.name}/{row['id']}",
        "type": "Annotation",
        "motivation": MOTIVATIONS.get(table.name, "describing"),
        "body": {"type": "Dataset", "identifier": f"{table.name}/{row['id']}",
                 "row": {name: _json_value(value) for name, value in row.items()}},
        "target": {
            "type": "SpecificResource",
            "source": ni_iri(package.article_bytes),
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {"type": "TextQuoteSelector", "exact": exact,
                 "prefix": package.article[max(0, start - QUOTE_CONTEXT):start],
                 "suffix": package.article[end:end + QUOTE_CONTEXT]},
            ],
        },
    }


def ni_iri(content: bytes) -> str:
    """RFC 6920 name of `content`: ni:///sha-256;<base64url of the digest, no padding>.

    >>> ni_iri(b"")
    'ni:///sha-256;47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU'
    """
    digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=")
    return "ni:///sha-256;" + digest.decode("ascii")


def document_loader(url: str, options=None) -> dict:
    """A pyld document loader that serves the W3C annotation context from this package, and
    nothing else: any other IRI is an error rather than a network request."""
    if url.rstrip("/") != ANNO_CONTEXT_IRI:
        raise ValueError(f"no offline copy of {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))}


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
