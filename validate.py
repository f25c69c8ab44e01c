#!/usr/bin/env python3
"""Validate this data package: python validate.py [PATH/datapackage.json] [--format text|json|github]

Runs from any working directory. Exit 0 valid, 1 findings, 2 bad invocation (or the
dependencies are not installed), 3 an internal error (a bug; --traceback shows it), 120 its
output could not be written (a full disk).
See docs/validating.md for what it checks.
"""
import gc
import sys
from importlib.util import find_spec
from pathlib import Path

NEEDED = ("frictionless",)  # requirements.txt

if __name__ == "__main__":
    sys.dont_write_bytecode = True  # validating writes nothing, not even compiled modules
    gc.disable()  # a command that ends once it has printed: nothing is collected, even while importing (about 10 ms)
    missing = [name for name in NEEDED if find_spec(name) is None]
    if missing:
        print(f"validate.py: {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not "
              f"installed for {sys.executable}. Run the README's first command (Quick start): "
              "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt, then "
              ".venv/bin/python validate.py", file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validator.cli import end, main
    end(main())
