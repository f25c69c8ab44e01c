"""The privacy guard: every kind of personal data is caught, however it is written, and no
finding echoes it.

The detectors are tested directly for each kind and each way of disguising it; the
end-to-end cases prove that the validator applies them to cells, keys, metadata, column
names and every other file. Identifiers here are assembled from pieces (adjacent string
literals, escapes), so that no file of the package holds one: the validator scans its own
tests too."""
import base64
import json

import pytest

import conftest
from conftest import ARTICLE, ROOT, VALID_ID, assert_findings, write_exceptions
from detect import date_values_in, foreign_runs, identifiers_in, invisible_characters, redact
from validator.disclosure import shown, shown_field
from validator.vocabulary import sensitive_name

D = "datapackage.json"
# Synthetic identifiers: region 999999 does not exist; VALID_ID has a valid check character.
BAD_CHECKSUM_ID = "999999" "1970" "0101" "0018"
X_CHECK_ID = "999999" "1970" "0101" "001X"
SHORT_ID = "999999" "700101" "001"
FULL_WIDTH_ID = "".join(chr(ord(c) + 0xFEE0) for c in VALID_ID)
ARABIC_INDIC_ID = "".join(chr(0x0660 + int(c)) for c in VALID_ID)
EMAIL = "zhang.san" "@example.com"
# Zhang San is the placeholder name of Chinese examples, as John Doe is of English ones.
HAN_NAME = "\u5f20\u4e09"
MOBILE = "139" "1234" "5678"
ID_KIND = "18-character PRC resident ID number (checksum valid)"

IDENTIFIERS = [
    (VALID_ID, ID_KIND),
    (BAD_CHECKSUM_ID, "18-character PRC resident ID number (checksum invalid)"),
    (X_CHECK_ID, "18-character PRC resident ID number (checksum invalid)"),
    (SHORT_ID, "15-digit PRC resident ID number"),
    (FULL_WIDTH_ID, ID_KIND),
    (ARABIC_INDIC_ID, ID_KIND),
    ("999999 " "1970" "0101 0017", ID_KIND),
    ("999999 " "1970 01" "01 0017", ID_KIND),
    (VALID_ID + "abc", ID_KIND),
    (EMAIL, "e-mail address"),
    ("zhang.san" "\uff20example.com", "e-mail address"),
    ("+86 139 " "1234 5678", "phone number"),
    (MOBILE, "phone number"),
    ("010-" "12345678", "phone number"),
    ("(202) " "555-0143", "phone number"),
    ("+44 20 " "7946 0958", "phone number"),
    ("(010)" "12345678", "phone number"),
    ("010 1234 " "5678", "phone number"),
    ("0101" "2345678", "phone number"),
    ("555 234" " 5678", "phone number"),
]

# The same identifiers, disguised: every Unicode dash, space and format character between
# digits, a line break, a reversed run behind a bidirectional override, invisible
# characters and bracketed "at"/"dot" in e-mail addresses, non-breaking spaces and Unicode
# hyphens in phone numbers.
DASHES = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d",
          "\u2e3a", "\u301c"]
SPACES = ["\u00a0", "\u1680", "\u2002", "\u2003", "\u2007", "\u2009", "\u200a", "\u202f", "\u205f",
          "\u3000"]
FORMATS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u2061", "\u2063"]
LINE_BREAKS = ["\n", "\r\n", "\u2028", "\u2029", "\x85", "\t"]
DISGUISED = (
    [("999999" + c + "1970" "0101" + c + "0017", ID_KIND) for c in DASHES + SPACES + FORMATS + LINE_BREAKS]
    + [("9" + c + "9" + c + "9999" "1970" "0101" "0017", ID_KIND) for c in FORMATS[:3]]
    + [("\u202e" + VALID_ID[::-1] + "\u202c", ID_KIND),          # displays as the ID
       ("\u2067" + VALID_ID[::-1] + "\u2069", ID_KIND)]
    + [("zhang\u200b.wei" "@exam\u200dple.com", "e-mail address"),
       ("zhang.san [at] " "example [dot] com", "e-mail address"),
       ("zhang.san(at)" "example(dot)com", "e-mail address"),
       ("zhang.san {AT} " "example {DOT} com", "e-mail address"),
       ("zhang.san <at> " "example.com", "e-mail address"),
       ("zhang.san \u3010at\u3011 " "example.com", "e-mail address")]
    + [("139\u00a0" "1234\u00a05678", "phone number"),
       ("010\u2010" "12345678", "phone number"),
       ("+86\u202f139\u2011" "1234\u20115678", "phone number"),
       ("(010)\u2009" "1234\u2012" "5678", "phone number")]
)


@pytest.mark.parametrize("value, kind", IDENTIFIERS + DISGUISED)
def test_each_kind_of_identifier_is_detected(value, kind):
    found = identifiers_in(f"Unnamed observers; contact {value}.")
    assert len(found) == 1 and found[0][0].endswith(kind), found


@pytest.mark.parametrize("value, kind", IDENTIFIERS + DISGUISED)
def test_each_kind_of_identifier_is_withheld(value, kind):
    redacted = redact(f"values <{value}> not found")
    assert redacted.startswith("values <") and redacted.endswith("> not found")
    assert "[withheld]" in redacted
    assert not any(ch.isdigit() for ch in redacted) and "@" not in redacted and "\uff20" not in redacted


@pytest.mark.parametrize("text", ["about 79,000 CCP branches", "1950000", "2020-12-21",
                                  "sha256 of 4375 bytes", "92000000", "offsets 3894-4185",
                                  "from 2016 to 2020", "2016-01-01 2016-12-31",
                                  "3.11.7 and 5.21.0", "WCAG 1.4.11"])
def test_the_article_s_own_numbers_are_not_identifiers(text):
    assert identifiers_in(text) == []


