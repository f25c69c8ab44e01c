"""Layer 4, faithfulness: every row says what the article says, where it says it.

Spans equal the article's characters; quotes, figures and events lie inside their
statement; a quote is exactly the words between its marks, an entity's span its name's
first printing (`spans`); a figure's printed text reads as its value, qualifier and unit;
an event's printed words denote its dates, and a date fixed by context agrees with the row
it names; every source and medium is printed in its statement, in its role, beside its
cue; a direct quotation is a quotation with its attribution; a named kind of entity is
printed as a name, and a person's description says only what the article prints of them
(`entity_rules`).
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import attribution, entity_rules, figure_text, mentions, spans, time_expressions
from .disclosure import shown, shown_id
from .findings import Problem, snippet, where_found
from .mentions import CLOSE, OPEN, attribution_words, printed_as_words
from .models import SPAN_COLUMNS
from .context import Context
from .registry import ARTICLE, ROWS, register

LAYER = "faithfulness"

INSIDE_A_STATEMENT = ("quotes", "figures", "events")
AUTHORIAL_MODES = {"authorial", "hedged"}  # the article's own voice: the article is the source
QUOTING_MODES = {"direct_quotation", "mixed_quotation"}
EVENT_ID = re.compile(r"\be-[a-z0-9]+(?:-[a-z0-9]+)*\b")


def spans_match_article(ctx: Context):
    """Every span's text is article[start:end] (offsets in code points from 0, end-exclusive)."""
    article, records = ctx.article, ctx.records
    for table, columns in SPAN_COLUMNS.items():
        for number, row in records.numbered(table):
            for text_field, start_field, end_field in columns:
                text, start, end = (getattr(row, f) for f in (text_field, start_field, end_field))
                if text is None or start is None or end is None:
                    continue
                if end > len(article):
                    yield Problem(f"{end_field} {end} is past the end of the article "
                                  f"({len(article)} code points)", ctx.path(table), number, end_field)
                elif article[start:end] != text:
                    yield Problem(f"{text_field} {shown(text)} is not article[{start}:{end}], "
                                  f"which is {snippet(article[start:end])!r}{where_found(text, article)}",
                                  ctx.path(table), number, text_field)


def short_names_printed_in_article(ctx: Context):
    """A short name is printed as the article introduces every abbreviation: in parentheses
    right after its entity's name span (“Chinese Communist Party (CCP)”)."""
    for number, row in ctx.records.numbered("entities"):
        if row.short_name and not re.search(rf"(?<!\w){re.escape(row.short_name)}(?!\w)", ctx.article):
            yield Problem(f"short_name {shown(row.short_name)} is not printed in the article",
                          ctx.path("entities"), number, "short_name")
        elif row.short_name and ctx.article[row.end:row.end + len(row.short_name) + 3] != \
                f" ({row.short_name})":
            yield Problem(f"short_name {shown(row.short_name)} is not printed as the abbreviation of "
                          f"{shown_id(row.id)}: the article prints no such abbreviation in parentheses right after "
                          f"its name span {row.start}-{row.end}; expected an abbreviation printed so, or "
                          "none", ctx.path("entities"), number, "short_name")


def spans_inside_statement(ctx: Context):
    """A quote's, figure's or event's span lies inside the span of its statement."""
    statements = {s.id: s for s in ctx.records.of("statements")}
    for table in INSIDE_A_STATEMENT:
        for number, row in ctx.records.numbered(table):
            statement = statements.get(row.statement_id)
            if statement and not (statement.start <= row.start and row.end <= statement.end):
                yield Problem(f"span {row.start}-{row.end} lies outside its statement "
                              f"{shown_id(statement.id)} ({statement.start}-{statement.end})",
                              ctx.path(table), number, "start")


