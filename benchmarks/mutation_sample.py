#!/usr/bin/env python3
"""Mutation testing of `validator/` on a sample, and its score per module.

A full `mutmut run` makes some 7 700 mutants and takes hours on two cores; a fixed sample of
each module's mutants gives each module's score in minutes. After `mutmut run` has made the
mutants (it may be stopped once it reports testing them):

    .venv/bin/python benchmarks/mutation_sample.py --per-module 35 > /tmp/sample.txt
    .venv/bin/mutmut run --max-children 2 $(cat /tmp/sample.txt)
    .venv/bin/python benchmarks/mutation_sample.py --score --sample /tmp/sample.txt

The sample is drawn with a fixed seed from the mutants mutmut recorded (`mutants/validator/
*.meta`), the same on every run for the same code; with `--score` it prints, per module, the
mutants tested, killed (by a failing test or a timeout), survived and without any test, and the
score: killed / tested (with `--sample FILE`, of the mutants that file lists only). Mutants
not yet tested are left out of the score, never counted.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
META = ROOT / "mutants" / "validator"
# mutmut's exit codes: 1 a test failed (killed), 0 all passed (survived), 33 no test ran it,
# 36 a timeout (counted as killed, as mutmut does), None not tested yet.
STATUS = {0: "survived", 1: "killed", 33: "no tests", 36: "killed", None: "not tested"}


def recorded() -> dict[str, dict[str, int | None]]:
    """Module name -> {mutant name: exit code or None}, from mutmut's files; a module of a
    package by its dotted name under `validator` (`privacy.detectors.email`)."""
    modules = {}
    for meta in sorted(META.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if codes:
            module = meta.relative_to(META).as_posix().removesuffix(".py.meta").replace("/", ".")
            modules[module] = codes
    return modules


def sample(per_module: int, seed: int) -> dict[str, list[str]]:
    """Module name -> the mutants drawn from it."""
    chosen = {}
    for module, codes in recorded().items():
        names = sorted(codes)
        chosen[module] = sorted(random.Random(f"{seed}:{module}").sample(names, min(per_module, len(names))))
    return chosen


def score(only: set[str] | None = None) -> str:
    lines = ["| module | tested | killed | survived | no test | score |", "|---|--:|--:|--:|--:|--:|"]
    total = Counter()
    for module, codes in recorded().items():
        counts = Counter(STATUS.get(code, "killed") for name, code in codes.items()
                         if only is None or name in only)
        tested = counts["killed"] + counts["survived"] + counts["no tests"]
        if not tested:
            continue
        total += counts
        lines.append(f"| `{module}` | {tested} | {counts['killed']} | {counts['survived']} | "
                     f"{counts['no tests']} | {100 * counts['killed'] / tested:.0f}% |")
    tested = total["killed"] + total["survived"] + total["no tests"]
    lines.append(f"| all | {tested} | {total['killed']} | {total['survived']} | {total['no tests']} | "
                 f"{100 * total['killed'] / max(tested, 1):.1f}% |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-module", type=int, default=35, help="mutants drawn from each module")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--score", action="store_true", help="print the score per module instead")
    parser.add_argument("--sample", type=Path, help="with --score: count only the mutants this file lists")
    parser.add_argument("--by-module", action="store_true",
                        help="print one line per module, its mutants separated by spaces (to run a module at a time)")
    args = parser.parse_args()
    if args.score:
        only = set(args.sample.read_text(encoding="utf-8").split()) if args.sample else None
        print(score(only))
    else:
        chosen = sample(args.per_module, args.seed)
        if args.by_module:
            print("\n".join(" ".join(names) for names in chosen.values()))
        else:
            print("\n".join(name for names in chosen.values() for name in names))


if __name__ == "__main__":
    main()
