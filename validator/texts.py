"""Every piece of text in the package, as the privacy layer scans it: each cell of each table
(header and extra cells included), each key and scalar of the descriptor and the schemas,
and each line of every other file of the package's directory.

`scan` takes a cheap test (`may_hold`) that may say yes wrongly but never no wrongly: whole
rows and whole files it rejects are skipped, which keeps the scan of 100 000 rows fast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .package import DESCRIPTOR, is_number

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
SEPARATOR = "\x1f"  # joins a row's cells for `may_hold`; no detector matches across it


@dataclass(frozen=True)
class Text:
    resource: str            # the file
    row: int | None          # table row, or line of a text file
    field: str | None        # column, or the path of a JSON property
    text: str
    where: str               # "the cell", "line N", "the key", "the value"
    numeric: bool = False    # a number in a number column


def scan(ctx, may_hold: Callable[[str], bool], files: Callable[[object], bool] = lambda f: True,
         skip_columns: frozenset[tuple[str, str]] = frozenset()):
    """Every `Text` of the package that `may_hold` does not rule out; text files only where
    `files(package_file)` says so; no cell of the (file, column) pairs in `skip_columns`."""
    yield from _cells(ctx, may_hold, skip_columns)
    yield from _json(ctx.package.descriptor, DESCRIPTOR, may_hold)
    for resource in ctx.package.resources.values():
        if resource.schema is not None and resource.schema_path:
            yield from _json(resource.schema, resource.schema_path, may_hold)
    for file in text_files(ctx):
        if files(file) and may_hold(file.text):
            for number, line in enumerate(file.text.split("\n"), start=1):
                line = line.removesuffix("\r")  # a checkout with CRLF line endings
                if may_hold(line):
                    yield Text(file.path, number, None, line, f"line {number}")


def text_files(ctx):
    """Every file read line by line: all but the tables (read cell by cell) and the descriptor
    and schemas (read key by key and value by value)."""
    return [f for f in ctx.package.files if f.text is not None and f.role not in ("descriptor", "schema")]


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


def _json(document, resource: str, may_hold, path: str = ""):
    stack = [(document, path)]
    while stack:
        value, at = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                inner = f"{at}.{key}" if at else str(key)
                if may_hold(str(key)):
                    yield Text(resource, None, at or "(top level)", str(key), "a key")
                if not (key == "hash" and isinstance(item, str) and _SHA256.fullmatch(item)):
                    stack.append((item, inner))  # a file's checksum is the descriptor layer's
        elif isinstance(value, list):
            stack += [(item, f"{at}[{index}]") for index, item in reversed(list(enumerate(value)))]
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if may_hold(str(value)):
                yield Text(resource, None, at, str(value), "the value")
