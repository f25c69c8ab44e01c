"""The longest expression of a kind printed around a place of a text: what a figure's or an
event's span must be the whole of (`figure_text`, `time_expressions` give the patterns).
"""
from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right


def around(pattern: re.Pattern, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the expression `pattern` reads in `text` that holds text[start:end], or
    None where none holds it. The expressions are read once per text, left to right, each as
    long as it runs, so the one found is the longest around the position."""
    starts, ends = _expressions(pattern, text)
    i = bisect_right(starts, start) - 1
    return (starts[i], ends[i]) if i >= 0 and ends[i] >= end else None


@functools.lru_cache(maxsize=8)
def _expressions(pattern: re.Pattern, text: str) -> tuple[array, array]:
    """Where each expression `pattern` reads in `text` starts, and where it ends (machine
    integers: a long article prints a hundred thousand and more)."""
    starts, ends = array("q"), array("q")
    for match in pattern.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends
