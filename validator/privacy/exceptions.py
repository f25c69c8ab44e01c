"""Reviewed exceptions, the way detect-secrets' audited baseline and gitleaks' ignore file
work: `privacy-exceptions.csv`, committed beside the descriptor, lists each value a detector
finds that a maintainer has reviewed and found to be no one's personal data (a contact
address of the dataset, a review date, a date inside a standard's name).

Each entry is a row `check,file,sha256,reason`: the detector's check, the file the value is
in, the SHA-256 of the value as read (never the value itself; `validate.py --exception-rows`
prints the rows for the findings, their reasons left to write), and why it is no one's personal data. An entry lets that value through in that
file, in whatever form it is written there, and nowhere else. An entry that matches nothing
is stale and reported; so is one that is malformed. The file is scanned like any other.

>>> fingerprint("example")
'50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c'
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass

FILE = "privacy-exceptions.csv"
HEADER = ["check", "file", "sha256", "reason"]
_SHA256 = re.compile(r"[0-9a-f]{64}")


def fingerprint(value: str) -> str:
    """The SHA-256 of a value, in hexadecimal: how findings and exceptions name it."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Entry:
    row: int
    check: str
    file: str
    sha256: str


@dataclass
class Exceptions:
    """The entries that could be read, by (check, file, sha256), and why the others could not."""
    entries: dict[tuple[str, str, str], Entry]
    problems: list[tuple[int | None, str | None, str]]  # (row, field, what is wrong)

    def entry(self, check: str, file: str, value: str) -> Entry | None:
        return self.entries.get((check, file, fingerprint(value)))


def read_exceptions(package, checks: list[str]) -> Exceptions:
    """The exceptions file of the package, each row checked: a known check, a file of the
    package, a well-formed SHA-256, a reason, and no row twice."""
    file = next((f for f in package.files if f.path == FILE), None)
    found = Exceptions({}, [])
    if file is None or file.text is None:
        return found
    rows = list(csv.reader(io.StringIO(file.text, newline="")))
    if not rows or rows[0] != HEADER:
        found.problems.append((1, None, f"the header is not {','.join(HEADER)}"))
        return found
    paths = {f.path for f in package.files}
    for number, cells in enumerate(rows[1:], start=2):
        problem = _problem(cells, checks, paths)
        if problem:
            found.problems.append((number, *problem))
            continue
        key = tuple(cells[:3])
        if key in found.entries:
            found.problems.append((number, None, f"repeats row {found.entries[key].row}; expected each entry once"))
            continue
        found.entries[key] = Entry(number, *key)
    return found


def _problem(cells: list[str], checks: list[str], paths: set[str]) -> tuple[str | None, str] | None:
    if len(cells) != len(HEADER):
        return None, f"{len(cells)} cells; expected {len(HEADER)}: {', '.join(HEADER)}"
    check, file, sha256, reason = cells
    if check not in checks:
        return "check", f"not a privacy detector's check; expected one of {', '.join(checks)}"
    if file not in paths:
        return "file", "names no file of the package; expected the path of the file the value is in"
    if not _SHA256.fullmatch(sha256):
        return "sha256", "expected the 64 lowercase hexadecimal digits of the value's SHA-256 (validate.py --exception-rows prints them)"
    if not reason.strip():
        return "reason", "expected why the value is no one's personal data"
    return None
