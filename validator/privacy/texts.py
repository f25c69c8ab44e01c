"""Every text of the package, as the privacy layer reads it: each cell of each table (header
and extra cells included), each key and scalar of every JSON file (the descriptor, the
schemas, any other .json or .jsonld file; numbers as written, not as parsed; the value of a
repeated key too), every other file whole (so a value broken over two lines is still one, and
a long one in parts), and the name of every file.

`texts` takes a cheap test of a table row's cells (`row_may_hold`) that may say yes wrongly
but never no wrongly: rows it rejects are skipped, which keeps 100 000 rows fast.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Callable

from ..csvtable import is_number
from .allowed import ISO_DATE, faithfulness_dates
from ..package import DESCRIPTOR
from .normal import normalise
from .readings import BIDI_CONTROLS

_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
_RESOURCE = re.compile(r"resources\[[0-9]+\]")  # where a checksum of the descriptor stands
JSON_FILES = (".json", ".jsonld")
# Files whose backslash escapes are how code writes characters, and files where CSS is read.
CODE_FILES, STYLED_FILES = (".py", ".js", ".mjs", ".css"), (".html", ".htm", ".svg")


@dataclass(frozen=True)
class Text:
    resource: str            # the file
    row: int | None          # table row; None for a JSON value, a whole file or a file name
    field: str | None        # column, or the path of a JSON property
    text: str
    where: str               # "the cell", "the key", "the value", "the file", "the file name"
    numeric: bool = False    # a number in a number column
    code: bool = False       # the content of a code file (CODE_FILES)
    styled: bool = False     # the content of a file where CSS is read (STYLED_FILES)
    lines: list[int] = field(default_factory=list, compare=False)  # a file's line starts
    # A part of a long text (`CHUNK`): the line on which lines[0] starts (lines[0] may be
    # before the part), where the part starts in the whole, and the stretch of the part
    # whose findings it reports (its neighbours report those in its margins).
    first_line: int = 1
    offset: int = 0
    own: tuple[int, int] | None = None

    def place(self, position: int) -> tuple[int | None, str]:
        """(row, how a message names it) of the character at `position`: in a whole file,
        its line."""
        if self.where != "the file":
            return self.row, self.where
        line = self.first_line + bisect_right(self.lines, position) - 1
        return line, f"line {line}"

    def column(self, position: int) -> int:
        """The position as a message gives it: within its line, for a whole file; in the
        whole text, for any other."""
        if self.where != "the file":
            return self.offset + position
        return position - self.lines[bisect_right(self.lines, position) - 1]

    def reports(self, position: int) -> bool:
        """Whether this text reports what a detector found at `position`: a part of a long
        text reports what starts in its own stretch (its neighbours, what is in its margins)."""
        return self.own is None or self.own[0] <= position < self.own[1]


def texts(package, row_may_hold: Callable[[list[str]], bool] = lambda cells: True):
    """Every `Text` of the package, a long one in parts; of a table, only the cells of rows
    whose list of cells `row_may_hold` does not rule out."""
    for _, _, source in sources(package, row_may_hold):
        yield from source


def sources(package, row_may_hold: Callable[[list[str]], bool] = lambda cells: True):
    """(key, size, its texts) for each source of texts: a table's cells, a file's name, a
    file's content. The key names the source and its content, so that what is found in it can
    be kept for a source read again unchanged (a test session validates many copies); the
    size, in characters, weighs its work."""
    for resource in package.parsed_tables():
        numeric = resource.numeric_columns
        key = ("table", resource.path, resource.facts.sha256 if resource.facts else id(resource), tuple(sorted(numeric)))
        yield key, resource.facts.size if resource.facts else 0, _cells(resource, numeric, row_may_hold,
                                                                         faithfulness_dates(resource))
    for file in package.files:
        yield ("name", file.path), len(file.path), [Text(file.path, None, None, file.path, "the file name")]
        if file.link is not None:
            yield ("link", file.path, file.link), len(file.link), [Text(file.path, None, None, file.link, "the link's target")]
        if file.text is None or file.role == "resource" and file.path.endswith(".csv"):
            continue
        yield ("file", file.path, len(file.text), hash(file.text)), len(file.text), _content(file)


def _content(file):
    document = _literal_json(file.text) if file.path.endswith(JSON_FILES) else None
    if document is not None:
        yield from _json(document, file.path)
    else:
        yield from in_parts(Text(file.path, None, None, file.text, "the file", code=file.path.endswith(CODE_FILES),
                                 styled=file.path.endswith(STYLED_FILES)))


# ---- long texts, in parts ------------------------------------------------------------------

CHUNK = 2**18    # a longer text is read in parts of about this many characters,
CONTEXT = 2**12  # each with at least this many more on either side, as the detectors read
# them (formats dropped): more than the longest identifier or date they find.
# Where a part may end: after a short Latin word with a space before it that follows a letter
# or a sign of punctuation (prose), which no run a detector reads without bound crosses (digits
# and separators, base64 wrapped over lines, however short or indented a line, percent-
# encoding), so such a run is read whole by the part it starts in.
_CUT = re.compile(r"(?<=[A-Za-z.,;:!?)]) [A-Za-z]{2,19}[ \t\r\n]")


def in_parts(text: Text):
    """`text`, or, when it is long, its parts: each reports
    what starts in its own stretch and reads the `CONTEXT` around it, so an identifier or a
    date across two stretches is found once, and whole. Memory is bounded by the part, not
    the file; but a text with no place to end a part (megabytes of digits) is one part, and
    so is one with a bidirectional control, which the detectors read reversed, whole."""
    whole, end_of_text = text.text, len(text.text)
    if end_of_text <= CHUNK + 2 * CONTEXT or any(char in whole for char in BIDI_CONTROLS):
        yield replace(text, lines=_line_starts(whole)) if text.where == "the file" else text
        return
    start, line, line_start, counted = 0, 1, 0, 0
    while start < end_of_text:
        left = max(_reach(whole, start, -1), counted) if start else 0
        target = min(start + CHUNK, end_of_text)
        cut = _CUT.search(whole, _reach(whole, target, 1)) if target < end_of_text else None
        right = cut.end() if cut else end_of_text
        end = end_of_text if right == end_of_text else max(target, _reach(whole, right, -1))
        line += whole.count("\n", counted, left)
        line_start = max(line_start, whole.rfind("\n", counted, left) + 1)
        counted = left
        part = whole[left:right]
        yield replace(text, text=part, lines=[line_start - left] + _line_starts(part)[1:],
                      first_line=line, offset=left, own=(start - left, end - left))
        start = end


def _reach(text: str, position: int, direction: int) -> int:
    """The position `CONTEXT` characters as the detectors read them before (-1) or after (1)
    `position`, or the text's start or end."""
    seen = 0
    while seen < CONTEXT and (position > 0 if direction < 0 else position < len(text)):
        block = text[max(0, position - CONTEXT):position] if direction < 0 else text[position:position + CONTEXT]
        seen += len(normalise(block))
        position += direction * len(block)
    return position


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _cells(resource, numeric, row_may_hold, dates: tuple[str, ...] = ()):
    """The cells of the rows `row_may_hold` does not rule out, but an ISO date in a column of
    `dates` (the events' own dates, the faithfulness layer's: `allowed`)."""
    header = resource.table.header
    unread = [index for index, column in enumerate(header) if column in dates]
    if unread:
        inner = row_may_hold
        def row_may_hold(cells):  # noqa: E306  (the same test, without the dates it never reads)
            return inner([cell for index, cell in enumerate(cells)
                          if index not in unread or not ISO_DATE.fullmatch(cell)])
    for number, column, cell in resource.table.cells(row_may_hold):
        if column in dates and ISO_DATE.fullmatch(cell):
            continue
        yield Text(resource.path, number, column, cell, "the cell", column in numeric and is_number(cell))


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


def repeated_keys(package):
    """(file, path of the member) for every key written again in one object of a
    JSON file; the descriptor and the schemas are read as strict JSON, which refuses them."""
    for file in package.files:
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


def _json(document, resource: str, path: str = ""):
    stack = [(document, path)]
    while stack:
        value, at = stack.pop()
        if isinstance(value, Members):
            for key, item in reversed(value):
                inner = f"{at}.{key}" if at else str(key)
                yield Text(resource, None, at or "(top level)", str(key), "a key")
                if not (key == "hash" and resource == DESCRIPTOR and _RESOURCE.fullmatch(at)
                        and isinstance(item, str) and _SHA256.fullmatch(item)):
                    stack.append((item, inner))  # a resource's checksum is the descriptor layer's
        elif isinstance(value, list):
            stack += [(item, f"{at}[{index}]") for index, item in reversed(list(enumerate(value)))]
        elif isinstance(value, str):
            yield Text(resource, None, at, value, "the value")
