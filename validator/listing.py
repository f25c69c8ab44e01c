"""Which files the package publishes: in a git work tree, what git would commit (`published`);
elsewhere (an unzipped release), every file under the root (`walk`).
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .files import read_regular_file

def published(root: Path) -> tuple[list[tuple[str, Path]] | None, str | None]:
    """The files under `root` that git publishes: tracked ones, and untracked ones git does not
    ignore (the repository's .gitignore, .git/info/exclude and the user's global excludes),
    as (posix path relative to root, path), sorted; (None, None) where `root` is in no git work
    tree, or where git ignores the package itself; (None, why) where git cannot say."""
    listing, why = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if listing is None:
        return None, why
    paths = sorted({name for name in listing.split("\0") if name})
    found = [(name, root / name) for name in paths if os.path.lexists(root / name)]
    return (found, None) if found else (None, None)


def _git(root: Path, *arguments: str) -> tuple[str | None, str | None]:
    """What `git` prints for `arguments` in `root`, or (None, why not); (None, None) outside a
    work tree. No hook or file-system monitor runs, whoever owns the directory."""
    if not _in_a_work_tree(root):
        return None, None
    command = ["git", "-C", str(root), "-c", "core.fsmonitor=false", "-c", "safe.directory=*", *arguments]
    try:
        result = subprocess.run(command, capture_output=True, timeout=60)
    except FileNotFoundError:
        return None, "this is a git work tree, but git is not installed to list the files it publishes"
    except (OSError, subprocess.SubprocessError) as error:
        return None, f"git cannot list the files it publishes: {error}"
    if result.returncode != 0:
        why = result.stderr.decode("utf-8", "replace").strip()[:200]
        return None, f"git cannot list the files it publishes: {why}"
    return result.stdout.decode("utf-8", "surrogateescape"), None


def _in_a_work_tree(root: Path) -> bool:
    """Whether `root` or a folder above it holds a `.git` (a directory, or a worktree's file)."""
    return any((folder / ".git").exists() for folder in (root, *root.parents))


# A folder at the top that says it is no content: the virtual environment the Quick start
# makes (`.venv`, with its pyvenv.cfg), or a cache tagged as the Cache Directory Tagging
# Specification says (https://bford.info/cachedir/). Anywhere else, such a folder is read.
_CACHEDIR_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"


def walk(root: Path) -> list[tuple[str, Path]]:
    """Every entry under `root` that is not a directory, and every empty directory (whose
    name travels with a copy), as (posix path relative to root, path), sorted; a folder at the
    top that says it is no content (the `.venv` the Quick start makes, a tagged cache) is
    skipped, nothing else.
    Symlinked directories are listed, not entered."""
    found, unreadable = [], []
    for directory, subdirs, files in os.walk(root, onerror=unreadable.append):
        here = Path(directory)
        if here.parent == root and _no_content(here, files):
            subdirs[:] = []
            continue
        if not (here == root or subdirs or files):
            found.append((here.relative_to(root).as_posix() + "/", here))
        keep = []
        for name in sorted(subdirs):
            if (here / name).is_symlink():
                files.append(name)
            else:
                keep.append(name)
        subdirs[:] = keep
        for name in sorted(files):
            path = here / name
            found.append((path.relative_to(root).as_posix(), path))
    for error in unreadable:  # a directory that cannot be listed is reported, not skipped
        path = Path(error.filename)
        found.append((path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path), path))
    return sorted(found)


def _no_content(folder: Path, files: list[str]) -> bool:
    if folder.name == ".venv" and "pyvenv.cfg" in files:
        return True
    if "CACHEDIR.TAG" in files:
        content, _ = read_regular_file(folder / "CACHEDIR.TAG", limit=1024)
        return content is not None and content.startswith(_CACHEDIR_SIGNATURE)
    return False


def repository_files(root: Path) -> list[str]:
    """The repository's regular files (no link), as posix paths relative to `root`, sorted: what
    git would commit (`published`); outside git, every file under `root` but what .gitignore
    names (its folders at the top, `__pycache__` and compiled Python) and `.git`."""
    listed, _ = published(root)
    if listed is None:
        ignored = {".git", *_ignored_at_the_top(root)}
        listed = [(name, path) for name, path in walk(root) if name.split("/", 1)[0] not in ignored
                  and "__pycache__" not in name.split("/") and not name.endswith(".pyc")]
    return [name for name, path in listed if path.is_file() and not path.is_symlink()]


def _ignored_at_the_top(root: Path) -> set[str]:
    """The names .gitignore anchors at the top (`/name` or `/name/`)."""
    content, _ = read_regular_file(root / ".gitignore")
    text = content.decode("utf-8", "replace") if content is not None else ""
    return {line.strip().strip("/") for line in text.splitlines()
            if line.startswith("/") and "/" not in line.strip().strip("/")}
