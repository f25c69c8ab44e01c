"""The release as a whole: every file written, the same bytes on a second build, nothing of
the build machine inside, checksums that coreutils accepts, and an invalid package refused."""
from __future__ import annotations

import datetime
import re
import subprocess
import zipfile

import pytest

from conftest import ROOT, imported_when_used
from release_build import built_release, package
from release.files import release_file_names
from release.timestamps import UTC, release_time, zip_time
from release.versions import stated_versions, tag_problems

script = imported_when_used("build_release")
build = imported_when_used("release.build")


@pytest.fixture(scope="session")
def release(tmp_path_factory):
    return built_release(tmp_path_factory)


def test_build_writes_every_release_file_and_nothing_else(release):
    assert sorted(p.name for p in release.iterdir()) == sorted(release_file_names(package().stem))


def test_a_second_build_is_the_same_bytes(release, tmp_path):
    # The second build takes its time from SOURCE_DATE_EPOCH set to the release date, the
    # first from CITATION.cff: both paths must give the same timestamp, and every byte agree.
    released = release_time(package().citation, environ={})
    build.build_release(ROOT, tmp_path, environ={"SOURCE_DATE_EPOCH": str(int(released.timestamp()))})
    for name in release_file_names(package().stem):
        assert (tmp_path / name).read_bytes() == (release / name).read_bytes(), name


def test_source_date_epoch_wins_over_the_release_date():
    later = datetime.datetime(2031, 2, 3, 4, 5, 7, tzinfo=UTC)
    citation = package().citation
    assert release_time(citation, {"SOURCE_DATE_EPOCH": str(int(later.timestamp()))}) == later
    released = release_time(citation, {})
    assert released.date().isoformat() == str(citation["date-released"]) and released.hour == 0
    assert zip_time(later) == (2031, 2, 3, 4, 5, 6)  # zip times count two-second steps
    assert zip_time(datetime.datetime(1970, 1, 2, tzinfo=UTC))[0] == 1980  # none before 1980


def test_no_output_holds_a_path_of_the_build_machine(release):
    machine = [str(ROOT).encode(), str(release).encode(), str(release.parent).encode()]
    for file in release.iterdir():
        for content in _contents(file):
            assert not any(path in content for path in machine), file.name


def test_sha256sums_checks_with_coreutils(release):
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = sorted(line.split(":")[0] for line in result.stdout.splitlines())
    assert checked == sorted(set(release_file_names(package().stem)) - {"SHA256SUMS"})


def test_build_refuses_a_package_that_does_not_validate(package, tmp_path):
    package.edit("figures", "f-party-branches", value="79001")
    with pytest.raises(build.ReleaseRefused) as refused:
        build.build_release(package.root, tmp_path / "out")
    assert any(f.resource == "data/figures.csv" and f.field == "value" for f in refused.value.findings)
    assert not (tmp_path / "out").exists()


def test_script_prints_the_findings_and_exits_1(package, tmp_path, capsys):
    package.edit("figures", "f-party-branches", value="79001")
    assert script.main([str(tmp_path / "out")], root=package.root) == 1
    printed = capsys.readouterr().out
    assert "data/figures.csv:4:value" in printed and "refused" in printed


def test_tag_must_name_the_version_every_file_states():
    versions = stated_versions(ROOT)
    version = package().version
    assert set(versions.values()) == {version}
    assert tag_problems(f"v{version}", versions) == []
    assert len(tag_problems("v99.0.0", versions)) == 3
    assert tag_problems(version, versions) == [f"tag {version} is not v<major>.<minor>.<patch>"]


def test_script_refuses_a_wrong_tag_before_building(tmp_path, capsys):
    assert script.main(["--tag", "v99.0.0", str(tmp_path / "out")]) == 1
    assert "CITATION.cff states" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def _contents(file):
    """The file's bytes, and for a zip (the package, the workbook) each entry's bytes too."""
    yield file.read_bytes()
    if zipfile.is_zipfile(file):
        with zipfile.ZipFile(file) as archive:
            for name in archive.namelist():
                yield name.encode() + archive.read(name)


def test_release_workflow_checks_the_tag_and_pins_its_actions():
    import yaml
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # YAML reads the key `on` as True
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["release"]
    assert job["permissions"] == {"contents": "write"}
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", action) for action in uses)
    commands = "\n".join(step.get("run", "") for step in job["steps"])
    assert 'python -m release.versions "$GITHUB_REF_NAME"' in commands
    assert "build_release.py --tag" in commands and "sha256sum --check SHA256SUMS" in commands
