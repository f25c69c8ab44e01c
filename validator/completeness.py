"""Layer 5, completeness: nothing the article says is missing from the tables.

Every quoted passage is a quote row; no two rows hold one span, and no row holds part of an
expression (`spans`); every number is a figure, an event or a declared exclusion; every
time word is an event or a declared exclusion; every sentence is in a statement; every
statement has its source, and the article is the source of exactly its own statements.
Each check that reads a whole table runs only when that table is complete (no row skipped
by an earlier finding), so a broken row is not reported a second time as a missing one.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .context import Context
from .models import SPAN_COLUMNS
from .registry import ARTICLE, ROWS, register
from .faithfulness import AUTHORIAL_MODES, QUOTING_MODES
from .attribution import printed_media
from .mentions import CLOSE, OPEN
from .figure_text import printed_with_a_unit, quantity_words
from . import spans, time_expressions
from .time_expressions import time_words
from .disclosure import shown, shown_id
from .findings import Problem, snippet

LAYER = "completeness"
QUOTED_PASSAGE = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
# A sentence ends with one of these, or at the end of a line (the headline).
SENTENCE_END = (".", "?", "!", CLOSE, ")")


def every_quotation_has_a_row(ctx: Context):
    """Every quoted passage is a quote row (that it is one row only, `one_row_per_printed_span`)."""
    if not ctx.complete("quotes"):
        return
    quoted = {(quote.start, quote.end) for quote in ctx.records.of("quotes")}
    for match in QUOTED_PASSAGE.finditer(ctx.article):
        if match.span(1) not in quoted:
            yield Problem(f"the quoted passage at {match.start(1)}-{match.end(1)} "
                          f"({snippet(match.group(1), 50)!r}) has no row; expected exactly one",
                          ctx.path("quotes"))


def one_row_per_printed_span(ctx: Context):
    """No two rows hold the same span (the same start and end), in one table or in two: each
    thing the article prints is one row. The span a row stands for is an entity's name, and
    every other row's text; a person's role span is the role's (two persons share it where the
    article gives them one role phrase, and the privacy layer holds it beside each name). Two
    tables share a span only where the shared spans listed with these rules say why
    (`spans.SHARED_SPANS`). A row that repeats the span of a row before it is named with that
    row's id."""
    for table, number, field, message in spans.repeated_spans(ctx.article, ctx.records):
        yield Problem(message, ctx.path(table), number, field)


def spans_end_at_word_edges(ctx: Context):
    """No span starts or ends inside a word or a number of the article (“mid-2020” of
    “mid-2020s”, “Sky New” of “Sky News”): a span is whole words."""
    for table, columns in SPAN_COLUMNS.items():
        for number, row in ctx.records.numbered(table):
            for text_field, start_field, end_field in columns:
                text, start, end = (getattr(row, f) for f in (text_field, start_field, end_field))
                crossed = spans.word_edges_crossed(ctx.article, start, end) if text and text == ctx.article[
                    start:end] else []  # a span that is not the article's: spans_match_article says so
                if crossed:
                    yield Problem(f"{text_field} {snippet(text)!r} {' and '.join(crossed)} inside a word or number "
                                  f"({snippet(ctx.article[max(0, start - 12):end + 12])!r}); expected whole words",
                                  ctx.path(table), number, text_field)


def spans_are_whole_expressions(ctx: Context):
    """Nothing of a printed expression is left out of its row: a figure's span is its whole
    number expression, with its hedge, scale word and percent sign (“nearly 2 million”, not
    “2 million” or “nearly 2”); an event's span is its whole time expression, with every
    modifier the article prints before or after it (“late December 2020”, not “December 2020”
    or “late December”). A span that is part of a longer expression of its kind is refused,
    the longer one named."""
    for table, number, field, message in spans.parts_of_expressions(ctx.article, ctx.records):
        yield Problem(message, ctx.path(table), number, field)


