"""scripts/reanchor.py on revisions of the real article: each row unchanged, moved, changed or
gone; a revision whose rows are all unchanged or moved is written whole and validates, any
other writes nothing. The revisions are made here from data/article.txt; the sentence a test
inserts is invented and reads as invented."""
import hashlib
import re
import subprocess
import sys
from collections import Counter

import pytest

from conftest import ARTICLE, GENERATED_CHECKS, ROOT, still_current
import reanchor
from reanchor import Alignment, Span, place, spans_of

SPANS = spans_of(ROOT)
PARAGRAPHS = ARTICLE.split("\n\n")
INVENTED = "This sentence is invented for a test of re-anchoring.\n\n"


def placements(new: str):
    return reanchor.reanchor(ARTICLE, new, SPANS)


def statuses(found) -> Counter:
    return Counter(p.status for p in found)


def by_label(found) -> dict:
    return {p.span.label: p for p in found}


def changed_text(found) -> set:
    """The rows whose text the revision changed (or whose place is in doubt)."""
    return {p.span.label for p in found if p.status == "changed" and not p.reviewable}


def inside(statements: set) -> set:
    """The rows inside these statements (by label, statements/... given), but the statements."""
    ids = {label.split("/", 1)[1] for label in statements if label.startswith("statements/")}
    return {s.label for s in SPANS if s.statement in ids}


def swapped(first: int, second: int) -> str:
    paragraphs = PARAGRAPHS[:]
    paragraphs[first], paragraphs[second] = paragraphs[second], paragraphs[first]
    return "\n\n".join(paragraphs)


def assert_anchored(found, new: str) -> None:
    """Every unchanged or moved span holds its exact text at its new offsets."""
    for p in found:
        if p.status in ("unchanged", "moved"):
            assert new[p.start:p.end] == p.span.text, p.span.label


# ---- each revision, each row's status ---------------------------------------------------------

def test_a_sentence_inserted_before_the_first_paragraph_moves_every_row_after_it_exactly():
    at = ARTICLE.index("Leaked documents reveal")
    new = ARTICLE[:at] + INVENTED + ARTICLE[at:]
    found = placements(new)
    assert_anchored(found, new)
    for p in found:
        if p.span.start >= at:
            assert (p.status, p.start, p.end) == ("moved", p.span.start + len(INVENTED), p.span.end + len(INVENTED))
        else:
            assert (p.status, p.start) == ("unchanged", p.span.start)
    assert statuses(found) == Counter(moved=85, unchanged=3)


def test_a_sentence_inserted_before_the_headline_moves_every_row():
    found = placements(INVENTED + ARTICLE)
    assert statuses(found) == Counter(moved=len(SPANS))
    assert all(p.start == p.span.start + len(INVENTED) for p in found)


def test_a_paragraph_removed_leaves_its_rows_gone_and_the_others_placed():
    removed = PARAGRAPHS[7]  # “The register also shows that about 79,000 CCP branches ...”
    new = "\n\n".join(PARAGRAPHS[:7] + PARAGRAPHS[8:])
    found = placements(new)
    assert_anchored(found, new)
    gone = {p.span.label for p in found if p.status == "gone"}
    assert gone == {"entities/sky_news", "statements/s-markson-branches", "quotes/q-markson-answerable",
                    "figures/f-party-branches", "events/e-sky-news-report"}
    assert all(p.span.text in removed for p in found if p.status == "gone")
    assert statuses(found)["changed"] == 0


def test_a_corrected_number_changes_its_figure_and_statement_and_names_the_new_text():
    new = ARTICLE.replace("an estimated 92 million", "an estimated 93 million")
    found = by_label(placements(new))
    changed = changed_text(found.values())
    assert changed == {"figures/f-party-membership", "statements/s-party-size"}
    # the other rows of the statement are found, and a person checks them against it
    assert {label for label, p in found.items() if p.reviewable} == inside(changed) - changed
    figure = found["figures/f-party-membership"]
    assert figure.candidate == "an estimated 93 million" and new[figure.start:figure.end] == figure.candidate
    assert "not in the revised article" in figure.why
    assert all(p.status == "unchanged" for label, p in found.items() if label not in changed | inside(changed))


def test_a_shortened_quotation_changes_the_quote_and_its_statement():
    new = ARTICLE.replace("to help craft a proactive and strategic approach", "to help craft a strategic approach")
    found = by_label(placements(new))
    assert changed_text(found.values()) == {"quotes/q-ipac-mission", "statements/s-ipac-mission"}
    assert found["quotes/q-ipac-mission"].candidate == "to help craft a strategic approach"
    assert statuses(found.values())["gone"] == 0


