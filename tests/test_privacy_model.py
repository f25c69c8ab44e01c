"""The privacy layer as one model, tried as a determined contributor and as a maintainer would:
a planted value comes back in no output of any layer or format; a reviewed exception lets a
maintainer's value through, in its file only, and goes stale when the value goes; a release is
cut by one command; the pre-filters never drop what their detectors find.

Planted values are invented and look it, and are built from pieces, so that no file of the
package holds one: a date, a name in Han script (Zhang San, the placeholder of Chinese
examples) and a made-up Latin name."""
from __future__ import annotations

import base64
import json
import re
import shutil
import signal
import string
import subprocess
import sys
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, VALID_ID, copy_of_the_repository, examples, assert_findings, write, write_exceptions
from validator.cli import FORMATS, render
from validator.privacy.detectors import DETECTORS, found_in, may_hold, row_may_hold
from validator.privacy.encodings import DECODERS, may_change
from validator.privacy.exceptions import fingerprint
from validator.privacy.readings import MARGIN, Readings

DATE = "1970" "-03-01"
HAN = "\u5f20\u4e09"
LATIN = "Ima " "Inventedname"
PLANTED = (DATE, HAN, LATIN)


def forms(value: str) -> list[str]:
    """How an output could carry `value`: as written, JSON-escaped, and as GitHub escapes it."""
    return [value, json.dumps(value)[1:-1], value.replace(":", "%3A").replace(",", "%2C")]


def outputs(report, package, tmp_path, monkeypatch) -> str:
    """Every output of the command line for the report: text, JSON, GitHub commands and the
    step summary (rendered as the command line renders them)."""
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    printed = [render(report, format, package.root) for format in FORMATS]
    return "\n".join(printed) + summary.read_text(encoding="utf-8")


def _figures_value(package, value):
    return package.edit("figures", "f-party-branches", value=value)


# Where a contributor could put a value, each in the reach of one layer (or more), and the
# check that must find it there (so that the test cannot pass by finding nothing).
PLACES = {
    "a package property's key": (lambda p, v: p.edit_descriptor(lambda d: d.update({v: "x"})),
                                 "properties_are_canonical"),
    "a package property's value": (lambda p, v: p.edit_descriptor(lambda d: d.update(keywords=v)),
                                   "data_package_v2"),  # frictionless's message quotes the value
    "a resource's name": (lambda p, v: p.edit_descriptor(lambda d: d["resources"].append({"name": v, "path": "x"})),
                          "resources_declared"),
    "a resource's bytes": (lambda p, v: p.edit_resource("quotes", bytes=v), "bytes_match"),
    "a resource's path": (lambda p, v: p.edit_resource("quotes", path=f"data/{v}.csv"), "file_exists"),
    "a URL": (lambda p, v: p.edit_descriptor(lambda d: d.update(homepage=f"https://example.org/{v}")), "no_urls"),
    "a schema's field": (lambda p, v: p.edit_schema("quotes", lambda s: s["fields"][-1].update(name=v)),
                         "schema_matches_model"),
    "an undeclared file's name": (lambda p, v: write(p, f"data/{v}.txt", "nothing\n"), "files_declared"),
    "a number cell": (_figures_value, "type-error"),
    "a key cell": (lambda p, v: p.edit("attributions", "s-headline", entity_id=v), "foreign-key"),
    "a CSV header": (lambda p, v: p.write_rows("quotes", [{**row, v: ""} for row in p.rows("quotes")]),
                     "extra-label"),
    "a cue": (lambda p, v: p.edit("statements", "s-data-removed", cue=v), "cue_matches_mode"),
    "an entity's name": (lambda p, v: p.edit("entities", "observers", name=v), "spans_match_article"),
    "a figure's text": (lambda p, v: p.edit("figures", "f-party-branches", text=v), "spans_match_article"),
    "an event's text": (lambda p, v: p.edit("events", "e-data-removed", text=v), "spans_match_article"),
    "an exclusion's text": (lambda p, v: p.edit("excluded_spans", "x-always", text=v), "spans_match_article"),
    "a short name": (lambda p, v: p.edit("entities", "observers", short_name=v), "short_names_printed_in_article"),
    "a description": (lambda p, v: p.edit("entities", "observers", description=f"Observers; {v}."), None),
    "a document": (lambda p, v: write(p, "docs/notes.md", f"Notes: {v}.\n"), None),
}


@pytest.mark.parametrize("value", PLANTED, ids=["date", "Han name", "Latin name"])
@pytest.mark.parametrize("place", PLACES)
def test_a_planted_value_comes_back_in_no_output(package, tmp_path, monkeypatch, place, value):
    plant, check = PLACES[place]
    plant(package, value)
    report = package.validate()
    if check is not None:
        assert check in {f.check for f in report.findings}, [f.as_text() for f in report.findings]
    printed = outputs(report, package, tmp_path, monkeypatch)
    assert "invalid:" in printed or (value == LATIN and check is None)
    leaked = [form for form in forms(value) if form in printed]
    assert leaked == [], place


# -- reviewed exceptions --------------------------------------------------------------------------

CONTACT = "maintainers" "@example.org"