def every_number_is_accounted_for(ctx: Context):
    """Every number is in a figure, an event or an exclusion: one finding for each expression
    (a figure's or a date's: the longer) whose numbers are not, naming the whole of it."""
    if not ctx.complete("figures", "events", "excluded_spans"):
        return
    rows = ctx.records.of("figures") + ctx.records.of("events") + _excluded(ctx, "figures")
    uncovered = spans.uncovered(quantity_words(ctx.article), rows)
    for whole, words in spans.by_expression(ctx.article, uncovered, spans.number_expression):
        yield Problem(f"{_uncovered_words('number', ctx.article, whole, words)} in no figure, no event "
                      f"and no exclusion in excluded_spans{_expected(ctx.article, whole, words)}",
                      ctx.path("figures"))


def every_time_word_is_accounted_for(ctx: Context):
    """Every time word is in an event or an exclusion: one finding for each time expression
    whose words are not, naming the whole of it."""
    if not ctx.complete("events", "excluded_spans"):
        return
    rows = ctx.records.of("events") + _excluded(ctx, "events")
    uncovered = spans.uncovered(time_words(ctx.article), rows)
    for whole, words in spans.by_expression(ctx.article, uncovered, time_expressions.expression_around):
        yield Problem(f"{_uncovered_words('time word', ctx.article, whole, words)} in no event and no "
                      f"exclusion in excluded_spans{_expected(ctx.article, whole, words)}",
                      ctx.path("events"))


def _uncovered_words(kind: str, article: str, whole: tuple[int, int], words) -> str:
    """The words in no row, with their places and the text around their expression."""
    listed = " and ".join(f"{m.group()!r} at {m.start()}-{m.end()}" for m in words)
    return f"the {kind}{'s' if len(words) > 1 else ''} {listed} ({_context(article, *whole)!r}) " \
           f"{'are' if len(words) > 1 else 'is'}"


def _expected(article: str, whole: tuple[int, int], words) -> str:
    """What a finding expects, where the words are part of a longer expression: its row."""
    if [m.span() for m in words] == [whole]:
        return ""
    return f"; expected one row for the whole expression {snippet(article[slice(*whole)])!r} ({whole[0]}-{whole[1]})"


def exclusions_are_needed(ctx: Context):
    """A declared exclusion excludes one thing: one number word, one time word, or a repeated
    printing of a statement. It cannot stretch over text the tables must cover."""
    if not ctx.complete("excluded_spans", "statements"):
        return
    statement_texts = {s.text for s in ctx.records.of("statements")}
    scanners = {"figures": (quantity_words, "number word or digits"),
                "events": (time_words, "time word")}
    for number, row in ctx.records.numbered("excluded_spans"):
        if row.excluded_from == "statements":
            if row.text not in statement_texts:
                yield Problem("text excluded from statements must repeat the text of a statement "
                              "(a second printing); any other text is a statement",
                              ctx.path("excluded_spans"), number, "text")
            continue
        scan, what = scanners[row.excluded_from]
        found = len(list(scan(row.text)))
        if found != 1:
            yield Problem(f"{shown(row.text)} holds {found} of a {what}; an exclusion from "
                          f"{row.excluded_from} covers exactly one", ctx.path("excluded_spans"),
                          number, "text")


def every_sentence_is_in_a_statement(ctx: Context):
    """Every sentence of the article is in exactly one statement or a declared exclusion."""
    if not ctx.complete("statements", "excluded_spans"):
        return
    numbered = sorted(ctx.records.numbered("statements"), key=lambda item: item[1].start)
    for (_, first), (number, second) in zip(numbered, numbered[1:]):
        if second.start < first.end:
            yield Problem(f"statement {shown_id(second.id)} ({second.start}-{second.end}) overlaps "
                          f"{shown_id(first.id)} ({first.start}-{first.end}); a sentence belongs to one statement",
                          ctx.path("statements"), number, "start")
    spans = sorted([(s.start, s.end) for _, s in numbered]
                   + [(x.start, x.end) for x in _excluded(ctx, "statements")])
    position = 0
    for start, end in spans + [(len(ctx.article), len(ctx.article))]:
        gap = ctx.article[position:start]
        if gap.strip():
            first = position + len(gap) - len(gap.lstrip())
            last = position + len(gap.rstrip())
            yield Problem(f"article {first}-{last} ({snippet(ctx.article[first:last], 50)!r}) is in no "
                          "statement and not declared in excluded_spans", ctx.path("statements"))
        position = max(position, end)


