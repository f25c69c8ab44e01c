"""The hash refresher: it records sizes and hashes, says what it changed, checks without
writing, and never loses or half-writes the descriptor."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from update_hashes import main

SCRIPT = str(ROOT / "scripts" / "update_hashes.py")


def test_a_current_package_is_left_alone(package, capsys):
    before = package.descriptor.read_bytes()
    assert main([str(package.descriptor)]) == 0
    assert "every size and hash is current" in capsys.readouterr().out
    assert package.descriptor.read_bytes() == before


def test_check_reports_stale_entries_and_writes_nothing(package, capsys):
    size = package.table_file("figures").stat().st_size
    rows = package.rows("figures")
    rows[0]["measure"] += " Edited."
    package.write_rows("figures", rows, rehash=False)
    before = package.descriptor.read_bytes()
    assert main(["--check", str(package.descriptor)]) == 1
    out = capsys.readouterr().out
    assert f"figures: bytes is stale: {size} -> {size + len(' Edited.')}" in out and "figures: hash is stale: sha256:" in out
    assert package.descriptor.read_bytes() == before


def test_an_update_says_what_it_changed_and_validates(package, capsys):
    size = package.table_file("figures").stat().st_size
    rows = package.rows("figures")
    rows[0]["measure"] += " Edited."
    package.write_rows("figures", rows, rehash=False)
    assert main([str(package.descriptor)]) == 0
    assert f"figures: bytes updated: {size} -> {size + len(' Edited.')}" in capsys.readouterr().out
    assert main(["--check", str(package.descriptor)]) == 0
    assert package.validate().valid


def test_a_failed_write_leaves_the_descriptor_whole(package, monkeypatch):
    rows = package.rows("figures")
    rows[0]["measure"] += " Edited."
    package.write_rows("figures", rows, rehash=False)
    before = package.descriptor.read_bytes()

    def crash(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        main([str(package.descriptor)])
    assert package.descriptor.read_bytes() == before
    assert sorted(p.name for p in package.root.iterdir()) == ["data", "datapackage.json", "schema"]


@pytest.mark.parametrize("content", ['{"resources": [], "name": "a", "name": "b"}', '{"resources": [{"bytes": NaN}]}',
                                     '{"title": "\\ud800", "resources": []}', "[1, 2]"])
def test_a_descriptor_it_cannot_write_back_is_refused(package, capsys, content):
    package.descriptor.write_text(content, encoding="utf-8")
    assert main([str(package.descriptor)]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert package.descriptor.read_text(encoding="utf-8") == content


def test_a_missing_file_is_refused(package, capsys):
    (package.root / "data" / "events.csv").unlink()
    before = package.descriptor.read_bytes()
    assert main([str(package.descriptor)]) == 2
    assert "data/events.csv: not found; nothing was written" in capsys.readouterr().err
    assert package.descriptor.read_bytes() == before


def test_help():
    result = subprocess.run([sys.executable, SCRIPT, "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--check" in result.stdout and "Traceback" not in result.stderr
