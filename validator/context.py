"""What the checks read: the loaded package, the pins it is checked against, the findings so
far, and (built once, when the rows layer first asks) the typed rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import registry
from .findings import Finding
from .package import ARTICLE, LoadedPackage
from .rows import Records, type_rows

# Layers whose findings on a table mean that some of its rows are not in `records`, so a
# check that needs every row of a table (completeness) skips it rather than guess.
_ROW_LAYERS = ("tables", "rows")


@dataclass
class Context:
    package: LoadedPackage
    article_sha256: str
    persons: dict[str, str]
    findings: list[Finding] = field(default_factory=list)
    workers: int = 1  # processes the costly reading of a large package may use
    _shared: dict = field(default_factory=dict, repr=False)

    def shared(self, compute):
        """`compute(self)`, worked out once per validation: for what several checks read."""
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        return self._shared[compute]

    @property
    def article(self) -> str | None:
        return self.package.article

    def path(self, table: str) -> str:
        return self.package.resources[table].path

    @cached_property
    def article_is_pinned(self) -> bool:
        resource = self.package.resources.get(ARTICLE)
        return bool(resource and resource.facts and resource.text is not None
                    and resource.facts.sha256 == f"sha256:{self.article_sha256}")

    def provides(self, needs: str) -> bool:
        if needs == registry.NOTHING:
            return True
        if self.package.descriptor is None:
            return False
        return needs != registry.ARTICLE or self.article_is_pinned

    @cached_property
    def records(self) -> Records:
        """The typed rows of every table the descriptor layer could load, except the rows the
        tables layer found broken (a table whose header is broken is left out whole)."""
        return type_rows(self.package.tables(), self._broken_rows())

    def _broken_rows(self) -> dict[str, set[int] | None]:
        broken: dict[str, set[int] | None] = {}
        for finding in self.findings:
            if finding.layer != "tables":
                continue
            if finding.row is None or finding.row <= 1:
                broken[finding.resource] = None
            elif broken.get(finding.resource, set()) is not None:
                broken.setdefault(finding.resource, set()).add(finding.row)
        return broken

    def complete(self, *tables: str) -> bool:
        """Whether every row of these tables is typed and no row-level layer found fault with
        any of them: what a check that reads a whole table needs."""
        paths = set()
        for table in tables:
            resource = self.package.resources.get(table)
            if resource is None or not resource.checkable:
                return False
            paths.add(resource.path)
        return not any(f.layer in _ROW_LAYERS and f.resource in paths for f in self.findings)

    def line_of(self, resource: str | None, row: int | None) -> int | None:
        """The line of `resource` on which `row` starts (for a table) or is (for a text file)."""
        if row is None or resource is None:
            return None
        for candidate in self.package.resources.values():
            if candidate.path == resource and candidate.table is not None:
                return 1 if row == 1 else candidate.table.lines.get(row)
        return row


