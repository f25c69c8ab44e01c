"""The whole validation: every registered check, each skipped only when what it needs could
not be read. `validate_package` is the API; it never prints and never writes.

The checks that read only the files run first (they read no finding, so their order does
not matter); then the checks that read the typed rows, in layer order; the privacy layer's
last, while a second process reads part of the package's text for them (where it may).
Findings are reported layer by layer. While the checks run, the article's words count as public for their messages
when the article is the pinned snapshot (`disclosure`)."""
from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field

from . import completeness, descriptor, faithfulness, hygiene, rows, tables  # noqa: F401  (they register their checks)
from .context import Context
from .disclosure import public_article
from .findings import LAYERS, Finding
from .package import load_package
from .pins import ARTICLE_SHA256, PERSONS
from .privacy import checks as privacy_checks  # noqa: F401  (it registers the privacy checks)
from .privacy.allowed import allowed_dates
from .privacy.scan import begin_beside, end_beside
from .registry import FILES, NOTHING, registered


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)  # layer by layer, as `validate_package` gives them
    tables: int = 0
    rows: int = 0
    checks: int = 0  # the checks that ran

    @property
    def valid(self) -> bool:
        return not self.findings

    def by_layer(self) -> list[Finding]:
        return in_layer_order(self.findings)


def in_layer_order(findings: list[Finding]) -> list[Finding]:
    """The findings layer by layer, each layer's in the order found."""
    return sorted(findings, key=lambda f: LAYERS.index(f.layer))


def validate_package(path: str | os.PathLike, *, article_sha256: str = ARTICLE_SHA256,
                     persons: dict[str, str] | None = None, workers: int = 1) -> Report:
    """Check the package whose descriptor is `path` (or is in the directory `path`) against the
    pinned article snapshot and the reviewed list of persons (by default this package's own).

    With `workers=2`, where the system can fork and the package holds much text, a second
    process shares the privacy layer's reading, from when the package is loaded: the same
    findings, sooner on two cores. The command line asks for it; the default runs in this
    process."""
    collecting = gc.isenabled()
    gc.disable()  # everything made here lives until the report: no collection could free it
    try:
        context = Context(load_package(path), article_sha256, PERSONS if persons is None else persons,
                          workers=workers)
        checks = [check for check in registered() if context.provides(check.needs)]
        _run(context, checks)
    finally:
        if collecting:
            gc.enable()
    tables = context.package.tables() if context.package.descriptor is not None else []
    rows = sum(len(context.records.numbered(t.name)) for t in tables) if len(checks) > 1 else 0
    return Report(in_layer_order(context.findings), len(tables), rows, len(checks))


def _run(context: Context, checks: list) -> None:
    """Each check, in its running order, its findings added to the context's; while they run,
    the article's words are public (when it is the pinned snapshot), and a second process reads
    for the privacy layer (where it may), over when they are, whatever happens."""
    beside = context.shared(begin_beside) if context.package.descriptor is not None else None
    try:
        pinned = context.article_is_pinned
        with public_article(context.article if pinned else None, context.shared(allowed_dates).events):
            for check in _in_running_order(checks):
                context.findings += check.run(context)
    finally:
        if beside is not None:
            end_beside(beside)


def _in_running_order(checks: list) -> list:
    """The checks that read only the files first, then the others, each in the order
    registered; the privacy layer's last, while a second process reads (`begin_beside`). No
    check reads the privacy layer's findings, and a layer's checks keep their order, so its
    findings do too."""
    privacy = [check for check in checks if check.layer == privacy_checks.LAYER]
    others = [check for check in checks if check not in privacy]
    on_files = [check for check in others if check.needs in (NOTHING, FILES)]
    return on_files + [check for check in others if check not in on_files] + privacy
