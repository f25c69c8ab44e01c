r"""The article as HTML in which every span of every table is marked.

Each row with a span becomes one or more elements carrying `data-table` and `data-id`
(a person's role span: `data-role-of`, listing every entity the role belongs to). Spans
nest and may cross, so the article is cut at every span boundary into segments, and each
segment is wrapped in one element per span that covers it, outermost first. A span that
crosses another is therefore split into several elements; the texts of a row's elements, in
document order, are exactly its span. That holds in the HTML as written, before any script.

Here a quotation "ab c" and a figure "cd" cross, so the figure is two elements (each
`<mark ...>` shortened to its data-id):

    >>> marked = render_paragraph("ab cd", 0, 5, [Span("quotes", "q", 0, 4),
    ...                                           Span("figures", "f", 3, 5)])
    >>> print(re.sub(r'<mark class="[^"]*" data-table="\w+" data-id="(\w)"[^>]*>', r"<\1>", marked))
    <q>ab <f>c</mark></mark><f>d</mark>
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .markup import attributes, esc
from .package import Package

# When two spans start and end at the same place, the earlier table here is the outer one.
NESTING = ("statements", "excluded_spans", "quotes", "roles", "entities", "events", "figures")


@dataclass(frozen=True)
class Span:
    """Characters article[start:end] that a row points at.

    `table` is the table the row is in, or "roles" for a person's role span; `key` is the
    row id, or for a role span the ids of every entity whose role it is, space-separated.
    """

    table: str
    key: str
    start: int
    end: int

    @property
    def order(self) -> tuple:
        """Outer spans first: earlier start, then longer, then by NESTING."""
        return (self.start, -self.end, NESTING.index(self.table))


def spans_of(package: Package) -> list[Span]:
    """Every span of the package: text/start/end rows, entity names, and role spans."""
    spans = []
    for name, table in package.tables.items():
        if "start" not in {f.name for f in table.fields}:
            continue
        for row in table.rows:
            spans.append(Span(name, row.key, int(row.values["start"]), int(row.values["end"])))
    return sorted(spans + role_spans(package), key=lambda span: span.order)


def role_spans(package: Package) -> list[Span]:
    """One span per distinct role text: a role printed once for two senators is one span."""
    owners: dict[tuple[int, int], list[str]] = {}
    for row in package.tables["entities"].rows:
        if row.values.get("role_start"):
            place = (int(row.values["role_start"]), int(row.values["role_end"]))
            owners.setdefault(place, []).append(row.key)
    return [Span("roles", " ".join(ids), start, end) for (start, end), ids in owners.items()]


def paragraphs(article: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the runs of text between line breaks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]


def render_article(package: Package) -> str:
    """The article, one `<p>` per paragraph, every span marked."""
    article, spans = package.article, spans_of(package)
    out = []
    for number, (start, end) in enumerate(paragraphs(article)):
        inside = [s for s in spans if start <= s.start and s.end <= end]
        crossing = [s for s in spans if s.start < end and s.end > start and s not in inside]
        if crossing:
            raise ValueError(f"span {crossing[0]} crosses a paragraph break")
        css = "headline" if number == 0 else None
        out.append(f"<p{attributes({'class': css})}>"
                   f"{render_paragraph(article, start, end, inside)}</p>")
    return "\n".join(out)


def render_paragraph(article: str, start: int, end: int, spans: list[Span]) -> str:
    """article[start:end] with `spans` (all inside it) marked as nested elements."""
    cuts = sorted({start, end} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    open_spans: list[Span] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted((s for s in spans if s.start <= left and right <= s.end),
                          key=lambda span: span.order)
        kept = _common_prefix(open_spans, covering)
        out.append("</mark>" * (len(open_spans) - kept))
        out.extend(_open(span, first=span.start == left) for span in covering[kept:])
        open_spans = covering
        out.append(esc(article[left:right]))
    out.append("</mark>" * len(open_spans))
    return "".join(out)


def _common_prefix(a: list[Span], b: list[Span]) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[count] == b[count]:
        count += 1
    return count


def _open(span: Span, first: bool) -> str:
    """The start tag of one element of `span`; its first element is the Tab stop and the
    deep-link target (`id="quotes/q-..."`)."""
    if span.table == "roles":
        attrs = {"class": "m m-roles", "data-role-of": span.key}
    else:
        attrs = {"class": f"m m-{span.table}", "data-table": span.table, "data-id": span.key,
                 "id": f"{span.table}/{span.key}" if first else None}
    attrs["tabindex"] = "0" if first else None
    return f"<mark{attributes(attrs)}>"
