"""Personal data as a reader would see it displayed: digits split by markup that a page or a
Markdown viewer shows as nothing, characters written as references a browser shows as the
characters, a name carried by an empty directory or by a PNG chunk's checksum, a date passed
off as a dependency's version or as the release date."""
import base64

import pytest

from conftest import VALID_ID, assert_findings, png, write
from detect import date_values_in, identifiers_in
from validator.disclosure import shown_field, shown_path, withholding

ID_KIND = "an 18-character PRC resident ID number (checksum valid)"
HAN_NAME = "\u738b\u5c0f\u660e"  # a made-up name
YEAR = "19" "70"  # the values are built from pieces, so that no file of the package holds one
PHONE_IN_MARKUP = "139<i></i>" "1234<i></i>" "5678"


# -- digits split by markup ------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    VALID_ID[:6] + "<span></span>" + VALID_ID[6:],
    VALID_ID[:6] + "**" + VALID_ID[6:10] + "**" + VALID_ID[10:],
    VALID_ID[:6] + "<!-- -->" + VALID_ID[6:],
    VALID_ID[:6] + "`" + VALID_ID[6:] + "`",
    VALID_ID[:6] + "<B class='x'>" + VALID_ID[6:12] + "</B>" + VALID_ID[12:],
    VALID_ID[:6] + "__" + VALID_ID[6:],
    VALID_ID[:6] + "<wbr>" + VALID_ID[6:12] + "<sup></sup>" + VALID_ID[12:],
])
def test_an_id_split_by_markup_is_found(written):
    assert [kind for kind, _ in identifiers_in(f"ID: {written}.")] == [ID_KIND]


@pytest.mark.parametrize("written", [f"{YEAR}-<b>03</b>-01", f"{YEAR}<b>-</b>03-01", f"{YEAR}<!-- -->-03-01",
                                     f"*{YEAR}*-03-*01*", f"{YEAR}-03<i></i>-01"])
def test_a_date_split_by_markup_is_found(written):
    assert [(d.year, d.month, d.day) for d, _ in date_values_in(f"born {written} in")] == [(1970, 3, 1)]


def test_a_phone_number_split_by_markup_is_found():
    assert [kind for kind, _ in identifiers_in(f"call {PHONE_IN_MARKUP}")] == ["a phone number"]


@pytest.mark.parametrize("written", ["<td>1950000</td><td>2020</td><td>12</td>", "<p>1999</p>\n<p>1234</p><p>5678</p>",
                                     "<li>202</li><li>555</li><li>0143</li>"])
def test_numbers_in_separate_cells_or_paragraphs_are_not_joined(written):
    """A table cell, a paragraph or a list item displays apart from the next: no number crosses it."""
    assert identifiers_in(written) == [] and date_values_in(written) == []


def test_markup_split_values_in_a_document_and_a_cell(package):
    write(package, "docs/notes.md", f"Ref {VALID_ID[:6]}<span></span>{VALID_ID[6:]}\n"
                                    f"Born {YEAR}-<b>03</b>-01.\nCall {PHONE_IN_MARKUP}.\n")
    row = package.edit("statements", "s-headline", note=f"Member {YEAR}<b>-</b>03-01.")
    assert_findings(package.validate(),
                    ("privacy", "no_resident_id_numbers", "docs/notes.md", 1, None),
                    ("privacy", "no_phone_numbers", "docs/notes.md", 3, None),
                    ("privacy", "no_full_dates", "docs/notes.md", 2, None),
                    ("privacy", "no_full_dates", "data/statements.csv", row, "note"))


@pytest.mark.parametrize("separator", ["+", "~"])
def test_an_id_with_plus_or_tilde_between_its_groups(separator):
    written = separator.join([VALID_ID[:6], VALID_ID[6:14], VALID_ID[14:]])
    assert [kind for kind, _ in identifiers_in(f"ID {written}")] == [ID_KIND]


def test_a_sum_of_small_numbers_is_no_phone_number():
    assert identifiers_in("== 2 + 2 + 3 + 6 + 10 + 20 + 36  # seven passes") == []


# -- characters written as references ----------------------------------------------------------

