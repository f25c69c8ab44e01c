"""The privacy guard against a third set of disguises: characters of no known script, Han
characters written as radicals and other symbols of a script, every code point Unicode says
a renderer ignores, a value under a repeated JSON key, text after the screenshot's image
data, files in directories skipped below the top, long files (read in parts), encoded
identifiers beside an ellipsis, and a step summary that is not a file.

As in test_privacy.py, identifiers, dates and e-mail addresses are assembled from pieces and
other scripts written as escapes, so that no file of the package holds one: the validator
scans its own tests too."""
import base64
import os
import random
import subprocess
import sys
import tracemalloc
import unicodedata
import zlib

import pytest

from conftest import ROOT, VALID_ID, assert_findings, chunk, png, write
from detect import date_values_in, foreign_runs, identifiers_in, invisible_characters
from validator.context import Context
from validator.disclosure import shown_field, shown_path
from validator.privacy.scan import scan
from validator.privacy import texts
from validator.privacy.detectors.script import script_of
from validator.privacy.images import MAX_PIXEL_BYTES, pixel_bytes, png_problem
from validator.package import load_package
from validator.pins import ARTICLE_SHA256, PERSONS
from validator.privacy.texts import Text, in_parts

D = "datapackage.json"
ID = VALID_ID
ID_KIND = "an 18-character PRC resident ID number (checksum valid)"
EMAIL = "jane" "@" "example.com"
BIRTH = "1970" "-03-01"
HAN_NAME = "\u738b\u82b3"


def observers(package, description):
    return package.edit("entities", "observers", description=description)


# -- 1. characters of no known script --------------------------------------------------------

CJK_EXTENSION_H = chr(0x31350) + chr(0x31351)  # Unicode 15.0: unassigned in older tables
KAKTOVIK_NUMERALS = "".join(chr(0x1D2C0 + int(digit)) for digit in "31415" "92653")  # Unicode 15.0


def unreadable_or_script(text):
    """What the script check calls a run of `text`: unassigned where this Python's tables
    are older than its characters, their script where they are not."""
    return "unassigned" if unicodedata.category(text[0]) == "Cn" else script_of(text[0])


@pytest.mark.parametrize("text, kind", [("\ue000\uf8ff", "private-use"), ("\U000f0000", "private-use"),
                                        ("\udcc0\udcee", "surrogate"), ("\ufdd0\uffff", "unassigned"),
                                        ("\u0378", "unassigned")])
def test_code_points_of_no_known_script_are_unreadable(text, kind):
    assert foreign_runs(f"name {text} here") == [(kind, 5, len(text))]


@pytest.mark.parametrize("text", [CJK_EXTENSION_H, KAKTOVIK_NUMERALS])
def test_a_script_newer_than_the_tables_is_refused_whatever_the_tables(text):
    kind = unreadable_or_script(text)
    assert kind and foreign_runs(f"ID {text}.") == [(kind, 3, len(text))]


def test_a_name_newer_than_the_tables_in_a_cell(package):
    row = observers(package, f"Unnamed observers, reviewed with {CJK_EXTENSION_H}.")
    [finding] = assert_findings(package.validate(),
                                ("privacy", "no_foreign_script", "data/entities.csv", row, "description"))
    if unreadable_or_script(CJK_EXTENSION_H) == "unassigned":
        assert "2 unreadable unassigned code point(s), of no script Unicode" in finding.message
        assert "each character must be of one Unicode knows" in finding.message


def test_numerals_newer_than_the_tables_in_a_document(package):
    write(package, "docs/datasheet.md", f"# Datasheet\n\nID (Kaktovik numerals): {KAKTOVIK_NUMERALS}\n")
    [finding] = assert_findings(package.validate(), ("privacy", "no_foreign_script", "docs/datasheet.md", 3, None))
    assert "at character 24 " in finding.message


def test_a_file_name_in_gbk_read_as_surrogates(package):
    name = os.fsdecode(b"\xc0\xee\xc3\xf7") + ".md"
    write(package, f"docs/{name}", "Notes.\n")
    [finding] = assert_findings(package.validate(), ("privacy", "no_foreign_script",
                                                     shown_path(f"docs/{name}"), None, None))
    assert finding.resource.startswith("docs/(withheld: ")
    assert finding.message.startswith("the file name holds 4 unreadable surrogate code point(s)")


