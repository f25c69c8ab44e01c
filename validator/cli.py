"""The command line: parse arguments, run the validation, print for people, machines or GitHub.

Exit codes: 0 valid, 1 findings, 2 bad invocation, 3 an internal error (a bug).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import socket
import stat
import sys
import traceback
from collections import Counter
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import NoReturn

from .findings import LAYERS, Finding, snippet
from .package import DESCRIPTOR
from .privacy.exceptions import HEADER as EXCEPTIONS_HEADER
from .run import Report, validate_package

EXIT_VALID, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
EXIT_UNWRITTEN = 120  # what the interpreter's own exit gives when the output cannot be written
DEFAULT = Path(__file__).resolve().parent.parent / DESCRIPTOR
FORMATS = ("text", "json", "github")
WORKERS = min(2, os.cpu_count() or 1)  # a large package is read in two processes where it can


class UsageError(Exception):
    """A bad invocation: said in one line, exit 2."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    return parser().parse_args(argv)


def parser() -> argparse.ArgumentParser:
    """The command line (docs/validating.md prints its help, scripts/build_docs.py keeps it)."""
    parser = argparse.ArgumentParser(
        prog="validate.py",
        description="Check this data package: the pinned snapshot of the article and its nine "
                    "tables (statements, entities, attributions, quotes, figures, events, "
                    "excluded_spans, corrections, article_revisions). It checks that the package "
                    "is well-formed, that every row says what the article says, that nothing the article says is missing, and "
                    "that no personal data is in any file. It reads, never writes, and never "
                    "touches the network. It is not a validator for other data packages.")
    parser.add_argument("descriptor", nargs="?", default=str(DEFAULT),
                        help="path to this package's datapackage.json, or to its directory "
                             "(default: the one beside validate.py)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text for people (default); json for machines; github for GitHub "
                             "Actions (one ::error workflow command per finding, and a summary "
                             "in $GITHUB_STEP_SUMMARY when it is set)")
    parser.add_argument("--json", action="store_const", const="json", dest="format",
                        help="the same as --format json")
    parser.add_argument("--exception-rows", action="store_true",
                        help="instead of the findings, print for each privacy finding a row for "
                             "privacy-exceptions.csv (check,file,sha256,) whose reason you write, "
                             "for a value you have reviewed as no one's personal data. A SHA-256 "
                             "identifies a short value to whoever tries each possible one: print "
                             "these on your own machine, never in a public log")
    parser.add_argument("--traceback", action="store_true",
                        help="on an internal error (exit 3), print its traceback, for a bug report")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:  # argparse has printed the usage or the help
        return EXIT_USAGE if exit_.code else EXIT_VALID
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a character gets an escape
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        descriptor = descriptor_path(args.descriptor)
        with no_network():
            report = validate_package(descriptor, workers=WORKERS)
        output = (exception_rows(report) if args.exception_rows
                  else render(report, args.format, descriptor.parent))
    except UsageError as error:
        print(f"validate.py: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug: say so in one line, or in full with --traceback
        if args.traceback:
            traceback.print_exc()
        print(f"validate.py: internal error, please report it (run with --traceback for the "
              f"details): {type(error).__name__}: {snippet(str(error), 300)}", file=sys.stderr)
        return EXIT_BUG
    if not write(output):
        return EXIT_UNWRITTEN
    return EXIT_VALID if report.valid else EXIT_FINDINGS


def end(code: int) -> NoReturn:
    """End the command with `code` once what it printed is written, skipping the interpreter's
    teardown (freeing one by one every object the validation made: about 25 ms of a run of
    about a second on the real package). Nothing else is left to do at exit: every file is
    closed, the second process has ended, and a reader that has gone has been answered by
    `write`. As at the interpreter's own exit, a stream that is missing or closed is left
    alone, and one that cannot be written (a full disk) makes the exit status 120."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or stream.closed:
            continue
        try:
            stream.flush()
        except OSError as error:
            code = EXIT_UNWRITTEN
            if stream is sys.stdout:
                say_unwritten(error)
    os._exit(code)


def descriptor_path(given: str) -> Path:
    """The descriptor `given` names; a UsageError when it names none."""
    path = Path(given)
    try:
        exists = "\x00" not in given and path.exists()
    except OSError as error:  # a name too long, say
        raise UsageError(f"{snippet(given, 200)!r}: {error.strerror or error}") from None
    if not exists:
        raise UsageError(f"{snippet(given, 200)!r}: no such file or directory")
    if path.is_dir() and path.name == DESCRIPTOR:
        raise UsageError(f"{snippet(given, 200)!r} is a directory, not a {DESCRIPTOR} file")
    if path.is_dir():
        if not (path / DESCRIPTOR).exists():
            raise UsageError(f"{snippet(given, 200)!r} is a directory without a {DESCRIPTOR}")
        return path / DESCRIPTOR
    if path.suffix.lower() != ".json":
        raise UsageError(f"{snippet(given, 200)!r} is not a {DESCRIPTOR}: give the package's "
                         f"descriptor (or its directory), not one of its files")
    return path


@contextmanager
def no_network():
    """While validating, any attempt to reach the network fails at once instead of waiting:
    the validator reads nothing but local files (a second line of defence behind the
    descriptor layer, which refuses every URL before a library could fetch it)."""
    def refuse(*args, **kwargs):
        raise OSError("validate.py never touches the network")
    saved = socket.socket.connect, socket.create_connection, socket.getaddrinfo
    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection, socket.getaddrinfo = saved


def write(output: str) -> bool:
    """Print `output`; a reader that has gone (`validate.py | head -1`), or no standard output
    at all, ends it quietly. False where it cannot be written otherwise (a full disk), which
    is said on standard error."""
    if sys.stdout is None:
        return True
    try:
        print(output)
        sys.stdout.flush()
    except OSError as error:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
        if not isinstance(error, BrokenPipeError):
            say_unwritten(error)
            return False
    return True


def say_unwritten(error: OSError) -> None:
    if sys.stderr is not None:
        print(f"validate.py: its output could not be written ({error.strerror or error})", file=sys.stderr)


def render(report: Report, format: str, root: Path) -> str:
    if format == "json":
        return as_json(report)
    if format == "github":
        write_step_summary(report)
        return as_github(report, root)
    return as_text(report)


def summary_line(report: Report) -> str:
    if report.valid:
        return f"valid: {report.tables} tables, {report.rows} rows, {report.checks} checks, 0 findings"
    n = len(report.findings)
    return (f"invalid: {n} finding{'s' if n != 1 else ''} ({report.tables} tables, "
            f"{report.rows} rows, {report.checks} checks)")


def exception_rows(report: Report) -> str:
    """The header of privacy-exceptions.csv and a row for each privacy finding, its reason
    empty (the validator refuses an entry without one)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXCEPTIONS_HEADER)
    for finding in report.by_layer():
        if finding.exception:
            writer.writerow([*finding.exception, ""])
    return out.getvalue().rstrip("\n")


