"""The models (each table's known columns, in code) and the Table Schemas describe the same tables: names, order, types,
required fields, closed vocabularies, minimums, id patterns and keys. The validator refuses
a schema that disagrees (tests/test_faults.py); here our own schemas must agree, and the
vocabularies the rules depend on must match the models'."""
import json

import pytest

from conftest import ROOT
from validator.figure_text import HEDGES
from validator.models import MODELS, QUALIFIERS, schema_disagreements
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
    qualifiers = set(QUALIFIERS)
    assert set(BOUNDS_BY_QUALIFIER) == qualifiers
    assert set(HEDGES.values()) | {"exact"} == qualifiers


@pytest.mark.parametrize("table", declared_tables())
def test_every_field_is_described(table):
    for field in schema(table)["fields"]:
        assert len(field.get("description", "")) > 20, f"{table}.{field['name']}"


def add_column(package, table, field, cells="") -> None:
    """The README's minor change: an optional column, added to the CSV and to the schema."""
    package.edit_schema(table, lambda schema: schema["fields"].append(field))
    rows = package.rows(table)
    package.write_rows(table, [{**row, field["name"]: cells} for row in rows])


@pytest.mark.parametrize("field, cell, value", [
    ({"name": "page", "type": "integer", "description": "The page of the printed edition it appears on."},
     "3", 3),
    ({"name": "checked_by", "type": "string", "description": "Who checked the row against the article."},
     "second reader", "second reader"),
    ({"name": "reviewed", "type": "date", "format": "default", "description": "When the row was last reviewed."},
     "", None),
])
def test_an_optional_column_added_to_a_table_and_its_schema_validates_and_rows_carry_it(package, field, cell, value):
    add_column(package, "figures", field, cell)
    assert package.validate().findings == []
    from validator.context import Context
    from validator.package import load_package
    from validator.pins import ARTICLE_SHA256, PERSONS
    rows = Context(load_package(package.descriptor), ARTICLE_SHA256, PERSONS).records.of("figures")
    assert rows and all(getattr(row, field["name"]) == value for row in rows)
    assert rows[0].value == 2000000.0  # the known columns are read as before


@pytest.mark.parametrize("field, why", [
    ({"name": "page", "type": "integer", "constraints": {"required": True}, "description": "A page, always."},
     "optional and unconstrained"),
    ({"name": "Page No", "type": "integer", "description": "The page it appears on."}, "lower case words"),
    ({"name": "page", "type": "integer"}, "needs its description"),
    ({"name": "page", "type": "boolean", "description": "The page it appears on."}, "type is"),
    ({"name": "value", "type": "number", "description": "The value again."}, "lower case words joined by _, and new"),
])
def test_an_added_column_is_optional_plain_named_and_described(package, field, why):
    add_column(package, "figures", field)
    problems = schema_disagreements("figures", json.loads((package.root / "schema/figures.json").read_text()))
    assert [name for name, _ in problems] == [field["name"]] and why in problems[0][1], problems


def test_a_known_column_still_cannot_be_weakened_where_columns_are_added(package):
    def change(schema):
        schema["fields"].append({"name": "page", "type": "integer", "description": "The page it appears on."})
        schema["fields"][0]["constraints"].pop("pattern")
    package.edit_schema("figures", change)
    assert [name for name, _ in schema_disagreements("figures", json.loads(
        (package.root / "schema/figures.json").read_text()))] == ["id"]


def test_numbered_rows_read_as_the_list_of_pairs_they_stand_for():
    from validator.csvtable import Numbered
    pairs = [(2, ("a", "b")), (3, ("c", "d")), (5, ("e", "f"))]
    numbered = Numbered(pairs)
    assert list(numbered) == pairs and len(numbered) == 3 and numbered == pairs
    assert numbered[1] == (3, ("c", "d")) and numbered[-1] == (5, ("e", "f")) and numbered[1:] == pairs[1:]
    assert numbered != pairs[:2] and numbered != None and numbered != 5  # noqa: E711  (compared, not raised)


def test_rows_whose_header_does_not_name_their_fields_are_never_typed(package):
    """The tables layer says why (`labels_are_field_names`, frictionless's label errors);
    typing them would look up a column the header does not have."""
    from validator.package import load_package
    from validator.rows import type_rows
    text = package.table_file("figures").read_text(encoding="utf-8")
    package.write_bytes("data/figures.csv", text.replace("measure", "measure ", 1).encode("utf-8"))
    tables = load_package(package.descriptor).tables()
    records = type_rows(tables, broken={})  # as if no layer had found the header broken
    assert "figures" not in records.rows and len(records.numbered("events")) > 0
    assert records.numbered("figures") == [] and records.numbered("figures") is not records.numbered("figures")


@pytest.mark.parametrize("table", sorted(MODELS))
def test_a_typed_row_cannot_be_changed(table):
    """Every check reads the same typed rows: none can change one under the others."""
    import dataclasses
    row_class = MODELS[table]
    row = row_class(**{field.name: None for field in dataclasses.fields(row_class)})
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(row, dataclasses.fields(row_class)[0].name, "changed")
