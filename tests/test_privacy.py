"""The privacy guard: every kind of personal data is caught, and no finding echoes it.

The detectors are tested directly for each kind; the end-to-end cases prove that the
validator applies them to cells, keys, metadata and column names."""
import pytest

from conftest import ARTICLE, only
from validator.identifiers import identifiers_in, redact
from validator.privacy import sensitive_name

# Synthetic identifiers: region 999999 does not exist; the first has a valid check character.
VALID_ID = "999999197001010017"
BAD_CHECKSUM_ID = "999999197001010018"
X_CHECK_ID = "99999919700101001X"
SHORT_ID = "999999700101001"
FULL_WIDTH_ID = "９９９９９９１９７００１０１００１７"
SPACED_ID = "999999 19700101 0017"

IDENTIFIERS = [
    (VALID_ID, "18-character PRC resident ID number (checksum valid)"),
    (BAD_CHECKSUM_ID, "18-character PRC resident ID number (checksum invalid)"),
    (X_CHECK_ID, "18-character PRC resident ID number (checksum invalid)"),
    (SHORT_ID, "15-digit PRC resident ID number"),
    (FULL_WIDTH_ID, "18-character PRC resident ID number (checksum valid)"),
    (SPACED_ID, "18-character PRC resident ID number (checksum valid)"),
    ("zhang.wei@example.com", "e-mail address"),
    ("+86 139 1234 5678", "phone number"),
    ("13912345678", "phone number"),
    ("010-12345678", "phone number"),
    ("(202) 555-0143", "phone number"),
    ("+44 20 7946 0958", "phone number"),
    ("(010)12345678", "phone number"),
    ("010 1234 5678", "phone number"),
    ("01012345678", "phone number"),
    ("5551234567", "phone number"),
    ("999999 1970 0101 0017", "18-character PRC resident ID number (checksum valid)"),
    ("999999197001010017abc", "18-character PRC resident ID number (checksum valid)"),
    ("999999\u200b197001010017", "18-character PRC resident ID number (checksum valid)"),
    ("zhang.wei＠example.com", "e-mail address"),
]


@pytest.mark.parametrize("value, kind", IDENTIFIERS)
def test_each_kind_of_identifier_is_detected(value, kind):
    found = identifiers_in(f"Unnamed observers; contact {value}.")
    assert len(found) == 1 and found[0][0].endswith(kind), found


@pytest.mark.parametrize("value, kind", IDENTIFIERS)
def test_each_kind_of_identifier_is_withheld(value, kind):
    redacted = redact(f"values \"{value}\" not found")
    assert redacted.startswith('values "[withheld]') and redacted.endswith('" not found')
    assert not any(ch.isdigit() for ch in redacted) and "@" not in redacted and "＠" not in redacted


@pytest.mark.parametrize("text", ["about 79,000 CCP branches", "1950000", "2020-12-21",
                                  "sha256 of 4375 bytes", "92000000", "offsets 3894-4185",
                                  "from 2016 to 2020"])
def test_the_article_s_own_numbers_are_not_identifiers(text):
    assert identifiers_in(text) == []


def test_the_article_holds_no_identifier():
    assert [identifiers_in(line) for line in ARTICLE.splitlines() if identifiers_in(line)] == []


@pytest.mark.parametrize("value", ["15000000000", "100000000000000", "1950000000"])
def test_a_large_quantity_in_a_number_column_is_not_a_phone_or_an_id(value):
    assert identifiers_in(value, numeric=True) == []
    assert identifiers_in(value) != []  # in text it would be flagged


def test_an_id_with_a_real_birth_date_is_flagged_even_in_a_number_column():
    assert identifiers_in(VALID_ID, numeric=True) != []


def test_a_cut_never_leaves_part_of_an_identifier():
    from validator.findings import snippet
    text = "x" * 22 + " " + VALID_ID + " and more text after it"
    assert VALID_ID[:10] not in snippet(text, 40)
    assert snippet(text, 40).startswith("x" * 22 + " [withheld]")


