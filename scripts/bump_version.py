#!/usr/bin/env python3
"""Cut a release: set the version and its release date everywhere they live, then rebuild what
is generated from them and validate.

    python scripts/bump_version.py X.Y.Z [--date YYYY-MM-DD]

Writes the version to datapackage.json (`version`, and `created`: the release date) and
CITATION.cff (`version`, `date-released`), turns CHANGELOG.md's [Unreleased] section into the
section of X.Y.Z (a new, empty [Unreleased] above it), gives the rows of data/corrections.csv
and data/article_revisions.csv whose version is pending (newer than every released one: their
changes are under [Unreleased]) the version X.Y.Z, and refreshes the hashes and rebuilds the
README's citation block, the data dictionary and the page. The date is today's (UTC) unless given. The version
must follow the current one (a patch, minor or major step, CONTRIBUTING.md "Versions"); the date must
not precede the last release's. Exit 0 done and valid, 1 done but not valid (the findings
are printed), 2 refused (nothing written).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from release.versions import stated_versions  # noqa: E402
from validator.corrections import CORRECTIONS, REVISIONS, VERSION, changelog_sections, newest_release, next_versions, version_key  # noqa: E402

_UNRELEASED = "## [Unreleased]\n"
_HEADING = re.compile(r"^## \[\d+\.\d+\.\d+\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


class Refused(Exception):
    """Why the version cannot be cut; nothing has been written."""


def bump(root: Path, version: str, day: datetime.date) -> None:
    """Write `version` and its release date `day` where they live (see the docstring)."""
    current = stated_versions(root)
    if len(set(current.values())) != 1:
        raise Refused(f"the files state different versions ({current}); make them agree first")
    _check_step(next(iter(current.values())), version)
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    last = _HEADING.search(changelog)
    if _UNRELEASED not in changelog:
        raise Refused("CHANGELOG.md has no '## [Unreleased]' section to release")
    if last and day.isoformat() < last.group(1):
        raise Refused(f"{day} precedes the last release's date")
    descriptor_file = root / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    descriptor["version"], descriptor["created"] = version, f"{day.isoformat()}T00:00:00Z"
    citation_file = root / "CITATION.cff"
    citation = citation_file.read_text(encoding="utf-8")
    citation = re.sub(r"^version: .*$", f"version: {version}", citation, count=1, flags=re.MULTILINE)
    citation = re.sub(r"^date-released: .*$", f"date-released: {day.isoformat()}", citation, count=1,
                      flags=re.MULTILINE)
    descriptor_file.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    citation_file.write_text(citation, encoding="utf-8")
    newest = newest_release(changelog_sections(root) or {})
    for table in VERSIONED_TABLES:
        file = root / "data" / f"{table}.csv"
        if file.is_file():
            text = file.read_text(encoding="utf-8")
            pending = _pending_versioned(text, version, newest)
            if pending != text:
                file.write_text(pending, encoding="utf-8", newline="")
    (root / "CHANGELOG.md").write_text(
        changelog.replace(_UNRELEASED, f"{_UNRELEASED}\n## [{version}] - {day.isoformat()}\n", 1), encoding="utf-8")


# The tables whose first column is the version a row's change was published in.
VERSIONED_TABLES = (CORRECTIONS, REVISIONS)


def _pending_versioned(text: str, version: str, newest: str | None) -> str:
    """The CSV text with each record's version, where it is pending (newer than the newest
    released version, `newest`), made `version`; every other byte as it was."""
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""))
    starts = []  # the line each record starts on (0-based), and its version
    start = 0
    for record in reader:
        if record:
            starts.append((start, record[0]))
        start = reader.line_num
    for line, cell in starts[1:]:  # the header is no record
        if VERSION.fullmatch(cell) and cell != version and (newest is None or version_key(cell) > version_key(newest)):
            lines[line] = version + lines[line][len(cell):]
    return "\n".join(lines)


def _check_step(current: str | None, version: str) -> None:
    new, old = VERSION.fullmatch(version), VERSION.fullmatch(current or "")
    if new is None:
        raise Refused(f"{version!r} is not a version X.Y.Z")
    if old is None:
        raise Refused(f"the current version {current!r} is not X.Y.Z")
    steps = next_versions(current)
    if version not in steps:
        raise Refused(f"{version} does not follow {current}; expected one of {', '.join(steps)}")


def regenerate(root: Path) -> int:
    """Refresh the hashes; rebuild the README's citation block, the data dictionary and the
    page; validate."""
    import build_data_dictionary
    import build_release
    import build_site
    from update_hashes import update_hashes
    from validator import validate_package
    update_hashes(root / "datapackage.json")
    build_release.main(["--readme"], root=root)
    build_data_dictionary.main([], root=root)
    report = validate_package(root / "datapackage.json")
    if not report.valid:
        for finding in report.findings:
            print(f"[{finding.layer}] {finding.as_text()}")
        return 1
    return build_site.main([], root=root)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="bump_version.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="the new version, X.Y.Z")
    parser.add_argument("--date", type=datetime.date.fromisoformat,
                        default=datetime.datetime.now(datetime.timezone.utc).date(),
                        help="the release date, YYYY-MM-DD (default: today, UTC)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    try:
        bump(root, args.version, args.date)
    except Refused as refused:
        print(f"bump_version.py: {refused}", file=sys.stderr)
        return 2
    return regenerate(root)


if __name__ == "__main__":
    sys.exit(main())
