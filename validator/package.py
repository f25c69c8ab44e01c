"""Layer 1, descriptor and files: read datapackage.json and every file it declares, safely.

Produces the `LoadedPackage` the later layers work on. Nothing here follows a path out of
the package directory, or reads anything but a regular file: absolute paths, `..`, URLs,
symlinks leading outside, devices and pipes are refused before anything is read. The
package must hold exactly the article snapshot and the seven tables, each with a Table
Schema that says what the validator's models say.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .findings import Finding, finding, snippet
from .models import MODELS, schema_disagreements

LAYER = "descriptor"
DESCRIPTOR = "datapackage.json"
DATA_DIR = "data"
ARTICLE = "article"  # the resource holding the source text
# The snapshot every span counts on (see the source's README): any other text is refused.
ARTICLE_SHA256 = "d2b5d22d83a300b7e9f97266a25813d8b9aa48ef3b1975f072a6c8e21f263ec5"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
HOUSE_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True,
                 "lineTerminator": "\n"}


@dataclass
class Table:
    """A CSV resource parsed as text: its header and its records with their row numbers."""
    header: list[str]
    records: list[tuple[int, list[str]]]  # (row number, cells); the header is row 1

    def dicts(self):
        """(row number, column -> value) for records whose cells match the header one to one;
        an empty cell is None (missing)."""
        header, width = self.header, len(self.header)
        for number, cells in self.records:
            if len(cells) == width:
                yield number, dict(zip(header, [cell or None for cell in cells]))

    def cells(self, row_may_hold=None):
        """(row number, column name, cell) for every cell, extra cells included. A checker
        that only cares about some cells may pass `row_may_hold(cells)`, a cheap test of a
        row's list of cells; rows it rejects are skipped."""
        for number, cells in [(1, self.header)] + self.records:
            if row_may_hold is not None and not row_may_hold(cells):
                continue
            for index, cell in enumerate(cells):
                column = self.header[index] if index < len(self.header) else f"column {index + 1}"
                yield number, column, cell


@dataclass
class Resource:
    name: str
    path: str                      # as declared
    descriptor: dict
    file: Path | None = None       # resolved, inside the package; None when refused or missing
    content: bytes | None = None
    text: str | None = None        # content decoded as UTF-8 (BOM removed); None when undecodable
    decode_error: str | None = None
    schema: dict | None = None     # the Table Schema, when it agrees with the model; tables only
    schema_fields: list[str] = field(default_factory=list)  # field names of the schema as read
    table: Table | None = None     # the CSV as parsed, whether or not its schema agrees

    @property
    def is_table(self) -> bool:
        return self.name in MODELS

    @property
    def numeric_columns(self) -> set[str]:
        return {f["name"] for f in (self.schema or {}).get("fields", [])
                if f.get("type") in ("number", "integer")}


def is_number(cell: str) -> bool:
    """Whether a cell is a plain decimal number, as a numeric column holds it."""
    return NUMBER.fullmatch(cell) is not None


@dataclass
class LoadedPackage:
    root: Path
    descriptor: dict
    resources: dict[str, Resource] = field(default_factory=dict)

    @property
    def article(self) -> str | None:
        resource = self.resources.get(ARTICLE)
        return resource.text if resource else None

    def tables(self) -> list[Resource]:
        """The tables that could be read and parsed and have a schema in agreement: what the
        tables, rows, faithfulness and completeness layers check."""
        return [r for r in self.resources.values()
                if r.is_table and r.table is not None and r.schema is not None]

    def parsed_tables(self) -> list[Resource]:
        """Every table that could be parsed as CSV, whatever its schema: what privacy and
        hygiene scan."""
        return [r for r in self.resources.values() if r.is_table and r.table is not None]


