"""Safe reading of the package's files: paths, symlinks, pipes, sizes, encodings and JSON.

Nothing here follows a path out of the package directory, opens anything but a regular
file, reads more than `MAX_FILE_BYTES` of one file, or touches the network. Each function
returns what it read and, where it could not, why (a sentence for a finding), never raising.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .disclosure import shown, shown_field

# No file of the package may be larger (docs/validating.md, "The seven layers"): ten times this package's largest
# file, and more than twice the largest table of 100 000 rows (benchmarks/synthetic.py). A larger
# file is refused by its size, unread, so its size costs no time and no memory.
MAX_FILE_BYTES = 8 * 2**20
MAX_JSON_DEPTH = 16          # the descriptor nests 5 levels deep, a schema 5


@dataclass(frozen=True)
class FileFacts:
    """What the checks need to know of a file's bytes, so the bytes need not be kept."""
    size: int
    sha256: str            # "sha256:<64 hex digits>", as the descriptor declares it
    bom: bool
    first_nul: int | None  # byte offset of the first NUL byte
    crlf: int              # line endings that are CRLF
    lone_cr: int           # line endings that are a CR alone

    @classmethod
    def of(cls, content: bytes) -> FileFacts:
        nul = content.find(b"\x00")
        crlf = content.count(b"\r\n")
        return cls(len(content), sha256_of(content), content.startswith(b"\xef\xbb\xbf"),
                   None if nul < 0 else nul, crlf, content.count(b"\r") - crlf)


def sha256_of(content: bytes) -> str:
    return "sha256:" + hashlib.sha256(content).hexdigest()


def resolve_inside(root: Path, path: str) -> tuple[Path | None, str | None]:
    """The file `path` names, relative to `root`, or why it is refused: it would lead outside
    the package or is not a plain relative path."""
    if "\x00" in path:
        return None, "the path contains a NUL character"
    if "://" in path or path.startswith(("data:", "//")):
        return None, "a URL; every file must be inside the package"
    pure = PurePosixPath(path)
    if pure.is_absolute() or path.startswith("\\") or (len(path) > 1 and path[1] == ":"):
        return None, "an absolute path; expected a path relative to datapackage.json"
    if ".." in pure.parts or "\\" in path:
        return None, "the path contains '..' or a backslash; expected a plain relative path"
    try:
        resolved = Path(os.path.realpath(os.path.join(root, path)))
    except (OSError, RuntimeError, ValueError):
        return None, "the path cannot be resolved (a symlink loop?)"
    if not resolved.is_relative_to(root):
        return None, "a symlink leading outside the package directory"
    return resolved, None


def read_regular_file(file: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, str | None]:
    """The bytes of `file`, or why they cannot be read. Only regular files are opened, so a
    pipe or a device can never make the validator wait or read forever."""
    try:
        status = file.stat()
    except FileNotFoundError:
        return None, "not found"
    except (OSError, RuntimeError, ValueError) as error:
        return None, f"cannot read: {getattr(error, 'strerror', None) or error}"
    if stat.S_ISDIR(status.st_mode):
        return None, "is a directory; expected a file"
    if not stat.S_ISREG(status.st_mode):
        return None, "is not a regular file (a pipe, socket or device); expected a file"
    if status.st_size > limit:
        return None, f"is {status.st_size} bytes; no file of the package may exceed {limit} bytes"
    try:
        with open(file, "rb") as handle:
            content = handle.read(limit + 1)
    except OSError as error:
        return None, f"cannot read: {error.strerror}"
    if len(content) > limit:  # it grew while being read
        return None, f"is over {limit} bytes; no file of the package may exceed {limit} bytes"
    return content, None


