"""What a detector finds."""
from __future__ import annotations

from typing import NamedTuple


class Found(NamedTuple):
    """What a detector found: where (in the reading, or once placed, as written), the value
    as read (its fingerprint identifies it; it is never printed), and what it looks like."""
    start: int
    end: int
    value: str
    looks_like: str
    rank: int = 0  # of two finds at one place, the one of higher rank is kept