@pytest.mark.parametrize("first, second", [(7, 8), (3, 4), (14, 15)])
def test_two_paragraphs_swapped_move_their_rows_exactly(first, second):
    new = swapped(first, second)
    found = placements(new)
    assert not changed_text(found)
    asked = {p.span.label for p in found if p.reviewable}  # statements after a new neighbour, and their rows
    assert asked and all("statement" in p.why for p in found if p.reviewable)
    found = reanchor.reanchor(ARTICLE, new, SPANS, frozenset(asked))  # a person checked them
    assert_anchored(found, new)
    assert set(statuses(found)) <= {"unchanged", "moved"}
    moved = {p.span.text for p in found if p.status == "moved"}
    assert moved and all(text in PARAGRAPHS[first] + PARAGRAPHS[second] for text in moved)


def test_blank_lines_added_between_paragraphs_move_every_row_including_the_repeated_headline():
    new = ARTICLE.replace("\n\n", "\n\n\n")
    found = by_label(placements(new))
    assert_anchored(found.values(), new)
    assert set(statuses(found.values())) == {"unchanged", "moved"}
    headline = found["excluded_spans/x-repeated-headline"]  # the second printing, not the first
    assert headline.start == new.index(headline.span.text, 1)


def test_spaces_changed_inside_spans_change_them_and_spare_the_others():
    new = ARTICLE.replace(". ", ".  ")
    found = placements(new)
    assert_anchored(found, new)
    changed = changed_text(found)
    assert changed == {p.span.label for p in found if ". " in p.span.text}
    assert {p.span.label for p in found if p.reviewable} == inside(changed) - changed


def test_straight_quotation_marks_change_the_rows_that_print_curly_ones():
    new = ARTICLE.replace("“", '"').replace("”", '"')
    found = placements(new)
    changed = changed_text(found)
    assert changed == {p.span.label for p in found if "“" in p.span.text or "”" in p.span.text}
    assert all(p.status == "unchanged" for p in found if p.span.label not in changed | inside(changed))
    assert any(p.span.table == "quotes" and p.reviewable for p in found)  # between the marks: found


def test_an_occurrence_is_chosen_by_its_surroundings_only_without_doubt():
    old = "Intro text that stays. The alpha report of 2016 was late, the auditors said. Closing words."
    span = Span("events", "e-x", "text", "start", "end", "2016", old.index("2016"), old.index("2016") + 4)
    clear = ("Intro text that stays. The beta report of 2016 was early, as usual. Then: the alpha report "
             "of 2016 was late, the auditors said. Closing words.")
    p = place(span, old, clear, Alignment(old, clear))
    assert (p.status, p.start) == ("moved", clear.rindex("2016"))
    doubtful = "Intro text. One report of 2016 was read, they said. Another report of 2016 was read, they said."
    p = place(span, old, doubtful, Alignment(old, doubtful))
    assert p.status == "changed" and "occurs 2 times" in p.why


@pytest.mark.parametrize("before", ["", "An invented first line.\n"])
def test_a_passage_removed_before_one_that_begins_alike_is_gone(before):
    """The lines the two texts begin and end with alike are kept in place whole: a removed
    passage that begins as the next one does is not read as the start of that one."""
    removed, kept = "The invented minister said the plan was dropped.", "The invented minister said the budget would rise."
    old, new = f"{before}{removed} {kept}\n", f"{before}{kept}\n"
    span = Span("statements", "s-x", "text", "start", "end", removed, len(before), len(before) + len(removed))
    assert place(span, old, new, Alignment(old, new)).status == "gone"


def test_a_short_text_found_once_in_other_surroundings_needs_a_person():
    old = "Sales rose by 40 percent in the first year."
    span = Span("figures", "f-x", "text", "start", "end", "40 percent", 14, 24)
    new = "An invented line about something else. Only 40 percent of it is kept, never the sales."
    p = place(span, old, new, Alignment(old, new))
    assert p.status == "changed" and "check that it is the same passage" in p.why