def load_package(path: str | os.PathLike) -> tuple[LoadedPackage | None, list[Finding]]:
    """Read the descriptor and its files; return None when there is no usable descriptor."""
    descriptor_file = Path(path)
    if descriptor_file.is_dir():
        descriptor_file = descriptor_file / DESCRIPTOR
    descriptor, findings = _read_descriptor(descriptor_file)
    if descriptor is None:
        return None, findings
    package = LoadedPackage(descriptor_file.resolve().parent, descriptor)
    findings += _check_profile(descriptor)
    for resource_descriptor in _resource_descriptors(descriptor, findings):
        resource = _load_resource(package.root, resource_descriptor, findings)
        package.resources[resource.name] = resource
    findings += _expected_resources(package)
    findings += _article_is_the_snapshot(package)
    findings += _undeclared_files(package)
    return package, findings


def _read_descriptor(descriptor_file: Path) -> tuple[dict | None, list[Finding]]:
    def fail(message):
        return None, [finding(LAYER, "descriptor_readable", message, DESCRIPTOR)]
    content, error = _read_regular_file(descriptor_file)
    if error:
        return fail(f"{descriptor_file}: {error}")
    try:
        descriptor = json.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        return fail(f"not UTF-8 (byte {error.start}); expected a UTF-8 JSON document")
    except json.JSONDecodeError as error:
        return fail(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")
    except RecursionError:
        return fail("invalid JSON: nested too deeply")
    if not isinstance(descriptor, dict):
        return fail(f"expected a JSON object, found {type(descriptor).__name__}")
    return descriptor, []


def _check_profile(descriptor: dict) -> list[Finding]:
    """Data Package v2, as frictionless checks its profile (paths and schemas are this
    layer's own business, so frictionless never reads them here)."""
    from frictionless import Package

    findings = []
    if descriptor.get("$schema") != PROFILE:
        findings.append(finding(LAYER, "data_package_v2", f"expected \"$schema\": \"{PROFILE}\"",
                                DESCRIPTOR, field="$schema"))
    shallow = {k: v for k, v in descriptor.items() if k not in ("resources", "$schema")}
    resources = descriptor.get("resources")
    shallow["resources"] = [
        {k: v for k, v in r.items() if k not in ("schema", "path", "dialect")} | {"path": "x"}
        for r in (resources if isinstance(resources, list) else []) if isinstance(r, dict)
    ] or [{"name": "x", "path": "x"}]
    try:
        report = Package.validate_descriptor(shallow)
        messages = [error.message for error in report.errors]
    except Exception as error:  # frictionless raises on some malformed descriptors
        messages = [f"not a valid Data Package: {error}"]
    return findings + [finding(LAYER, "data_package_v2", snippet(m, 300), DESCRIPTOR)
                       for m in messages]


def _resource_descriptors(descriptor: dict, findings: list[Finding]) -> list[dict]:
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        findings.append(finding(LAYER, "resources_declared", "expected a non-empty list of resources",
                                DESCRIPTOR, field="resources"))
        return []
    usable, names = [], set()
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            findings.append(finding(LAYER, "resources_declared",
                                    f"resource {index} is not an object with a name", DESCRIPTOR,
                                    field="resources"))
        elif resource["name"] in names:
            findings.append(finding(LAYER, "resources_declared",
                                    f"resource name {resource['name']!r} is declared twice",
                                    DESCRIPTOR, field="resources"))
        else:
            names.add(resource["name"])
            usable.append(resource)
    return usable


def _expected_resources(package: LoadedPackage) -> list[Finding]:
    """Exactly the article and the seven tables: a missing table is not a smaller valid package."""
    findings = []
    expected = {ARTICLE: "file", **{table: "table" for table in MODELS}}
    for name, resource in package.resources.items():
        if name not in expected:
            findings.append(finding(LAYER, "resources_declared",
                                    f"unexpected resource {name!r}; expected only "
                                    f"{', '.join(expected)}", DESCRIPTOR, field="resources"))
        elif resource.descriptor.get("type") != expected[name]:
            findings.append(finding(LAYER, "resources_declared",
                                    f"resource {name!r} has type {resource.descriptor.get('type')!r}; "
                                    f"expected {expected[name]!r}", DESCRIPTOR, field="resources"))
    for name in expected:
        if name not in package.resources:
            findings.append(finding(LAYER, "resources_declared", f"resource {name!r} is not "
                                    "declared; the package needs it", DESCRIPTOR, field="resources"))
    return findings


def _load_resource(root: Path, descriptor: dict, findings: list[Finding]) -> Resource:
    path = descriptor.get("path")
    resource = Resource(descriptor["name"], path if isinstance(path, str) else "", descriptor)
    if not isinstance(path, str) or not path:
        findings.append(finding(LAYER, "path_inside_package",
                                f"resource {descriptor['name']!r}: expected one relative file path "
                                "as a non-empty string", DESCRIPTOR, field="resources"))
        return resource
    resource.file = _safe_file(root, path, findings)
    if resource.file is not None:
        resource.content = _read_file(resource.file, path, findings)
    if resource.content is not None:
        findings += _size_and_hash(resource)
        _decode(resource)
        if resource.decode_error:
            findings.append(finding(LAYER, "file_readable", f"{resource.decode_error}; expected "
                                    "UTF-8 (the file is not checked further)", path))
    if resource.is_table:
        resource.schema = _load_schema(root, resource, findings)
        if resource.text is not None and _house_dialect(resource, findings):
            resource.table = _parse_csv(resource.text)
    return resource


def _safe_file(root: Path, path: str, findings: list[Finding]) -> Path | None:
    """The file `path` names, or None (with a finding) if it would lead outside the package."""
    def refuse(why):
        findings.append(finding(LAYER, "path_inside_package", f"refused: {why}", path))
        return None
    if "\x00" in path:
        return refuse("the path contains a NUL character")
    if "://" in path or path.startswith("data:"):
        return refuse("a URL; every resource must be a file inside the package")
    pure = PurePosixPath(path)
    if pure.is_absolute() or path.startswith("\\") or (len(path) > 1 and path[1] == ":"):
        return refuse("an absolute path; expected a path relative to datapackage.json")
    if ".." in pure.parts or "\\" in path:
        return refuse("the path contains '..' or a backslash; expected a plain relative path")
    try:
        resolved = (root / pure).resolve()
    except (OSError, RuntimeError, ValueError):
        return refuse("the path cannot be resolved (a symlink loop?)")
    if not resolved.is_relative_to(root):
        return refuse("a symlink leading outside the package directory")
    return resolved


def _read_regular_file(file: Path) -> tuple[bytes | None, str | None]:
    """The bytes of `file`, or why they cannot be read. Only regular files are opened, so a
    pipe or a device can never make the validator wait or read forever."""
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        return None, "not found"
    except (OSError, RuntimeError, ValueError) as error:
        return None, f"cannot read: {getattr(error, 'strerror', None) or error}"
    if stat.S_ISDIR(mode):
        return None, "is a directory; expected a file"
    if not stat.S_ISREG(mode):
        return None, "is not a regular file (a pipe, socket or device); expected a file"
    try:
        return file.read_bytes(), None
    except OSError as error:
        return None, f"cannot read: {error.strerror}"


def _read_file(file: Path, path: str, findings: list[Finding]) -> bytes | None:
    content, error = _read_regular_file(file)
    if error:
        message = "declared in datapackage.json but missing" if error == "not found" else error
        findings.append(finding(LAYER, "file_exists", message, path))
    return content


def _size_and_hash(resource: Resource) -> list[Finding]:
    findings = []
    declared_bytes = resource.descriptor.get("bytes")
    if declared_bytes != len(resource.content):
        findings.append(finding(LAYER, "bytes_match", f"declared bytes {snippet(repr(declared_bytes), 20)}, "
                                f"file has {len(resource.content)}", resource.path, field="bytes"))
    declared_hash = resource.descriptor.get("hash")
    actual = "sha256:" + hashlib.sha256(resource.content).hexdigest()
    if declared_hash != actual:
        findings.append(finding(LAYER, "hash_match", "file content does not match the declared "
                                f"hash {snippet(str(declared_hash), 30)}; the file is {actual[:23]}…"
                                " (expected \"sha256:<64 hex digits>\" of the file)",
                                resource.path, field="hash"))
    return findings


def _article_is_the_snapshot(package: LoadedPackage) -> list[Finding]:
    article = package.resources.get(ARTICLE)
    if article is None or article.content is None:
        return []
    if hashlib.sha256(article.content).hexdigest() != ARTICLE_SHA256:
        return [finding(LAYER, "article_is_the_snapshot", "this is not the article snapshot the "
                        f"tables are drawn from (expected SHA-256 {ARTICLE_SHA256[:16]}…, as in the "
                        "source's README); every span counts on that exact text", article.path)]
    return []


def _decode(resource: Resource) -> None:
    content = resource.content
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]  # reported by the hygiene layer; the rest can still be read
    try:
        resource.text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        resource.decode_error = f"not valid UTF-8 at byte {error.start}: {error.reason}"