@pytest.mark.parametrize("encoded", [
    "".join(f"&#{ord(c)};" for c in HAN_NAME),
    "".join(f"&#x{ord(c):x};" for c in HAN_NAME),
    "".join(f"%{b:02X}" for b in HAN_NAME.encode()),
    "".join(f"\\u{ord(c):04x}" for c in HAN_NAME),
    "".join(f"\\x{b:02x}" for b in HAN_NAME.encode()),
    "".join(f"={b:02X}" for b in HAN_NAME.encode()),
])
def test_a_name_in_another_script_written_as_references(package, encoded):
    write(package, "docs/notes.md", f"Member: {encoded}.\n")
    assert_findings(package.validate(), ("privacy", "no_foreign_script", "docs/notes.md", 1, None))


def test_a_name_written_as_references_in_a_cell_and_a_json_value(package):
    row = package.edit("statements", "s-headline", note="Member &#" + str(ord(HAN_NAME[0])) + ";&#"
                       + str(ord(HAN_NAME[1])) + ";.")
    package.edit_descriptor(lambda d: d.update(description=d["description"] + " %E7" "%8E%8B"))
    assert_findings(package.validate(),
                    ("privacy", "no_foreign_script", "data/statements.csv", row, "note"),
                    ("privacy", "no_foreign_script", "datapackage.json", None, "description"))


def test_python_source_s_own_escapes_are_read_as_written_but_a_reference_is_not(package):
    """Python writes characters as escapes on purpose (the validator's vocabularies, the
    tests' fault inputs); an HTML reference in Python source is still read."""
    (package.root / "validate.py").write_text(f'WORD = "\\u{ord(HAN_NAME[0]):04x}"\n', encoding="utf-8")
    assert_findings(package.validate())
    (package.root / "validate.py").write_text(f'WORD = "&#{ord(HAN_NAME[0])};"\n', encoding="utf-8")
    assert_findings(package.validate(), ("privacy", "no_foreign_script", "validate.py", 1, None))


# -- names carried by what is no text --------------------------------------------------------------

def test_an_empty_directory_is_refused_and_its_name_scanned(package):
    (package.root / "docs" / f"born {YEAR}-03-01").mkdir(parents=True)
    [finding, _] = assert_findings(package.validate(),
                    ("descriptor", "files_declared", shown_path(f"docs/born {YEAR}-03-01/"), None, None),
                    ("privacy", "no_full_dates", shown_path(f"docs/born {YEAR}-03-01/"), None, None))
    assert "an empty directory" in finding.message and YEAR not in finding.resource


def test_a_chunk_checksum_that_carries_bytes_of_its_own(package):
    (package.root / "docs").mkdir()
    screenshot = package.root / "docs" / "screenshot.png"
    screenshot.write_bytes(png())
    assert_findings(package.validate())
    screenshot.write_bytes(png()[:-4] + b"1970")  # the end chunk's checksum replaced
    [finding] = assert_findings(package.validate(), ("privacy", "no_text_in_images", "docs/screenshot.png", None, None))
    assert "checksum" in finding.message


# -- dates passed off as something else ------------------------------------------------------------

def test_a_version_that_reads_as_a_date_is_a_date_whoever_numbers_releases_so(package):
    """No exemption by shape or by package name: each such pin is a reviewed exception."""
    write(package, "requirements-dev.txt", "certifi==" "2024." "8.30\nzhangsan==" "1970." "3.1\n")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "requirements-dev.txt", 1, None),
                    ("privacy", "no_full_dates", "requirements-dev.txt", 2, None))


def test_a_created_date_before_the_events_is_no_release_date(package):
    package.edit_descriptor(lambda d: d.update(created=f"{YEAR}-03-01T00:00:00Z"))
    assert_findings(package.validate(), ("privacy", "no_full_dates", "datapackage.json", None, "created"))


@pytest.mark.parametrize("created, refused", [("2020" "-12-25", True), ("2021" "-01-05", False)])
def test_where_the_article_is_not_the_snapshot_a_release_date_follows_the_events_last_day(package, created, refused):
    """With another article than the pinned snapshot, the events' last day is the table's latest
    date, an end date (2020-12-31) as much as a start date."""
    package.edit_descriptor(lambda d: d.update(created=f"{created}T00:00:00Z"))
    places = [(f.check, f.resource, f.field) for f in package.validate(article_sha256="0" * 64).findings]
    assert (("no_full_dates", "datapackage.json", "created") in places) == refused


