"""What the validator pins for this package: the article snapshot every span counts on, and
the reviewed list of the people the article names. Changing either is a reviewed change.

`validate_package` takes both as parameters, with these as defaults, so that code checking
another article (the benchmarks' synthetic packages) passes its own pins instead.
"""
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
