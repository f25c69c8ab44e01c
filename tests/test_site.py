"""The provenance viewer, docs/index.html, read as HTML (no browser): it is current, built
only from a valid package, every span is marked with its exact text, every row has a panel
and a deep-link target, and the page fetches nothing and keeps the repository's content rules.
The same page in a real browser: tests/test_site_browser.py."""
from __future__ import annotations

import doctest
import hashlib
import json
import re
import struct
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import ROOT, package_rows

VERSION = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]

import build_site  # noqa: E402  (scripts/ is on sys.path, see conftest)
import viewer.build
import viewer.citation
import viewer.contrast
import viewer.figures
import viewer.links
import viewer.markup
import viewer.package
import viewer.panels
import viewer.png
import viewer.spans
import viewer.timeline
from viewer import about
from viewer.contrast import contrast
from viewer.marks import MARKS, PAGE, TEXT
from viewer.package import load
from viewer.page import render_page
from viewer.spans import Span, render_paragraph

PAGE_FILE = ROOT / "docs" / "index.html"
HTML = PAGE_FILE.read_text(encoding="utf-8")
PACKAGE = load(ROOT)
SPAN_TABLES = ("statements", "entities", "quotes", "figures", "events", "excluded_spans")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each marked row."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.texts: dict[tuple[str, str], str] = {}  # (table, id) or ("roles", entity id)
        self.open: list[tuple[str, list]] = []       # (tag, row keys it marks)

    def handle_starttag(self, name, attrs):
        attrs = dict(attrs)
        self.tags.append((name, attrs))
        if name in viewer.markup.VOID:
            return
        keys = []
        if "data-table" in attrs:
            keys.append((attrs["data-table"], attrs["data-id"]))
        keys += [("roles", owner) for owner in attrs.get("data-role-of", "").split()]
        self.open.append((name, keys))
        for key in keys:
            self.texts.setdefault(key, "")

    def handle_endtag(self, name):
        assert self.open and self.open[-1][0] == name, f"</{name}> does not close {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        for _, keys in self.open:
            for key in keys:
                self.texts[key] += data


@pytest.fixture(scope="module")
def page() -> Elements:
    parser = Elements()
    parser.feed(HTML)
    parser.close()
    return parser


def with_attr(page: Elements, name: str) -> list[dict]:
    return [attrs for _, attrs in page.tags if name in attrs]


# -- built from the package, and current ---------------------------------------------------
def test_committed_page_is_current():
    assert build_site.main(["--check"]) == 0, "run python scripts/build_site.py"


def test_building_twice_gives_identical_bytes():
    assert render_page(load(ROOT)).encode("utf-8") == render_page(load(ROOT)).encode("utf-8")


def test_refuses_to_build_from_an_invalid_package(package, capsys):
    package.edit("figures", "f-register-size", value="1950" "001")
    assert build_site.main([], root=package.root) == 1
    out = capsys.readouterr().out
    assert "[faithfulness] data/figures.csv:3:value:" in out and "not built" in out
    assert not (package.root / "docs" / "index.html").exists()


def test_follows_an_edit_of_the_data(package):
    package.edit("entities", "ipac", description="An edited description.")
    (package.root / "CITATION.cff").write_bytes((ROOT / "CITATION.cff").read_bytes())
    page = viewer.build.build_page(package.root)
    assert "An edited description." in page and page != HTML


def test_viewer_doctests():
    for module in (viewer.markup, viewer.spans, viewer.timeline, viewer.contrast, viewer.png,
                   viewer.panels, viewer.links, viewer.build, viewer.figures):
        assert doctest.testmod(module).failed == 0, module.__name__


# -- the article: every span, with its exact text, before any script runs --------------------
def test_every_row_with_a_span_is_marked_with_its_exact_text(page):
    expected = {}
    for name in SPAN_TABLES:
        for row in PACKAGE.tables[name].rows:
            expected[(name, row.key)] = row.values.get("text") or row.values["name"]
    marked = {key: text for key, text in page.texts.items() if key[0] != "roles"}
    assert marked == expected