def test_a_private_use_character_in_the_descriptor(package):
    package.edit_descriptor(lambda d: d["contributors"].append({"title": "Observer \ue000\ue001"}))
    assert_findings(package.validate(), ("privacy", "no_foreign_script", D, None, "contributors[1].title"))


# -- 2. symbols and numbers that are characters of a script -----------------------------------

@pytest.mark.parametrize("char, script", [
    ("\u2e9b", "Han"), ("\u2ee2", "Han"), ("\u2ef3", "Han"),  # CJK Radicals Supplement
    ("\u2f00", "Han"),                                         # a Kangxi radical (NFKC)
    ("\u31c0", "Han"), ("\u2ff0", "Han"), ("\u3190", "Han"),   # strokes, description, kanbun
    ("\u3021", "Han"), ("\u3007", "Han"),                      # Suzhou numeral, ideographic zero
    ("\ua490", "Yi"), ("\u19e0", "Khmer"), ("\u0bf3", "Tamil"), ("\u0f01", "Tibetan"),
    ("\u1369", "Ethiopic"), ("\U0001d360", "Counting"),
])
def test_a_symbol_or_number_of_a_script_is_a_character_of_it(char, script):
    assert script_of(char) == script


@pytest.mark.parametrize("char", ["\u00a9", "\u00ae", "\u2122", "\u2192", "\u2714", "\u2603", "\U0001f600",
                                  "\u00b0", "\u20ac", "\u00bd", "\u2460", "\u2776", "\u216b", "\u00a6",
                                  "\U0001f5dd", "\U0001f311", "\U0001f481", "\u218a", "\u237f",
                                  "\U0001f670", "\u2720", "\u0e3f"])
def test_ordinary_symbols_are_of_no_script(char):
    assert script_of(char) is None


def test_every_symbol_or_number_named_for_a_script_is_read_as_one():
    """The class, not examples: in this Python's tables, every symbol or number (So, No, Nl)
    that normalisation leaves alone and whose name begins as the names of a script's letters
    begin is a character of a script; but those whose first words name no script."""
    no_script = {"INFORMATION", "LATIN", "ROMAN", "SCRIPT", "TURNED", "VERTICAL"}  # a desk clerk, a cross...

    def prefix(name):
        words = name.split()
        return " ".join(words[:2]) if words[0] in ("OLD", "NEW") else words[0]
    chars = [chr(code) for code in range(0x110000)]
    letters = {prefix(unicodedata.name(c, "UNKNOWN")) for c in chars
               if unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd"}
    missed = [f"U+{ord(c):04X}" for c in chars
              if unicodedata.category(c) in ("So", "No", "Nl") and unicodedata.normalize("NFKC", c) == c
              and prefix(unicodedata.name(c, "UNKNOWN")) in letters - no_script and script_of(c) is None]
    assert missed == []


def test_a_han_name_in_cjk_radicals_in_a_cell(package):
    row = observers(package, "Unnamed observers, among them \u2ee9\u2ef0.")
    [finding] = assert_findings(package.validate(),
                                ("privacy", "no_foreign_script", "data/entities.csv", row, "description"))
    assert "2 character(s) of the Han script at character 30" in finding.message


# -- 3. every default-ignorable code point ----------------------------------------------------

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), written out afresh here.
DEFAULT_IGNORABLE = [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810),
                     *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0x3164,
                     *range(0xFE00, 0xFE10), 0xFEFF, 0xFFA0, *range(0xFFF0, 0xFFF9), *range(0x1BCA0, 0x1BCA4),
                     *range(0x1D173, 0x1D17B), *range(0xE0000, 0xE1000, 7), 0xE0FFF]


def test_every_default_ignorable_code_point_is_invisible_and_reported_once():
    missed = [f"U+{code:04X}" for code in DEFAULT_IGNORABLE
              if [at for _, at in invisible_characters("ab" + chr(code) + "cd")] != [2]
              or foreign_runs("ab" + chr(code) + "cd") != []]
    assert missed == []


def test_khmer_inherent_vowels_and_mongolian_selectors_in_a_name(package):
    write(package, "docs/datasheet.md", "# Datasheet\n\nZhang\u17b4 San, Li\u180bSi\n")
    first, second = assert_findings(package.validate(),
                                    ("privacy", "no_invisible_characters", "docs/datasheet.md", 3, None),
                                    ("privacy", "no_invisible_characters", "docs/datasheet.md", 3, None))
    assert "KHMER VOWEL INHERENT AQ at character 5;" in first.message
    assert "MONGOLIAN FREE VARIATION SELECTOR ONE at character 14;" in second.message