def cue_printed_in_statement(ctx: Context):
    """The cue is an attribution cue (`vocabulary`), printed in the statement as whole words,
    outside its quotations: a reporting verb or phrase beside the name of each of its sources
    (“Nikkei Asia reported”, “according to lawmakers and media organizations”; a source that
    is printed as the outlet told is a medium), a hedge word, or the words just before a
    quotation whose source is an inference, which the note quotes (“in response to”)."""
    quotes, sources, roles, media = attribution.read(ctx)
    for number, row in ctx.records.numbered("statements"):
        words, kind = attribution_words(row, quotes[row.id], ()), mentions.cue_kind(row.cue or "")
        if row.cue and not printed_as_words(row.cue.lower(), words.lower()):
            yield Problem(f"cue {shown(row.cue)} is not printed as whole words in the "
                          "statement's text outside its quotations", ctx.path("statements"), number, "cue")
        elif row.cue and kind is None:
            yield Problem(f"cue {shown(row.cue)} is not an attribution cue; expected a reporting "
                          "verb or phrase beside the source's name (according to, said, told, reported, "
                          "…), a hedge word (reportedly, allegedly, …) or, for a source its note infers, "
                          "the words that introduce the quotation (in response to, …)",
                          ctx.path("statements"), number, "cue")
        elif kind == "inference" and not mentions.introduces_quotation(row, row.cue):
            yield Problem(f"cue {shown(row.cue)} names no speaker; expected it printed just before "
                          "the statement's quotation and quoted (“…”) in its note, which says whose the "
                          "words are read to be", ctx.path("statements"), number, "cue")
        elif kind == "reporting" and row.mode not in AUTHORIAL_MODES:
            speakers = [(n, e) for n, e in sources[row.id] if e.id not in media[row.id]  # a medium, or
                        and attribution.prints(row, e, quotes[row.id], roles)]  # unprinted: reported
            yield from attribution.cue_apart_from_sources(ctx, number, row, words, speakers)


def quote_is_between_marks(ctx: Context):
    """A quote's span is everything between its curly quotation marks, without the marks."""
    article, records = ctx.article, ctx.records
    for number, row in records.numbered("quotes"):
        if not 0 <= row.start < row.end <= len(article):
            continue  # spans_match_article or the rows layer reports it
        before = article[row.start - 1] if row.start > 0 else ""
        after = article[row.end] if row.end < len(article) else ""
        if OPEN in row.text or CLOSE in row.text or before != OPEN or after != CLOSE:
            yield Problem(f"expected exactly the words between “ and ”; article[{row.start - 1}] "
                          f"is {before!r} and article[{row.end}] is {after!r}",
                          ctx.path("quotes"), number, "text")


def figure_reads_as_value(ctx: Context):
    """A figure's text read back (digits, separators, number and scale words, percent) is
    its value, its hedge its qualifier."""
    for number, row in ctx.records.numbered("figures"):
        try:
            parsed = figure_text.parse_figure(row.text)
        except figure_text.FigureTextError as error:
            yield Problem(f"text {shown(row.text)}: {error}", ctx.path("figures"), number, "text")
            continue
        if parsed.value != Decimal(repr(row.value)):
            yield Problem(f"text {shown(row.text)} reads as {shown(format(parsed.value, 'f'), quoted=False)}; value is {shown(row.value)}",
                          ctx.path("figures"), number, "value")
        if parsed.qualifier != row.qualifier:
            yield Problem(f"text {shown(row.text)} has the hedge of qualifier {parsed.qualifier}; "
                          f"qualifier is {row.qualifier}", ctx.path("figures"), number, "qualifier")
        if parsed.percent != (row.unit == "percent"):
            expected = "percent" if parsed.percent else "a count, not percent"
            yield Problem(f"text {shown(row.text)} implies unit {expected}; unit is {shown(row.unit)}",
                          ctx.path("figures"), number, "unit")


def event_dates_match_text(ctx: Context):
    """An event's words, read under the date conventions, denote its dates; a date fixed by
    context says how in its context_note."""
    for number, row in ctx.records.numbered("events"):
        try:
            expected = time_expressions.interpret(row.text)
        except time_expressions.TimeExpressionError as error:
            yield Problem(f"{shown(row.text)}: {error}", ctx.path("events"), number, "text")
            continue
        if not time_expressions.agrees(expected, row.date_from, row.date_to):
            yield Problem(f"{shown(row.text)} does not denote {shown(row.date_from.isoformat())} to {shown(row.date_to.isoformat())}"
                          f"; expected {time_expressions.describe(expected)}", ctx.path("events"), number,
                          "date_from")
        if expected.needs_context and not row.context_note:
            yield Problem(f"{shown(row.text)} needs context to fix its dates; expected a context_note "
                          "saying how they were resolved", ctx.path("events"), number, "context_note")
        if not expected.needs_context and row.context_note:
            yield Problem(f"{shown(row.text)} fixes its own dates; expected an empty context_note",
                          ctx.path("events"), number, "context_note")


