"""Write docs/index.html, the provenance viewer, from the package's tables, schemas and
descriptor. It refuses to build from a package that validate.py does not pass, and a test
fails when the committed page is out of date. After editing the data or the viewer:

    python scripts/build_site.py          # rewrite the page
    python scripts/build_site.py --check  # exit 1 if the page is out of date
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.build import InvalidPackage, build_page, page_path  # noqa: E402


def main(argv: list[str], root: Path = ROOT) -> int:
    if argv not in ([], ["--check"]):
        print("usage: python scripts/build_site.py [--check]", file=sys.stderr)
        return 2
    try:
        page = build_page(root)
    except InvalidPackage as error:
        for finding in error.findings:
            print(f"[{finding.layer}] {finding.as_text()}")
        print(f"not built: the package has {len(error.findings)} finding(s); run validate.py")
        return 1
    path = page_path(root)
    if argv == ["--check"]:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != page:
            print(f"{path.relative_to(root)} is out of date: run python scripts/build_site.py")
            return 1
        return 0
    path.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
