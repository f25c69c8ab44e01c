"""The command line as users run it: output in each format, exit codes, other working
directories, bad paths, a closed pipe, missing dependencies, and no traceback for any input.
The script is spawned where the process itself is under test (working directory, streams,
exit status, interpreter); the rest calls its main() in-process."""
import csv
import hashlib
import io
import json
import os
import re
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, package_rows
from validator.cli import main, no_network
from validator.registry import registered

VALIDATE = str(ROOT / "validate.py")


def buffered_environment() -> dict[str, str]:
    """This environment with Python's streams buffered, as they are by default (some machines
    set PYTHONUNBUFFERED, which would hide output left unflushed)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


def run(*args, cwd=None, python=sys.executable, **kwargs):
    return subprocess.run([python, *kwargs.pop("flags", []), VALIDATE, *args], cwd=cwd,
                          capture_output=True, text=True, **kwargs)


def test_valid_package_prints_one_line_and_exits_0(tmp_path):
    result = run(cwd=tmp_path)  # from another working directory, on the package beside the script
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("valid: 9 tables, ")
    assert result.stderr == ""


def test_findings_are_grouped_by_layer_with_a_count_and_exit_1(package, capsys):
    row = package.edit("figures", "f-party-branches", value="79001", measure="CCP branches. ")
    assert main([str(package.descriptor)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[faithfulness]"
    assert lines[1].startswith(f"data/figures.csv:{row}:value: text 'about 79,000' reads as 79000; value is "
                               "(withheld: 5 characters")  # a number the article does not print
    assert lines[2:4] == ["[hygiene]", f"data/figures.csv:{row}:measure: leading or trailing "
                          "whitespace; expected the value alone"]
    assert lines[-1].startswith("invalid: 2 findings")


def test_json_output(package, capsys):
    row = package.edit("figures", "f-party-branches", value="79001")
    assert main([str(package.root), "--json"]) == 1  # a directory stands for its datapackage.json
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    [finding] = report["findings"]
    assert set(finding) == {"layer", "check", "resource", "row", "field", "message", "line"}
    assert (finding["layer"], finding["check"], finding["resource"], finding["row"], finding["field"],
            finding["line"]) == ("faithfulness", "figure_reads_as_value", "data/figures.csv", row, "value", row)
    assert main([str(package.root), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == report


def test_a_finding_on_a_header_is_on_line_1(package, capsys):
    text = package.table_file("figures").read_text(encoding="utf-8")
    package.write_bytes("data/figures.csv", text.replace("measure", "measure ", 1).encode("utf-8"))
    assert main([str(package.root), "--json"]) == 1
    on_the_header = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["row"] == 1]
    assert on_the_header and all(f["line"] == 1 for f in on_the_header)


def test_github_format_puts_each_finding_on_its_line(package, capsys, monkeypatch):
    # A line break in a cell above the broken row: its row number is no longer its line.
    package.edit("figures", "f-members-embedded", measure="CCP members embedded\nin corporations.")
    row = package.edit("figures", "f-party-branches", value="79001")
    package.edit_descriptor(lambda d: d["keywords"].append(5))  # a finding on no line
    monkeypatch.chdir(package.root)
    assert main(["datapackage.json", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("::error file=datapackage.json,title=descriptor/data_package_v2::"
                      + out[0].split("::", 2)[2])
    assert out[1].startswith(f"::error file=data/figures.csv,line={row + 1},title=faithfulness/"
                             "figure_reads_as_value::value: text 'about 79,000' reads as 79000")
    assert out[-1].startswith("invalid: 2 findings")


def test_github_format_escapes_what_workflow_commands_reserve(package, capsys, monkeypatch):
    monkeypatch.chdir(package.root)
    (package.root / "data" / "a,b:c%.txt").write_text("x")
    assert main(["--format", "github", "datapackage.json"]) == 1
    out = capsys.readouterr().out.splitlines()
    # The undocumented name is withheld; the description's colon and comma are escaped.
    assert out[0].startswith("::error file=data/(withheld%3A 10 characters),")
    assert ",title=descriptor/files_declared::" in out[0] and "a,b" not in out[0]


def test_no_output_prints_the_hash_of_a_refused_value_but_exception_rows_on_request(package, capsys, monkeypatch):
    """A hash of a date, a phone number or an ID number gives the value back to whoever tries
    every candidate: no format prints it; --exception-rows prints the rows to review."""
    date = "1970" "-03-01"
    (package.root / "docs").mkdir(exist_ok=True)
    (package.root / "docs" / "notes.md").write_text(f"Reviewed on {date}.\n", encoding="utf-8")
    digest = hashlib.sha256(date.encode()).hexdigest()
    monkeypatch.chdir(package.root)
    for format in ("text", "json", "github"):
        assert main(["--format", format, "datapackage.json"]) == 1
        out = capsys.readouterr().out
        assert "docs/notes.md" in out and digest[:8] not in out and date not in out, format
    assert main(["--exception-rows", "datapackage.json"]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["check", "file", "sha256", "reason"], ["no_full_dates", "docs/notes.md", digest, ""]]
    rows[1][3] = "An invented review date of the notes."
    with open(package.root / "privacy-exceptions.csv", "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    assert main(["datapackage.json"]) == 0


def test_github_step_summary_counts_findings_by_layer(package, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    package.edit("figures", "f-party-branches", value="79001")
    assert main([str(package.descriptor), "--format", "github"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert "| layer | findings |" in text and "| faithfulness | 1 |" in text and "| privacy | 0 |" in text


def test_bad_invocation_exits_2():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_two_paths_are_a_bad_invocation(capsys):
    assert main(["a.json", "b.json"]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("given, says", [("nowhere/datapackage.json", "no such file or directory"),
                                         ("data/figures.csv", "is not a datapackage.json"),
                                         ("data", "is a directory without a datapackage.json")])
def test_a_path_that_names_no_descriptor_exits_2_naming_it(given, says, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main([given]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"validate.py: '{given}'") and says in err


def test_help_says_what_it_checks(capsys):
    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Check this data package: the pinned snapshot of the article and its nine tables" in out
    assert "not a validator for other data packages" in out


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe garbage", b'{"resources": [{"name": 1}]}',
                                     b'{"resources": [{"name": "a", "path": ["x", "y"]}]}',
                                     b'{"resources": [{"name": "a", "path": "data", "schema": 5}]}',
                                     b"[" * 100000, b'{"a": 1, "a": 2}', b'{"a": NaN}',
                                     b'{"a": "\\ud800"}'])
def test_broken_descriptors_are_findings_not_errors(tmp_path, capsys, content):
    (tmp_path / "datapackage.json").write_bytes(content)
    (tmp_path / "data").mkdir()
    assert main([str(tmp_path / "datapackage.json")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].startswith("invalid: ") and err == ""


def test_a_deeply_nested_descriptor_names_the_nesting(tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text('{"name": ' * 40 + "1" + "}" * 40)
    assert main([str(tmp_path), "--json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["message"].startswith("nested 40 levels deep (at name.name.name.name")
    assert len(finding["message"]) < 200


@pytest.mark.parametrize("document, withheld", [
    ('{"1970' '.03.01": 1, "1970' '.03.01": 2}', "the key (withheld: 10 characters) appears twice"),
    ('{"Zhang San": {"a": "\\ud800"}}', "escape) at (withheld: 9 characters).(withheld: 1 character)"),
    ('{"1970": {"03": {"01": ' * 6 + "1" + "}}}" * 6, "(at (withheld: 62 characters))"),
])
def test_what_a_broken_descriptor_says_withholds_its_keys(tmp_path, capsys, document, withheld):
    (tmp_path / "datapackage.json").write_text(document)
    assert main([str(tmp_path), "--json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert withheld in finding["message"]
    assert not {"1970", "Zhang", "San"} & set(re.findall(r"\w+", finding["message"]))


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch, capsys):
    def broken(path, **options):
        raise KeyError("boom")
    monkeypatch.setattr("validator.cli.validate_package", broken)
    assert main([]) == 3
    err = capsys.readouterr().err
    assert err.startswith("validate.py: internal error") and "Traceback" not in err
    assert "--traceback" in err


def test_traceback_shows_an_internal_error_in_full(monkeypatch, capsys):
    def broken(path, **options):
        raise KeyError("boom")
    monkeypatch.setattr("validator.cli.validate_package", broken)
    assert main(["--traceback"]) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "KeyError: 'boom'" in err


@pytest.mark.parametrize("broken", [False, True])
def test_a_closed_output_pipe_ends_quietly_with_the_findings_exit(package, broken):
    if broken:
        package.edit("figures", "f-party-branches", value="79001")
    process = subprocess.Popen([sys.executable, VALIDATE, str(package.descriptor), "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader has gone before a line is written: `| head -0`
    stderr = process.stderr.read().decode()
    assert process.wait() == (1 if broken else 0)
    assert stderr == ""


@pytest.mark.parametrize("to_a_file", [False, True])
@pytest.mark.parametrize("args, code", [(["--help"], 0), (["--json", "{descriptor}"], 1),
                                        (["no-such-descriptor.json"], 2)])
def test_all_the_command_prints_is_written_before_it_ends(package, tmp_path, to_a_file, args, code):
    """The command ends without the interpreter's teardown (`cli.end`): what it printed to
    either stream, with or without a flush of its own, still reaches a pipe or a file whole,
    as main() prints it in-process. Its streams are buffered, as they are by default."""
    package.edit("figures", "f-party-branches", value="79001")
    command = [sys.executable, VALIDATE, *(arg.format(descriptor=package.descriptor) for arg in args)]
    buffered = buffered_environment()
    if to_a_file:
        with open(tmp_path / "out", "w") as out, open(tmp_path / "err", "w") as err:
            returncode = subprocess.run(command, stdout=out, stderr=err, cwd=tmp_path, env=buffered).returncode
        stdout, stderr = (tmp_path / "out").read_text(), (tmp_path / "err").read_text()
    else:
        result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=buffered)
        returncode, stdout, stderr = result.returncode, result.stdout, result.stderr
    assert returncode == code
    if "--help" in args:
        assert stdout.startswith("usage: validate.py") and stdout.rstrip().endswith("for a bug report")
    elif code == 1:
        assert json.loads(stdout)["findings"] and stdout.endswith("}\n")
    else:
        assert stderr == "validate.py: 'no-such-descriptor.json': no such file or directory\n"


@pytest.mark.parametrize("redirect, code, says", [
    ("2>&-", 0, None),                   # no standard error: the valid package's line is printed
    (">&-", 0, None),                    # no standard output: nothing to print it to
    ("--help >&-", 0, "usage: "),        # argparse prints its help on standard error then
    ("--format bogus >&-", 2, "usage: "),
    (">/dev/full", 120, "its output could not be written (No space left on device)"),
    ("--json >/dev/full", 120, "its output could not be written (No space left on device)"),
    ("--help >/dev/full", 120, "its output could not be written (No space left on device)"),
])
def test_a_missing_or_unwritable_stream_gives_the_interpreter_s_exit_status_and_no_traceback(
        package, redirect, code, says):
    """Where a stream is closed or cannot be written, the command ends as the interpreter's
    own exit would (`cli.end`): a missing stream is left alone, output that cannot be written
    (a full disk) gives status 120, said in one line, never a traceback. (On a copy of the
    package: what it prints is what the repository's run prints, a line that it is valid.)"""
    if "/dev/full" in redirect and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    buffered = buffered_environment()
    result = subprocess.run(["bash", "-c", f'"$0" "$1" "$2" {redirect}', sys.executable, VALIDATE,
                             str(package.descriptor)], capture_output=True, text=True, env=buffered)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert (says in result.stderr) if says else result.stderr == ""


def test_missing_dependencies_exit_2_and_say_how_to_install(tmp_path):
    result = run(flags=["-S"], cwd=tmp_path)  # -S: no site-packages, so no frictionless
    assert result.returncode == 2
    assert "not installed" in result.stderr and "README's first command" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_network_is_refused_while_validating():
    with no_network():
        with pytest.raises(OSError, match="never touches the network"):
            socket.create_connection(("127.0.0.1", 9))
    assert socket.create_connection is not None and socket.getaddrinfo("127.0.0.1", 80)


def test_a_path_too_long_exits_2(capsys):
    assert main(["x" * 5000]) == 2
    assert "validate.py: " in capsys.readouterr().err


def test_a_directory_named_like_the_descriptor_exits_2(tmp_path, capsys):
    (tmp_path / "datapackage.json").mkdir()
    assert main([str(tmp_path / "datapackage.json")]) == 2
    assert "is a directory, not a datapackage.json file" in capsys.readouterr().err


def test_an_unwritable_step_summary_is_a_warning(package, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a directory
    package.edit("figures", "f-party-branches", value="79001")
    assert main([str(package.descriptor), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("::error ") and "cannot write $GITHUB_STEP_SUMMARY" in err


def test_control_characters_in_a_file_name_are_shown_escaped(package, capsys):
    (package.root / "data" / "\x1b[1A\x1b[2K\rvalid").write_text("x")
    assert main([str(package.descriptor)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "[1A" not in out and "data/(withheld: 14 characters" in out


def test_a_control_character_in_a_message_is_shown_escaped():
    from validator.findings import Problem, make_finding
    finding = make_finding("hygiene", "a_check", Problem("made \x1b[2K of \r parts", "data/quotes.csv"))
    assert finding.message == "made \\u001b[2K of \\u000d parts"


def test_a_closed_pipe_in_process_ends_quietly_and_output_goes_nowhere_after(package, capsys, monkeypatch):
    import io
    import os
    read, write_end = os.pipe()
    os.close(read)
    stream = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr("sys.stdout", stream)
    assert main([str(package.descriptor)]) == 0  # print raised BrokenPipeError inside
    stream.write("more output\n")
    stream.flush()  # no BrokenPipeError: the descriptor now goes to the null device
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("count, line", [(1, "invalid: 1 finding ("), (2, "invalid: 2 findings (")])
def test_the_summary_line_counts_in_words(package, capsys, count, line):
    package.edit("figures", "f-party-branches", value="79001")
    if count == 2:
        package.edit("figures", "f-register-size", value="1.95")
    assert main([str(package.descriptor)]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith(line)


def test_workflow_commands_escape_line_breaks_and_percent_signs():
    from pathlib import Path

    from validator.cli import github_command
    from validator.findings import Finding
    finding = Finding("privacy", "no_phone_numbers", "data/a,b.csv", 3, "text", "50% of\r\nit", 4)
    assert github_command(finding, Path.cwd()) == (
        "::error file=data/a%2Cb.csv,line=4,title=privacy/no_phone_numbers::text: 50%25 of%0D%0Ait")
    whole_file = Finding("descriptor", "files_declared", "notes.txt", None, None, "refused", None)
    assert github_command(whole_file, Path.cwd()) == "::error file=notes.txt,title=descriptor/files_declared::refused"


# -- in-process, what the spawned tests above see only from outside ------------------------------

def test_the_arguments_are_read_from_the_command_line_after_the_script_name(package, capsys, monkeypatch):
    package.edit("figures", "f-party-branches", value="79001")
    monkeypatch.setattr("sys.argv", ["validate.py", str(package.descriptor)])
    assert main() == 1  # this package, not the default one, which is valid
    assert capsys.readouterr().out.splitlines()[-1].startswith("invalid: 1 finding")


def test_usage_names_the_script_and_an_unknown_format_is_refused(capsys):
    assert main(["--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: validate.py ") and "invalid choice: 'xml'" in err


def test_an_internal_error_names_its_kind(monkeypatch, capsys):
    def broken(path, **options):
        raise LookupError("boom")
    monkeypatch.setattr("validator.cli.validate_package", broken)
    assert main([]) == 3
    assert capsys.readouterr().err.rstrip().endswith("LookupError: boom")


def test_a_console_that_cannot_show_a_character_gets_an_escape(package, monkeypatch):
    import io
    row = package.edit("statements", "s-party-size", start=str(int(package.row("statements", "s-party-size")["start"]) + 1))
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert main([str(package.descriptor)]) == 1
    import sys as sys_module
    sys_module.stdout.flush()
    assert f"data/statements.csv:{row}:text: ".encode() in raw.getvalue()
    assert b"\\u2026" in raw.getvalue()  # the ellipsis of a message cut short, which ASCII lacks


def test_the_step_summary_is_exactly_a_heading_the_summary_line_and_a_table(package, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    package.edit("figures", "f-party-branches", value="79001")
    assert main([str(package.descriptor), "--format", "github"]) == 1
    layers = ["descriptor", "tables", "rows", "faithfulness", "completeness", "privacy", "hygiene"]
    rows = [f"| {layer} | {1 if layer == 'faithfulness' else 0} |" for layer in layers]
    assert summary.read_text(encoding="utf-8") == "\n".join(
        ["earlier step", "### validate.py", "", f"invalid: 1 finding (9 tables, {package_rows(package.root)} rows, {len(registered())} checks)", "",
         "| layer | findings |", "|---|--:|", *rows]) + "\n"


@pytest.mark.parametrize("make, kind", [("directory", "a directory"), ("socket", "a socket")])
def test_a_step_summary_target_that_is_no_regular_file_is_named(tmp_path, make, kind):
    from validator.cli import open_to_append
    target = tmp_path / "target"
    if make == "directory":
        target.mkdir()
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    with pytest.raises(OSError, match=f"^it is {kind}$"):
        open_to_append(str(target))


def test_a_path_that_turns_into_a_device_after_it_was_looked_at_is_named_and_closed(monkeypatch):
    """Between the look (os.stat) and the opening, the path may change: what was opened is
    looked at again, and a device is closed, not written to."""
    from validator import cli
    looked_at = cli.os.stat

    def missing_then(path, *args, **kwargs):
        if path == os.devnull:
            raise FileNotFoundError(path)
        return looked_at(path, *args, **kwargs)

    before = sorted(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(cli.os, "stat", missing_then)
    with pytest.raises(OSError, match="^it is a device$"):
        cli.open_to_append(os.devnull)
    monkeypatch.undo()
    assert sorted(os.listdir("/proc/self/fd")) == before  # the descriptor it opened is closed


def test_a_file_of_another_kind_is_not_a_regular_file():
    import stat

    from validator.cli import _not_regular
    assert _not_regular(stat.S_IFLNK) == "not a regular file" and _not_regular(stat.S_IFREG) is None


@pytest.mark.parametrize("value", [
    "x' 999999\t" "197001010017 \"", "y' +86\t139\t" "1234\t" "5678 \"", "z' 1970" "-03-01 \"",
])
@pytest.mark.parametrize("where", ["name", "title", "keywords"])
def test_a_refused_value_that_a_library_quotes_with_escapes_is_never_printed(package, capsys, monkeypatch, value, where):
    """frictionless writes a value holding both kinds of quote as Python's repr does
    ('x\\' ... "'), escapes and all; neither the value nor any run of its digits is printed."""
    package.edit_descriptor(lambda d: d.__setitem__(where, value if where == "name" else [value]))
    monkeypatch.chdir(package.root)
    for format in ("text", "json", "github"):
        assert main(["--format", format, "datapackage.json"]) == 1
        out = capsys.readouterr().out
        assert not [run for run in re.findall(r"[0-9]{4,}", value) if run in out], (format, out)
