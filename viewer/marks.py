"""How each kind of mark looks: a colour, and a line style so that no mark is told apart by
colour alone. The legend, the mark styles and the print styles are all written from MARKS,
and tests check the contrast of every colour (WCAG AA) from the same data.
"""
from __future__ import annotations

from dataclasses import dataclass

TEXT = "#1b1b1b"  # the article's text colour
PAGE = "#ffffff"  # the article's background


@dataclass(frozen=True)
class Mark:
    """One kind of mark: a table's spans, or persons' role spans ("roles")."""

    kind: str
    label: str
    background: str | None  # fill behind the text, or None
    line: str               # colour of the underline or border
    style: str              # its shape, in words, for the legend
    css: str                # declarations for screens ({line} is replaced)
    print_css: str          # declarations for paper: an underline of its own style


MARKS = (
    Mark("statements", "Statements", None, "#8a8a8a", "thin low underline",
         "border-bottom: 1px solid {line}; padding-bottom: .5em;",
         "text-decoration: none;"),
    Mark("quotes", "Quotations", "#fff0a6", "#8a6a00", "solid underline",
         "border-bottom: 2px solid {line}; padding-bottom: .22em;",
         "text-decoration: underline solid;"),
    Mark("figures", "Figures", "#cfe6ff", "#0a58a8", "double underline",
         "border-bottom: 3px double {line};",
         "text-decoration: underline double;"),
    Mark("events", "Dated events", "#d3f2d6", "#1d7530", "dashed underline",
         "border-bottom: 2px dashed {line};",
         "text-decoration: underline dashed;"),
    Mark("entities", "Entities (names)", "#f1ddfb", "#7b2d9e", "solid box",
         "border: 1px solid {line}; border-radius: 3px; padding: 0 1px;",
         "text-decoration: underline dotted;"),
    Mark("roles", "Roles of persons", None, "#7b2d9e", "wavy underline",
         "text-decoration: underline wavy {line} 1px; text-underline-offset: .3em;",
         "text-decoration: underline wavy;"),
    Mark("excluded_spans", "Excluded spans", "#e8e8e8", "#555555", "dashed box",
         "border: 1px dashed {line}; border-radius: 3px;",
         "text-decoration: overline dashed;"),
)


def mark_css() -> str:
    """Screen and print rules for every kind of mark (on paper: a line of its own style,
    no fill), and the legend's toggles.

    A legend checkbox `#show-<kind>` that is unchecked turns that kind's marks off in the
    article (CSS `:has`, so the toggles work without the script): no fill, no line, and no
    border or padding either, which would leave gaps between the words."""
    rules = []
    for mark in MARKS:
        fill = f"background: {mark.background}; " if mark.background else ""
        rules.append(f".m-{mark.kind} {{ {fill}{mark.css.format(line=mark.line)} }}")
        rules.append(f"body:has(#show-{mark.kind}:not(:checked)) #article .m-{mark.kind} "
                     "{ background: none; border: 0; padding: 0; text-decoration: none; }")
    rules.append("@media print {")
    rules.append("  .m, .swatch { background: none !important; border: 0 !important; "
                 "padding: 0 !important; }")
    rules += [f"  .m-{mark.kind} {{ {mark.print_css} }}" for mark in MARKS]
    rules.append("}")
    return "\n".join(rules)
