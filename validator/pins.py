"""What the validator pins for this package: the article snapshot every span counts on, and
the reviewed list of the people the article names. Changing either is a reviewed change.

`validate_package` takes both as parameters, with these as defaults, so that code checking
another article (the benchmarks' synthetic packages) passes its own pins instead.
`name_forms` gives every way a pinned person may be named, so that no other row takes it.
"""
import unicodedata

# The snapshot's SHA-256, as its README documents it: any other text is refused.
ARTICLE_SHA256 = "d2b5d22d83a300b7e9f97266a25813d8b9aa48ef3b1975f072a6c8e21f263ec5"

# Every person row, by id, with the name as the article prints it. A row typed `person` that
# is not here, or a person here retyped as something else, is refused (privacy layer).
PERSONS = {
    "luke_de_pulford": "Luke de Pulford",
    "xi_jinping": "Xi Jinping",
    "sharri_markson": "Sharri Markson",
    "yasuhiro_matsuda": "Yasuhiro Matsuda",
    "marco_rubio": "Marco Rubio",
    "mark_warner": "Mark Warner",
}


def name_forms(persons: dict[str, str]) -> dict[str, set[str]]:
    """Each way of naming a reviewed person, folded (`folded`), with the ids it names: the full
    name, each ending of it (“de Pulford”, “Pulford”) and each capitalised word (“Xi”)."""
    found: dict[str, set[str]] = {}
    for person, name in persons.items():
        words = name.split()
        for form in [" ".join(words[i:]) for i in range(len(words))] + [w for w in words if w[:1].isupper()]:
            found.setdefault(folded(form), set()).add(person)
    return found


def folded(name: str) -> str:
    """A name compared in any case and spacing: “luke de  Pulford” is “Luke de Pulford”."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()