def test_rows_a_person_wrote_for_the_revision_are_unchanged_and_other_mismatches_are_refused():
    new = ARTICLE.replace("an estimated 92 million", "an estimated 93 million")
    start = new.index("an estimated 93 million")
    edited = [s._replace(text="an estimated 93 million") if s.id == "f-party-membership" else
              s._replace(text=s.text.replace("92 million", "93 million")) if s.id == "s-party-size" else s
              for s in SPANS]
    found = by_label(reanchor.reanchor(ARTICLE, new, edited))
    assert (found["figures/f-party-membership"].status, found["figures/f-party-membership"].start) == (
        "unchanged", start)
    wrong = [s._replace(start=s.start + 1) if s.id == "f-party-membership" else s for s in SPANS]
    with pytest.raises(reanchor.UsageError, match="f-party-membership"):
        reanchor.reanchor(ARTICLE, new, wrong)


def test_tables_are_written_back_byte_for_byte():
    for table in reanchor.SPAN_COLUMNS:
        path = ROOT / "data" / f"{table}.csv"
        assert reanchor.table_text(reanchor.read_table(ROOT, table)) == path.read_text(encoding="utf-8"), table


# ---- the command on a copy of the repository ---------------------------------------------------

def run(copy, *arguments):
    return subprocess.run([sys.executable, "scripts/reanchor.py", *map(str, arguments)], cwd=copy,
                          capture_output=True, text=True, timeout=600)


def snapshot(copy) -> dict:
    """Every file of the copy that git would publish (compiled modules a run leaves are not)."""
    return {path.relative_to(copy).as_posix(): path.read_bytes() for path in sorted(copy.rglob("*"))
            if path.is_file() and not {".git", ".venv", "__pycache__"} & set(path.relative_to(copy).parts)
            and path.suffix != ".pyc"}


@pytest.mark.tools("git")
def test_swapped_paragraphs_are_written_whole_and_the_copy_validates(repository_copy, tmp_path):
    new = swapped(3, 4)
    revised = tmp_path / "revised.txt"
    revised.write_text(new, encoding="utf-8")
    before = snapshot(repository_copy)
    asked = run(repository_copy, "--dry-run", revised)  # the statements after a new neighbour, and their rows
    assert asked.returncode == 1 and "nothing was written" in asked.stdout and snapshot(repository_copy) == before
    checked = [argument for label in re.findall(r"--reviewed (\S+)", asked.stdout)
               for argument in ("--reviewed", label)]
    assert checked
    dry = run(repository_copy, "--dry-run", revised, *checked)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "would be written (dry run)" in dry.stdout and snapshot(repository_copy) == before

    done = run(repository_copy, revised, *checked)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "88 spans: 71 unchanged, 17 moved, 0 changed, 0 gone" in done.stdout
    assert (repository_copy / "data" / "article.txt").read_text(encoding="utf-8") == new
    validated = subprocess.run([sys.executable, "validate.py"], cwd=repository_copy, capture_output=True, text=True)
    assert validated.returncode == 0 and validated.stdout.startswith("valid: 9 tables, "), validated.stdout
    assert still_current(repository_copy) == dict.fromkeys(GENERATED_CHECKS, 0)
    digest = hashlib.sha256(new.encode("utf-8")).hexdigest()
    for name in ("validator/pins.py", "CITATION.cff", "docs/method.md", "docs/datasheet.md", "datapackage.json"):
        text = (repository_copy / name).read_text(encoding="utf-8")
        assert digest in text and hashlib.sha256(ARTICLE.encode()).hexdigest() not in text, name
    after = snapshot(repository_copy)
    assert {name for name in after if after[name] != before.get(name)} >= {
        "data/article.txt", "datapackage.json", "validator/pins.py", "docs/index.html"}
    assert run(repository_copy, revised).stdout.rstrip().endswith("nothing to write")  # once is enough


