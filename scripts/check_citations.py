#!/usr/bin/env python3
"""Read a release's citation files back with pybtex, rispy and json, and compare each field
with CITATION.cff: python scripts/check_citations.py DIR

Exit 0 when every field agrees, 1 listing the ones that differ. .ci/run runs it in a
throw-away environment that holds only these readers and PyYAML, as a user's would.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from release.citation_check import problems  # noqa: E402
from release.package import load_citation, load_name  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0])
        return 2
    found = problems(Path(argv[0]), load_citation(ROOT), load_name(ROOT))
    print("\n".join(found) if found else "citations: every field agrees with CITATION.cff")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
