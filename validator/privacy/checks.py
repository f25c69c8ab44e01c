"""The privacy layer's checks, registered once, in the order they run.

No column named for personal identifiers or sensitive categories; none of what a detector
finds (`detectors`: one check each), however it is written, unless it is allowed or reviewed
(`scan`), and the reviewed exceptions current; no JSON key written twice; no text in the
screenshot; and the people in the tables the reviewed ones, with only what the article prints
of them (`persons`).
"""
from __future__ import annotations

from .. import layout
from ..findings import Problem
from ..registry import ARTICLE, FILES, ROWS, register
from ..vocabulary import sensitive_name
from .exceptions import FILE as EXCEPTIONS_FILE
from .images import png_problem
from .persons import free_text_labels_no_personal_attribute, persons_are_named_in_article, persons_are_the_reviewed_ones
from .scan import CHECKS, scan
from .texts import repeated_keys

LAYER = "privacy"


def no_sensitive_field_names(ctx):
    """No column is named for a personal identifier or a sensitive category (name, birth
    date, ID number, ethnicity, political opinion, religion, health, …), in English, Chinese
    or pinyin."""
    for resource in ctx.package.resources.values():
        names = resource.schema_fields + (resource.table.header if resource.table else [])
        for name in dict.fromkeys(n for n in names if isinstance(n, str)):
            if sensitive_name(name):
                yield Problem("a column for personal identifiers or sensitive categories (name, "
                              "birth date, ID number, ethnicity, political opinion, religion, "
                              "health, address, phone, e-mail, ...) is not allowed in this package",
                              resource.path, field=name)


def detector_check(check: str):  # pragma: no mutate block (runs at import)
    """The check that reports what the detector of `check` finds (`scan`, one pass shared)."""
    def found(ctx):
        return ctx.shared(scan).problems.get(check, [])
    found.__name__ = check
    found.__doc__ = f"What the detector `{check}` finds (`validator/privacy/detectors`), but what is allowed."
    return found


def privacy_exceptions_are_current(ctx):
    """Each row of privacy-exceptions.csv is well formed and lets through a value a detector
    finds: a stale one (the value is gone) is removed, so that the file lists what is there."""
    result = ctx.shared(scan)
    for row, field, problem in result.exceptions.problems:
        yield Problem(problem, EXCEPTIONS_FILE, row, field)
    for entry in result.exceptions.entries.values():
        if entry.row not in result.matched:
            yield Problem("this exception matches nothing its check finds in its file: the value is gone "
                          "or was changed; expected it removed", EXCEPTIONS_FILE, entry.row, "sha256")


def no_json_key_written_twice(ctx):
    """No JSON object writes a key twice: a JSON reader keeps one of its values and drops the
    others, which nobody then sees (every value is scanned all the same)."""
    for resource, member in repeated_keys(ctx.package):
        yield Problem("this key is written again in its object, so a JSON reader keeps one of its "
                      "values and drops the others unseen; expected each key once", resource, field=member)


def no_text_in_images(ctx):
    """The images (the screenshots) carry pixels only: no text, EXIF or other metadata, and
    nothing after their image data (`images.png_problem`)."""
    for file in ctx.package.files:
        if file.path in layout.BINARY_FILES and file.content is not None:
            problem = png_problem(file.content)
            if problem:
                yield Problem(f"{problem}; expected a PNG image with image data only", file.path)


register(LAYER, FILES, no_sensitive_field_names, *map(detector_check, CHECKS), privacy_exceptions_are_current,
         no_json_key_written_twice, no_text_in_images, free_text_labels_no_personal_attribute)
register(LAYER, ROWS, persons_are_the_reviewed_ones)
register(LAYER, ARTICLE, persons_are_named_in_article)
