"""Where a statement prints an entity: by name, short name or (a person) surname, as whole
words, in the words of the attribution rather than inside a quotation or inside another
entity's role (“coordinator of the Inter-Parliamentary Alliance on China” does not make IPAC
the speaker), or by a reference (“it”, “the statement”) that the statement's note quotes and
resolves by naming the entity.

>>> printed_as_words("ipac", "coordinator of ipac, told"), printed_as_words("pac", "of ipac")
(True, False)
"""
from __future__ import annotations

import re

OPEN, CLOSE = "\u201c", "\u201d"  # the article's quotation marks


def names(entity, text: str, lowered: str | None = None) -> bool:
    """Whether `text` prints the entity's name, short name or, for a person, surname
    (`lowered`: the text in lowercase, where the caller has it)."""
    forms = [entity.name, entity.short_name]
    if entity.type == "person" and entity.name.split():
        forms.append(entity.name.split()[-1])
    lowered = text.lower() if lowered is None else lowered
    return any(form and form.strip() and printed_as_words(form.lower(), lowered) for form in forms)


def printed_as_words(words: str, text: str) -> bool:
    """Whether `words` occur in `text` with no letter or digit just before or after them."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not _is_word(text[at - 1])) and (end == len(text) or not _is_word(text[end])):
            return True
        at = text.find(words, at + 1)
    return False


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


def resolved_by_note(entity, statement, words: str) -> bool:
    """Whether the statement's note names the entity and quotes a reference that `words` (the
    attribution's words) prints."""
    note = statement.note or ""
    references = re.findall(f"{OPEN}([^{CLOSE}]+){CLOSE}", note)
    return names(entity, note) and any(printed_as_words(reference.lower(), words.lower())
                                        for reference in references)
