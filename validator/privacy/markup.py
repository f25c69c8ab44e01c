"""Markup that a page or a Markdown viewer shows as nothing, touching a digit, an @, a digit's
ordinal suffix or a month's name (one of the decoders `encodings` lists): an HTML comment or
processing instruction, a tag of any element but those that start a new block or cell (a table
cell, a paragraph, a list item display apart), an element marked hidden with what it holds, a
Markdown link or image as its text, a Markdown backslash escape, emphasis or code marks.

`MARKUP` finds it, `without_markup` undoes it; `LINK` finds a Markdown link anywhere, and
`link_text` undoes that. Each search reads a text in time linear in its length, however its
signs are arranged (long runs of marks included).

>>> without_markup(MARKUP.search("1<b>2")), [m.group() for m in MARKUP.finditer("name**@**example")]
('', ['**', '**'])
"""
from __future__ import annotations

import calendar
import re
import sys
from functools import cached_property

_BLOCK = ("address|article|aside|blockquote|body|br|caption|dd|details|div|dl|dt|fieldset|figcaption"
          "|figure|footer|form|h[1-6]|head|header|hr|html|legend|li|main|nav|ol|option|p|pre|section"
          "|select|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|ul")
_ATTRIBUTES = r"""(?:[ \t\n/](?:"[^"]{0,1000}"|'[^']{0,1000}'|[^<>"']){0,1000})?"""
# An item of markup. A comment ends at its first -->, as every reader ends it (read once: trying
# each later --> too made runs of comments take time that doubled with each); an element marked
# hidden is read once, whichever of its words hides it (its end is the same).
_MARKUP_ITEM = (rf"(?><!--.{{0,2000}}?-->)|<!-->|<!--->|<![^<>-][^<>]{{0,1000}}>|<\?[^<>]{{0,1000}}>|</>"
                rf"|</?(?!(?:{_BLOCK})\b)[A-Za-z][A-Za-z0-9-]{{0,30}}{_ATTRIBUTES}>"
                r"|!?\[[^\]\n]{0,200}\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,200}\])|\\[!-/:-@\[-`{-~]")
_HIDDEN = (rf"(?><[A-Za-z][A-Za-z0-9-]{{0,30}}[ \t\n/][^<>]{{0,1000}}?(?:\bhidden\b|display\s*:\s*none)"
           rf"[^<>]{{0,1000}}>[^<]{{0,200}}</[A-Za-z][A-Za-z0-9-]{{0,30}}\s*>)")
# A month's name (English, as `dates` reads them): its first three letters, and its last four.
_MONTHS = "(?:" + "|".join(name.lower() for name in calendar.month_abbr if name) + ")"
_MONTH_ENDS = "(?<=" + "|".join(sorted({name[-4:].lower() for name in calendar.month_name if len(name) >= 4})) + ")"
# What markup may join: a digit (with up to two separators after it), an ordinal suffix or a
# month's name before it; a digit (after up to two separators), an ordinal suffix or a month's
# name after it; an @ on either side; or the two halves of a month's name.
_BEFORE = (rf"(?:(?<=[0-9])|(?<=[0-9][ ./-])|(?<=[0-9][ ./-]{{2}})|(?<=[0-9]st|[0-9]nd|[0-9]rd|[0-9]th)"
           rf"|(?<={_MONTHS})|{_MONTH_ENDS})")
