"""Where a statement prints an entity, and whom it prints as speaking: by name, short name or
(a person) surname, as whole words, in the words of the attribution rather than inside a
quotation or inside another entity's role (“coordinator of the Inter-Parliamentary Alliance
on China” does not make IPAC the speaker), or by a reference (“it”, “the statement”) that the
statement's note quotes and resolves by naming the entity; beside which attribution cue; and
as the outlet a remark was given to (“told the news publication Nikkei Asia”).

>>> printed_as_words("ipac", "coordinator of ipac, told"), printed_as_words("pac", "of ipac")
(True, False)
>>> words = "observers say"
>>> beside(words, (0, 9), (10, 13), "before"), beside(words, (0, 9), (10, 13), "after")
(True, False)
"""
from __future__ import annotations

import re
from collections import defaultdict

from .vocabulary import (FOLLOWERS, HEDGE_WORDS, INFERENCE_CUES, MEDIUM_CUES, REPORTING_CUES,
                         UNNAMED_SPEAKERS)

OPEN, CLOSE = "\u201c", "\u201d"  # the article's quotation marks
_QUOTED = re.compile(f"{OPEN}([^{CLOSE}]+){CLOSE}")
# What may stand between a speaker and the cue: an article, “also” or an auxiliary (no comma:
# in “… Xi Jinping, said Sharri Markson”, Xi is not the one who says it).
_GAP = re.compile(r"\s*(?:(?:the|a|an|also|has|have|had)\s+)*", re.IGNORECASE)
# ... or, between a speaker and the cue after it, a phrase set off by commas (no sentence end).
_APPOSITIVE = re.compile(r",\s(?:[^.;:?!\u201c\u201d]|\.(?=\S))*,\s+(?:(?:also|has|have|had)\s+)*",
                         re.IGNORECASE)
_NAME_BEFORE, _NAME_AFTER = re.compile(r"(?<![\w.’'-])[A-Z][\w.’'-]* $"), re.compile(r" [A-Z][\w.’'-]*")
_JOINED = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)  # “lawmakers and media organizations”
_WORDS_OF = {name: re.compile(r"(?<![\w])(?:" + "|".join(
    re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])")
    for name, words in (("reporting", REPORTING_CUES), ("medium", MEDIUM_CUES),
                        ("hedge", HEDGE_WORDS))}
_BEFORE_QUOTATION = re.compile(rf"\s*(?:[^\s.;:!?{OPEN}{CLOSE}]+\s+){{0,3}}{OPEN}")
# A medium is named within this many words after its cue, before any clause punctuation.
MEDIUM_REACH = 6
_CLAUSE_END = re.compile(rf"[,;:?!(){OPEN}{CLOSE}]|(?<!\b[a-z])\.(?=\s|$)")


QUOTATION_ENDS = (",", ".", "?", "!")  # a quotation that ends on its own punctuation is whole


def opens_with_whole_quotation(statement: str, quotation: str) -> bool:
    """Whether the statement opens with the quotation, which ends on its own punctuation, and
    the attribution follows (the article prints every direct quotation so)."""
    return quotation.endswith(QUOTATION_ENDS) and statement.startswith(OPEN + quotation + CLOSE)


def forms(entity) -> list[str]:
    """How a statement may print the entity: its name, short name or, for a person, surname."""
    found = [entity.name, entity.short_name]
    if entity.type == "person" and entity.name.split():
        found.append(entity.name.split()[-1])
    return [form for form in found if form and form.strip()]


def names(entity, text: str, lowered: str | None = None) -> bool:
    """Whether `text` prints the entity's name, short name or, for a person, surname
    (`lowered`: the text in lowercase, where the caller has it)."""
    lowered = text.lower() if lowered is None else lowered
    return any(printed_as_words(form.lower(), lowered) for form in forms(entity))


def occurrences(words: str, text: str):
    """Each (start, end) where `words` occur in `text` with no letter or digit just before or
    after them."""
    at = text.find(words) if words else -1
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            yield at, end
        at = text.find(words, at + 1)


def printed_at(words: str, text: str, at: int) -> bool:
    """Whether `words` occur in `text` at `at`, with no letter or digit just before or after."""
    end = at + len(words)
    return at >= 0 and text.startswith(words, at) and (at == 0 or not _is_word(text[at - 1])) and (
        end == len(text) or not _is_word(text[end]))


