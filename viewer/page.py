"""The whole page: one self-contained HTML file, its CSS and script inline.

Reading order of the page: header (title, version, privacy, licence, the snapshot's status
and hash), legend, the article with every span marked, the timeline of events, every table,
and a footer on how to cite. The panels of all rows follow as templates, then the script.
Nothing is fetched when the page loads; the only URLs are links a reader may follow.
"""
from __future__ import annotations

from pathlib import Path

from . import about
from .citation import read_citation
from .markup import esc, tag, text
from .marks import MARKS, mark_css
from .package import Package
from .panels import templates
from .spans import render_article
from .tables_view import tables_view
from .timeline import timeline_svg

HERE = Path(__file__).resolve().parent


def render_page(package: Package) -> str:
    """The page's HTML, the same bytes for the same package."""
    descriptor = package.descriptor
    css = (HERE / "page.css").read_text(encoding="utf-8") + "\n" + mark_css()
    script = (HERE / "page.js").read_text(encoding="utf-8")
    head = "\n".join([
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        text("title", None, f"{descriptor['title']} (version {package.version})"),
        tag("meta", {"name": "description", "content": about.dataset_description(package)}),
        tag("style", None, "\n" + css),
        about.json_ld_script(package),
    ])
    body = "\n".join([
        text("a", {"class": "skip", "href": "#article"}, "Skip to the article"),
        _header(package),
        tag("main", None, _article(package), _timeline(package), _tables(package)),
        _footer(package),
        _panel(),
        tag("div", {"id": "panels", "hidden": True}, "\n" + templates(package) + "\n"),
        tag("script", None, "\n" + script),
    ])
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + head + "\n</head>\n"
            + tag("body", {"data-version": package.version}, "\n" + body + "\n") + "\n</html>\n")


def _header(package: Package) -> str:
    descriptor = package.descriptor
    licence = descriptor["licenses"][0]
    article = package.resource("article")
    facts = [
        ("Version", esc(package.version)),
        ("Licence", text("a", {"href": licence["path"], "rel": "license"}, licence["name"])
         + " " + esc(f"({licence['title']})")),
        ("Article", text("code", None, article["path"]) + ". " + esc(about.article_status(package))),
        ("SHA-256", text("code", None, package.article_sha256)),
        ("Files", text("a", {"href": "../datapackage.json"}, "datapackage.json") + ", "
         + text("a", {"href": "data-dictionary.md"}, "data dictionary") + ", "
         + text("a", {"href": "datasheet.md"}, "datasheet")),
    ]
    return tag("header", None,
               tag("p", {"class": "kicker"}, "Data package ", text("code", None, descriptor["name"]),
                   f", version {esc(package.version)}"),
               text("h1", None, descriptor["title"]),
               tag("p", {"class": "lede"},
                   "The news article that this dataset renders as tables, with every row that has "
                   "a span marked where the article prints it (an attribution, which has none, links "
                   "its statement and entity). Select a mark (click it, or Tab to it "
                   "and press Enter) to see its row, its statement, sources and medium, and how to "
                   "cite it."),
               tag("p", {"class": "privacy"}, tag("strong", None, "Privacy. "),
                   esc(about.privacy_sentence(package))),
               tag("dl", {"class": "facts"},
                   *(text("dt", None, name) + tag("dd", None, value) for name, value in facts)),
               tag("nav", {"class": "sections", "aria-label": "Sections"},
                   *(text("a", {"href": f"#{anchor}"}, label) for anchor, label in
                     (("article-section", "Article"), ("timeline", "Timeline"),
                      ("tables", "Tables"), ("cite", "How to cite")))))


def _legend() -> str:
    """One checkbox per kind of mark, each label drawn in that kind's style."""
    boxes = [tag("label", None,
                 tag("input", {"type": "checkbox", "id": f"show-{mark.kind}", "data-kind": mark.kind,
                               "checked": True}),
                 text("span", {"class": f"swatch m-{mark.kind}"}, mark.label),
                 text("span", {"class": "visually-hidden"}, f" ({mark.style})"))
             for mark in MARKS]
    return tag("section", {"class": "legend", "id": "legend", "aria-label": "Legend"}, *boxes)


def _legend_hint() -> str:
    return tag("p", {"class": "hint"},
               "Untick a kind in the legend to turn its marks off. Colours aside, each kind has "
               "its own line style: ", esc("; ".join(f"{m.label.lower()}, {m.style}" for m in MARKS)),
               ". Marks nest: a figure inside a quotation inside a statement.")


def _article(package: Package) -> str:
    source = package.descriptor["sources"][0]
    return tag("section", {"id": "article-section", "aria-labelledby": "article-title"},
               text("h2", {"id": "article-title"}, "The article"),
               tag("p", {"class": "source"}, esc(package.resource("article")["description"])),
               tag("p", {"class": "source"}, esc(source["description"])),
               _legend_hint(),
               _legend(),
               tag("div", {"id": "article", "tabindex": "-1"}, "\n" + render_article(package) + "\n"))


def _timeline(package: Package) -> str:
    events = list(package.tables["events"].rows)
    return tag("section", {"id": "timeline", "aria-labelledby": "timeline-title"},
               text("h2", {"id": "timeline-title"}, "Timeline of the dated events"),
               tag("figure", None, tag("div", {"class": "scroll"}, timeline_svg(events)),
                   tag("figcaption", None,
                       "Each bar runs from the first to the last day its words can denote "
                       "(events.date_from to events.date_to, both included), so a vague "
                       "expression is a long bar. Only the years that an event touches are "
                       "drawn; slanted strokes mark the years left out. Select a bar or its "
                       "label to see the event in the article.")))


def _tables(package: Package) -> str:
    return tag("section", {"id": "tables", "aria-labelledby": "tables-title"},
               text("h2", {"id": "tables-title"}, "The tables"), tables_view(package))


def _footer(package: Package) -> str:
    citation = read_citation(package.root)
    return tag("footer", {"id": "cite"},
               text("h2", None, "How to cite"),
               text("p", None, citation.message),
               text("p", {"class": "reference"}, citation.text),
               tag("p", None, "One row: its panel gives its citation, ",
                   text("code", None, f"<table>/<id> (v{package.version})"), "."),
               tag("p", None, tag("strong", None, "Privacy. "), esc(about.privacy_sentence(package))),
               tag("p", None, "Article snapshot SHA-256: ", text("code", None, package.article_sha256)),
               text("p", None, f"Generated by scripts/build_site.py from the files of version "
                               f"{package.version}, after validate.py passed them."))


def _panel() -> str:
    return tag("aside", {"id": "panel", "class": "panel", "role": "dialog", "aria-modal": "false",
                         "aria-labelledby": "panel-title", "tabindex": "-1", "hidden": True},
               text("button", {"type": "button", "id": "panel-close", "class": "panel-close",
                               "aria-label": "Close the panel (Escape)"}, "Close"),
               tag("h2", {"id": "panel-title"}),
               tag("div", {"id": "panel-body"}))