@pytest.mark.parametrize("text", ["done \u2714\ufe0f", "\u2764\ufe0f thanks", "\u00a9\ufe0e 2020", "\u2194\ufe0f",
                                  "\U0001f44d\ufe0f", "\u2714\ufe0e"])
def test_a_presentation_selector_after_a_symbol_is_part_of_it(text):
    assert invisible_characters(text) == []


@pytest.mark.parametrize("text", ["a\ufe0f", "1\ufe0f", "\ufe0f", " \ufe0f", "\u5f20\ufe0f", "\u2714\ufe0f\ufe0f",
                                  "\u2714\ufe00", "\u2714\u200b"])
def test_a_presentation_selector_anywhere_else_is_invisible(text):
    assert len(invisible_characters(text)) == 1


def test_a_micro_sign_is_a_unit_not_a_greek_letter(package):
    assert foreign_runs("3 \u00b5s, 10 k\u2126, 300 \u212a, 2 \u212b") == []
    assert foreign_runs("3 \u03bcs") == [("Greek", 2, 1)]  # the Greek letter is still refused
    write(package, "README.md", "Median 3 \u00b5s per row \u2714\ufe0f.\n")
    assert_findings(package.validate())


# -- 4. a value under a repeated JSON key -----------------------------------------------------

def test_a_key_repeated_in_an_object_after_a_nested_one_is_found(package):
    """Every object is read, however deep and in whatever order: a repeated key in the second
    item of a list, after an item holding an object of its own."""
    write(package, "release/anno_context.jsonld", '[{"x": {"y": "z"}}, {"k": "1", "k": "2"}]\n')
    assert_findings(package.validate(), ("privacy", "no_json_key_written_twice", "release/anno_context.jsonld", None,
                                         shown_field("[1].k")))


def test_a_value_under_a_repeated_json_key_is_scanned_and_refused(package):
    write(package, "release/anno_context.jsonld",
          '{\n  "note": "Member ' + EMAIL + '",\n  "note": "",\n  "@context": {"a": "b", "a": "' + BIRTH + '"}\n}\n')
    _, repeated, _, _ = assert_findings(
        package.validate(),
        ("privacy", "no_email_addresses", "release/anno_context.jsonld", None, "note"),
        ("privacy", "no_json_key_written_twice", "release/anno_context.jsonld", None, "note"),
        ("privacy", "no_full_dates", "release/anno_context.jsonld", None, shown_field("@context.a")),
        ("privacy", "no_json_key_written_twice", "release/anno_context.jsonld", None, shown_field("@context.a")))
    assert "this key is written again in its object" in repeated.message
    assert "expected each key once" in repeated.message


def test_a_repeated_key_in_the_descriptor_is_the_descriptor_layer_s_finding_alone(package):
    text = package.descriptor.read_text(encoding="utf-8")
    package.descriptor.write_text(text.replace('"name":', '"name": "x", "name":', 1), encoding="utf-8")
    [finding] = assert_findings(package.validate(), ("descriptor", "descriptor_readable", D, None, None))
    assert "appears twice" in finding.message


# -- 5. the screenshot: a palette only in a palette image, nothing after the image data -------

TEXT = ("Register member: " + EMAIL + ", born " + BIRTH).encode()
STREAM = zlib.compress(b"\x00" * pixel_bytes(2, 2, 8, 2, 0))


@pytest.mark.parametrize("content", [png(), png(colour=3, before=[(b"PLTE", b"\x00" * 3)]),
                                     png(depth=1, colour=0, width=9, height=3), png(interlace=1, width=9, height=7),
                                     png(depth=16, colour=6, interlace=1), png(idat=[STREAM[:5], STREAM[5:]])],
                         ids=["rgb", "palette", "one-bit grey", "interlaced", "interlaced 16-bit rgba", "two IDAT"])
def test_an_image_of_pixels_only_passes(content):
    assert png_problem(content) is None