def test_every_role_span_is_marked_with_its_exact_text(page):
    persons = [r for r in PACKAGE.tables["entities"].rows if r.values["type"] == "person"]
    roles = {key: text for key, text in page.texts.items() if key[0] == "roles"}
    assert roles == {("roles", r.key): r.values["role_text"] for r in persons}
    shared = next(a for a in with_attr(page, "data-role-of") if " " in a["data-role-of"])
    assert shared["data-role-of"] == "marco_rubio mark_warner"


def test_the_article_text_is_the_snapshot_paragraph_by_paragraph(page):
    article = HTML[HTML.index('<div id="article"'):HTML.index("</div>", HTML.index('<div id="article"'))]
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", article, re.S)
    text = [unescape(re.sub(r"<[^>]+>", "", p)) for p in paragraphs]
    assert text == re.findall(r"[^\n]+", PACKAGE.article)


def test_crossing_spans_are_split_into_elements_that_join_to_each_span():
    article = "one two three"
    spans = [Span("quotes", "q", 0, 7), Span("figures", "f", 4, 13), Span("events", "e", 4, 7)]
    parser = Elements()
    parser.feed(render_paragraph(article, 0, len(article), spans))
    assert parser.texts == {("quotes", "q"): "one two", ("figures", "f"): "two three",
                            ("events", "e"): "two"}
    assert sum(1 for _, a in parser.tags if a.get("data-id") == "f") == 2
    assert [a.get("id") for _, a in parser.tags if a.get("data-id") == "f"] == ["figures/f", None]


def test_a_span_across_a_paragraph_break_is_refused(package):
    package.edit("quotes", "q-ipac-mission", start="1400", end="1425")
    with pytest.raises(ValueError, match="crosses a paragraph break"):
        viewer.spans.render_article(load(package.root))


def test_each_row_has_one_deep_link_target_that_is_also_its_tab_stop(page):
    marks = [a for _, a in page.tags if "data-table" in a]
    targets = [a["id"] for a in marks if "id" in a]
    assert sorted(targets) == sorted(f"{t}/{k}" for t, k in page.texts if t != "roles")
    assert all(a.get("tabindex") == "0" for a in marks if "id" in a)
    assert all("tabindex" not in a for a in marks if "id" not in a)


def test_tab_stops_follow_reading_order(page):
    """No positive tabindex anywhere, and the marks' Tab stops in document order start at
    non-decreasing offsets: Tab walks the article in reading order."""
    assert not [a for a in with_attr(page, "tabindex") if int(a["tabindex"]) > 0]
    starts = {}
    for name in SPAN_TABLES:
        for row in PACKAGE.tables[name].rows:
            starts[f"{name}/{row.key}"] = int(row.values["start"])
    stops = [a["id"] for _, a in page.tags if "data-table" in a and "id" in a]
    offsets = [starts[key] for key in stops]
    assert offsets == sorted(offsets)


# -- panels, deep links, tables view, timeline ---------------------------------------------
def test_every_row_of_every_table_has_a_panel_and_a_line_in_the_tables_view(page):
    keys = [row.citation_key for table in PACKAGE.tables.values() for row in table.rows]
    templates = [a["id"] for name, a in page.tags if name == "template"]
    assert templates == [f"panel:{key}" for key in keys]
    lines = [a["data-key"] for name, a in page.tags if name == "tr" and "data-key" in a]
    assert lines == keys
    assert len(keys) == package_rows()


def test_attributions_are_cited_and_linked_as_statement_plus_entity(page):
    ids = {a.get("id") for name, a in page.tags if name == "tr"}
    assert "attributions/s-matsuda-comply+nikkei_asia" in ids
    assert 'href="#statements/s-matsuda-comply"' in HTML and 'href="#entities/nikkei_asia"' in HTML


def panel_of(key: str) -> str:
    start = HTML.index(f'<template id="panel:{key}"')
    return HTML[start:HTML.index("</template>", start)]