def test_the_article_holds_no_identifier_no_date_no_foreign_letter_and_nothing_invisible():
    assert [identifiers_in(line) for line in ARTICLE.splitlines() if identifiers_in(line)] == []
    assert date_values_in(ARTICLE) == []
    assert foreign_runs(ARTICLE) == [] and invisible_characters(ARTICLE) == []


@pytest.mark.parametrize("value", ["15" "123456789", "100000" "991399" "123", "139520" "00001"])
def test_a_large_quantity_in_a_number_column_is_not_a_phone_or_an_id(value):
    assert identifiers_in(value, numeric=True) == []
    assert identifiers_in(value) != []  # in text it would be flagged


def test_an_id_with_a_real_birth_date_is_flagged_even_in_a_number_column():
    assert identifiers_in(VALID_ID, numeric=True) != []


def test_a_value_holding_an_identifier_is_withheld_before_it_is_cut():
    text = "x" * 22 + " " + VALID_ID + " and more text after it"
    assert VALID_ID[:10] not in shown(text, 40) and shown(text, 40).startswith("(withheld: ")


def test_a_long_run_before_an_at_sign_is_fast():
    import time
    started = time.perf_counter()
    assert identifiers_in("a" * 200_000 + "@") == []
    assert time.perf_counter() - started < 5  # quadratic matching took minutes


# -- full dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["1970" "-03-01", "1970" "/3/1", "01.03." "1970", "1/3/" "1970",
                                  "1 March " "1970", "1st of March, " "1970", "March 1, " "1970",
                                  "Mar. 1 " "1970", "1970" "0301", "1-Mar-" "1970", "March the 1st, " "1970",
                                  "1970 " "March 1", "1970" "-W09-7", "1970" "-060", "01.03." "70",
                                  "1970" "\u5e74" "3\u6708" "1\u65e5", "\uff11\uff19" "\uff17\uff10" "-03-01",
                                  "1970" "\u201303\u201301", "1970" " - 03 - 01"])
def test_every_way_of_writing_a_full_date_is_detected(text):
    assert [(value.year, value.month, value.day) for value, _ in date_values_in(f"born {text}.")] == [(1970, 3, 1)]


@pytest.mark.parametrize("year, read_as", [("30", 2030), ("31", 1931), ("99", 1999), ("00", 2000)])
def test_a_two_digit_year_is_read_in_1931_to_2030(year, read_as):
    assert [value.year for value, _ in date_values_in(f"born 1 March '{year} in")] == [read_as]
    assert [value.year for value, _ in date_values_in(f"born 1-Mar-{year} in")] == [read_as]


@pytest.mark.parametrize("text", ["late December 2020", "mid-2020", "May 2020", "2016", "3.11.7",
                                  "92000000", "19500000", "2020-13-45", "offsets 3894-4185"])
def test_partial_dates_and_numbers_are_not_full_dates(text):
    assert date_values_in(text) == []


# -- scripts and invisible characters ---------------------------------------------------------

def test_foreign_runs_name_their_script_and_spare_the_vocabulary():
    han, cyrillic, greek = "\u5f20\u4e09", "\u0418\u0432\u0430\u043d", "\u0393\u03b9\u03ac\u03bd\u03bd\u03b7\u03c2"
    assert [s for s, _, _ in foreign_runs(f"{han} and {cyrillic} and {greek}")] == ["Han", "Cyrillic", "Greek"]
    assert foreign_runs("column \u8eab\u4efd\u8bc1", allowed_words=("\u8eab\u4efd\u8bc1",)) == []
    assert foreign_runs("caf\u00e9 na\u00efve \u201cquoted\u201d \u2013 \u2192") == []


def test_an_invisible_character_without_a_name_is_named_by_its_code_point():
    assert invisible_characters("a\u2065b") == [("U+2065", 1)]


# -- decoded text at its edges -----------------------------------------------------------------

def test_an_escaped_surrogate_reads_as_no_character():
    from validator.privacy.readings import Readings
    for escape in ("\\ud800", "\\udfff"):
        assert "x ? y" in [reading.text for reading in Readings(f"x {escape} y").as_seen]


def test_decoded_bytes_are_text_where_four_in_five_are_printable():
    from validator.privacy.readings import Readings
    four_in_five = base64.b64encode(b"abcd\x01" * 3).decode()  # 12 of 15 characters printable
    assert "abcd abcd abcd " in [reading.text for reading in Readings(four_in_five).as_seen]
    three_in_five = base64.b64encode(b"abc\x01\x01" * 3).decode()
    assert [reading.text for reading in Readings(three_in_five).as_seen] == [three_in_five]


def test_base64_without_its_padding_is_decoded():
    encoded = base64.b64encode(("ID: " + VALID_ID).encode()).decode()
    assert encoded.endswith("==") and identifiers_in(encoded.rstrip("="))[0][0].endswith(ID_KIND)


def test_an_at_sign_in_brackets_is_read_as_one():
    from validator.privacy.detectors import found_in
    found = found_in("write to jane [at] " "example.org today")
    assert [(check, f.value) for check, f in found] == [("no_email_addresses", "jane" "@example.org")]


def test_a_white_space_escape_between_digits_is_read_through():
    for escape in ("\\t", "\\n", "\\r", "\\f", "\\v"):
        assert identifiers_in(VALID_ID[:9] + escape + VALID_ID[9:])[0][0].endswith(ID_KIND), escape


# -- end to end ------------------------------------------------------------------------------

def observers(package, description):
    return package.edit("entities", "observers", description=description)