# -- the second round: markup of every shape, references of every length -------------------------

@pytest.mark.parametrize("split", [
    '<span title=">">', '<span class="' + "x" * 300 + '">', "<!-- " + "y" * 300 + " -->", "<!-->", "</>", "<?x?>",
    "<!x>", "<big></big>", "<x-a></x-a>", "<span hidden>9</span>", '<span style="display:none">77</span>',
    "[](x)", "![](x.png)", "<LABEL>", "<ruby>",
])
def test_an_id_split_by_markup_of_any_shape_is_found(split):
    assert [kind for kind, _ in identifiers_in(f"ID {VALID_ID[:4]}{split}{VALID_ID[4:]}")] == [ID_KIND]


def test_an_id_with_a_markdown_link_for_some_of_its_digits():
    assert [kind for kind, _ in identifiers_in(f"ID {VALID_ID[:6]}[{VALID_ID[6:10]}](x){VALID_ID[10:]}")] == [ID_KIND]


@pytest.mark.parametrize("written", [
    f"Born 12 *March* {YEAR}", f"12 <b>March</b> {YEAR}", f"<i>March</i> 12, {YEAR}", f"{YEAR} *March* 12",
    f"Mar<b></b>ch 12 {YEAR}", f"March<!-- x --> 12 {YEAR}", f"March 12<sup>th</sup>, {YEAR}",
    f"12<sup>th</sup> March {YEAR}", f"{YEAR}\\-03\\-12",
])
def test_a_date_with_markup_beside_its_month_or_ordinal_is_found(written):
    assert [(d.year, d.month, d.day) for d, _ in date_values_in(written)] == [(1970, 3, 12)]


AT = "@"  # addresses are built from pieces, so that no file of the package holds one


@pytest.mark.parametrize("written", [f"zhang.san<span>{AT}</span>example.com", f"zhang.san<!-- -->{AT}example.com"])
def test_an_address_with_markup_beside_its_at_sign_is_found(written):
    assert [kind for kind, _ in identifiers_in(written)] == ["an e-mail address"]


@pytest.mark.parametrize("written", [f"&#0000{ord(VALID_ID[0])};{VALID_ID[1:]}", f"&#x000{ord(VALID_ID[0]):x};{VALID_ID[1:]}"])
def test_a_digit_reference_with_leading_zeros_is_read(written):
    assert [kind for kind, _ in identifiers_in(written)] == [ID_KIND]


def test_a_phone_number_in_a_messenger_link_is_one():
    assert [kind for kind, _ in identifiers_in("https://wa.me/86" "139" "1234" "5678")] == ["a phone number"]


@pytest.mark.parametrize("encoded", [
    "".join(f"&#x0000{ord(c):x};" for c in HAN_NAME),
    "".join(f"%u{ord(c):04X}" for c in HAN_NAME),
    "".join(f"={b:02x}" for b in HAN_NAME.encode()),
    "".join(f"\\{b:03o}" for b in HAN_NAME.encode()),
    "".join(f"\\u{{0000{ord(c):x}}}" for c in HAN_NAME),
])
def test_a_name_in_another_script_in_more_encodings(package, encoded):
    write(package, "docs/notes.md", f"Member: {encoded}.\n")
    assert_findings(package.validate(), ("privacy", "no_foreign_script", "docs/notes.md", 1, None))


@pytest.mark.parametrize("pin", ["certifi==" "1970." "3.1", "tzdata>=" "1970." "03.01", "Certifi==" "1970." "3.1"])
def test_a_date_before_2000_is_no_calendar_version(package, pin):
    write(package, "requirements-dev.txt", pin + "\n")
    assert_findings(package.validate(), ("privacy", "no_full_dates", "requirements-dev.txt", 1, None))


def test_a_compiled_file_s_name_is_scanned(package):
    write(package, f"docs/{VALID_ID}/x.pyc", "")
    assert_findings(package.validate(), ("privacy", "no_resident_id_numbers", shown_path(f"docs/{VALID_ID}/x.pyc"), None, None),
                    ("descriptor", "files_declared", shown_path(f"docs/{VALID_ID}/x.pyc"), None, None))


