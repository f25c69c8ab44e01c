#!/usr/bin/env python3
"""`python validate.py`, for a synthetic package (benchmarks/synthetic.py): the same
validation, against the synthetic package's own pins instead of the real article's.

    python benchmarks/validate_synthetic.py PATH/datapackage.json

The pins (the synthetic article's SHA-256 and its persons) are read from the file
benchmarks/synthetic.py writes beside the package, and passed to `validate_package`, which
takes them as parameters; nothing is patched. The output and exit codes are validate.py's.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import pins_file  # noqa: E402
from validator import validate_package  # noqa: E402
from validator.cli import WORKERS, as_text, no_network  # noqa: E402

if __name__ == "__main__":
    descriptor = Path(sys.argv[1])
    pins = json.loads(pins_file(descriptor.resolve().parent).read_text(encoding="utf-8"))
    with no_network():
        report = validate_package(descriptor, article_sha256=pins["article_sha256"],
                                  persons=pins["persons"], workers=WORKERS)
    print(as_text(report))
    sys.exit(0 if report.valid else 1)
