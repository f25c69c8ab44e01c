"""Corrections as data: `corrections.csv` records every change to a published row, and
`article_revisions.csv` every snapshot of the article the package has published. These checks
hold both to the rest of the package and to CHANGELOG.md; the rows layer registers them (read beside the descriptor; where
there is none, as in an unzipped release, the checks on it are skipped).

A version is released when CHANGELOG.md has a section for it, or pending when it is newer
than every released one (its change is then under [Unreleased]).
"""
from __future__ import annotations

import re
from pathlib import Path

from .disclosure import shown, shown_id
from .findings import Problem
from .models import SPAN_COLUMNS

CORRECTIONS, REVISIONS = "corrections", "article_revisions"
VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")  # a version, MAJOR.MINOR.PATCH
_SECTION = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def version_key(version: str) -> tuple[int, ...]:
    """A version as numbers, to compare.

    >>> version_key("0.10.2") > version_key("0.9.9")
    True
    """
    return tuple(int(part) for part in version.split("."))


def changelog_sections(root: Path) -> dict[str, str] | None:
    """Each section of CHANGELOG.md by its heading's name (a version, or Unreleased); None
    where there is no CHANGELOG.md."""
    file = root / "CHANGELOG.md"
    if not file.is_file():
        return None
    text = file.read_text(encoding="utf-8", errors="replace")
    heads = list(_SECTION.finditer(text))
    return {m.group(1): text[m.end():heads[i + 1].start() if i + 1 < len(heads) else len(text)]
            for i, m in enumerate(heads)}


def newest_release(sections: dict[str, str]) -> str | None:
    """The newest version the CHANGELOG sections release, if any."""
    return max((name for name in sections if VERSION.fullmatch(name)), key=version_key, default=None)


def _section_of(version: str, sections: dict[str, str]) -> str | None:
    """The CHANGELOG section that states `version`'s changes: its own, or [Unreleased] for a
    pending version; None for a version that is neither released nor pending."""
    if version in sections:
        return sections[version]
    newest = newest_release(sections)
    if newest is None or version in next_versions(newest):
        return sections.get("Unreleased")
    return None


def next_versions(version: str) -> tuple[str, str, str]:
    """The versions that may follow `version`: the next patch, minor and major one.

    >>> next_versions("0.2.0")
    ('0.2.1', '0.3.0', '1.0.0')
    """
    major, minor, patch = version_key(version)
    return f"{major}.{minor}.{patch + 1}", f"{major}.{minor + 1}.0", f"{major + 1}.0.0"


def _raw_rows(ctx, table: str) -> list[tuple[int, dict]]:
    resource = ctx.package.resources.get(table)
    return list(resource.table.dicts()) if resource is not None and resource.table is not None else []


def _row_ids(ctx, table: str) -> dict[str, dict]:
    """The rows of `table` by id (an attribution's: statement_id+entity_id, as the page keys it), cells as written."""
    found = {}
    for _, row in _raw_rows(ctx, table):
        key = f"{row.get('statement_id')}+{row.get('entity_id')}" if table == "attributions" else row.get("id")
        found[key] = row
    return found


ROW = "row"  # the field of a correction that adds a row (old value empty) or removes one (new value empty)


def _readable(ctx, table: str) -> bool:
    """Whether `table` was read under its schema (its typed rows leave out the broken ones)."""
    resource = ctx.package.resources.get(table)
    return resource is not None and resource.checkable


def _removes(correction) -> bool:
    return correction.field == ROW and not correction.new_value


def corrections_name_rows(ctx):
    """Every correction names a row of its table, and a column of it: a row that exists, or,
    for a correction that removes one (column `row`, new value empty), a row that no longer does."""
    if not _readable(ctx, CORRECTIONS):
        return
    tables = {}
    for number, correction in ctx.records.numbered(CORRECTIONS):
        table = correction.table_name
        if not _readable(ctx, table):
            continue  # the table's own findings say why it cannot be read
        if table not in tables:
            tables[table] = _row_ids(ctx, table)
        rows = tables[table]
        header = ctx.package.resources[table].table.header
        if _removes(correction):
            if correction.row_id in rows:
                yield Problem(f"the correction removes {table}/{shown_id(correction.row_id)}, but the table still "
                              f"holds it; expected it gone", ctx.path(CORRECTIONS), number, "row_id")
        elif correction.row_id not in rows:
            yield Problem(f"{table}/{shown_id(correction.row_id)} is no row of {table}; expected the id of the "
                          f"corrected row", ctx.path(CORRECTIONS), number, "row_id")
        elif correction.field not in header and correction.field != ROW:
            yield Problem(f"{shown(correction.field)} is no column of {table}; expected one of {', '.join(header)}",
                          ctx.path(CORRECTIONS), number, "field")


