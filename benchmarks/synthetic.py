"""Synthetic data packages with the real package's schemas, at any size, for benchmarks.

The article is a headline followed by one template paragraph repeated `n` times. Each
paragraph names its own person and holds four statements: a direct quotation (with a
quote, a person as source, a news outlet as medium and a dated event), a hedged figure,
an authorial sentence with a year and an excluded ordinal, and an indirect percentage
attributed to unnamed observers. Every row is built from the offsets of the text it
points at, so the package satisfies every rule validate.py checks against the pins it is
given: `write_package` also writes, beside the package (never inside it), the synthetic
article's SHA-256 and its reviewed persons (`<dir>.pins.json`), which
benchmarks/validate_synthetic.py passes to `validate_package`. It leaves asserting validity
to the caller (benchmarks/run.py does, before timing anything). Sizes step by 16 rows (one
paragraph) plus 5 fixed rows.

    python benchmarks/synthetic.py OUT_DIR [ROWS]     # write one package, e.g. to inspect it
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from update_hashes import update_hashes  # noqa: E402

TABLES = ["entities", "statements", "attributions", "quotes", "figures", "events",
          "excluded_spans"]
HEADLINE = "Synthetic register shows how leaked lists spread"
OUTLET = "Daily Ledger"
OBSERVERS = "observers"
ROLE = "a researcher at the Institute for Open Records"
FIRST_NAMES = ["Ana", "Boris", "Chen", "Dara", "Elif", "Femi", "Goran", "Hana"]
FIXED_ROWS = 5        # entities article, daily_ledger, observers; the headline statement and its source
ROWS_PER_PARAGRAPH = 16


@dataclass
class Builder:
    """The article text as it grows (a list of pieces, joined once), and the rows pointing into it."""
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def add(self, piece: str) -> tuple[int, str]:
        """Append `piece` to the article; return (its start offset, piece)."""
        start = self.length
        self.pieces.append(piece)
        self.length += len(piece)
        return start, piece

    @staticmethod
    def span_of(part: str, within: tuple[int, str]) -> tuple[int, int]:
        """The offsets of the first `part` inside `within`, a (start, text) piece of the article."""
        start = within[0] + within[1].index(part)
        return start, start + len(part)

    def row(self, table: str, **cells) -> None:
        self.rows[table].append(cells)


def person_name(i: int) -> str:
    """A name no other paragraph uses, made of letters only (digits would be numbers to
    account for), and never a number word or a time word."""
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[(i // 26 ** k) % 26] for k in range(4))
    return f"{FIRST_NAMES[i % len(FIRST_NAMES)]} Kov{letters}ski"


def statement(b: Builder, sid: str, mode: str, cue: str, text: str, sep: str = " ") -> tuple[int, str]:
    if b.length:
        b.add(sep)
    span = b.add(text)
    b.row("statements", id=sid, mode=mode, cue=cue, text=text, start=span[0],
          end=span[0] + len(text), note="")
    return span


def attribution(b: Builder, sid: str, entity: str, role: str = "source") -> None:
    b.row("attributions", statement_id=sid, entity_id=entity, role=role)


def entity(b: Builder, eid: str, name: str, span: tuple[int, int], kind: str, description: str,
           role: tuple[str, tuple[int, int]] | None = None) -> None:
    role_text, (role_start, role_end) = role if role else ("", ("", ""))
    b.row("entities", id=eid, name=name, start=span[0], end=span[1], short_name="", type=kind,
          description=description, role_text=role_text, role_start=role_start, role_end=role_end)


def figure(b: Builder, fid: str, sid: str, text: str, within, value: float, unit: str,
           qualifier: str, upper: str = "") -> None:
    start, end = b.span_of(text, within)
    b.row("figures", id=fid, statement_id=sid, text=text, start=start, end=end, value=value,
          unit=unit, qualifier=qualifier, lower="", upper=upper, measure=f"Synthetic {unit}.")


def event(b: Builder, eid: str, sid: str, text: str, within, date_from: str, date_to: str) -> None:
    start, end = b.span_of(text, within)
    b.row("events", id=eid, statement_id=sid, text=text, start=start, end=end,
          date_from=date_from, date_to=date_to, what="A synthetic event.", context_note="")


def headline(b: Builder) -> None:
    span = statement(b, "s-headline", "authorial", "", HEADLINE)
    entity(b, "article", HEADLINE, b.span_of(HEADLINE, span), "article",
           "The synthetic article itself.")
    attribution(b, "s-headline", "article")


def quotation_sentence(b: Builder, i: int) -> None:
    """“...,” NAME, ROLE, told the Daily Ledger in late March 2021."""
    sid, name = f"s-p{i}-quote", person_name(i)
    quote = "The register is only the start of the story,"
    span = statement(b, sid, "direct_quotation", "told",
                     f"\u201c{quote}\u201d {name}, {ROLE}, told the {OUTLET} in late March 2021.",
                     sep="\n\n")
    q_start, q_end = b.span_of(quote, span)
    b.row("quotes", id=f"q-p{i}", statement_id=sid, text=quote, start=q_start, end=q_end)
    entity(b, f"person_{i}", name, b.span_of(name, span), "person",
           "A researcher at the Institute for Open Records.", (ROLE, b.span_of(ROLE, span)))
    if i == 0:
        entity(b, "daily_ledger", OUTLET, b.span_of(OUTLET, span), "news_outlet",
               "The news outlet the researchers speak to.")
    attribution(b, sid, f"person_{i}")
    attribution(b, sid, "daily_ledger", "medium")
    event(b, f"e-p{i}-interview", sid, "late March 2021", span, "2021" "-03-21", "2021" "-03-31")


def hedged_figure_sentence(b: Builder, i: int) -> None:
    sid, millions = f"s-p{i}-records", 2 + i % 7
    text = f"nearly {millions} million"
    span = statement(b, sid, "hedged", "reportedly", f"The group reportedly holds {text} records.")
    figure(b, f"f-p{i}-records", sid, text, span, millions * 1_000_000, "records", "nearly",
           upper=str(millions * 1_000_000))
    attribution(b, sid, "article")


def authorial_sentence(b: Builder, i: int) -> None:
    sid = f"s-p{i}-founded"
    span = statement(b, sid, "authorial", "", "It was founded in 2019 as the first group of its kind.")
    event(b, f"e-p{i}-founded", sid, "2019", span, "2019" "-01-01", "2019" "-12-31")
    start, end = b.span_of("first", span)
    b.row("excluded_spans", id=f"x-p{i}-first", excluded_from="figures", text="first",
          start=start, end=end, reason="An ordinal: it ranks, it does not count.")
    attribution(b, sid, "article")


def indirect_percent_sentence(b: Builder, i: int) -> None:
    sid, percent = f"s-p{i}-abroad", 10 + i % 80
    text = f"About {percent}%"
    span = statement(b, sid, "indirect", "say", f"{text} of its members live abroad, {OBSERVERS} say.")
    figure(b, f"f-p{i}-abroad", sid, text, span, percent, "percent", "about")
    if i == 0:
        entity(b, "observers", OBSERVERS, b.span_of(OBSERVERS, span), "unnamed_group",
               "Unnamed observers of the group.")
    attribution(b, sid, "observers")


def build(paragraphs: int) -> Builder:
    b = Builder()
    headline(b)
    for i in range(paragraphs):
        quotation_sentence(b, i)
        hedged_figure_sentence(b, i)
        authorial_sentence(b, i)
        indirect_percent_sentence(b, i)
    return b


def paragraphs_for(rows: int) -> int:
    return max(1, round((rows - FIXED_ROWS) / ROWS_PER_PARAGRAPH))


def _csv_text(rows: list[dict], header: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_package(out_dir: Path, rows: int) -> int:
    """Write a valid package of about `rows` rows into `out_dir`; return its exact row count."""
    b = build(paragraphs_for(rows))
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "schema", out_dir / "schema", dirs_exist_ok=True)
    (out_dir / "data" / "article.txt").write_text(b.text, encoding="utf-8", newline="")
    for table in TABLES:
        schema = json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))
        header = [f["name"] for f in schema["fields"]]
        (out_dir / "data" / f"{table}.csv").write_text(
            _csv_text(b.rows[table], header), encoding="utf-8", newline="")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    # No correction; one revision, the synthetic article's snapshot.
    article = b.text.encode("utf-8")
    revisions = [{"version": descriptor["version"], "sha256": hashlib.sha256(article).hexdigest(),
                  "bytes": len(article), "change": "The synthetic snapshot."}]
    for table, records in (("corrections", []), ("article_revisions", revisions)):
        schema = json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))
        (out_dir / "data" / f"{table}.csv").write_text(
            _csv_text(records, [f["name"] for f in schema["fields"]]), encoding="utf-8", newline="")
    descriptor["title"] = f"Synthetic benchmark package ({sum(map(len, b.rows.values()))} rows)"
    (out_dir / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False),
                                              encoding="utf-8")
    update_hashes(out_dir / "datapackage.json")
    pins = {"article_sha256": hashlib.sha256(b.text.encode("utf-8")).hexdigest(),
            "persons": {e["id"]: e["name"] for e in b.rows["entities"] if e["type"] == "person"}}
    pins_file(out_dir).write_text(json.dumps(pins), encoding="utf-8")
    return sum(len(r) for r in b.rows.values()) + len(revisions)


def pins_file(package_dir: Path) -> Path:
    """Where write_package puts the synthetic package's pins: beside it, not inside it."""
    package_dir = Path(package_dir).resolve()
    return package_dir.parent / f"{package_dir.name}.pins.json"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    total = write_package(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print(f"wrote {total} rows to {sys.argv[1]}")
