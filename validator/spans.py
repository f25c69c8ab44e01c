"""Spans as the rows hold them and as the article prints them: which spans a set of rows
covers, the whole expression the article prints around a word (read by the same readers,
`figure_text` and `time_expressions`, for completeness and for the rows' own spans), the
rows that repeat a printed thing, the spans that are part of a longer expression, and the
entities not at their first printing. The checks of the faithfulness and completeness
layers turn what these find into findings.

`SPAN_CHECKS` names every check on spans, whichever layer runs it: the data dictionary
(scripts/build_data_dictionary.py) prints each with its docstring, and `SHARED_SPANS` with
the reason for each sharing, so the page states the rules the code checks, from the code.
"""
from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from typing import Callable, Iterator, NamedTuple

from . import figure_text, time_expressions
from .disclosure import shown_id
from .findings import snippet
from .mentions import occurrences, printed_at
from .models import SPAN_COLUMNS

# Every check on spans, in the order the data dictionary lists them (their docstrings are
# the rules it prints).
SPAN_CHECKS = ("span_is_not_empty", "spans_match_article", "spans_inside_statement",
               "one_row_per_printed_span", "spans_are_whole_expressions", "spans_end_at_word_edges",
               "quote_is_between_marks",
               "statements_are_whole_sentences", "entities_at_first_printing", "exclusions_are_needed")


def word_edges_crossed(article: str, start: int, end: int) -> list[str]:
    """Which ends of the span [start, end) of `article` fall inside a word or a number: "starts"
    where a letter or digit begins it and one precedes it, "ends" where one ends it and one
    follows it."""
    if not 0 <= start < end <= len(article):
        return []
    return [side for side, outer, inner in (("starts", article[start - 1:start], article[start]),
                                            ("ends", article[end:end + 1], article[end - 1]))
            if outer.isalnum() and inner.isalnum()]


class Spans:
    """Answers "is [start, end) inside one of these spans?" in O(log n)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach, furthest = [], -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def cover(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def uncovered(matches, rows) -> list:
    """The matches that lie inside none of the rows' spans."""
    covered = Spans([(row.start, row.end) for row in rows])
    return [match for match in matches if not covered.cover(*match.span())]


def number_expression(article: str, start: int, end: int) -> tuple[int, int] | None:
    """The longer of the figure and the time expression printed around a number."""
    found = [span for span in (figure_text.expression_around(article, start, end),
                               time_expressions.expression_around(article, start, end)) if span]
    return max(found, key=lambda span: span[1] - span[0], default=None)


def by_expression(article: str, matches, around) -> list[tuple[tuple[int, int], list]]:
    """(the span of the expression that `around` reads around them, or the word's own span,
    and the matches in it), in the order of the matches."""
    grouped = defaultdict(list)
    for match in matches:
        grouped[around(article, *match.span()) or match.span()].append(match)
    return list(grouped.items())


# ---- one row per printed thing ---------------------------------------------------------------

class SharedSpan(NamedTuple):
    """Two tables' spans ((table, text column) each) that rows may share, when
    `allows(row of the first, row of the second)`, and why."""
    first: tuple[str, str]
    second: tuple[str, str]
    allows: Callable[[object, object], bool]
    why: str


SHARED_SPANS = (
    SharedSpan(("entities", "name"), ("statements", "text"), lambda entity, _: entity.type == "article",
               "the article entity's name is the article's headline, which is also the article's "
               "first statement (s-headline): one printing, the name of one row and the text of the other"),
)
# The span each row stands for: an entity's name, every other table's text. (A person's role
# span is the role's: the privacy layer holds it beside the person's name.)
ROW_SPANS = {table: columns[0] for table, columns in SPAN_COLUMNS.items()}


class _Span(NamedTuple):
    table: str
    column: str
    row: object


def _may_share(one: _Span, other: _Span) -> bool:
    return any(((a.table, a.column), (b.table, b.column)) == (rule.first, rule.second) and rule.allows(a.row, b.row)
               for rule in SHARED_SPANS for a, b in ((one, other), (other, one)))