def corrections_hold_the_new_value(ctx):
    """The table holds each correction's new value, exactly as written, unless a later
    correction changes the same cell again."""
    if not _readable(ctx, CORRECTIONS):
        return
    last = {}
    for number, correction in ctx.records.numbered(CORRECTIONS):
        if correction.field != ROW:
            last[(correction.table_name, correction.row_id, correction.field)] = (number, correction)
    tables = {}
    for (table, row_id, field), (number, correction) in last.items():
        if not _readable(ctx, table):
            continue
        if table not in tables:
            tables[table] = _row_ids(ctx, table)
        row = tables[table].get(row_id)
        if row is None or field not in row:
            continue  # corrections_name_rows says so
        held = row[field] or ""
        if held != (correction.new_value or ""):
            yield Problem(f"{table}/{shown_id(row_id)} holds {shown(held)} in {field}, not the correction's new value "
                          f"{shown(correction.new_value or '')}; expected the cell as corrected",
                          ctx.path(CORRECTIONS), number, "new_value")


def corrections_follow_each_other(ctx):
    """A correction changes something: its old value differs from its new one; and where a
    cell is corrected more than once, each correction's old value is the new value of the one
    before it, which is what the package published in between."""
    if not _readable(ctx, CORRECTIONS):
        return
    made = {}
    for number, correction in ctx.records.numbered(CORRECTIONS):
        old, new = correction.old_value or "", correction.new_value or ""
        if old == new:
            yield Problem(f"the old value and the new value are the same ({shown(old)}); expected a change",
                          ctx.path(CORRECTIONS), number, "new_value")
        cell = (correction.table_name, correction.row_id, correction.field)
        if correction.field != ROW and cell in made and made[cell] != old:
            yield Problem(f"the old value {shown(old)} is not {shown(made[cell])}, the new value of the correction "
                          f"before it of {correction.table_name}/{shown_id(correction.row_id)} {correction.field}; "
                          f"expected the value the package published in between", ctx.path(CORRECTIONS), number,
                          "old_value")
        made[cell] = new


def corrections_fit_their_kind(ctx):
    """A re-anchoring changes a span's offsets only (a `start` or `end` column of its table); a
    correction that adds a row (column `row`) has no old value and the row's id as its new
    value, and one that removes a row has the row's id as its old value and no new value."""
    if not _readable(ctx, CORRECTIONS):
        return
    for number, correction in ctx.records.numbered(CORRECTIONS):
        offsets = {column for _, start, end in SPAN_COLUMNS.get(correction.table_name, []) for column in (start, end)}
        old, new = correction.old_value or "", correction.new_value or ""
        if correction.kind == "reanchoring" and correction.field not in offsets:
            yield Problem(f"a re-anchoring changes {shown(correction.field)}; expected one of a span's offsets "
                          f"({', '.join(sorted(offsets)) or 'none in this table'}): any other change is named in "
                          f"CHANGELOG.md as a correction or a revision", ctx.path(CORRECTIONS), number, "kind")
        elif correction.field == ROW and not (old, new) in (("", correction.row_id), (correction.row_id, "")):
            yield Problem("a row added or removed has the row's id as its new value (added) or its old value "
                          "(removed), and nothing as the other; expected one of those", ctx.path(CORRECTIONS),
                          number, "new_value" if old == "" else "old_value")


def revisions_have_their_snapshot(ctx):
    """A correction of kind `revision` or `reanchoring` is published with a snapshot of the
    article: article_revisions has a row of its version. And a re-anchoring moves a span whole:
    its start and its end, in the same version, by the same number of code points."""
    if not (_readable(ctx, CORRECTIONS) and _readable(ctx, REVISIONS)):
        return
    snapshots = {row.version for _, row in ctx.records.numbered(REVISIONS)}
    moves = {}
    for number, correction in ctx.records.numbered(CORRECTIONS):
        if correction.kind in ("revision", "reanchoring") and correction.version not in snapshots:
            yield Problem(f"no article revision of version {shown(correction.version)} is recorded; expected a row "
                          f"of article_revisions for the snapshot this change follows", ctx.path(CORRECTIONS),
                          number, "version")
        if correction.kind == "reanchoring":
            try:
                moves[(correction.version, correction.table_name, correction.row_id, correction.field)] = (
                    number, int(correction.new_value or "") - int(correction.old_value or ""))
            except ValueError:
                yield Problem("a re-anchoring's old and new values are offsets; expected whole numbers",
                              ctx.path(CORRECTIONS), number, "new_value")
    for (version, table, row_id, field), (number, shift) in moves.items():
        for _, start, end in SPAN_COLUMNS.get(table, []):
            partner = end if field == start else start if field == end else None
            other = moves.get((version, table, row_id, partner)) if partner else None
            if partner and (other is None or other[1] != shift):
                yield Problem(f"{table}/{shown_id(row_id)} {field} moves by {shift} but {partner} "
                              f"{'does not move' if other is None else f'by {other[1]}'}; expected the span "
                              f"moved whole (its text is unchanged)", ctx.path(CORRECTIONS), number, "new_value")


def versions_in_order(ctx):
    """The versions of corrections and article_revisions never go back from one row to the
    next, and each is a version of CHANGELOG.md or, pending its release, newer than every one."""
    sections = changelog_sections(ctx.package.root)
    for table in (CORRECTIONS, REVISIONS):
        if not _readable(ctx, table):
            continue
        before = None
        for number, row in ctx.records.numbered(table):
            if before is not None and version_key(row.version) < version_key(before):
                yield Problem(f"version {shown(row.version)} comes after {shown(before)}; expected the rows in the "
                              f"order of their versions", ctx.path(table), number, "version")
            before = row.version
            if sections is not None and _section_of(row.version, sections) is None:
                yield Problem(f"version {shown(row.version)} is not in CHANGELOG.md, nor newer than its releases; "
                              f"expected a released version, or the next one", ctx.path(table), number, "version")


def corrections_in_changelog(ctx):
    """A correction of our reading or of a revision is named (as `table/row_id`) in the
    CHANGELOG.md section of its version ([Unreleased] before its release); re-anchored spans
    are not named one by one."""
    sections = changelog_sections(ctx.package.root)
    if sections is None or not _readable(ctx, CORRECTIONS):
        return
    for number, correction in ctx.records.numbered(CORRECTIONS):
        if correction.kind == "reanchoring":
            continue
        section = _section_of(correction.version, sections)
        name = f"{correction.table_name}/{correction.row_id}"
        shown_text = _COMMENT.sub("", section) if section is not None else None  # a comment is not shown
        named = re.search(rf"(?<![\w/-]){re.escape(name)}(?![\w-])", shown_text) if section is not None else True
        if not named:
            where = correction.version if correction.version in sections else "Unreleased"
            yield Problem(f"CHANGELOG.md's [{where}] section does not name {shown(name)}; expected each "
                          f"corrected row named where its version's changes are", ctx.path(CORRECTIONS), number, "row_id")


def article_revisions_end_with_the_snapshot(ctx):
    """The last row of article_revisions is the article snapshot: its SHA-256 and size."""
    resource = ctx.package.resources.get("article")
    if not _readable(ctx, REVISIONS) or resource is None or resource.facts is None:
        return
    rows = ctx.records.numbered(REVISIONS)
    digest = resource.facts.sha256.removeprefix("sha256:")
    if not rows:
        yield Problem("no revision is recorded; expected a row for the article snapshot", ctx.path(REVISIONS))
        return
    number, last = rows[-1]
    if last.sha256 != digest:
        yield Problem(f"the last revision is {shown(last.sha256)}, not the snapshot's SHA-256 {digest}; expected "
                      f"a row for the snapshot, last", ctx.path(REVISIONS), number, "sha256")
    elif last.bytes != resource.facts.size:
        yield Problem(f"the last revision has {shown(last.bytes)} bytes, the snapshot {resource.facts.size}; expected "
                      f"its size", ctx.path(REVISIONS), number, "bytes")