def test_a_metadata_chunk_with_a_valid_checksum_is_refused(package):
    (package.root / "docs").mkdir()
    (package.root / "docs" / "screenshot.png").write_bytes(png(before=[(b"gAMA", b"1970")]))
    [finding] = assert_findings(package.validate(), ("privacy", "no_text_in_images", "docs/screenshot.png", None, None))
    assert "'gAMA' chunk (text or metadata)" in finding.message


# -- what a maintainer writes is not refused -----------------------------------------------------------

@pytest.mark.parametrize("path, text", [
    ("docs/notes.md", "The sum 1+2+3+4+5+6+7+8+9+10 = 55, and `1*2*3*4*5*6*7*8*9*10` is ten factorial.\n"),
    ("docs/notes.md", "The pattern `\\bdate\\b` matches the word; Windows keeps it in `C:\\Users\\dev\\cafe\\data`.\n"),
    ("docs/notes.md", "Timings in &micro;s: 5 \u00b5s per row; R&amp;D budget.\n"),
    ("docs/notes.md", "**1.95 million** members, `2020`, <b>2020</b>, `3.11.7`, 2*3*4, &#8217; and &#8212;.\n"),
    ("viewer/extra.js", "const HAN = /[\\u4e00-\\u9fff]/;\n"),
    ("viewer/extra.css", '.icon::before { content: "\\f101"; }\n'),
])
def test_ordinary_content_is_not_refused(package, path, text):
    write(package, path, text)
    assert_findings(package.validate())


# -- what another library's message quotes ---------------------------------------------------------

def test_a_quoted_stretch_of_a_library_s_message_is_withheld_however_it_is_escaped():
    """frictionless quotes a cell as Python's repr does: with escapes the raw value lacks."""
    message = withholding("the cell 'Zhang\\tSan' in field \"name\" at position \"3\" doesn't fit", "Zhang\tSan")
    assert message == ("the cell '(withheld: 10 characters)' in field \"name\" at position \"3\" doesn't fit")


def test_a_value_is_withheld_where_it_stands_alone_and_descriptions_are_not_read_again():
    message = withholding("value 7 of row 17 is 7", "7")
    assert message == "value (withheld: 1 character) of row 17 is (withheld: 1 character)"
    assert withholding("'Zhang San' and 'Li Si'", "Zhang San", "1") == \
        "'(withheld: 9 characters)' and '(withheld: 5 characters)'"


def test_a_value_that_starts_and_ends_with_signs_is_withheld_where_it_stands_alone():
    assert withholding("invalid value (invented) here", "(invented)") == \
        "invalid value (withheld: 10 characters) here"
    assert withholding("invalid value +invented+ here", "+invented+") == \
        "invalid value (withheld: 10 characters) here"


@pytest.mark.parametrize("field, shown", [
    ("resources[2].name", "resources[2].name"),
    ("1970" ".03.01", "(withheld: 10 characters)"),                  # digit keys that make a date
    ("resources.Zhang San[0]", "resources.(withheld: 9 characters)[0]"),
])
def test_a_field_shows_names_and_indexes_and_withholds_the_rest(field, shown):
    assert shown_field(field) == shown


# -- more forms of one date, and look-alike signs ---------------------------------------------------

@pytest.mark.parametrize("written", [
    "1970" ";03;01", "1970" ":03:01", "1970" "~03~01", "1970" "+03+01", "1970" "\\03\\01", "1970" "|03|01",
    "1970" "-03/01", "1970" ".03-01", "01;03" ";1970",                # mixed signs
    "70" "-03-01", "70" "/03/01",                                     # a two-digit year first
    "1-Mar" "-70", "01.Mar" ".70", "Mar 01," " 70", "March 1," " '70",  # a month's name, two digits
    "1970" "\u221503\u221501", "1970" "\u204403\u204401", "01\u29f803" "\u29f81970", "1970" "\u257103\u257101",
])
def test_a_date_in_more_forms_is_found(written):
    found = [(d.year, d.month, d.day) for d, _ in date_values_in(f"born {written} in Testville")]
    assert found and set(found) <= {(1970, 3, 1), (1970, 1, 3)}, found


