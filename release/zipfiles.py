"""Zip archives that are the same bytes for the same content: sorted entries, one fixed
time, fixed permissions, no directory entries, no extra fields. Used for the package zip and
to re-pack the spreadsheet."""
from __future__ import annotations

import zipfile
from pathlib import Path

FILE_MODE = 0o644
UNIX = 3  # create_system: the permission bits are Unix ones, on every build machine


def write_zip(path: Path, entries: dict[str, bytes], date_time: tuple) -> None:
    """Write `entries` (archive name -> content) to `path`, sorted by name."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(entries):
            archive.writestr(_entry(name, date_time), entries[name])


def read_zip(data_or_path) -> dict[str, bytes]:
    with zipfile.ZipFile(data_or_path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()
                if not info.is_dir()}


def _entry(name: str, date_time: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = UNIX
    info.external_attr = (0o100000 | FILE_MODE) << 16  # a regular file, rw-r--r--
    return info
