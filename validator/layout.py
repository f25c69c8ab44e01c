"""Which files may sit in the package's directory besides the descriptor, its resources and
their schemas: the repository files the README documents ("Repository layout"), and what
is never part of the package (version control, environments, caches; `.gitignore` lists
the same). Any other file is refused: nothing travels unchecked.

>>> documented("validator/rows.py"), documented("validator/x/rows.py"), documented("notes.txt")
(True, False, False)
"""
from __future__ import annotations

from fnmatch import fnmatchcase

# Patterns match a whole relative path, part by part ("*" never crosses a "/").
REPOSITORY_FILES = (
    "README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "LICENSE-DATA.md", "BENCHMARKS.md",
    "validate.py", "requirements.txt", "requirements-dev.txt", "requirements-mutation.txt",
    "pyproject.toml",
    "action.yml", ".pre-commit-hooks.yaml", ".gitattributes", ".gitignore",
    ".ci/run", ".github/workflows/*.yml",
    "validator/*.py", "viewer/*.py", "viewer/*.css", "viewer/*.js",
    "release/*.py", "release/*.jsonld",
    "scripts/*.py", "tests/*.py", "benchmarks/*.py",
    "docs/*.md", "docs/index.html", "docs/screenshot.png", "docs/screenshot-phone.png",
)
# Never part of the package, and skipped no more than git skips them (`.gitignore` anchors
# them with a leading "/"): these directories at the top only (version control where git
# keeps it, the environment, caches, mutation testing, the build), and compiled Python
# anywhere. A `docs/.git/` or `docs/mutants/` is not skipped: a copy would carry it.
IGNORED_TOP = frozenset({".git", ".venv", ".pytest_cache", ".hypothesis", "mutants", "build"})
IGNORED_SUFFIXES = (".pyc",)
# The only binary files a repository may hold; the privacy layer reads their metadata chunks.
BINARY_FILES = ("docs/screenshot.png", "docs/screenshot-phone.png")


def documented(path: str) -> bool:
    parts = path.split("/")
    return any(_matches(parts, pattern.split("/")) for pattern in REPOSITORY_FILES)


def _matches(parts: list[str], pattern: list[str]) -> bool:
    return len(parts) == len(pattern) and all(fnmatchcase(p, q) for p, q in zip(parts, pattern))