def test_a_quotation_panel_names_speakers_medium_citation_and_csv_line():
    panel = panel_of("quotes/q-senators-insidious")
    assert 'href="#entities/marco_rubio">Marco Rubio<' in panel
    assert 'href="#entities/mark_warner">Mark Warner<' in panel
    assert "<strong>Statement's medium: </strong>none named" in panel
    assert f"quotes/q-senators-insidious (v{VERSION})" in panel and 'data-copy="' in panel
    assert 'href="#quotes/q-senators-insidious">index.html#quotes/q-senators-insidious<' in panel
    row = PACKAGE.tables["quotes"].row("q-senators-insidious")
    shown = re.search(r'<pre class="csv">(.*?)</pre>', panel, re.S).group(1)
    assert f"line {row.line}" in panel and unescape(re.sub(r"<[^>]+>", "", shown)) == row.raw
    csv_lines = (ROOT / "data" / "quotes.csv").read_text(encoding="utf-8").split("\n")
    assert csv_lines[row.line - 1] == row.raw
    medium = panel_of("quotes/q-matsuda-comply")
    assert "<strong>Statement's medium: </strong><a href=\"#entities/nikkei_asia\">Nikkei Asia</a>" in medium


def test_every_field_of_a_row_is_in_its_panel_with_its_schema_title():
    panel = panel_of("figures/f-vaccine-developers")
    for field in PACKAGE.tables["figures"].fields:
        assert f"<dt>{field.title}</dt>" in panel


def test_figure_panels_draw_hedge_and_bounds():
    nearly = panel_of("figures/f-members-embedded")
    assert 'class="dot open"' in nearly and "Upper bound 2,000,000, excluded" in nearly
    at_least = panel_of("figures/f-vaccine-developers")
    assert 'class="band"' in at_least and "Lower bound 2, included" in at_least
    about_ = panel_of("figures/f-party-branches")
    assert 'class="band"' not in about_ and "No lower bound implied. No upper bound implied." in about_


