#!/usr/bin/env python3
"""Where validate.py spends its time, in-process: per layer and check, then cProfile.

    .venv/bin/python benchmarks/profile_validate.py [--rows 100000] [--package DIR] [--top 25]

Without --package it profiles a synthetic package of about --rows rows (benchmarks/
synthetic.py, in a temporary directory, validated against its own pins as
benchmarks/validate_synthetic.py does); `--package .` profiles the real one. It prints
(1) the wall time of loading and of each registered check, without the profiler;
(2) cProfile's own time summed by area (frictionless, pydantic, each validator module, ...);
(3) cProfile's top functions by own time and by cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
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

from synthetic import pins_file, write_package  # noqa: E402
from validator.pins import ARTICLE_SHA256, PERSONS  # noqa: E402


def layer_timings(descriptor: Path, pins: dict) -> list[tuple[str, float]]:
    """The steps of validator.run.validate_package, run one by one with a clock around each:
    loading the package, then every registered check (the registry is read, not patched)."""
    from validator.context import Context
    from validator.package import load_package
    from validator.registry import registered

    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    import frictionless  # noqa: F401  (its import is timed on its own)
    timings.append(("import frictionless", time.perf_counter() - start))
    start = time.perf_counter()
    context = Context(load_package(descriptor), pins["article_sha256"], pins["persons"])
    timings.append(("descriptor: load_package", time.perf_counter() - start))
    for check in registered():
        if context.provides(check.needs):
            start = time.perf_counter()
            context.findings += check.run(context)
            timings.append((f"{check.layer}: {check.code}", time.perf_counter() - start))
    assert not context.findings, f"the package must be valid to be profiled: {context.findings[:3]}"
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


def profile(descriptor: Path, pins: dict, n: int) -> None:
    from validator.run import validate_package
    profiler = cProfile.Profile()
    start = time.perf_counter()
    report = profiler.runcall(validate_package, descriptor, article_sha256=pins["article_sha256"],
                              persons=pins["persons"])
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--package", type=Path, help="an existing package directory instead")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="validate-profile-") as workdir:
        if args.package:
            descriptor = args.package.resolve() / "datapackage.json"
            pins = {"article_sha256": ARTICLE_SHA256, "persons": PERSONS}
        else:
            package = Path(workdir) / "package"
            print(f"synthetic package: {write_package(package, args.rows)} rows", file=sys.stderr)
            descriptor = package / "datapackage.json"
            pins = json.loads(pins_file(package).read_text(encoding="utf-8"))
        timings = layer_timings(descriptor, pins)
        total = sum(seconds for label, seconds in timings if not label.startswith("import"))
        print(f"## Wall time per step (no profiler): {total:.2f} s after imports\n")
        print("| step | seconds | share |\n|---|--:|--:|")
        for label, seconds in timings:
            share = "-" if label.startswith("import") else f"{seconds / total:.0%}"
            print(f"| {label} | {seconds:.3f} | {share} |")
        profile(descriptor, pins, args.top)


if __name__ == "__main__":
    main()