def test_a_long_run_before_an_at_sign_is_fast():
    import time
    started = time.perf_counter()
    assert identifiers_in("a" * 200_000 + "@") == []
    assert time.perf_counter() - started < 5  # quadratic matching took minutes


def test_identifier_in_a_cell_is_caught_and_withheld(package):
    row = package.edit("entities", "observers", description=f"Unnamed observers; {FULL_WIDTH_ID}.")
    report = package.validate()
    finding = only(report, "privacy", "no_identifiers_in_cells", "data/entities.csv", row, "description")
    assert "18-character PRC resident ID number" in finding.message
    assert all(FULL_WIDTH_ID not in f.as_text() and VALID_ID not in f.as_text()
               for f in report.findings)


def test_identifier_in_a_key_column_is_withheld_in_every_finding(package):
    rows = package.rows("attributions")
    rows[0]["entity_id"] = VALID_ID
    package.write_rows("attributions", rows)
    report = package.validate()
    only(report, "privacy", "no_identifiers_in_cells", "data/attributions.csv", 2, "entity_id")
    assert any(f.check == "foreign-key" for f in report.findings)
    assert all(VALID_ID not in f.as_text() for f in report.findings)


def test_identifier_in_a_descriptor_key_or_number(package):
    package.edit_descriptor(lambda d: d.update({"x-contacts": {"13912345678": "Zhang", "nid": 999999197001010017}}))
    report = package.validate()
    found = [f for f in report.findings if f.check == "no_identifiers_in_metadata"]
    assert {f.field for f in found} == {"x-contacts", "x-contacts.nid"}
    assert all("13912345678" not in f.as_text() and VALID_ID not in f.as_text() for f in report.findings)


def test_identifier_in_the_descriptor(package):
    package.edit_descriptor(lambda d: d["contributors"].append({"title": "mail zhang.wei@example.com"}))
    finding = only(package.validate(), "privacy", "no_identifiers_in_metadata", "datapackage.json",
                   field="contributors[1].title")
    assert "example.com" not in finding.message


@pytest.mark.parametrize("column", ["birthdate", "date_of_birth", "dob", "national_id", "idNumber",
                                    "IDNumber", "id_no", "id_card", "ethnicity", "home_address",
                                    "phone", "email", "passport_no", "party_position",
                                    "member_name", "minzu", "身份证号", "民族", "出生日期", "手机",
                                    "native_place"])
def test_sensitive_field_names_are_recognised(column):
    assert sensitive_name(column)


@pytest.mark.parametrize("column", ["id", "statement_id", "entity_id", "name", "short_name",
                                    "role_text", "date_from", "page", "description", "text"])
def test_harmless_field_names_are_not_flagged(column):
    assert not sensitive_name(column)


def test_sensitive_field_name_in_a_table(package):
    def add(schema):
        schema["fields"].append({"name": "birthdate", "type": "string", "description": "x"})
    package.edit_schema("entities", add)
    rows = package.rows("entities")
    for row in rows:
        row["birthdate"] = ""
    package.write_rows("entities", rows)
    only(package.validate(), "privacy", "no_sensitive_field_names", "data/entities.csv", field="birthdate")


def test_invented_person(package):
    row = package.append("entities", id="zhang_wei", name="Zhang Wei", start="0", end="9",
                         type="person", description="Party member.", role_text="General Secretary",
                         role_start="0", role_end="17")
    only(package.validate(), "privacy", "persons_are_named_in_article", "data/entities.csv", row, "name")


def test_person_described_with_digits(package):
    row = package.edit("entities", "mark_warner", description="U.S. senator, born 1954.")
    only(package.validate(), "privacy", "persons_are_named_in_article", "data/entities.csv", row,
         "description")


def test_role_taken_from_elsewhere_in_the_article(package):
    other = package.row("entities", "yasuhiro_matsuda")
    row = package.edit("entities", "luke_de_pulford", role_text=other["role_text"],
                       role_start=other["role_start"], role_end=other["role_end"])
    only(package.validate(), "privacy", "persons_are_named_in_article", "data/entities.csv", row,
         "role_start")