def test_a_contact_address_in_the_citation_passes_once_reviewed(package):
    write(package, "CITATION.cff", f"cff-version: 1.2.0\ncontact:\n  - email: {CONTACT}\n")
    [finding] = assert_findings(package.validate(), ("privacy", "no_email_addresses", "CITATION.cff", 3, None))
    assert finding.exception == ("no_email_addresses", "CITATION.cff", fingerprint(CONTACT))
    assert CONTACT not in finding.as_text()
    write_exceptions(package, (*finding.exception,
                               "The dataset's contact address, a role's and no one's personal one."))
    assert_findings(package.validate())


def test_a_review_date_in_the_datasheet_passes_once_reviewed_and_there_only(package):
    reviewed = "2027" "-01-15"
    write(package, "docs/datasheet.md", f"# Datasheet\n\nLast reviewed: {reviewed}.\n")
    [finding] = assert_findings(package.validate(), ("privacy", "no_full_dates", "docs/datasheet.md", 3, None))
    write_exceptions(package, (*finding.exception,
                               "The date the datasheet was last reviewed."))
    assert_findings(package.validate())
    write(package, "README.md", f"Reviewed {reviewed}.\n")  # the same date in another file: refused
    assert_findings(package.validate(), ("privacy", "no_full_dates", "README.md", 1, None))


def test_an_exception_that_matches_nothing_is_stale(package):
    write(package, "docs/datasheet.md", "# Datasheet\n")
    write_exceptions(package, ("no_full_dates", "docs/datasheet.md", fingerprint("2027" "-01-15"),
                               "The date the datasheet was last reviewed."))
    [finding] = assert_findings(package.validate(),
                                ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 2, "sha256"))
    assert finding.message == ("this exception matches nothing its check finds in its file: the value is gone "
                               "or was changed; expected it removed")


@pytest.mark.parametrize("row, field", [
    (("no_such_check", "docs/datasheet.md", "0" * 64, "A reason."), "check"),
    (("no_full_dates", "docs/missing.md", "0" * 64, "A reason."), "file"),
    (("no_full_dates", "docs/datasheet.md", "0" * 63, "A reason."), "sha256"),
    (("no_full_dates", "docs/datasheet.md", "A" * 64, "A reason."), "sha256"),
    (("no_full_dates", "docs/datasheet.md", "0" * 64, " "), "reason"),
])
def test_a_malformed_exception_is_a_finding_on_its_cell(package, row, field):
    write(package, "docs/datasheet.md", "# Datasheet\n")
    write_exceptions(package, row)
    assert_findings(package.validate(), ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 2, field))


def test_an_exception_written_twice_or_under_another_header_is_refused(package):
    write(package, "docs/datasheet.md", f"Reviewed {DATE}.\n")
    entry = ("no_full_dates", "docs/datasheet.md", fingerprint(DATE), "Reviewed.")
    write_exceptions(package, entry, entry)
    assert_findings(package.validate(), ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 3, None))
    write(package, "privacy-exceptions.csv", "check,file,hash,why\n")
    assert_findings(package.validate(), ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 1, None),
                    ("privacy", "no_full_dates", "docs/datasheet.md", 1, None))


def test_the_rows_after_a_refused_exception_are_read(package):
    """A row written twice, or one that names no file, is refused alone: the rows after it
    still let their values through."""
    later = "1999" "-12-31"
    write(package, "docs/datasheet.md", f"Reviewed {DATE}, and again {later}.\n")
    entry = ("no_full_dates", "docs/datasheet.md", fingerprint(DATE), "Reviewed.")
    missing = ("no_full_dates", "docs/no-such-file.md", fingerprint(DATE), "Reviewed.")
    write_exceptions(package, entry, entry, missing,
                     ("no_full_dates", "docs/datasheet.md", fingerprint(later), "Reviewed again."))
    assert_findings(package.validate(), ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 3, None),
                    ("privacy", "privacy_exceptions_are_current", "privacy-exceptions.csv", 4, "file"))


def test_the_exceptions_file_is_scanned_like_any_other(package):
    write(package, "docs/datasheet.md", f"Reviewed {DATE}.\n")
    write_exceptions(package, ("no_full_dates", "docs/datasheet.md", fingerprint(DATE), f"Reviewed on {DATE}."))
    assert_findings(package.validate(), ("privacy", "no_full_dates", "privacy-exceptions.csv", 2, None))