def _load_schema(root: Path, resource: Resource, findings: list[Finding]) -> dict | None:
    """The table's schema, if it can be read and says what the validator's model says."""
    schema = resource.descriptor.get("schema")
    where = schema if isinstance(schema, str) else resource.path
    if isinstance(schema, str):
        file = _safe_file(root, schema, findings)
        content = _read_file(file, schema, findings) if file else None
        if content is None:
            return None
        try:
            schema = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            findings.append(finding(LAYER, "schema_readable", f"not a JSON document: {error}", where))
            return None
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
        findings.append(finding(LAYER, "schema_readable", "expected a Table Schema: an object with "
                                "a list of named fields", where, field="schema"))
        return None
    resource.schema_fields = [f["name"] for f in schema["fields"]]
    problems = schema_disagreements(resource.name, schema)
    for field_name, message in problems:
        findings.append(finding(LAYER, "schema_matches_model", f"{message} (the table is not "
                                "checked further)", where, field=field_name))
    return None if problems else schema


def _house_dialect(resource: Resource, findings: list[Finding]) -> bool:
    dialect = resource.descriptor.get("dialect", {})
    declared = {k: v for k, v in dialect.items() if k != "$schema"} if isinstance(dialect, dict) else None
    if declared is None or any(HOUSE_DIALECT.get(k, object()) != v for k, v in declared.items()):
        findings.append(finding(LAYER, "house_dialect", f"dialect {snippet(str(dialect), 120)} is not "
                                f"the package's CSV dialect {HOUSE_DIALECT} (the table is not checked "
                                "further)", resource.path, field="dialect"))
        return False
    return True