@pytest.mark.parametrize("content, says", [
    (png(before=[(b"PLTE", TEXT + b" " * (-len(TEXT) % 3))]), "a 'PLTE' chunk in an image of colour type 2"),
    (png(colour=6, before=[(b"PLTE", b"\x00" * 3)]), "a palette only in a palette image"),
    (png(colour=3, before=[(b"PLTE", b"\x00" * 771)]), "a 'PLTE' chunk of 771 bytes, not the size its data has"),
    (png(idat=[STREAM, TEXT]), f"{len(TEXT)} bytes after the image data's zlib stream (IDAT)"),
    (png(idat=[STREAM + TEXT]), f"{len(TEXT)} bytes after the image data's zlib stream (IDAT)"),
    (png(idat=[STREAM, zlib.compress(TEXT)]), "bytes after the image data's zlib stream (IDAT)"),
    (png(idat=[TEXT]), "image data (IDAT) that is not a zlib stream"),
    (png(idat=[STREAM[:-6]]), "image data (IDAT) whose zlib stream does not end"),
    (png(idat=[]), "no image data (IDAT)"),
    (png(idat=[zlib.compress(b"\x00" * 13 + TEXT)]), "inflates to more than the 14 bytes its header implies"),
    (png(idat=[zlib.compress(b"\x00" * 13)]), "image data (IDAT) of 13 bytes where its header implies 14"),
    (png(interlace=1, idat=[STREAM]), "image data (IDAT) of 14 bytes where its header implies 15"),
    (png(depth=3), "an image header (IHDR) that describes no PNG image"),
    (png(colour=1, idat=[STREAM]), "an image header (IHDR) that describes no PNG image"),  # no such colour
    (png(width=0), "an image header (IHDR) that describes no PNG image"),
    (png(width=2**20, height=2**20, idat=[b""]), f"expected at most {MAX_PIXEL_BYTES}"),
    (png()[:8] + chunk(b"tRNS", b"\x00" * 2) + png()[8:], "a 'tRNS' chunk where the image header (IHDR) must be"),
    (png(after=[(b"IHDR", png()[16:29])]), "a 'IHDR' chunk where the image header (IHDR) must be"),
], ids=lambda value: value if isinstance(value, str) else "png")
def test_every_way_text_can_ride_along_the_image_data(content, says):
    assert says in png_problem(content)


@pytest.mark.parametrize("interlace", [0, 1])
def test_text_in_the_filter_bytes_of_the_rows_is_refused(interlace):
    """Each row of image data starts with a filter byte, 0 to 4; any other value is a byte of
    something else: one letter a row, in a black image, with every pixel byte zero."""
    width, height = 4, 40
    plain = bytearray(pixel_bytes(width, height, 8, 0, interlace))
    rows = pixel_bytes(width, height, 8, 0, 0) // (1 + width)
    assert png_problem(png(width=width, height=height, colour=0, interlace=interlace)) is None
    if not interlace:
        for row, letter in zip(range(rows), TEXT):
            plain[row * (1 + width)] = letter
    else:  # the last row of the last pass: its filter byte is the data's last row start
        plain[len(plain) - (1 + width)] = TEXT[0]
    content = png(width=width, height=height, colour=0, interlace=interlace, idat=[zlib.compress(bytes(plain))])
    assert "filter byte is none of the five PNG defines" in png_problem(content)