def test_the_repository_s_exceptions_each_have_a_reason_and_name_no_value():
    rows = (ROOT / "privacy-exceptions.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and all(re.fullmatch(r"[a-z_]+,[^,]+,[0-9a-f]{64},.{20,}", row) for row in rows)


# -- a release can be cut ---------------------------------------------------------------------------

def published_copy(tmp_path):
    """The repository's published files (what git would commit), copied."""
    return copy_of_the_repository(tmp_path / "repository", environment=False)


@pytest.mark.tools("git")
@pytest.mark.parametrize("step", ["patch", "minor", "major"])
def test_a_release_is_cut_by_one_command_and_validates(tmp_path, step):
    sys.path.insert(0, str(ROOT / "scripts"))
    import bump_version
    from release.versions import stated_versions
    from validator import validate_package
    copy = published_copy(tmp_path)
    major, minor, patch = map(int, stated_versions(copy)["datapackage.json"].split("."))
    version = {"patch": f"{major}.{minor}.{patch + 1}", "minor": f"{major}.{minor + 1}.0",
               "major": f"{major + 1}.0.0"}[step]
    released = "2099" "-06-30"
    assert bump_version.main([version, "--date", released], root=copy) == 0
    assert set(stated_versions(copy).values()) == {version}
    assert f"date-released: {released}" in (copy / "CITATION.cff").read_text(encoding="utf-8")
    assert f"(Version {version})" in (copy / "README.md").read_text(encoding="utf-8")
    assert validate_package(copy / "datapackage.json").findings == []
    assert bump_version.main([version], root=copy) == 2  # not a step from itself


def test_no_test_prints_the_current_release_date():
    """The next release changes it; a test that printed it would then hold a date refused."""
    released = re.search(r"^date-released: (\S+)", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M).group(1)
    assert [p.name for p in (ROOT / "tests").glob("*.py") if released in p.read_text(encoding="utf-8")] == []


# -- bounded work ---------------------------------------------------------------------------------

def test_a_60_mib_one_line_file_is_refused_in_bounded_memory(package):
    """Refused by its size before it is read: the validator's peak memory stays far below it."""
    (package.root / "docs").mkdir()
    with open(package.root / "docs" / "notes.md", "wb") as file:
        file.write(b"1" * (60 * 2**20))
    script = ("import resource, subprocess, sys\n"
              "result = subprocess.run([sys.executable, sys.argv[1], sys.argv[2], '--json'], capture_output=True)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\nprint(result.stdout.decode())")
    out = subprocess.run([sys.executable, "-c", script, str(ROOT / "validate.py"), str(package.descriptor)],
                         capture_output=True, text=True, timeout=300).stdout
    peak_kib, report = out.split("\n", 1)
    assert int(peak_kib) < 200 * 1024
    [finding] = json.loads(report)["findings"]
    assert finding["check"] == "files_declared" and "exceed" in finding["message"]


# -- pre-filters that never drop what their detectors find ------------------------------------------

# Text rich in what the detectors look for: digits and their separators, letters that look like
# digits, month names, at signs and "at"/"dot", escapes, markup, other scripts and invisible marks,
# and characters beyond ASCII that every detector reads as written (curly quotation marks, é).
ALPHABET = st.sampled_from(list(string.digits + " -./()+~_,:@Xx\n\tOolIS") + [
    "1970", "0101", "0017", "999999", "138", "852", "+86", "00", "March", "Mar", "dec", "at", "dot", " at ",
    " dot ", "[at]", "(dot)", "com", "org", "<b>", "</b>", "&#57;", "%39", "\\x39", "=39", "\u5f20", "\u202e",
    "\u200b", "\uff11", "\u0661", "\u2e9b", "\ue000", "W09", "\u5e74", "\u6708", "\u65e5", "tel ", "IX", "th",
    "\u201c", "\u2019", "\u00e9", "\u2013", "\u00a0", "\u2026", "\uff20",  # beyond ASCII: plain, and not
    "-at-", "-dot-", "(", ")", "\u017f"])
TEXTS = st.lists(ALPHABET, max_size=30).map("".join)


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.CHECK)
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, numeric=st.booleans())
def test_a_detector_s_pre_filter_never_drops_what_it_finds(detector, text, numeric):
    if detector.find(text, numeric):
        assert detector.MAY_HOLD.search(text)


# Numbers' pieces: digits, runs of them, and every sign read between them.
NUMBER_PIECES = st.sampled_from(list(string.digits + " ().-/_+~,\n") + ["999999", "000", ",000", "  \n  ", "(((", "X",
                                                                            "1,000,000,000,000", "123,000,000,000,000", "12,345", ",678,901"])


@pytest.mark.parametrize("text", ["1,000,000,000,000", "x 12,000,000,000,000", "123,000,000,000,000 y",
                                  "(000) 0000-0000", "+00 000 0000 0000", "0.0.0.0.0.0.0.0", "000 \n 00000"])
def test_a_number_s_pre_filter_matches_a_run_from_its_first_digit(text):
    """A run is read from its first digit: groups of thousands after one to three digits, a
    number after a bracket or a plus sign, digits between separators."""
    from validator.privacy.detectors.digits import at_least
    assert re.search(at_least(8), text)


def test_a_number_s_pre_filter_needs_as_many_digits():
    from validator.privacy.detectors.digits import at_least
    assert re.search(at_least(8), "0000 0000") and not re.search(at_least(8), "000 0000")
    assert re.search(at_least(15), "0" * 15) and not re.search(at_least(15), "0" * 14)


def test_a_date_pattern_without_a_fast_form_is_refused_by_name():
    from validator.privacy.detectors.full_date import _fast
    pattern = "(?<=x)" + "y" * 60
    with pytest.raises(ValueError) as refused:
        _fast(pattern)
    assert str(refused.value) == f"no fast form for {pattern[:40]!r}"


