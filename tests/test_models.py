"""The pydantic models and the Table Schemas describe the same columns: names, order,
types, which are required, and every closed vocabulary. Edit one without the other and
this fails."""
import json
import typing
from datetime import date

import pytest

from conftest import ROOT
from validator.models import MODELS

SCHEMA_TYPES = {"string": str, "integer": int, "number": float, "date": date}


def schema(table):
    return json.loads((ROOT / "schema" / f"{table}.json").read_text(encoding="utf-8"))


def declared_tables():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    return sorted(r["name"] for r in package["resources"] if r.get("type") == "table")


def annotation_parts(annotation):
    """(base type, allowed literal values or None, optional?) of a model field's annotation."""
    optional = type(None) in typing.get_args(annotation)
    if optional:
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is typing.Literal:
        values = typing.get_args(annotation)
        return type(values[0]), list(values), optional
    return annotation, None, optional


def test_every_table_has_a_model():
    assert sorted(MODELS) == declared_tables()


@pytest.mark.parametrize("table", declared_tables())
def test_model_fields_agree_with_the_schema(table):
    fields = schema(table)["fields"]
    model_fields = MODELS[table].model_fields
    assert list(model_fields) == [f["name"] for f in fields]
    for field in fields:
        base, values, optional = annotation_parts(model_fields[field["name"]].annotation)
        constraints = field.get("constraints", {})
        assert base is SCHEMA_TYPES[field["type"]], field["name"]
        assert optional == (not constraints.get("required", False)), field["name"]
        assert values == constraints.get("enum"), field["name"]


@pytest.mark.parametrize("table", declared_tables())
def test_every_field_is_described(table):
    for field in schema(table)["fields"]:
        assert len(field.get("description", "")) > 20, f"{table}.{field['name']}"
