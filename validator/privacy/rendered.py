r"""HTML as a browser shows it: a reading of a text that holds tags, read tag by tag as a
browser reads them (each element closed by its own end tag, however deep it is nested), in
which

- what a browser does not show is left out, with all it holds, however deep: `script`,
  `style`, `template`, `noscript`, `iframe`, media and other fallback or source elements, and
  every element marked hidden (the `hidden` attribute, or a style, once its comments and
  escapes are undone, of `display: none`, `visibility: hidden`, a font size or opacity of
  zero, a scale of zero, a transparent colour, or a position far off the page);
- a tag that starts or ends a block (a paragraph, a list item, a table cell) ends what can be
  read as one (a NUL, which no detector reads across), as a separate cell would; `br` is a
  line break, and any other tag nothing, so digits on either side of an inline tag read as one
  number;
- what is shown right to left in a reversed run (`<bdo dir="rtl">`, or right to left by its
  `dir` or its style with a `bidi-override` or `isolate-override`) is read in the order shown;
- character references are undone.

Each character of the reading is placed at the character of the text it comes from, so a
finding points into the file as written. The hidden text itself is read in the text's other
readings: leaving it out here is what shows the number it splits. What a stylesheet hides by
a class name, or a style hides in a way not listed here, is not seen.

>>> rendered("12<span hidden>0<b>0</b>0</span>3<i>4</i><br>5<td>6</td>")[0]
'1234\n5\x006\x00'
"""
from __future__ import annotations

import html
import re
from typing import Sequence

TAG = re.compile(r"<[A-Za-z][^<>]{0,2000}>")  # a text worth rendering holds a start tag
# Elements a browser shows nothing of (their content a fallback, a template, a source), and
# those of them whose content is text, not markup, up to their own end tag.
_NOT_SHOWN = frozenset({"script", "style", "template", "noscript", "noembed", "noframes", "iframe", "datalist",
                        "audio", "video", "canvas", "object", "rp", "xmp"})
_RAW_TEXT = frozenset({"script", "style", "noscript", "noembed", "noframes", "iframe", "title", "xmp", "textarea"})
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
                     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                     "h4", "h5", "h6", "head", "header", "hr", "html", "legend", "li", "main", "nav", "ol",
                     "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "textarea",
                     "tfoot", "th", "thead", "title", "tr", "ul"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})
# A style that hides what it styles (read after its comments and escapes are undone): not
# displayed, invisible, of no size, scaled to nothing, moved far off the page, or transparent.
_ZERO = r"(?:calc\(\s*)?-?0*\.?0*(?:px|em|rem|%|pt|vw|vh)?\s*\)?(?![.0-9]*[1-9])"
_HIDDEN_STYLE = re.compile(
    rf"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*{_ZERO}"
    rf"|opacity\s*:\s*{_ZERO}|(?<![-\w])color\s*:\s*(?:transparent|rgba\([^)]*,\s*{_ZERO}\)|#[0-9a-f]{{3}}0\b|#[0-9a-f]{{6}}00\b)"
    r"|transform\s*:[^;]*scale[xy]?\(\s*0*\.?0*\s*[,)]"
    r"|(?:left|top|right|bottom|text-indent|margin-left|margin-top)\s*:\s*-\s*[0-9]{3,}", re.IGNORECASE)
_OVERRIDE = re.compile(r"unicode-bidi\s*:\s*(?:bidi-override|isolate-override)", re.IGNORECASE)
_RTL = re.compile(r"direction\s*:\s*rtl", re.IGNORECASE)


# One step of reading: a comment, a start or end tag (its attributes quoted or not), or a
# character reference.
_STEP = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]{0,60})((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>"
                   r"|&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)", re.DOTALL)
_READ_ATTRIBUTES = ("hidden", "style", "dir")
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
        if tag in _RAW_TEXT:  # its text is no markup: it ends at its own end tag
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
        lowered = attributes.lower()  # only these attributes change what is shown
        values = _attributes(attributes) if any(name in lowered for name in _READ_ATTRIBUTES) else {}
        style = _css(values.get("style", ""))
        hides = tag in _NOT_SHOWN or "hidden" in values or _HIDDEN_STYLE.search(style) is not None
        rtl = values.get("dir", "").lower() == "rtl" or _RTL.search(style) is not None
        reverses = rtl and (tag == "bdo" or _OVERRIDE.search(style) is not None)
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


_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\([0-9A-Fa-f]{1,6})\s?|\\(.)")


def _css(style: str) -> str:
    """A style attribute as CSS reads it: comments dropped, escapes undone."""
    if "/" not in style and "\\" not in style:
        return style
    style = _CSS_COMMENT.sub("", style)
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1)
                           and int(m.group(1), 16) < 0x110000 else (m.group(2) or ""), style)


def _attributes(written: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")) if value else ""
            for name, value in _ATTRIBUTE.findall(written)}
