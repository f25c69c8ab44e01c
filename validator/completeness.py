"""Layer 5, completeness: nothing the article says is missing from the tables.

Every quoted passage is one quote row; every number is a figure, an event or a declared
exclusion; every time word is an event or a declared exclusion; every sentence is in a statement; every statement has its source, and the
article is the source of exactly its own statements. Each check runs only when the tables
it reads are complete (no row skipped by an earlier finding), so a broken row is not
reported a second time as a missing one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from .context import Context
from .figure_text import quantity_words
from .time_expressions import time_words
from .findings import finding

LAYER = "completeness"
QUOTED_PASSAGE = re.compile("\u201c([^\u201c\u201d]*)\u201d")
AUTHORIAL_MODES = {"authorial", "hedged"}  # the article's own voice: the article is the source


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


def every_quotation_has_one_row(ctx: Context):
    if not ctx.records.all_complete("quotes"):
        return
    rows_at = defaultdict(list)
    for quote in ctx.records.of("quotes"):
        rows_at[(quote.start, quote.end)].append(quote.id)
    for match in QUOTED_PASSAGE.finditer(ctx.article):
        ids = rows_at.get(match.span(1), [])
        if len(ids) != 1:
            have = "no row" if not ids else f"{len(ids)} rows ({', '.join(ids)})"
            yield finding(LAYER, "every_quotation_has_one_row",
                          f"the quoted passage at {match.start(1)}-{match.end(1)} "
                          f"({_snippet(match.group(1))!r}) has {have}; expected exactly one",
                          ctx.path("quotes"))


def every_number_is_accounted_for(ctx: Context):
    if not ctx.records.all_complete("figures", "events", "excluded_spans"):
        return
    rows = ctx.records.of("figures") + ctx.records.of("events") + _excluded(ctx, "figures")
    for match in _uncovered(quantity_words(ctx.article), rows):
        yield finding(LAYER, "every_number_is_accounted_for",
                      f"the number {match.group()!r} at {match.start()}-{match.end()} "
                      f"({_context(ctx.article, *match.span())!r}) is in no figure, no event "
                      "and no exclusion in excluded_spans", ctx.path("figures"))


def every_time_word_is_accounted_for(ctx: Context):
    if not ctx.records.all_complete("events", "excluded_spans"):
        return
    rows = ctx.records.of("events") + _excluded(ctx, "events")
    for match in _uncovered(time_words(ctx.article), rows):
        yield finding(LAYER, "every_time_word_is_accounted_for",
                      f"the time word {match.group()!r} at {match.start()}-{match.end()} "
                      f"({_context(ctx.article, *match.span())!r}) is in no event and no "
                      "exclusion in excluded_spans", ctx.path("events"))


def exclusions_are_needed(ctx: Context):
    """A declared exclusion must exclude something: a number, a time word, or text in no statement."""
    if not ctx.records.all_complete("excluded_spans", "statements"):
        return
    statements = Spans([(s.start, s.end) for s in ctx.records.of("statements")])
    scanners = {"figures": (quantity_words, "number word or digits"),
                "events": (time_words, "time word")}
    for number, row in ctx.records.numbered("excluded_spans"):
        scan, what = scanners.get(row.excluded_from, (None, None))
        if scan and not any(scan(row.text)):
            yield finding(LAYER, "exclusions_are_needed",
                          f"{row.text!r} holds no {what}; nothing to exclude from {row.excluded_from}",
                          ctx.path("excluded_spans"), number, "text")
        if row.excluded_from == "statements" and _overlaps_any(statements, row.start, row.end):
            yield finding(LAYER, "exclusions_are_needed",
                          "text excluded from statements overlaps a statement",
                          ctx.path("excluded_spans"), number, "start")


def every_sentence_is_in_a_statement(ctx: Context):
    if not ctx.records.all_complete("statements", "excluded_spans"):
        return
    numbered = sorted(ctx.records.numbered("statements"), key=lambda item: item[1].start)
    for (_, first), (number, second) in zip(numbered, numbered[1:]):
        if second.start < first.end:
            yield finding(LAYER, "every_sentence_is_in_a_statement",
                          f"statement {second.id} ({second.start}-{second.end}) overlaps "
                          f"{first.id} ({first.start}-{first.end}); a sentence belongs to one statement",
                          ctx.path("statements"), number, "start")
    spans = sorted([(s.start, s.end) for _, s in numbered]
                   + [(x.start, x.end) for x in _excluded(ctx, "statements")])
    position = 0
    for start, end in spans + [(len(ctx.article), len(ctx.article))]:
        gap = ctx.article[position:start]
        if gap.strip():
            first = position + len(gap) - len(gap.lstrip())
            last = position + len(gap.rstrip())
            yield finding(LAYER, "every_sentence_is_in_a_statement",
                          f"article {first}-{last} ({_snippet(ctx.article[first:last])!r}) is in no "
                          "statement and not declared in excluded_spans", ctx.path("statements"))
        position = max(position, end)


def every_statement_has_a_source(ctx: Context):
    if not ctx.records.all_complete("attributions"):
        return
    with_source = {a.statement_id for a in ctx.records.of("attributions") if a.role == "source"}
    for number, statement in ctx.records.numbered("statements"):
        if statement.id not in with_source:
            yield finding(LAYER, "every_statement_has_a_source",
                          f"statement {statement.id} has no source in attributions; expected at "
                          "least one (the article entity for the article's own statements)",
                          ctx.path("statements"), number, "id")


def sources_match_mode(ctx: Context):
    """The article is the source of its own statements and of no one else's; a medium is an outlet."""
    if not ctx.records.all_complete("attributions", "entities", "statements"):
        return
    entity_type = {e.id: e.type for e in ctx.records.of("entities")}
    mode = {s.id: s.mode for s in ctx.records.of("statements")}
    sources = defaultdict(set)
    for number, row in ctx.records.numbered("attributions"):
        kind = entity_type.get(row.entity_id)
        if row.role == "source":
            sources[row.statement_id].add(kind)
        if row.role == "medium" and kind != "news_outlet":
            yield finding(LAYER, "sources_match_mode",
                          f"medium {row.entity_id} is a {kind}; a medium is a news_outlet",
                          ctx.path("attributions"), number, "entity_id")
    for number, statement in ctx.records.numbered("statements"):
        kinds = sources.get(statement.id)
        if not kinds:
            continue
        if statement.mode in AUTHORIAL_MODES and kinds != {"article"}:
            yield finding(LAYER, "sources_match_mode",
                          f"a {statement.mode} statement is the article's own: expected the "
                          "article entity as its only source", ctx.path("statements"), number, "mode")
        if statement.mode not in AUTHORIAL_MODES and "article" in kinds:
            yield finding(LAYER, "sources_match_mode",
                          f"a {statement.mode} statement reports someone else: the article entity "
                          "cannot be its source", ctx.path("statements"), number, "mode")


