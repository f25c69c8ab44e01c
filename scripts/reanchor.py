#!/usr/bin/env python3
"""Re-anchor every row to a revised snapshot of the article.

    python scripts/reanchor.py NEW_ARTICLE            # re-anchor, if every row can be
    python scripts/reanchor.py --dry-run NEW_ARTICLE  # print the report, write nothing

Each row's span is looked for in the revised text: at its old offsets (unchanged), or found
again exactly, where it can be placed without doubt (moved). A span that occurs more than
once is placed by the text around it, as a W3C TextQuoteSelector's prefix and suffix, or
Hypothesis's anchoring, would place it: the occurrence whose surroundings agree best with the
old span's, and only if no other agrees as well. A span that is not found exactly is changed
(the revised text holds something close, which difflib finds) or gone (nothing close). The
tool never rewrites a row's text: a changed or gone row needs a person.

Only when every row is unchanged or moved does it write anything: the new snapshot, the new
offsets, the snapshot's size and hash wherever they are pinned (the descriptor, the
validator's pin, the citation and the documents), the example rows the documents show, and
everything generated from them (the hashes, the data dictionary, the validation rules and the
page). It first builds all of it in a copy of the repository and validates the copy; if the
copy does not validate (the revised text prints a number no row holds, say), it writes
nothing and prints the findings. Then it replaces each changed file by a renamed temporary
file, restoring every file it had replaced if one fails.

Exit codes: 0 re-anchored (with --dry-run: would be), 1 rows or findings need a person and
nothing was written, 2 usage error (no such file, not UTF-8, a package that does not validate).
"""
from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator import corrections  # noqa: E402
from validator.corrections import changelog_sections, version_key  # noqa: E402
from validator.listing import repository_files  # noqa: E402
from validator.models import SPAN_COLUMNS  # noqa: E402

ARTICLE = "data/article.txt"
STATUSES = ("unchanged", "moved", "changed", "gone")
CONTEXT = 32          # code points of prefix and suffix compared, as Hypothesis stores them
SURE_LENGTH = 20      # a text this long, found exactly once, is placed whatever surrounds it
SURE_CONTEXT = 0.5    # a shorter one, or one of several, must have surroundings this alike
MARGIN = 0.1          # and the occurrence chosen among several must be this much more alike
CLOSE = 0.5           # difflib's ratio from which a candidate is "changed" rather than "gone"
# The generators run in the copy, in this order, before it is validated.
GENERATORS = (["scripts/update_hashes.py"], ["scripts/build_data_dictionary.py"], ["scripts/build_docs.py"],
              ["scripts/build_release.py", "--readme"], ["scripts/build_site.py"])


class Span(NamedTuple):
    """One span of one row: its table, row id, the columns holding it, its text and offsets."""
    table: str
    id: str
    column: str
    start_column: str
    end_column: str
    text: str
    start: int
    end: int
    statement: str | None = None  # the statement the row is in (its statement_id), if any

    @property
    def label(self) -> str:
        where = f"{self.table}/{self.id}"
        return where if self.column in ("text", "name") else f"{where} ({self.column})"


class Placement(NamedTuple):
    """Where a span is in the revised text: its status, its new offsets (unchanged and moved),
    the closest text there (changed) and why it needs a person (changed and gone)."""
    span: Span
    status: str
    start: int | None = None
    end: int | None = None
    candidate: str | None = None
    why: str = ""
    reviewable: bool = False  # its text is found exactly; what changed is around it (--reviewed)

    @property
    def needs_a_person(self) -> bool:
        return self.status in ("changed", "gone")


class UsageError(Exception):
    """What is wrong with the invocation or the package; nothing has been written."""


# ---- reading the rows ------------------------------------------------------------------------

