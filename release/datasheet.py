"""Read answers out of docs/datasheet.md, so that metadata quoting it cannot drift from it.

    >>> page = "## Uses\\n\\n- **Intended:** checking what the\\n  article says.\\n- **Other:** x\\n"
    >>> answer(page, "Intended:")
    'checking what the article says.'
    >>> labelled(page, "Intended:")
    'Intended: checking what the article says.'
    >>> section_bullets(page, "Uses")
    ['Intended: checking what the article says.', 'Other: x']
"""
from __future__ import annotations

import re


class MissingInDatasheet(KeyError):
    """The datasheet no longer has a question or section that the metadata quotes."""


def answer(page: str, question: str) -> str:
    """The text after the bold `question` in its bullet, unwrapped, without Markdown marks."""
    match = re.search(r"^- \*\*" + re.escape(question) + r"\*\*(.*?)(?=^- |^#|\n\n|\Z)",
                      page, re.MULTILINE | re.DOTALL)
    if not match:
        raise MissingInDatasheet(question)
    return plain(match.group(1))


def labelled(page: str, question: str) -> str:
    """The answer with its question or label before it, so that a text quoted out of the
    datasheet still says what it answers ("Not intended, and misuse: ...")."""
    return f"{question} {answer(page, question)}"


def section(page: str, heading: str) -> str:
    match = re.search(r"^## " + re.escape(heading) + r"\n(.*?)(?=^## |\Z)", page,
                      re.MULTILINE | re.DOTALL)
    if not match:
        raise MissingInDatasheet(heading)
    return match.group(1)


def section_paragraphs(page: str, heading: str) -> list[str]:
    """The section's blocks (paragraphs, and each list as one block), as plain text."""
    return [plain(block) for block in re.split(r"\n\s*\n", section(page, heading).strip())]


def section_bullets(page: str, heading: str) -> list[str]:
    """Each top-level bullet of the section, as plain text."""
    bullets = re.split(r"^- ", section(page, heading), flags=re.MULTILINE)[1:]
    return [plain(bullet) for bullet in bullets]


def plain(markdown: str) -> str:
    """Markdown to one line of text: unwrapped, without comments, emphasis marks or code
    backticks."""
    text = re.sub(r"<!--.*?-->\n?", "", markdown, flags=re.DOTALL)  # a generated block's markers
    text = re.sub(r"\*\*|`", "", text)
    text = re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"\1", text)
    text = re.sub(r"^\s*- ", "", text, flags=re.MULTILINE)
    return " ".join(text.split())
