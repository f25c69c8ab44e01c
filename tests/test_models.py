"""The pydantic models and the Table Schemas describe the same tables: names, order, types,
required fields, closed vocabularies, minimums, id patterns and keys. The validator refuses
a schema that disagrees (tests/test_faults.py); here our own schemas must agree, and the
vocabularies the rules depend on must match the models'."""
import json
import typing

import pytest

from conftest import ROOT
from validator.figure_text import HEDGES
from validator.models import MODELS, Qualifier, schema_disagreements
from validator.rows import BOUNDS_BY_QUALIFIER


def schema(table):
    return json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))


def declared_tables():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    return sorted(r["name"] for r in package["resources"] if r.get("type") == "table")


def test_every_table_has_a_model():
    assert sorted(MODELS) == declared_tables()


@pytest.mark.parametrize("table", declared_tables())
def test_our_schemas_agree_with_the_models(table):
    assert schema_disagreements(table, schema(table)) == []


@pytest.mark.parametrize("change, field", [
    (lambda s: s["fields"][0].update(type="integer"), "id"),
    (lambda s: s["fields"][0]["constraints"].pop("pattern"), "id"),
    (lambda s: s["fields"][2]["constraints"].update(minimum=-1), "text"),
    (lambda s: s["fields"][3]["constraints"].pop("minimum"), "start"),
    (lambda s: s.pop("foreignKeys"), None),
    (lambda s: s.update(primaryKey=["text"]), None),
])
def test_a_weakened_schema_disagrees(change, field):
    weakened = schema("quotes")
    change(weakened)
    problems = schema_disagreements("quotes", weakened)
    assert [f for f, _ in problems] == [field]


def test_an_enum_value_dropped_from_a_schema_disagrees():
    weakened = schema("figures")
    qualifier = next(f for f in weakened["fields"] if f["name"] == "qualifier")
    qualifier["constraints"]["enum"].remove("about")
    assert [f for f, _ in schema_disagreements("figures", weakened)] == ["qualifier"]


def test_every_qualifier_has_its_bounds_rule_and_every_hedge_a_qualifier():
    qualifiers = set(typing.get_args(Qualifier))
    assert set(BOUNDS_BY_QUALIFIER) == qualifiers
    assert set(HEDGES.values()) | {"exact"} == qualifiers


@pytest.mark.parametrize("table", declared_tables())
def test_every_field_is_described(table):
    for field in schema(table)["fields"]:
        assert len(field.get("description", "")) > 20, f"{table}.{field['name']}"
