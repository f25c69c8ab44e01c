"""The command line as users run it: output, exit codes, --json, other working directories,
and no traceback for any input. The script is spawned where the process itself is under
test (working directory, stdout/stderr, exit status); the rest calls its main() in-process."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from validator.cli import main

VALIDATE = str(ROOT / "validate.py")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, VALIDATE, *args], cwd=cwd, capture_output=True,
                          text=True)


def test_valid_package_prints_one_line_and_exits_0(tmp_path):
    result = run(cwd=tmp_path)  # from another working directory, on the package beside the script
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("valid: 7 tables, ")
    assert result.stderr == ""


def test_findings_are_grouped_by_layer_with_a_count_and_exit_1(package):
    row = package.edit("figures", "f-party-branches", value="79001", measure="CCP branches. ")
    result = run(str(package.descriptor))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "[faithfulness]"
    assert lines[1].startswith(f"data/figures.csv:{row}:value: text 'about 79,000' reads as 79000")
    assert "[hygiene]" in lines
    assert lines[-1].startswith("invalid: 2 findings")
    assert "Traceback" not in result.stdout + result.stderr


def test_json_output(package, capsys):
    row = package.edit("figures", "f-party-branches", value="79001")
    assert main([str(package.root), "--json"]) == 1  # a directory stands for its datapackage.json
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    [finding] = report["findings"]
    assert set(finding) == {"layer", "check", "resource", "row", "field", "message"}
    assert (finding["layer"], finding["check"], finding["resource"], finding["row"],
            finding["field"]) == ("faithfulness", "figure_reads_as_value", "data/figures.csv", row, "value")


def test_bad_invocation_exits_2():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_two_paths_are_a_bad_invocation(capsys):
    assert main(["a.json", "b.json"]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe garbage", b'{"resources": [{"name": 1}]}',
                                     b'{"resources": [{"name": "a", "path": ["x", "y"]}]}',
                                     b'{"resources": [{"name": "a", "path": "data", "schema": 5}]}',
                                     b"[" * 100000])
def test_broken_descriptors_are_findings_not_errors(tmp_path, capsys, content):
    (tmp_path / "datapackage.json").write_bytes(content)
    (tmp_path / "data").mkdir()
    assert main([str(tmp_path / "datapackage.json")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].startswith("invalid: ") and err == ""


def test_missing_descriptor_is_a_finding(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere" / "datapackage.json")]) == 1
    assert "not found" in capsys.readouterr().out


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch, capsys):
    def broken(path):
        raise KeyError("boom")
    monkeypatch.setattr("validator.cli.validate_package", broken)
    assert main([]) == 3
    err = capsys.readouterr().err
    assert err.startswith("validate.py: internal error") and "Traceback" not in err