def statements_are_whole_sentences(ctx: Context):
    """A statement starts where a sentence starts and ends where one ends."""
    if not ctx.complete("statements"):
        return
    article = ctx.article
    for number, row in ctx.records.numbered("statements"):
        if not 0 <= row.start < row.end <= len(article) or article[row.start:row.end] != row.text:
            continue  # the rows and faithfulness layers report it
        starts = row.start == 0 or article[row.start - 1].isspace()
        ends = (row.end == len(article) or article[row.end].isspace()) and (
            row.text.endswith(SENTENCE_END) or row.end == len(article) or article[row.end] == "\n")
        if not (starts and ends):
            yield Problem(f"statement {shown_id(row.id)} ({row.start}-{row.end}) {'starts' if not starts else 'ends'} "
                          "inside a sentence; a statement is one or more whole sentences",
                          ctx.path("statements"), number, "start" if not starts else "end")


def mode_matches_quotes(ctx: Context):
    """A statement holds a quotation exactly when its mode says it quotes."""
    if not ctx.complete("statements", "quotes"):
        return
    quoted = {q.statement_id for q in ctx.records.of("quotes")}
    for number, row in ctx.records.numbered("statements"):
        if (row.id in quoted) != (row.mode in QUOTING_MODES):
            has = "holds a quotation" if row.id in quoted else "holds no quotation"
            yield Problem(f"statement {shown_id(row.id)} {has} but its mode is {row.mode}; expected "
                          f"{'direct_quotation or mixed_quotation' if row.id in quoted else 'a mode that does not quote'}",
                          ctx.path("statements"), number, "mode")


def every_statement_has_a_source(ctx: Context):
    """Every statement has at least one source in attributions."""
    if not ctx.complete("attributions"):
        return
    with_source = {a.statement_id for a in ctx.records.of("attributions") if a.role == "source"}
    for number, statement in ctx.records.numbered("statements"):
        if statement.id not in with_source:
            yield Problem(f"statement {shown_id(statement.id)} has no source in attributions; expected at "
                          "least one (the article entity for the article's own statements)",
                          ctx.path("statements"), number, "id")


def sources_match_mode(ctx: Context):
    """The article is the source of its own statements and of no one else's; a medium is an
    outlet, and every outlet a statement prints as the one a remark was given to (“told …”,
    “issued to …”, “a report for …”: `attribution.printed_media`) has its row."""
    if not ctx.complete("attributions", "entities", "statements"):
        return
    entity_type = {e.id: e.type for e in ctx.records.of("entities")}
    sources, linked = defaultdict(set), {(a.statement_id, a.entity_id) for a in ctx.records.of("attributions")}
    if ctx.complete("quotes"):  # quotations, which never name a medium, are read out of the words
        for number, statement in ctx.records.numbered("statements"):
            for outlet, words in ctx.shared(printed_media).get(statement.id, {}).items():
                if outlet is None:
                    yield Problem(f"statement {shown_id(statement.id)} names an outlet it was given to ({shown(words)}) "
                                  "that no entity is; expected it as an entity of type news_outlet, and "
                                  "the statement's medium", ctx.path("statements"), number, "id")
                elif (statement.id, outlet) not in linked:
                    yield Problem(f"statement {shown_id(statement.id)} prints {shown_id(outlet)} as the outlet it was given "
                                  f"to ({shown(words)}); expected the attribution ({shown_id(statement.id)}, {shown_id(outlet)}, "
                                  "medium)", ctx.path("statements"), number, "id")
    for number, row in ctx.records.numbered("attributions"):
        kind = entity_type.get(row.entity_id)
        if row.role == "source":
            sources[row.statement_id].add(kind)
        if row.role == "medium" and kind != "news_outlet":
            yield Problem(f"medium {shown_id(row.entity_id)} is a {kind}; a medium is a news_outlet",
                          ctx.path("attributions"), number, "entity_id")
    for number, statement in ctx.records.numbered("statements"):
        kinds = sources.get(statement.id)
        if not kinds:
            continue
        if statement.mode in AUTHORIAL_MODES and kinds != {"article"}:
            yield Problem(f"a {statement.mode} statement is the article's own: expected the "
                          "article entity as its only source", ctx.path("statements"), number, "mode")
        if statement.mode not in AUTHORIAL_MODES and "article" in kinds:
            yield Problem(f"a {statement.mode} statement reports someone else: the article entity "
                          "cannot be its source", ctx.path("statements"), number, "mode")


