"""What the checks of layers 4 to 7 read: the loaded package, its article and its typed rows."""
from __future__ import annotations

from dataclasses import dataclass

from .package import LoadedPackage
from .rows import Records


@dataclass
class Context:
    package: LoadedPackage
    records: Records

    @property
    def article(self) -> str | None:
        return self.package.article

    def path(self, table: str) -> str:
        return self.package.resources[table].path