@pytest.mark.parametrize("written", ["2481,2491,6.5,percent", "at 12:30:45", "v70-99-99"])
def test_numbers_that_are_no_date_are_not_read_as_one(written):
    assert date_values_in(written) == []


def test_a_circled_a_is_read_as_an_at_sign():
    assert [kind for kind, _ in identifiers_in("write to zhang.san\u24d0" "example.org")] == ["an e-mail address"]


@pytest.mark.parametrize("written", [
    "zhang.san @ example" " . org", "zhang . san@example" ".org", "zhang.san at example" ".org",
    "zhang_san at mail" ".example.org", "zhangsan -at- example" " -dot- org",
])
def test_an_address_spaced_or_with_at_as_a_word_is_found(written):
    assert [kind for kind, _ in identifiers_in(f"write to {written}")] == ["an e-mail address"]


@pytest.mark.parametrize("written", [
    "look at example.org", "3 at bbc.co.uk", "meet at 9.30 am", "up-at-dawn",
])
def test_at_as_a_word_in_a_sentence_is_no_address(written):
    assert identifiers_in(written) == []


@pytest.mark.parametrize("written", [
    "tel 2345" "6789", "ph. 2345" "6789", "mob: 2345" "6789", "\u260e 2345" "6789", "\U0001f4de 2345" "6789",
    "+852 2345" "6789", "852 2345" "6789", "(852) 2345" "6789", "tel: 02 2345" "678", "phone 0223" "45678",
    "886 2 2345" "6789", "886 9 1234" "5678", "(212) 555" "-0123", "212-555" "-0123", "phone 21255" "50123",
    "02 2345" "678", "037 234" "567",  # Taiwan, nine digits: the area code set apart
])
def test_a_phone_number_after_a_word_or_sign_or_grouped_as_one_is_found(written):
    assert [kind for kind, _ in identifiers_in(f"reach them on {written} today")] == ["a phone number"]


@pytest.mark.parametrize("written", [
    "Chromium 120.0.6099" ".224", "version 3.1415" ".9265", "offsets 21255" "50123",
    '<td class="cell">9200' "0000</td>", "a row of 2345" "6789 items",
])
def test_numbers_shaped_like_no_phone_number_are_none(written):
    assert identifiers_in(written) == []


# -- HTML as a browser shows it, Markdown's other forms, encodings deep inside others -------------

SPLIT_ID = (VALID_ID[:9], VALID_ID[9:])


@pytest.mark.parametrize("between", [
    "<span hidden><span>4</span>2</span>",                              # nested inside a hidden element
    "<div style='display:none'><p>4</p><p>2</p></div>",
    "<script>var x = '42';</script>", "<style>.x { content: '42' }</style>",
    "<span style=\"font-size: 0px\">42<b>7</b></span>", "<span style='opacity:0'>4</span>",
    "<span style='visibility: hidden'><i>4</i></span>", "<span style='color: transparent'>4</span>",
    "<noscript>4</noscript>", "<template>4</template>", "<iframe>4</iframe>", "<audio>4</audio>",
    "<video><p>4</p></video>", "<canvas>4</canvas>", "<datalist>4</datalist>", "<noembed>4</noembed>",
    "<span style='display:/**/none'>4</span>", "<span style='display:n\\6f ne'>4</span>",
    "<span style='font-size:calc(0px)'>4</span>", "<span style='transform:scale(0)'>4</span>",
    "<span style='position:absolute;left:-9999px'>4</span>", "<span style='color:rgba(0,0,0,0)'>4</span>",
])
def test_an_id_split_by_what_a_browser_does_not_show_is_found(between):
    first, last = SPLIT_ID
    assert [kind for kind, _ in identifiers_in(f"<p>ref {first}{between}{last} end</p>")] == [ID_KIND]


@pytest.mark.parametrize("element", ["<bdo dir='rtl'>{}</bdo>", "<span style='unicode-bidi: bidi-override; direction: rtl'>{}</span>",
                                     "<span dir='rtl' style='unicode-bidi:bidi-override'>{}</span>",
                                     "<span dir='rtl' style='unicode-bidi: isolate-override'>{}</span>"])
def test_an_id_shown_right_to_left_is_read_as_shown(element):
    shown = element.format(VALID_ID[::-1])
    assert [kind for kind, _ in identifiers_in(f"<p>ref {shown} end</p>")] == [ID_KIND]


