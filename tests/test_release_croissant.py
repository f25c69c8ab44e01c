"""The Croissant metadata, checked against the descriptor, the schemas, the built zip and the
datasheet. (`mlcroissant validate` runs in .ci/run, in an environment of its own.)"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile

import pytest

from conftest import ROOT
from release_build import built_release, csv_header, csv_rows, package, release_file
from release import datasheet
from release.citation import bibtex

DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float", "date": "sc:Date"}


@pytest.fixture(scope="session")
def release(tmp_path_factory):
    return built_release(tmp_path_factory)


@pytest.fixture(scope="session")
def croissant(release):
    return json.loads((release / "croissant.json").read_text(encoding="utf-8"))


def test_dataset_level_metadata_comes_from_the_descriptor_and_citation(croissant):
    descriptor = package().descriptor
    assert "http://mlcommons.org/croissant/1.1" in croissant["conformsTo"]
    assert croissant["@type"] == "sc:Dataset"
    assert (croissant["name"], croissant["version"]) == (descriptor["title"], descriptor["version"])
    assert croissant["description"] == descriptor["description"]  # one home: the descriptor's
    assert croissant["isBasedOn"]["description"] == descriptor["sources"][0]["description"]
    assert croissant["license"] == descriptor["licenses"][0]["path"]
    assert croissant["citeAs"] == bibtex(package().citation, descriptor["name"])
    assert croissant["datePublished"] == str(package().citation["date-released"])
    assert "url" not in croissant and "identifier" not in croissant  # no DOI yet, none invented


def test_every_file_object_has_the_sha256_of_its_bytes(release, croissant):
    archive = release_file(release, ".zip")
    objects = {item["@id"]: item for item in croissant["distribution"]}
    assert objects[archive.name]["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    with zipfile.ZipFile(archive) as z:
        for resource in package().descriptor["resources"]:
            item = objects[resource["path"]]
            assert item["containedIn"] == {"@id": archive.name}
            content = z.read(item["contentUrl"])
            assert item["sha256"] == hashlib.sha256(content).hexdigest()
            assert content == (ROOT / resource["path"]).read_bytes()


def test_one_record_set_per_table_with_typed_fields_keys_and_references(croissant):
    record_sets = {record["@id"]: record for record in croissant["recordSet"]}
    assert list(record_sets) == [t.name for t in package().tables]
    for table in package().tables:
        record = record_sets[table.name]
        assert [f["name"] for f in record["field"]] == csv_header(table.name)
        for field, spec in zip(record["field"], table.fields):
            assert field["dataType"] == DATA_TYPES[spec["type"]]
            assert field["source"] == {"fileObject": {"@id": table.resource["path"]},
                                       "extract": {"column": spec["name"]}}
        keys = record["key"] if isinstance(record["key"], list) else [record["key"]]
        assert keys == [{"@id": f"{table.name}/{name}"} for name in table.primary_key]
        references = {f["name"]: f["references"]["field"]["@id"] for f in record["field"] if "references" in f}
        assert references == {fields[0]: f"{other}/{other_fields[0]}"
                              for fields, other, other_fields in table.foreign_keys}


def test_responsible_ai_fields_quote_the_datasheet(croissant):
    page = (ROOT / "docs" / "datasheet.md").read_text(encoding="utf-8")
    text = datasheet.plain(page)
    personal = croissant["rai:personalSensitiveInformation"]
    assert any("None of that is in this dataset" in part for part in personal)
    assert any(part.startswith("What it cannot catch") for part in personal)
    for key in ("rai:personalSensitiveInformation", "rai:dataCollection", "rai:dataUseCases",
                "rai:dataLimitations", "rai:dataReleaseMaintenancePlan", "rai:dataPreprocessingProtocol"):
        parts = croissant[key] if isinstance(croissant[key], list) else [croissant[key]]
        sentences = [s for part in parts for s in re.split(r"(?<=[.?!:]) ", part)]
        assert parts and all(sentence in text for sentence in sentences), key


RAI_TEXTS = ("rai:personalSensitiveInformation", "rai:dataCollection", "rai:dataUseCases",
             "rai:dataLimitations", "rai:dataReleaseMaintenancePlan", "rai:dataPreprocessingProtocol")


def rai_parts(croissant, key):
    return croissant[key] if isinstance(croissant[key], list) else [croissant[key]]


def labelled_answers(page):
    """(label, answer) of every datasheet bullet that opens with a bold label, as plain text."""
    labels = re.findall(r"^- \*\*(.+?)\*\*", page, re.MULTILINE)
    bullets = [b for heading in re.findall(r"^## (.+)$", page, re.MULTILINE)
               for b in datasheet.section_bullets(page, heading)]
    for label in labels:
        bullet = next(b for b in bullets if b.startswith(label))
        yield label, bullet[len(label):].strip()


@pytest.mark.parametrize("key", ["rai:dataCollection", "rai:dataUseCases", "rai:dataLimitations"])
def test_an_answer_quoted_out_of_the_datasheet_keeps_its_label(croissant, key):
    """“Not intended, and misuse:” is what makes the misuses misuses; without it they read as uses."""
    page = (ROOT / "docs" / "datasheet.md").read_text(encoding="utf-8")
    quoted = 0
    for part in rai_parts(croissant, key):
        for label, answer in labelled_answers(page):
            if answer in part:
                assert f"{label} {answer}" in part, (key, label)
                quoted += 1
    assert quoted >= len(rai_parts(croissant, key)), key


@pytest.mark.parametrize("key", RAI_TEXTS)
def test_no_responsible_ai_text_points_at_a_place_in_the_datasheet_it_left(croissant, key):
    """Quoted into croissant.json, “the next section” or “above” points at nothing."""
    for part in rai_parts(croissant, key):
        for sentence in re.split(r"(?<=[.?!]) ", part):
            assert not re.search(r"\b(?:next|previous|following|preceding) section\b|\b(?:above|below)\b",
                                 sentence, re.IGNORECASE), (key, sentence)


def test_a_question_missing_from_the_datasheet_fails_loudly():
    with pytest.raises(datasheet.MissingInDatasheet):
        datasheet.answer("## Uses\n\n- **Intended:** x\n", "Does it contain confidential data?")
