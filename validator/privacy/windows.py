"""Where in a text to look: the stretches around spots (`windows`), and a pattern searched
only near what each of its matches holds (`Near`)."""
from __future__ import annotations

import re


def windows(spots, length: int, margin: int) -> list[tuple[int, int]]:
    """The stretches of text around `spots` (spans, sorted), `margin` characters wider on
    either side, joined where they overlap: only they need reading again."""
    joined: list[tuple[int, int]] = []
    for start, end in spots:
        start, end = max(0, start - margin), min(length, end + margin)
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


class Near:
    """A pattern searched only near what each of its matches holds (`holds`, a pattern the
    engine finds fast, where spaces are no start), at most `longest` characters around it:
    the same matches, found sooner. Every match of the pattern holds one of `holds`, so a
    search of `holds` finds one that overlaps it, and the match lies within `longest` of
    that; the stretches so found are joined where they overlap, so no match spans two."""

    def __init__(self, pattern: re.Pattern, holds: re.Pattern, longest: int):
        self.pattern, self.holds, self.longest = pattern, holds, longest

    def finditer(self, text: str):
        spots = [match.span() for match in self.holds.finditer(text)]
        for start, end in windows(spots, len(text), self.longest):
            yield from self.pattern.finditer(text, start, end)

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)