def printed_as_words(words: str, text: str) -> bool:
    """Whether `words` occur in `text` with no letter or digit just before or after them."""
    return next(occurrences(words, text), None) is not None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def attribution_words(statement, quotes, roles) -> str:
    """The statement's text with its quotations (marks included) and the given role spans
    (absolute offsets) blanked out: the words in which the article says who speaks."""
    text = list(statement.text)
    for start, end in [(q.start - 1, q.end + 1) for q in quotes] + list(roles):
        for index in range(max(start - statement.start, 0), min(end - statement.start, len(text))):
            text[index] = " "
    return "".join(text)


def outside_quotations(text: str) -> str:
    """`text` with every passage between curly quotation marks (marks included) blanked."""
    return re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}?", lambda m: " " * len(m.group()), text)


def references(entity, statement) -> list[str]:
    """The references (“it”, “the statement”) that the statement's note quotes, where the note
    names the entity: the words by which the statement may print it."""
    note = statement.note or ""
    return _QUOTED.findall(note) if names(entity, note) else []


def resolved_by_note(entity, statement, words: str) -> bool:
    """Whether the statement's note names the entity and quotes a reference that `words` (the
    attribution's words) prints."""
    return any(printed_as_words(reference.lower(), words.lower())
               for reference in references(entity, statement))


def cue_kind(cue: str) -> str | None:
    """"hedge", "inference" or "reporting" for an attribution cue; None for any other words."""
    cue = " ".join(cue.lower().split())
    for kind, words in (("hedge", HEDGE_WORDS), ("inference", INFERENCE_CUES),
                        ("reporting", REPORTING_CUES)):
        if cue in words:
            return kind
    return None


def hedge_in(text: str) -> str | None:
    """The first hedge word (“reportedly”, …) printed in `text` outside its quotations."""
    match = _WORDS_OF["hedge"].search(outside_quotations(text).lower())
    return match.group() if match else None


def beside(words: str, name: tuple[int, int], cue: tuple[int, int], side: str) -> bool:
    """Whether the name (with the capitalised words printed around it: “Sharri Markson” for
    “Markson”) stands next to the cue on `side` of it ("before", "after" or "either"), with
    nothing between but an article, “also” or an auxiliary, or, before the cue, a phrase set
    off by commas that reports nothing (“Yasuhiro Matsuda, a professor of international
    politics at the University of Tokyo, told”)."""
    name = _whole_name(words, name)
    before = name[1] <= cue[0] and (_GAP.fullmatch(words, name[1], cue[0]) is not None or (
        _APPOSITIVE.fullmatch(words, name[1], cue[0]) is not None
        and not _WORDS_OF["reporting"].search(words.lower(), name[1], cue[0])))
    after = cue[1] <= name[0] and _GAP.fullmatch(words, cue[1], name[0]) is not None
    return {"before": before, "after": after}.get(side, before or after)


def _whole_name(words: str, span: tuple[int, int]) -> tuple[int, int]:
    """`span` with the capitalised words printed just before and after it, one space apart."""
    start, end = span
    while (m := _NAME_BEFORE.search(words, max(0, start - 40), start)) and m.end() == start:
        start = m.start()
    while m := _NAME_AFTER.match(words, end):
        end = m.end()
    return start, end


def apart_from_cue(statement, words: str, cue: str, speakers, index: "Forms") -> list:
    """The speakers (entities) that `words` do not print beside the reporting cue `cue`:
    beside it themselves, or joined by “and” to a name that is (“according to lawmakers and
    media organizations”, “Marco Rubio and Mark Warner, …, cited”)."""
    cue = " ".join(cue.lower().split())
    side, cues = REPORTING_CUES.get(cue, "either"), list(occurrences(cue, words.lower()))
    printed = [(e.id, (start, end)) for e, start, end in index.printed(words.lower(), statement)]
    near = {span for _, span in printed if any(beside(words, span, c, side) for c in cues)}
    while joined := {span for _, span in printed if span not in near
                     and any(_joined(words, span, other) for other in near)}:
        near |= joined
    return [s for s in speakers if not any(entity == s.id and span in near for entity, span in printed)]


