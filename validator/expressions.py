"""The longest expression of a kind printed around a place of a text: what a figure's or an
event's span must be the whole of (`figure_text`, `time_expressions` give the patterns).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right


def around(pattern: re.Pattern, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the expression `pattern` reads in `text` that holds text[start:end], or
    None where none holds it. The expressions are read once per text, left to right, each as
    long as it runs, so the one found is the longest around the position."""
    starts, spans = _expressions(pattern, text)
    i = bisect_right(starts, start) - 1
    return spans[i] if i >= 0 and spans[i][1] >= end else None


@functools.lru_cache(maxsize=8)
def _expressions(pattern: re.Pattern, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    spans = [m.span() for m in pattern.finditer(text)]
    return [s for s, _ in spans], spans
