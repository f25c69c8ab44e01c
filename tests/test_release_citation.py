"""Citations: the files parse back to CITATION.cff's fields, a wrong field is caught, the
README's block is generated from the same source, and a DOI, once set, is one DOI everywhere."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, imported_when_used
from doc_blocks import claimed
from release_build import built_release, package
from release import citation
from release.citation_check import bibtex_problems, csl_problems, problems, ris_problems

script = imported_when_used("build_release")

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def release(tmp_path_factory):
    return built_release(tmp_path_factory)


@pytest.fixture
def cff():
    return dict(package().citation)


def test_every_citation_file_parses_back_to_the_citation_cff_fields(release, cff):
    assert problems(release, cff, package().name) == []


def test_bibtex_entry_reads_as_one_corporate_author_with_version(release, cff):
    from pybtex.database import parse_string
    entries = parse_string((release / "citation.bib").read_text(encoding="utf-8"), "bibtex").entries
    assert list(entries) == [f"{package().name.replace('-', '_')}_{cff['version'].replace('.', '_')}"]
    entry = next(iter(entries.values()))
    (author,) = entry.persons["author"]
    assert author.first_names == [] and author.last_names == ["{ccp-member-leak-article maintainers}"]
    assert "{CCP}" in entry.fields["title"] and entry.fields["version"] == cff["version"]


def test_ris_is_a_data_record_with_its_version(release, cff):
    import rispy
    (record,) = rispy.loads((release / "citation.ris").read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "DATA" and record["edition"] == cff["version"]
    assert record["authors"] == ["ccp-member-leak-article maintainers"]


@pytest.mark.parametrize("pattern, replacement, problem", [
    (r"\{\{(ccp-member-leak-article maintainers)\}\}", r"{\1}", "authors is"),  # read as a person
    (r"\{CCP\}", "CCP", "unprotected"),
    (r"version(\s+)=", r"edition\1=", "version is None"),
])
def test_a_wrong_bibtex_field_is_caught(release, cff, pattern, replacement, problem):
    text = (release / "citation.bib").read_text(encoding="utf-8")
    broken = re.sub(pattern, replacement, text, count=1)
    assert broken != text
    assert any(problem in found for found in bibtex_problems(broken, cff, package().name))


def test_a_wrong_ris_type_or_csl_type_is_caught(release, cff):
    ris = (release / "citation.ris").read_text(encoding="utf-8").replace("TY  - DATA", "TY  - GEN")
    assert ris_problems(ris, cff) == ["TY is 'GEN', expected 'DATA'"]
    csl = json.loads((release / "citation.csl.json").read_text(encoding="utf-8"))
    csl[0]["type"] = "software"
    wrong_type = csl_problems(json.dumps(csl), cff, package().name)
    assert wrong_type == ["type is 'software', expected 'dataset'"]


def test_apa_text_says_data_set_and_version(cff):
    text = citation.apa_text(cff)
    assert f"(Version {cff['version']}) [Data set]." in text
    assert text.startswith("ccp-member-leak-article maintainers (")


def test_readme_how_to_cite_block_is_generated_from_citation_cff(cff):
    block = citation.readme_block(cff, package().name)
    assert block in README, "run python scripts/build_release.py --readme"
    assert script.main(["--check"]) == 0


def test_the_readme_s_bibtex_reads_as_the_citation(cff):
    """The BibTeX a reader copies from the README parses to CITATION.cff's fields, as the
    release's citation.bib does; a field changed in it is caught."""
    [block] = claimed("tests/test_release_citation.py::test_the_readme_s_bibtex_reads_as_the_citation", "README.md")
    assert bibtex_problems(block.body, cff, package().name) == []
    assert bibtex_problems(block.body.replace(f"= {{{cff['version']}}}", "= {9.9.9}"), cff, package().name)


def test_readme_check_fails_when_the_block_is_stale(tmp_path, cff, capsys):
    for name in ("datapackage.json", "CITATION.cff"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    stale = citation.readme_block({**cff, "version": "0.0.1"}, package().name)
    (tmp_path / "README.md").write_text(README.replace(citation.readme_block(cff, package().name), stale),
                                        encoding="utf-8")
    assert script.main(["--check"], root=tmp_path) == 1
    assert script.main(["--readme"], root=tmp_path) == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == README


def test_the_doi_agrees_everywhere_once_set(cff):
    descriptor = package().descriptor
    assert citation.doi_disagreements(cff, descriptor, README) == []  # today: no DOI anywhere
    doi = "10.5555/example.doi"  # a DOI of the form Zenodo mints; not this dataset's
    with_doi = {**cff, "doi": doi}
    agreed = {**descriptor, "id": f"https://doi.org/{doi}"}
    assert citation.doi_disagreements(with_doi, agreed, f"see https://doi.org/{doi}.") == []
    assert citation.doi_disagreements(with_doi, descriptor, f"{doi}")  # descriptor id not the DOI
    assert citation.doi_disagreements(with_doi, agreed, "10.5555/other")  # README prints another
    assert citation.doi_disagreements(cff, agreed, "")  # CITATION.cff lacks the descriptor's DOI


def test_a_doi_set_in_citation_cff_reaches_every_citation_form(cff):
    with_doi, name = {**cff, "doi": "10.5555/example.doi"}, package().name
    assert citation.apa_text(with_doi).endswith("https://doi.org/10.5555/example.doi")
    assert bibtex_problems(citation.bibtex(with_doi, name), with_doi, name) == []
    assert ris_problems(citation.ris(with_doi), with_doi) == []
    assert csl_problems(citation.csl_json(with_doi, name), with_doi, name) == []
    missing = bibtex_problems(citation.bibtex(cff, name), with_doi, name)
    assert missing == ["doi is None, expected '10.5555/example.doi'"]
