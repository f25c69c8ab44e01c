"""Build every release file from a package that validates; refuse one that does not.

    build_release(root, out_dir) -> the paths written, SHA256SUMS last
"""
from __future__ import annotations

import os
from pathlib import Path

from validator import validate_package

from . import citation, package as package_module
from .annotations import write_annotations
from .archive import write_archive
from .checksums import write_checksums
from .croissant import write_croissant
from .sqlite import write_sqlite
from .timestamps import release_time
from .xlsx import write_xlsx

CITATION_FILES = {"citation.bib": lambda cff, name: citation.bibtex(cff, name),
                  "citation.ris": lambda cff, name: citation.ris(cff),
                  "citation.csl.json": citation.csl_json}


class ReleaseRefused(Exception):
    """The package does not validate; `findings` says why."""

    def __init__(self, findings):
        super().__init__(f"the package does not validate: {len(findings)} findings")
        self.findings = findings


def build_release(root: Path, out_dir: Path, environ=os.environ) -> list[Path]:
    report = validate_package(root / "datapackage.json")
    if not report.valid:
        raise ReleaseRefused(report.findings)
    package = package_module.load(root)
    moment = release_time(package.citation, environ)
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = write_archive(package, out_dir, moment)
    files = [archive,
             write_sqlite(package, out_dir),
             write_xlsx(package, out_dir, moment),
             write_annotations(package, out_dir),
             write_croissant(package, out_dir, archive),
             *write_citations(package, out_dir)]
    return files + [write_checksums(files, out_dir)]


def write_citations(package, out_dir: Path) -> list[Path]:
    paths = []
    for name, render in CITATION_FILES.items():
        path = out_dir / name
        path.write_bytes(render(package.citation, package.name).encode("utf-8"))
        paths.append(path)
    return paths
