"""The panel of each row, written at build time into a `<template>` that the script shows
when a mark is selected or a deep link is followed.

A panel holds: where the row is (table, CSV file and line), its span text, what it is
attached to (its statement with sources and medium; an entity's statements), for a figure
its bounds and for an event its dates drawn as intervals, every field with its schema title,
its citation with a copy button, its link, and its line of the CSV file. (The fields'
descriptions are in the tables view's column headers and in docs/data-dictionary.md.)
"""
from __future__ import annotations

from .figures import QUANTITIES, figure_caption, figure_svg, grouped
from .links import cell, entity_link, row_link, table_row_id
from .markup import esc, tag, text
from .package import Package, Row
from .timeline import event_caption, event_svg


def templates(package: Package) -> str:
    """One template per row of every table, in table and file order."""
    return "\n".join(
        tag("template", {"id": f"panel:{row.citation_key}", "data-title": row.citation_key},
            panel(package, row))
        for table in package.tables.values() for row in table.rows)


def panel(package: Package, row: Row) -> str:
    table = package.tables[row.table]
    parts = [tag("p", {"class": "kind"}, esc(table.title), ", ",
                 text("a", {"href": f"../{table.path}"}, table.path), f" line {row.line}")]
    parts += _context(package, row)
    parts.append(_corrections(package, row))
    parts.append(_fields(package, row))
    parts.append(_cite(package, row))
    return "".join(parts)


def _context(package: Package, row: Row) -> list[str]:
    """What the row is attached to, and its intervals."""
    parts = []
    if row.table == "statements":
        parts.append(_sources(package, row.key))
        parts.append(_contents(package, row.key))
    elif "statement_id" in row.values:
        parts.append(_statement(package, row.values["statement_id"]))
    if row.table == "entities":
        parts.append(_entity(package, row))
    if row.table == "attributions":
        parts.append(tag("p", None, f"Entity ({esc(row.values['role'])}): ",
                         entity_link(package, row.values["entity_id"])))
    if row.table == "figures":
        parts.append(tag("figure", {"class": "bounds"}, figure_svg(row),
                         tag("figcaption", None, figure_caption(row))))
    if row.table == "events":
        parts.append(tag("figure", {"class": "dates"}, event_svg(row),
                         tag("figcaption", None, event_caption(row))))
    return parts


KINDS = {"extraction": "our reading corrected", "revision": "the article revised",
         "reanchoring": "re-anchored to a revised snapshot"}


def _corrections(package: Package, row: Row) -> str:
    """Each change corrections.csv records for this row: the version, the column, the old and
    the new value, the kind and the reason; nothing for a row never corrected."""
    table = package.tables.get("corrections")
    changes = [c.values for c in table.rows if c.values["table_name"] == row.table
               and c.values["row_id"] == row.key] if table and row.table != "corrections" else []
    if not changes:
        return ""
    items = [tag("li", None, f"v{esc(c['version'])}, ", text("code", None, c["field"]), ": ",
                 "“", esc(c["old_value"]), "” → “", esc(c["new_value"]), "” (",
                 esc(KINDS.get(c["kind"], c["kind"])), "). ", esc(c["reason"]))
             for c in changes]
    return tag("div", {"class": "corrections"},
               tag("p", None, tag("strong", None, "Corrected"), f" ({len(changes)} change"
                   f"{'s' if len(changes) != 1 else ''}, in "
                   + ", ".join(sorted({f'v{c["version"]}' for c in changes})) + "):"),
               tag("ul", None, *items))


def _statement(package: Package, statement_id: str) -> str:
    statement = package.tables["statements"].row(statement_id)
    mode = statement.values["mode"]
    return tag("div", {"class": "statement"},
               tag("p", None, "In statement ", row_link("statements", statement_id),
                   f" ({esc(mode.replace('_', ' '))})."),
               _sources(package, statement_id, of_the_statement=True))


