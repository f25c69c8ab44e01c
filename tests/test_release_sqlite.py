"""The SQLite release: every table equal to its CSV with NULL for every empty cell, keys
declared and clean, CHECK constraints that bite, the article with its hash, views that
answer the questions of docs/using-the-tables.md, and full-text search."""
from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from conftest import ARTICLE, ROOT
from release_build import built_release, csv_header, csv_rows, package, release_file

TABLES = [t.name for t in package().tables]


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    db = sqlite3.connect(release_file(built_release(tmp_path_factory), ".sqlite"))
    yield db
    db.close()


@pytest.fixture
def scratch(database):
    """A writable in-memory copy, with foreign keys enforced, for inserting bad rows."""
    copy = sqlite3.connect(":memory:")
    database.backup(copy)
    copy.execute("PRAGMA foreign_keys = ON")
    yield copy
    copy.close()


def schema(table: str) -> dict:
    return json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))


def expected_value(cell: str, field_type: str):
    """A CSV cell as SQLite should hold it: '' is NULL, numbers are numbers, dates ISO text."""
    if cell == "":
        return None
    return {"integer": int, "number": float}.get(field_type, str)(cell)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_equals_its_csv_nulls_included(database, table):
    fields = schema(table)["fields"]
    columns = ", ".join(f'"{f["name"]}"' for f in fields)
    stored = database.execute(f'SELECT {columns} FROM "{table}" ORDER BY rowid').fetchall()
    wanted = [tuple(expected_value(row[f["name"]], f["type"]) for f in fields) for row in csv_rows(table)]
    assert stored == wanted
    for row in stored:
        for value, field in zip(row, fields):
            assert value != "", f"{table}.{field['name']} holds an empty string"
            if value is not None:
                assert type(value) is {"integer": int, "number": float}.get(field["type"], str)


@pytest.mark.parametrize("table", TABLES)
def test_columns_keys_and_foreign_keys_are_declared_as_in_the_schema(database, table):
    table_schema = schema(table)
    info = database.execute(f'PRAGMA table_info("{table}")').fetchall()
    assert [column[1] for column in info] == csv_header(table)
    sql_types = {"integer": "INTEGER", "number": "REAL", "date": "TEXT", "string": "TEXT"}
    assert [column[2] for column in info] == [sql_types[f["type"]] for f in table_schema["fields"]]
    key = table_schema["primaryKey"]
    assert [column[1] for column in sorted(info, key=lambda c: c[5]) if column[5]] == key
    declared = {(row[3], row[2], row[4]) for row in database.execute(f'PRAGMA foreign_key_list("{table}")')}
    assert declared == {(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
                        for fk in table_schema.get("foreignKeys", [])}


def test_foreign_keys_are_clean_and_the_file_is_sound(database):
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert database.execute("PRAGMA journal_mode").fetchone() == ("delete",)


@pytest.mark.parametrize("column, value", [
    ("qualifier", "more_than"),        # not in the vocabulary
    ("start", -1),                     # below the minimum
    ("start", "twelve"),               # text in an integer column
    ("start", 12.5),                   # a fraction in an integer column
    ("unit", "CCP Members"),           # outside the pattern's characters
    ("id", "x-wrong-prefix"),          # not the pattern's prefix
    ("statement_id", "s-no-such-statement"),  # a broken foreign key
    ("measure", None),                 # a required field missing
])
def test_check_constraints_refuse_a_bad_figure(scratch, column, value):
    row = dict(zip(["id", "statement_id", "text", "start", "end", "value", "unit", "qualifier", "measure"],
                   ["f-new", "s-party-size", "x", 1, 2, 1.0, "ccp_members", "about", "m"]))
    row[column] = value
    columns = ", ".join(f'"{name}"' for name in row)
    with pytest.raises(sqlite3.IntegrityError):
        scratch.execute(f"INSERT INTO figures ({columns}) VALUES ({', '.join('?' for _ in row)})",
                        list(row.values()))


def test_an_impossible_date_is_refused(scratch):
    for impossible in ("2020-02-30", "2020-13-01", "2020/12/31", "mid-2020"):
        with pytest.raises(sqlite3.IntegrityError):
            scratch.execute("UPDATE events SET date_to = ? WHERE id = 'e-ipac-founded'", (impossible,))


def test_the_article_is_one_row_with_its_sha256(database):
    rows = database.execute("SELECT path, sha256, bytes, code_points, text FROM article").fetchall()
    content = (ROOT / "data" / "article.txt").read_bytes()
    assert rows == [("data/article.txt", hashlib.sha256(content).hexdigest(), len(content), len(ARTICLE), ARTICLE)]


@pytest.mark.parametrize("table", [t for t in TABLES if t not in ("attributions", "corrections", "article_revisions")])
def test_every_span_reanchors_in_sql(database, table):
    text = "name" if table == "entities" else "text"
    drifted = database.execute(f'SELECT count(*) FROM "{table}" AS t, article AS a '
                               f'WHERE substr(a.text, t.start + 1, t."end" - t.start) IS NOT t.{text}').fetchone()
    assert drifted == (0,)


def test_quotations_view_gives_each_quote_its_sources_and_medium(database):
    names = {row["id"]: row["name"] for row in csv_rows("entities")}
    links = csv_rows("attributions")

    def joined(statement, role):
        return " and ".join(names[a["entity_id"]] for a in links
                            if a["statement_id"] == statement and a["role"] == role) or None
    wanted = [(q["id"], joined(q["statement_id"], "source"), joined(q["statement_id"], "medium"))
              for q in sorted(csv_rows("quotes"), key=lambda q: int(q["start"]))]
    assert database.execute("SELECT id, source, medium FROM quotations_with_sources").fetchall() == wanted
    assert ("q-senators-insidious", "Marco Rubio and Mark Warner", None) in wanted


def test_quotations_by_one_person_include_joint_statements(database):
    said = database.execute("SELECT quote_id FROM quotation_sources WHERE entity_id = 'marco_rubio'").fetchall()
    assert said == [("q-senators-insidious",), ("q-senators-stop-at-nothing",)]


def test_figures_view_and_timeline(database):
    figures = database.execute("SELECT id, value, lower, upper, source FROM figures_with_sources").fetchall()
    assert [f[0] for f in figures] == [f["id"] for f in sorted(csv_rows("figures"), key=lambda f: int(f["start"]))]
    assert ("f-companies-in-japan", 300.0, None, 300.0, "Nikkei Asia") in figures
    timeline = database.execute("SELECT id FROM timeline").fetchall()
    events = sorted(csv_rows("events"), key=lambda e: (e["date_from"], e["date_to"], int(e["start"])))
    assert timeline == [(e["id"],) for e in events]


def test_full_text_search_over_statements_and_quotations(database):
    hits = database.execute("SELECT id FROM quotes_fts WHERE quotes_fts MATCH 'insidious'").fetchall()
    assert hits == [("q-senators-insidious",)]
    for index, table in (("statements_fts", "statements"), ("quotes_fts", "quotes")):
        indexed = database.execute(f"SELECT id, text FROM {index} ORDER BY rowid").fetchall()
        assert indexed == [(row["id"], row["text"]) for row in csv_rows(table)]


def test_about_states_version_licence_and_privacy(database):
    about = dict(database.execute("SELECT key, value FROM about"))
    descriptor = package().descriptor
    assert about["version"] == descriptor["version"] and about["title"] == descriptor["title"]
    assert about["privacy"].startswith("Privacy: this package contains no personal data from the leak")
    assert about["licence_url"] == descriptor["licenses"][0]["path"]
