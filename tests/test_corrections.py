"""Corrections as data: corrections.csv and article_revisions.csv, the checks on them, the
page's panels and the release. The corrections made here are invented, on copies: the
published table holds none."""
import csv
import sqlite3
import zipfile

import pytest

from conftest import ROOT, assert_findings, write

CORRECTIONS = "data/corrections.csv"
REVISIONS = "data/article_revisions.csv"
MEASURE = "Companies or affiliates in Japan that employ the CCP members identified there."
EDITED = "Companies or affiliates in Japan employing the CCP members identified there."


def record(package, **cells) -> int:
    """Append a row to the copy's corrections.csv (which may hold only its header); its row number."""
    path = package.table_file("corrections")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows.append([cells.get(column, "") for column in rows[0]])
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    package.rehash()
    return len(rows)


def correct(package, version="0.2.1", **cells):
    """The invented correction of one figure's measure, made in the copy and recorded."""
    package.edit("figures", "f-companies-in-japan", measure=EDITED)
    row = {"version": version, "table_name": "figures", "row_id": "f-companies-in-japan", "field": "measure",
           "old_value": MEASURE, "new_value": EDITED, "kind": "extraction",
           "reason": "An invented correction, for a test."} | cells
    return record(package, **row)


def changelog(package, unreleased: str) -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    write(package, "CHANGELOG.md", text.replace("## [Unreleased]\n", f"## [Unreleased]\n\n{unreleased}\n", 1))


def test_the_published_revisions_end_with_the_pinned_snapshot():
    with open(ROOT / REVISIONS, encoding="utf-8") as f:
        revision = list(csv.DictReader(f))[-1]
    from validator.pins import ARTICLE_SHA256
    assert revision["sha256"] == ARTICLE_SHA256 and int(revision["bytes"]) == (ROOT / "data/article.txt").stat().st_size


