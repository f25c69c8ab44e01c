#!/usr/bin/env python3
"""The floor under `validate.py` on the real package: what any validation of it costs before
it checks anything, each a whole process, timed in interleaved rounds, medians printed as a
Markdown table.

    python benchmarks/floor.py [--rounds N]

- process start: `python -c pass`;
- the validator's imports: `import validator.run` (every check registered);
- frictionless's import: `import frictionless`;
- reading the bytes: every file `validate.py` reads (what git publishes), decoded, and one
  compiled pattern run over all of it;
- `validate.py` and `frictionless validate datapackage.json`, for scale.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_EVERYTHING = """
import re, subprocess
names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                       capture_output=True, check=True).stdout.decode().split("\\0")
texts = [open(n, "rb").read().decode("utf-8", "replace") for n in names if n]
pattern = re.compile(r"[0-9]{8}")
print(sum(len(t) for t in texts), sum(1 for t in texts if pattern.search(t)))
"""


def commands() -> dict[str, list[str]]:
    python = sys.executable
    frictionless = str(Path(python).with_name("frictionless"))
    return {
        "process start": [python, "-c", "pass"],
        "the validator's imports": [python, "-c", "import validator.run"],
        "frictionless's import": [python, "-c", "import frictionless"],
        "reading the bytes, one pattern over them": [python, "-c", READ_EVERYTHING],
        "validate.py": [python, "validate.py"],
        "frictionless validate datapackage.json": [frictionless, "validate", "datapackage.json"],
    }


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (default 7), after one warm-up")
    rounds = parser.parse_args().rounds
    samples: dict[str, list[float]] = {name: [] for name in commands()}
    for index in range(rounds + 1):
        for name, argv in commands().items():
            seconds = timed(argv)
            if index:
                samples[name].append(seconds)
    print("| what | median s |\n|---|--:|")
    for name, values in samples.items():
        print(f"| {name} | {statistics.median(values):.3f} |")


if __name__ == "__main__":
    main()