def repeated_spans(article: str, records):
    """(table, row number, field, message) for each row whose span a row before it holds
    (`ROW_SPANS`), but where `SHARED_SPANS` allows it: the message names both rows."""
    seen: dict[tuple[int, int], _Span | list[_Span]] = {}  # one row's span, or a list of the rows
    for table, (text, start, end) in ROW_SPANS.items():
        for number, row in records.numbered(table):
            span = (getattr(row, start), getattr(row, end))
            if span[1] > len(article):
                continue  # the faithfulness layer reports it
            here, before = _Span(table, text, row), seen.get(span)
            others = () if before is None else (before,) if isinstance(before, _Span) else before
            first = next((other for other in others if not _may_share(other, here)), None)
            if first:
                where = "" if first.table == table else f" in {first.table}"
                yield table, number, text, (
                    f"{shown_id(row.id)}'s {text} {span[0]}-{span[1]} ({snippet(article[slice(*span)])!r}) is the "
                    f"{first.column} of {shown_id(first.row.id)}{where} too; each thing the article prints is one "
                    "row: expected one row for it (two tables share a span only where the data "
                    "dictionary says why)")
            if before is None:
                seen[span] = here  # most spans are one row's: no list for them
            elif isinstance(before, _Span):
                seen[span] = [before, here]
            else:
                before.append(here)


# ---- whole spans ---------------------------------------------------------------------------

# The readers of whole expressions, by table: the same that completeness reads the article with.
WHOLE_EXPRESSIONS = {
    "figures": (figure_text.expression_around, "number expression (its hedge, number, scale word and "
                                                "percent sign)"),
    "events": (time_expressions.expression_around, "time expression (with every modifier printed before "
                                                   "or after it: early, mid, late, end of, its day and year)"),
}


def parts_of_expressions(article: str, records):
    """(table, row number, field, message) for each figure or event whose span is part of a
    longer expression of its kind (`WHOLE_EXPRESSIONS`), which the message names; the field is
    the end of the span that falls short (start, end, or text for both)."""
    for table, (around, what) in WHOLE_EXPRESSIONS.items():
        for number, row in records.numbered(table):
            if article[row.start:row.end] != row.text:
                continue  # spans_match_article reports it
            whole = around(article, row.start, row.end)
            if whole is None or whole == (row.start, row.end):
                continue
            field = "text" if whole[0] < row.start and row.end < whole[1] else \
                "start" if whole[0] < row.start else "end"
            yield table, number, field, (
                f"the span {row.start}-{row.end} ({snippet(row.text)!r}) is part of the {what} "
                f"{snippet(article[slice(*whole)])!r} at {whole[0]}-{whole[1]}; expected the whole "
                "expression as the span")


def later_printings(article: str, records):
    """(row number, message) for each entity whose span is not the first printing of its name
    (as whole words, `first_printing`), which the message gives."""
    for number, row in records.numbered("entities"):
        if article[row.start:row.end] != row.name:
            continue  # spans_match_article reports it
        first = first_printing(article, row.name) or (row.start, row.end)
        if first != (row.start, row.end):
            yield number, (f"the name {snippet(row.name)!r} at {row.start}-{row.end} is first printed at "
                           f"{first[0]}-{first[1]}; an entity's span is its name where the article first "
                           f"prints it: expected start {first[0]} and end {first[1]}")


_WORD = re.compile(r"\w+")


def first_printing(article: str, name: str) -> tuple[int, int] | None:
    """Where the article first prints `name` as whole words, or None."""
    return next(((at, at + len(name)) for at in places_of(article, name) if printed_at(name, article, at)), None)


def places_of(article: str, words: str) -> Iterator[int]:
    """Where the article may print `words`, in order, one at a time (a caller that wants the
    first reads no further): the places of their rarest word, in any case (`word_places`),
    moved back to where `words` would start there. A place where they are printed is always
    among them; the caller reads which are."""
    found = list(_WORD.finditer(words.lower()))
    if not found:
        return (at for at, _ in occurrences(words, article))
    places = word_places(article)
    rarest = min(found, key=lambda word: len(places.get(word.group(), ())))
    return (place - rarest.start() for place in places.get(rarest.group(), ()) if place >= rarest.start())


@functools.lru_cache(maxsize=2)
def word_places(article: str) -> dict[str, array]:
    """Where each word (a run of letters, digits and underscores) of the article starts, by
    the word in lower case: read once, so that finding a name is a lookup, not a reading of
    the whole article. The places are machine integers (a long article's are many)."""
    places = defaultdict(lambda: array("q"))
    for word in _WORD.finditer(article):
        places[word.group().lower()].append(word.start())
    return places
