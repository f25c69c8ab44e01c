"""Every table loads in polars and in DuckDB, the README's way (its blocks, run as written), with the column types its Table
Schema gives (string, integer, number, date), and a figure's value and bounds read as one type
in pandas, polars and DuckDB alike. Left to guess, both libraries read the bounds as integers
beside a float value, and polars leaves the dates as text: the last test shows the check sees it."""
import contextlib
import csv
import datetime
import io
import json
import re

import pytest

from conftest import ROOT, imported_when_used
from doc_blocks import blocks

duckdb = imported_when_used("duckdb")
pl = imported_when_used("polars")
READERS = ("schema_types", "polars_table", "duckdb_table", "tables")
TABLES = [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"]
          if r.get("type") == "table"]


def schema_fields(table):
    return json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))["fields"]


def polars_kind(dtype) -> str:
    """The Table Schema type a polars column type stands for, or the type's own name."""
    if dtype == pl.String:
        return "string"
    if dtype == pl.Date:
        return "date"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    return str(dtype)


def duckdb_kind(sql_type) -> str:
    name = str(sql_type)
    if name == "VARCHAR":
        return "string"
    if name == "DATE":
        return "date"
    if name in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"):
        return "integer"
    if name in ("FLOAT", "DOUBLE"):
        return "number"
    return name


def kinds_in_polars(frame):
    return {name: polars_kind(dtype) for name, dtype in frame.schema.items()}


def kinds_in_duckdb(relation):
    return {name: duckdb_kind(sql_type) for name, sql_type in zip(relation.columns, relation.types)}


def schema_kinds(table):
    return {field["name"]: field["type"] for field in schema_fields(table)}


@pytest.fixture(scope="module")
def readers():
    """The functions the README's blocks define, from the blocks that define them."""
    namespace = {}
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(io.StringIO()):
        for block in blocks("README.md"):
            if block.language == "python" and re.search(rf"^(?:def )?(?:{'|'.join(READERS)})\b", block.body, re.M):
                exec(compile(block.body, str(block), "exec"), namespace)
    missing = [name for name in READERS if name not in namespace]
    assert not missing, f"the README defines no {missing}"
    return namespace


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch):
    """The README's readers open data/ and schema/ from the repository's root."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("table", TABLES)
def test_polars_reads_every_column_with_its_schema_type(readers, table):
    assert kinds_in_polars(readers["polars_table"](table)) == schema_kinds(table)


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_reads_every_column_with_its_schema_type(readers, table):
    assert kinds_in_duckdb(readers["duckdb_table"](table)) == schema_kinds(table)


def empty_cells(table):
    with open(ROOT / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    return {name: [row[name] == "" for row in rows] for name in reader.fieldnames}


@pytest.mark.parametrize("table", TABLES)
def test_only_an_empty_cell_is_missing_in_polars_and_duckdb(readers, table):
    expected = empty_cells(table)
    frame = readers["polars_table"](table)
    assert {name: frame[name].is_null().to_list() for name in frame.columns} == expected
    relation = readers["duckdb_table"](table)
    rows = relation.select(", ".join(f'"{name}" IS NULL' for name in relation.columns)).fetchall()  # file order
    assert {name: [row[i] for row in rows] for i, name in enumerate(relation.columns)} == expected


def test_values_and_dates_arrive_as_values_and_dates(readers):
    values = dict(readers["polars_table"]("figures").select("id", "value").rows())
    assert values["f-population-share"] == 6.5 and values["f-party-membership"] == 92_000_000
    mid_2020 = (datetime.date(2020, 5, 1), datetime.date(2020, 8, 31))
    in_polars = readers["polars_table"]("events").filter(pl.col("id") == "e-ipac-founded")
    assert in_polars.select("date_from", "date_to").row(0) == mid_2020
    in_duckdb = readers["duckdb_table"]("events").filter("id = 'e-ipac-founded'")
    assert in_duckdb.select("date_from, date_to").fetchall() == [mid_2020]


def test_a_figure_s_value_and_bounds_have_one_type_in_pandas_polars_and_duckdb(readers):
    columns = ["value", "lower", "upper"]
    frame = readers["tables"]["figures"]  # the README's pandas
    assert {str(frame[name].dtype) for name in columns} == {"float64"}
    assert {polars_kind(readers["polars_table"]("figures").schema[name]) for name in columns} == {"number"}
    relation = readers["duckdb_table"]("figures").select(", ".join(columns))
    assert set(kinds_in_duckdb(relation).values()) == {"number"}


def test_the_check_sees_the_types_the_libraries_guess():
    """What the README's readers are for: left to guess, polars and DuckDB read other types."""
    def differing(kinds, table):
        return sorted(name for name, kind in kinds.items() if kind != schema_kinds(table)[name])
    figures, events = ROOT / "data" / "figures.csv", ROOT / "data" / "events.csv"
    assert differing(kinds_in_polars(pl.read_csv(figures)), "figures") == ["lower", "upper"]
    assert differing(kinds_in_polars(pl.read_csv(events)), "events") == ["date_from", "date_to"]
    assert differing(kinds_in_duckdb(duckdb.read_csv(str(figures))), "figures") == ["lower", "upper"]
