"""A CSV table as text: its header and records as written, in the house dialect, with the
line each record starts on. Parsing never judges: a malformed row ends the parse and is
noted (`truncated`); the checks report it.
"""
from __future__ import annotations

import csv
import io
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain

NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def is_number(cell: str) -> bool:
    """Whether a cell is a plain decimal number, as a numeric column holds it."""
    return NUMBER.fullmatch(cell) is not None


class Numbered:
    """(row number, item) pairs in order, held as an array of numbers beside a list of items,
    so that a table of 100 000 rows holds no pair and no number object per row. It is read as
    the list of pairs it stands for: iterated, counted, indexed."""
    __slots__ = ("numbers", "items")

    def __init__(self, pairs=()):
        self.numbers, self.items = array("q"), []
        for pair in pairs:
            self.append(pair)

    def append(self, pair: tuple[int, object]) -> None:
        number, item = pair
        self.numbers.append(number)
        self.items.append(item)

    def __iter__(self):
        return zip(self.numbers, self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(zip(self.numbers[index], self.items[index]))
        return self.numbers[index], self.items[index]

    def __eq__(self, other) -> bool:
        if not isinstance(other, (Numbered, list, tuple)):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"Numbered({list(self)!r})"


@dataclass
class Table:
    """A CSV resource parsed as text: its header and its records with their row numbers."""
    header: list[str]
    records: Numbered = field(default_factory=Numbered)  # (row number, tuple of cells); the header is row 1
    lines: Lines = field(default_factory=lambda: Lines())  # row number -> line it starts on
    longest: tuple[int, str, int] | None = None  # (row, column, length) of the longest cell
    truncated: bool = False  # a malformed row ended the parse
    clean_under: list | None = None  # the fields every cell was found to read under (cells.clean)

    def dicts(self):
        """(row number, column -> value) for records whose cells match the header one to one;
        an empty cell is None (missing)."""
        header, width = self.header, len(self.header)
        for number, cells in self.records:
            if len(cells) == width:
                yield number, dict(zip(header, [cell or None for cell in cells]))

    def cells(self, row_may_hold=None):
        """(row number, column name, cell) for every cell, extra cells included. A checker
        that only cares about some cells may pass `row_may_hold(cells)`, a cheap test of a
        row's list of cells; rows it rejects are skipped."""
        for number, cells in chain([(1, self.header)], self.records):
            if row_may_hold is not None and not row_may_hold(cells):
                continue
            for index, cell in enumerate(cells):
                column = self.header[index] if index < len(self.header) else f"column {index + 1}"
                yield number, column, cell


class Lines:
    """Row number -> the line it starts on, for the rows recorded, held as the places where the
    difference between the two changes (a cell over several lines) and the blank rows: a large
    table of one line a row holds next to nothing."""

    def __init__(self):
        self._numbers, self._shifts = array("q"), array("q")  # from this row on, line - number is
        self._last = 0
        self._unrecorded: set[int] = set()

    def __setitem__(self, number: int, line: int) -> None:
        if not self._shifts or line - number != self._shifts[-1]:
            self._numbers.append(number)
            self._shifts.append(line - number)
        self._unrecorded.update(range(self._last + 1, number))
        self._last = number

    def get(self, number: int, default=None):
        if not self._numbers or not self._numbers[0] <= number <= self._last or number in self._unrecorded:
            return default
        return number + self._shifts[bisect_right(self._numbers, number) - 1]

    def __getitem__(self, number: int) -> int:
        line = self.get(number)
        if line is None:
            raise KeyError(number)
        return line


def parse_csv(text: str) -> Table:
    """The records of `text` in the house dialect, with the line each starts on. A malformed
    row ends the parse (frictionless reports it); the records before it are kept."""
    limit = csv.field_size_limit()
    csv.field_size_limit(len(text) + 1)  # a huge cell is read once, then refused by its length
    try:
        return _parse(text)
    finally:
        csv.field_size_limit(limit)


def _parse(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return Table([])
    table = Table(header)
    _note_longest(table, 1, header)
    line = reader.line_num + 1
    values = [{} for _ in header]  # each column's values so far, while they are few (`_shared`)
    try:
        for number, cells in enumerate(reader, start=2):
            if cells:
                _shared(cells, values)
                table.records.append((number, tuple(cells)))  # a tuple holds its cells in less
                table.lines[number] = line
                _note_longest(table, number, cells)
            line = reader.line_num + 1
    except csv.Error:
        table.truncated = True
    return table


# A column with no more distinct values than this (a kind, a mode, an empty note) keeps one
# copy of each: a large table then holds its repeated cells once.
REPEATED = 256


def _shared(cells: list[str], values: list[dict]) -> None:
    """Replace each cell of a column with few distinct values by the first equal cell read
    (the same text, held once); a column that turns out to have many is no longer looked at."""
    for index, column in enumerate(values[:len(cells)]):
        if column is not None:
            cell = cells[index]
            cells[index] = column.setdefault(cell, cell)
            if len(column) > REPEATED:
                values[index] = None


def _note_longest(table: Table, number: int, cells: list[str]) -> None:
    widest = max(map(len, cells), default=0)
    if widest and (table.longest is None or widest > table.longest[2]):
        index = next(i for i, cell in enumerate(cells) if len(cell) == widest)
        column = table.header[index] if index < len(table.header) else f"column {index + 1}"
        table.longest = (number, column, widest)