# ---- semantic swaps the article lets code detect -------------------------------------------

def sources_printed_in_statement(ctx: Context):
    """A source or medium of a statement that is not the article's own is printed in the words
    of its attribution (`mentions`): not only inside a quotation or another entity's role; an
    outlet printed as the one a remark was given to (“told …”, “issued to …”, “a report for
    …”) is its medium, and nothing else is. A statement that prints someone saying it
    (“observers say”, “Nikkei Asia reported”) is not the article's own (authorial, hedged)."""
    entities = {e.id: e for e in ctx.records.of("entities")}
    statements = {s.id: s for s in ctx.records.of("statements")}
    quotes, sources, roles, media = attribution.read(ctx)
    for number, link in ctx.records.numbered("attributions"):
        statement, entity = statements.get(link.statement_id), entities.get(link.entity_id)
        if statement is None or entity is None or statement.mode in AUTHORIAL_MODES:
            continue
        given_to = media[statement.id].get(entity.id)
        if not attribution.prints(statement, entity, quotes[statement.id], roles):
            yield Problem(f"the {link.role} {shown_id(entity.id)} is not printed in the words of statement "
                          f"{shown_id(statement.id)}'s attribution (outside its quotations and others' roles); "
                          "expected its name there, or a reference that the statement's note "
                          "quotes (“…”) and resolves by naming it", ctx.path("attributions"),
                          number, "entity_id")
        elif entity.type == "news_outlet" and (link.role == "medium") != bool(given_to):
            yield Problem(f"{shown_id(entity.id)} is printed as the outlet statement {shown_id(statement.id)} was given "
                          f"to ({shown(given_to)}); expected role medium" if given_to else
                          f"{shown_id(entity.id)} is not printed as an outlet statement {shown_id(statement.id)} was given "
                          "to (after “told”, “issued to”, “in an interview with”, “a report for”, …); "
                          "expected role source", ctx.path("attributions"), number, "role")
    for number, statement in ctx.records.numbered("statements"):
        if statement.mode not in AUTHORIAL_MODES or {e.id for _, e in sources[statement.id]} != {"article"}:
            continue
        words = attribution_words(statement, quotes[statement.id], ())
        if said := mentions.speaker_printed(statement, words, ctx.shared(attribution.entity_forms)):
            yield Problem(f"statement {shown_id(statement.id)} prints who says it ({shown(said[0])}), so it is not the "
                          f"article's own; expected mode indirect (or a quoting mode), not {statement.mode}, "
                          f"with {shown_id(said[1]) if said[1] else 'the speaker'} as its source, not the article",
                          ctx.path("statements"), number, "mode")


def context_dates_follow_their_row(ctx: Context):
    """A date fixed by context names, in its context_note, the event row it depends on, and
    agrees with it: “that month” is that row's month; a month or part of one printed without
    its year takes that row's year. For “that month” the row named is the nearest preceding
    month-long event; a date printed without its year also agrees with the nearest preceding
    event within one year, so a note cannot borrow the year of any earlier row it likes. A
    row named is printed before it (not at the same words), so two rows cannot fix each other."""
    events = {e.id: e for e in ctx.records.of("events")}
    for number, row in ctx.records.numbered("events"):
        try:
            meaning = time_expressions.interpret(row.text)
        except time_expressions.TimeExpressionError:
            continue  # event_dates_match_text reports it
        if not meaning.needs_context or not row.context_note:
            continue
        named = [events.get(i) for i in EVENT_ID.findall(row.context_note) if i != row.id]
        if not named or None in named:
            yield Problem("the context_note must name the event row (e-…) whose dates fix this "
                          "one's; it names none that exists", ctx.path("events"), number, "context_note")
            continue
        unit = meaning.whole or "year"
        nearest = time_expressions.nearest_before(row, events.values(), unit)
        if meaning.whole and nearest is not None and nearest.id not in {o.id for o in named}:
            yield Problem(f"{shown(row.text)} refers back to the nearest preceding event within "
                          f"one {unit}, {shown_id(nearest.id)}; the context_note names another",
                          ctx.path("events"), number, "context_note")
            continue
        if nearest is not None and nearest.id not in {o.id for o in named}:
            named.append(nearest)  # a date printed without its year: the year of the row before it
        later = [other.id for other in named if other.start >= row.start]  # two cannot fix each other
        disagreeing = [other.id for other in named if not time_expressions.same_period(row, other, unit)]
        reasons = [f"the context_note names {', '.join(map(shown_id, later))}, not printed before it; expected the row "
                   "printed before it that fixes its dates"] if later else []
        if disagreeing:
            reasons.append(f"{shown(row.date_from.isoformat())} to {shown(row.date_to.isoformat())} is not in the {unit} of {', '.join(map(shown_id, disagreeing))}, "
                           "which the context_note names as its context or which is the nearest event "
                           f"printed before it within one {unit}")
        if reasons:
            yield Problem("; ".join(reasons), ctx.path("events"), number, "date_from")