@pytest.mark.tools("git")
def test_blank_lines_added_rewrite_the_documents_example_rows(repository_copy, tmp_path):
    revised = tmp_path / "revised.txt"
    revised.write_text(ARTICLE.replace("\n\n", "\n\n\n"), encoding="utf-8")
    done = run(repository_copy, revised)
    assert done.returncode == 0, done.stdout + done.stderr
    example = "f-companies-in-japan,s-japan-members,almost 300,"
    contributing = (repository_copy / "CONTRIBUTING.md").read_text(encoding="utf-8")
    line = next(line for line in contributing.splitlines() if line.startswith(example))
    assert line in (repository_copy / "data" / "figures.csv").read_text(encoding="utf-8")
    assert line not in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")  # its offsets moved
    start, end = line.split(",")[3:5]  # the example finding names the row's new span
    assert f"expected one row for the whole expression 'almost 300' ({start}-{end})" in contributing
    validated = subprocess.run([sys.executable, "validate.py"], cwd=repository_copy, capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout


@pytest.mark.tools("git")
@pytest.mark.parametrize("revise, expected", [
    (lambda a: a.replace("an estimated 92 million", "an estimated 93 million"),
     ["changed    figures/f-party-membership", "candidate: 'an estimated 93 million'"]),
    (lambda a: "\n\n".join(PARAGRAPHS[:7] + PARAGRAPHS[8:]), ["gone       quotes/q-markson-answerable"]),
    (lambda a: a.replace("Leaked documents reveal", "Of 7 invented lines, this one is new.\n\nLeaked documents reveal"),
     ["[completeness]", "'7'", "needs rows or exclusions a person writes"]),
])
def test_a_revision_that_needs_a_person_writes_nothing(repository_copy, tmp_path, revise, expected):
    revised = tmp_path / "revised.txt"
    revised.write_text(revise(ARTICLE), encoding="utf-8")
    before = snapshot(repository_copy)
    done = run(repository_copy, revised)
    assert done.returncode == 1, done.stdout + done.stderr
    for words in expected:
        assert words in done.stdout, done.stdout
    assert done.stdout.rstrip().endswith("nothing was written")
    assert snapshot(repository_copy) == before


@pytest.mark.parametrize("moved, after, label", [
    # “the statement said”, after the embassy's paragraph no longer
    (PARAGRAPHS[-1], PARAGRAPHS[-2], "statements/s-senators-stop-at-nothing"),
    # “Its mission ...” before “IPAC was founded ...”: “Its” no longer follows IPAC
    ("Its mission", None, "statements/s-ipac-mission"),
])
def test_a_statement_after_a_new_neighbour_needs_a_person(moved, after, label):
    """A statement is read in the light of the one before it: moved elsewhere, its text intact,
    a person checks it (and the rows inside it) before it is re-anchored."""
    if after is None:  # the two sentences of one paragraph, swapped
        paragraph = next(p for p in PARAGRAPHS if moved in p)
        first, second = paragraph.split(" Its mission", 1)
        new = ARTICLE.replace(paragraph, "Its mission" + second + " " + first)
    else:
        paragraphs = [p for p in PARAGRAPHS if p != moved]
        paragraphs.insert(3, moved)
        new = "\n\n".join(paragraphs)
    found = by_label(placements(new))
    assert not changed_text(found.values())
    assert found[label].reviewable and "the statement before it is now" in found[label].why
    statement = label.split("/", 1)[1]
    assert all(found[s.label].reviewable for s in SPANS if s.statement == statement)  # and its rows


def test_usage_errors_exit_2_and_write_nothing(tmp_path, capsys):
    assert reanchor.main([], root=ROOT) == 2
    assert reanchor.main([str(tmp_path / "missing.txt")], root=ROOT) == 2
    assert reanchor.main([str(tmp_path)], root=ROOT) == 2  # a folder
    latin = tmp_path / "latin.txt"
    latin.write_bytes(ARTICLE.replace("’", "'").encode("utf-8") + b"\xe9")
    assert reanchor.main([str(latin)], root=ROOT) == 2
    for name, content, why in [("empty.txt", b"\n \n", "is empty"),
                               ("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "byte order mark")]:
        (tmp_path / name).write_bytes(content)
        capsys.readouterr()
        assert reanchor.main([str(tmp_path / name)], root=ROOT) == 2
        assert why in capsys.readouterr().err
    same = tmp_path / "same.txt"
    same.write_text(ARTICLE, encoding="utf-8")
    assert reanchor.main([str(same), "--version", "0.1.0"], root=ROOT) == 2  # released already
    assert "is released already" in capsys.readouterr().err
    assert reanchor.main([str(same), "--change", "Swapped.\n\n## [0.2.1]"], root=ROOT) == 2  # one line
    assert reanchor.main([str(same), "--reviewed", "statements/s-no-such"], root=ROOT) == 2
    assert "not a row whose text is found" in capsys.readouterr().err


@pytest.mark.parametrize("before, after, label", [
    ("in mid-2020 and", "in mid-2020s and", "events/e-ipac-founded"),
    ("that month", "that month\u2019s end", "events/e-senators-statement"),
    ("an estimated 92 million", "an estimated 92 million-plus", "figures/f-party-membership"),
])
def test_a_span_that_an_edit_beside_it_may_have_lengthened_needs_a_person(before, after, label):
    """The text is found where it was, but what touches it now continues it: the expression it
    belongs to may be longer (a decade, a month's end), so a person decides."""
    assert ARTICLE.count(before) == 1
    found = by_label(placements(ARTICLE.replace(before, after)))
    assert found[label].status == "changed" and "may be longer now" in found[label].why


def test_a_failed_rename_puts_back_every_file_already_replaced(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    (tmp_path / "b.txt").write_text("old b", encoding="utf-8")
    real, calls = reanchor.os.replace, []

    def failing(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError("disk full")
        real(source, target)
    monkeypatch.setattr(reanchor.os, "replace", failing)
    with pytest.raises(OSError):
        reanchor.write_back(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    assert (tmp_path / "a.txt").read_text() == "old a" and (tmp_path / "b.txt").read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary left


def test_the_record_of_a_re_anchoring_touches_no_row_but_its_own(tmp_path):
    """A cell changed again in the same version: the row already there keeps its old value,
    kind and reason and takes the new value; a re-anchoring back to where it was is dropped;
    every other row is left as written."""
    (tmp_path / "data").mkdir()
    header = "version,table_name,row_id,field,old_value,new_value,kind,reason"
    person = '0.2.1,statements,s-invented,end,3116,3120,revision,"A person\'s reason, kept."'
    other = "0.2.1,figures,f-invented,measure,Old words.,New words.,extraction,Another reason."
    returning = "0.2.1,quotes,q-invented,start,10,12,reanchoring,An earlier re-anchoring."
    (tmp_path / "data" / "corrections.csv").write_text("\n".join([header, person, other, returning]) + "\n",
                                                     encoding="utf-8")
    tool = {"version": "0.2.1", "kind": "reanchoring", "reason": "Re-anchored."}
    text = reanchor.appended(tmp_path, "corrections", [
        tool | {"table_name": "statements", "row_id": "s-invented", "field": "end", "old_value": "3120",
                "new_value": "3130"},
        tool | {"table_name": "quotes", "row_id": "q-invented", "field": "start", "old_value": "12",
                "new_value": "10"},
        tool | {"table_name": "quotes", "row_id": "q-other", "field": "end", "old_value": "40", "new_value": "44"}])
    assert text.split("\n") == [header, person.replace(",3120,", ",3130,"), other,
                                "0.2.1,quotes,q-other,end,40,44,reanchoring,Re-anchored.", ""]


@pytest.mark.tools("git")
def test_a_new_digest_that_looks_like_a_date_is_written_once_its_exception_is_reviewed(repository_copy, tmp_path):
    """About one digest in 200 holds what reads as a date where the snapshot's hash is pinned: the
    tool writes nothing and prints the exception rows; with them reviewed, it writes."""
    from validator.privacy.detectors import found_in
    from validator.privacy.readings import Readings
    breaks = [i for i, c in enumerate(ARTICLE) if ARTICLE.startswith("\n\n", i)]
    for variant in range(1, 2 ** len(breaks)):  # a blank line added after some paragraphs
        new = "".join(ARTICLE[a:b] + ("\n" if variant >> k & 1 else "")
                      for k, (a, b) in enumerate(zip([0] + breaks, breaks + [len(ARTICLE)])))
        digest = hashlib.sha256(new.encode("utf-8")).hexdigest()
        if any(check == "no_full_dates" for check, _ in found_in(Readings(f"SHA-256 {digest}."), set())):
            break
    revised = tmp_path / "revised.txt"
    revised.write_text(new, encoding="utf-8")
    before = snapshot(repository_copy)
    asked = run(repository_copy, revised)
    assert asked.returncode == 1 and snapshot(repository_copy) == before, asked.stdout
    rows = [line.strip() for line in asked.stdout.splitlines() if line.strip().startswith("no_full_dates,")]
    assert len(rows) == len(set(rows))
    assert rows and "add its row to privacy-exceptions.csv" in asked.stdout
    with open(repository_copy / "privacy-exceptions.csv", "a", encoding="utf-8") as exceptions:
        exceptions.writelines(f'{row}"The snapshot\'s SHA-256, checked: a digest, no one\'s date."\n' for row in rows)
    done = run(repository_copy, revised)
    assert done.returncode == 0, done.stdout
    validated = subprocess.run([sys.executable, "validate.py"], cwd=repository_copy, capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout
