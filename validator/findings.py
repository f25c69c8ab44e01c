"""What checks return: a `Problem` (where, and what is wrong) that the registry turns into a
`Finding` (the same, with the layer and the check that found it). A finding is data before it
is text, and it never echoes an identifier-like value."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import NamedTuple

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


class Problem(NamedTuple):
    """What one check yields: the message and the place.

    `check` is left empty by every check but those of the tables layer, whose findings are
    named by the Table Schema error type (``type-error``, ``foreign-key``, ...) as
    frictionless names them."""

    message: str
    resource: str | None = None
    row: int | None = None
    field: str | None = None
    check: str | None = None


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the package, with where it is.

    `resource` is the file path as declared (``data/figures.csv``); `row` is the row number
    as frictionless counts it (the header is row 1, so the first record is row 2) or, in a
    file that is not a table, the line number; `line` is the line of the file where that row
    starts (it differs from `row` only below a cell that holds a line break); `field` is a
    column name or, in a JSON file, the path of a property.
    """

    layer: str
    check: str
    resource: str | None
    row: int | None
    field: str | None
    message: str
    line: int | None = None

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


def make_finding(layer: str, check: str, problem: Problem, line: int | None = None) -> Finding:
    """The finding for `problem`; message and place never echo an identifier-like value, nor
    a control character (a terminal would obey it: an escape sequence could hide a finding)."""
    resource, field = problem.resource, problem.field
    return Finding(layer, problem.check or check, resource and _shown(resource), problem.row,
                   field and _shown(field), _shown(problem.message), line)


def _shown(text: str) -> str:
    text = redact(text)
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)


def snippet(text: str, limit: int = 60) -> str:
    """`text` for a message: identifiers withheld first, then cut to `limit` characters, so
    that a cut can never leave part of an identifier behind."""
    text = redact(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def where_found(text: str, within: str) -> str:
    """Where `text` occurs in `within` (the article), as a message adds it."""
    at = within.find(text)
    if at < 0:
        return "; the text does not occur in the article"
    return f"; the text occurs at {at}-{at + len(text)}"
