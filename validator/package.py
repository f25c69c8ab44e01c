"""Layer 1, descriptor and files: read datapackage.json and every file it declares, safely.

Produces the `LoadedPackage` the later layers work on. Nothing here follows a path out
of the package directory: absolute paths, `..`, URLs and symlinks leading outside are
refused before anything is read.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .findings import Finding, finding

LAYER = "descriptor"
DESCRIPTOR = "datapackage.json"
DATA_DIR = "data"
ARTICLE = "article"  # the resource holding the source text


@dataclass
class Table:
    """A CSV resource parsed as text: its header and its records with their row numbers."""
    header: list[str]
    records: list[tuple[int, dict[str, str]]]  # (row number, header -> cell); header is row 1


@dataclass
class Resource:
    name: str
    path: str                      # as declared
    descriptor: dict
    file: Path | None = None       # resolved, inside the package; None when refused or missing
    content: bytes | None = None
    text: str | None = None        # content decoded as UTF-8 (BOM removed); None when undecodable
    decode_error: str | None = None
    schema: dict | None = None     # the Table Schema, loaded; tables only
    table: Table | None = None

    @property
    def is_table(self) -> bool:
        return self.descriptor.get("type") == "table" or "schema" in self.descriptor


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
        """The table resources that could be read and parsed."""
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
        if resource is not None:
            package.resources[resource.name] = resource
    findings += _undeclared_files(package)
    return package, findings


def _read_descriptor(descriptor_file: Path) -> tuple[dict | None, list[Finding]]:
    def fail(message):
        return None, [finding(LAYER, "descriptor_readable", message, DESCRIPTOR)]
    try:
        raw = descriptor_file.read_bytes()
    except FileNotFoundError:
        return fail(f"{descriptor_file} not found")
    except OSError as error:
        return fail(f"cannot read {descriptor_file}: {error.strerror}")
    try:
        descriptor = json.loads(raw.decode("utf-8"))
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
    """The Data Package v2 profile, as frictionless checks it (schemas referenced by path
    are checked when the tables are)."""
    from frictionless import Package

    findings = []
    if descriptor.get("$schema") != "https://datapackage.org/profiles/2.0/datapackage.json":
        findings.append(finding(LAYER, "data_package_v2", "expected \"$schema\": "
                                "\"https://datapackage.org/profiles/2.0/datapackage.json\"",
                                DESCRIPTOR, field="$schema"))
    shallow = {k: v for k, v in descriptor.items() if k != "resources"}
    # Paths and schemas are checked by this layer and the tables layer, never by reading here.
    resources = descriptor.get("resources")
    shallow["resources"] = [
        {k: v for k, v in r.items() if k not in ("schema", "path")} | {"path": "x"}
        for r in (resources if isinstance(resources, list) else []) if isinstance(r, dict)
    ] or [{"name": "x", "path": "x"}]
    try:
        report = Package.validate_descriptor(shallow)
    except Exception as error:  # frictionless raises on some malformed descriptors
        return findings + [finding(LAYER, "data_package_v2", f"not a valid Data Package: {error}", DESCRIPTOR)]
    for error in report.errors:
        findings.append(finding(LAYER, "data_package_v2", error.message, DESCRIPTOR))
    return findings


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


def _load_resource(root: Path, descriptor: dict, findings: list[Finding]) -> Resource | None:
    path = descriptor.get("path")
    if not isinstance(path, str):
        findings.append(finding(LAYER, "path_inside_package",
                                f"resource {descriptor['name']!r}: expected one relative path "
                                "as a string", DESCRIPTOR, field="path"))
        return None
    resource = Resource(descriptor["name"], path, descriptor)
    resource.file = _safe_file(root, path, findings)
    if resource.file is not None:
        resource.content = _read_file(resource.file, path, findings)
    if resource.content is not None:
        findings += _size_and_hash(resource)
        _decode(resource)
    if resource.is_table:
        resource.schema = _load_schema(root, resource, findings)
        if resource.text is not None and resource.schema is not None:
            resource.table = _parse_csv(resource.text)
    return resource


def _safe_file(root: Path, path: str, findings: list[Finding]) -> Path | None:
    """The file `path` names, or None (with a finding) if it would lead outside the package."""
    def refuse(why):
        findings.append(finding(LAYER, "path_inside_package", f"refused: {why}", path))
        return None
    if "://" in path or path.startswith("data:"):
        return refuse("a URL; every resource must be a file inside the package")
    pure = PurePosixPath(path)
    if pure.is_absolute() or path.startswith("\\") or (len(path) > 1 and path[1] == ":"):
        return refuse("an absolute path; expected a path relative to datapackage.json")
    if ".." in pure.parts or "\\" in path:
        return refuse("the path contains '..' or a backslash; expected a plain relative path")
    candidate = root / pure
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):
        return refuse("the path cannot be resolved")
    if not resolved.is_relative_to(root):
        return refuse("a symlink leading outside the package directory")
    return resolved


def _read_file(file: Path, path: str, findings: list[Finding]) -> bytes | None:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        findings.append(finding(LAYER, "file_exists", "declared in datapackage.json but missing", path))
    except IsADirectoryError:
        findings.append(finding(LAYER, "file_exists", "is a directory; expected a file", path))
    except OSError as error:
        findings.append(finding(LAYER, "file_exists", f"cannot read: {error.strerror}", path))
    return None


def _size_and_hash(resource: Resource) -> list[Finding]:
    findings = []
    declared_bytes = resource.descriptor.get("bytes")
    if declared_bytes != len(resource.content):
        findings.append(finding(LAYER, "bytes_match", f"declared bytes {declared_bytes!r}, file has "
                                f"{len(resource.content)}", resource.path, field="bytes"))
    declared_hash = resource.descriptor.get("hash")
    actual = "sha256:" + hashlib.sha256(resource.content).hexdigest()
    if declared_hash != actual:
        expected = "a \"sha256:<64 hex digits>\" hash" if not (
            isinstance(declared_hash, str) and declared_hash.startswith("sha256:")) else "the declared hash"
        findings.append(finding(LAYER, "hash_match", f"file content does not match {expected}: "
                                f"declared {str(declared_hash)[:23]}..., file is {actual[:23]}...",
                                resource.path, field="hash"))
    return findings


def _decode(resource: Resource) -> None:
    content = resource.content
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]  # reported by the hygiene layer; the rest can still be read
    try:
        resource.text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        resource.decode_error = f"not valid UTF-8 at byte {error.start}: {error.reason}"


def _load_schema(root: Path, resource: Resource, findings: list[Finding]) -> dict | None:
    schema = resource.descriptor.get("schema")
    if isinstance(schema, dict):
        return schema
    if not isinstance(schema, str):
        findings.append(finding(LAYER, "schema_readable", "a table resource needs a schema (a path "
                                "to a Table Schema inside the package)", resource.path, field="schema"))
        return None
    file = _safe_file(root, schema, findings)
    if file is None:
        return None
    content = _read_file(file, schema, findings)
    if content is None:
        return None
    try:
        loaded = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        findings.append(finding(LAYER, "schema_readable", f"not a JSON document: {error}", schema))
        return None
    if not isinstance(loaded, dict) or not isinstance(loaded.get("fields"), list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) for f in loaded["fields"]):
        findings.append(finding(LAYER, "schema_readable", "expected a Table Schema: an object with "
                                "a list of named fields", schema))
        return None
    return loaded


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
                records.append((number, dict(zip(header, cells))))
    except csv.Error:
        pass  # frictionless reports the malformed row; the records before it are kept
    return Table(header, records)


def _undeclared_files(package: LoadedPackage) -> list[Finding]:
    """Every file under data/ must be a declared resource: nothing travels undocumented."""
    declared = {r.file for r in package.resources.values() if r.file is not None}
    data_dir = package.root / DATA_DIR
    findings = []
    for directory, subdirs, files in os.walk(data_dir):
        subdirs.sort()
        for name in sorted(files):
            file = Path(directory) / name
            if file.resolve() not in declared:
                relative = file.relative_to(package.root).as_posix()
                findings.append(finding(LAYER, "files_declared",
                                        "file under data/ is not declared as a resource in "
                                        "datapackage.json", relative))
    return findings
