#!/usr/bin/env python3
"""Benchmark `python validate.py` against `frictionless validate datapackage.json`.

    .venv/bin/python benchmarks/run.py [--pairs 7] [--big-pairs 3] [--sizes 1000,10000,100000]

Runs from any working directory. Both tools run as whole processes, from the package's
directory, with the Python running this script (`sys.executable`) and the `frictionless`
executable beside it, interleaved A B A B so that drift on the machine hits both alike;
validate.py in a fresh clone of the repository (`fresh_clone`: a copy of the files git would
commit, in a new repository), compiling its own modules as it does there (it writes none),
frictionless as installed:

1. the real package: a warm-up pair, then --pairs timed pairs;
2. synthetic packages of the same schemas (benchmarks/synthetic.py) at about 1 000, 10 000
   and 100 000 rows, in a temporary directory; each is first asserted VALID by both tools
   (that run is the warm-up), then timed in --pairs pairs (--big-pairs at 100 000 rows and up).
   validate.py refuses any article but the real snapshot (its SHA-256 is pinned), so on
   synthetic packages it runs as benchmarks/validate_synthetic.py: the same CLI and checks,
   given the synthetic package's pins (its article's hash and its persons).

Per package it reports the median seconds, rows per second and peak memory of each tool: of
all the processes of one more run together (`tree_peak_mib`: validate.py forks a second
process on a large package), and of the largest one process in the timed runs (ru_maxrss,
from os.wait4); and the median of the per-pair ratio validate.py / frictionless; then the
targets. The Markdown goes to stdout, progress
to stderr.
"""
from __future__ import annotations

import argparse
import atexit
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import write_package  # noqa: E402

BIG = 100_000  # from this many rows on, --big-pairs applies
TOOLS = ("validate.py", "frictionless")
TARGET_REAL_RATIO = 1.0      # real package: validate.py / frictionless (the goal: 0.75)
TARGET_BIG_RATIO = 1.0       # at 100k rows: validate.py / frictionless
TARGET_GROWTH = 11.0         # validate.py: 100k time / 10k time
TARGET_MEMORY_RATIO = 1.5    # at 100k rows: validate.py peak memory / frictionless


@dataclass
class Sample:
    seconds: float
    cpu: float
    peak_kib: int


@dataclass
class Result:
    label: str
    rows: int
    samples: dict[str, list[Sample]] = field(default_factory=lambda: {t: [] for t in TOOLS})
    tree_peak: dict[str, float | None] = field(default_factory=dict)  # MiB, all of a run's processes

    def median(self, tool: str) -> float:
        return statistics.median(s.seconds for s in self.samples[tool])

    def peak_mib(self, tool: str) -> float:
        """The largest peak of any one process of the tool's timed runs (`ru_maxrss`)."""
        return max(s.peak_kib for s in self.samples[tool]) / 1024

    def ratio(self) -> float:
        """Median of the per-pair ratios validate.py / frictionless."""
        return statistics.median(a.seconds / b.seconds for a, b in
                                 zip(self.samples["validate.py"], self.samples["frictionless"]))


# ---- running the tools --------------------------------------------------------------------

def frictionless_executable() -> Path:
    exe = Path(sys.executable).parent / "frictionless"
    if not exe.exists():
        sys.exit(f"run.py: no frictionless beside {sys.executable}; run it with the venv's python, "
                 "e.g. .venv/bin/python benchmarks/run.py")
    return exe


def fresh_clone() -> Path:
    """The files git would commit (edits and untracked files that are not ignored included; a
    file deleted in the working tree left out), copied to a temporary folder that is a new git
    work tree of its own with no history (the files in its index, as a clone's are) and no
    compiled modules: validate.py runs there as in a fresh clone (in CI, say). It writes no
    compiled modules, so each run compiles its own from source; a working copy may hold some
    that another program left in `__pycache__`, which would make its time depend on that.
    Removed when the benchmark ends."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    clone = Path(tempfile.mkdtemp(prefix="validate-bench-clone-")) / ROOT.name
    for name in [name for name in listed if name and (ROOT / name).is_file()]:
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)
    subprocess.run(["git", "init", "--quiet", str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "add", "--all"], check=True)  # in the index, as in a clone
    atexit.register(shutil.rmtree, clone.parent, ignore_errors=True)
    return clone


CLONE = fresh_clone()
# validate.py writes no compiled modules; benchmarks/validate_synthetic.py must not either.
NO_COMPILED_MODULES = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def commands(package: Path) -> dict[str, tuple[list[str], dict | None]]:
    """Each tool's command line and environment (None: inherited), run from `package`.

    validate.py runs from a fresh clone (`fresh_clone`), compiling its modules as it does
    there; frictionless as installed (pip compiled its modules when it installed them). A
    synthetic package is checked by benchmarks/validate_synthetic.py: validate.py's own
    validation, given the synthetic package's pins (article hash and persons)."""
    ours = [sys.executable, str(CLONE / "validate.py"), "datapackage.json"], NO_COMPILED_MODULES
    if package.resolve() != CLONE.resolve():
        ours = [sys.executable, str(CLONE / "benchmarks" / "validate_synthetic.py"), "datapackage.json"], NO_COMPILED_MODULES
    return {"validate.py": ours,
            "frictionless": ([str(frictionless_executable()), "validate", "datapackage.json"], None)}