def read_table(root: Path, table: str) -> list[dict[str, str]]:
    with open(root / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def spans_of(root: Path) -> list[Span]:
    """Every span of every row, in table order and row order (an empty optional span skipped)."""
    found = []
    for table, columns in SPAN_COLUMNS.items():
        for row in read_table(root, table):
            key = next(iter(row.values()))
            for text, start, end in columns:
                if row.get(text):
                    found.append(Span(table, key, text, start, end, row[text], int(row[start]), int(row[end]),
                                      row.get("statement_id") or None))
    return found


# ---- placing a span --------------------------------------------------------------------------

class Alignment:
    """difflib's alignment of the old text with the new: where an old offset went. The whole
    lines the two begin and end with alike are kept in place as they are, and difflib aligns
    what lies between (a revision changes a few passages: aligning the whole text, character
    by character, takes a good part of a second). Whole lines, so that a passage removed from
    a line is not read as the start of the next one that begins the same way."""

    def __init__(self, old: str, new: str):
        same_start = old.rfind("\n", 0, len(os.path.commonprefix((old, new)))) + 1
        alike_end = len(os.path.commonprefix((old[same_start:][::-1], new[same_start:][::-1])))
        line_after = old.find("\n", len(old) - alike_end)
        same_end = len(old) - line_after - 1 if line_after >= 0 else 0
        old_end, new_end = len(old) - same_end, len(new) - same_end
        between = difflib.SequenceMatcher(None, old[same_start:old_end], new[same_start:new_end],
                                          autojunk=False).get_opcodes()
        self.opcodes = ([("equal", 0, same_start, 0, same_start)] if same_start else []) + [
            (tag, i1 + same_start, i2 + same_start, j1 + same_start, j2 + same_start)
            for tag, i1, i2, j1, j2 in between] + (
            [("equal", old_end, len(old), new_end, len(new))] if same_end else [])

    def position(self, offset: int, side: str) -> tuple[int, bool]:
        """The new offset of an old one, as a span's `side` ("start" or "end"), and whether it
        lies in text the revision kept (so the new offset is exact)."""
        for tag, i1, i2, j1, j2 in self.opcodes:
            inside = i1 <= offset < i2 if side == "start" else i1 < offset <= i2
            if inside:
                if tag == "equal":
                    return j1 + offset - i1, True
                return (j1 if side == "start" else j2), False
        last = self.opcodes[-1] if self.opcodes else ("equal", 0, 0, 0, 0)
        return last[4], False


def context_agreement(old: str, span: Span, new: str, at: int) -> float:
    """How alike, from 0 to 1, the span's prefix and suffix (up to `CONTEXT` code points each)
    are to as many code points around an occurrence at `at` in the new text (difflib's ratio,
    averaged over the sides the old span has)."""
    end = at + len(span.text)
    prefix, suffix = old[max(0, span.start - CONTEXT):span.start], old[span.end:span.end + CONTEXT]
    sides = [(prefix, new[max(0, at - len(prefix)):at]), (suffix, new[end:end + len(suffix)])]
    ratios = [difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in sides if a]
    return sum(ratios) / len(ratios) if ratios else 1.0


def occurrences(text: str, within: str) -> list[int]:
    """Every offset at which `text` occurs in `within`, overlapping ones too."""
    found, at = [], within.find(text)
    while at >= 0:
        found.append(at)
        at = within.find(text, at + 1)
    return found


def place(span: Span, old: str, new: str, alignment: Alignment) -> Placement:
    """Where `span`, a span of `old`, is in `new`: the occurrence of its text that the revision
    kept in place (difflib aligns it with the old one) with all its surroundings; else its only
    occurrence, if it is long or its surroundings agree; else the one occurrence whose
    surroundings agree best, by a margin."""
    found = occurrences(span.text, new)
    if not found:
        return _not_found(span, new, alignment)
    agreement = {at: context_agreement(old, span, new, at) for at in found}
    start, kept_start = alignment.position(span.start, "start")
    end, kept_end = alignment.position(span.end, "end")
    if kept_start and kept_end and end - start == len(span.text) and agreement.get(start) == 1.0:
        best = start  # kept in place by the revision, with all its surroundings
    else:
        ranked = sorted(((score, at) for at, score in agreement.items()), reverse=True)
        score, best = ranked[0]
        if len(ranked) > 1 and (score < SURE_CONTEXT or score - ranked[1][0] < MARGIN):
            return Placement(span, "changed", candidate=span.text,
                             why=f"the text occurs {len(found)} times in the revised article and its surroundings "
                                 f"do not say which occurrence it is (best at {best}, {score:.0%} alike, "
                                 f"then at {ranked[1][1]}, {ranked[1][0]:.0%})")
        if len(span.text) < SURE_LENGTH and score < SURE_CONTEXT:
            return Placement(span, "changed", candidate=span.text,
                             why=f"the text occurs once, at {best}-{best + len(span.text)}, but what surrounds it "
                                 f"is only {score:.0%} alike what surrounded it: check that it is the same passage")
    grown = _grown(old, span.start, span.end, new, best, best + len(span.text))
    if grown:
        return Placement(span, "changed", best, best + len(span.text), new[max(0, best - 8):best + len(span.text) + 8],
                         f"the text is there, but {grown}: the expression it belongs to may be longer now")
    status = "unchanged" if best == span.start else "moved"
    return Placement(span, status, best, best + len(span.text))


# What, touching a span's end, continues its expression: a letter or digit, an apostrophe, a
# hyphen or dash; or a point, comma, colon or slash with a letter or digit beyond it.
_CONTINUES_AFTER = re.compile(r"[\w'\u2019\-\u2010\u2011\u2013]|[.,:/]\w")
_CONTINUES_BEFORE = re.compile(r"(?:[\w'\u2019\-\u2010\u2011\u2013]|\w[.,:/])$")


def _grown(old: str, start: int, end: int, new: str, at: int, until: int) -> str:
    """Why the span at `at`-`until` of `new` may be part of a longer expression than it was at
    `start`-`end` of `old` (what touches it changed, and now continues it), or ""."""
    before, after = new[max(0, at - 2):at], new[until:until + 2]
    if after != old[end:end + 2] and _CONTINUES_AFTER.match(after):
        return f"what follows it is now {after!r} (was {old[end:end + 2]!r})"
    if before != old[max(0, start - 2):start] and _CONTINUES_BEFORE.search(before):
        return f"what precedes it is now {before!r} (was {old[max(0, start - 2):start]!r})"
    return ""


def _not_found(span: Span, new: str, alignment: Alignment) -> Placement:
    start, _ = alignment.position(span.start, "start")
    end, _ = alignment.position(span.end, "end")
    candidate = new[start:end] if end > start else ""
    ratio = difflib.SequenceMatcher(None, span.text, candidate, autojunk=False).ratio() if candidate else 0.0
    if ratio >= CLOSE:
        return Placement(span, "changed", start, end, candidate,
                         f"the text is not in the revised article; where it was, the revision prints "
                         f"something close ({ratio:.1%} alike)")
    return Placement(span, "gone", candidate=candidate or None,
                     why="the text is not in the revised article, nor anything close where it was")


def reanchor(old: str, new: str, spans: list[Span], reviewed: frozenset[str] = frozenset()) -> list[Placement]:
    """Each span's placement in `new`. A span that is not the old text's at its offsets but is
    the new text's (a row a person has already written or edited for the revision) is
    unchanged; one that is neither's is refused. Then what a revision changes around a found
    span (`in_context`) needs a person, unless its label is among `reviewed`."""
    alignment = Alignment(old, new)
    placements, wrong = [], []
    for span in spans:
        if old[span.start:span.end] == span.text:
            placements.append(place(span, old, new, alignment))
        elif new[span.start:span.end] == span.text:
            placements.append(Placement(span, "unchanged", span.start, span.end))
        else:
            wrong.append(span.label)
    if wrong:
        raise UsageError(f"spans that are neither the current article's nor the revised one's "
                         f"({', '.join(wrong[:5])}{', ...' if len(wrong) > 5 else ''}): run validate.py")
    placements = in_context(placements)
    confirmable = {p.span.label for p in placements if p.reviewable}
    unknown = sorted(set(reviewed) - confirmable)
    if unknown:
        raise UsageError(f"--reviewed {', '.join(unknown)}: not a row whose text is found and whose "
                         f"surroundings this revision asks a person to check")
    return [p._replace(status="unchanged" if p.start == p.span.start else "moved", why="", reviewable=False)
            if p.reviewable and p.span.label in reviewed else p for p in placements]


def in_context(placements: list[Placement]) -> list[Placement]:
    """A found statement whose statement before it in the article is another than before needs
    a person: a statement is read in the light of the one before it (“Its mission”, “the
    statement said”, “that month”, “the English-language publication”). So does a found row
    inside a statement that needs a person: it is read in the light of its statement."""
    def preceding(key) -> dict[str, str | None]:
        ordered = sorted((p for p in placements if p.span.table == "statements" and p.start is not None),
                         key=key)
        return {p.span.id: (ordered[i - 1].span.id if i else None) for i, p in enumerate(ordered)}
    before = preceding(lambda p: p.span.start)
    after = preceding(lambda p: p.start)
    result = []
    for p in placements:
        if p.span.table == "statements" and not p.needs_a_person and before.get(p.span.id) != after.get(p.span.id):
            p = p._replace(status="changed", candidate=p.span.text, reviewable=True,
                           why=f"the statement before it is now {after.get(p.span.id) or 'none'} (was "
                               f"{before.get(p.span.id) or 'none'}): check that it reads as it did there")
        result.append(p)
    asked = {p.span.id for p in result if p.span.table == "statements" and p.needs_a_person}
    return [p._replace(status="changed", candidate=p.span.text, reviewable=True,
                       why=f"its statement {p.span.statement} needs a person: check the row against it")
            if p.span.statement in asked and not p.needs_a_person else p for p in result]


# ---- what is written -------------------------------------------------------------------------

def table_text(rows: list[dict[str, str]], header: list[str] | None = None) -> str:
    """The rows as the package's CSV files hold them (a header, then a line each, \\n ended)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header or list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def rewritten_tables(root: Path, placements: list[Placement]) -> dict[str, str]:
    """The tables whose offsets change, as (path, new text); only offsets are rewritten."""
    moved: dict[str, dict[tuple[str, str], Placement]] = {}
    for placement in placements:
        if placement.status == "moved":
            moved.setdefault(placement.span.table, {})[(placement.span.id, placement.span.column)] = placement
    written = {}
    for table, by_row in moved.items():
        rows = read_table(root, table)
        for row in rows:
            key = next(iter(row.values()))
            for (row_id, column), placement in by_row.items():
                if row_id == key:
                    row[placement.span.start_column] = str(placement.start)
                    row[placement.span.end_column] = str(placement.end)
        written[f"data/{table}.csv"] = table_text(rows)
    return written


def csv_lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def example_rows(root: Path, files: list[str], tables: dict[str, str]) -> dict[str, str]:
    """The documents whose CSV blocks show a row whose offsets change, with the row's new line."""
    changed = {}
    for path, text in tables.items():
        old = csv_lines((root / path).read_text(encoding="utf-8"))
        new = csv_lines(text)
        changed.update({a: b for a, b in zip(old, new) if a != b})
    written = {}
    for name in files:
        if not name.endswith(".md") or not changed:
            continue
        text = (root / name).read_text(encoding="utf-8")

        def block(match: re.Match) -> str:
            return match.group(1) + "\n".join(changed.get(line, line) for line in match.group(2).split("\n")) \
                + match.group(3)
        edited = re.sub(r"(^```csv\n)(.*?)(\n```$)", block, text, flags=re.MULTILINE | re.DOTALL)
        if edited != text:
            written[name] = edited
    return written


def pinned(root: Path, files: list[str], old: bytes, new: bytes) -> dict[str, str]:
    """Every text file outside tests/ that names the snapshot's SHA-256, with the new one, and
    the snapshot's size where the same file states it (“4,375 bytes”, “4,375-byte”)."""
    old_hash, new_hash = hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()
    written = {}
    for name in files:
        if name.startswith("tests/") or name == ARTICLE:
            continue
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if old_hash not in text:
            continue
        text = text.replace(old_hash, new_hash)
        for form in ("{:,} bytes", "{:,}-byte"):
            text = text.replace(form.format(len(old)), form.format(len(new)))
        written[name] = text
    return written


# ---- the record of the revision -------------------------------------------------------------

def newest_release(root: Path) -> str | None:
    """The newest version CHANGELOG.md releases, if any."""
    return corrections.newest_release(changelog_sections(root) or {})


def next_version(root: Path) -> str:
    """The next patch version after the newest one CHANGELOG.md releases: what a re-anchoring is
    (CONTRIBUTING.md, "Versions")."""
    return corrections.next_versions(newest_release(root) or "0.0.0")[0]


def appended(root: Path, table: str, rows: list[dict[str, str]]) -> str:
    """`table`'s CSV text with `rows` after its own. Where a row has the same key (one cell
    changed twice in one version), the row already there keeps its old value, kind and reason,
    and takes the new value; a re-anchoring that leaves a cell as it was is dropped. No other
    row is touched."""
    path = root / "data" / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, existing = reader.fieldnames, list(reader)
    key = ("version", "table_name", "row_id", "field") if table == "corrections" else ("sha256",)
    index = {tuple(row[k] for k in key): row for row in existing}
    for row in rows:
        old = index.get(tuple(row[k] for k in key))
        if old is None:
            existing.append(row)
            index[tuple(row[k] for k in key)] = row
        elif table == "corrections":
            old["new_value"] = row["new_value"]
            if old["kind"] == "reanchoring" and old["old_value"] == old["new_value"]:
                existing.remove(old)
                del index[tuple(row[k] for k in key)]
    return table_text(existing, header)


def recorded(root: Path, placements: list[Placement], new: bytes, version: str, change: str) -> dict[str, str]:
    """The revision as data: a row of article_revisions for the new snapshot, a row of
    corrections (kind reanchoring) for each offset that moves, and a line in CHANGELOG.md."""
    digest = hashlib.sha256(new).hexdigest()
    reason = f"The article was revised (snapshot {digest}); the span's text is unchanged."
    corrections = [{"version": version, "table_name": p.span.table, "row_id": p.span.id, "field": column,
                    "old_value": str(old), "new_value": str(value), "kind": "reanchoring", "reason": reason}
                   for p in placements if p.status == "moved"
                   for column, old, value in ((p.span.start_column, p.span.start, p.start),
                                              (p.span.end_column, p.span.end, p.end))]
    revision = {"version": version, "sha256": digest, "bytes": str(len(new)), "change": change}
    moved = sum(p.status == "moved" for p in placements)
    entry = (f"- The article was revised: {change.rstrip('.')}. Snapshot `{digest}`; {moved} spans "
             f"re-anchored by `scripts/reanchor.py`, as `data/corrections.csv` and "
             f"`data/article_revisions.csv` record.\n")
    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    if "## [Unreleased]\n" not in text:
        first = text.index("\n## [")
        text = text[:first] + "\n## [Unreleased]\n" + text[first:]
    head, rest = text.split("## [Unreleased]\n", 1)
    section, tail = (rest.split("\n## [", 1) + [""])[:2]
    if "### Changed\n" in section:
        section = section.replace("### Changed\n", "### Changed\n" + entry, 1)
    else:
        section = "\n### Changed\n" + entry + section
    text = head + "## [Unreleased]\n" + section + ("\n## [" + tail if tail else "")
    return {"data/corrections.csv": appended(root, "corrections", corrections),
            "data/article_revisions.csv": appended(root, "article_revisions", [revision]),
            "CHANGELOG.md": text}


# ---- the copy, and writing back --------------------------------------------------------------

def staged(root: Path, files: list[str], edits: dict[str, str | bytes]) -> tuple[dict[str, bytes], list[str]]:
    """Build the re-anchored repository in a copy: `edits` written, the generators run. Returns
    every file of the copy that differs from `root`'s, and validate.py's findings in the copy
    (none: it may be written back)."""
    with tempfile.TemporaryDirectory(prefix="reanchor-") as folder:
        copy = Path(folder)
        for name in files:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / name, copy / name)
            shutil.copymode(root / name, copy / name)
        for name, content in edits.items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (copy / name).write_bytes(data)
        environ = os.environ | {"PYTHONDONTWRITEBYTECODE": "1"}
        for command in GENERATORS:
            done = subprocess.run([sys.executable, *command], cwd=copy, env=environ, capture_output=True, text=True)
            if done.returncode != 0 and command[0] != "scripts/build_site.py":
                return {}, [f"{' '.join(command)} failed: {(done.stdout + done.stderr).strip()[-2000:]}"]
        done = subprocess.run([sys.executable, "validate.py", "--json"], cwd=copy, env=environ,
                              capture_output=True, text=True)
        try:
            findings = json.loads(done.stdout).get("findings", [])
        except json.JSONDecodeError:
            return {}, [f"validate.py failed: {(done.stdout + done.stderr).strip()[-2000:]}"]
        if done.returncode != 0 or findings:
            listed = [f"[{f['layer']}] {_place(f)}: {f['message']}" for f in findings] or ["validate.py failed"]
            if findings and all(f["layer"] == "privacy" for f in findings):
                listed += _exception_rows(copy, environ)
            return {}, listed
        changed = {}
        for name in files:
            content = (copy / name).read_bytes()
            if content != (root / name).read_bytes():
                changed[name] = content
        return changed, []


