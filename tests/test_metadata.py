"""Promises of the metadata: one version everywhere, a current data dictionary, and the
article snapshot identical to its documented source."""
import hashlib
import json
import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_data_dictionary  # noqa: E402
import build_docs  # noqa: E402



def descriptor():
    return json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def test_version_agrees_across_descriptor_citation_and_changelog():
    version = descriptor()["version"]
    citation = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(), re.MULTILINE)
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", (ROOT / "CHANGELOG.md").read_text(), re.MULTILINE)
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert citation.group(1) == version
    assert released[0] == version, "the newest release in CHANGELOG.md must be the package version"


def test_readme_cites_the_current_version():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    version = descriptor()["version"]
    assert f"(Version {version})" in readme and f"(v{version})" in readme


def test_data_dictionary_is_current():
    page = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert page == build_data_dictionary.render(), "run python scripts/build_data_dictionary.py"


def test_data_dictionary_follows_a_schema_edit(package):
    def rename(schema):
        schema["fields"][1]["description"] = "An edited description."
    package.edit_schema("figures", rename)
    page = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert build_data_dictionary.render(package.root) != page
    assert "An edited description." in build_data_dictionary.render(package.root)


def test_validation_rules_and_privacy_lists_are_current():
    stale = [path.relative_to(ROOT).as_posix() for path, text in build_docs.wanted(ROOT).items()
             if path.read_text(encoding="utf-8") != text]
    assert stale == [], "run python scripts/build_docs.py"


def test_the_privacy_lists_follow_a_detector_and_the_rules_every_check(monkeypatch):
    """A detector added (or a check's docstring edited) changes the generated lists: they
    are read from the registries, not written apart."""
    from validator.privacy import detectors
    from validator.privacy.detectors import email
    monkeypatch.setattr(email, "FINDS", "invented identifiers of a test")
    pages = build_docs.wanted(ROOT)
    assert all("Invented identifiers of a test" in pages[ROOT / p] for p in ("README.md", "docs/datasheet.md"))
    rules = pages[ROOT / "docs" / "validation.md"]
    from validator.registry import registered
    assert all(f"| `{check.code}` |" in rules for check in registered()) and detectors.DETECTORS


def test_every_check_says_what_it_requires():
    """docs/validation.md is the checks' docstrings: none may be missing."""
    from validator.registry import registered
    assert [check.code for check in registered() if not (check.function.__doc__ or "").strip()] == []


def test_the_span_rules_are_the_span_checks_docstrings(monkeypatch):
    """The data dictionary states the span rules from the checks that enforce them: a check's
    edited docstring is the page's, and every check named is registered and states its rule."""
    from validator import completeness
    from validator.registry import registered
    from validator.spans import SHARED_SPANS, SPAN_CHECKS
    codes = {check.code: check for check in registered()}
    assert set(SPAN_CHECKS) <= set(codes) and all(codes[c].function.__doc__ for c in SPAN_CHECKS)
    section = build_data_dictionary.render().split("## Span rules", 1)[1].split("\n## ", 1)[0]
    assert [line.split("`")[1] for line in section.splitlines() if line.startswith("- `") and " (" in line][
        :len(SPAN_CHECKS)] == list(SPAN_CHECKS)
    assert all(shared.why in section for shared in SHARED_SPANS)
    monkeypatch.setattr(completeness.one_row_per_printed_span, "__doc__", "An edited rule.")
    assert "- `one_row_per_printed_span` (completeness): An edited rule." in build_data_dictionary.render()


def test_article_snapshot_is_the_documented_source():
    """The snapshot is the one the validator pins, and the one every document names, by SHA-256
    and size (scripts/reanchor.py rewrites them together when the article is revised)."""
    content = (ROOT / "data" / "article.txt").read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    from validator.pins import ARTICLE_SHA256 as pinned
    assert pinned == digest, "the validator must pin the documented snapshot"
    resource = next(r for r in descriptor()["resources"] if r["name"] == "article")
    assert resource["hash"] == f"sha256:{digest}" and resource["bytes"] == len(content)
    for document in ("CITATION.cff", "docs/method.md", "docs/datasheet.md", "datapackage.json"):
        text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
        assert digest in text and f"{len(content):,}" in text, document
    assert "NOT covered by the dataset's licence" in resource["description"]


def test_descriptor_states_privacy_and_unknown_provenance():
    package = descriptor()
    assert "no personal data from the leak" in package["description"]
    source = package["sources"][0]["description"]
    for unknown in ("publisher", "author", "URL", "publication date"):
        assert unknown in source


def test_a_table_s_description_in_the_descriptor_is_the_first_sentence_of_its_schema_s():
    """One home for each table's description: its Table Schema (the data dictionary and
    Croissant's record sets read it there), which the descriptor (Croissant's file objects and
    the page read it here) repeats word for word."""
    for resource in descriptor()["resources"]:
        if resource.get("type") == "table":
            schema = json.loads((ROOT / resource["schema"]).read_text(encoding="utf-8"))["description"]
            short = resource["description"]
            assert short.endswith(".") and schema.startswith(short), resource["name"]
            assert schema[len(short):len(short) + 1] in ("", " "), resource["name"]