def test_identifier_in_a_cell_is_caught_and_withheld(package):
    row = observers(package, f"Unnamed observers; {FULL_WIDTH_ID}.")
    report = package.validate()
    found, _ = assert_findings(report,
                               ("privacy", "no_resident_id_numbers", "data/entities.csv", row, "description"),
                               ("privacy", "no_foreign_script", "data/entities.csv", row, "description"))
    assert "18-character PRC resident ID number" in found.message
    assert all(FULL_WIDTH_ID not in f.as_text() and VALID_ID not in f.as_text() for f in report.findings)


def test_identifier_split_by_a_line_break_in_a_quoted_cell(package):
    row = observers(package, "Unnamed observers; 999999\n" "1970" "0101\n0017.")
    # The ID, and, standing alone now, the birth date it holds.
    assert_findings(package.validate(), ("privacy", "no_resident_id_numbers", "data/entities.csv", row, "description"),
                    ("privacy", "no_full_dates", "data/entities.csv", row, "description"))


def test_reversed_identifier_behind_a_bidirectional_override(package):
    row = observers(package, "Unnamed observers; \u202e" + VALID_ID[::-1] + "\u202c.")
    report = package.validate()
    assert_findings(report, ("privacy", "no_resident_id_numbers", "data/entities.csv", row, "description"),
                    ("privacy", "no_invisible_characters", "data/entities.csv", row, "description"),
                    ("privacy", "no_invisible_characters", "data/entities.csv", row, "description"))
    assert all(VALID_ID[::-1] not in f.as_text() for f in report.findings)


@pytest.mark.parametrize("disguised", ["zhang.san [at] " "example [dot] com",
                                       "zhang\u200b.wei" "@example.com"])
def test_disguised_email_in_a_cell(package, disguised):
    row = observers(package, f"Unnamed observers; {disguised}.")
    invisible = [("privacy", "no_invisible_characters", "data/entities.csv", row, "description")] \
        if "\u200b" in disguised else []
    assert_findings(package.validate(),
                    ("privacy", "no_email_addresses", "data/entities.csv", row, "description"), *invisible)


@pytest.mark.parametrize("character", ["\u200b", "\u00ad", "\ufeff", "\u2060", "\u034f"])
def test_an_invisible_character_in_a_cell(package, character):
    row = observers(package, f"Unnamed ob{character}servers.")
    assert_findings(package.validate(),
                    ("privacy", "no_invisible_characters", "data/entities.csv", row, "description"))


def test_a_bidirectional_control_anywhere(package):
    package.edit_descriptor(lambda d: d.update(title=d["title"] + "\u2067"))
    assert_findings(package.validate(),
                    ("privacy", "no_invisible_characters", "datapackage.json", None, "title"))


@pytest.mark.parametrize("name", ["\u5f20\u4e09", "\u0418\u0432\u0430\u043d \u0418\u0432\u0430\u043d\u043e\u0432",
                                  "\u30e4\u30de\u30c0", "\uae40\ucca0\uc218"])
def test_a_name_in_another_script_in_a_cell(package, name):
    row = observers(package, f"Unnamed observers, among them {name}.")
    [finding] = assert_findings(package.validate(),
                                ("privacy", "no_foreign_script", "data/entities.csv", row, "description"))
    assert name not in finding.message


@pytest.mark.parametrize("date", ["1970" "-03-01", "1 March " "1970", "01/03/" "1970"])
def test_a_full_date_in_a_cell(package, date):
    row = observers(package, f"Unnamed observers; one was born on {date}.")
    [finding] = assert_findings(package.validate(),
                                ("privacy", "no_full_dates", "data/entities.csv", row, "description"))
    assert date not in finding.message


def test_a_full_date_in_an_event_note(package):
    row = package.edit("events", "e-data-removed", what="Removed on 2016" "-03-01, reportedly.")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "data/events.csv", row, "what"))


def test_a_full_date_in_the_descriptor(package):
    package.edit_descriptor(lambda d: d["contributors"].append({"title": "born 1970" "-03-01"}))
    assert_findings(package.validate(),
                    ("privacy", "no_full_dates", "datapackage.json", None, "contributors[1].title"))


def test_documentation_may_print_the_events_dates_and_nothing_else(package):
    readme = package.root / "README.md"
    readme.write_text("Mid-2020 is 2020-05-01 to 2020-08-31.\n", encoding="utf-8")
    assert_findings(package.validate())
    readme.write_text("Mid-2020 is 2020-05-01 to 2020-08-31.\nA member was born 1970" "-03-01.\n",
                      encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "README.md", 2, None))


def test_a_release_date_is_allowed_only_where_releases_are_recorded(package):
    """The descriptor's `created` follows every event; the same date in the README is a date
    like any other, which needs a reviewed exception."""
    created = json.loads(package.descriptor.read_text(encoding="utf-8"))["created"][:10]
    assert created > "2020-12-31"
    (package.root / "README.md").write_text(f"Released {created}.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "README.md", 1, None))


def test_every_file_is_scanned(package):
    docs = package.root / "docs"
    docs.mkdir()
    (docs / "datasheet.md").write_text(f"Contact: {MOBILE}\n\nA name: {HAN_NAME}\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_phone_numbers", "docs/datasheet.md", 1, None),
                    ("privacy", "no_foreign_script", "docs/datasheet.md", 3, None))


def test_the_vocabulary_may_name_sensitive_columns_in_chinese(package):
    (package.root / "README.md").write_text("Refused columns: \u8eab\u4efd\u8bc1, \u6c11\u65cf.\n",
                                            encoding="utf-8")
    assert_findings(package.validate())


def png(*chunks: bytes) -> bytes:
    """One grey pixel, with `chunks` (kind, data) before its image data."""
    return conftest.png(1, 1, colour=0, before=chunks)


