"""Which files may sit in the package's directory besides the descriptor, its resources and
their schemas: the repository files CONTRIBUTING.md documents ("Repository layout"). Any other
file that is published (`listing.published`) is refused: nothing travels unchecked.

>>> documented("validator/rows.py"), documented("validator/x/rows.py"), documented("notes.txt")
(True, False, False)
"""
from __future__ import annotations

import re

# Patterns match a whole relative path, part by part ("*" never crosses a "/").
REPOSITORY_FILES = (
    "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "LICENSE-DATA.md",
    "BENCHMARKS.md", "privacy-exceptions.csv",
    "validate.py", "requirements.txt", "requirements-dev.txt", "requirements-mutation.txt",
    "pyproject.toml",
    "action.yml", ".pre-commit-hooks.yaml", ".gitattributes", ".gitignore",
    ".ci/run", ".github/workflows/*.yml",
    "validator/*.py", "validator/privacy/*.py", "validator/privacy/detectors/*.py",
    "viewer/*.py", "viewer/*.css", "viewer/*.js",
    "release/*.py", "release/*.jsonld",
    "scripts/*.py", "tests/*.py", "benchmarks/*.py",
    "docs/*.md", "docs/index.html", "docs/screenshot.png", "docs/screenshot-phone.png",
)
# Python compiles a module it imports into `__pycache__/<module>.<tag>.pyc` beside it: outside
# git (an unzipped release, where the tests may have run), such a file beside a documented
# module is listed and its name scanned, never read (its source is). Any other .pyc is read. In
# git, what it ignores is never listed, and what it would publish is read whatever its name.
COMPILED = re.compile(r"(?:(?P<folder>.*)/)?__pycache__/(?P<module>[^/.]+)\.[^/]+\.pyc")


def compiled_from(path: str) -> str | None:
    """The documented module `path` would be Python's compiled copy of, or None."""
    match = COMPILED.fullmatch(path)
    if match is None:
        return None
    module = f"{match.group('folder')}/" if match.group("folder") else ""
    module += f"{match.group('module')}.py"
    return module if documented(module) else None


# The only binary files a repository may hold; the privacy layer reads their metadata chunks.
BINARY_FILES = ("docs/screenshot.png", "docs/screenshot-phone.png")


def documented(path: str) -> bool:
    return _DOCUMENTED.fullmatch(path) is not None


def documented_folder(path: str) -> bool:
    """Whether `path` is a folder that documented files are in (`docs`, `.github/workflows`)."""
    return _FOLDERS.fullmatch(path) is not None


def _as_pattern(pattern: str) -> str:
    """A pattern of `REPOSITORY_FILES` as a regular expression: "*" any run of characters
    but "/", "?" any one but "/", everything else itself (the patterns use no brackets)."""
    return "".join("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char) for char in pattern)


# Every pattern in one expression, which reads a path once (a package lists some 400 files);
# and the folders of each, its parts but the last, one, two... deep.
_DOCUMENTED = re.compile("|".join(_as_pattern(pattern) for pattern in REPOSITORY_FILES), re.DOTALL)
_FOLDERS = re.compile("|".join(_as_pattern("/".join(pattern.split("/")[:depth])) for pattern in REPOSITORY_FILES
                               for depth in range(1, pattern.count("/") + 1)), re.DOTALL)
