"""The release tag names the version that every file states.

    python -m release.versions v0.1.0   # exit 1, listing the files that state another version

Standard library only, so the release workflow can check the tag before installing anything.

    >>> tag_problems("v0.1.0", {"datapackage.json": "0.1.0", "CITATION.cff": "0.1.0"})
    []
    >>> tag_problems("v0.2.0", {"datapackage.json": "0.1.0"})
    ['tag v0.2.0 names version 0.2.0, but datapackage.json states 0.1.0']
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CHANGELOG_RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\]", re.MULTILINE)
CITATION_VERSION = re.compile(r"^version: *['\"]?([^'\"\s]+)", re.MULTILINE)


def stated_versions(root: Path) -> dict[str, str | None]:
    """The version each file states: the descriptor, CITATION.cff, and the newest release
    section of CHANGELOG.md (not [Unreleased])."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    citation = CITATION_VERSION.search((root / "CITATION.cff").read_text(encoding="utf-8"))
    releases = CHANGELOG_RELEASE.findall((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    return {"datapackage.json": descriptor.get("version"),
            "CITATION.cff": citation.group(1) if citation else None,
            "CHANGELOG.md": releases[0] if releases else None}


def tag_problems(tag: str, versions: dict[str, str | None]) -> list[str]:
    """Why `tag` (v<major>.<minor>.<patch>) is not the version every file states."""
    if not re.fullmatch(r"v\d+\.\d+\.\d+", tag):
        return [f"tag {tag} is not v<major>.<minor>.<patch>"]
    version = tag[1:]
    return [f"tag {tag} names version {version}, but {file} states {stated}"
            for file, stated in versions.items() if stated != version]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m release.versions v<major>.<minor>.<patch>")
        return 2
    problems = tag_problems(argv[0], stated_versions(Path(__file__).resolve().parent.parent))
    print("\n".join(problems) if problems else f"{argv[0]}: every file states this version")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