def test_the_date_detector_reads_eight_digits_as_a_date_unless_told_the_text_is_a_number():
    from validator.privacy.detectors.full_date import find
    written = "on 1970" "0301"
    assert [f.value for f in find(written)] == ["1970" "-03-01"] and find(written, numeric=True) == []


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(NUMBER_PIECES, max_size=40).map("".join))
def test_a_number_s_pre_filter_matches_wherever_a_run_of_as_many_digits_is(text):
    """The ID-number and phone pre-filters (`digits.at_least`) match every text that holds a
    run of that many digits or more, as the detectors read runs (`digits.runs`)."""
    from validator.privacy.detectors.digits import at_least, digits_of, runs
    longest = max((len(digits_of(run).rstrip("X")) for run in runs(text)), default=0)
    for digits in (8, 15):
        if longest >= digits:
            assert re.search(at_least(digits), text)


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(NUMBER_PIECES, max_size=40).map("".join))
def test_a_pre_filter_left_out_of_the_union_is_implied_by_the_one_named(text):
    """The union of the pre-filters leaves out an ID number's, which a phone number's implies:
    a text the first matches, the second matches too."""
    from validator.privacy.detectors import IMPLIED
    for implied, by in IMPLIED.items():
        if implied.MAY_HOLD.search(text):
            assert by.MAY_HOLD.search(text)


@settings(max_examples=examples(500), deadline=None)
@given(cells=st.lists(TEXTS, min_size=1, max_size=4))
def test_the_union_of_the_pre_filters_never_drops_a_text_or_a_row_that_holds_something(cells):
    for cell in cells:
        if found_in(cell):
            assert may_hold(cell)
    if any(found_in(cell) for cell in cells):
        assert row_may_hold(cells)


# Dates' pieces in every case a pattern ignores (the long s is an s, the Kelvin sign a k),
# beside letters, digits and the signs between a date's numbers.
DATE_PIECES = st.sampled_from(list(string.digits + " -/.\n_;:~+\\|,'\u2019aeknstxKW\u017f\u0131\u0130") + [
    "1970", "70", "19", "20", "31", "32", "99", "of", "the", "st", "nd", "th", "March", "MAR", "mar", "Sept", "sEP",
    "\u017fep", "December", "dec", "jun", "July", "may", "Nov.", "IV", "xii", "VIII", "\u5e74", "\u6708", "\u65e5",
    "\u53f7", "W09", "-W", "  "])


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(DATE_PIECES, max_size=24).map("".join), bounds=st.tuples(st.integers(0, 8), st.integers(0, 8)))
def test_each_date_pattern_s_fast_form_reads_what_its_written_form_reads(text, bounds):
    """The date detector compiles each pattern to start with its first character (which the
    engine finds fast): the same matches, the same groups, from any place in the text."""
    from validator.privacy.detectors import full_date
    start, end = bounds[0], len(text) - bounds[1]
    written = [(re.compile(p, re.IGNORECASE), fast) for p, (fast, _) in zip(full_date._PATTERNS, full_date._READ)]
    written += [(re.compile(p), fast) for p, (fast, _) in zip(full_date._COMPACT, full_date._READ_COMPACT)]
    for readable, fast in written:
        assert ([(m.span(), m.groupdict()) for m in fast.finditer(text, start, end)]
                == [(m.span(), m.groupdict()) for m in readable.finditer(text, start, end)]), readable.pattern


# An address's pieces: at signs and dots, as words, in brackets of every kind and between dashes.
AT_PIECES = st.sampled_from(list(" @.-[](){}<>\u3010\u3011\u3014\u3015\u3008\u3009\u300a\u300bxo\n") + [
    "at", "AT", "dot", "Dot", " at ", "(at)", "[dot]", "-at-", " -dot- ", "( at )", "a", "t", "d"])


@settings(max_examples=examples(3000), deadline=None)
@given(text=st.lists(AT_PIECES, max_size=24).map("".join))
def test_bracketed_signs_searched_near_what_they_hold_are_every_one(text):
    """An at sign or a dot in brackets or between dashes, and an at sign with spaces around
    it, are searched for only near an @, a bracketed at or dot, or one between dashes: the
    matches are those of a search of the whole text, and the first is the same."""
    from validator.privacy.readings import BRACKETED, _BRACKETED
    whole = [m.span() for m in _BRACKETED.finditer(text)]
    assert [m.span() for m in BRACKETED.finditer(text)] == whole
    first = BRACKETED.search(text)
    assert (first.span() if first else None) == (whole[0] if whole else None)


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(AT_PIECES, max_size=24).map("".join))
def test_what_a_bracketed_sign_holds_is_found_in_its_fast_form_as_written(text):
    """What every bracketed at sign or dot holds, written to start with its first character and
    look back at it, is found where its form as written (in the comment above it) finds it."""
    from validator.privacy.readings import _BRACKETED_HOLDS, _CLOSE, _OPEN
    written = re.compile(rf"@|{_OPEN} ?(?:at|dot|\.) ?{_CLOSE}|-(?:at|dot)-", re.IGNORECASE)
    assert [m.span() for m in _BRACKETED_HOLDS.finditer(text)] == [m.span() for m in written.finditer(text)]


