"""The one type every check returns: a finding is data (layer, check, place, message) before it is text."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .identifiers import redact

# The layers, in the order they run and are reported.
LAYERS = (
    "descriptor",
    "tables",
    "rows",
    "faithfulness",
    "completeness",
    "privacy",
    "hygiene",
)


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the package, with where it is.

    `resource` is the file path as declared (``data/figures.csv``); `row` is the
    row number as frictionless counts it (the header is row 1, so the first
    record is row 2: the line number in the file); `field` is a column name.
    """

    layer: str
    check: str
    resource: str | None
    row: int | None
    field: str | None
    message: str

    @property
    def place(self) -> str:
        parts = [self.resource or "datapackage.json"]
        if self.row is not None:
            parts.append(str(self.row))
        if self.field is not None:
            parts.append(self.field)
        return ":".join(parts)

    def as_text(self) -> str:
        return f"{self.place}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


def snippet(text: str, limit: int = 60) -> str:
    """`text` for a message: identifiers withheld first, then cut to `limit` characters, so
    that a cut can never leave part of an identifier behind."""
    text = redact(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def finding(layer: str, check: str, message: str, resource: str | None = None,
            row: int | None = None, field: str | None = None) -> Finding:
    """A finding whose message and place never echo an identifier-like value."""
    return Finding(layer, check, resource and redact(resource), row, field and redact(field),
                   redact(message))
