"""Every piece of text in the package, as the privacy layer scans it: each cell of each table
(header and extra cells included), each key and scalar of every JSON file (the descriptor,
the schemas, any other .json or .jsonld file; numbers as written, not as parsed; the value
of a repeated key too), every other file whole (so a value broken over two lines is still
one), and the name of every file.

`scan` takes a cheap test (`may_hold`) that may say yes wrongly but never no wrongly: whole
rows and whole files it rejects are skipped, which keeps the scan of 100 000 rows fast.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from .package import is_number

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
SEPARATOR = "\x1f"  # joins a row's cells for `may_hold`; no detector matches across it
JSON_FILES = (".json", ".jsonld")


@dataclass(frozen=True)
class Text:
    resource: str            # the file
    row: int | None          # table row; None for a JSON value, a whole file or a file name
    field: str | None        # column, or the path of a JSON property
    text: str
    where: str               # "the cell", "the key", "the value", "the file", "the file name"
    numeric: bool = False    # a number in a number column
    lines: list[int] = field(default_factory=list, compare=False)  # a file's line starts

    def place(self, position: int) -> tuple[int | None, str]:
        """(row, how a message names it) of the character at `position`: in a whole file,
        its line."""
        if self.where != "the file":
            return self.row, self.where
        line = bisect_right(self.lines, position)
        return line, f"line {line}"


def scan(ctx, may_hold: Callable[[str], bool], files: Callable[[object], bool] = lambda f: True,
         skip_columns: frozenset[tuple[str, str]] = frozenset()):
    """Every `Text` of the package that `may_hold` does not rule out; the content of files
    only where `files(package_file)` says so; no cell of the (file, column) pairs in
    `skip_columns`."""
    yield from _cells(ctx, may_hold, skip_columns)
    for file in ctx.package.files:
        if may_hold(file.path):
            yield Text(file.path, None, None, file.path, "the file name")
        if file.text is None or file.role == "resource" and file.path.endswith(".csv") or not files(file):
            continue
        document = _literal_json(file.text) if file.path.endswith(JSON_FILES) else None
        if document is not None:
            yield from _json(document, file.path, may_hold)
        elif may_hold(file.text):
            text = file.text
            yield Text(file.path, None, None, text, "the file", lines=_line_starts(text))


def text_files(ctx):
    """Every file read as text, but the tables (read cell by cell)."""
    return [f for f in ctx.package.files if f.text is not None]


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _cells(ctx, may_hold, skip_columns):
    for resource in ctx.package.parsed_tables():
        numeric = resource.numeric_columns
        skipped = {column for path, column in skip_columns if path == resource.path}
        keep = [i for i, column in enumerate(resource.table.header) if column not in skipped]
        if skipped:
            def row_may_hold(cells, keep=keep, width=len(resource.table.header)):
                return may_hold(SEPARATOR.join([cells[i] for i in keep if i < len(cells)] + cells[width:]))
        else:
            def row_may_hold(cells):
                return may_hold(SEPARATOR.join(cells))
        for number, column, cell in resource.table.cells(row_may_hold):
            if column not in skipped and may_hold(cell):
                yield Text(resource.path, number, column, cell, "the cell",
                           column in numeric and is_number(cell))


class Members(list):
    """A JSON object as the list of its (key, value) members, in the order written, each one
    kept: a value under a key written twice is scanned too, though a JSON reader drops it."""


def _literal_json(text: str):
    """The JSON document with every number as written (a float keeps all its digits) and
    every object as its `Members`, or None when it is not JSON (then it is read as text)."""
    try:
        return json.loads(text, parse_float=str, parse_int=str, parse_constant=str,
                          object_pairs_hook=Members)
    except (ValueError, RecursionError):
        return None


def repeated_keys(ctx):
    """(file, path of the member) for every key written again in one object of a
    JSON file; the descriptor and the schemas are read as strict JSON, which refuses them."""
    for file in ctx.package.files:
        if file.text is None or not file.path.endswith(JSON_FILES) or file.role in ("descriptor", "schema"):
            continue
        stack = [(_literal_json(file.text), "")]
        while stack:
            value, at = stack.pop()
            if isinstance(value, Members):
                seen = set()
                for key, item in value:
                    if key in seen:
                        yield file.path, f"{at}.{key}" if at else key
                    seen.add(key)
                stack += [(item, f"{at}.{key}" if at else key) for key, item in reversed(value)]
            elif isinstance(value, list):
                stack += [(item, f"{at}[{index}]") for index, item in reversed(list(enumerate(value)))]


def _json(document, resource: str, may_hold, path: str = ""):
    stack = [(document, path)]
    while stack:
        value, at = stack.pop()
        if isinstance(value, Members):
            for key, item in reversed(value):
                inner = f"{at}.{key}" if at else str(key)
                if may_hold(str(key)):
                    yield Text(resource, None, at or "(top level)", str(key), "a key")
                if not (key == "hash" and isinstance(item, str) and _SHA256.fullmatch(item)):
                    stack.append((item, inner))  # a file's checksum is the descriptor layer's
        elif isinstance(value, list):
            stack += [(item, f"{at}[{index}]") for index, item in reversed(list(enumerate(value)))]
        elif isinstance(value, str) and may_hold(value):
            yield Text(resource, None, at, value, "the value")
