"""Build docs/index.html, but only from a package that validates.

    >>> from pathlib import Path
    >>> "<!DOCTYPE html>" in build_page(Path("."))
    True
"""
from __future__ import annotations

from pathlib import Path

from validator import Finding, validate_package

from .package import load
from .page import render_page


class InvalidPackage(Exception):
    """The package does not pass validate.py; `findings` says why."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings


def build_page(root: Path) -> str:
    """The page for the package at `root`; raises InvalidPackage if it does not validate."""
    report = validate_package(root / "datapackage.json")
    if not report.valid:
        raise InvalidPackage(list(report.findings))
    return render_page(load(root))


def page_path(root: Path) -> Path:
    return root / "docs" / "index.html"
