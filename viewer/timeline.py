"""Dates drawn as intervals, as inline SVG written at build time.

An event's row gives the first and the last day its words can denote, so every event is a
bar from the start of `date_from` to the end of `date_to`: "mid-2020" is four months wide,
"late December 2020" eleven days. The axis shows only the calendar years that some event
touches, each year equally wide, with a visible break where years are skipped.

    >>> axis = YearAxis([2016, 2020], left=0, width=200, gap=20)
    >>> axis.x(date(2016, 1, 1)), axis.x(date(2020, 1, 1)), axis.x(date(2021, 1, 1))
    (0.0, 110.0, 200.0)
"""
from __future__ import annotations

import re

from datetime import date, timedelta

from .markup import esc, tag, text
from .package import Row

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class YearAxis:
    """Maps a date to an x position on equally wide blocks, one per listed year."""

    def __init__(self, years: list[int], left: float, width: float, gap: float):
        self.years = sorted(set(years))
        self.left, self.gap = left, gap
        self.year_width = (width - gap * (len(self.years) - 1)) / len(self.years)

    def year_left(self, year: int) -> float:
        return self.left + self.years.index(year) * (self.year_width + self.gap)

    def x(self, day: date) -> float:
        """Where `day` starts; 1 January of the year after the last is the right edge."""
        year = day.year if day.year in self.years else day.year - 1
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        return round(self.year_left(year) + self.year_width * (day - start).days / (end - start).days, 2)

    def span(self, first: date, last: date) -> tuple[float, float]:
        """x of the start of `first` and of the end of `last` (both days included)."""
        return self.x(first), self.x(last + timedelta(days=1))

    def skipped_after(self, year: int) -> bool:
        """Whether years are left out between `year` and the next year on the axis."""
        index = self.years.index(year)
        return index + 1 < len(self.years) and self.years[index + 1] != year + 1


def dates_of(row: Row) -> tuple[date, date]:
    return date.fromisoformat(row.values["date_from"]), date.fromisoformat(row.values["date_to"])


def years_of(rows: list[Row]) -> list[int]:
    years = set()
    for row in rows:
        first, last = dates_of(row)
        years.update(range(first.year, last.year + 1))
    return sorted(years)


def day_count(row: Row) -> int:
    first, last = dates_of(row)
    return (last - first).days + 1


def axis_svg(axis: YearAxis, top: float, bottom: float) -> str:
    """Year blocks with month ticks from `top` to `bottom`, year labels above, months below."""
    parts = []
    for year in axis.years:
        x0 = axis.year_left(year)
        parts.append(text("text", {"x": _n(x0 + axis.year_width / 2), "y": _n(top - 8),
                                   "class": "year", "text-anchor": "middle"}, year))
        parts.append(tag("rect", {"x": _n(x0), "y": _n(top), "width": _n(axis.year_width),
                                  "height": _n(bottom - top), "class": "year-block"}))
        for month in range(1, 13):
            x = axis.x(date(year, month, 1))
            parts.append(tag("line", {"x1": _n(x), "x2": _n(x), "y1": _n(top), "y2": _n(bottom),
                                      "class": "tick"}))
            if month in (1, 4, 7, 10):
                parts.append(text("text", {"x": _n(x + 2), "y": _n(bottom + 14), "class": "month"},
                                  MONTHS[month - 1]))
        if axis.skipped_after(year):
            parts.append(_break_mark(x0 + axis.year_width + axis.gap / 2, top, bottom))
    return "".join(parts)


def _break_mark(x: float, top: float, bottom: float) -> str:
    """Two slanted strokes: years are left out here."""
    middle = (top + bottom) / 2
    return "".join(tag("line", {"x1": _n(x + dx - 4), "x2": _n(x + dx + 4), "y1": _n(middle + 8),
                                "y2": _n(middle - 8), "class": "break"}) for dx in (-3, 3))


def timeline_svg(rows: list[Row]) -> str:
    """All events, one lane each in date order, labelled with their printed words and
    linked to their spans."""
    rows = sorted(rows, key=lambda r: (r.values["date_from"], r.values["date_to"], r.key))
    lane, top, label_width, width = 30, 34, 190, 860
    axis = YearAxis(years_of(rows), left=label_width + 10, width=width - label_width - 20, gap=28)
    bottom = top + lane * len(rows) + 6
    parts = [axis_svg(axis, top, bottom)]
    for index, row in enumerate(rows):
        y = top + 6 + index * lane
        x0, x1 = axis.span(*dates_of(row))
        first, last = dates_of(row)
        title = f"{row.values['text']}: {first.isoformat()} to {last.isoformat()}. {row.values['what']}"
        parts.append(tag("a", {"href": f"#events/{row.key}", "class": "event"},
                         text("title", None, title),
                         text("text", {"x": _n(label_width), "y": _n(y + 15), "text-anchor": "end",
                                       "class": "label"}, row.values["text"]),
                         tag("rect", {"x": _n(x0), "y": _n(y + 3), "width": _n(max(x1 - x0, 2)),
                                      "height": "16", "rx": "2", "class": "bar"}),
                         _brackets(x0, x1, y + 1, y + 21)))
    height = bottom + 22
    return tag("svg", {"class": "timeline", "viewBox": f"0 0 {width} {_n(height)}",
                       "role": "group", "aria-label": "Dated events on a time axis"}, *parts)


def _brackets(x0: float, x1: float, top: float, bottom: float) -> str:
    """Square brackets at both ends of a bar: the first and the last day it can denote."""
    return "".join(tag("path", {"class": "bracket", "d": f"M{_n(x + 3 * sign)} {_n(top)}H{_n(x)}"
                                f"V{_n(bottom)}H{_n(x + 3 * sign)}"})
                   for x, sign in ((x0, 1), (x1, -1)))


def event_svg(row: Row) -> str:
    """One event's interval on the axis of its own year(s), for its panel."""
    axis = YearAxis(years_of([row]), left=10, width=300, gap=20)
    x0, x1 = axis.span(*dates_of(row))
    return tag("svg", {"class": "interval", "viewBox": "0 0 320 62", "aria-hidden": "true"},
               axis_svg(axis, 18, 40),
               tag("rect", {"x": _n(x0), "y": "22", "width": _n(max(x1 - x0, 2)), "height": "14",
                            "rx": "2", "class": "bar"}),
               _brackets(x0, x1, 20, 38))


def event_caption(row: Row) -> str:
    first, last = dates_of(row)
    days = day_count(row)
    return (f"From {first.isoformat()} to {last.isoformat()}, both included: "
            f"{days} day{'s' if days != 1 else ''}, this row\u2019s reading of "
            f"\u201c{esc(row.values['text'])}\u201d" + ("" if _PRINTED_YEAR.search(row.values["text"]) else
            " (the year is not printed: it is inferred, as the context note says)") + ".")


_PRINTED_YEAR = re.compile(r"\d{4}")


def _n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
