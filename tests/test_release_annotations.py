"""The Web Annotations: one per span row, each re-anchoring to exactly its row's text by
position and by quote, on a target named by the article's hash, and expanding offline to
the W3C vocabulary."""
from __future__ import annotations

import base64
import hashlib
import json

import pytest

from conftest import ARTICLE, ROOT, imported_when_used
from release_build import built_release, csv_rows, package
from release.annotations import ANNO_CONTEXT_IRI, CONTEXT_FILE, LOCAL_CONTEXT, document_loader

jsonld = imported_when_used("pyld.jsonld")

OA, AS = "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/activitystreams#"
SPAN_TABLES = ["entities", "statements", "quotes", "figures", "events", "excluded_spans"]


@pytest.fixture(scope="session")
def document(tmp_path_factory):
    path = built_release(tmp_path_factory) / "annotations.jsonld"
    return path, json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def annotations(document):
    return document[1]["first"]["items"]


def csv_row(identifier: str) -> dict[str, str]:
    table, key = identifier.split("/")
    return next(row for row in csv_rows(table) if row["id"] == key)


def test_one_annotation_per_span_row(document, annotations):
    wanted = [f"{table}/{row['id']}" for table in SPAN_TABLES for row in csv_rows(table)]
    assert sorted(a["body"]["identifier"] for a in annotations) == sorted(wanted)
    assert sorted(a["id"] for a in annotations) == sorted(f"#{i}" for i in wanted)
    assert document[1]["type"] == "AnnotationCollection" and document[1]["total"] == len(wanted)


def test_every_annotation_reanchors_by_position_and_by_quote(annotations):
    for annotation in annotations:
        row = csv_row(annotation["body"]["identifier"])
        text = row.get("text", row.get("name"))
        position, quote = annotation["target"]["selector"]
        assert position["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
        start, end = position["start"], position["end"]
        assert (start, end) == (int(row["start"]), int(row["end"]))
        assert ARTICLE[start:end] == text == quote["exact"]
        assert len(quote["prefix"]) <= 32 and len(quote["suffix"]) <= 32
        anchor = quote["prefix"] + quote["exact"] + quote["suffix"]
        found = ARTICLE.find(anchor)
        assert found + len(quote["prefix"]) == start, annotation["id"]
        assert ARTICLE.find(anchor, found + 1) == -1, f"{annotation['id']} anchors twice"


def test_the_target_is_the_article_named_by_its_hash(annotations):
    digest = hashlib.sha256((ROOT / "data" / "article.txt").read_bytes()).digest()
    name = "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode().rstrip("=")
    assert {a["target"]["source"] for a in annotations} == {name}
    encoded = name.split(";", 1)[1]
    assert base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)) == digest


def test_the_body_carries_the_row(annotations):
    for annotation in annotations:
        row = csv_row(annotation["body"]["identifier"])
        carried = annotation["body"]["row"]
        assert list(carried) == list(row)
        for name, cell in row.items():
            value = carried[name]
            assert (value is None) if cell == "" else (str(value) == cell or float(value) == float(cell)), name


def test_the_article_has_no_character_outside_the_bmp():
    # So code-point offsets equal UTF-16 offsets (browser ranges) for this article.
    assert max(map(ord, ARTICLE)) <= 0xFFFF
    assert len(ARTICLE.encode("utf-16-le")) // 2 == len(ARTICLE)


def test_expands_offline_to_the_w3c_vocabulary(document):
    path, doc = document
    expanded = jsonld.expand(doc, {"documentLoader": document_loader, "base": path.as_uri()})
    collection = expanded[0]
    assert collection["@type"] == [AS + "OrderedCollection"]
    page = collection[AS + "first"][0]
    items = page[AS + "items"][0]["@list"]
    assert len(items) == doc["total"]
    for item in items:
        assert item["@type"] == [OA + "Annotation"]
        assert set(item) == {"@id", "@type", OA + "hasBody", OA + "hasTarget", OA + "motivatedBy"}
        target = item[OA + "hasTarget"][0]
        assert target["@type"] == [OA + "SpecificResource"] and OA + "hasSource" in target
        position, quote = target[OA + "hasSelector"]
        assert position["@type"] == [OA + "TextPositionSelector"]
        assert {OA + "start", OA + "end"} <= set(position)
        assert quote["@type"] == [OA + "TextQuoteSelector"]
        assert {OA + "exact", OA + "prefix", OA + "suffix"} <= set(quote)
        assert item[OA + "motivatedBy"][0]["@id"].startswith(OA)


def test_every_term_used_is_defined_by_the_served_context(document):
    served = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    defined = set(served) | set(LOCAL_CONTEXT) | {"@context"}
    used = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                used.add(key)
                if key in ("type", "motivation"):
                    used.add(value)
                if key != "row":  # the row is a JSON literal, not JSON-LD
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(document[1])
    assert used - defined == set()


def test_the_loader_serves_only_the_annotation_context():
    assert document_loader(ANNO_CONTEXT_IRI)["document"]["@context"]["oa"] == OA
    with pytest.raises(ValueError):
        document_loader("https://schema.org/")