def _joined(words: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return start <= end and _JOINED.fullmatch(words, start, end) is not None


class Forms:
    """Every entity's forms (`forms`) indexed by their first word, so that the entities a
    text prints are read in one pass over its words, not once per entity."""

    def __init__(self, entities):
        # first word -> (where it starts in the form, the form's length) -> form -> entities:
        # at each word of a text, one lookup per shape of form, however many entities share it
        self.by_word = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        for entity in entities:
            for form in dict.fromkeys(f.lower() for f in forms(entity)):
                first = re.search(r"\w+", form)
                if first:
                    self.by_word[first.group()][first.start(), len(form)][form].append(entity)

    def printed(self, lowered: str, statement=None) -> list[tuple[object, int, int]]:
        """(entity, start, end) wherever `lowered` (lowercase text) prints an entity's form,
        or, given its statement, a reference the note quotes, for each entity the note names."""
        found = []
        for token in re.finditer(r"\w+", lowered):
            shapes = self.by_word.get(token.group())
            for (offset, length), by_form in (shapes or {}).items():
                at = token.start() - offset
                form = lowered[at:at + length] if at >= 0 else ""
                if form in by_form and printed_at(form, lowered, at):
                    found += [(entity, at, at + length) for entity in by_form[form]]
        note = (statement.note or "") if statement is not None else ""
        spans = [span for reference in _QUOTED.findall(note) for span in occurrences(reference.lower(), lowered)]
        named = {id(e): e for e, _, _ in self.printed(note.lower())} if spans else {}
        return found + [(entity, start, end) for entity in named.values() for start, end in spans]


def speaker_printed(statement, words: str, index: Forms) -> tuple[str, str | None] | None:
    """The words in which a statement prints someone saying it (“observers say”, “Nikkei Asia
    reported”, “according to media reports”): a reporting cue beside an entity's name (or a
    reference its note resolves) or a word for an unnamed speaker (`UNNAMED_SPEAKERS`), with
    the entity's id (None for such a word); None where it prints no one."""
    lowered = words.lower()
    cues = [(m.span(), REPORTING_CUES[m.group()]) for m in _WORDS_OF["reporting"].finditer(lowered)]
    if not cues:
        return None
    subjects = [((start, end), e.id) for e, start, end in index.printed(lowered, statement) if e.type != "article"]
    subjects += [(span, None) for word in UNNAMED_SPEAKERS for span in occurrences(word, lowered)]
    for cue, side in cues:
        for subject, entity in subjects:
            if beside(words, subject, cue, side):
                return " ".join(words[min(subject[0], cue[0]):max(subject[1], cue[1])].split()), entity
    return None


def media_printed(statement, words: str, index: Forms) -> dict[str | None, str]:
    """The outlets a statement prints as the one a remark was given to: named, or referred to
    by words its note resolves, within `MEDIUM_REACH` words after a medium cue (“told”,
    “issued to”, “in an interview with”, “a report for”) and before any clause punctuation;
    each outlet's id with those words. A name printed there that is no entity's is under the
    key None: an outlet the tables do not hold."""
    lowered, found = words.lower(), {}
    for match in _WORDS_OF["medium"].finditer(lowered):
        stop = _CLAUSE_END.search(lowered, match.end())
        window = lowered[match.end():stop.start() if stop else len(lowered)]
        reach = list(re.finditer(r"\S+", window))[:MEDIUM_REACH]
        window = window[:reach[-1].end()] if reach else ""
        named = index.printed(window, statement)
        for entity, _, end in sorted(named, key=lambda hit: hit[2]):
            if entity.type == "news_outlet":
                found.setdefault(entity.id, " ".join(words[match.start():match.end() + end].split()))
        phrase = _noun_phrase(words[match.end():match.end() + len(window)])
        if not named and re.search(r"(?<![\w-])[A-Z]", phrase):
            found.setdefault(None, " ".join(words[match.start():match.end() + len(phrase)].split()))
    return found


def _noun_phrase(text: str) -> str:
    """`text` up to the first word that cannot be part of a noun phrase (`FOLLOWERS`)."""
    stop = next((m.start() for m in re.finditer(r"[A-Za-z]+", text) if m.group().lower() in FOLLOWERS), len(text))
    return text[:stop].rstrip()


def introduces_quotation(statement, cue: str) -> bool:
    """Whether an inference cue is printed, outside quotations, just before a quotation (at
    most three words between: “in response to the party’s “…”), and the note quotes it."""
    lowered = " ".join(cue.lower().split())
    quoted = [q.lower() for q in _QUOTED.findall(statement.note or "")]
    return lowered in quoted and any(
        _BEFORE_QUOTATION.match(statement.text, end)
        for _, end in occurrences(lowered, outside_quotations(statement.text).lower()))
