"""What the page says about the dataset, taken from the descriptor and never invented:
the privacy statement, the licences, the article's status, and the schema.org JSON-LD."""
from __future__ import annotations

import json
import re

from .package import Package


def privacy_sentence(package: Package) -> str:
    """The first sentence of the descriptor's "Privacy:" paragraph, without the label.

    "Privacy: this package contains no personal data ... in any file. The only ..." gives
    "This package contains no personal data ... in any file."."""
    paragraph = next(p for p in package.descriptor["description"].split("\n\n")
                     if p.startswith("Privacy:"))
    sentence = _sentences(paragraph.removeprefix("Privacy:").strip())[0]
    return sentence[0].upper() + sentence[1:]


def dataset_description(package: Package) -> str:
    """The descriptor's description up to its privacy paragraph."""
    return package.descriptor["description"].split("\n\n")[0]


def article_status(package: Package) -> str:
    """The sentence of the article resource's description that says the dataset's licence
    does not cover the snapshot."""
    description = package.resource("article")["description"]
    return next(s for s in _sentences(description) if "licence" in s)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if s.strip()]


def json_ld(package: Package) -> dict:
    """A schema.org Dataset for dataset search engines.

    Each CSV file is a DataDownload with its path relative to this page (docs/index.html)
    and its sha256 from the descriptor. The article is described by its title and the
    snapshot's SHA-256 only: its URL is not known, so none is given. Its type is
    MediaObject, the CreativeWork to which schema.org gives the `sha256` property.
    """
    descriptor = package.descriptor
    licence = descriptor["licenses"][0]
    source = descriptor["sources"][0]
    creators = [c["title"] for c in descriptor.get("contributors", []) if "creator" in c.get("roles", [])]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": descriptor["title"],
        "alternateName": descriptor["name"],
        "description": descriptor["description"],
        "version": descriptor["version"],
        "license": licence["path"],
        "keywords": descriptor["keywords"],
        "creator": [{"@type": "Organization", "name": name} for name in creators],
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "name": table.name, "contentUrl": f"../{table.path}",
             "encodingFormat": table.mediatype, "sha256": table.sha256}
            for table in package.tables.values()
        ],
        "isBasedOn": {"@type": "MediaObject", "name": source["title"],
                      "encodingFormat": "text/plain", "sha256": package.article_sha256},
    }


def json_ld_script(package: Package) -> str:
    """The JSON-LD block; `</` is escaped so no value can end the script element."""
    text = json.dumps(json_ld(package), ensure_ascii=False, indent=1)
    return '<script type="application/ld+json">\n' + text.replace("</", "<\\/") + "\n</script>"