def test_event_panels_and_the_timeline_draw_date_intervals(page):
    assert ("From 2020-05-01 to 2020-08-31, both included: 123 days, this row\u2019s reading of "
            "\u201cmid-2020\u201d.") in panel_of("events/e-ipac-founded")
    # a year the words do not print is said to be inferred, in the panel as in the row's note
    assert ("10 days, this row\u2019s reading of \u201cmid-December\u201d (the year is not printed: "
            "it is inferred, as the context note says).") in panel_of("events/e-sky-news-report")
    start = HTML.index('<svg class="timeline"')
    timeline = HTML[start:HTML.index("</svg>", start)]
    links = re.findall(r'<a href="#events/([^"]+)" class="event">.*?'
                       r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', timeline, re.S)
    assert sorted(key for key, _, _ in links) == sorted(r.key for r in PACKAGE.tables["events"].rows)
    width = {key: float(w) for key, _, w in links}
    assert width["e-ipac-founded"] > 10 * width["e-de-pulford-interview"]  # mid-2020 is months wide
    assert width["e-data-removed"] == pytest.approx(width["e-npc-closing-session"] * 366 / 31, rel=0.02)
    assert 'class="break"' in timeline  # 2017 to 2019 are left out


def test_tables_view_has_every_column_with_schema_titles_and_counts(page):
    for name, table in PACKAGE.tables.items():
        start = HTML.index(f'<section class="table" id="table-{name}">')
        section = HTML[start:HTML.index("</section>", start)]
        headers = re.findall(r'<th scope="col" title="[^"]*">([^<]*)</th>', section)
        assert headers == [field.title for field in table.fields]
        count = len(table.rows)
        assert f'data-total="{count}">{count} row{"s" if count != 1 else ""}<' in section
    assert ('<input type="search" id="filter"' in HTML)


def test_unknown_ids_are_answered_politely():
    script = (ROOT / "viewer" / "page.js").read_text(encoding="utf-8")
    assert "Sorry, there is no row" in script and "no table called" in script


# -- header, footer, JSON-LD -----------------------------------------------------------------
def test_header_and_footer_take_their_words_from_the_descriptor_and_citation_cff():
    descriptor = PACKAGE.descriptor
    sentence = about.privacy_sentence(PACKAGE)
    assert sentence.startswith("This package contains no personal data from the leak itself")
    assert sentence[1:] in descriptor["description"]
    assert HTML.count(viewer.markup.esc(sentence)) == 2  # header and footer
    assert viewer.markup.esc(about.article_status(PACKAGE)) in HTML
    assert descriptor["licenses"][0]["path"] in HTML and PACKAGE.article_sha256 in HTML
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    citation = viewer.citation.read_citation(ROOT)
    assert f"(Version {cff['version']}) [Data set]" in citation.text
    assert " ".join(cff["title"].split()) in citation.text
    assert viewer.markup.esc(citation.text) in HTML


def json_ld() -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', HTML, re.S).group(1)
    return json.loads(block)


def test_json_ld_describes_the_dataset_with_the_files_hashes():
    data = json_ld()
    descriptor = PACKAGE.descriptor
    assert data["@type"] == "Dataset" and data["version"] == descriptor["version"]
    assert data["name"] == descriptor["title"] and data["keywords"] == descriptor["keywords"]
    assert data["license"] == descriptor["licenses"][0]["path"] and data["creator"]
    downloads = data["distribution"]
    assert len(downloads) == 9 and {d["@type"] for d in downloads} == {"DataDownload"}
    for download in downloads:
        file = ROOT / "docs" / PurePosixPath(download["contentUrl"])
        assert file.resolve().parent == ROOT / "data" and download["encodingFormat"] == "text/csv"
        assert download["sha256"] == hashlib.sha256(file.read_bytes()).hexdigest()
    article = data["isBasedOn"]
    assert article["name"] == descriptor["sources"][0]["title"]
    assert article["sha256"] == hashlib.sha256((ROOT / "data" / "article.txt").read_bytes()).hexdigest()
    assert not {"url", "contentUrl", "sameAs", "identifier"} & set(article)


# -- legend, colours, keyboard, print, no script ---------------------------------------------
def test_legend_has_a_checked_toggle_for_every_kind_of_mark(page):
    boxes = [a for name, a in page.tags if name == "input" and a.get("type") == "checkbox"]
    assert [b["data-kind"] for b in boxes] == [m.kind for m in MARKS]
    assert all("checked" in b and b["id"] == f"show-{b['data-kind']}" for b in boxes)
    for mark in MARKS:
        assert f'class="m m-{mark.kind}"' in HTML, f"no {mark.kind} mark in the article"


def test_mark_colours_keep_wcag_aa_contrast_and_marks_differ_by_more_than_colour():
    for mark in MARKS:
        if mark.background:
            assert contrast(TEXT, mark.background) >= 4.5, mark.kind  # text on the mark
            assert contrast(mark.line, mark.background) >= 3, mark.kind
        assert contrast(mark.line, PAGE) >= 3, mark.kind  # the line against the page (1.4.11)
    assert contrast(TEXT, PAGE) >= 7
    assert len({m.style for m in MARKS}) == len(MARKS)
    assert len({m.print_css for m in MARKS if "none" not in m.print_css}) == len(MARKS) - 1


def test_print_stylesheet_hides_the_panel_and_underlines_the_marks():
    printed = HTML[HTML.rindex("@media print {"):]
    assert re.search(r"\.panel[^{]*\{ display: none !important; \}", HTML)
    assert "background: none !important" in printed and "text-decoration: underline" in printed


def test_script_only_controls_are_hidden_without_the_script(page):
    controls = [a for _, a in page.tags if "js-only" in a.get("class", "")]
    assert controls and all("hidden" in a for a in controls)


# -- nothing fetched (the content rules are validate.py's privacy layer, run on the page too) --
def test_the_page_fetches_nothing(page):
    assert not [name for name, _ in page.tags if name in ("link", "img", "iframe", "object", "embed")]
    assert not [a for _, a in page.tags if "src" in a or "srcset" in a or "poster" in a]
    assert "@import" not in HTML and "url(" not in HTML
    external = [a["href"] for _, a in page.tags
                if a.get("href", "").startswith(("http:", "https:", "//"))]
    assert external == [PACKAGE.descriptor["licenses"][0]["path"]]  # a link to follow, not a load


@pytest.mark.parametrize("name, size", [("screenshot.png", (1200, 800)),
                                        ("screenshot-phone.png", (390, 844))])
def test_screenshot_is_a_small_png_without_metadata(name, size):
    png = (ROOT / "docs" / name).read_bytes()
    kinds = [kind for kind, _ in viewer.png.chunks(png)]
    assert set(kinds) <= viewer.png.KEPT and kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert struct.unpack(">II", png[16:24]) == size and len(png) < 400_000