@pytest.mark.parametrize("name", ["screenshot.png", "screenshot-phone.png"])
def test_the_screenshot_holds_no_text(package, name):
    (package.root / "docs").mkdir()
    screenshot = package.root / "docs" / name
    screenshot.write_bytes(png())
    assert_findings(package.validate())
    screenshot.write_bytes(png((b"tEXt", b"Comment\x00" + EMAIL.encode())))
    assert_findings(package.validate(), ("privacy", "no_text_in_images", f"docs/{name}", None, None))


def test_identifier_in_a_key_column_is_withheld_in_every_finding(package):
    rows = package.rows("attributions")
    rows[0]["entity_id"] = VALID_ID
    package.write_rows("attributions", rows)
    report = package.validate()
    # Also not an entity id's pattern: the tables layer reports it, without the value.
    assert_findings(report, ("privacy", "no_resident_id_numbers", "data/attributions.csv", 2, "entity_id"),
                    ("tables", "constraint-error", "data/attributions.csv", 2, "entity_id"),
                    ("tables", "foreign-key", "data/attributions.csv", 2, "entity_id"))
    assert all(VALID_ID not in f.as_text() for f in report.findings)


def test_identifier_in_a_descriptor_key_or_number(package):
    package.edit_descriptor(lambda d: d.update({"x-contacts": {MOBILE: "Placeholder", "nid": int(VALID_ID)}}))
    report = package.validate()
    assert_findings(report, ("descriptor", "properties_are_canonical", "datapackage.json", None, None),
                    ("privacy", "no_phone_numbers", "datapackage.json", None,
                     shown_field("x-contacts")),
                    ("privacy", "no_resident_id_numbers", "datapackage.json", None,
                     shown_field("x-contacts.nid")))
    assert all(MOBILE not in f.as_text() and VALID_ID not in f.as_text() for f in report.findings)


def test_identifier_in_the_descriptor(package):
    package.edit_descriptor(lambda d: d["contributors"].append({"title": f"mail {EMAIL}"}))
    [finding] = assert_findings(package.validate(), ("privacy", "no_email_addresses", "datapackage.json",
                                                     None, "contributors[1].title"))
    assert "example.com" not in finding.message


SENSITIVE_COLUMNS = [
    "birthdate", "date_of_birth", "dateOfBirth", "dob", "national_id", "idNumber", "IDNumber", "id_no",
    "id_card", "passport_no", "ethnicity", "ethnic_group", "race", "home_address", "phone", "email",
    "party_position", "party_membership", "member_name", "member_names", "first_name", "full_name",
    "surname", "gender", "sex", "sexual_orientation", "religion", "religious_belief", "political_opinion",
    "trade_union_member", "health_status", "medical_history", "disability", "genetic_data",
    "biometric_template", "fingerprint", "blood_type", "marital_status", "native_place", "hukou", "age",
    "minzu", "xingming", "xingbie", "zongjiao", "zhengzhimianmao", "dangyuan", "jiankang",
    "\u8eab\u4efd\u8bc1\u53f7", "\u6c11\u65cf", "\u51fa\u751f\u65e5\u671f", "\u624b\u673a",
    "\u59d3\u540d", "\u6027\u522b", "\u5b97\u6559", "\u653f\u6cbb\u9762\u8c8c", "\u515a\u5458",
    "\u5de5\u4f1a", "\u5065\u5eb7", "\u6307\u7eb9",
]


@pytest.mark.parametrize("column", SENSITIVE_COLUMNS)
def test_sensitive_field_names_are_recognised(column):
    assert sensitive_name(column)


@pytest.mark.parametrize("column", ["id", "statement_id", "entity_id", "name", "short_name", "role",
                                    "role_text", "date_from", "date_to", "page", "description", "text",
                                    "measure", "unit", "what", "reason", "context_note", "excluded_from",
                                    "qualifier", "mode", "cue", "note", "type", "value", "stage"])
def test_harmless_field_names_are_not_flagged(column):
    assert not sensitive_name(column)


def test_the_package_s_own_columns_are_harmless(package):
    for table in ("entities", "statements", "attributions", "quotes", "figures", "events", "excluded_spans"):
        assert not [c for c in package.rows(table)[0] if sensitive_name(c)]


@pytest.mark.parametrize("column", ["birthdate", "religion", "\u59d3\u540d"])
def test_sensitive_field_name_in_a_table(package, column):
    def add(schema):
        schema["fields"].append({"name": column, "type": "string", "description": "x"})
    package.edit_schema("entities", add)
    rows = package.rows("entities")
    for row in rows:
        row[column] = ""
    package.write_rows("entities", rows)
    # An optional column may be added (a minor version), but not one for personal data; a
    # column name the schemas do not give is not printed (it could be anything), and one that
    # is no column name of lower case words is the schema's finding too.
    schema = [("descriptor", "schema_matches_model", "schema/entities.json", None, shown_field(column))] \
        if not column.isascii() else []
    *_, finding = assert_findings(package.validate(), *schema,
                                  ("privacy", "no_sensitive_field_names", "data/entities.csv", None, shown_field(column)))
    assert finding.message == ("a column for personal identifiers or sensitive categories (name, birth date, ID "
                               "number, ethnicity, political opinion, religion, health, address, phone, e-mail, "
                               "...) is not allowed in this package")


def test_invented_person(package):
    row = package.append("entities", id="zhang_san", name="Zhang San", start="0", end="9",
                         type="person", description="Invented for this test.", role_text="General Secretary",
                         role_start="0", role_end="17")
    # Not the article's characters, not a reviewed person, not named in the article.
    assert_findings(package.validate(),
                    ("faithfulness", "spans_match_article", "data/entities.csv", row, "name"),
                    ("faithfulness", "spans_match_article", "data/entities.csv", row, "role_text"),
                    ("privacy", "persons_are_the_reviewed_ones", "data/entities.csv", row, "id"),
                    ("privacy", "persons_are_named_in_article", "data/entities.csv", row, "name"))