_AFTER = rf"(?=[ ,./-]{{0,2}}(?:[0-9]|{_MONTHS}[a-z]{{0,6}}\b)|(?:st|nd|rd|th)\b)"
# Markup items in a row, maybe with separators between them (1970<b>-</b>03), up to five:
# bounded, so that a text of nothing but tags is read in linear time (`rendered` reads HTML whole).
# An empty comment (<!-->) may also start one that ends at a later -->: the ways of reading a run
# of them grow with each, so more than five would cost much more (twenty-one took seconds).
_ITEMS = rf"(?:{_HIDDEN}|{_MARKUP_ITEM})(?:[ ,./-]{{0,2}}(?:{_HIDDEN}|{_MARKUP_ITEM})){{0,4}}"
# Marks in a row, "(?:\*{1,3}|_{2,3}|~~|`{1,3})+" as first written, read without trying each way of
# splitting a run (a run no match could end took time that doubled with every mark): where
# nothing follows, mark by mark as that reads them first (`_MARKS`); where what follows is no
# mark (a digit, a month, an @), the run whole, as that ends only there (`_MARKS_RUN`: each part
# of one sign whole, tildes in pairs), and not from inside a part a search started in before it
# (unless a backslash escapes its sign: a match may end with that).
_MARKS = r"(?>(?:\*{1,3}|_{2,3}|~~|`{1,3})+)"
_MARKS_RUN = r"(?!(?<=[^\\]\*)\*|(?<=[^\\]`)`|(?<=[^\\]_)_|(?<=[^\\]~~)~)(?>(?:\*+|_{2,}|(?:~~)+|`+)+)"
# Emphasis and code marks join only a number of two digits or more: 1*2*3 is a product. Each
# alternative starts after a digit, a month's name or an @, and so is tried once in a run of
# marks. A run an @ follows, `_RUN_BEFORE_AN_AT`, the last alternative as written, would be tried
# from each mark of a run of alternate signs (*`*`...), in time that grows as the run's length
# squared: `Markup` reads it from the @.
_EMPHASIS = (rf"(?<=[0-9]{{2}}){_MARKS_RUN}(?=[ ./-]{{0,2}}[0-9])"
             rf"|(?:(?<=[0-9])|(?<=[0-9][ ./-])){_MARKS_RUN}(?=[0-9]{{2}})"
             rf"|(?:(?<=[0-9][ ./-])|(?<=[0-9]{{2}})){_MARKS_RUN}(?={_MONTHS})"
             rf"|{_MONTH_ENDS}{_MARKS_RUN}(?=[ ./-]{{0,2}}[0-9])|(?<=@){_MARKS}")
_RUN_BEFORE_AN_AT = rf"{_MARKS_RUN}(?=@)"
# Each match starts with one of its items' or marks' first signs (a single _ or ~ is none),
# and so with one of `_MARKUP_FIRST`.
_MARKUP_STARTS = r"(?=[<*`\[\\]|__|~~|!\[)"
_MARKUP_FIRST = r"[<*`\[\\_~!]"


# An @ that markup's items touch: right after an item's last character (a tag's or a comment's
# >, a link's ) or ], a sign escaped by a backslash) or right before its first (<, ! or [ of a
# link, a backslash). Written to start with the @, which the engine finds fast.
_AT_BESIDE_AN_ITEM = re.compile(r"@(?:(?<=[>)\]]@)|(?<=\\[!-/:-@\[-`{-~]@)|(?=[<!\[\\]))")


class Markup:
    """The markup pattern, searched in time linear in the text's length. For a text where no @
    touches an item of markup, it leaves out the alternatives that need one to (the same
    matches, found sooner); a pattern that starts by looking ahead is tried at every character,
    so that one is searched where one of its first characters is, looking back one to test it
    there, then matched there from the end of the match before on (the other, rarely needed, is
    searched as it is: a second form would cost more to compile than it saves). Its last
    alternative, a run of marks an @ follows, is found from each @ that a mark comes right
    before (`_runs_before_an_at`); the search finds the pattern as written, `written`."""

    _FLAGS = re.DOTALL | re.IGNORECASE

    def __init__(self, *alternatives: str, beside_an_at: tuple[str, ...], last: str):
        def either(*these: str) -> str:
            return rf"{_MARKUP_STARTS}(?:{'|'.join(these)})"
        with_at = alternatives[:2] + beside_an_at + alternatives[2:]
        self.written = {True: either(*with_at, last), False: either(*alternatives, last)}
        self._with_at = either(*with_at)
        self.without_at = re.compile(either(*alternatives), self._FLAGS)
        # where it matches: one of its first characters read, then it looked for from there
        self._starts_without_at = re.compile(rf"{_MARKUP_FIRST}(?<=(?={self.without_at.pattern}).)", self._FLAGS)
        self._last = re.compile(last, self._FLAGS)

    @cached_property
    def with_at(self) -> re.Pattern:
        """Compiled when first needed (rarely: compiling it is a good part of this module's import)."""
        return re.compile(self._with_at, self._FLAGS)

    def _for(self, text: str) -> re.Pattern:
        return self.with_at if "@" in text and _AT_BESIDE_AN_ITEM.search(text) else self.without_at

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        """The matches of the pattern as written (`written`), in order: those of all its other
        alternatives, and where none matches, the last, a run of marks an @ follows. The other
        alternatives' search goes on past a run's match unchanged: none of them can start at a
        mark inside a run (each starts at <, [, ! or a backslash, or right after a digit, a
        letter, a separator or an @), and looking for them again after every run would read the
        rest of the text each time. The property tests hold the matches to `written`."""
        pos = max(pos, 0)  # as a pattern's own search reads a negative start
        runs = _runs_before_an_at(text, pos, endpos) if "@" in text else ()
        at = pos
        found = self._all_but_the_last(text, at, endpos)
        match = next(found, None)
        for start in runs:
            while match is not None and match.start() <= start:  # an earlier alternative first
                yield match
                at, match = match.end(), next(found, None)
            if start >= at:
                run = self._last.match(text, start, endpos)
                yield run
                at = run.end()
        while match is not None:
            yield match
            match = next(found, None)

    def _all_but_the_last(self, text: str, pos: int, endpos: int):
        pattern = self._for(text)
        if pattern is self.with_at:
            yield from pattern.finditer(text, pos, endpos)
            return
        end = pos
        for start in self._starts_without_at.finditer(text, pos, endpos):
            if start.start() >= end:  # a match's own items and marks start no other
                match = pattern.match(text, start.start(), endpos)
                end = match.end()
                yield match

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return next(self.finditer(text, pos, endpos), None)