# Markup's pieces, at signs and what a tag or a link may hold or end with.
MARKUP_PIECES = st.sampled_from(list(string.digits + "@<>[]()!\\*_~`-/. ,:=\"'ax\n") + [
    "<b>", "</b>", "<i class=x>", "<!-- -->", "<!-->", "<?x?>", "</>", "[a](b)", "[a][b]", "![a](b)", "\\@", "\\>",
    "\\(", "**", "__", "~~", "``", "<span hidden>", "</span>", "<p>", "style=\"display:none\"", "Mar", "ch", "1st", "-at-"])


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(MARKUP_PIECES, max_size=20).map("".join))
def test_markup_read_without_the_at_sign_s_alternatives_reads_the_same(text):
    """Where no @ touches an item of markup, the markup decoder leaves out the alternatives
    that need one to (found sooner): it finds what it would have found with them."""
    from validator.privacy.markup import MARKUP
    spans = [m.span() for m in re.compile(MARKUP.written[True], MARKUP._FLAGS).finditer(text)]
    assert [m.span() for m in MARKUP.finditer(text)] == spans
    first = MARKUP.search(text)
    assert (first.span() if first else None) == (spans[0] if spans else None)


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(MARKUP_PIECES, max_size=20).map("".join), bounds=st.tuples(st.integers(0, 6), st.integers(0, 6)))
def test_markup_found_from_its_first_characters_is_what_its_pattern_finds(text, bounds):
    """The markup decoder looks for its pattern only where one of its first characters is, and
    for a run of marks an @ follows from the @: it finds the matches, groups and all, that the
    pattern as written finds with its own search, within any bounds."""
    assert_markup_found_as_written(text, *bounds)


def assert_markup_found_as_written(text: str, before: int, after: int) -> None:
    """MARKUP's search in text[before:len(text) - after] finds what the pattern as written (its
    variant for this text) finds there."""
    from validator.privacy.markup import MARKUP
    pos, endpos = before, len(text) - after
    written = re.compile(MARKUP.written[MARKUP._for(text) is MARKUP.with_at], MARKUP._FLAGS)
    whole = [(m.span(), m.groups()) for m in written.finditer(text, pos, endpos)]
    # the bounds given, and for the whole text also none, as callers search it
    for bounds in [(pos, endpos)] + ([()] if (before, after) == (0, 0) else []):
        assert [(m.span(), m.groups()) for m in MARKUP.finditer(text, *bounds)] == whole
        first = MARKUP.search(text, *bounds)
        assert ((first.span(), first.groups()) if first else None) == (whole[0] if whole else None)


# Emphasis and code marks, alone, in runs and escaped, beside what the markup pattern reads
# around them; runs of at most 14 marks, which the pattern as first written reads in time.
MARK_PIECES = st.sampled_from(list("*_~`@ x1\\") + [
    "**", "__", "~~", "``", "***", "___", "~~~", "\\*", "\\_", "\\~", "\\`", "12", "Mar", "ch", "<b>", "@x"])
MARKS_AS_FIRST_WRITTEN = r"(?:\*{1,3}|_{2,3}|~~|`{1,3})+"


@settings(max_examples=examples(3000), deadline=None)
@given(text=st.lists(MARK_PIECES, max_size=24).map("".join).filter(lambda t: not re.search(r"[*_~`]{15}", t)))
def test_marks_read_whole_or_token_by_token_are_what_the_pattern_as_first_written_reads(text):
    """Runs of emphasis and code marks are read without trying each way of splitting them
    (`encodings._MARKS`, `_MARKS_RUN`): the markup patterns find what they found with the
    marks as first written, which tried them all."""
    from validator.privacy.markup import _MARKS, _MARKS_RUN, _ONE_ITEM, MARKUP
    for pattern, found in ((MARKUP.written[True], MARKUP.finditer), (_ONE_ITEM.pattern, _ONE_ITEM.finditer)):
        written = re.compile(pattern.replace(_MARKS_RUN, MARKS_AS_FIRST_WRITTEN)
                             .replace(_MARKS, MARKS_AS_FIRST_WRITTEN), MARKUP._FLAGS)
        assert written.pattern != pattern
        assert [m.span() for m in found(text)] == [m.span() for m in written.finditer(text)]


# Marks of each sign alone and in parts of two and three, escaped, an @ after them, and what
# comes before a run (a letter, a digit, a space): runs of any length before an @.
RUN_PIECES = st.sampled_from(["*", "_", "~", "`", "**", "__", "~~", "``", "___", "~~~", "\\", "@", "x", "1", " "])


