"""A figure's hedge drawn as an interval: the value, and the bounds its wording implies.

"nearly 2 million" has upper bound 2000000, not reached (an open circle, the range below
it shaded); "At least two" has lower bound 2, included (a filled circle, the range above it
shaded); "about 79,000" implies no bound (the value alone).
"""
from __future__ import annotations

from decimal import Decimal

from .markup import esc, tag, text
from .package import Row

WIDTH, LEFT, RIGHT, AXIS_Y = 320, 16, 304, 30
# The figures table's columns that hold a quantity (its value and the bounds of its hedge).
QUANTITIES = ("value", "lower", "upper")


def grouped(number: str) -> str:
    """A quantity as the file writes it, with thousands separators as the article writes its
    figures ("about 79,000"); the CSV files have none.

    >>> grouped("92000000"), grouped("6.5"), grouped("300")
    ('92,000,000', '6.5', '300')
    """
    return format(Decimal(number), ",")


def bounds(row: Row) -> tuple[float, float | None, float | None]:
    """(value, lower, upper) as numbers; an empty bound is None."""
    values = row.values
    return (float(values["value"]), float(values["lower"]) if values["lower"] else None,
            float(values["upper"]) if values["upper"] else None)


def figure_svg(row: Row) -> str:
    """A number line from 0 to twice the largest of value and bounds."""
    value, lower, upper = bounds(row)
    top = 2 * max(v for v in (value, lower, upper) if v is not None) or 1

    def x(number: float) -> float:
        return LEFT + (RIGHT - LEFT) * number / top

    parts = [tag("line", {"x1": str(LEFT), "x2": str(RIGHT), "y1": str(AXIS_Y), "y2": str(AXIS_Y),
                          "class": "axis"})]
    if lower is not None:
        parts.append(_band(x(lower), RIGHT + 8))
        parts.append(_dot(x(lower), filled=True))
    if upper is not None:
        parts.append(_band(LEFT - 8, x(upper)))
        parts.append(_dot(x(upper), filled=False))
    if value not in (lower, upper):
        parts.append(_dot(x(value), filled=True))
    parts.append(text("text", {"x": f"{x(value):.0f}", "y": "54", "text-anchor": "middle",
                               "class": "value"}, grouped(row.values["value"])))
    parts.append(text("text", {"x": str(LEFT), "y": "54", "text-anchor": "middle",
                               "class": "zero"}, "0"))
    return tag("svg", {"class": "interval", "viewBox": f"0 0 {WIDTH} 62", "aria-hidden": "true"},
               *parts)


def _band(x0: float, x1: float) -> str:
    return tag("rect", {"x": f"{x0:.1f}", "y": str(AXIS_Y - 5), "width": f"{x1 - x0:.1f}",
                        "height": "10", "class": "band"})


def _dot(x: float, filled: bool) -> str:
    return tag("circle", {"cx": f"{x:.1f}", "cy": str(AXIS_Y), "r": "5",
                          "class": "dot" if filled else "dot open"})


def figure_caption(row: Row) -> str:
    """The interval in words, from the row's own cells."""
    values = row.values
    words = [f"Value {esc(grouped(values['value']))} ({esc(values['unit'])}), "
             f"qualifier <code>{esc(values['qualifier'])}</code>."]
    words.append(f"Lower bound {esc(grouped(values['lower']))}, included." if values["lower"]
                 else "No lower bound implied.")
    words.append(f"Upper bound {esc(grouped(values['upper']))}, excluded (not reached)."
                 if values["upper"] else "No upper bound implied.")
    return " ".join(words)
