"""E-mail addresses, however they are written: with an at sign (also full-width, or as a
reference or escape a reader sees as one), with the at sign and the dots in brackets
("[at]", "(dot)", " -at- "), with spaces around the at sign or the dots (a known top-level
domain after them), with "at" as a word
between a name that holds a dot, a digit or an underscore and a domain, or written out in
words (a name, "at", a domain with "dot" for each of its dots, and a top-level domain that is
no English word: `WRITTEN_OUT_DOMAINS`).

>>> [f.value.split("@") for f in find("write to li.ming" "@example.org, or li " "at example dot org")]
[['li.ming', 'example.org'], ['li', 'example.org']]
>>> find("at least 300 companies; look at the dot on the map")
[]
"""
from __future__ import annotations

import re

from ..windows import windows
from .found import Found

CHECK = "no_email_addresses"
FINDS = ("e-mail addresses, also with the at sign or the dots in brackets or dashes ([at], (dot), -at-), "
         "spaced out, or written out in words (at, dot)")
READS = "normal"
EXPECTED = " (value withheld); personal data of any kind is not allowed"
# The pre-filter: "@|(?<![\w])at\s+[\w-]{1,63}(?:\s+dot\s|\.[\w-])", ignoring case, written to
# start with the character every match starts with, which the engine finds fast.
MAY_HOLD = re.compile(r"[@Aa](?:(?<=@)|(?<![\w].)[Tt]\s+[\w-]{1,63}(?:\s+[Dd][Oo][Tt]\s|\.[\w-]))")

# Top-level domains read after a written-out "dot": the generic ones and the country codes of
# the region the leak concerns and of large mail providers, none an English word ("in", "it").
WRITTEN_OUT_DOMAINS = ("com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "app", "dev",
                       "cn", "hk", "tw", "mo", "sg", "uk", "de", "jp", "kr", "fr", "ru", "au", "ca", "nz")
# A character of an address's name (before its @, or its "at"), and where a name starts (after none).
_NAME_CHAR = r"[\w.%+-]"
_NAME_START = r"(?<!" + _NAME_CHAR + ")"
_ADDRESS = re.compile(_NAME_START + _NAME_CHAR + r"{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[^\W\d_]{2,24}(?![\w])")
# With a space on either side of a dot or both ("example . org"), read as one where the
# address ends in a top-level domain of `WRITTEN_OUT_DOMAINS` (a sentence ends in a word).
_SPACED = re.compile(_NAME_START + r"[\w%+-]{1,64}(?: ?\. ?[\w%+-]{1,64}){0,8}@[\w-]{1,63}"
                     rf"(?: ?\. ?[\w-]{{1,63}}){{0,8}} ?\. ?(?:{'|'.join(WRITTEN_OUT_DOMAINS)})(?![\w])", re.IGNORECASE)
# "at" as a word between a name and a domain with its dots: the name holds a letter and a dot,
# a digit or an underscore (a first and a last name with a dot between them; not "look at").
_AT_WORD = re.compile(_NAME_START + rf"((?={_NAME_CHAR}*[^\W\d_])(?={_NAME_CHAR}*[._0-9]){_NAME_CHAR}{{1,64}})\s+at\s+"
                      r"([\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[^\W\d_]{2,24})(?![\w])", re.IGNORECASE)
# A name before "at" that is a file's name or a version, not a person's (README.md, v1.2).
_NO_NAME = re.compile(r"[\w.-]*\.(?:md|txt|py|js|css|html?|json|csv|ya?ml|toml|cfg|ini|png|jpe?g|zip|pdf|sh)"
                      r"|v?[0-9]+(?:\.[0-9]+)+[\w.-]*", re.IGNORECASE)
_IN_WORDS = re.compile(_NAME_START + "(" + _NAME_CHAR + r"{1,64})\s+at\s+([\w-]{1,63}(?:\s+dot\s+[\w-]{1,63}){0,8})"
                       rf"\s+dot\s+({'|'.join(WRITTEN_OUT_DOMAINS)})(?![\w])", re.IGNORECASE)
_DOT = re.compile(r"\s+dot\s+", re.IGNORECASE)
_NAME_END = re.compile(_NAME_CHAR)


def _may_start(text: str, hit: re.Match) -> bool:
    """Whether an address may hold the pre-filter's hit: "at" and "dot" as words may be one's;
    an @ only after a character a name can end in (every pattern's name ends right before it:
    an @ after a line break or a quotation mark, `@context`, starts none)."""
    return hit.group() != "@" or hit.start() > 0 and _NAME_END.match(text, hit.start() - 1) is not None


# Longer than any address the patterns read (64 characters, @ or " at ", nine labels of 63).
_LONGEST = 700


def find(text: str, numeric: bool = False) -> list[Found]:
    """Every address in one reading, looked for only around what every address holds (an @,
    or "at" and "dot" as words: `MAY_HOLD`)."""
    if numeric:
        return []
    found = []
    for start, end in windows([m.span() for m in MAY_HOLD.finditer(text) if _may_start(text, m)], len(text), _LONGEST):
        found += [Found(m.start(), m.end(), m.group().replace(" ", "").lower(), "what looks like an e-mail address")
                  for pattern in (_ADDRESS, _SPACED) for m in pattern.finditer(text, start, end)]
        found += [Found(m.start(), m.end(), f"{m.group(1)}@{m.group(2)}".lower(), "what looks like an e-mail address")
                  for m in _AT_WORD.finditer(text, start, end) if not _NO_NAME.fullmatch(m.group(1))]
        for m in _IN_WORDS.finditer(text, start, end):
            address = f"{m.group(1)}@{_DOT.sub('.', m.group(2))}.{m.group(3)}".lower()
            found.append(Found(m.start(), m.end(), address, "what looks like an e-mail address"))
    return list({(f.start, f.end): f for f in found}.values())  # one find per place