@pytest.mark.parametrize("year", ["1234", "\u216f\u216d\u216d"], ids=["digits", "roman numerals"])
def test_a_number_in_a_person_s_description(package, year):
    """An invented number (a year, an age or an ID would be one), in digits or Roman numerals."""
    row = package.edit("entities", "mark_warner", description=f"U.S. senator; {year}.")
    [finding] = assert_findings(package.validate(),
                                ("privacy", "persons_are_named_in_article", "data/entities.csv", row, "description"))
    assert finding.message == ("a person's description holds a number (a birth year, an age or an ID would); "
                               "expected only the public role the article gives")


def test_role_taken_from_elsewhere_in_the_article(package):
    other = package.row("entities", "yasuhiro_matsuda")
    row = package.edit("entities", "luke_de_pulford", role_text=other["role_text"],
                       role_start=other["role_start"], role_end=other["role_end"])
    assert_findings(package.validate(),
                    ("privacy", "persons_are_named_in_article", "data/entities.csv", row, "role_start"))


# -- a second set of disguises -------------------------------------------------------------

def with_check_character(seventeen: str) -> str:
    """An ID number's check character by ISO 7064 MOD 11-2, computed here from the standard."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(seventeen))
    return seventeen + "10X98765432"[total % 11]


NEGATIVE_CIRCLED = {"0": "\u24ff", **{str(d): chr(0x2775 + d) for d in range(1, 10)}}
X_ID = next(with_check_character("999999" "1970" "0301" + f"{n:03d}") for n in range(1000)
            if with_check_character("999999" "1970" "0301" + f"{n:03d}").endswith("X"))
MORE_DISGUISES = [
    ("999999    " "1970" "0101    0017", ID_KIND),                            # four spaces
    ("999999_" "1970" "01_010017", ID_KIND),                                  # underscores
    ("999,999,197," "001,010,017", ID_KIND),                                  # thousands commas
    ("999999l97" "OO1O1OO17", ID_KIND),                                       # letters for digits
    ("0" + VALID_ID, "(inside a longer run of digits)"),
    (X_ID + "yz", ID_KIND),                                                   # letters after X
    ("".join(NEGATIVE_CIRCLED[c] for c in VALID_ID), ID_KIND),
    ("".join(c + "\u20e3" for c in VALID_ID), ID_KIND),                       # keycaps
    ("".join(f"&#{ord(c)};" for c in VALID_ID), ID_KIND),                     # HTML entities
    ("".join(f"%{ord(c):02X}" for c in VALID_ID), ID_KIND),                   # percent-encoded
    ("".join(f"\\x{ord(c):02x}" for c in VALID_ID), ID_KIND),                 # backslash escapes
    (base64.b64encode(VALID_ID.encode()).decode(), ID_KIND),
    ("00 1 555" " 555 0100", "phone number"),
    ("1-201-" "555-0100", "phone number"),
    ("zhang " "@ example.com", "e-mail address"),
    ("zhang" "@example\u3002com", "e-mail address"),
    ("zhang" "[@]example[.]com", "e-mail address"),
    ("zhang" "@ex\u00e4mple.com", "e-mail address"),
    ("zhang" "&#64;example.com", "e-mail address"),
]


@pytest.mark.parametrize("value, kind", MORE_DISGUISES)
def test_more_disguises_are_detected_and_withheld(value, kind):
    found = identifiers_in(f"Unnamed observers; contact {value}.")
    assert len(found) == 1 and found[0][0].endswith(kind), found
    assert "[withheld]" in redact(f"values <{value}> not found")


def test_a_han_name_in_kangxi_radicals_is_han():
    assert [s for s, _, _ in foreign_runs("name \u2f7c\u2f2d here")] == ["Han"]


def test_an_identifier_broken_over_two_lines_of_a_document(package):
    (package.root / "README.md").write_text("Ref 999999197\n" "001010017 and more.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_resident_id_numbers", "README.md", 1, None))


def test_an_identifier_as_a_json_float(package):
    package.descriptor.write_text(package.descriptor.read_text(encoding="utf-8").replace(
        '"keywords": [', '"x-ref": ' + VALID_ID + '.0, "keywords": ['), encoding="utf-8")
    assert_findings(package.validate(), ("descriptor", "properties_are_canonical", D, None, None),
                    ("privacy", "no_resident_id_numbers", D, None, shown_field("x-ref")))


@pytest.mark.parametrize("name", [VALID_ID + ".md", "zhang" "@example.com.md", "\u5f20\u4e09.md",
                                  "born-1970" "-03-01.md"])
def test_personal_data_in_a_file_name(package, name):
    docs = package.root / "docs"
    docs.mkdir()
    (docs / name).write_text("Nothing here.\n", encoding="utf-8")
    report = package.validate()
    assert {f.check for f in report.findings} - {"files_declared"} <= {
        "no_resident_id_numbers", "no_email_addresses", "no_full_dates", "no_foreign_script"}
    assert [f for f in report.findings if f.layer == "privacy" and f.row is None]
    assert all(VALID_ID not in f.as_text() and "example.com" not in f.as_text() and name not in f.as_text()
               for f in report.findings)


@pytest.mark.parametrize("relative", ["LICENSE", "validator/pins.py", "docs/datasheet.md"])
def test_a_date_in_any_file(package, relative):
    file = package.root / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("# A member, born 1970" "-03-01.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_full_dates", relative, 1, None))


def test_date_exemptions_cannot_be_borrowed(package):
    """A release date counts only where a release records it (the first `date-released`, a
    version heading of CHANGELOG.md), after every event: not a second one, not a heading's
    shape elsewhere, not a heading before the events."""
    released = json.loads(package.descriptor.read_text(encoding="utf-8"))["created"][:10]
    (package.root / "CITATION.cff").write_text(f"date-released: {released}\ndate-released: 1970" "-03-01\n",
                                               encoding="utf-8")
    (package.root / "CHANGELOG.md").write_text(f"## [1.0.0] - {released}\n\n## [0.9.0] - 1970" "-03-01\n\n## [0.1.0]\n",
                                               encoding="utf-8")
    docs = package.root / "docs"
    docs.mkdir()
    (docs / "datasheet.md").write_text("## [9.9.9] - 1970" "-03-01\nBorn 1970" "-03-01.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "CITATION.cff", 2, None),
                    ("privacy", "no_full_dates", "CHANGELOG.md", 3, None),
                    ("privacy", "no_full_dates", "docs/datasheet.md", 1, None),
                    ("privacy", "no_full_dates", "docs/datasheet.md", 2, None))


def test_text_in_an_allowed_png_chunk(package):
    (package.root / "docs").mkdir()
    (package.root / "docs" / "screenshot.png").write_bytes(png((b"tRNS", ("zhang" "@example.com " * 3).encode())))
    assert_findings(package.validate(), ("privacy", "no_text_in_images", "docs/screenshot.png", None, None))


def test_a_control_character_in_a_cell(package):
    row = observers(package, "Unnamed observers.\x1b[8m Hidden words.\x1b[0m")
    assert_findings(package.validate(),
                    ("privacy", "no_invisible_characters", "data/entities.csv", row, "description"),
                    ("privacy", "no_invisible_characters", "data/entities.csv", row, "description"))


def test_roles_swapped_between_two_persons(package):
    markson, xi = package.row("entities", "sharri_markson"), package.row("entities", "xi_jinping")
    rows = package.rows("entities")
    for row in rows:
        if row["id"] == "sharri_markson":
            row.update(role_text=xi["role_text"], role_start=xi["role_start"], role_end=xi["role_end"])
        if row["id"] == "xi_jinping":
            row.update(role_text=markson["role_text"], role_start=markson["role_start"], role_end=markson["role_end"])
    package.write_rows("entities", rows)
    assert_findings(package.validate(),
                    ("privacy", "persons_are_named_in_article", "data/entities.csv",
                     package.row_number("entities", "sharri_markson"), "role_start"),
                    ("privacy", "persons_are_named_in_article", "data/entities.csv",
                     package.row_number("entities", "xi_jinping"), "role_start"))


@pytest.mark.parametrize("content, says", [
    (b"GIF89a" + b"\x00" * 20, "not a PNG file"),
    (png()[:-12], "a truncated PNG file"),
    (png() + b"extra", "data after the image's end"),
    (png((b"tRNS", b"\x00" * 5)), "not the size its data has"),
    (png((b"tIME", b"\x00" * 7)), "(text or metadata)"),
    (png((b"gAMA", b"\x00" * 4)), "(text or metadata)"),
    (png((b"tRNS", b"\x00" * 2), (b"tRNS", b"\x00" * 2)), "a second 'tRNS' chunk"),
], ids=["gif", "truncated", "after the end", "tRNS of the wrong size", "tIME", "gAMA", "two tRNS"])
def test_every_way_an_image_can_carry_more_than_pixels(package, content, says):
    (package.root / "docs").mkdir()
    (package.root / "docs" / "screenshot.png").write_bytes(content)
    [finding] = assert_findings(package.validate(),
                                ("privacy", "no_text_in_images", "docs/screenshot.png", None, None))
    assert says in finding.message


def test_a_long_run_of_digits_holds_an_id_only_with_a_real_birth_date_and_check_character():
    far_future = with_check_character("999999" "2150" "0101" "001")
    assert identifiers_in("ref 7" + far_future) == []                       # year 2150: no birth date
    assert identifiers_in("ref 7" + VALID_ID[:-1] + "9") == []              # wrong check character
    assert [k for k, _ in identifiers_in("ref 7" + VALID_ID)] == [
        "an 18-character PRC resident ID number (inside a longer run of digits)"]


# -- the third set of disguises: encodings in encodings, numerals of other traditions,
# -- look-alike letters with separators, and the date forms people write ------------------

HANGZHOU = {"0": "\u3007", **{str(d): chr(0x3020 + d) for d in range(1, 10)}}
COUNTING_RODS = {"0": "\u3007", **{str(d): chr(0x1D35F + d) for d in range(1, 10)}}
COUNTING_ROD_TENS = {"0": "\u3007", **{str(d): chr(0x1D368 + d) for d in range(1, 10)}}
AT = "@"
THIRD_DISGUISES = [
    ("99" "9999 l97O" " O1O1 OO17", ID_KIND),                                       # look-alikes, spaced
    ("999999-I97O-O3O1-OOIZ", None),                                          # (a date, not this ID)
    ("".join(HANGZHOU[c] for c in VALID_ID), ID_KIND),
    ("".join(COUNTING_RODS[c] for c in VALID_ID), ID_KIND),
    ("".join(COUNTING_ROD_TENS[c] for c in VALID_ID), ID_KIND),
    ("zhang" "&#64example.com", "e-mail address"),                           # no semicolon
    ("zhang" "&#X40;example&#46com", "e-mail address"),
    ("zhang" "\\u{40}example.com", "e-mail address"),                         # JavaScript, Rust
    ("zhang" "\\40 example.com", "e-mail address"),                           # CSS
    ("zhang" "\\N{COMMERCIAL AT}example.com", "e-mail address"),              # Python
    ("zhang" "=40example.com", "e-mail address"),                             # quoted-printable
    ("zhang" "&#64;example%2Ecom", "e-mail address"),                         # two encodings
    ("zhang" "%26%2364%3Bexample.com", "e-mail address"),                     # one inside another
    (base64.b64encode(("zhang" "%40example.com").encode()).decode(), "e-mail address"),
    (base64.b64encode(("contact:\n" "zhang" + AT + "example.com\n").encode()).decode(), "e-mail address"),
    (base64.urlsafe_b64encode(("\u00bb\u00bf" + VALID_ID).encode()).decode(), ID_KIND),
    ((("zhang" + AT + "example.com").encode().hex()), "e-mail address"),         # hexadecimal bytes
    ("Contact\u2026 zhang" "&#64;example&#46;com", "e-mail address"),          # … reads as three
    ("Contact\u2026 " + base64.b64encode(("zhang" + AT + "example.com").encode()).decode(), "e-mail address"),
]


@pytest.mark.parametrize("value, kind", [d for d in THIRD_DISGUISES if d[1]])
def test_a_third_set_of_disguises_is_detected_and_withheld(value, kind):
    found = identifiers_in(f"Unnamed observers; contact {value}.")
    assert len(found) == 1 and found[0][0].endswith(kind), found
    assert "[withheld]" in redact(f"values <{value}> not found")


def test_base64_wrapped_over_lines_is_read_whole():
    blob = base64.b64encode(("Reviewer: zhang" + AT + "example.com, " + VALID_ID).encode()).decode()
    wrapped = "\n".join(blob[i:i + 24] for i in range(0, len(blob), 24))
    assert [position for _, position in identifiers_in(f"data:\n{wrapped}\n")] == [6]
    assert redact(f"data:\n{wrapped}\n").startswith("data:\n[withheld]")


def test_a_decoded_reading_points_at_its_source():
    text = "Contact\u2026 zhang" "&#64;example&#46;com"
    [(kind, position)] = identifiers_in(text)
    assert text[position:].startswith("zhang")


def test_look_alike_letters_are_digits_only_in_runs_of_digits():
    # words made of the same letters, and numbers with too few digits, stay as they are
    assert identifiers_in("Is Oslo 1O Sl0bb 2O2O Gogo lol OOOO IIII SSSS") == []
    assert identifiers_in("IPAC Sl 2020 Ol 2016 lI Oo") == []


@pytest.mark.parametrize("text", [
    "1970" "-Mar-01", "1970, 1 " "March", "1/3/" "70", "01MAR" "1970", "March 1," "1970",
    "1  March " "1970", "1970" "060", "1. March " "1970", "1970" "_03_01", "12/31/" "1970",
    "1.III." "1970", "1 Mar '" "70", "01MAR" "70", "1970" "Mar01", "1970 " "03 01",
    "1st  of  March  " "1970", "1970" " \u2013 03 \u2013 01", "1\nMarch\n" "1970", "1970-\n03" "-\n01"])
def test_a_third_set_of_date_forms_is_detected(text):
    assert [(value.year, value.month, value.day) for value, _ in date_values_in(f"born {text}.")] in (
        [(1970, 3, 1)], [(1970, 12, 31)])


@pytest.mark.parametrize("text, dates", [
    ("2016" "-01-01 2016" "-12-31", ["2016" "-01-01", "2016" "-12-31"]),   # two dates, not a third
    ("2020" "-05-01 2020" "-05-31", ["2020" "-05-01", "2020" "-05-31"]),
    ("05-01 2020", []), ("Python 3.11.10", []), ("version 2.10.3", []),
    ("late December 2020, 3 people", []), ("May 2020 1999", []), ("Dec 2020 10 rows", []),
    ("5,000 in March 2016, 79,000", []), ("1,950,000 members", []), ("Marches 12 1970", []),
    ("the 1 Mayor 1970", []), ("2016-13-01", [])])
def test_what_is_not_one_full_date_is_not_read_as_one(text, dates):
    assert [value.isoformat() for value, _ in date_values_in(text)] == dates


def test_a_number_in_a_number_column_is_not_a_date_written_as_digits_alone():
    for digits in ("1970" "0301", "1970" "060"):
        assert date_values_in(digits) != []
        assert date_values_in(digits, numeric=True) == []
    assert date_values_in("1970" "-03-01", numeric=True) != []


def test_of_dates_found_inside_one_another_only_the_outer_one_is_kept():
    from validator.privacy.detectors import Found, _outermost
    spans = {(0, 10), (2, 5), (0, 4), (3, 12), (12, 14), (12, 13)}
    kept = _outermost([Found(start, end, "", "") for start, end in spans])
    assert [(f.start, f.end) for f in kept] == [(0, 10), (3, 12), (12, 14)]


@pytest.mark.parametrize("text", [
    "orcid: https://orcid.org/0000-0002-1825-0097", "ORCID 0000-0002-1825-0097",
    "https://example.org/status/2345678901", "www.example.org/a/13912345678/b",
    "sha256:4b3ddd8c8750389b199d94e01bdfb91ccccd434803a88393df0698705e3529a5",
    "commit 5ddacd5a1234567890abc", "1234567890 rows", "0001234567 bytes", "1950000000"])
def test_what_is_no_phone_number_is_not_flagged(text):
    assert identifiers_in(text) == []


def test_a_phone_number_in_a_web_address_is_not_flagged_but_an_id_is():
    assert identifiers_in("https://example.org/u/" + VALID_ID)[0][0].endswith(ID_KIND)
    assert identifiers_in("see https://example.org/x and call 202 " "555 0143")[0][0] == "a phone number"


def test_an_id_glued_to_letters_needs_its_check_character_and_birth_date():
    assert identifiers_in("ab" + VALID_ID + "cd")[0][0].endswith(ID_KIND)
    assert identifiers_in("ab" + BAD_CHECKSUM_ID + "cd") == []
    assert identifiers_in("ab" + SHORT_ID + "cd") == []
    assert identifiers_in(BAD_CHECKSUM_ID + "cd") != []                      # glued on one side only
    assert identifiers_in(" b" + SHORT_ID + "c") == [] and identifiers_in(" b" + MOBILE + "c") == []  # a letter each side


def test_a_round_number_is_a_quantity_up_to_three_digits_before_its_zeros():
    assert identifiers_in("spent 123" "000000000000 in all") == []       # 15 digits, 123 before the zeros
    assert identifiers_in("spent 1234" "00000000000 in all") != []       # 1234: an identifier's shape


def test_an_address_written_in_words_is_read_as_the_address_it_stands_for():
    from validator.privacy.detectors import email
    found = email.find("write to Jane at Mail dot " "Example dot com today")  # written in two, as the layer asks
    assert [(f.start, f.value) for f in found] == [(9, "jane" "@mail.example.com")]


@pytest.mark.parametrize("phone", ["202 " "555 0143", "1 202 " "555 0143", "0044 20 " "7946 0958",
                                   "139 1234 " "5678", "010 1234 " "5678"])
def test_phone_numbers_in_the_shapes_they_have(phone):
    assert [kind for kind, _ in identifiers_in(f"call {phone} today")] == ["a phone number"]


def test_an_identifier_over_an_indented_line_break(package):
    (package.root / "README.md").write_text("Ref 999999\n        " "1970" "0101\n        0017 more.\n",
                                            encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_resident_id_numbers", "README.md", 1, None),
                    ("privacy", "no_full_dates", "README.md", 2, None))  # the middle reads as one


def test_a_calendar_version_is_a_date_like_any_other_until_it_is_reviewed(package):
    """A pinned version that reads as a date (certifi numbers its releases by date) could as
    well be someone's birth date: it passes only as a reviewed exception, in the file it is in."""
    pin = "2024." "8.30"
    (package.root / "requirements-dev.txt").write_text(f"certifi=={pin}\n", encoding="utf-8")
    [finding] = assert_findings(package.validate(), ("privacy", "no_full_dates", "requirements-dev.txt", 1, None))
    write_exceptions(package, ("no_full_dates", "requirements-dev.txt", finding.exception[2],
                               "The version of certifi, which numbers its releases by the date of each."))
    assert_findings(package.validate())
    (package.root / "README.md").write_text(f"Pinned at certifi {pin}.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "README.md", 1, None))


def test_the_third_set_reaches_every_file(package):
    (package.root / "docs").mkdir()
    (package.root / "docs" / "notes.md").write_text(
        "Contact\u2026 zhang" "&#64;example&#46;com\nID: " + "".join(HANGZHOU[c] for c in VALID_ID) +
        "\nBorn 1970" "-Mar-01.\n", encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_email_addresses", "docs/notes.md", 1, None),
                    ("privacy", "no_resident_id_numbers", "docs/notes.md", 2, None),
                    ("privacy", "no_foreign_script", "docs/notes.md", 2, None),   # Hangzhou: Han
                    ("privacy", "no_full_dates", "docs/notes.md", 3, None))


def test_a_sensitive_column_name_in_a_csv_header_that_the_schema_does_not_name(package):
    """The header is read as written, not only through the schema: a renamed column is the
    tables layer's finding, and its sensitive name the privacy layer's."""
    path = package.root / "data" / "figures.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace(",measure", ",birth_date") + "\n" + rest, encoding="utf-8")
    package.rehash()
    report = package.validate()
    assert_findings(report, ("tables", "incorrect-label", "data/figures.csv", 1, "measure"),
                    ("privacy", "no_sensitive_field_names", "data/figures.csv", None, shown_field("birth_date")))
    assert all("birth_date" not in f.as_text() for f in report.findings)


def test_a_release_date_is_allowed_only_as_the_whole_date_a_release_records():
    """A find that starts in a heading's date but is another date, or runs past it, is
    refused: only the very date the heading records is let through."""
    from types import SimpleNamespace
    from validator.package import load_package
    from validator.privacy.allowed import AllowedDates
    from validator.privacy.detectors.found import Found
    package = load_package(ROOT / "datapackage.json")
    changelog = next(f for f in package.files if f.path == "CHANGELOG.md").text
    at = changelog.index("## [0.2.0] - ") + len("## [0.2.0] - ")
    day = changelog[at:at + 10]
    allowed = AllowedDates(package, article_is_pinned=True)
    text = SimpleNamespace(resource="CHANGELOG.md", field=None, where="the text", offset=0)
    assert allowed.allows(text, Found(at, at + 10, day, "a full calendar date"))
    assert not allowed.allows(text, Found(at, at + 10, "1970" "-03-01", "a full calendar date"))
    assert not allowed.allows(text, Found(at + 2, at + 14, day, "a full calendar date"))
    assert not allowed.allows(text, Found(at - 3, at + 10, day, "a full calendar date"))


def test_a_hash_key_is_read_but_a_resource_s_checksum_in_the_descriptor(package):
    """Only `resources[N].hash` of the descriptor is the descriptor layer's to check; a key
    named hash anywhere else is read like any other."""
    forged = "sha256:" + VALID_ID + "a" * 46  # the shape of a checksum
    package.edit_descriptor(lambda d: d.setdefault("sources", [{}])[0].__setitem__("hash", forged))
    found = [(f.check, f.field) for f in package.validate().findings if f.layer == "privacy"]
    assert ("no_resident_id_numbers", "sources[0].hash") in found, found


def test_an_event_date_cell_is_left_unread_only_when_it_is_one_iso_date(package):
    """The events' own dates are the faithfulness layer's; anything else in those cells is read."""
    row = package.edit("events", package.rows("events")[0]["id"], date_from=MOBILE)
    found = {(f.check, f.row, f.field) for f in package.validate().findings if f.layer == "privacy"}
    assert ("no_phone_numbers", row, "date_from") in found, found