def _exception_rows(copy: Path, environ: dict) -> list[str]:
    """The rows of privacy-exceptions.csv for the copy's privacy findings, with what to do: a
    SHA-256 digest written where it is pinned can look like a date or a phone number."""
    done = subprocess.run([sys.executable, "validate.py", "--exception-rows"], cwd=copy, env=environ,
                          capture_output=True, text=True)
    rows = list(dict.fromkeys(done.stdout.strip().splitlines()[1:]))  # each once, in order
    if not rows:
        return []
    return ["where a finding is the new snapshot's SHA-256 (a digest can look like a date or a phone number), "
            "check it, add its row to privacy-exceptions.csv with the reason, and run again (print these rows "
            "only where no one else reads them):", *(f"  {row}" for row in rows)]


def _place(finding: dict) -> str:
    return ":".join(str(part) for part in (finding.get("resource") or "datapackage.json", finding.get("row"),
                                           finding.get("field")) if part is not None)


def write_back(root: Path, changed: dict[str, bytes]) -> None:
    """Replace each file by a renamed temporary one; if any fails, put back every one replaced."""
    temporaries, replaced = {}, []
    try:
        for name, content in changed.items():
            target = root / name
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, target.stat().st_mode & 0o777)
            temporaries[name] = temporary
        originals = {name: (root / name).read_bytes() for name in changed}
        for name, temporary in temporaries.items():
            os.replace(temporary, root / name)
            replaced.append(name)
    except BaseException:
        for name in replaced:
            (root / name).write_bytes(originals[name])
        raise
    finally:
        for temporary in temporaries.values():
            if os.path.exists(temporary):
                os.unlink(temporary)