def test_a_fault_test_s_copy_holds_no_correction(package):
    """The published corrections stay out of the copies the fault tests break."""
    with open(package.table_file("corrections"), encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == []
    assert_findings(package.validate())


def test_a_recorded_correction_named_in_the_changelog_validates(package):
    correct(package)
    changelog(package, "### Fixed\n- `figures/f-companies-in-japan`: its measure reworded (invented).")
    assert_findings(package.validate())


def test_a_correction_the_changelog_does_not_name_is_refused(package):
    number = correct(package)
    changelog(package, "### Fixed\n- Nothing named.")
    [finding] = assert_findings(package.validate(), ("rows", "corrections_in_changelog", CORRECTIONS, number, "row_id"))
    assert "[Unreleased]" in finding.message


def test_without_a_changelog_the_checks_on_it_are_skipped(package):
    correct(package)
    assert_findings(package.validate())


def test_a_correction_of_no_row_or_no_column_is_refused(package):
    first = record(package, version="0.2.1", table_name="figures", row_id="f-no-such-row",
                           field="measure", old_value="a", new_value="b", kind="extraction", reason="Invented.")
    second = record(package, version="0.2.1", table_name="quotes", row_id="q-ipac-mission",
                            field="colour", old_value="a", new_value="b", kind="extraction", reason="Invented.")
    assert_findings(package.validate(), ("rows", "corrections_name_rows", CORRECTIONS, first, "row_id"),
                    ("rows", "corrections_name_rows", CORRECTIONS, second, "field"))


def test_a_removal_of_a_row_still_there_is_refused(package):
    number = record(package, version="0.2.1", table_name="figures", row_id="f-register-size",
                            field="row", old_value="f-register-size", new_value="", kind="extraction",
                            reason="Invented.")
    assert_findings(package.validate(), ("rows", "corrections_name_rows", CORRECTIONS, number, "row_id"))


def test_a_correction_the_table_does_not_hold_is_refused(package):
    number = record(package, version="0.2.1", table_name="figures", row_id="f-companies-in-japan",
                            field="measure", old_value=MEASURE, new_value=EDITED, kind="extraction",
                            reason="Invented.")
    assert_findings(package.validate(), ("rows", "corrections_hold_the_new_value", CORRECTIONS, number, "new_value"))


def test_a_cell_corrected_twice_follows_from_one_correction_to_the_next(package):
    correct(package)
    again = "Companies or affiliates in Japan that employ the members identified there."
    package.edit("figures", "f-companies-in-japan", measure=again)
    cells = dict(table_name="figures", row_id="f-companies-in-japan", field="measure", kind="extraction",
                 reason="Invented, again.")
    record(package, version="0.2.2", old_value=EDITED, new_value=again, **cells)  # what the first one made
    assert_findings(package.validate())
    wrong = record(package, version="0.2.3", old_value=MEASURE, new_value=MEASURE[:-1], **cells)  # not what 0.2.2 made
    package.edit("figures", "f-companies-in-japan", measure=MEASURE[:-1])
    [finding] = assert_findings(package.validate(), ("rows", "corrections_follow_each_other", CORRECTIONS, wrong,
                                                     "old_value"))
    assert "expected the value the package published in between" in finding.message


def test_a_correction_that_changes_nothing_is_refused(package):
    number = record(package, version="0.2.1", table_name="figures", row_id="f-companies-in-japan",
                    field="measure", old_value=MEASURE, new_value=MEASURE, kind="extraction", reason="Invented.")
    assert_findings(package.validate(), ("rows", "corrections_follow_each_other", CORRECTIONS, number, "new_value"))


def test_versions_go_forward_and_are_released_or_next(package):
    correct(package, version="0.2.1")
    changelog(package, "- `figures/f-companies-in-japan` (invented).")
    back = record(package, version="0.1.0", table_name="figures", row_id="f-register-size",
                          field="row", old_value="", new_value="f-register-size", kind="extraction",
                          reason="Invented: the row added in 0.1.0.")
    unknown = record(package, version="0.1.5", table_name="figures", row_id="f-party-branches",
                             field="row", old_value="", new_value="f-party-branches", kind="extraction",
                             reason="Invented.")
    assert_findings(package.validate(), ("rows", "versions_in_order", CORRECTIONS, back, "version"),
                    ("rows", "corrections_in_changelog", CORRECTIONS, back, "row_id"),
                    ("rows", "versions_in_order", CORRECTIONS, unknown, "version"))


def test_a_kind_outside_the_vocabulary_is_refused(package):
    number = correct(package, kind="typo")
    [finding] = assert_findings(package.validate(), ("tables", "constraint-error", CORRECTIONS, number, "kind"))
    from validator.vocabulary import CORRECTION_KINDS
    assert CORRECTION_KINDS == ("extraction", "revision", "reanchoring")


def test_the_last_revision_is_the_snapshot(package):
    rows = package.rows("article_revisions")
    rows[0]["bytes"] = "4376"
    package.write_rows("article_revisions", rows)
    assert_findings(package.validate(), ("rows", "article_revisions_end_with_the_snapshot", REVISIONS, 2, "bytes"))
    rows[0]["sha256"] = "0" * 64
    package.write_rows("article_revisions", rows)
    assert_findings(package.validate(), ("rows", "article_revisions_end_with_the_snapshot", REVISIONS, 2, "sha256"))


def test_a_corrected_row_says_so_in_its_panel(package):
    from viewer.build import build_page
    write(package, "CITATION.cff", (ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert 'class="corrections"' not in build_page(package.root)
    correct(package)
    page = build_page(package.root)
    panel = page.split('id="panel:figures/f-companies-in-japan"', 1)[1].split("</template>", 1)[0]
    assert "Corrected</strong> (1 change, in v0.2.1)" in panel
    assert "v0.2.1, <code>measure</code>" in panel and "our reading corrected" in panel
    assert EDITED in panel and MEASURE in panel
    other = page.split('id="panel:figures/f-register-size"', 1)[1].split("</template>", 1)[0]
    assert 'class="corrections"' not in other


def test_the_release_carries_both_tables_in_every_format(repository_with_release):
    build = repository_with_release / "build"
    [archive] = build.glob("*.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert any(n.endswith(CORRECTIONS) for n in names) and any(n.endswith(REVISIONS) for n in names)
        assert any(n.endswith("schema/corrections.json") for n in names)
    [database] = build.glob("*.sqlite")
    db = sqlite3.connect(database)
    columns = [row[1] for row in db.execute("PRAGMA table_info(corrections)")]
    assert columns == ["version", "table_name", "row_id", "field", "old_value", "new_value", "kind", "reason"]
    assert db.execute("SELECT count(*) FROM article_revisions").fetchone() == (1,)
    import openpyxl
    [workbook] = build.glob("*.xlsx")
    assert {"corrections", "article_revisions"} <= set(openpyxl.load_workbook(workbook, read_only=True).sheetnames)


@pytest.mark.tools("git")
@pytest.mark.parametrize("step", ["minor", "major"])
def test_cutting_a_release_gives_pending_corrections_its_version(tmp_path, step):
    """A correction recorded for the next patch, released as a minor or major version: the
    release command gives the row the version it cuts, and the copy validates."""
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    import bump_version
    from conftest import PackageCopy
    from release.versions import stated_versions
    from test_privacy_model import published_copy
    copy = published_copy(tmp_path)
    package = PackageCopy(copy)
    correct(package, version="0.2.1")
    changelog(package, "### Fixed\n- `figures/f-companies-in-japan`: its measure reworded (invented).")
    major, minor, _ = map(int, stated_versions(copy)["datapackage.json"].split("."))
    version = {"minor": f"{major}.{minor + 1}.0", "major": f"{major + 1}.0.0"}[step]
    lines_before = (copy / CORRECTIONS).read_text(encoding="utf-8").split("\n")
    assert bump_version.main([version, "--date", "2099" "-06-30"], root=copy) == 0
    lines_after = (copy / CORRECTIONS).read_text(encoding="utf-8").split("\n")
    assert lines_after == [lines_before[0], version + lines_before[1][len("0.2.1"):], *lines_before[2:]]
    assert (copy / REVISIONS).read_text(encoding="utf-8") == (ROOT / REVISIONS).read_text(encoding="utf-8")
    from validator import validate_package
    assert validate_package(copy / "datapackage.json").findings == []


def test_a_change_must_fit_its_kind(package):
    """A re-anchoring moves offsets only; a row added or removed names itself as its new or its
    old value, and nothing as the other."""
    cells = dict(version="0.2.1", table_name="figures", reason="Invented.")
    text_moved = record(package, row_id="f-companies-in-japan", field="measure", old_value=MEASURE,
                        new_value=EDITED, kind="reanchoring", **cells)
    package.edit("figures", "f-companies-in-japan", measure=EDITED)
    added = record(package, row_id="f-party-branches", field="row", old_value="", new_value="f-other-row",
                   kind="revision", **cells)
    assert_findings(package.validate(), ("rows", "corrections_fit_their_kind", CORRECTIONS, text_moved, "kind"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, text_moved, "version"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, text_moved, "new_value"),
                    ("rows", "corrections_fit_their_kind", CORRECTIONS, added, "new_value"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, added, "version"))


def test_the_changelog_names_the_corrected_row_itself_not_a_longer_id(package):
    number = correct(package)
    changelog(package, "### Fixed\n- `figures/f-companies-in-japan-2` and `xfigures/f-companies-in-japanese`.")
    assert_findings(package.validate(), ("rows", "corrections_in_changelog", CORRECTIONS, number, "row_id"))


def test_a_re_anchoring_follows_a_recorded_snapshot_and_moves_a_span_whole(package):
    """Made up: a figure's span “re-anchored” in a version that published no snapshot, its
    start and end moved apart."""
    cells = dict(version="0.2.1", table_name="figures", row_id="f-party-branches", kind="reanchoring",
                 reason="Invented.")
    start = record(package, field="start", old_value="1800", new_value="1903", **cells)
    end = record(package, field="end", old_value="1850", new_value="1915", **cells)
    assert_findings(package.validate(), ("rows", "revisions_have_their_snapshot", CORRECTIONS, start, "version"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, end, "version"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, start, "new_value"),
                    ("rows", "revisions_have_their_snapshot", CORRECTIONS, end, "new_value"))


def test_a_row_named_in_a_comment_only_is_not_named(package):
    number = correct(package)
    changelog(package, "### Fixed\n<!-- figures/f-companies-in-japan -->\n- Something else.")
    assert_findings(package.validate(), ("rows", "corrections_in_changelog", CORRECTIONS, number, "row_id"))


def test_a_pending_version_is_the_next_patch_minor_or_major_one(package):
    number = correct(package, version="7.0.0")
    changelog(package, "### Fixed\n- `figures/f-companies-in-japan` (invented).")
    assert_findings(package.validate(), ("rows", "versions_in_order", CORRECTIONS, number, "version"))
