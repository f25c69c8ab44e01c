"""The whole validation: every registered check, layer by layer, each skipped only when what
it needs could not be read. `validate_package` is the API; it never prints and never writes."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import completeness, descriptor, faithfulness, hygiene, privacy, rows, tables  # noqa: F401  (they register their checks)
from .context import Context
from .findings import LAYERS, Finding
from .package import load_package
from .pins import ARTICLE_SHA256, PERSONS
from .registry import registered


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    checks: int = 0  # the checks that ran

    @property
    def valid(self) -> bool:
        return not self.findings

    def by_layer(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: LAYERS.index(f.layer))


def validate_package(path: str | os.PathLike, *, article_sha256: str = ARTICLE_SHA256,
                     persons: dict[str, str] | None = None) -> Report:
    """Check the package whose descriptor is `path` (or is in the directory `path`) against the
    pinned article snapshot and the reviewed list of persons (by default this package's own)."""
    context = Context(load_package(path), article_sha256, PERSONS if persons is None else persons)
    ran = 0
    for check in registered():
        if context.provides(check.needs):
            context.findings += check.run(context)
            ran += 1
    tables = context.package.tables() if context.package.descriptor is not None else []
    rows = sum(len(context.records.numbered(t.name)) for t in tables) if ran > 1 else 0
    return Report(context.findings, len(tables), rows, ran)