def test_a_bomb_is_never_inflated_whole():
    """A small file whose image data inflates to far more than its header implies (64 KiB
    that would be 64 MiB): the inflating stops a step past the image's size, in a few MiB."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(b"\x00" * 2**20) for _ in range(64)) + compressor.flush()
    assert len(stream) < 2**17
    content = png(width=32, height=32, colour=0, idat=[stream])
    tracemalloc.start()
    try:
        problem = png_problem(content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "inflates to more than the 1056 bytes" in problem and peak < 8 * 2**20, peak


def test_pixel_bytes_count_a_filter_byte_per_row_of_each_pass():
    assert pixel_bytes(2, 2, 8, 2, 0) == 2 * (1 + 6)
    assert pixel_bytes(9, 3, 1, 0, 0) == 3 * (1 + 2)
    assert pixel_bytes(8, 8, 8, 0, 1) == 2 + 2 + 3 + 6 + 10 + 20 + 36  # Adam7's seven passes
    assert pixel_bytes(1, 1, 16, 6, 1) == 1 + 8                         # one pixel: the first pass


@pytest.mark.parametrize("content, says", [
    (png(before=[(b"PLTE", TEXT + b" " * (-len(TEXT) % 3))]), "a 'PLTE' chunk in an image of colour type 2"),
    (png(idat=[STREAM, TEXT]), "bytes after the image data's zlib stream (IDAT)"),
], ids=["a palette in an RGB image", "text after the image data"])
def test_text_in_the_screenshot_s_image_data(package, content, says):
    write(package, "docs/screenshot.png", "").write_bytes(content)
    [finding] = assert_findings(package.validate(), ("privacy", "no_text_in_images", "docs/screenshot.png", None, None))
    assert says in finding.message and finding.message.endswith("expected a PNG image with image data only")


@pytest.mark.parametrize("name", ["screenshot.png", "screenshot-phone.png"])
def test_the_real_screenshot_holds_image_data_only(name):
    assert png_problem((ROOT / "docs" / name).read_bytes()) is None


# -- 6. the files checked are the files published -------------------------------------------

@pytest.mark.parametrize("relative", ["mutants/notes.md", ".hypothesis/notes.md", ".venv/notes.md", "build/notes.md",
                                      ".pytest_cache/notes.md", "docs/.git/notes.md", "validator/__pycache__/notes.md"])
def test_outside_git_every_file_is_checked_whatever_its_folder(package, relative):
    """An unzipped copy publishes every file it holds: no folder is skipped by its name."""
    write(package, relative, f"Born {BIRTH}.\n")
    assert_findings(package.validate(), ("descriptor", "files_declared", shown_path(relative), None, None),
                    ("privacy", "no_full_dates", shown_path(relative), 1, None))


CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# a cache, as bford.info/cachedir says\n"


@pytest.mark.parametrize("folder, marker, content, skipped", [
    (".venv", "pyvenv.cfg", "home = /usr/bin\n", True),
    (".ruff_cache", "CACHEDIR.TAG", CACHEDIR_TAG, True),
    (".ruff_cache", "CACHEDIR.TAG", "no signature\n", False),
    ("stuff", "pyvenv.cfg", "home = /usr/bin\n", False),            # an environment by another name
    ("data/.venv", "pyvenv.cfg", "home = /usr/bin\n", False),       # or not at the top
    ("docs/cache", "CACHEDIR.TAG", CACHEDIR_TAG, False),
])
def test_outside_git_only_a_top_folder_that_says_it_is_no_content_is_skipped(package, folder, marker, content, skipped):
    """The virtual environment the Quick start makes in an unzipped release (`.venv`) and a
    cache at the top tagged by the Cache Directory Tagging Specification are no content; a
    tag without its signature, an environment by another name, or one further down, is read."""
    write(package, f"{folder}/{marker}", content)
    write(package, f"{folder}/lib/notes.md", f"Born {BIRTH}.\n")
    found = {(f.check, f.resource) for f in package.validate().findings}
    assert (("no_full_dates", shown_path(f"{folder}/lib/notes.md")) not in found) is skipped, found


@pytest.mark.parametrize("path, read", [
    ("validator/__pycache__/rows.cpython-311.pyc", False),       # beside its documented module
    ("__pycache__/validate.cpython-311.pyc", False),
    ("validator/__pycache__/notes.cpython-311.pyc", True),       # no module notes.py beside it
    ("data/__pycache__/figures.cpython-311.pyc", True),
    ("validator/rows.pyc", True),                                # not where Python puts it
])
def test_outside_git_only_compiled_python_beside_its_module_is_not_read(package, path, read):
    for module in ("validator/rows.py", "validate.py"):
        write(package, module, "ROWS = 1\n")
    write(package, path, f"Born {BIRTH}.\n")
    found = {(f.check, f.resource) for f in package.validate().findings}
    assert (("no_full_dates", shown_path(path)) in found) is read, found


def git(package, *arguments: str, **environment) -> None:
    subprocess.run(["git", "-C", str(package.root), *arguments], check=True, capture_output=True,
                   env={**os.environ, **environment})


@pytest.mark.tools
def test_in_git_the_files_checked_are_the_files_published(package, tmp_path, monkeypatch):
    """Tracked files and untracked ones git would add, whatever their names; not what the
    repository's .gitignore or the user's global excludes keep out, unless it is tracked."""
    git(package, "init", "-q")
    write(package, ".gitignore", "/.venv/\n/build/\n")
    excludes = tmp_path / "excludes"
    excludes.write_text(".idea/\n", encoding="utf-8")
    config = tmp_path / "gitconfig"
    config.write_text(f"[core]\n\texcludesFile = {excludes}\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    for relative in (".venv/notes.md", "build/notes.md", ".idea/workspace.md", "docs/notes.md"):
        write(package, relative, f"Born {BIRTH}.\n")
    git(package, "add", "-f", "build/notes.md")  # tracked, though ignored: published
    assert_findings(package.validate(),
                    ("descriptor", "files_declared", shown_path("build/notes.md"), None, None),
                    ("privacy", "no_full_dates", shown_path("build/notes.md"), 1, None),
                    ("privacy", "no_full_dates", "docs/notes.md", 1, None))  # documented: untracked, not ignored


# -- 7. long texts, in parts ------------------------------------------------------------------

PIECES = ["the quick brown fox ", "jumps over ", "a lazy dog\n", BIRTH + " ", "born 1 March " "1970. ", ID + " ",
          EMAIL + " ", "jane [at] " "example [dot] com ", HAN_NAME + " ", "\u200b", "139" "1234" "5678 ",
          "1 2 3 4 5 6 7 8 9 ", "&#57;&#57;", "%39%39", base64.b64encode(ID.encode()).decode() + " ", "\u2026 ",
          "x" * 30 + " ", "\u0301" * 50, "\n\n", "(010) " "1234 5678 ", "\u2e9b\ue000 "]


def long_text(seed: int) -> str:
    """Prose with identifiers, dates, names and disguises everywhere, and the runs that no
    part may cut: an ID deep in a long run of digits, an e-mail address stretched by
    thousands of combining marks."""
    pick = random.Random(seed)
    text = "".join(pick.choice(PIECES) for _ in range(pick.randint(200, 400)))
    return (text + "1 " * pick.randint(500, 2000) + ID + " 2" * 50 + " and words " + "".join(
        pick.choice(PIECES) for _ in range(100)) + "jane" + "\u0301" * pick.randint(1000, 3000)
        + " [dot] doe [at] " "example [dot] com and words")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("detector", [identifiers_in, date_values_in, foreign_runs, invisible_characters])
def test_parts_find_what_the_whole_text_holds_once_each(seed, detector, monkeypatch):
    monkeypatch.setattr(texts, "CHUNK", 300)
    monkeypatch.setattr(texts, "CONTEXT", 200)
    text = long_text(seed)
    parts = list(in_parts(Text("docs/notes.md", None, None, text, "the file")))
    found = sorted((item[0], item[1] + part.offset) + tuple(item[2:])
                   for part in parts for item in detector(part.text) if part.reports(item[1]))
    assert len(parts) > 10 and found == sorted(detector(text))


@pytest.mark.parametrize("text", [
    "Notes.\n" + "Some words here, and more. " * 200,                       # one long line after a short one
    "Notes.\nMore notes.\n" + "Some words here, and more. " * 120 + "\nAnd after. " * 30,
    ("Some words here, and more.\n" * 3 + "Some words here, and more. " * 40) * 4])
def test_each_part_places_its_characters_on_the_line_and_column_of_the_whole(text, monkeypatch):
    """A part that starts inside a line (its first line partial) counts columns from where that
    line starts in the whole text, not from the part's start."""
    monkeypatch.setattr(texts, "CHUNK", 300)
    monkeypatch.setattr(texts, "CONTEXT", 200)
    parts = list(in_parts(Text("docs/notes.md", None, None, text, "the file")))
    assert len(parts) > 3
    for part in parts:
        for at in range(*part.own):
            line_start = text.rfind("\n", 0, part.offset + at) + 1
            assert part.place(at)[0] == text.count("\n", 0, part.offset + at) + 1
            assert part.column(at) == part.offset + at - line_start