# ---- the command -----------------------------------------------------------------------------

class Outcome(NamedTuple):
    placements: list[Placement]
    findings: list[str]      # validate.py's, in the re-anchored copy
    changed: dict[str, bytes]  # the files that are (or, on a dry run, would be) written

    @property
    def applicable(self) -> bool:
        return not self.findings and not any(p.needs_a_person for p in self.placements)


def plan(root: Path, new: bytes, version: str | None = None, change: str | None = None,
         reviewed: frozenset[str] = frozenset()) -> Outcome:
    """Re-anchor `root`'s rows to the article `new`, in a copy: what would be written, or why not."""
    old = (root / ARTICLE).read_bytes()
    try:
        new_text = new.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"the revised article is not UTF-8: {error}") from None
    if not new_text.strip():
        raise UsageError("the revised article is empty")
    if new_text.startswith("\ufeff"):
        raise UsageError("the revised article starts with a byte order mark; save it as UTF-8 without one")
    newest = newest_release(root)
    if version is not None and newest is not None and version_key(version) <= version_key(newest):
        raise UsageError(f"--version {version} is released already (CHANGELOG.md's newest release is {newest}); "
                         f"expected a newer one")
    old_text = old.decode("utf-8")
    placements = reanchor(old_text, new_text, spans_of(root), reviewed)
    if any(p.needs_a_person for p in placements) or new == old:
        return Outcome(placements, [], {})
    files = repository_files(root)
    tables = rewritten_tables(root, placements)
    edits: dict[str, str | bytes] = {**pinned(root, files, old, new), **example_rows(root, files, tables), **tables}
    edits.update(recorded(root, placements, new, version or next_version(root),
                          change or "a revision whose every span is found again"))
    edits[ARTICLE] = new
    changed, findings = staged(root, files, edits)
    return Outcome(placements, findings, changed)


