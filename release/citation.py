"""Citations generated from CITATION.cff: APA text, BibTeX, RIS and CSL-JSON.

CITATION.cff is the one source (GitHub's "Cite this repository" and Zenodo read it too);
every form here is derived from it, and the README's "How to cite" block is written by
`readme_block`. Unlike cffconvert's, the BibTeX entry braces a corporate author so that it
is not parsed as a person, protects acronyms, has a readable key and the version, and the
RIS type is DATA.

    >>> cff = {"title": "Quotes of an article on the CCP", "version": "1.2.0",
    ...        "date-released": datetime.date(2030, 1, 2), "authors": [{"name": "Example maintainers"}]}
    >>> apa_text(cff)
    'Example maintainers (2030). Quotes of an article on the CCP (Version 1.2.0) [Data set].'
    >>> bibtex_key(cff, "example-set")
    'example_set_1_2_0'
"""
from __future__ import annotations

import datetime
import json
import re

DOI_RESOLVER = "https://doi.org/"
ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]+)\b")
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}"}
README_START = ("<!-- citation: generated from CITATION.cff by "
                "`python scripts/build_release.py --readme`; edit CITATION.cff, not this block -->")
README_END = "<!-- /citation -->"


# -- the parts every form shares -------------------------------------------------------------
def released(cff: dict) -> datetime.date:
    value = cff["date-released"]
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def author_names(cff: dict) -> list[str]:
    """Each author as cited: an entity by its name, a person as "Family, Given"."""
    return [a["name"] if "name" in a else f"{a['family-names']}, {a.get('given-names', '')}".strip(", ")
            for a in cff["authors"]]


def source_note(cff: dict) -> str:
    """The sentence naming the work the data set is derived from, and what its text leaves unstated.

    >>> source_note({"references": [{"type": "generic", "title": "A headline",
    ...                              "authors": [{"name": "Unknown"}]}]})
    'Derived from the news article “A headline” (publisher, author and date not stated in its text).'
    """
    sources = [r for r in cff.get("references", []) if r.get("title")]  # the article: its one reference
    if not sources:
        return ""
    source = sources[0]
    unknown = [part for part, known in (("publisher", source.get("publisher")),
                                        ("author", _named_authors(source)),
                                        ("date", source.get("date-published"))) if not known]
    sentence = f"Derived from the news article “{source['title']}”"
    if unknown:
        sentence += f" ({_and_list(unknown)} not stated in its text)"
    return sentence + "."


def doi(cff: dict) -> str | None:
    return cff.get("doi")


# -- APA -------------------------------------------------------------------------------------
def apa_text(cff: dict, italic=lambda title: title) -> str:
    """The APA-style reference as plain text (pass `italic` to mark up the title)."""
    parts = [f"{_and_list(author_names(cff), apa=True)} ({released(cff).year}).",
             f"{italic(cff['title'])} (Version {cff['version']}) [Data set]."]
    if source_note(cff):
        parts.append(source_note(cff))
    if doi(cff):
        parts.append(DOI_RESOLVER + doi(cff))
    return " ".join(parts)


def apa_markdown(cff: dict) -> str:
    return apa_text(cff, italic=lambda title: f"*{title}*")