def wrapped_base64(plain: str) -> str:
    """`plain` in base64, over indented lines of up to 24 characters, with a short line of
    letters alone wherever the encoding allows one (a place a part could end at before)."""
    encoded, lines, at = base64.b64encode(plain.encode()).decode(), [], 0
    while at < len(encoded):
        short = encoded[at:at + 6]
        step = 6 if len(short) == 6 and short.isalpha() else 24
        lines.append("  " + encoded[at:at + step])
        at += step
    return "\n".join(lines)


@pytest.mark.parametrize("offset", range(0, 1200, 150))
def test_a_part_never_ends_inside_base64_wrapped_over_lines(offset, monkeypatch):
    monkeypatch.setattr(texts, "CHUNK", 300)
    monkeypatch.setattr(texts, "CONTEXT", 200)
    block = wrapped_base64("x" * offset + " " + ID + " " + "y" * (1200 - offset))
    text = "Some words here, and more. " * 40 + "\n" + block + "\nSome words here, and more. " * 40
    parts = list(in_parts(Text("docs/notes.md", None, None, text, "the file")))
    found = [kind for part in parts for kind, at in identifiers_in(part.text) if part.reports(at)]
    assert len(parts) > 3 and identifiers_in(text) and found == [kind for kind, _ in identifiers_in(text)]


