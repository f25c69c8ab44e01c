"""The whole validation: the seven layers in order, each skipping only what an earlier
finding makes impossible to check. `validate_package` is the API; it never prints and
never writes."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import completeness, faithfulness, hygiene, privacy
from .context import Context
from .findings import LAYERS, Finding
from .package import load_package
from .rows import check_rows, rule_names
from .tables import check_tables

# Layers 4-7: lists of checks, each a function of the context returning findings.
CHECKS_NEEDING_ARTICLE = {"faithfulness": faithfulness.CHECKS,
                          "completeness": completeness.CHECKS,
                          "privacy": [privacy.persons_are_named_in_article]}
CHECKS_ON_FILES = {"privacy": [c for c in privacy.CHECKS
                               if c is not privacy.persons_are_named_in_article],
                   "hygiene": hygiene.CHECKS}


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    tables: int = 0
    rows: int = 0
    checks: int = 0

    @property
    def valid(self) -> bool:
        return not self.findings

    def by_layer(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: LAYERS.index(f.layer))


def validate_package(path: str | os.PathLike) -> Report:
    report = Report()
    package, found = load_package(path)
    report.findings += found
    report.checks += 1
    if package is None:
        return report
    table_findings, blocked = check_tables(package)
    report.findings += table_findings
    row_findings, records = check_rows(package, blocked)
    report.findings += row_findings
    report.checks += 2 + len(rule_names())
    report.tables = len(package.tables())
    report.rows = sum(len(t.table.records) for t in package.tables())
    context = Context(package, records)
    checks = [(layer, check) for layer, cs in CHECKS_ON_FILES.items() for check in cs]
    if context.article is not None:
        checks += [(layer, check) for layer, cs in CHECKS_NEEDING_ARTICLE.items() for check in cs]
    for _, check in checks:
        report.findings += list(check(context))
    report.checks += len(checks)
    return report
