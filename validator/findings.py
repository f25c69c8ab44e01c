"""What checks return: a `Problem` (where, and what is wrong) that the registry turns into a
`Finding` (the same, with the layer and the check that found it). A finding is data before it
is text, and it prints nothing of the package that is not public (`disclosure`): checks show
the values they quote with `disclosure.shown`, and its place is shown here the same way."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import NamedTuple

from .disclosure import shown_field, shown_path
from .privacy.detectors import found_in, may_hold

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
    exception: tuple[str, str, str] | None = None  # (check, file, sha256): the entry that would let it through


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the package, with where it is.

    `resource` is the file path as declared (``data/figures.csv``); `row` is the row number
    as frictionless counts it (the header is row 1, so the first record is row 2) or, in a
    file that is not a table, the line number; `line` is the line of the file where that row
    starts (it differs from `row` only below a cell that holds a line break); `field` is a
    column name or, in a JSON file, the path of a property; `exception`, for what a privacy
    detector found, the entry of privacy-exceptions.csv that would let it through: the check,
    the file and the SHA-256 of the value as read. It is never part of a finding's text or
    JSON: a date, a phone number or an ID number has few enough possible values to be found
    again from its hash by trying each, so it is printed only on request
    (`validate.py --exception-rows`, on a maintainer's own machine).
    """

    layer: str
    check: str
    resource: str | None
    row: int | None
    field: str | None
    message: str
    line: int | None = None
    exception: tuple[str, str, str] | None = None

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
        found = asdict(self)
        del found["exception"]
        return found


def make_finding(layer: str, check: str, problem: Problem, line: int | None = None) -> Finding:
    """The finding for `problem`: its file and field shown as `disclosure` allows; in its
    message, as a second line of defence, no ID number, phone number or e-mail address, nor a
    control character (a terminal would obey it: an escape sequence could hide a finding)."""
    resource, field = problem.resource, problem.field
    return Finding(layer, problem.check or check, resource and shown_path(resource), problem.row,
                   field and shown_field(field), _printable(redact(problem.message)), line,
                   problem.exception)


_IDENTIFIERS = ("no_resident_id_numbers", "no_phone_numbers", "no_email_addresses")


def redact(text: str) -> str:
    """`text` with every ID number, phone number and e-mail address replaced by [withheld]."""
    if not may_hold(text):
        return text
    out, position = [], 0
    for check, found in sorted(found_in(text), key=lambda item: item[1].start):
        if check in _IDENTIFIERS and found.start >= position:
            out += [text[position:found.start], "[withheld]"]
            position = found.end
    return "".join(out) + text[position:]


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)


def snippet(text: str, limit: int = 60) -> str:
    """Text the validator made or the article prints, cut to `limit` characters for a
    message (a value read from the package goes through `disclosure.shown`)."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def where_found(text: str, within: str) -> str:
    """Where `text` occurs in `within` (the article), as a message adds it."""
    at = within.find(text)
    if at < 0:
        return "; the text does not occur in the article"
    return f"; the text occurs at {at}-{at + len(text)}"
