"""The published package passes every check, by our validator and by frictionless alone."""
import hashlib
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, validate_package


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".venv" not in p.parts
            and "__pycache__" not in p.parts and ".git" not in p.parts
            and ".pytest_cache" not in p.parts and ".hypothesis" not in p.parts}


def test_the_package_is_valid():
    report = validate_package(ROOT / "datapackage.json")
    assert report.findings == []
    assert report.tables == 9
    assert report.rows == sum(len((ROOT / "data" / f"{t}.csv").read_text().splitlines()) - 1
                              for t in ("entities", "statements", "attributions", "quotes",
                                        "figures", "events", "excluded_spans", "corrections",
                                        "article_revisions"))


def test_frictionless_validate_reports_the_package_valid():
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INVALID" not in result.stdout


def test_validation_modifies_nothing(package):
    package.write_bytes("data/figures.csv", b"\xef\xbb\xbfgarbage,\x00\r\n=1+1\n", rehash=False)
    before = tree_digest(package.root)
    report = package.validate()
    assert not report.valid
    assert tree_digest(package.root) == before
