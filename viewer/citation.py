"""How to cite the dataset, as the page shows it: the same APA-style reference the README and
the release's citation files give, from the release's reader of CITATION.cff (one source)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from release.citation import apa_text
from release.package import load_citation


@dataclass(frozen=True)
class Citation:
    """The dataset's reference as one line of text, and the file's own message."""

    text: str
    message: str
    version: str


def read_citation(root: Path) -> Citation:
    cff = load_citation(root)
    return Citation(" ".join(apa_text(cff).split()), " ".join(cff["message"].split()), str(cff["version"]))
