#!/usr/bin/env python3
"""What a contributor waits for: the two installs and the test suite, measured.

    .venv/bin/python benchmarks/installs_and_suite.py [--suite-runs 3] [--skip-installs]

1. Each install, as the Quick start runs it, into a new venv with an empty pip cache
   (`--no-cache-dir`, so every package is fetched and built as on a fresh machine): the
   validation-only install (requirements.txt) and the full one (requirements-dev.txt). It
   reports seconds, the packages installed and the venv's size.
2. The test suite as the Quick start runs it (`python -m pytest`, two xdist workers), in a
   fresh clone of the committed repository (no `.hypothesis/`, no caches), `--suite-runs`
   times, with this venv's Python: wall seconds, and the load average before each run, since
   the machine is shared.
3. The suite's floor, once the suite's runs are over (so that its load is in no run's load
   average), `--suite-runs` times: what pytest costs before any test does its own work.
   Collecting the suite in a fresh clone (`--collect-only`: pytest collects it in one process,
   as each of the two workers does before it runs its share), and as many tests as the suite
   collects that each do nothing (`assert True`, in a folder of their own, with the suite's
   `-n` and `--dist` as the clone's pyproject.toml gives them, and no plugin or conftest of this
   repository), so that the suite's time less the two is what its tests' own work costs.

The Markdown goes to stdout, progress to stderr. It needs git and the network (PyPI).
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def size_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def install(requirements: str, workdir: Path) -> tuple[float, int, float]:
    """(seconds, packages, MiB) of `pip install -r requirements` into a new venv, no cache."""
    venv = workdir / f"venv-{requirements}"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    start = time.perf_counter()
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir",
                    "--disable-pip-version-check", "-r", str(ROOT / requirements)], check=True)
    seconds = time.perf_counter() - start
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], check=True,
                            capture_output=True, text=True).stdout.split()
    packages = len([p for p in listed if not p.startswith(("pip==", "setuptools=="))])
    return seconds, packages, size_mib(venv)


def fresh_clone(workdir: Path, name: str) -> Path:
    """A clone of the committed repository in `workdir` (no `.hypothesis/`, no caches)."""
    clone = workdir / name
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    return clone


def suite(workdir: Path, runs: int) -> list[tuple[float, float]]:
    """(wall seconds, load average before) of each run of the suite in a fresh clone."""
    results = []
    for run in range(runs):
        clone = fresh_clone(workdir, f"clone-{run}")
        load = os.getloadavg()[0]
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=clone,
                                capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"the suite failed in {clone}:\n{result.stdout[-3000:]}")
        progress(f"  suite run {run + 1}/{runs}: {seconds:.1f} s (load average before: {load:.2f})")
        results.append((seconds, load))
    return results


COLLECTED = re.compile(r"^([0-9]+)(?:/[0-9]+)? tests? collected", re.MULTILINE)  # selected/all


WORKERS = re.compile(r"^created: ([0-9]+)/[0-9]+ workers", re.MULTILINE)  # as xdist reports them


def workers_options(clone: Path) -> list[str]:
    """The suite's options that say how its tests are spread over processes (`-n`, `--dist`),
    as the clone's pyproject.toml gives them to pytest."""
    with open(clone / "pyproject.toml", "rb") as f:
        given = shlex.split(tomllib.load(f)["tool"]["pytest"]["ini_options"]["addopts"])
    named = ("-n", "--numprocesses", "--dist")  # each followed by its value, or joined to it
    kept = [part for index, part in enumerate(given)
            if part.startswith(named) or index and given[index - 1] in named]
    if not any(part.startswith(("-n", "--numprocesses")) for part in kept):
        sys.exit(f"pyproject.toml's pytest addopts name no number of workers: {given}")
    return kept


def floor(workdir: Path, run: int) -> tuple[float, float, int, int, list[str]]:
    """(seconds to collect the suite in a fresh clone, in one process; seconds to run as many
    tests that do nothing, with the suite's `workers_options`; how many; on how many workers, as
    xdist reports them; those options)."""
    clone = fresh_clone(workdir, f"clone-collected-{run}")
    start = time.perf_counter()
    collected = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only"], cwd=clone,
                               capture_output=True, text=True)
    collecting = time.perf_counter() - start
    count = COLLECTED.search(collected.stdout)
    if collected.returncode != 0 or count is None:
        sys.exit(f"the suite's collection in {clone} failed (exit {collected.returncode}):\n"
                 f"{collected.stdout[-2000:]}{collected.stderr[-2000:]}")
    empty = workdir / f"tests-that-do-nothing-{run}"
    empty.mkdir()
    options = workers_options(clone)
    (empty / "pytest.ini").write_text(f"[pytest]\naddopts = {shlex.join(options)}\n", encoding="utf-8")
    module = ["import pytest", "", "", f"@pytest.mark.parametrize('case', range({count.group(1)}))",
              "def test_nothing(case):", "    assert True", ""]
    (empty / "test_nothing.py").write_text("\n".join(module), encoding="utf-8")
    start = time.perf_counter()
    ran = subprocess.run([sys.executable, "-m", "pytest"], cwd=empty, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    workers = WORKERS.search(ran.stdout)
    if ran.returncode != 0 or workers is None or f"{count.group(1)} passed" not in ran.stdout:
        sys.exit(f"the tests that do nothing in {empty} did not all pass on workers "
                 f"(exit {ran.returncode}):\n{ran.stdout[-2000:]}{ran.stderr[-2000:]}")
    return collecting, seconds, int(count.group(1)), int(workers.group(1)), options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite-runs", type=int, default=3)
    parser.add_argument("--skip-installs", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="installs-and-suite-") as workdir:
        if not args.skip_installs:
            print("| install | seconds | packages | venv MiB |\n|---|--:|--:|--:|")
            for requirements in ("requirements.txt", "requirements-dev.txt"):
                progress(f"installing {requirements} into a new venv, no pip cache")
                seconds, packages, mib = install(requirements, Path(workdir))
                print(f"| `{requirements}` | {seconds:.1f} | {packages} | {mib:.0f} |")
            print()
        runs = suite(Path(workdir), args.suite_runs)
        walls = [seconds for seconds, _ in runs]
        print("| suite runs | median wall s | min wall s | load averages before |\n|--:|--:|--:|---|")
        print(f"| {len(runs)} | {statistics.median(walls):.1f} | {min(walls):.1f} | "
              f"{', '.join(f'{load:.2f}' for _, load in runs)} |")
        floors = [floor(Path(workdir), run) for run in range(args.suite_runs)]
        collecting = statistics.median(floor_run[0] for floor_run in floors)
        nothing = statistics.median(floor_run[1] for floor_run in floors)
        _, _, count, workers, options = floors[0]
        print(f"\nThe floor, medians of {len(floors)}: collecting the suite, in one process, "
              f"{collecting:.1f} s; {count:,} tests that do nothing, with the suite's "
              f"`{shlex.join(options)}` ({workers} workers), {nothing:.1f} s; the suite less both, what its "
              f"tests' own work costs: {statistics.median(walls) - collecting - nothing:.1f} s.")


if __name__ == "__main__":
    main()
