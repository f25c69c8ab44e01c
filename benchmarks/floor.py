#!/usr/bin/env python3
"""The floor under `validate.py` on the real package: what any validation of it costs before
it checks anything, each a whole process, timed in interleaved rounds, medians printed as a
Markdown table. Each runs in a fresh clone of the repository (run.py's `fresh_clone`), where
the validator compiles its own modules from source, as in CI.

    python benchmarks/floor.py [--rounds N]

- process start: `python -c pass`;
- the validator's imports: `import validator.run` (every check registered);
- frictionless's import: `import frictionless`;
- reading the bytes: every file `validate.py` reads (what git publishes), decoded, and one
  compiled pattern run over all of it;
- `validate.py` and `frictionless validate datapackage.json`, for scale; and `validate.py` in a
  clone where its modules are compiled, for comparison.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import CLONE, NO_COMPILED_MODULES, fresh_clone  # noqa: E402

READ_EVERYTHING = """
import re, subprocess
names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                       capture_output=True, check=True).stdout.decode().split("\\0")
texts = [open(n, "rb").read().decode("utf-8", "replace") for n in names if n]
pattern = re.compile(r"[0-9]{8}")
print(sum(len(t) for t in texts), sum(1 for t in texts if pattern.search(t)))
"""


def with_compiled_modules() -> Path:
    """Another fresh clone, where the validator's modules have been compiled (as in a working
    copy where pytest, or any import without the flag, left them in `__pycache__`)."""
    clone = fresh_clone()
    subprocess.run([sys.executable, "-m", "compileall", "-q", "validator"], cwd=clone, check=True,
                   stdout=subprocess.DEVNULL)
    return clone


COMPILED = with_compiled_modules()


def commands() -> dict[str, tuple[list[str], dict | None, Path]]:
    """Each command, its environment and the folder it runs in: a fresh clone of the repository
    (run.py's `fresh_clone`), where the validator compiles its modules from source; and, for
    comparison, validate.py in one where they are compiled."""
    python = sys.executable
    frictionless = str(Path(python).with_name("frictionless"))
    fresh = NO_COMPILED_MODULES
    return {
        "process start": ([python, "-c", "pass"], None, CLONE),
        "the validator's imports": ([python, "-c", "import validator.run"], fresh, CLONE),
        "frictionless's import": ([python, "-c", "import frictionless"], None, CLONE),
        "reading the bytes, one pattern over them": ([python, "-c", READ_EVERYTHING], None, CLONE),
        "validate.py": ([python, "validate.py"], fresh, CLONE),
        "validate.py, its modules compiled": ([python, "validate.py"], fresh, COMPILED),
        "frictionless validate datapackage.json": ([frictionless, "validate", "datapackage.json"], None, CLONE),
    }


def timed(command: tuple[list[str], dict | None, Path]) -> float:
    argv, env, folder = command
    start = time.perf_counter()
    subprocess.run(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (default 7), after one warm-up")
    rounds = parser.parse_args().rounds
    samples: dict[str, list[float]] = {name: [] for name in commands()}
    for index in range(rounds + 1):
        for name, command in commands().items():
            seconds = timed(command)
            if index:
                samples[name].append(seconds)
    print("| what | median s |\n|---|--:|")
    for name, values in samples.items():
        print(f"| {name} | {statistics.median(values):.3f} |")


if __name__ == "__main__":
    main()
