"""`<name>-<version>.zip`: the package as published, able to validate itself offline.

Unzipped, `<name>-<version>/` holds the descriptor, the data, the schemas, the docs, the
README, the licences, CITATION.cff and CHANGELOG.md, and `validate.py` with `validator/` and
`requirements.txt`, so that the README's first Quick start command works in it.
"""
from __future__ import annotations

from pathlib import Path

from .package import Package
from .timestamps import zip_time
from .zipfiles import write_zip

TOP_LEVEL_FILES = ("datapackage.json", "README.md", "LICENSE", "LICENSE-DATA.md", "CITATION.cff",
                   "CHANGELOG.md", "validate.py", "requirements.txt")
FOLDERS = ("data", "schema", "docs", "validator")
LEFT_OUT = ("__pycache__", ".pyc")  # what running the validator leaves behind in a working copy


def write_archive(package: Package, out_dir: Path, moment) -> Path:
    path = out_dir / f"{package.stem}.zip"
    entries = {f"{package.stem}/{name}": (package.root / name).read_bytes()
               for name in published_files(package.root)}
    write_zip(path, entries, zip_time(moment))
    return path


def published_files(root: Path) -> list[str]:
    """Paths, relative to `root` and with forward slashes, of every file the zip holds."""
    names = list(TOP_LEVEL_FILES)  # each one must exist: a zip without its licence is no release
    for folder in FOLDERS:
        names += [path.relative_to(root).as_posix() for path in sorted((root / folder).rglob("*"))
                  if path.is_file() and not _left_out(path)]
    return sorted(names)


def _left_out(path: Path) -> bool:
    return any(part == LEFT_OUT[0] for part in path.parts) or path.name.endswith(LEFT_OUT[1])