@settings(max_examples=examples(3000), deadline=None)
@given(text=st.lists(RUN_PIECES, max_size=40).map("".join), bounds=st.tuples(st.integers(-3, 6), st.integers(0, 6)))
@example(text="**@", bounds=(0, 0))     # a run read from its first mark
@example(text="_@_", bounds=(-1, 0))    # a negative start, read as the text's start
@example(text="x**@", bounds=(2, 0))    # a search started inside a part of one sign: no match there
@example(text="\\**@", bounds=(2, 0))  # but after a backslash
@example(text="x~~~~@", bounds=(3, 0))  # tildes: in pairs, and not from inside a pair's part
@example(text="@____@", bounds=(0, 0))  # where an earlier alternative matches too, it is the match
@example(text="1__@2", bounds=(0, 1))   # the @ beyond the search's end
@example(text="**@", bounds=(1, 0))     # a mark with only one before it
@example(text="x~~~@", bounds=(2, 0))   # a pair of tildes after a lone one
@example(text="~~~@", bounds=(0, 0))    # an odd number of tildes: none is read from the first
@example(text="*_*@", bounds=(0, 0))    # a lone underscore stops a run before its @
@example(text="*@x@*x@*x", bounds=(0, 0))  # a run, then other alternatives' matches, each found
@example(text="@__@__@__", bounds=(0, 0))  # other alternatives' matches before and after runs
def test_a_run_of_marks_an_at_follows_is_found_where_the_pattern_as_written_finds_it(text, bounds):
    """The markup decoder finds a run of marks an @ follows from the @ (`markup._runs_before_an_at`),
    not by trying the pattern at each mark: it finds what the pattern as written finds, within
    any bounds."""
    assert_markup_found_as_written(text, *bounds)


@pytest.mark.parametrize("run", ["*" * 200, "_" * 200, "~" * 201, "`" * 200, "*_" * 100, "*`" * 10_000,
                                 "`~~" * 7_000, "**__" * 5_000])
@pytest.mark.parametrize("around", ["x{}x", "12{}34", "name@{}", "{}@example", "March{}1970", "\\{}@"])
def test_a_long_run_of_marks_is_read_at_once(run, around):
    """A long run of emphasis or code marks (a form's line to fill in, a comment's banner) is
    read in no time: read by trying each way of splitting it, 30 marks took 22 to 26 s; read
    from each of its marks, 8,000 marks of alternate signs took 6 s, and time grew as the
    square of the run's length."""
    with stopped_after(10):
        found_in(around.format(run))


@pytest.mark.parametrize("text", ["a*@" * 40_000, "`a`@b " * 20_000, "@<b>" + "a*@" * 30_000,
                                  "a*@" * 2_000 + "x" * 500_000, ("Contact **ops**" "@example.invalid\n") * 4_000])
def test_many_runs_of_marks_an_at_follows_are_read_in_time_linear_in_the_text(text):
    """Each run of marks an @ follows is found once and the search goes on from it, not again
    from the start (24,000 of them in a row took 37 s when the other alternatives were looked
    for again after each: in time that grew as the square of their number)."""
    from validator.privacy.markup import MARKUP
    with stopped_after(10):
        assert sum(1 for _ in MARKUP.finditer(text)) >= 2_000


HIDING = "<a hidden hidden hidden hidden hidden hidden hidden hidden>z</a>"


@pytest.mark.parametrize("text", ["1" + "<!-->" * 40 + "x", "1" + "<!---->" * 40 + "x", "1" + HIDING * 12 + "x",
                                  "<!-->" * 3_000 + "x@<", "Mar" + "<!---->" * 40 + "x"])
def test_a_run_of_markup_items_is_read_in_time_linear_in_the_text(text):
    """A run of comments or hidden elements is not read every way it could be split (a comment
    ending at each later -->, an element hidden by each of its words): 24 empty comments after
    a digit took 12 s, and each more doubled it."""
    from validator.privacy.markup import MARKUP
    with stopped_after(10):
        list(MARKUP.finditer(text))


HIDDEN_PIECES = st.sampled_from(["1", "2", "x", " ", "-", "<b>", "</b>", "<i hidden>", "<i hidden hidden>",
                                 "<s style='display:none' hidden>", "</i>", "</s>", "<!-- -->", "@"])


@settings(max_examples=examples(1000), deadline=None)
@given(text=st.lists(HIDDEN_PIECES, max_size=12).map("".join))
def test_an_element_marked_hidden_read_once_is_read_as_every_way_finds_it(text):
    """An element marked hidden is read once, whichever of its words hides it: its end is the
    same, so the markup pattern finds what it finds trying each."""
    from validator.privacy.markup import _HIDDEN, MARKUP
    assert _HIDDEN.startswith("(?>") and _HIDDEN.endswith(")")
    for at in (True, False):
        tried = re.compile(MARKUP.written[at].replace(_HIDDEN, _HIDDEN[3:-1]), MARKUP._FLAGS)
        once = re.compile(MARKUP.written[at], MARKUP._FLAGS)
        assert [m.span() for m in once.finditer(text)] == [m.span() for m in tried.finditer(text)]


def test_up_to_five_items_of_markup_in_a_row_join_what_they_part():
    """Five items of markup between two digits are read away; a sixth is more than the pattern
    reads (`limits.CANNOT_CATCH`; a page's tags are read away in any number as a browser shows
    them, `rendered`)."""
    from validator.privacy.markup import MARKUP
    five, six = "1<b></b>-[a](b)\\.<!---->2", "1" + "<b>" * 6 + "2"  # tags, a link, an escape, a comment
    assert MARKUP.search(five).span() == (1, len(five) - 1)
    assert MARKUP.search(six) is None


