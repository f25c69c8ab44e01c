"""Layer 2, tables: every table against its Table Schema, by frictionless.

Types, constraints, enums, primary keys, foreign keys, missing or extra columns. Sizes
and hashes are the descriptor layer's, so they are not checked twice here; tables that
could not be read are left to the layers that said why.
"""
from __future__ import annotations

import copy

from .findings import Finding, finding
from .package import LoadedPackage, Resource

LAYER = "tables"


def check_tables(package: LoadedPackage) -> list[Finding]:
    from frictionless import Package

    tables = package.tables()
    if not tables:
        return []
    available = {t.name for t in tables}
    descriptor = {"resources": [_frictionless_resource(t, available) for t in tables]}
    try:
        report = Package(descriptor, basepath=str(package.root)).validate()
    except Exception as error:  # frictionless raises on descriptors it cannot use
        return [finding(LAYER, "table_schema", f"frictionless cannot validate the tables: {error}")]
    paths = {t.name: t.path for t in tables}
    findings = []
    for task in report.tasks:
        for error in task.errors:
            findings.append(_finding(error, paths.get(task.name, task.name)))
    return findings


def blocked_rows(findings: list[Finding]) -> dict[str, set[int] | None]:
    """Rows the later layers must skip, per resource path; None means the whole table
    (its header or schema is wrong, so no row can be trusted)."""
    blocked: dict[str, set[int] | None] = {}
    for f in findings:
        if f.layer != LAYER:
            continue
        if f.row is None or f.row <= 1:
            blocked[f.resource] = None
        elif blocked.get(f.resource, set()) is not None:
            blocked.setdefault(f.resource, set()).add(f.row)
    return blocked


def _frictionless_resource(resource: Resource, available: set[str]) -> dict:
    descriptor = {k: v for k, v in resource.descriptor.items()
                  if k not in ("bytes", "hash", "schema")}
    schema = copy.deepcopy(resource.schema)
    # A key into a table that could not be read would only repeat the reason it could not.
    schema["foreignKeys"] = [
        key for key in schema.get("foreignKeys", [])
        if not isinstance(key, dict) or not isinstance(key.get("reference"), dict)
        or key["reference"].get("resource", "") in available | {""}]
    if not schema["foreignKeys"]:
        del schema["foreignKeys"]
    descriptor["schema"] = schema
    return descriptor


def _finding(error, path: str) -> Finding:
    field = getattr(error, "field_name", None) or getattr(error, "label", None)
    if not field and getattr(error, "field_names", None):
        field = ",".join(error.field_names)
    row = getattr(error, "row_number", None)
    if row is None and getattr(error, "row_numbers", None):
        row = error.row_numbers[0]
    message = error.note or error.message
    cell = getattr(error, "cell", None)
    if cell is not None and error.type in ("constraint-error", "type-error"):
        message += f"; found {_short(str(cell))!r}"
    return finding(LAYER, error.type, f"{error.title.lower()}: {message}", path, row, field or None)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