def report(outcome: Outcome, applied: bool) -> str:
    counts = {status: sum(p.status == status for p in outcome.placements) for status in STATUSES}
    lines = [f"{len(outcome.placements)} spans: " + ", ".join(f"{n} {status}" for status, n in counts.items())]
    for p in outcome.placements:
        if p.status == "moved":
            lines.append(f"  moved      {p.span.label}: {p.span.start}-{p.span.end} -> {p.start}-{p.end}")
    review = [p for p in outcome.placements if p.needs_a_person]
    if review:
        lines.append(f"{len(review)} spans need a person (table, id, old text, best candidate, why):")
        for p in review:
            lines += [f"  {p.status:<10} {p.span.label} at {p.span.start}-{p.span.end}",
                      f"    old text:  {p.span.text!r}",
                      f"    candidate: {p.candidate!r}" + (f" at {p.start}-{p.end}" if p.start is not None else ""),
                      f"    why:       {p.why}"]
            if p.reviewable:
                lines.append(f"    checked, and it still reads as it did? run again with --reviewed {p.span.label}")
    if outcome.findings:
        lines.append(f"re-anchored, the package does not validate ({len(outcome.findings)} findings): "
                     "the revised text needs rows or exclusions a person writes")
        lines += [f"  {finding}" for finding in outcome.findings]
    if not outcome.applicable:
        lines.append("nothing was written")
    elif not outcome.changed:
        lines.append("the revised article is the snapshot: nothing to write")
    else:
        verb = "written" if applied else "would be written (dry run)"
        lines.append(f"{len(outcome.changed)} files {verb}: {', '.join(sorted(outcome.changed))}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="reanchor.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("article", help="the revised text of the article (UTF-8)")
    parser.add_argument("--dry-run", action="store_true", help="print the report; write nothing")
    parser.add_argument("--version", help="the version that publishes the revision (default: the next patch "
                                          "version after CHANGELOG.md's newest release)")
    parser.add_argument("--change", help="what changed in the article, for article_revisions.csv and CHANGELOG.md")
    parser.add_argument("--reviewed", action="append", default=[], metavar="TABLE/ID",
                        help="a row a person has checked in the revised article, whose text is found but whose "
                             "surroundings changed (the report names them); repeatable")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return 2 if stop.code else 0
    try:
        new = Path(args.article).read_bytes()
        if args.version is not None and not corrections.VERSION.fullmatch(args.version):
            raise UsageError(f"--version {args.version!r} is not MAJOR.MINOR.PATCH")
        if args.change is not None and ("\n" in args.change or "\r" in args.change):
            raise UsageError("--change is one line")
        outcome = plan(root, new, args.version, args.change, frozenset(args.reviewed))
    except (OSError, UsageError) as error:
        print(f"reanchor.py: {error}; nothing was written", file=sys.stderr)
        return 2
    if outcome.applicable and outcome.changed and not args.dry_run:
        write_back(root, outcome.changed)
    print(report(outcome, applied=not args.dry_run))
    return 0 if outcome.applicable else 1


if __name__ == "__main__":
    sys.exit(main())
