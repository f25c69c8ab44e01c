"""`SHA256SUMS`: one line per release file, `<sha256>  <name>`, sorted by name: the format
`sha256sum -c SHA256SUMS` checks."""
from __future__ import annotations

import hashlib
from pathlib import Path

NAME = "SHA256SUMS"


def write_checksums(files: list[Path], out_dir: Path) -> Path:
    path = out_dir / NAME
    lines = [f"{hashlib.sha256(file.read_bytes()).hexdigest()}  {file.name}\n"
             for file in sorted(files, key=lambda file: file.name)]
    path.write_text("".join(lines), encoding="ascii", newline="\n")
    return path