@contextmanager
def stopped_after(seconds: int):
    """A reading still going after `seconds` fails with TimeoutError (the regular expression
    engine heeds a signal): a reading that would never end fails the test instead of
    stalling the suite."""
    def too_slow(*_):
        raise TimeoutError(f"still being read after {seconds} s")
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=examples(2000), deadline=None)
@given(text=st.lists(MARKUP_PIECES, max_size=20).map("".join))
def test_a_link_s_fast_form_reads_what_its_written_form_reads(text):
    """The link pattern, written to start with its first character and look back at it, finds
    what its form as written (in the comment above it) finds, groups and all."""
    from validator.privacy.markup import LINK as _LINK
    written = re.compile(r"(?:(!)\[|\[)([^\]\n]{0,200})\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,200}\])")
    assert [(m.span(), m.groups()) for m in _LINK.finditer(text)] == [
        (m.span(), m.groups()) for m in written.finditer(text)]
    assert bool(_LINK.fullmatch(text)) == bool(written.fullmatch(text))


@settings(max_examples=examples(1000), deadline=None)
@given(text=st.lists(DATE_PIECES, max_size=24).map("".join))
def test_a_date_pattern_skipped_where_no_month_s_name_is_reads_none_there(text):
    """A pattern marked as reading a month's name is skipped where none is: its every match
    holds one."""
    from validator.privacy.detectors import full_date
    for pattern, naming in full_date._READ:
        if naming:
            assert all(full_date._ANY_MONTH.search(m.group()) for m in pattern.finditer(text)), pattern.pattern


@pytest.mark.parametrize("text", [
    "jane.doe\t-at-\texample.org",                 # a tab read as a space: " -at- " is an at sign
    "jane.doe\t-at-\texample.org, caf\u00e9",       # and a character beyond ASCII read as written
    "jane.doe(\tat\t)example.org \u2019",
    "jane (at)\texample\t(dot)\torg \u00e9"])
def test_an_at_sign_in_brackets_or_dashes_however_spaced_is_never_ruled_out(text):
    """The pre-filters read bracketed at signs as the detectors do, after tabs are read as
    spaces, whatever else the text holds."""
    assert found_in(text) and may_hold(text)
    assert row_may_hold(["Caf\u00e9", text]) and row_may_hold(["x", text])


def test_an_address_spaced_with_tabs_beside_plain_characters_is_refused_in_a_file_and_a_cell(package):
    address = "jane.doe\t-at-\texample.org"
    write(package, "docs/notes.md", f"Caf\u00e9 notes: {address}.\n")
    package.edit("entities", "ipac", description=f"An alliance; caf\u00e9 {address}.")
    assert_findings(package.validate(), ("privacy", "no_email_addresses", "docs/notes.md", 1, None),
                    ("privacy", "no_email_addresses", "data/entities.csv", package.row_number("entities", "ipac"),
                     "description"))


# Encodings' pieces: those `as_seen` leaves as written in code (backslash escapes) or outside
# CSS (CSS escapes), and those it undoes, each able to hold another.
ENCODED_PIECES = st.sampled_from(list(string.digits + "&#;\\%=<>[]()*_xu ") + [
    "&#49;", "&#x32;", "&amp;", "\\x33", "\\u0034", "\\t", "\\35 ", "%36", "%5Cx37", "&#92;x38", "=39", "<b>", "</b>",
    "[9](x)", "U+0031 U+0032", "MTIz", "Zm9vYmFy", "3132333435363738", "\\N{DIGIT ONE}"])


@settings(max_examples=examples(1000), deadline=None)
@given(text=st.lists(ENCODED_PIECES, max_size=16).map("".join), code=st.booleans(), styled=st.booleans())
@example(text="&#49;\\x32", code=True, styled=False)
def test_the_chain_read_as_seen_is_the_chain_of_its_own_decoders(text, code, styled):
    """`as_seen` reuses the chain of all the decoders where none it leaves out changed anything
    there: it reads what chaining its own decoders reads."""
    def readings(reuse: bool):
        made = Readings(text, code=code, styled=styled)
        if not reuse:  # every chain of `as_seen` made on its own
            made._changed_by_all = lambda index: {None}
        return [(r.text, list(r.origin)) for r in made.as_seen]
    assert readings(reuse=True) == readings(reuse=False)


@settings(max_examples=examples(1000), deadline=None)
@given(text=st.lists(st.one_of(ENCODED_PIECES, st.sampled_from(["u+0031,u+0032", "+", "U", "abcdef0000fedcba", "f"])),
                     max_size=16).map("".join))
@example(text="U+0031 U+0032")
@example(text="u+0031,u+0032")
@example(text="abcdef0000fedcba 3132333435363738")
@example(text="4A4B4C4D4E4F5051")  # hex bytes in capitals, which decode
# each form a decoder undoes, alone: a sign of another decoder's beside it would hide a wrong sign
@example(text="1<b>2")
@example(text="12**34")
@example(text="12`34")
@example(text="12__34")
@example(text="12~~34")
@example(text="[a](b)")
@example(text="[a][b]")
@example(text="%31%32")
@example(text="=31=32")
@example(text="&#57;")
@example(text="&#x39;")
@example(text="&lt;")
@example(text="\\x31\\x32")
@example(text="\\u0031")
@example(text="1\\t1")
@example(text="\\061\\062")
@example(text="a { b: \\31 }")
@example(text="MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=")
def test_a_decoder_said_to_leave_a_text_as_it_is_changes_nothing_in_it(text):
    """`may_change` may say yes wrongly, never no wrongly: where it says a decoder cannot
    change a text (none of the signs its matches hold), no match of the
    decoder's pattern in the text decodes to anything else."""
    for pattern, decode in DECODERS:
        if not may_change(pattern, text):
            assert all(decode(match) == match.group() for match in pattern.finditer(text)), (pattern.pattern[:30], text)


