"""Layer 2, tables: every table against its Table Schema, by frictionless.

Types, constraints, enums, primary keys, foreign keys, missing or extra columns. Sizes
and hashes are the descriptor layer's, so they are not checked twice here; tables that
could not be read are left to the layers that said why.
"""
from __future__ import annotations

import copy

from .findings import Finding, finding, snippet
from .package import LoadedPackage, Resource

LAYER = "tables"


def check_tables(package: LoadedPackage) -> tuple[list[Finding], dict[str, set[int] | None]]:
    """The findings, and the rows later layers must skip per table name (None: the whole
    table, because its header is wrong and no row can be trusted)."""
    from frictionless import Package

    tables = package.tables()
    if not tables:
        return [], {}
    available = {t.name for t in tables}
    descriptor = {"resources": [_frictionless_resource(t, available) for t in tables]}
    try:
        report = Package(descriptor, basepath=str(package.root)).validate()
    except Exception as error:  # frictionless raises on descriptors it cannot use
        findings = [finding(LAYER, "table_schema", snippet(f"frictionless cannot validate the "
                                                           f"tables: {error}", 300))]
        return findings, {t.name: None for t in tables}
    paths = {t.name: t.path for t in tables}
    findings, blocked = [], {}
    for task in report.tasks:
        for error in task.errors:
            f = _finding(error, paths.get(task.name, task.name))
            findings.append(f)
            if f.row is None or f.row <= 1:
                blocked[task.name] = None
            elif blocked.get(task.name, set()) is not None:
                blocked.setdefault(task.name, set()).add(f.row)
    return findings, blocked


def _frictionless_resource(resource: Resource, available: set[str]) -> dict:
    descriptor = {k: v for k, v in resource.descriptor.items()
                  if k not in ("bytes", "hash", "schema")}
    schema = copy.deepcopy(resource.schema)
    # A key into a table that could not be read would only repeat the reason it could not.
    # (The descriptor layer has checked every key's shape against the models.)
    schema["foreignKeys"] = [key for key in schema.get("foreignKeys", [])
                             if key["reference"]["resource"] in available]
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
    message = snippet(error.note or error.message, 300)
    cell = getattr(error, "cell", None)
    if cell is not None and error.type in ("constraint-error", "type-error"):
        message += f"; found {snippet(str(cell), 40)!r}"
    return finding(LAYER, error.type, f"{error.title.lower()}: {message}", path, row, field or None)