# -- BibTeX ----------------------------------------------------------------------------------
def bibtex_key(cff: dict, name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", f"{name} {cff['version']}".lower()).strip("_")


def bibtex(cff: dict, name: str) -> str:
    """One @misc entry: braced corporate authors, protected acronyms, version, a data-set note."""
    fields = [("author", " and ".join(_bibtex_author(a) for a in cff["authors"])),
              ("title", _protect(cff["title"])),
              ("year", str(released(cff).year)),
              ("version", cff["version"]),
              ("note", _bibtex_note(cff))]
    if doi(cff):
        fields.append(("doi", doi(cff)))
    width = max(len(field) for field, _ in fields)
    lines = [f"  {field.ljust(width)} = {{{value}}}," for field, value in fields]
    return "@misc{" + bibtex_key(cff, name) + ",\n" + "\n".join(lines) + "\n}\n"


def _bibtex_author(author: dict) -> str:
    if "name" in author:
        return "{" + _latex(author["name"]) + "}"
    return _latex(f"{author['family-names']}, {author.get('given-names', '')}".strip(", "))


def _bibtex_note(cff: dict) -> str:
    note = f"Data set, version {cff['version']}"
    if source_note(cff):
        note += ". " + source_note(cff).rstrip(".").replace("“", "``").replace("”", "''")
    return _protect(note)


def _protect(text: str) -> str:
    """LaTeX-escaped, with acronyms braced so that no style lowercases them: {CCP}."""
    return ACRONYM.sub(r"{\1}", _latex(text))


def _latex(text: str) -> str:
    return "".join(LATEX_SPECIALS.get(character, character) for character in text)


# -- RIS -------------------------------------------------------------------------------------
def ris(cff: dict) -> str:
    """One RIS record of type DATA, version in ET; CRLF line ends as the format specifies."""
    date = released(cff)
    lines = [("TY", "DATA")]
    lines += [("AU", name) for name in author_names(cff)]
    lines += [("TI", cff["title"]), ("PY", str(date.year)),
              ("DA", f"{date.year:04d}/{date.month:02d}/{date.day:02d}/"),
              ("ET", cff["version"]), ("N1", _plain_note(cff))]
    if cff.get("abstract"):
        lines.append(("AB", cff["abstract"].strip()))
    lines += [("KW", keyword) for keyword in cff.get("keywords", [])]
    if doi(cff):
        lines.append(("DO", doi(cff)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


# -- CSL-JSON --------------------------------------------------------------------------------
def csl_item(cff: dict, name: str) -> dict:
    date = released(cff)
    item = {"id": bibtex_key(cff, name), "type": "dataset", "title": cff["title"],
            "author": [{"literal": a["name"]} if "name" in a
                       else {"family": a["family-names"], "given": a.get("given-names", "")}
                       for a in cff["authors"]],
            "issued": {"date-parts": [[date.year, date.month, date.day]]},
            "version": cff["version"], "note": _plain_note(cff)}
    if cff.get("abstract"):
        item["abstract"] = cff["abstract"].strip()
    if cff.get("keywords"):
        item["keyword"] = ", ".join(cff["keywords"])
    if cff.get("license"):
        item["license"] = cff["license"]
    if doi(cff):
        item["DOI"] = doi(cff)
    return item


def csl_json(cff: dict, name: str) -> str:
    return json.dumps([csl_item(cff, name)], indent=2, ensure_ascii=False) + "\n"


def _plain_note(cff: dict) -> str:
    return " ".join(filter(None, [f"Data set, version {cff['version']}.", source_note(cff)]))


# -- the README's "How to cite" block --------------------------------------------------------
def readme_block(cff: dict, name: str) -> str:
    """The generated part of the README's "How to cite": APA as a quote, then BibTeX."""
    return "\n".join([README_START, "", "> " + apa_markdown(cff), "",
                      "```bibtex", bibtex(cff, name).rstrip(), "```", "", README_END])


def with_readme_block(readme: str, block: str) -> str:
    """`readme` with the text between the citation markers replaced by `block`."""
    start, end = readme.index(README_START), readme.index(README_END) + len(README_END)
    return readme[:start] + block + readme[end:]


# -- one DOI everywhere ----------------------------------------------------------------------
DOI_IN_TEXT = re.compile(r"\b10\.\d{4,9}/[^\s)\]>\"'`<]+")


def doi_disagreements(cff: dict, descriptor: dict, readme: str) -> list[str]:
    """Where the DOI differs between CITATION.cff, datapackage.json's `id` and the README.

    No DOI anywhere is agreement; once CITATION.cff has one, the descriptor's `id` must be it
    as a https://doi.org/ IRI and every DOI the README prints must be it.
    """
    cited = doi(cff)
    package_id = descriptor.get("id", "")
    in_descriptor = package_id[len(DOI_RESOLVER):] if package_id.startswith(DOI_RESOLVER) else None
    in_readme = {match.rstrip(".,;:") for match in DOI_IN_TEXT.findall(readme)}
    if not (cited or in_descriptor or in_readme):
        return []
    problems = []
    if not cited:
        problems.append("CITATION.cff has no doi, but the descriptor or the README has one")
    if in_descriptor != cited:
        problems.append(f"datapackage.json id is {package_id!r}, expected {DOI_RESOLVER}{cited}")
    if in_readme != ({cited} if cited else set()):
        problems.append(f"the README prints DOIs {sorted(in_readme)}, expected only {cited}")
    return problems


def _named_authors(reference: dict) -> list[dict]:
    return [a for a in reference.get("authors", [])
            if not str(a.get("name", a.get("family-names", ""))).startswith("Unknown")]


def _and_list(items: list[str], apa: bool = False) -> str:
    if len(items) <= 1:
        return "".join(items)
    if apa:
        return ", ".join(items[:-1]) + ", & " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]
