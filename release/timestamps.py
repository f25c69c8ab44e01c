"""The one timestamp every output carries, so that two builds of a commit are the same bytes.

Reproducible Builds: `SOURCE_DATE_EPOCH` when it is set, otherwise midnight UTC of the
version's `date-released` in CITATION.cff. Never the clock.
"""
from __future__ import annotations

import datetime
import os

UTC = datetime.timezone.utc
ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold


def release_time(citation: dict, environ=os.environ) -> datetime.datetime:
    """The build's timestamp, in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=UTC)
    released = citation["date-released"]
    if isinstance(released, str):
        released = datetime.date.fromisoformat(released)
    return datetime.datetime(released.year, released.month, released.day, tzinfo=UTC)


def zip_time(moment: datetime.datetime) -> tuple[int, int, int, int, int, int]:
    """`moment` as a zip entry's date_time (no time zone, two-second steps, not before 1980)."""
    moment = max(moment, ZIP_EPOCH)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)
