"""Layer 4, faithfulness: every row says what the article says, where it says it.

Spans equal the article's characters; quotes, figures and events lie inside their
statement; a quote is exactly the words between its marks; a figure's printed text reads
as its value and qualifier; an event's printed words denote its dates.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import figure_text, time_expressions
from .findings import finding, snippet
from .models import SPAN_COLUMNS
from .context import Context

LAYER = "faithfulness"
OPEN, CLOSE = "\u201c", "\u201d"  # the article's quotation marks

INSIDE_A_STATEMENT = ("quotes", "figures", "events")


def spans_match_article(ctx: Context):
    article, records = ctx.article, ctx.records
    for table, columns in SPAN_COLUMNS.items():
        for number, row in records.numbered(table):
            for text_field, start_field, end_field in columns:
                text, start, end = (getattr(row, f) for f in (text_field, start_field, end_field))
                if text is None or start is None or end is None:
                    continue
                if end > len(article):
                    yield finding(LAYER, "spans_match_article",
                                  f"{end_field} {end} is past the end of the article "
                                  f"({len(article)} code points)", ctx.path(table), number, end_field)
                elif article[start:end] != text:
                    yield finding(LAYER, "spans_match_article",
                                  f"{text_field} {snippet(text)!r} is not article[{start}:{end}], "
                                  f"which is {snippet(article[start:end])!r}{_where(article, text)}",
                                  ctx.path(table), number, text_field)


def short_names_printed_in_article(ctx: Context):
    for number, row in ctx.records.numbered("entities"):
        if row.short_name and not re.search(rf"(?<!\w){re.escape(row.short_name)}(?!\w)", ctx.article):
            yield finding(LAYER, "short_names_printed_in_article",
                          f"short_name {snippet(row.short_name)!r} is not printed in the article",
                          ctx.path("entities"), number, "short_name")


def spans_inside_statement(ctx: Context):
    statements = {s.id: s for s in ctx.records.of("statements")}
    for table in INSIDE_A_STATEMENT:
        for number, row in ctx.records.numbered(table):
            statement = statements.get(row.statement_id)
            if statement and not (statement.start <= row.start and row.end <= statement.end):
                yield finding(LAYER, "spans_inside_statement",
                              f"span {row.start}-{row.end} lies outside its statement "
                              f"{statement.id} ({statement.start}-{statement.end})",
                              ctx.path(table), number, "start")


def cue_printed_in_statement(ctx: Context):
    for number, row in ctx.records.numbered("statements"):
        if row.cue and row.cue not in row.text:
            yield finding(LAYER, "cue_printed_in_statement",
                          f"cue {snippet(row.cue)!r} is not printed in the statement's text",
                          ctx.path("statements"), number, "cue")


def quote_is_between_marks(ctx: Context):
    article, records = ctx.article, ctx.records
    for number, row in records.numbered("quotes"):
        if not 0 <= row.start < row.end <= len(article):
            continue  # spans_match_article or the rows layer reports it
        before = article[row.start - 1] if row.start > 0 else ""
        after = article[row.end] if row.end < len(article) else ""
        if OPEN in row.text or CLOSE in row.text or before != OPEN or after != CLOSE:
            yield finding(LAYER, "quote_is_between_marks",
                          f"expected exactly the words between “ and ”; article[{row.start - 1}] "
                          f"is {before!r} and article[{row.end}] is {after!r}",
                          ctx.path("quotes"), number, "text")


def figure_reads_as_value(ctx: Context):
    for number, row in ctx.records.numbered("figures"):
        try:
            parsed = figure_text.parse_figure(row.text)
        except figure_text.FigureTextError as error:
            yield finding(LAYER, "figure_reads_as_value", str(error), ctx.path("figures"), number, "text")
            continue
        if parsed.value != Decimal(repr(row.value)):
            yield finding(LAYER, "figure_reads_as_value",
                          f"text {snippet(row.text)!r} reads as {parsed.value:f}; value is {row.value:g}",
                          ctx.path("figures"), number, "value")
        if parsed.qualifier != row.qualifier:
            yield finding(LAYER, "figure_reads_as_value",
                          f"text {snippet(row.text)!r} has the hedge of qualifier {parsed.qualifier}; "
                          f"qualifier is {row.qualifier}", ctx.path("figures"), number, "qualifier")
        if parsed.percent != (row.unit == "percent"):
            expected = "percent" if parsed.percent else "a count, not percent"
            yield finding(LAYER, "figure_reads_as_value",
                          f"text {snippet(row.text)!r} implies unit {expected}; unit is {row.unit}",
                          ctx.path("figures"), number, "unit")


def hedge_inside_figure_span(ctx: Context):
    article, records = ctx.article, ctx.records
    for number, row in records.numbered("figures"):
        hedge = figure_text.hedge_before(article, row.start)
        if hedge:
            yield finding(LAYER, "hedge_inside_figure_span",
                          f"the hedge {hedge!r} printed just before the figure is outside its span; "
                          "expected the span to include it", ctx.path("figures"), number, "start")


def event_dates_match_text(ctx: Context):
    for number, row in ctx.records.numbered("events"):
        try:
            expected = time_expressions.interpret(row.text)
        except time_expressions.TimeExpressionError as error:
            yield finding(LAYER, "event_dates_match_text", str(error), ctx.path("events"), number, "text")
            continue
        if not time_expressions.agrees(expected, row.date_from, row.date_to):
            yield finding(LAYER, "event_dates_match_text",
                          f"{snippet(row.text)!r} does not denote {row.date_from} to {row.date_to}"
                          f"{_expected_dates(expected)}", ctx.path("events"), number, "date_from")
        if expected.needs_context and not row.context_note:
            yield finding(LAYER, "event_dates_match_text",
                          f"{snippet(row.text)!r} needs context to fix its dates; expected a context_note "
                          "saying how they were resolved", ctx.path("events"), number, "context_note")
        if not expected.needs_context and row.context_note:
            yield finding(LAYER, "event_dates_match_text",
                          f"{snippet(row.text)!r} fixes its own dates; expected an empty context_note",
                          ctx.path("events"), number, "context_note")


CHECKS = [spans_match_article, short_names_printed_in_article, spans_inside_statement, cue_printed_in_statement,
          quote_is_between_marks, figure_reads_as_value, hedge_inside_figure_span,
          event_dates_match_text]


def _expected_dates(expected: time_expressions.Interpretation) -> str:
    if expected.whole:
        return f"; expected a whole {expected.whole}"
    if expected.needs_context:
        return (f"; expected {expected.date_from:%m-%d} to {expected.date_to:%m-%d} of one year "
                "(the year from context)")
    return f"; expected {expected.date_from} to {expected.date_to}"


def _where(article: str, text: str) -> str:
    at = article.find(text)
    if at < 0:
        return "; the text does not occur in the article"
    return f"; the text occurs at {at}-{at + len(text)}"