def test_a_line_break_tag_joins_as_a_line_break_does_and_a_cell_does_not():
    first, last = SPLIT_ID
    assert [kind for kind, _ in identifiers_in(f"<p>{first}<br>{last}</p>")] == [ID_KIND]
    assert identifiers_in(f"<tr><td>{first}</td><td>{last}</td></tr>") == []


@pytest.mark.parametrize("written", [
    "1970" "\\:03\\:01", "[1970][a]" "-03-01", "[1970][]" "-03-01",                 # Markdown
    "U+0031U+0039U+0037U+0030" "-03-01", "u+0031 u+0039 u+0037 u+0030" "-03-01",    # Unicode's notation
])
def test_a_date_in_markdown_s_other_forms_or_unicode_notation_is_found(written):
    assert [(d.year, d.month, d.day) for d, _ in date_values_in(f"born {written} in Testville")] == [(1970, 3, 1)]


def test_an_id_inside_five_encodings_one_inside_another_is_found():
    encoded = VALID_ID
    for encode in (lambda t: "".join(f"&#{ord(c)};" for c in t),
                   lambda t: "".join(f"%{ord(c):02X}" for c in t),
                   lambda t: base64.b64encode(t.encode()).decode(),
                   lambda t: "".join(f"&#{ord(c)};" for c in t),
                   lambda t: "".join(f"%{ord(c):02X}" for c in t)):
        encoded = encode(encoded)
    assert [kind for kind, _ in identifiers_in(f"ref {encoded} end")] == [ID_KIND]


# -- look-alike signs, decoded bytes ---------------------------------------------------------------

@pytest.mark.parametrize("sign", ["\u22c5", "\u2500", "\u2216", "\u2223", "\u23af", "\u2e31", "\u2981"])
def test_a_date_between_signs_that_look_like_separators_is_found(sign):
    assert [(d.year, d.month, d.day) for d, _ in date_values_in(f"born 1970{sign}03" f"{sign}01 in")] == [(1970, 3, 1)]


@pytest.mark.parametrize("one", ["\u01c0", "\u2223", "\u0131"])
def test_an_id_with_letters_of_other_alphabets_for_its_ones_is_found(one):
    written = VALID_ID[:6] + one + VALID_ID[7:16] + one + VALID_ID[17:]
    assert VALID_ID[6] == VALID_ID[16] == "1"
    assert [kind for kind, _ in identifiers_in(f"ref {written} end")] == [ID_KIND]


@pytest.mark.parametrize("encoded", [
    "https://example.org/" + base64.b64encode(VALID_ID.encode()).decode(),      # a web address's path
    "0x" + VALID_ID.encode().hex(),                                             # hexadecimal with 0x
    base64.b64encode(b"\x00\x12" + VALID_ID.encode()).decode(),                 # control characters
    "00" + VALID_ID.encode().hex(),
])
def test_an_id_in_bytes_written_in_more_ways_is_found(encoded):
    assert [kind for kind, _ in identifiers_in(f"see {encoded} end")] == [ID_KIND]


@pytest.mark.parametrize("text", [
    "The ratio is 0.3333333333 here.", "line-height: 0.428571429;", "Costs rose to 15" "000000000 yuan.",
    "pi is 3.14159265358979 here.", "See README.md at github.com for more.", "Released v1.2 at pypi.org.",
])
def test_quantities_file_names_and_versions_are_no_identifiers(text):
    assert identifiers_in(text) == []


def test_an_id_written_as_a_decimal_is_still_one():
    assert [kind for kind, _ in identifiers_in(f"ref {VALID_ID[:3]}.{VALID_ID[3:]} end")] == [ID_KIND]


def test_an_end_tag_of_no_open_element_closes_nothing():
    """A stray end tag, after an element of its name was opened and closed inside a hidden one,
    leaves the hidden element open: what it holds stays unshown."""
    from validator.privacy.rendered import rendered
    assert rendered("<span hidden><b>1</b></b>2</span>3")[0] == "3"


def test_a_character_reference_is_shown_as_its_character():
    from validator.privacy.rendered import rendered
    assert rendered("<b>1</b>&#50;3") == ("123", [3, 8, 13])
