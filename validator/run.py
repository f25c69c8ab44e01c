"""The whole validation: every registered check, each skipped only when what it needs could
not be read. `validate_package` is the API; it never prints and never writes.

The checks that read only the files run first (they read no finding, so their order does
not matter, and on a large package one of them may run in a second process); then the checks
that read the typed rows, in layer order. Findings are reported layer by layer."""
from __future__ import annotations

import gc
import os
import pickle
from dataclasses import dataclass, field

from . import completeness, descriptor, faithfulness, hygiene, privacy, rows, tables  # noqa: F401  (they register their checks)
from .context import Context
from .findings import LAYERS, Finding
from .package import load_package
from .pins import ARTICLE_SHA256, PERSONS
from .registry import FILES, NOTHING, Check, registered
from .texts import text_files

# Below both, a second process costs more than it saves: table rows, and characters of the
# other files, which the privacy layer reads in several ways (this repository's own files pass it).
SECOND_PROCESS_FROM_ROWS = 10_000
SECOND_PROCESS_FROM_CHARACTERS = 500_000


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    checks: int = 0  # the checks that ran

    @property
    def valid(self) -> bool:
        return not self.findings

    def by_layer(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: LAYERS.index(f.layer))


def validate_package(path: str | os.PathLike, *, article_sha256: str = ARTICLE_SHA256,
                     persons: dict[str, str] | None = None, workers: int = 1) -> Report:
    """Check the package whose descriptor is `path` (or is in the directory `path`) against the
    pinned article snapshot and the reviewed list of persons (by default this package's own).

    With `workers=2`, on a large package and where the system can fork, the checks marked
    `aside` run in a second process beside the other checks on the files: the same findings,
    sooner on two cores. The command line asks for it; the default runs in this process."""
    collecting = gc.isenabled()
    gc.disable()  # everything made here lives until the report: no collection could free it
    try:
        context = Context(load_package(path), article_sha256, PERSONS if persons is None else persons)
        checks = [check for check in registered() if context.provides(check.needs)]
        on_files = [check for check in checks if check.needs in (NOTHING, FILES)]
        for findings in run_on_files(on_files, context, workers):
            context.findings += findings
        for check in checks:
            if check not in on_files:
                context.findings += check.run(context)
    finally:
        if collecting:
            gc.enable()
    tables = context.package.tables() if context.package.descriptor is not None else []
    rows = sum(len(context.records.numbered(t.name)) for t in tables) if len(checks) > 1 else 0
    return Report(context.findings, len(tables), rows, len(checks))


def run_on_files(checks: list[Check], context: Context, workers: int) -> list[list[Finding]]:
    """The findings of each check, in order; the checks marked `aside` in a second process
    when that is worth it."""
    aside = [c for c in checks if c.aside] if workers > 1 and _worth_a_second_process(context) else []
    if not aside:
        return [check.run(context) for check in checks]
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the second process: run the checks set aside, send their findings, end
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps([check.run(context) for check in aside]))
        finally:
            os._exit(0)
    os.close(write)
    here = {check.code: check.run(context) for check in checks if not check.aside}
    with os.fdopen(read, "rb") as pipe:
        sent = pipe.read()
    os.waitpid(child, 0)
    try:
        there = dict(zip([check.code for check in aside], pickle.loads(sent)))
    except Exception:  # the second process failed: run its checks here
        there = {check.code: check.run(context) for check in aside}
    return [here[check.code] if check.code in here else there[check.code] for check in checks]


def _worth_a_second_process(context: Context) -> bool:
    if not hasattr(os, "fork") or context.package.descriptor is None:
        return False
    tables = context.package.parsed_tables()
    return (sum(len(t.table.records) for t in tables) >= SECOND_PROCESS_FROM_ROWS
            or sum(len(f.text) for f in text_files(context)) >= SECOND_PROCESS_FROM_CHARACTERS)
