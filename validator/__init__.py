"""Checks for the package, as data: `validate_package(path)` returns a `Report` of `Finding`s.

    >>> from validator import validate_package
    >>> validate_package("datapackage.json").valid
    True

`validate.py` at the repository root is the command; the README's "Validation" section lists
the layers (`LAYERS`, in the order they run) and the module of each.
"""
from .findings import LAYERS, Finding
from .run import Report, validate_package

__all__ = ["LAYERS", "Finding", "Report", "validate_package"]
