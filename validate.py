#!/usr/bin/env python3
"""Validate the data package: python validate.py [PATH/datapackage.json] [--json]

Runs from any working directory. Exit 0 valid, 1 findings, 2 bad invocation, 3 an
internal error (a bug).
See README.md, "Validation", for what it checks.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validator.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