@pytest.mark.parametrize("shape", ["hex", "base64"])
@pytest.mark.parametrize("beside", ["&#65;", "%41", "\\4e "])
def test_a_run_that_decodes_only_as_its_stretch_cuts_it_is_read(shape, beside):
    """A stretch around an encoded place is read with every decoder from the first round: a run
    of hex digits or base64 that decodes only once the stretch has cut the letter glued to it
    off is still read, whatever other encoding is beside it."""
    born = ("born 1970" "-03-01 " * 10)[:100 if shape == "hex" else 150]
    run = born.encode().hex() if shape == "hex" else base64.b64encode(born.encode()).decode()
    assert len(run) == MARGIN  # so a stretch around `beside` holds the run whole, and not the "g"
    # cut off at the stretch's start; and at its end, where `beside` ends with a sign no run goes on through
    for text in ["g" + run + beside] + ([beside + run + "g"] if not beside[-1].isalnum() else []):
        for code, styled in ((False, False), (True, False), (False, True)):
            found = found_in(Readings(text, code=code, styled=styled))
            assert ("no_full_dates", "1970" "-03-01") in {(check, f.value) for check, f in found}, (text[:40], code, styled)


# -- the package's own digests ---------------------------------------------------------------------

def _a_table_whose_digest_holds(package, wanted: str) -> tuple[str, str]:
    """Reword a figure's measure until the figures table's SHA-256, written in a sentence, holds
    what the detector `wanted` finds (about 1 digest in 1 000 for an ID number, 1 in 200 for a
    date); (the note, the digest)."""
    import hashlib
    from validator.privacy.readings import MARGIN, Readings
    rows = package.rows("figures")
    measure = rows[-1]["measure"]
    for variant in range(40_000):
        rows[-1]["measure"] = f"{measure[:-1]}, in variant {variant}."
        digest = hashlib.sha256(package.csv_text(rows).encode("utf-8")).hexdigest()
        if not re.search(r"[0-9]{6}", digest):
            continue
        note = f"The figures table's SHA-256 is {digest}, as computed.\n"
        if any(check == wanted for check, _ in found_in(Readings(note), set())):
            package.write_rows("figures", rows)
            return note, digest
    raise AssertionError(f"no digest in 40 000 held what {wanted} finds")


def test_an_id_number_s_digits_inside_a_package_digest_are_no_one_s(package):
    note, digest = _a_table_whose_digest_holds(package, "no_resident_id_numbers")
    write(package, "docs/notes.md", note)
    assert_findings(package.validate())
    other = digest[:-1] + ("0" if digest[-1] != "0" else "1")  # no file's digest: refused as any text
    write(package, "docs/notes.md", note.replace(digest, other))
    assert "no_resident_id_numbers" in {f.check for f in package.validate().findings}
    write(package, "docs/notes.md", note.replace(digest, digest + "a"))  # longer than the digest
    assert "no_resident_id_numbers" in {f.check for f in package.validate().findings}
    # Written twice, first glued to a letter: the second, whole, is the digest; the first is not.
    write(package, "docs/notes.md", note.replace(digest, digest + "a " + digest))
    assert [f.check for f in package.validate().findings] == ["no_resident_id_numbers"]


def test_a_date_inside_a_package_digest_needs_a_reviewed_exception(package):
    """A date (or a phone number) in a digest can be made by trying variants of a file's bytes."""
    note, _ = _a_table_whose_digest_holds(package, "no_full_dates")
    write(package, "docs/notes.md", note)
    assert "no_full_dates" in {f.check for f in package.validate().findings}


def test_what_is_decoded_beside_a_package_digest_is_read_as_any_text(package):
    """Base64 glued to a digest is one blob with it; what it decodes to is placed at the blob's
    start, inside the digest, and is refused all the same."""
    import base64
    import hashlib
    digest = hashlib.sha256(package.table_file("figures").read_bytes()).hexdigest()
    payload = base64.b64encode(("ID " + VALID_ID).encode()).decode()
    write(package, "docs/notes.md", f"Table digest: {digest}/{payload}\n")
    assert "no_resident_id_numbers" in {f.check for f in package.validate().findings}


@pytest.mark.parametrize("name, role, beside", [
    ((0, 10), (13, 20), True),    # the role three characters after the name (“, ” and a quotation mark)
    ((0, 10), (14, 20), False),   # four: apart
    ((10, 20), (0, 8), True),     # the role two characters before it
    ((10, 20), (0, 7), False),    # three: apart
    ((5, 10), (0, 20), True),     # the role holds the name
])
def test_a_role_is_beside_its_person_s_name_within_a_few_characters(name, role, beside):
    from validator.privacy.persons import _beside
    assert _beside(*name, *role) == beside
