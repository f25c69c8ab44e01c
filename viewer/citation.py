"""How to cite the dataset, read from CITATION.cff.

One small function on purpose: when the release tooling's own reader of CITATION.cff lands,
`read_citation` is the one place to swap for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Citation:
    """The dataset's reference as one line of text, and the file's own message."""

    text: str
    message: str
    version: str


def read_citation(root: Path) -> Citation:
    """The reference in the README's form: authors (year). Title (Version v) [Data set].

    The year is that of `date-released`; the article it is derived from is named by the
    title CITATION.cff gives it, and nothing more is said about it."""
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    authors = ", ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}"
                        for a in cff["authors"])
    text = (f"{authors} ({cff['date-released'].year}). {' '.join(cff['title'].split())} "
            f"(Version {cff['version']}) [Data set].")
    article = next((r for r in cff.get("references", []) if r.get("type") == "newspaper-article"), None)
    if article:
        text += f" Derived from the news article \u201c{' '.join(article['title'].split())}\u201d."
    return Citation(text, " ".join(cff["message"].split()), str(cff["version"]))
