"""Every table loads in pandas each documented way, with the dtypes the schema promises: the
README's loop, which types every column from its Table Schema; docs/using-the-tables.md's
reading table by table; and the descriptor's `to_pandas`. The loaders are the documents' own
blocks, run as written."""
import contextlib
import functools
import io
import json

import pytest

from conftest import ROOT, imported_when_used
from doc_blocks import blocks

TABLES = [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text())["resources"]
          if r.get("type") == "table"]


def run(doc: str, *markers: str) -> dict:
    """The namespace of `doc`'s Python blocks that hold any of `markers`, run in order from the root."""
    namespace = {}
    code = [b.body for b in blocks(doc) if b.language == "python" and any(m in b.body for m in markers)]
    assert code, f"{doc} has no block with {markers}"
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(io.StringIO()):
        for body in code:
            exec(compile(body, doc, "exec"), namespace)
    return namespace


pd = imported_when_used("pandas")
frictionless = imported_when_used("frictionless")


@functools.cache
def readme_tables() -> dict:
    """The README's loop: every table in `tables`, each integer column nullable (Int64)."""
    return run("README.md", "def schema_types(", "for name in TABLES:")["tables"]


@functools.cache
def by_name() -> dict:
    """docs/using-the-tables.md: each table in a variable of its name, the optional integers nullable."""
    return run("docs/using-the-tables.md", 'READ = dict(')


LOADERS = {
    "README loop": lambda table: readme_tables()[table],
    "table by table": lambda table: by_name()[table],
}


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


def test_the_readme_s_loop_loads_every_table_of_the_descriptor():
    assert list(readme_tables()) == TABLES


def assert_columns(frame, table: str, kind_for) -> None:
    """The frame has the schema's columns, in order, each of the kind `kind_for(field)`."""
    fields = schema_fields(table)
    assert list(frame.columns) == [f["name"] for f in fields]
    for field in fields:
        assert kind_of(frame[field["name"]]) == kind_for(field), field["name"]


@pytest.mark.parametrize("table", TABLES)
def test_the_readme_s_loop_gives_the_schema_types(table):
    assert_columns(readme_tables()[table], table,  # Int64 for every integer column
                   lambda field: "nullable int" if field["type"] == "integer" else expected_kind(field))


@pytest.mark.parametrize("table", TABLES)
def test_table_by_table_gives_the_schema_types(table):
    def kind_for(field):
        kind = expected_kind(field)
        return "int" if kind == "nullable int" and table != "entities" else kind  # every cell filled: plain int
    assert_columns(by_name()[table], table, kind_for)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("table", TABLES)
def test_no_stray_whitespace_and_only_empty_cells_missing(table, loader):
    frame = LOADERS[loader](table)
    raw = pd.read_csv(ROOT / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
    for column in frame.columns:
        strings = raw[column]
        assert (strings == strings.str.strip()).all(), column
        assert frame[column].isna().tolist() == (strings == "").tolist(), column


@pytest.mark.parametrize("table", TABLES)
def test_frictionless_to_pandas_gives_the_schema_types(table):
    frame = frictionless.Package(str(ROOT / "datapackage.json")).get_resource(table).to_pandas().reset_index()
    for field in schema_fields(table):
        kind = kind_of(frame[field["name"]])
        expected = expected_kind(field)
        if expected == "nullable int":
            assert kind in ("nullable int", "int"), field["name"]
        else:
            assert kind == expected, field["name"]


@pytest.mark.parametrize("loader", LOADERS)
def test_values_survive_the_round_trip(loader):
    figures = LOADERS[loader]("figures").set_index("id")
    assert figures.loc["f-party-membership", "value"] == 92_000_000
    events = LOADERS[loader]("events").set_index("id")
    assert events.loc["e-ipac-founded", "date_from"] == pd.Timestamp("2020-05-01")