def one_article_entity(ctx: Context):
    """Exactly one entity is the article itself, the source of its own statements."""
    if not ctx.complete("entities"):
        return
    articles = [e.id for e in ctx.records.of("entities") if e.type == "article"]
    if len(articles) != 1:
        yield Problem(f"expected exactly one entity of type article (the source of the article's "
                      f"own statements); found {len(articles)}", ctx.path("entities"), field="type")




def _excluded(ctx: Context, table: str):
    return [x for x in ctx.records.of("excluded_spans") if x.excluded_from == table]


def _context(article: str, start: int, end: int, width: int = 20) -> str:
    return snippet(article[max(0, start - width):end + width].replace("\n", " "), 2 * width + 40)


def exclusions_hide_no_figure(ctx: Context):
    """An exclusion from figures is a word that counts nothing (“one of the …”, “the first
    time”): a number in digits, or one printed with a hedge, a scale, a percent sign or a
    figure's unit, is a figure and cannot be excluded."""
    units = {f.unit for f in ctx.records.of("figures") if f.unit != "percent"}
    for number, row in ctx.records.numbered("excluded_spans"):
        if row.excluded_from != "figures" or ctx.article[row.start:row.end] != row.text:
            continue  # spans_match_article reports a span that is not the article's
        reasons = [printed_with_a_unit(ctx.article, row.start + m.start(), row.start + m.end(), units)
                   for m in quantity_words(row.text)]
        reason = next((r for r in reasons if r), None)
        if reason:
            yield Problem(f"{shown(row.text)} cannot be excluded from figures: {reason}; "
                          "expected a figure row", ctx.path("excluded_spans"), number, "text")


def exclusions_hide_no_date(ctx: Context):
    """An exclusion from events is a time word that denotes no date (“subsequently”, “now”):
    words that read as a date (a year, a month, “that month”) are an event and cannot be
    excluded."""
    for number, row in ctx.records.numbered("excluded_spans"):
        if row.excluded_from != "events":
            continue
        for match in time_words(row.text):
            try:
                time_expressions.interpret(match.group())
            except time_expressions.TimeExpressionError:
                continue
            yield Problem(f"{shown(match.group())} denotes dates and cannot be excluded from "
                          "events; expected an event row", ctx.path("excluded_spans"), number, "text")
            break


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, ARTICLE, every_quotation_has_a_row, one_row_per_printed_span, spans_end_at_word_edges,
         spans_are_whole_expressions,
         every_number_is_accounted_for, every_time_word_is_accounted_for, exclusions_are_needed,
         every_sentence_is_in_a_statement, statements_are_whole_sentences)
register(LAYER, ROWS, mode_matches_quotes, every_statement_has_a_source, sources_match_mode,
         one_article_entity)
register(LAYER, ARTICLE, exclusions_hide_no_figure)
register(LAYER, ROWS, exclusions_hide_no_date)
