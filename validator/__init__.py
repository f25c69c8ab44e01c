"""Checks for the package, as data: `validate_package(path)` returns a `Report` of `Finding`s.

    >>> from validator import validate_package
    >>> validate_package("datapackage.json").valid
    True

`validate.py` at the repository root is the command; docs/validating.md ("The seven layers")
lists the layers (`LAYERS`, in the order they run) and the module of each.
"""
from .findings import LAYERS, Finding
from .run import Report, validate_package

__all__ = ["LAYERS", "Finding", "Report", "validate_package"]