def _parse_csv(text: str) -> Table:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows)
    except (StopIteration, csv.Error):
        return Table([], [])
    records = []
    try:
        for number, cells in enumerate(rows, start=2):
            if cells:
                records.append((number, cells))
    except csv.Error:
        pass  # frictionless reports the malformed row; the records before it are kept
    return Table(header, records)


def _undeclared_files(package: LoadedPackage) -> list[Finding]:
    """Every file under data/ must be a declared resource: nothing travels undocumented."""
    data_dir = package.root / DATA_DIR
    try:
        if not data_dir.resolve().is_relative_to(package.root):
            return [finding(LAYER, "files_declared", "data/ is a symlink leading outside the "
                            "package; it is not read", DATA_DIR)]
    except (OSError, RuntimeError):
        return [finding(LAYER, "files_declared", "data/ cannot be resolved", DATA_DIR)]
    declared = {r.file for r in package.resources.values() if r.file is not None}
    findings = []
    for directory, subdirs, files in os.walk(data_dir):
        subdirs.sort()
        for name in sorted(files + [d for d in subdirs if (Path(directory) / d).is_symlink()]):
            file = Path(directory) / name
            try:
                known = file.resolve() in declared
            except (OSError, RuntimeError):
                known = False
            if not known:
                findings.append(finding(LAYER, "files_declared", "file under data/ is not declared "
                                        "as a resource in datapackage.json",
                                        file.relative_to(package.root).as_posix()))
    return findings