def direct_quotation_is_its_quote(ctx: Context):
    """A statement is a direct_quotation exactly when it opens with its one quotation, ending on
    its own punctuation, and the attribution follows; a paraphrase holding quoted words, or a
    quotation the article's words continue (“…how the party operates” under …), is a
    mixed_quotation."""
    quotes = attribution.by_statement(ctx.records, "quotes")
    for number, row in ctx.records.numbered("statements"):
        held = quotes.get(row.id)
        if not held or row.mode not in QUOTING_MODES:
            continue  # completeness.mode_matches_quotes reports a mode that does not quote
        direct = len(held) == 1 and mentions.opens_with_whole_quotation(row.text, held[0].text)
        if direct != (row.mode == "direct_quotation"):
            yield Problem(f"statement {shown_id(row.id)} is {'one whole quotation with its attribution' if direct else 'not one whole quotation with its attribution'}; "
                          f"expected mode {'direct_quotation' if direct else 'mixed_quotation'}",
                          ctx.path("statements"), number, "mode")


def entities_at_first_printing(ctx: Context):
    """An entity's span is its name where the article first prints it (as whole words, in its
    fullest form), not a later mention."""
    for number, message in spans.later_printings(ctx.article, ctx.records):
        yield Problem(message, ctx.path("entities"), number, "start")


def named_kinds_are_printed_as_names(ctx: Context):
    """An organization, news outlet, government body or state is a name the article prints as
    a name: every word capitalised (an abbreviation is capitals) but those that join its parts
    (of, on, in, the, …). A group or body described in common nouns is an unnamed_group."""
    for number, message in entity_rules.names_printed_as_common_nouns(ctx.article, ctx.records):
        yield Problem(message, ctx.path("entities"), number, "type")


def person_descriptions_are_printed_of_them(ctx: Context):
    """A person's description says only what the article prints of them: each word (but
    function words) is printed in their role span or, outside quotations, in a statement that
    names them (an abbreviation the article prints counts: “Sens.” prints senator). Numbers
    and words labelling a personal attribute are the privacy layer's; remarks on the data
    (where a role is printed, how a reference was read) go in `note`."""
    for number, message in entity_rules.words_added_to_persons(ctx.article, ctx.records):
        yield Problem(message, ctx.path("entities"), number, "description")


def figure_unit_is_printed(ctx: Context):
    """A figure's unit is the whole noun the article prints with it (“1.95 million CCP
    members”: ccp_members; “two of the pharmaceutical firms”: pharmaceutical_firms): the words
    printed after the number, up to punctuation, the statement's end or a word that cannot be
    part of a noun (`figure_text.unit_problem`: “party members embedded in”, not
    party_members_embedded; “companies or affiliates,”, not companies)."""
    statements = {s.id: s for s in ctx.records.of("statements")}
    for number, row in ctx.records.numbered("figures"):
        if row.unit == "percent":
            continue  # figure_reads_as_value holds it to the % sign
        statement = statements.get(row.statement_id)
        end = statement.end if statement and statement.start <= row.end <= statement.end else None
        problem = figure_text.unit_problem(ctx.article, row.end, row.unit, end)
        if problem:
            yield Problem(problem, ctx.path("figures"), number, "unit")


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, ARTICLE, spans_match_article, short_names_printed_in_article, spans_inside_statement,
         cue_printed_in_statement, quote_is_between_marks, figure_reads_as_value,
         event_dates_match_text, entities_at_first_printing, named_kinds_are_printed_as_names,
         person_descriptions_are_printed_of_them)
register(LAYER, ROWS, sources_printed_in_statement, context_dates_follow_their_row,
         direct_quotation_is_its_quote)
register(LAYER, ARTICLE, figure_unit_is_printed)
