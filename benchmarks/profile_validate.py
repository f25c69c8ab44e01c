#!/usr/bin/env python3
"""Where validate.py spends its time, in-process: per layer and check, then cProfile.

    .venv/bin/python benchmarks/profile_validate.py [--rows 100000] [--package DIR] [--top 25]

Without --package it profiles a synthetic package of about --rows rows (benchmarks/
synthetic.py, in a temporary directory, with the article pin moved to the synthetic article
as benchmarks/validate_synthetic.py does); `--package .` profiles the real one. It prints
(1) the wall time of each layer and of each check of layers 4-7, without the profiler;
(2) cProfile's own time summed by area (frictionless, pydantic, each validator module, ...);
(3) cProfile's top functions by own time and by cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import inspect
import io
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from synthetic import write_package  # noqa: E402


def clocked(label: str, function, timings: list):
    """`function`, timed into `timings` on each call; a generator (a check) is run to its end."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        value = function(*args, **kwargs)
        if inspect.isgenerator(value):
            value = list(value)
        timings.append((label, time.perf_counter() - start))
        return value
    return wrapper


def layer_timings(descriptor: Path) -> list[tuple[str, float]]:
    """One validator.run.validate_package call, with a clock around each layer function it
    calls and each check of layers 4-7 (wrapped in place, then restored)."""
    timings: list[tuple[str, float]] = []
    clocked("import frictionless", __import__, timings)("frictionless")
    from validator import run
    steps = {"load_package": "1 descriptor: load_package",
             "check_tables": "2 tables: check_tables (frictionless)",
             "check_rows": "3 rows: check_rows (pydantic + rules)"}
    saved = {name: getattr(run, name) for name in steps}
    saved_checks = {table: dict(checks) for table, checks in
                    (("article", run.CHECKS_NEEDING_ARTICLE), ("files", run.CHECKS_ON_FILES))}
    try:
        for name, label in steps.items():
            setattr(run, name, clocked(label, saved[name], timings))
        for checks in (run.CHECKS_NEEDING_ARTICLE, run.CHECKS_ON_FILES):
            for layer, functions in checks.items():
                checks[layer] = [clocked(f"{layer}: {f.__name__}", f, timings) for f in functions]
        report = run.validate_package(descriptor)
    finally:
        for name, function in saved.items():
            setattr(run, name, function)
        run.CHECKS_NEEDING_ARTICLE.update(saved_checks["article"])
        run.CHECKS_ON_FILES.update(saved_checks["files"])
    assert report.valid, f"the package must be valid to be profiled: {report.findings[:3]}"
    return timings


AREAS = [("frictionless", "/frictionless/"), ("pydantic", "/pydantic"), ("petl", "/petl/"),
         ("validator.", "/validator/")]


def area(filename: str) -> str:
    for name, marker in AREAS:
        if marker in filename:
            return name + Path(filename).stem if name == "validator." else name
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C: str, re, csv, ...)"
    return "stdlib/other Python: " + Path(filename).stem


def by_area(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        totals[area(filename)] += tottime
    return sorted(totals.items(), key=lambda item: -item[1])


def top(stats: pstats.Stats, order: str, n: int) -> str:
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats(order).print_stats(n)
    text = out.getvalue()
    text = text.replace(str(ROOT / ".venv" / "lib"), "…").replace(str(ROOT) + "/", "")
    return text[text.index("   ncalls"):].rstrip()


def profile(descriptor: Path, n: int) -> None:
    from validator.run import validate_package
    profiler = cProfile.Profile()
    start = time.perf_counter()
    report = profiler.runcall(validate_package, descriptor)
    elapsed = time.perf_counter() - start
    assert report.valid, "the package must be valid to be profiled"
    stats = pstats.Stats(profiler)
    total = sum(v[2] for v in stats.stats.values())
    print(f"\n## cProfile: {elapsed:.2f} s wall under the profiler, {report.rows} rows\n")
    print("Own time by area (share of profiled time):\n")
    for name, seconds in by_area(stats)[:14]:
        print(f"- {name}: {seconds:.2f} s ({seconds / total:.0%})")
    print(f"\nTop {n} by own time:\n\n```\n{top(stats, 'tottime', n)}\n```")
    print(f"\nTop {n} by cumulative time:\n\n```\n{top(stats, 'cumulative', n)}\n```")


def pin_synthetic_article(article: Path) -> None:
    """As benchmarks/validate_synthetic.py does: the descriptor layer pins the real article's
    SHA-256; expect the synthetic article's instead (the check still runs)."""
    from validator import package
    if hasattr(package, "ARTICLE_SHA256"):
        package.ARTICLE_SHA256 = hashlib.sha256(article.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--package", type=Path, help="an existing package directory instead")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="validate-profile-") as workdir:
        if args.package:
            descriptor = args.package.resolve() / "datapackage.json"
        else:
            descriptor = Path(workdir) / "datapackage.json"
            print(f"synthetic package: {write_package(Path(workdir), args.rows)} rows", file=sys.stderr)
            pin_synthetic_article(Path(workdir) / "data" / "article.txt")
        timings = layer_timings(descriptor)
        total = sum(seconds for label, seconds in timings if not label.startswith("import"))
        print(f"## Wall time per step (no profiler): {total:.2f} s after imports\n")
        print("| step | seconds | share |\n|---|--:|--:|")
        for label, seconds in timings:
            share = "-" if label.startswith("import") else f"{seconds / total:.0%}"
            print(f"| {label} | {seconds:.3f} | {share} |")
        profile(descriptor, args.top)


if __name__ == "__main__":
    main()
