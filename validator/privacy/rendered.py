r"""HTML as a browser shows it: a reading of a text that holds tags, read tag by tag as a
browser reads them (each element closed by its own end tag, however deep it is nested), in
which

- what a browser does not show is left out, with all it holds, however deep: `script` and
  `style` elements, and every element marked hidden (the `hidden` attribute,
  or a style of `display: none`, `visibility: hidden`, `font-size: 0`, `opacity: 0` or a
  transparent colour);
- a tag that starts or ends a block (a paragraph, a list item, a table cell) ends what can be
  read as one (a NUL, which no detector reads across), as a separate cell would (a
  `template` too: a page's script shows what it holds in a box of its own); `br` is a
  line break, and any other tag nothing, so digits on either side of an inline tag read as one
  number;
- what is shown right to left in a reversed run (`<bdo dir="rtl">`, or a style of
  `unicode-bidi: bidi-override` with `direction: rtl`) is read in the order it is shown;
- character references are undone.

Each character of the reading is placed at the character of the text it comes from, so a
finding points into the file as written. The hidden text itself is read in the text's other
readings: leaving it out here is what shows the number it splits. What a stylesheet hides by
a class name is not seen (that would take the stylesheet's rules).

>>> rendered("12<span hidden>0<b>0</b>0</span>3<i>4</i><br>5<td>6</td>")[0]
'1234\n5\x006\x00'
"""
from __future__ import annotations

import html
import re
from typing import Sequence

TAG = re.compile(r"<[A-Za-z][^<>]{0,2000}>")  # a text worth rendering holds a start tag
_NOT_SHOWN = frozenset({"script", "style"})
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "template", "dd", "details",
                     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                     "h4", "h5", "h6", "head", "header", "hr", "html", "legend", "li", "main", "nav", "ol",
                     "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "textarea",
                     "tfoot", "th", "thead", "title", "tr", "ul"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*0(?![.0-9]*[1-9])"
                           r"|opacity\s*:\s*0(?![.0-9]*[1-9])|(?<![-\w])color\s*:\s*transparent", re.IGNORECASE)
_OVERRIDE = re.compile(r"unicode-bidi\s*:\s*bidi-override", re.IGNORECASE)
_RTL = re.compile(r"direction\s*:\s*rtl", re.IGNORECASE)


# One step of reading: a comment, a start or end tag (its attributes quoted or not), or a
# character reference.
_STEP = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]{0,60})((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>"
                   r"|&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def rendered(text: str) -> tuple[str, Sequence[int]] | None:
    """(the text as shown, where each of its characters comes from), or None where the text
    holds no tag."""
    if TAG.search(text) is None:
        return None
    page = _Page()
    position = 0
    while True:
        step = _STEP.search(text, position)
        end = step.start() if step else len(text)
        page.show(text[position:end], position)
        if step is None:
            break
        position = step.end()
        if step.group(2) is None:  # a comment, or a character reference
            if step.group().startswith("&"):
                page.show(html.unescape(step.group()), step.start(), one_place=True)
            continue
        tag = step.group(2).lower()
        if step.group(1):
            page.close(tag, step.start())
            continue
        page.open(tag, step.group(3), step.start())
        if tag in _NOT_SHOWN:  # its text is no markup: it ends at its own end tag
            close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, position)
            position = close.start() if close else len(text)
    return "".join(page.shown), page.origin


class _Page:
    """What is shown so far, and the elements open."""

    def __init__(self):
        self.elements: list[tuple[str, bool, bool]] = []  # (tag, hides, reverses), outermost first
        self.open_names: dict[str, int] = {}  # how many elements of each name are open
        self.hidden = 0
        self.reversed_from: list[int] = []  # where in `shown` each open reversed run starts
        self.shown: list[str] = []
        self.origin: list[int] = []

    def show(self, characters: str, at: int, one_place: bool = False) -> None:
        if self.hidden or not characters:
            return
        self.shown.append(characters)
        self.origin.extend([at] * len(characters) if one_place else range(at, at + len(characters)))

    def open(self, tag: str, attributes: str, at: int) -> None:
        values = _attributes(attributes) if attributes.strip(" /") else {}
        style = values.get("style", "")
        hides = tag in _NOT_SHOWN or "hidden" in values or _HIDDEN_STYLE.search(style) is not None
        reverses = (tag == "bdo" and values.get("dir", "").lower() == "rtl"
                    or _OVERRIDE.search(style) is not None and _RTL.search(style) is not None)
        if not hides:  # an element not shown has no box to break a line
            self._break(tag, at)
        if tag in _VOID or attributes.endswith("/"):
            return
        self.elements.append((tag, hides, reverses))
        self.open_names[tag] = self.open_names.get(tag, 0) + 1
        self.hidden += hides
        if reverses:
            self.reversed_from.append(len("".join(self.shown)))

    def close(self, tag: str, at: int) -> None:
        hid = False
        if self.open_names.get(tag):
            while self.elements:
                name, hides, reverses = self.elements.pop()
                self.open_names[name] -= 1
                self.hidden -= hides
                if reverses:
                    self._reverse(self.reversed_from.pop())
                if name == tag:
                    hid = hides
                    break
        if not hid:
            self._break(tag, at)

    def _break(self, tag: str, at: int) -> None:
        if tag in _BLOCKS or tag == "br":
            self.show("\x00" if tag in _BLOCKS else "\n", at, one_place=True)

    def _reverse(self, start: int) -> None:
        shown = "".join(self.shown)
        self.shown = [shown[:start], shown[start:][::-1]]
        self.origin[start:] = self.origin[start:][::-1]


def _attributes(written: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")) if value else ""
            for name, value in _ATTRIBUTE.findall(written)}
