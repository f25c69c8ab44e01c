"""The command line: parse arguments, run the validation, print for people or for machines.

Exit codes: 0 valid, 1 findings, 2 bad invocation, 3 an internal error (a bug).
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from pathlib import Path

from .findings import snippet
from .run import Report, validate_package

EXIT_VALID, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
DEFAULT = Path(__file__).resolve().parent.parent / "datapackage.json"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="validate.py",
        description="Check that the data package is well-formed, faithful to its source "
                    "article, complete, and free of personal data. Reads; never writes.")
    parser.add_argument("descriptor", nargs="?", default=str(DEFAULT),
                        help="path to a datapackage.json, or to its directory "
                             "(default: the one beside validate.py)")
    parser.add_argument("--json", action="store_true",
                        help="print the findings as JSON (layer, check, resource, row, field, message)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # argparse has printed the usage
        return EXIT_USAGE if exit_.code else EXIT_VALID
    # A console that cannot show a character gets an escape, never a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        report = validate_package(args.descriptor)
        print(as_json(report) if args.json else as_text(report))
    except Exception as error:  # a bug: say so in one line, never a traceback
        print(f"validate.py: internal error, please report it: {type(error).__name__}: "
              f"{snippet(str(error), 300)}", file=sys.stderr)
        return EXIT_BUG
    return EXIT_VALID if report.valid else EXIT_FINDINGS


def as_text(report: Report) -> str:
    if report.valid:
        return (f"valid: {report.tables} tables, {report.rows} rows, {report.checks} checks, "
                "0 findings")
    lines = []
    for layer, findings in groupby(report.by_layer(), key=lambda f: f.layer):
        lines.append(f"[{layer}]")
        lines += [f.as_text() for f in findings]
    n = len(report.findings)
    lines.append(f"invalid: {n} finding{'s' if n != 1 else ''} ({report.tables} tables, "
                 f"{report.rows} rows, {report.checks} checks)")
    return "\n".join(lines)


def as_json(report: Report) -> str:
    return json.dumps({
        "valid": report.valid,
        "tables": report.tables,
        "rows": report.rows,
        "checks": report.checks,
        "findings": [f.as_dict() for f in report.by_layer()],
    }, indent=2, ensure_ascii=False)
