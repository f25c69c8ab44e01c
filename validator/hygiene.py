"""Layer 7, CSV hygiene: files that load the same everywhere and are safe to open.

UTF-8 without BOM, no NUL bytes, no cell padded with spaces, and no cell
a spreadsheet would run as a formula.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .context import Context
from .registry import FILES, register
from .findings import Problem
from .csvtable import is_number

LAYER = "hygiene"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_resources(ctx: Context):
    return [r for r in ctx.package.resources.values() if r.is_table and r.facts is not None]


def utf8_without_bom(ctx: Context):
    """No table starts with a byte order mark."""
    # Invalid UTF-8 is the descriptor layer's finding: the file cannot be read at all.
    for resource in _csv_resources(ctx):
        if resource.facts.bom:
            yield Problem("starts with a byte order mark; expected "
                          "UTF-8 without BOM", resource.path)


def no_nul_bytes(ctx: Context):
    """No table holds a NUL byte."""
    for resource in _csv_resources(ctx):
        at = resource.facts.first_nul
        if at is not None:
            yield Problem(f"NUL byte at byte {at}; expected none",
                          resource.path)


_FORMULA_IN_ROW = re.compile(r"(?:^|\x1f)[=+\-@\t\r]")


# Row pre-filters, each a cheap test of a whole row (its cells).
def _row_has_padding(cells: Sequence[str]) -> bool:
    return tuple(map(str.strip, cells)) != tuple(cells)  # a record's cells, or the header's list


def _row_has_formula_start(cells: Sequence[str]) -> bool:
    return _FORMULA_IN_ROW.search("\x1f".join(cells)) is not None


def no_padded_cells(ctx: Context):
    """No cell has leading or trailing whitespace."""
    for resource, number, column, cell in _cells(ctx, _row_has_padding):
        if cell != cell.strip():
            yield Problem("leading or trailing whitespace; expected the "
                          "value alone", resource.path, number, column)


def no_formula_cells(ctx: Context):
    """No cell starts as a spreadsheet formula would (=, +, -, @, tab, carriage return),
    unless it is a number in a number column."""
    for resource, number, column, cell in _cells(ctx, _row_has_formula_start):
        if cell.startswith(FORMULA_START) and not (
                column in resource.numeric_columns and is_number(cell)):
            yield Problem(f"starts with {cell[0]!r}: a spreadsheet "
                          "would run it as a formula; expected text that does not start with "
                          "=, +, -, @, tab or carriage return", resource.path, number, column)




def _cells(ctx: Context, row_may_hold):
    for resource in ctx.package.parsed_tables():
        for number, column, cell in resource.table.cells(row_may_hold):
            yield resource, number, column, cell


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, FILES, utf8_without_bom, no_nul_bytes, no_padded_cells, no_formula_cells)