def run_once(command: tuple[list[str], dict | None], cwd: Path) -> Sample:
    """Run one process to completion; its wall time, CPU time and its own peak RSS."""
    argv, env = command
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"run.py: {' '.join(argv)} exited {process.returncode} in {cwd}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def tree_peak_mib(command: tuple[list[str], dict | None], cwd: Path) -> float | None:
    """One more run, untimed: the peak of the memory of all its processes together (validate.py
    forks a second process on a large package), as the sum of their proportional set sizes
    (PSS: a page two processes share counts half in each), read from /proc every 10 ms. None
    where the system has no /proc/PID/smaps_rollup. `ru_maxrss` (the timed runs' peak) is the
    largest of one process, not the sum."""
    if not Path(f"/proc/{os.getpid()}/smaps_rollup").exists():
        return None
    argv, env = command
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kib(pid) for pid in _process_tree(process.pid)))
        time.sleep(0.01)
    if process.returncode != 0:
        sys.exit(f"run.py: {' '.join(argv)} exited {process.returncode} in {cwd}")
    return peak / 1024


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += [child for listed in Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                      for child in _process_tree(int(listed))]
    except OSError:  # ended meanwhile
        pass
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:  # ended meanwhile
        pass
    return 0


def assert_valid(package: Path) -> None:
    """Both tools must call the package valid before it is worth timing."""
    (argv, env), (f_argv, _) = commands(package).values()
    ours = subprocess.run(argv, cwd=package, env=env, capture_output=True, text=True)
    if ours.returncode != 0 or not ours.stdout.startswith("valid:"):
        sys.exit(f"run.py: validate.py does not report {package} valid:\n{ours.stdout[-3000:]}")
    theirs = subprocess.run(f_argv + ["--json"], cwd=package, capture_output=True, text=True)
    if theirs.returncode != 0 or json.loads(theirs.stdout).get("valid") is not True:
        sys.exit(f"run.py: frictionless does not report {package} valid:\n{theirs.stdout[-3000:]}")


def time_pairs(result: Result, package: Path, pairs: int, warmup: bool) -> Result:
    tools = commands(package)
    for index in range(pairs + warmup):
        for tool in TOOLS:
            sample = run_once(tools[tool], package)
            if index >= warmup:
                result.samples[tool].append(sample)
        progress(f"  {result.label}: pair {index + 1 - warmup}/{pairs}"
                 + (" (warm-up)" if index < warmup else "")
                 + "".join(f"  {t} {result.samples[t][-1].seconds:.2f}s"
                           for t in TOOLS if index >= warmup))
    for tool in TOOLS:
        result.tree_peak[tool] = tree_peak_mib(tools[tool], package)
    progress(f"  {result.label}: memory of all processes: "
             + "  ".join(f"{t} {_mib(result.tree_peak[t])}" for t in TOOLS))
    return result


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def count_rows(package: Path) -> int:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    total = 0
    for resource in descriptor["resources"]:
        if resource.get("type") == "table":
            with open(package / resource["path"], encoding="utf-8", newline="") as f:
                total += sum(1 for row in csv.reader(f) if row) - 1
    return total


# ---- the benchmark ------------------------------------------------------------------------

def bench_real(pairs: int) -> Result:
    progress(f"real package ({ROOT}, copied to {CLONE})")
    assert_valid(CLONE)
    return time_pairs(Result("real package", count_rows(CLONE)), CLONE, pairs, warmup=True)


def bench_synthetic(rows: int, pairs: int, workdir: Path) -> Result:
    package = workdir / f"synthetic-{rows}"
    total = write_package(package, rows)
    progress(f"synthetic package, {total} rows ({package}): checking both tools call it valid")
    assert_valid(package)  # also the warm-up: both tools have just read these files
    return time_pairs(Result(f"synthetic ~{rows:,}".replace(",", " "), total), package, pairs,
                      warmup=False)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- reporting ----------------------------------------------------------------------------

def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version
    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}; "
            f"Python {platform.python_version()} ({platform.system()} {platform.release()}); "
            f"frictionless {version('frictionless')}")


