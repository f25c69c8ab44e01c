"""Who speaks in each statement, read once from the typed rows (`rows.Records`) for the
faithfulness and completeness layers: the quotes and sources of each statement, the persons'
roles over it, whether it prints an entity in the words of its attribution, the outlets it
prints as the one a remark was given to, and the sources a cue does not stand beside.
`mentions` reads the words; this reads the rows.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from .disclosure import shown, shown_id
from .findings import Problem, snippet
from .mentions import Forms, apart_from_cue, attribution_words, media_printed, names, resolved_by_note


def by_statement(records, table: str) -> dict[str, list]:
    """The rows of `table` (quotes, figures, events) grouped by their statement's id."""
    grouped = defaultdict(list)
    for row in records.of(table):
        grouped[row.statement_id].append(row)
    return grouped


def sources_of(records) -> dict[str, list]:
    """For each statement, its sources as (attribution row number, entity)."""
    entities = {e.id: e for e in records.of("entities")}
    found = defaultdict(list)
    for number, link in records.numbered("attributions"):
        if link.role == "source" and link.entity_id in entities:
            found[link.statement_id].append((number, entities[link.entity_id]))
    return found


def roles(records) -> dict[str, dict[str, tuple[int, int]]]:
    """For each statement, the role spans (by entity id) that overlap it: found by bisection,
    not by reading every role for every statement."""
    spans = sorted((e.role_start, e.role_end, e.id) for e in records.of("entities")
                   if e.role_start is not None and e.role_end is not None)
    starts = [start for start, _, _ in spans]
    longest = max((end - start for start, end, _ in spans), default=0)
    return {s.id: {entity: (start, end) for start, end, entity in spans[
        bisect_left(starts, s.start - longest):bisect_left(starts, s.end)] if end > s.start}
        for s in records.of("statements")}


def prints(statement, entity, quotes, roles_by_statement) -> bool:
    """Whether the statement prints the entity in the words of its attribution: outside its
    quotations and other entities' roles (`roles`), by name or by a reference its note
    resolves."""
    roles_in = roles_by_statement.get(statement.id, {})
    own = roles_in.get(entity.id, (entity.role_start, entity.role_end))
    others = {span for other, span in roles_in.items() if other != entity.id and span != own}
    words = attribution_words(statement, quotes, others)
    return names(entity, words) or resolved_by_note(entity, statement, words)


def texts_naming(records, entity) -> list[str]:
    """Where the article speaks of an entity: its name and role, and every statement that
    prints it or is attributed to it."""
    attributed = {a.statement_id for a in records.of("attributions") if a.entity_id == entity.id}
    return [entity.name, entity.role_text or ""] + [s.text for s in records.of("statements")
                                                    if s.id in attributed or names(entity, s.text)]


def printed_media(ctx) -> dict[str, dict[str, str]]:
    """For each statement, the outlets it prints as the one a remark was given to
    (`media_printed`), with those words: worked out once per validation (`Context.shared`) for
    the faithfulness and completeness layers."""
    index, quotes = ctx.shared(entity_forms), by_statement(ctx.records, "quotes")
    return {s.id: media_printed(s, attribution_words(s, quotes[s.id], ()), index)
            for s in ctx.records.of("statements")}


def entity_forms(ctx) -> Forms:
    """Every entity's forms, indexed once per validation (`Context.shared`)."""
    return Forms(ctx.records.of("entities"))


def read(ctx):
    """What the checks on attribution read: quotes and sources by statement, the roles over
    each statement, and the outlets each prints as the one told (a statement with none: {})."""
    records = ctx.records
    return (by_statement(records, "quotes"), sources_of(records), roles(records),
            defaultdict(dict, ctx.shared(printed_media)))


def cue_apart_from_sources(ctx, number: int, row, words: str, speakers):
    """The cue is wrong where no source stands beside it; a source is, where others do."""
    apart = {e.id for e in apart_from_cue(row, words, row.cue, [e for _, e in speakers],
                                          ctx.shared(entity_forms))}
    expected = ("expected the cue next to the name, short name or surname of each source, or to a "
                "reference its note resolves")
    if apart and apart == {e.id for _, e in speakers}:
        yield Problem(f"cue {shown(row.cue)} stands beside no source of statement {shown_id(row.id)} "
                      f"({', '.join(map(shown_id, sorted(apart)))}); {expected}", ctx.path("statements"), number, "cue")
        return
    for link, entity in [(link, entity) for link, entity in speakers if entity.id in apart]:
        yield Problem(f"the source {shown_id(entity.id)} does not stand beside statement {shown_id(row.id)}'s cue "
                      f"{shown(row.cue)}, as its other sources do; {expected}",
                      ctx.path("attributions"), link, "entity_id")