def test_a_long_document_reports_lines_and_columns_of_the_whole(package, monkeypatch):
    monkeypatch.setattr(texts, "CHUNK", 1000)
    monkeypatch.setattr(texts, "CONTEXT", 200)
    lines = [f"Line {n} of the notes, and nothing in it to report." for n in range(1, 2001)]
    for n in range(40, 2000, 97):  # an identifier at every position of a part's stretch, in turn
        lines[n - 1] = lines[n - 1][:n % 40] + f" ref {ID} ref " + lines[n - 1][n % 40:]
    write(package, "docs/notes.md", "\n".join(lines) + "\n")
    report = package.validate()
    expected = [("privacy", "no_resident_id_numbers", "docs/notes.md", n, None) for n in range(40, 2000, 97)]
    findings = assert_findings(report, *expected)
    for (_, _, _, n, _), finding in zip(expected, findings):
        assert f"at character {n % 40 + 5} " in finding.message, (n, finding.message)


def test_the_reach_back_ends_at_the_text_s_start_where_what_is_before_reads_as_nothing(monkeypatch):
    """Zero-width characters read as nothing: reaching back over them ends at the text's start
    (checked in a thread, so that a reach that never ends fails the test instead of hanging it)."""
    import threading
    monkeypatch.setattr(texts, "CONTEXT", 200)
    text, reached = "\u200b" * 500 + "x", []
    thread = threading.Thread(target=lambda: reached.append(texts._reach(text, 300, -1)), daemon=True)
    thread.start()
    thread.join(10)
    assert reached == [0]


def test_a_part_is_about_a_chunk_long_whatever_the_file(monkeypatch):
    text = "Some words, and more words on a line.\n" * 100_000  # 3.8 MB
    parts = list(in_parts(Text("docs/notes.md", None, None, text, "the file")))
    assert max(len(part.text) for part in parts) < texts.CHUNK + 3 * texts.CONTEXT
    assert parts[-1].first_line + parts[-1].text.count("\n") == 100_001
    assert sum(part.own[1] - part.own[0] for part in parts) == len(text)


