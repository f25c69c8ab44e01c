#!/usr/bin/env python3
"""What the release build costs: python benchmarks/release_build.py [--runs N]

Times `scripts/build_release.py` as a whole process (N runs, median), then each step once
in-process after a warm-up build (validation, loading, each output), and lists the size of
every output. Prints Markdown for BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from release import package as package_module  # noqa: E402
from release.annotations import write_annotations  # noqa: E402
from release.archive import write_archive  # noqa: E402
from release.build import build_release, write_citations  # noqa: E402
from release.checksums import write_checksums  # noqa: E402
from release.croissant import write_croissant  # noqa: E402
from release.sqlite import write_sqlite  # noqa: E402
from release.timestamps import release_time  # noqa: E402
from release.xlsx import write_xlsx  # noqa: E402
from validator import validate_package  # noqa: E402


def whole_builds(runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_release.py"), out],
                           check=True, capture_output=True)
            seconds.append(time.perf_counter() - start)
    return seconds


def steps(out: Path) -> list[tuple[str, float]]:
    timings = []

    def timed(label, action):
        start = time.perf_counter()
        result = action()
        timings.append((label, time.perf_counter() - start))
        return result
    timed("validate the package", lambda: validate_package(ROOT / "datapackage.json"))
    package = timed("load descriptor, schemas, rows", lambda: package_module.load(ROOT))
    moment = release_time(package.citation)
    archive = timed("zip", lambda: write_archive(package, out, moment))
    files = [archive, timed("sqlite", lambda: write_sqlite(package, out)),
             timed("xlsx", lambda: write_xlsx(package, out, moment)),
             timed("annotations.jsonld", lambda: write_annotations(package, out)),
             timed("croissant.json", lambda: write_croissant(package, out, archive)),
             *timed("citations", lambda: write_citations(package, out))]
    timed("SHA256SUMS", lambda: write_checksums(files, out))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    whole = whole_builds(runs)
    with tempfile.TemporaryDirectory() as out:
        build_release(ROOT, Path(out))  # warm-up: imports and caches
        timings = steps(Path(out))
        sizes = [(p.name, p.stat().st_size) for p in sorted(Path(out).iterdir())]
    print(f"Whole build as a process, {runs} runs: median {statistics.median(whole):.2f} s "
          f"(min {min(whole):.2f}, max {max(whole):.2f})\n")
    print("| step (in-process, after a warm-up build) | seconds |\n|---|--:|")
    print("\n".join(f"| {label} | {seconds:.3f} |" for label, seconds in timings))
    print("\n| file | bytes |\n|---|--:|")
    print("\n".join(f"| `{name}` | {size:,} |" for name, size in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
