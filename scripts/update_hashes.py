#!/usr/bin/env python3
"""Record the current size and SHA-256 of every resource in datapackage.json.

    python scripts/update_hashes.py [PATH/datapackage.json]          # write, and say what changed
    python scripts/update_hashes.py --check [PATH/datapackage.json]  # exit 1 if any is stale

Run it after editing a file under data/; `python validate.py` then checks them. This is the
only script that writes to datapackage.json, and it changes nothing but `bytes` and `hash`.
It writes a new file and renames it over the old one, so the descriptor is never left half
written, and it refuses a descriptor it could not write back faithfully (one that is not
strict JSON: a key twice, NaN, a lone surrogate). Exit codes: 0 done (or, with --check,
current), 1 stale (with --check), 2 the descriptor or a file cannot be read.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from validator.files import load_json, read_regular_file, resolve_inside, sha256_of  # noqa: E402

DEFAULT = ROOT / "datapackage.json"


class CannotUpdate(Exception):
    """Why the descriptor cannot be updated; nothing has been written."""


def stale_entries(descriptor_file: Path) -> tuple[dict, list[tuple[str, str, object, object]]]:
    """The descriptor with current sizes and hashes, and (resource, property, old, new) for
    each that changes."""
    content, why = read_regular_file(descriptor_file)
    package, why = load_json(content) if content is not None else (None, why)
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise CannotUpdate(f"{descriptor_file}: {why or 'expected an object with a list of resources'}")
    changes = []
    for resource in package["resources"]:
        path = resource.get("path") if isinstance(resource, dict) else None
        file, why = resolve_inside(descriptor_file.resolve().parent, path) if isinstance(path, str) \
            else (None, "no path")
        content, why = read_regular_file(file) if file is not None else (None, why)
        if content is None:
            raise CannotUpdate(f"{path}: {why}")
        for key, value in (("bytes", len(content)), ("hash", sha256_of(content))):
            if resource.get(key) != value:
                changes.append((resource.get("name", path), key, resource.get(key), value))
                resource[key] = value
    return package, changes


def update_hashes(descriptor_file: Path, check: bool = False) -> list[tuple[str, str, object, object]]:
    """Write current sizes and hashes (unless `check`); return what was, or would be, changed."""
    package, changes = stale_entries(descriptor_file)
    if changes and not check:
        _write_atomically(descriptor_file, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return changes


def _write_atomically(file: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=file.resolve().parent, prefix=".datapackage.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, file)
    except BaseException:
        os.unlink(temporary)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="update_hashes.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("descriptor", nargs="?", default=str(DEFAULT),
                        help="the datapackage.json to update (default: the one of this repository)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if any size or hash is stale (for pre-commit)")
    args = parser.parse_args(argv)
    try:
        changes = update_hashes(Path(args.descriptor), check=args.check)
    except CannotUpdate as error:
        print(f"update_hashes.py: {error}; nothing was written", file=sys.stderr)
        return 2
    for name, key, old, new in changes:
        verb = "is stale" if args.check else "updated"
        print(f"{name}: {key} {verb}: {old} -> {new}")
    if args.check and changes:
        print("run python scripts/update_hashes.py to record them", file=sys.stderr)
        return 1
    if not changes:
        print("every size and hash is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
