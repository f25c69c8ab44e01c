"""Tiny helpers to write HTML as strings, escaped once and in one place.

    >>> tag("a", {"href": "#quotes/q-x", "hidden": True}, esc("Tom & Jerry"))
    '<a href="#quotes/q-x" hidden>Tom &amp; Jerry</a>'
    >>> tag("br")
    '<br>'
"""
from __future__ import annotations

import html

# Elements that have no content and no end tag.
VOID = {"br", "hr", "img", "input", "meta", "link", "col"}


def esc(value: object) -> str:
    """`value` as text safe inside an element (&, < and > escaped; quotation marks need no
    escape there, and are written as themselves)."""
    return html.escape(str(value), quote=False)


def attributes(attrs: dict | None) -> str:
    """` name="value"` pairs in the given order, each value escaped for a double-quoted
    attribute; None and False are left out, True is bare."""
    parts = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{html.escape(str(value), quote=True)}"')
    return "".join(parts)


def tag(name: str, attrs: dict | None = None, *children: str) -> str:
    """One element; `children` are HTML strings (escape text with `esc` first)."""
    if name in VOID:
        return f"<{name}{attributes(attrs)}>"
    return f"<{name}{attributes(attrs)}>{''.join(children)}</{name}>"


def text(name: str, attrs: dict | None, content: object) -> str:
    """One element holding plain text, escaped."""
    return tag(name, attrs, esc(content))
