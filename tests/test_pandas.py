"""Every table loads in pandas both documented ways, with the dtypes the schema promises."""
import json

import pandas as pd
import pytest
from frictionless import Package

from conftest import ROOT

READ = dict(keep_default_na=False, na_values=[""])  # as the README documents
DATES = {"events": ["date_from", "date_to"]}
NULLABLE_INTEGERS = {"entities": {"role_start": "Int64", "role_end": "Int64"}}
TABLES = [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text())["resources"]
          if r.get("type") == "table"]


def schema_fields(table):
    return json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))["fields"]


def expected_kind(field):
    required = field.get("constraints", {}).get("required", False)
    return {"integer": "int" if required else "nullable int", "number": "float",
            "date": "datetime", "string": "string"}[field["type"]]


def kind_of(series):
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    if isinstance(series.dtype, pd.Int64Dtype):
        return "nullable int"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    if pd.api.types.is_string_dtype(series):
        return "string"
    return str(series.dtype)


def read_csv(table):
    return pd.read_csv(ROOT / "data" / f"{table}.csv", parse_dates=DATES.get(table, False),
                       dtype=NULLABLE_INTEGERS.get(table), **READ)


@pytest.mark.parametrize("table", TABLES)
def test_read_csv_gives_the_schema_types(table):
    frame = read_csv(table)
    fields = schema_fields(table)
    assert list(frame.columns) == [f["name"] for f in fields]
    for field in fields:
        kind = expected_kind(field)
        if kind == "nullable int" and table not in NULLABLE_INTEGERS:
            kind = "int"  # every cell filled: pandas reads a plain integer column
        assert kind_of(frame[field["name"]]) == kind, field["name"]


@pytest.mark.parametrize("table", TABLES)
def test_read_csv_has_no_stray_whitespace_and_only_empty_cells_missing(table):
    frame = read_csv(table)
    raw = pd.read_csv(ROOT / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
    for column in frame.columns:
        strings = raw[column]
        assert (strings == strings.str.strip()).all(), column
        assert frame[column].isna().tolist() == (strings == "").tolist(), column


@pytest.mark.parametrize("table", TABLES)
def test_frictionless_to_pandas_gives_the_schema_types(table):
    frame = Package(str(ROOT / "datapackage.json")).get_resource(table).to_pandas().reset_index()
    for field in schema_fields(table):
        kind = kind_of(frame[field["name"]])
        expected = expected_kind(field)
        if expected == "nullable int":
            assert kind in ("nullable int", "int"), field["name"]
        else:
            assert kind == expected, field["name"]


def test_read_csv_values_survive_the_round_trip():
    figures = read_csv("figures").set_index("id")
    assert figures.loc["f-party-membership", "value"] == 92_000_000
    events = read_csv("events").set_index("id")
    assert events.loc["e-ipac-founded", "date_from"] == pd.Timestamp("2020-05-01")
