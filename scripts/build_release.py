#!/usr/bin/env python3
"""Build the release files: python scripts/build_release.py DIR [--tag vX.Y.Z]

Writes into DIR (created if needed; `build/` inside the repository is ignored by git):
<name>-<version>.zip, .sqlite and .xlsx, annotations.jsonld, croissant.json, citation.bib,
citation.ris, citation.csl.json and SHA256SUMS. Refuses, printing the findings, a package
that does not validate. With --tag, first checks that the tag names the version stated in
datapackage.json, CITATION.cff and CHANGELOG.md (the release workflow passes the pushed tag).

    python scripts/build_release.py --readme   # rewrite the README's "How to cite" block
    python scripts/build_release.py --check    # exit 1 if that block is out of date

Timestamps come from SOURCE_DATE_EPOCH if set, else from CITATION.cff's date-released, so
two builds of one commit are the same bytes. Exit 0 built, 1 refused, 2 bad invocation.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from release import citation, package as package_module  # noqa: E402
from release.build import ReleaseRefused, build_release  # noqa: E402
from release.versions import stated_versions, tag_problems  # noqa: E402


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    args = _parser().parse_args(argv)
    if args.readme or args.check:
        return _readme(root, write=args.readme)
    if args.dir is None:
        _parser().error("give the directory to build into")
    if args.tag:
        problems = tag_problems(args.tag, stated_versions(root))
        if problems:
            print("\n".join(problems))
            return 1
    try:
        files = build_release(root, Path(args.dir))
    except ReleaseRefused as refused:
        for finding in refused.findings:
            print(f"[{finding.layer}] {finding.as_text()}")
        print(f"refused: the package does not validate ({len(refused.findings)} findings)")
        return 1
    for file in files:
        print(f"{file.stat().st_size:>9}  {file}")
    return 0


def _readme(root: Path, write: bool) -> int:
    path = root / "README.md"
    current = path.read_text(encoding="utf-8")
    block = citation.readme_block(package_module.load_citation(root), package_module.load_name(root))
    wanted = citation.with_readme_block(current, block)
    if write:
        path.write_text(wanted, encoding="utf-8", newline="\n")
        return 0
    if wanted != current:
        print("README.md: the How to cite block is out of date: "
              "run python scripts/build_release.py --readme")
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", help="directory to write the release files into")
    parser.add_argument("--tag", help="the release tag (vX.Y.Z) to check against the stated versions")
    parser.add_argument("--readme", action="store_true", help="rewrite the README's How to cite block")
    parser.add_argument("--check", action="store_true", help="exit 1 if that block is out of date")
    return parser


if __name__ == "__main__":
    sys.exit(main())