_SIGNS = "*_~`"  # of emphasis and code marks
_MARK_BEFORE_AN_AT = re.compile(f"[{re.escape(_SIGNS)}]@")


def _runs_before_an_at(text: str, pos: int, endpos: int):
    """Where `_RUN_BEFORE_AN_AT` matches from `pos` on (before `endpos`), in order: each run of
    marks an @ follows read once, back from its @. From a mark, the pattern reads whole each
    part of one sign that follows (tildes in pairs): it reaches the @ where no part on the way
    is a lone underscore or an odd number of tildes (the first read from that mark on); and it
    starts at no mark inside a part of its sign, but after a backslash (`_MARKS_RUN`)."""
    for before in _MARK_BEFORE_AN_AT.finditer(text, pos, endpos):
        first = end = before.end() - 1  # the @
        while first > pos and text[first - 1] in _SIGNS:
            first -= 1
        starts, reaches = [], True  # whether the parts after the current one reach the @
        part_end = end
        while part_end > first:
            sign, part_start = text[part_end - 1], part_end - 1
            while part_start > first and text[part_start - 1] == sign:
                part_start -= 1
            for start in range(part_end - 1, part_start - 1, -1):
                if reaches and _whole(sign, part_end - start) and _may_start(text, start, sign):
                    starts.append(start)
            reaches = reaches and _whole(sign, part_end - part_start)  # this part, read from its start
            part_end = part_start
        yield from reversed(starts)


def _whole(sign: str, length: int) -> bool:
    """Whether `length` marks of one sign are read whole (`_MARKS_RUN`)."""
    return length >= 2 and length % 2 == 0 if sign == "~" else length >= 2 if sign == "_" else True


def _may_start(text: str, start: int, sign: str) -> bool:
    """Whether `_MARKS_RUN` may start at `start`: not inside a part of its sign, unless a
    backslash comes before the part's marks before it (`\\**`)."""
    before = 2 if sign == "~" else 1
    if start < before + 1 or text[start - before:start] != sign * before:
        return True
    return text[start - before - 1] == "\\"


MARKUP = Markup(rf"{_BEFORE}{_ITEMS}{_AFTER}", rf"(?<={_MONTHS}){_ITEMS}(?=[a-z])", _EMPHASIS,
                beside_an_at=(rf"(?<=@){_ITEMS}", rf"{_ITEMS}(?=@)"), last=_RUN_BEFORE_AN_AT)
_ONE_ITEM = re.compile(rf"{_HIDDEN}|{_MARKUP_ITEM}|{_MARKS}", re.DOTALL | re.IGNORECASE)
# A Markdown link or image, "(?:(!)\[|\[)([^\]\n]{0,200})\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,200}\])", written to
# start with the character it reads first (! or [), which the engine finds fast, and to look
# back at it: the image's ! is the first group, the link's text the second.
LINK = re.compile(r"[!\[](?:(?<=(!))\[|(?<=\[))([^\]\n]{0,200})\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,200}\])")


def without_markup(match: re.Match) -> str:
    """What the markup shows: the separators between its items and the text of its links (an
    image shows none), nothing else."""
    def shown(item: re.Match) -> str:
        if item.group().startswith("\\"):
            return item.group()[1:]  # a Markdown escape shows the sign it escapes
        link = LINK.fullmatch(item.group())
        return link.group(2) if link and not link.group(1) else ""
    return _ONE_ITEM.sub(shown, match.group())


def link_text(match: re.Match) -> str:
    """A Markdown link as its text, wherever it is; an image shows none."""
    return "" if match.group(1) else match.group(2)
