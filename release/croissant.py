"""`croissant.json`: Croissant 1.1 metadata (schema.org Dataset plus ML Commons terms) for
dataset search engines and ML tools, generated from datapackage.json.

- a FileObject for the release zip and, contained in it, one for each file of the package,
  each with its sha256 (the descriptor's hashes; the zip's is computed);
- a RecordSet per table: a Field per column with its dataType, the primary key as `key`,
  and `references` for foreign keys;
- name, description, version, licence, keywords, creator, datePublished, and `citeAs` (the
  BibTeX entry);
- the Responsible-AI fields (`rai:`) on personal and sensitive information, collection, uses,
  limitations and maintenance, quoted from docs/datasheet.md (the answers on collection, uses
  and limitations with their questions, so that "Not intended" stays with what it labels).

No URL is given for the dataset until it has one (a DOI): `contentUrl`s are relative to this
file, which sits beside the zip in the release.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import datasheet
from .citation import bibtex, doi, released, DOI_RESOLVER
from .package import Package, Table

CROISSANT_1_1 = "http://mlcommons.org/croissant/1.1"
RAI_1_0 = "http://mlcommons.org/croissant/RAI/1.0"
DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float",
              "date": "sc:Date", "boolean": "sc:Boolean"}
# The Croissant 1.1 context as mlcroissant writes it, so that no key is reported as unknown.
CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/", "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract", "field": "cr:field", "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject", "fileSet": "cr:fileSet", "format": "cr:format",
    "includes": "cr:includes", "isArray": "cr:isArray", "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5",
    "name": {"@container": "@language"}, "parentField": "cr:parentField", "path": "cr:path",
    "recordSet": "cr:recordSet", "references": "cr:references", "regex": "cr:regex",
    "repeated": "cr:repeated", "replace": "cr:replace", "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/", "separator": "cr:separator", "source": "cr:source",
    "subField": "cr:subField", "transform": "cr:transform",
}


def write_croissant(package: Package, out_dir: Path, archive: Path) -> Path:
    path = out_dir / "croissant.json"
    text = json.dumps(metadata(package, archive), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def metadata(package: Package, archive: Path) -> dict:
    descriptor, cff = package.descriptor, package.citation
    document = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": [CROISSANT_1_1, RAI_1_0],
        "name": descriptor["title"],
        "alternateName": package.name,
        "description": descriptor["description"],
        "version": package.version,
        "datePublished": released(cff).isoformat(),
        "license": package.licence["path"],
        "keywords": descriptor["keywords"],
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "creator": [{"@type": "sc:Organization", "name": c["title"]}
                    for c in descriptor.get("contributors", []) if "creator" in c.get("roles", [])],
        "citeAs": bibtex(cff, package.name),
        "isBasedOn": {"@type": "sc:NewsArticle", "headline": descriptor["sources"][0]["title"],
                      "description": descriptor["sources"][0]["description"]},
        "distribution": distribution(package, archive),
        "recordSet": [record_set(table) for table in package.tables],
        **responsible_ai((package.root / "docs" / "datasheet.md").read_text(encoding="utf-8")),
    }
    if doi(cff):
        document["identifier"] = DOI_RESOLVER + doi(cff)
    return document


def distribution(package: Package, archive: Path) -> list[dict]:
    zip_id = archive.name
    files = [{"@type": "cr:FileObject", "@id": zip_id, "name": zip_id,
              "description": "The package as published: descriptor, data, schemas, docs and validator.",
              "contentUrl": zip_id, "encodingFormat": "application/zip",
              "sha256": hashlib.sha256(archive.read_bytes()).hexdigest()}]
    for resource in package.descriptor["resources"]:
        files.append({"@type": "cr:FileObject", "@id": resource["path"], "name": resource["path"],
                      "description": resource["description"],
                      "containedIn": {"@id": zip_id},
                      "contentUrl": f"{package.stem}/{resource['path']}",
                      "encodingFormat": resource["mediatype"],
                      "sha256": resource["hash"].removeprefix("sha256:")})
    return files


def record_set(table: Table) -> dict:
    references = {field: f"{other}/{other_field}"
                  for fields, other, other_fields in table.foreign_keys
                  for field, other_field in zip(fields, other_fields)}
    record = {"@type": "cr:RecordSet", "@id": table.name, "name": table.name,
              "description": table.schema["description"],
              "key": [{"@id": f"{table.name}/{name}"} for name in table.primary_key],
              "field": [_field(table, field, references.get(field["name"])) for field in table.fields]}
    if len(record["key"]) == 1:
        record["key"] = record["key"][0]
    return record


def _field(table: Table, field: dict, reference: str | None) -> dict:
    entry = {"@type": "cr:Field", "@id": f"{table.name}/{field['name']}", "name": field["name"],
             "description": field["description"], "dataType": DATA_TYPES[field["type"]],
             "source": {"fileObject": {"@id": table.resource["path"]},
                        "extract": {"column": field["name"]}}}
    if reference:
        entry["references"] = {"field": {"@id": reference}}
    return entry


def responsible_ai(page: str) -> dict:
    """The RAI fields, each quoted from the datasheet (a missing question fails the build)."""
    exclusion = datasheet.section_paragraphs(page, "Personal data excluded, and why")
    return {
        "rai:personalSensitiveInformation": [
            datasheet.answer(page, "Does it contain confidential data, or data that identifies "
                                   "people?"),
            datasheet.answer(page, "Does it contain data that might be offensive or sensitive?"),
            " ".join(exclusion[:2]),
            next(p for p in exclusion if p.startswith("What it cannot catch")),
        ],
        "rai:dataCollection": " ".join([datasheet.labelled(page, "How was the data acquired?"),
                                        datasheet.labelled(page, "Who extracted it, and how?")]),
        "rai:dataPreprocessingProtocol": datasheet.section_bullets(page, "Preprocessing, cleaning, "
                                                                         "labelling"),
        "rai:dataUseCases": [datasheet.labelled(page, "Intended:")],
        "rai:dataLimitations": [datasheet.labelled(page, "What do the instances represent?"),
                                datasheet.labelled(page, "Not intended, and misuse:")],
        "rai:dataReleaseMaintenancePlan": " ".join(datasheet.section_bullets(page, "Maintenance")),
    }