def decode_utf8(content: bytes) -> tuple[str | None, str | None]:
    """`content` as text (a leading BOM dropped: the hygiene layer reports it), or why not."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, f"not valid UTF-8 at byte {error.start}: {error.reason}"


# ---- strict JSON --------------------------------------------------------------------------

class _NotStrict(ValueError):
    pass


def _no_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        twice = next(key for key in keys if keys.count(key) > 1)
        raise _NotStrict(f"the key {shown(twice)} appears twice in one object; expected each key once")
    return dict(pairs)


def _no_constants(name):
    raise _NotStrict(f"{name} is not a JSON number; expected a finite number")


def load_json(content: bytes) -> tuple[object, str | None]:
    """Strict JSON: UTF-8 without BOM, no duplicate keys, no NaN or Infinity, no lone
    surrogates, at most MAX_JSON_DEPTH levels of nesting. Returns (value, None) or
    (None, why)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return None, "starts with a byte order mark; expected UTF-8 JSON without BOM"
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte {error.start}); expected a UTF-8 JSON document"
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except _NotStrict as error:
        return None, f"not strict JSON: {error}"
    except json.JSONDecodeError as error:
        return None, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except RecursionError:
        return None, f"nested too deeply to read; expected at most {MAX_JSON_DEPTH} levels"
    except ValueError as error:  # an integer of more digits than Python converts
        return None, f"not strict JSON: {error}"
    # No lone surrogate but from a \u escape (UTF-8 decodes to none): a document without one is
    # not walked for it.
    depth, where = _deepest(value)
    if depth > MAX_JSON_DEPTH:
        return None, (f"nested {depth} levels deep (at {_cut(shown_field(where), 80)}); expected at most "
                      f"{MAX_JSON_DEPTH} levels")
    surrogate = _lone_surrogate_at(value) if "\\u" in text else None
    if surrogate is not None:
        return None, f"not strict JSON: a lone surrogate (an unpaired \\ud800-\\udfff escape) at {shown_field(surrogate)}"
    return value, None


def walk_json(value, containers_only: bool = False):
    """(value, depth, link) for every value of a JSON document (with `containers_only`, every
    object and array), in document order; `link` (the parent's link and the key) becomes a
    path by `path_of`, only where one is needed (a document of 400 000 values is walked in
    linear time). Iterative, so any depth is safe."""
    kept = (dict, list) if containers_only else object
    stack = [(value, 1, None)] if isinstance(value, kept) else []
    while stack:
        item, depth, link = stack.pop()
        yield item, depth, link
        if isinstance(item, dict):
            stack += [(child, depth + 1, (link, key)) for key, child in reversed(item.items())
                      if isinstance(child, kept)]
        elif isinstance(item, list):
            stack += [(item[index], depth + 1, (link, index)) for index in range(len(item) - 1, -1, -1)
                      if isinstance(item[index], kept)]


def path_of(link) -> str:
    """The path (`resources[2].dialect.delimiter`) of a link `walk_json` gave."""
    keys = []
    while link is not None:
        link, key = link
        keys.append(key)
    path = ""
    for key in reversed(keys):
        path = json_path(path, key)
    return path


def _deepest(value) -> tuple[int, str]:
    """(levels of nesting, the path to the first deepest point)."""
    deepest, where = 0, None
    for _, depth, link in walk_json(value, containers_only=True):
        if depth > deepest:
            deepest, where = depth, link
    return deepest, path_of(where) or "(top level)"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _lone_surrogate_at(value) -> str | None:
    for item, _, link in walk_json(value):
        if isinstance(item, str) and not _encodable(item):
            return path_of(link) or "(top level)"
        if isinstance(item, dict) and not all(map(_encodable, item)):
            return json_path(path_of(link), "(a key)")
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def json_path(parent: str, key) -> str:
    """`resources[2].dialect.delimiter`: where a value sits in a JSON document."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def json_scalars(value) -> list[str]:
    """Every key and scalar of a JSON value, as text: what a library's message may quote."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found += [str(key) for key in item]
            stack += list(item.values())
        elif isinstance(item, list):
            stack += item
        elif item is not None:
            found.append(str(item))
    return found
