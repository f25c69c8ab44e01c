#!/usr/bin/env python3
"""What the privacy layer costs: its checks on the real package, in-process, and the refusal
of a 60 MiB one-line file, as a whole process.

    .venv/bin/python benchmarks/privacy_layer.py [--runs 7] [--before PATH]

1. The privacy layer's checks (every registered check of the layer `privacy`) on the real
   package, after it is loaded, each run from cold in a fresh process: the median of --runs
   runs. With --before PATH (a checkout of an earlier version's validator, e.g. `git worktree
   add /tmp/before <commit>`, whose requirements are installed here), that validator's privacy
   layer is run on this checkout's files too, interleaved run by run, and the ratio is the
   median of the per-run ratios: the same texts read by the two.
2. validate.py on a copy of the package beside a 60 MiB file of one line: its wall time and
   peak memory (the child's own ru_maxrss), and what it reports.
3. The reading stage and every detector on 1 MiB texts made to be slow to read (`SHAPES`).

The Markdown goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# One run of the privacy layer's checks, from cold, in a fresh interpreter of the checkout
# given: it prints the seconds. (A fresh process, so the two checkouts' modules never meet.)
_ONE_RUN = """
import sys, time
sys.path.insert(0, sys.argv[2])
from validator import run
from validator.context import Context
from validator.package import load_package
from validator.pins import ARTICLE_SHA256, PERSONS
from validator.registry import registered
context = Context(load_package(sys.argv[1] + "/datapackage.json"), ARTICLE_SHA256, PERSONS)
checks = [c for c in registered() if c.layer == "privacy" and context.provides(c.needs)]
started = time.perf_counter()
for check in checks:
    check.run(context)
print(time.perf_counter() - started)
"""


def privacy_seconds(code: Path) -> float:
    """One run of the privacy layer of the validator in `code` on this checkout's package."""
    result = subprocess.run([sys.executable, "-c", _ONE_RUN, str(ROOT), str(code)], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    return float(result.stdout.strip().splitlines()[-1])


def layer_table(runs: int, before: Path | None) -> list[str]:
    now, then, ratios = [], [], []
    privacy_seconds(ROOT)
    if before:
        privacy_seconds(before)
    for _ in range(runs):
        now.append(privacy_seconds(ROOT))
        if before:
            then.append(privacy_seconds(before))
            ratios.append(now[-1] / then[-1])
    lines = ["| privacy layer on the real package (this checkout's files) | median s |", "|---|--:|",
             f"| this checkout's validator | {statistics.median(now):.3f} |"]
    if before:
        lines += [f"| the validator in {before} | {statistics.median(then):.3f} |",
                  f"| ratio this / before (median of {runs} interleaved pairs) | {statistics.median(ratios):.2f} |"]
    return lines


def big_file_table() -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "package"
        copy.mkdir()
        shutil.copy(ROOT / "datapackage.json", copy)
        for folder in ("data", "schema"):
            shutil.copytree(ROOT / folder, copy / folder)
        (copy / "docs").mkdir()
        with open(copy / "docs" / "notes.md", "wb") as file:
            file.write(b"1" * (60 * 2**20))
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(ROOT / "validate.py"), str(copy), "--json"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, _, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        report = json.loads(process.stdout.read())
    messages = "; ".join(f"{f['check']}: {f['message'][:70]}" for f in report["findings"])
    return ["| a 60 MiB one-line file | |", "|---|---|", f"| wall time | {seconds:.2f} s |",
            f"| peak memory | {usage.ru_maxrss / 1024:.0f} MiB |", f"| findings | {messages} |"]


# Texts made to be slow to read, 1 MiB each: what one of them costs, in seconds, says what
# a file of the largest size allowed (8 MiB) would (the reading is linear in the text).
SHAPES = {
    "digits and spaces": "1 ",
    "a tag between digits": "1<b>2</b>",
    "character references": "&#49;",
    "hidden elements nested": None,  # 64 K of them, then their end tags
    "at signs": "a@b ",
    "base64": "QUJD",
    "marks of alternate signs": "*`",
    "marks of alternate signs, an @ after each 64": "*`" * 32 + "@",
    "an address with bold before its @, a line each": "Contact **ops**" "@example.invalid\n",
    "empty comments, a digit before each eight, an @ beside one": "1" + "<!-->" * 8 + "x@<",
}
_SHAPE_RUN = """
import sys, time
sys.path.insert(0, sys.argv[1])
from validator.privacy.detectors import found_in
from validator.privacy.readings import Readings
from validator.privacy.texts import Text, in_parts
text = sys.stdin.read()
started = time.perf_counter()
for part in in_parts(Text("docs/notes.md", None, None, text, "the file")):
    found_in(Readings(part.text))
print(time.perf_counter() - started)
"""


def shape_text(unit: str | None) -> str:
    if unit is None:
        return "<span hidden>" * 2**16 + "1" + "</span>" * 2**16
    return unit * (2**20 // len(unit))


def shapes_table() -> list[str]:
    lines = ["| 1 MiB made to be slow to read | s |", "|---|--:|"]
    for name, unit in SHAPES.items():
        result = subprocess.run([sys.executable, "-c", _SHAPE_RUN, str(ROOT)], input=shape_text(unit),
                                capture_output=True, text=True, check=True)
        lines.append(f"| {name} | {float(result.stdout.strip()):.2f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier version, to compare with")
    args = parser.parse_args()
    print("\n".join(layer_table(args.runs, args.before) + [""] + big_file_table() + [""] + shapes_table()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
