"""The plain paths that spare a valid package frictionless agree with it: a descriptor the
profile check calls plain is one frictionless finds nothing in, and a table whose cells all
read plainly (`cells.clean`) is one frictionless's cell checks find nothing in. Each is
stricter than frictionless, never looser; where it says no, frictionless is asked."""
from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, examples
from validator import cells
from validator.csvtable import parse_csv
from validator.package import load_package
from validator.profile import _frictionless_profile_errors, _shallow, plainly_valid
from validator.tables import _frictionless_problems

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
SHALLOW = _shallow(DESCRIPTOR)
JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 3) | st.text("ab-._ 9T:Z", max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["name", "path", "title", "email", "roles", "x"]), inner, max_size=3),
                    max_leaves=6)
KEYS = sorted(SHALLOW) + ["homepage", "profile", "email", "x"]


def test_the_package_s_own_descriptor_is_plain():
    assert plainly_valid(SHALLOW) and _frictionless_profile_errors(SHALLOW) == []


@settings(max_examples=examples(120), deadline=None)
@given(key=st.sampled_from(KEYS), value=JSON, where=st.sampled_from(["package", "licence", "contributor",
                                                                        "resource"]))
def test_a_descriptor_called_plain_is_one_frictionless_finds_nothing_in(key, value, where):
    shallow = copy.deepcopy(SHALLOW)
    target = {"package": shallow, "licence": shallow["licenses"][0], "contributor": shallow["contributors"][0],
              "resource": shallow["resources"][1]}[where]
    target[key] = value
    if plainly_valid(shallow):
        assert _frictionless_profile_errors(shallow) == [], (where, key, value)


def test_a_descriptor_that_is_not_plain_is_given_to_frictionless():
    """The shape test can say no: frictionless's message then comes through (a licence with
    neither name nor path, a date that is no datetime, a name that is no lower-case name)."""
    for change in (lambda s: s["licenses"][0].pop("name"), lambda s: s.update(created="2020-13-01"),
                   lambda s: s.update(name="Not A Name")):
        shallow = copy.deepcopy(SHALLOW)
        change(shallow)
        assert not plainly_valid(shallow) and _frictionless_profile_errors(shallow)


def test_frictionless_s_answer_is_kept_for_its_own_descriptor():
    """`profile_errors` asks frictionless once per descriptor, and answers each with its own."""
    from validator.profile import profile_errors
    no_licence_name, bad_date = copy.deepcopy(DESCRIPTOR), copy.deepcopy(DESCRIPTOR)
    no_licence_name["licenses"][0].pop("name")
    bad_date["created"] = "2020-13-01"
    first, second = profile_errors(no_licence_name), profile_errors(bad_date)
    assert first and second and first != second and profile_errors(no_licence_name) == first


PACKAGE = load_package(ROOT / "datapackage.json")
CELL_TEXT = st.text(alphabet="09-.aZ \t\n\"," + "\u00e9", max_size=6)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["figures", "events", "entities", "quotes"]), data=st.data())
def test_a_table_called_clean_is_one_frictionless_finds_nothing_in(package, table, data):
    rows = package.rows(table)
    row = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.sampled_from(list(rows[0])))
    rows[row][column] = data.draw(CELL_TEXT)
    package.write_rows(table, rows)
    copy_ = load_package(package.descriptor)
    resource = copy_.resources[table]
    if cells.clean(resource.table, resource.schema["fields"]):
        assert _frictionless_problems(copy_.root, resource) == [], (column, rows[row][column])


def test_a_table_that_is_not_clean_is_given_to_frictionless():
    resource = PACKAGE.resources["figures"]
    assert cells.clean(resource.table, resource.schema["fields"])
    broken = parse_csv((ROOT / "data" / "figures.csv").read_text(encoding="utf-8").replace(",79000,", ",79k,"))
    assert not cells.clean(broken, resource.schema["fields"])