def revision() -> str:
    """The commit benchmarked, and whether the working tree had uncommitted changes (the fresh
    clone holds them)."""
    def git(*args):
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True,
                              text=True).stdout.strip()
    try:
        commit = git("rev-parse", "--short", "HEAD") or "unknown"
        dirty = git("status", "--porcelain")
    except OSError:
        return "unknown (no git)"
    return commit + (" with uncommitted changes" if dirty else "")


def table(results: list[Result]) -> str:
    lines = ["| package | rows | pairs | validate.py s | frictionless s | ratio v/f | "
             "validate.py rows/s | frictionless rows/s | validate.py peak MiB, all processes | "
             "frictionless peak MiB, all processes | validate.py peak MiB, largest process | "
             "frictionless peak MiB, largest process |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in results:
        v, f = r.median("validate.py"), r.median("frictionless")
        lines.append(f"| {r.label} | {r.rows} | {len(r.samples['validate.py'])} | {v:.2f} | {f:.2f} "
                     f"| {r.ratio():.2f} | {r.rows / v:,.0f} | {r.rows / f:,.0f} "
                     f"| {_mib(r.tree_peak.get('validate.py'))} | {_mib(r.tree_peak.get('frictionless'))} "
                     f"| {r.peak_mib('validate.py'):.0f} | {r.peak_mib('frictionless'):.0f} |")
    return "\n".join(lines)


def verdict(name: str, value: float, target: float) -> str:
    holds = value <= target
    margin = (target - value) / target * 100
    how = f"holds, {margin:.0f}% under" if holds else f"MISSED, {-margin:.0f}% over"
    return f"- {name}: **{value:.2f}** (target <= {target:g}): {how}"


def targets(results: list[Result]) -> list[str]:
    by_rows = {r.rows: r for r in results if r.label != "real package"}
    lines = [verdict("real package, median per-pair ratio validate.py / frictionless",
                     results[0].ratio(), TARGET_REAL_RATIO)]
    big = max(by_rows, default=None)
    mid = min(by_rows, key=lambda n: abs(n - big / 10)) if big else None
    if big and big >= 0.9 * BIG:
        lines.append(verdict(f"{big} rows, median per-pair ratio validate.py / frictionless",
                             by_rows[big].ratio(), TARGET_BIG_RATIO))
    if big and big >= 0.9 * BIG and None not in by_rows[big].tree_peak.values():
        tree = by_rows[big].tree_peak
        lines.append(verdict(f"{big} rows, peak memory of all processes validate.py / frictionless",
                             tree["validate.py"] / tree["frictionless"], TARGET_MEMORY_RATIO))
        lines.append(f"- for comparison, the largest single process's peak (ru_maxrss), validate.py / frictionless: "
                     f"{by_rows[big].peak_mib('validate.py') / by_rows[big].peak_mib('frictionless'):.2f}")
    if big and mid and mid != big:
        lines.append(verdict(f"validate.py time at {big} rows / at {mid} rows",
                             by_rows[big].median("validate.py") / by_rows[mid].median("validate.py"),
                             TARGET_GROWTH))
        lines.append(f"- for comparison, frictionless time at {big} rows / at {mid} rows: "
                     f"{by_rows[big].median('frictionless') / by_rows[mid].median('frictionless'):.2f}")
    return lines


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=7,
                        help="timed pairs for the real package and small synthetic ones (default 7)")
    parser.add_argument("--big-pairs", type=int, default=3,
                        help=f"timed pairs from {BIG} rows on (default 3)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="synthetic package sizes in rows, comma-separated (default 1000,10000,100000)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    code = revision()  # before the run: validator/ may be edited while it runs
    results = [bench_real(args.pairs)]
    with tempfile.TemporaryDirectory(prefix="validate-bench-") as workdir:
        for rows in sizes:
            results.append(bench_synthetic(rows, args.big_pairs if rows >= BIG else args.pairs,
                                           Path(workdir)))
    print(f"Machine: {machine()}\n")
    print(f"Code: commit {code} (at the start of the run)\n")
    print("Medians over interleaved pairs (validate.py, frictionless, validate.py, ...); "
          "ratio v/f is the median of the per-pair ratios; peak MiB, all processes, is the peak "
          "of the sum of the proportional set sizes of all of a run's processes (one more run of "
          "each tool, read every 10 ms); peak MiB, largest process, the largest ru_maxrss of one "
          "process in the timed runs. On synthetic packages validate.py runs as "
          "benchmarks/validate_synthetic.py (the same validation, given the synthetic package's "
          "pins).\n")
    print(table(results))
    print()
    print("\n".join(targets(results)))


if __name__ == "__main__":
    main()
