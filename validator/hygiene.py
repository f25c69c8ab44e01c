"""Layer 7, CSV hygiene: files that load the same everywhere and are safe to open.

UTF-8 without BOM, LF line endings, no NUL bytes, no cell padded with spaces, and no cell
a spreadsheet would run as a formula.
"""
from __future__ import annotations

import re

from .context import Context
from .findings import finding

LAYER = "hygiene"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_TYPES = {"number", "integer"}
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _csv_resources(ctx: Context):
    return [r for r in ctx.package.resources.values() if r.is_table and r.content is not None]


def utf8_without_bom(ctx: Context):
    for resource in _csv_resources(ctx):
        if resource.content.startswith(b"\xef\xbb\xbf"):
            yield finding(LAYER, "utf8_without_bom", "starts with a byte order mark; expected "
                          "UTF-8 without BOM", resource.path)
        if resource.decode_error:
            yield finding(LAYER, "utf8_without_bom", f"{resource.decode_error}; expected UTF-8 "
                          "(the table is not checked further)", resource.path)


def no_nul_bytes(ctx: Context):
    for resource in _csv_resources(ctx):
        at = resource.content.find(b"\x00")
        if at >= 0:
            yield finding(LAYER, "no_nul_bytes", f"NUL byte at byte {at}; expected none",
                          resource.path)


def lf_line_endings(ctx: Context):
    for resource in _csv_resources(ctx):
        crlf = resource.content.count(b"\r\n")
        lone_cr = resource.content.count(b"\r") - crlf
        if crlf or lone_cr:
            kinds = ", ".join(f"{n} {kind}" for n, kind in ((crlf, "CRLF"), (lone_cr, "CR")) if n)
            yield finding(LAYER, "lf_line_endings", f"{kinds} line ending(s); expected LF only, "
                          "as the dialect declares", resource.path)


def no_padded_cells(ctx: Context):
    for resource, number, column, cell in _cells(ctx):
        if cell != cell.strip():
            yield finding(LAYER, "no_padded_cells", "leading or trailing whitespace; expected the "
                          "value alone", resource.path, number, column)


def no_formula_cells(ctx: Context):
    numeric = {r.name: _numeric_columns(r) for r in ctx.package.tables()}
    for resource, number, column, cell in _cells(ctx):
        if cell.startswith(FORMULA_START) and not (
                column in numeric[resource.name] and _NUMBER.fullmatch(cell)):
            yield finding(LAYER, "no_formula_cells", f"starts with {cell[0]!r}: a spreadsheet "
                          "would run it as a formula; expected text that does not start with "
                          "=, +, -, @, tab or carriage return", resource.path, number, column)


CHECKS = [utf8_without_bom, no_nul_bytes, lf_line_endings, no_padded_cells, no_formula_cells]


def _cells(ctx: Context):
    for resource in ctx.package.tables():
        for column in resource.table.header:
            yield resource, 1, column, column
        for number, cells in resource.table.records:
            for column, cell in cells.items():
                yield resource, number, column, cell


def _numeric_columns(resource) -> set[str]:
    return {f.get("name") for f in resource.schema.get("fields", [])
            if isinstance(f, dict) and f.get("type") in NUMERIC_TYPES}