def as_text(report: Report) -> str:
    lines = []
    for layer, findings in groupby(report.by_layer(), key=lambda f: f.layer):
        lines.append(f"[{layer}]")
        lines += [f.as_text() for f in findings]
    return "\n".join(lines + [summary_line(report)])


def as_json(report: Report) -> str:
    return json.dumps({
        "valid": report.valid,
        "tables": report.tables,
        "rows": report.rows,
        "checks": report.checks,
        "findings": [f.as_dict() for f in report.by_layer()],
    }, indent=2, ensure_ascii=False)


def as_github(report: Report, root: Path) -> str:
    """One workflow command per finding, placed on its file and line, then the summary line."""
    return "\n".join([github_command(f, root) for f in report.by_layer()] + [summary_line(report)])


def github_command(finding: Finding, root: Path) -> str:
    properties = {"file": _workspace_path(root, finding.resource or DESCRIPTOR)}
    if finding.line is not None:
        properties["line"] = str(finding.line)
    properties["title"] = f"{finding.layer}/{finding.check}"
    place = "" if finding.field is None else f"{finding.field}: "
    listed = ",".join(f"{k}={_escape(v, property=True)}" for k, v in properties.items())
    return f"::error {listed}::{_escape(place + finding.message)}"


def write_step_summary(report: Report) -> None:
    """A Markdown table of findings by layer, appended to $GITHUB_STEP_SUMMARY when it is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    counts = Counter(f.layer for f in report.findings)
    lines = ["### validate.py", "", summary_line(report), "", "| layer | findings |", "|---|--:|"]
    lines += [f"| {layer} | {counts.get(layer, 0)} |" for layer in LAYERS]
    try:
        summary = open_to_append(target)
    except OSError as error:  # the summary is a courtesy: the findings are printed anyway
        print(f"validate.py: cannot write $GITHUB_STEP_SUMMARY ({error.strerror or error}); "
              "expected a regular file, the summary is not written", file=sys.stderr)
        return
    with summary:
        summary.write("\n".join(lines) + "\n")


def open_to_append(path: str):
    """The regular file `path` (created if missing) opened to append text; an OSError for
    anything else (a FIFO, a directory, a device such as /dev/tty), said without opening it
    or, if it changes in between, without waiting for a reader or writing to it."""
    try:
        kind = _not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        kind = None
    if kind:
        raise OSError(f"it is {kind}")
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags, 0o644)
    kind = _not_regular(os.fstat(descriptor).st_mode)
    if kind:
        os.close(descriptor)
        raise OSError(f"it is {kind}")
    return open(descriptor, "a", encoding="utf-8")


def _not_regular(mode: int) -> str | None:
    """What a file of this mode is, if it is not a regular file."""
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def _workspace_path(root: Path, resource: str) -> str:
    """The file's path as GitHub places annotations: relative to the working directory."""
    path = root / resource
    try:
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


def _escape(value: str, property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property else value
