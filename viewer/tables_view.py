"""Every table as an HTML table: all columns (header titles from the schemas, the column's
description as its tooltip), row counts, and each row linked to its place in the article.
A filter box, shown by the script, hides the rows that do not contain what is typed."""
from __future__ import annotations

from .links import cell, table_row_id
from .markup import esc, tag, text
from .package import Package, Table


def tables_view(package: Package) -> str:
    sections = [_table(package, table) for table in package.tables.values()]
    total = sum(len(t.rows) for t in package.tables.values())
    intro = tag("p", None, f"{len(package.tables)} tables, {total} rows. Each id links to the row's "
                "place in the article; an attribution links to its statement and its entity.")
    search = tag("p", {"class": "filter js-only", "hidden": True},
                 text("label", {"for": "filter"}, "Filter rows: "),
                 tag("input", {"type": "search", "id": "filter", "autocomplete": "off",
                               "placeholder": "a word, an id, a number"}))
    return intro + search + "".join(sections)


def _table(package: Package, table: Table) -> str:
    count = len(table.rows)
    heading = tag("h3", None, esc(table.title), " ",
                  tag("span", {"class": "count", "data-total": str(count)},
                      f"{count} row{'s' if count != 1 else ''}"))
    where = tag("p", {"class": "source"}, text("a", {"href": f"../{table.path}"}, table.path),
                f" ({esc(table.name)}). {esc(table.description)}")
    head = tag("tr", None, *(text("th", {"scope": "col", "title": field.description}, field.title)
                             for field in table.fields))
    body = [tag("tr", {"id": table_row_id(row), "data-key": row.citation_key},
                *(tag("td", {"class": f"c-{field.name}"}, cell(package, row, field.name))
                  for field in table.fields))
            for row in table.rows]
    grid = tag("div", {"class": "scroll"},
               tag("table", {"class": f"rows t-{table.name}"}, tag("thead", None, head),
                   tag("tbody", None, "\n".join(body))))
    return tag("section", {"class": "table", "id": f"table-{table.name}"}, heading, where, grid)