def test_a_long_file_is_scanned_in_bounded_memory(package, monkeypatch):
    """Notes that every reading must decode (entities, percent-encoding, an ellipsis on each
    line) cost the identifier and date checks the memory of a part, not of the file: read
    whole, these 32 K characters take some 7.7 MiB (with the rest of the package), five times
    what parts of 4 K, with 1 K of context on either side, take."""
    monkeypatch.setattr(texts, "CHUNK", 2**12)
    monkeypatch.setattr(texts, "CONTEXT", 2**10)
    line = "See &amp; the %20 notes on 1,000 rows, 3.5 s, and more \u2026 done.\n"
    write(package, "docs/notes.md", line * (2**15 // len(line)))
    context = Context(load_package(package.descriptor), ARTICLE_SHA256, PERSONS)
    tracemalloc.start()
    try:
        found = scan(context).problems
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not any(found.values()) and peak < 4 * 2**20, peak


def test_a_text_no_part_can_end_in_is_one_part():
    digits = Text("docs/notes.md", None, None, "1 " * 200_000 + ID, "the file")
    [part] = in_parts(digits)
    assert part.own == (0, len(digits.text)) and [k for k, at in identifiers_in(part.text) if part.reports(at)] == [
        "an 18-character PRC resident ID number (inside a longer run of digits)"]


# -- an encoded identifier beside an ellipsis ---------------------------------------------------

@pytest.mark.parametrize("encoded", ["".join(f"&#{ord(c)};" for c in ID), "".join(f"%{ord(c):02X}" for c in ID),
                                     "".join(f"\\x{ord(c):02x}" for c in ID), base64.b64encode(ID.encode()).decode()])
@pytest.mark.parametrize("elsewhere", ["\u2026", "\u200b", "\ufb01"])
def test_an_encoded_identifier_is_found_whatever_else_the_text_holds(encoded, elsewhere):
    """An ellipsis, a zero-width space or a ligature elsewhere changes the text's length
    when it is normalised: the decoded readings were then skipped."""
    assert [kind for kind, _ in identifiers_in(f"ref {encoded} and so on{elsewhere}")] == [ID_KIND]


def test_an_encoded_date_is_found_beside_an_ellipsis():
    assert [(d.year, d.month, d.day) for d, _ in date_values_in("born &#49;&#57;&#55;&#48;" "-03-01\u2026")] \
        == [(1970, 3, 1)]


def test_each_character_keeps_its_position_through_normalisation():
    """The plain reading, built from the characters that change alone, is the one built
    character by character: where one becomes several or none, where each stays one, where
    none changes, in ASCII text or not."""
    from validator.privacy.normal import _TABLE, normalise, with_origin as _with_origin

    def one_by_one(text):
        outs = [char.translate(_TABLE) for char in text]
        return "".join(outs), [index for index, out in enumerate(outs) for _ in out]
    pick = random.Random(7)
    alphabets = ["ab1 -.\t\r\x0b\u2026\u200b\ufb01\u0301\uff11\u00bd\u2460]^\\[\udcc0\u3000\ufdfa\u00a0",
                 "ab1 -.\t\r\x0c\uff11\u2460]^\\[\u3000\u00a0\u00e9", "ab1 -.\u00e9\u201c\u5f20", "ab1 -.\t\r\n"]
    for _ in range(4000):
        alphabet = pick.choice(alphabets)
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(1, 30)))
        normal, origin = _with_origin(text)
        assert (normal, list(origin)) == one_by_one(text), repr(text)
        assert normalise(text) == normal, repr(text)


def test_a_blob_left_undecoded_keeps_its_positions():
    blob = base64.b64encode(ID.encode()).decode()
    text = f"{blob} and abcdefghijklmnopqrstuvwxyz3 {ID}"
    assert [at for _, at in identifiers_in(text)] == [0, text.index("z3 ") + 1]


# -- 8. the step summary is written only to a regular file ------------------------------------

def summarise_to(target, package):
    env = dict(os.environ, GITHUB_STEP_SUMMARY=str(target))
    return subprocess.run([sys.executable, str(ROOT / "validate.py"), str(package.descriptor), "--format", "github"],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize("kind", ["a FIFO", "a directory", "a device"])
def test_a_step_summary_that_is_not_a_regular_file_is_a_warning(package, tmp_path, kind):
    target = {"a directory": tmp_path, "a device": "/dev/null"}.get(kind, tmp_path / "fifo")
    if kind == "a FIFO":
        os.mkfifo(target)  # no reader: opening it to write would wait for ever
    result = summarise_to(target, package)
    assert result.returncode == 0 and result.stdout.startswith("valid: ")
    assert result.stderr == (f"validate.py: cannot write $GITHUB_STEP_SUMMARY (it is {kind}); expected a "
                             "regular file, the summary is not written\n")


def test_a_step_summary_on_standard_output_is_not_written_into_the_findings(package):
    result = summarise_to("/dev/stdout", package)  # a pipe here
    assert result.stdout.startswith("valid: ") and "### validate.py" not in result.stdout
    assert "cannot write $GITHUB_STEP_SUMMARY (it is a FIFO)" in result.stderr


def test_a_missing_step_summary_is_created(package, tmp_path):
    result = summarise_to(tmp_path / "summary.md", package)
    assert result.returncode == 0 and result.stderr == ""
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("### validate.py\n")



def test_what_a_symbolic_link_names_is_read(package):
    """git publishes a link's target as its content: a target through a folder that does not
    exist still resolves inside the package, and its words are read like any other text."""
    (package.root / "docs").mkdir(exist_ok=True)
    (package.root / "docs" / "figures.csv").symlink_to(f"Born {BIRTH}/../../data/figures.csv")
    found = {(f.check, f.resource, f.message.split(" holds")[0]) for f in package.validate().findings}
    assert ("no_full_dates", shown_path("docs/figures.csv"), "the link's target") in found, found
