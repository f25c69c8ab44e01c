"""The detectors as the privacy tests ask them, one kind at a time, through the public API of
`validator.privacy.detectors` (`found_in`: every detector over every reading of a text)."""
from __future__ import annotations

from datetime import date

from validator.findings import redact  # noqa: F401  (the tests import it from here)
from validator.privacy.detectors import found_in, invisible, script

IDENTIFIER_CHECKS = ("no_resident_id_numbers", "no_phone_numbers", "no_email_addresses")


def identifiers_in(text: str, numeric: bool = False) -> list[tuple[str, int]]:
    """(what it looks like, position) of every ID number, phone number and e-mail address."""
    return [(f.looks_like.removeprefix("what looks like "), f.start) for check, f in found_in(text, numeric)
            if check in IDENTIFIER_CHECKS]


def date_values_in(text: str, numeric: bool = False) -> list[tuple[date, int]]:
    """(the date, position) of every full calendar date."""
    return [(date.fromisoformat(f.value), f.start) for check, f in found_in(text, numeric)
            if check == "no_full_dates"]


def foreign_runs(text: str, allowed_words=()) -> list[tuple[str, int, int]]:
    return script.foreign_runs(text, allowed_words)


def invisible_characters(text: str) -> list[tuple[str, int]]:
    """(Unicode name, position) of every invisible character, as written."""
    return [(f.looks_like.removeprefix("the invisible character "), f.start) for f in invisible.find(text)]