def _sources(package: Package, statement_id: str, of_the_statement: bool = False) -> str:
    """Sources and medium of a statement, from attributions, linked to their entity rows; in
    the panel of a row inside the statement, labelled as the statement's (a quotation's, a
    figure's or an event's own source is not recorded)."""
    links = [r for r in package.tables["attributions"].rows if r.values["statement_id"] == statement_id]

    def named(role: str) -> str:
        names = [entity_link(package, r.values["entity_id"]) for r in links if r.values["role"] == role]
        return ", ".join(names) if names else "none named"

    source, medium = ("Statement's source: ", "Statement's medium: ") if of_the_statement else ("Source: ", "Medium: ")
    return tag("p", {"class": "sources"}, tag("strong", None, source), named("source"),
               tag("br"), tag("strong", None, medium), named("medium"))


def _contents(package: Package, statement_id: str) -> str:
    inside = [row_link(r.table, r.key) for name in ("quotes", "figures", "events")
              for r in package.tables[name].rows if r.values["statement_id"] == statement_id]
    listed = ", ".join(inside) if inside else "no quotation, figure or event"
    return tag("p", None, "In this statement: ", listed, ".")


def _entity(package: Package, row: Row) -> str:
    """The statements an entity is the source or the medium of, and a person's role."""
    parts = []
    for role in ("source", "medium"):
        ids = [r.values["statement_id"] for r in package.tables["attributions"].rows
               if r.values["entity_id"] == row.key and r.values["role"] == role]
        if ids:
            parts.append(tag("p", None, f"{role.capitalize()} of: ",
                             ", ".join(row_link("statements", i) for i in ids), "."))
    if row.values.get("role_text"):
        parts.append(tag("p", None, "Role as printed: \u201c", esc(row.values["role_text"]), "\u201d."))
    return "".join(parts)


def _fields(package: Package, row: Row) -> str:
    table = package.tables[row.table]
    items = "".join(text("dt", None, field.title) +
                    tag("dd", None, _field(package, row, field.name)) for field in table.fields)
    return tag("details", {"class": "fields", "open": True},
               tag("summary", None, "All fields"), tag("dl", None, items))


def _field(package: Package, row: Row, column: str) -> str:
    """A field for a reader: a figure's quantities with thousands separators (the CSV line
    below shows them as the file has them)."""
    if row.table == "figures" and column in QUANTITIES and row.values[column]:
        return esc(grouped(row.values[column]))
    return cell(package, row, column)


def _cite(package: Package, row: Row) -> str:
    citation = f"{row.citation_key} (v{package.version})"
    table = package.tables[row.table]
    return tag("div", {"class": "cite"},
               tag("p", None, tag("strong", None, "Cite: "), text("code", None, citation), " ",
                   text("button", {"type": "button", "class": "copy js-only", "data-copy": citation,
                                   "hidden": True}, "Copy citation"),
                   tag("span", {"class": "copy-status", "role": "status"})),
               tag("p", None, tag("strong", None, "Link: "),
                   text("a", {"href": f"#{row.citation_key}"}, f"index.html#{row.citation_key}"),
                   " \u00b7 ", text("a", {"href": f"#{table_row_id(row)}"}, "row in the tables view")),
               tag("p", None, tag("strong", None, f"Line {row.line} of {esc(table.path)}:")),
               tag("pre", {"class": "csv"}, csv_line(row.raw)))


def csv_line(raw: str) -> str:
    """The CSV line exactly as in the file, each cell in its own element, with the comma that
    ends it, so that the cells can be told apart (and no markup stands between a number and
    the comma after it: the page holds no run of digits and commas, as written or as shown).

    >>> csv_line('a,"b, c",1')
    '<span class="cell">a,</span><span class="cell">"b, c",</span><span class="cell">1</span>'
    """
    cells, current, quoted = [], "", False
    for char in raw:
        if char == "," and not quoted:
            cells.append(current)
            current = ""
            continue
        quoted ^= char == '"'
        current += char
    cells.append(current)
    ends = [","] * (len(cells) - 1) + [""]
    return "".join(text("span", {"class": "cell"}, cell + end) for cell, end in zip(cells, ends))
