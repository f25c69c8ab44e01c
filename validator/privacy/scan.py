"""The privacy scan: every text of the package (`texts`) read once (`readings`), every detector
over its readings (`detectors`), then what is allowed taken out: the dates and digests' digits that are no one's
(`allowed`) and the values a maintainer has reviewed (`exceptions`). One pass, shared by the
detectors' checks, which report their part of it.

A text, or a table row, that no detector's pre-filter could match in any reading is skipped
whole (`detectors.may_hold`). What the detectors find in a source (a table, a file) is kept for
as long as the process runs, by the source's content, so that a source read again unchanged is
not read again (a test session validates many copies of one package).
"""
from __future__ import annotations

import os
import pickle
import signal
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from ..findings import Problem
from .allowed import allowed_dates, package_digests
from .detectors import DETECTORS, found_in, may_hold, row_may_hold
from .detectors.full_date import CHECK as DATE_CHECK
from .exceptions import Exceptions, fingerprint, read_exceptions
from .readings import Readings
from .texts import sources

CHECKS = [detector.CHECK for detector in DETECTORS]
_DETECTOR = {detector.CHECK: detector for detector in DETECTORS}
EXCEPTIONS_HINT = ("a value reviewed as no one's personal data is recorded in privacy-exceptions.csv; "
                   "validate.py --exception-rows prints its row")
@dataclass
class Scan:
    problems: dict[str, list[Problem]] = field(default_factory=lambda: defaultdict(list))
    exceptions: Exceptions | None = None
    matched: set[int] = field(default_factory=set)  # rows of the exceptions file that let a value through


def scan(ctx) -> Scan:
    """What every detector finds in the package and may not stand (see the docstring)."""
    package = ctx.package
    result = Scan(exceptions=read_exceptions(package, CHECKS))
    allowed, digests = ctx.shared(allowed_dates), ctx.shared(package_digests)
    listed = ctx.shared(listed_sources)
    read = _finish_beside(ctx.shared(begin_beside))
    for key, _, source in listed:
        for text, check, found in read[key] if key in read else _found_in_source(key, source):
            if check == DATE_CHECK and allowed.allows(text, found) or digests.hold(text, found, check):
                continue
            entry = result.exceptions.entry(check, text.resource, found.value)
            if entry is not None:
                result.matched.add(entry.row)
                continue
            result.problems[check].append(_problem(text, check, found))
    return result


_KEPT: OrderedDict = OrderedDict()  # source key -> what the detectors found in it, most recent last
KEEP = 2048  # sources kept: several packages' (this repository has some 400)


# From this many characters on, a second process shares the reading (where one can be forked):
# below, starting it costs more than it saves.
BESIDE_FROM = 300_000
# The sources queued for the two processes, at most (four bytes each: they fit in a pipe's
# buffer of 64 KiB, written before either reads); any others are read here.
QUEUED = 16_000


def listed_sources(ctx) -> list:
    """(key, size, texts) of every source of texts of the package (`texts.sources`)."""
    return list(sources(ctx.package, row_may_hold))


@dataclass
class _Beside:
    """The sources to read, largest first: those queued (by their place in `sources`), which
    this process and the second one take in turn from a pipe, each the next one as it is free,
    and those read here in any case."""
    sources: list
    here: list
    queue: int | None = None
    child: int | None = None
    pipe: int | None = None
    received: dict = field(default_factory=dict)  # what the second process sent, once ended


def begin_beside(ctx) -> _Beside:
    """Where the validation may use two processes (`ctx.workers`), the system can fork and the
    sources not yet kept are large: a second process started now, which reads the sources
    queued, the largest first, while this one runs the other checks (`run.validate_package`
    starts it first) and then takes its share of the queue. Else every source is read here,
    when asked for."""
    listed = ctx.shared(listed_sources)
    todo = sorted((item for item in listed if item[0] not in _KEPT), key=lambda item: -item[1])
    if ctx.workers < 2 or not todo or not hasattr(os, "fork") or sum(size for _, size, _ in todo) < BESIDE_FROM:
        return _Beside([], [])
    queued, here = todo[:QUEUED], todo[QUEUED:]
    queue, queue_write = os.pipe()
    os.write(queue_write, b"".join(index.to_bytes(4, "big") for index in range(len(queued))))
    os.close(queue_write)  # once the queue is taken, a read of it ends
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the second process: read from the queue until it is empty, send what it found, end
        try:
            os.close(read)
            found = [(queued[index][0], _found_in_source(queued[index][0], queued[index][2]))
                     for index in _taken(queue)]
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(found, pipe)
        finally:
            os._exit(0)
    os.close(write)
    return _Beside(queued, here, queue, child, read)


def _taken(queue: int):
    """The place of each source this process takes from the queue, one at a time (a read of
    four bytes from a pipe is whole: the two processes never split one)."""
    while taken := os.read(queue, 4):
        yield int.from_bytes(taken, "big")


def _finish_beside(beside: _Beside) -> dict:
    """What the detectors find in each source of `beside`: this process's share read now, the
    second process's received (if it failed, what it took is read here when asked for)."""
    found = {key: _found_in_source(key, source) for key, _, source in beside.here}
    if beside.queue is not None:
        for index in _taken(beside.queue):
            key, _, source = beside.sources[index]
            found[key] = _found_in_source(key, source)
        os.close(beside.queue)
        beside.queue = None
    if beside.child is not None:
        with os.fdopen(beside.pipe, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(beside.child, 0)
        beside.child = None
        try:
            beside.received = dict(pickle.loads(sent))
        except Exception:
            pass
        for key, items in beside.received.items():
            _keep(key, items)
    return found | beside.received


def end_beside(beside: _Beside) -> None:
    """Stop a second process that is still reading (a check failed before the privacy layer
    asked for what it found) and close its pipes: no process or pipe outlives a validation."""
    if beside.child is None:
        return
    os.kill(beside.child, signal.SIGKILL)
    os.waitpid(beside.child, 0)
    os.close(beside.pipe)
    if beside.queue is not None:
        os.close(beside.queue)
    beside.child = beside.queue = None


def _keep(key, found: list) -> None:
    _KEPT[key] = found
    if len(_KEPT) > KEEP:
        _KEPT.popitem(last=False)


def _found_in_source(key, source) -> list[tuple]:
    """(text, check, find) for everything the detectors find in the texts of one source."""
    if key in _KEPT:
        _KEPT.move_to_end(key)
        return _KEPT[key]
    found = [(text, check, item) for text in source if may_hold(text.text)
             for check, item in found_in(Readings(text.text, code=text.code, styled=text.styled), text.numeric)
             if text.reports(item.start)]
    _keep(key, found)
    return found


def _problem(text, check: str, found) -> Problem:
    row, where = text.place(found.start)
    return Problem(f"{where} holds {found.looks_like} at character {text.column(found.start)}"
                   f"{_DETECTOR[check].EXPECTED} ({EXCEPTIONS_HINT})",
                   text.resource, row, text.field,
                   exception=(check, text.resource, fingerprint(found.value)))