def one_article_entity(ctx: Context):
    if not ctx.records.all_complete("entities"):
        return
    articles = [e.id for e in ctx.records.of("entities") if e.type == "article"]
    if len(articles) != 1:
        yield finding(LAYER, "one_article_entity",
                      f"expected exactly one entity of type article (the source of the article's "
                      f"own statements); found {len(articles)}", ctx.path("entities"), field="type")


CHECKS = [every_quotation_has_one_row, every_number_is_accounted_for,
          every_time_word_is_accounted_for, exclusions_are_needed,
          every_sentence_is_in_a_statement, every_statement_has_a_source, sources_match_mode,
          one_article_entity]


def _uncovered(matches, rows):
    """The matches that lie inside none of the rows' spans."""
    covered = Spans([(row.start, row.end) for row in rows])
    return [match for match in matches if not covered.cover(*match.span())]


def _excluded(ctx: Context, table: str):
    return [x for x in ctx.records.of("excluded_spans") if x.excluded_from == table]


def _overlaps_any(spans: Spans, start: int, end: int) -> bool:
    i = bisect_right(spans.starts, end - 1) - 1
    return i >= 0 and spans.reach[i] > start


def _snippet(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _context(article: str, start: int, end: int, width: int = 20) -> str:
    return article[max(0, start - width):end + width].replace("\n", " ")
