"""The release zip: the package as published, in one top folder, with fixed times and
permissions, and an unzipped copy that validates itself offline."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT
from release_build import built_release, package, release_file
from release.timestamps import release_time, zip_time

PUBLISHED = ["datapackage.json", "README.md", "LICENSE", "LICENSE-DATA.md", "CITATION.cff",
             "CHANGELOG.md", "validate.py", "requirements.txt", "data/article.txt",
             "docs/data-dictionary.md", "docs/datasheet.md", "validator/__init__.py", "validator/cli.py"]
NOT_PUBLISHED = ["requirements-dev.txt", "tests/", "release/", "scripts/", "benchmarks/", ".github/",
                 "__pycache__", ".pyc"]
BUILD_DEPENDENCIES = {"release", "openpyxl", "yaml", "pyld", "pybtex", "rispy", "duckdb"}
OFFLINE = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "no_proxy": ""}


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    return release_file(built_release(tmp_path_factory), ".zip")


def test_everything_is_in_one_top_folder_named_for_the_version(archive):
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    top = f"{package().stem}/"
    assert all(name.startswith(top) for name in names)
    assert names == sorted(names)


def test_it_holds_the_package_as_published_and_nothing_else(archive):
    with zipfile.ZipFile(archive) as z:
        inside = {name.split("/", 1)[1]: z.read(name) for name in z.namelist()}
    for name in PUBLISHED:
        assert inside[name] == (ROOT / name).read_bytes(), name
    for resource in package().descriptor["resources"]:
        assert resource["path"] in inside
        assert resource.get("schema", resource["path"]) in inside
    assert not [name for name in inside if any(part in name for part in NOT_PUBLISHED)]


def test_entries_have_the_release_time_and_plain_permissions(archive):
    moment = zip_time(release_time(package().citation, environ={}))
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            assert info.date_time == moment, info.filename
            assert info.external_attr >> 16 == 0o100644, info.filename
            assert info.create_system == 3 and info.extra == b"", info.filename


def test_an_unzipped_copy_validates_itself_offline_without_the_build_dependencies(archive, tmp_path):
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path)
    copy = tmp_path / package().stem
    environment = {**os.environ, **OFFLINE}
    result = subprocess.run([sys.executable, "-X", "importtime", "validate.py"], cwd=copy,
                            env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("valid: 9 tables")
    # The build's dependencies are installed here, but validation must not pay for them.
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert imported & BUILD_DEPENDENCIES == set()
