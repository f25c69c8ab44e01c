"""The package as loaded: its descriptor, each declared file read safely, each table parsed as
CSV, and every other file of the package's directory.

Loading never judges. It records what it read and, where it could not read something, why;
the descriptor layer's checks report it, and the later layers check what could be read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import layout
from .files import FileFacts, decode_utf8, load_json, read_regular_file, resolve_inside
from .listing import published, walk
from .canonical import dialect_disagreements
from .csvtable import Table, parse_csv
from .models import MODELS, schema_disagreements

DESCRIPTOR = "datapackage.json"
ARTICLE = "article"  # the resource holding the source text
@dataclass
class Resource:
    name: str
    path: str                      # as declared
    descriptor: dict
    file: Path | None = None       # resolved, inside the package; None when refused or missing
    refused: str | None = None     # why the path is refused
    unreadable: str | None = None  # why the file cannot be read (missing, a pipe, too large)
    facts: FileFacts | None = None
    text: str | None = None        # the decoded text; kept for files, not for tables
    decode_error: str | None = None
    schema_path: str | None = None
    schema: dict | None = None     # the Table Schema as read; tables only
    schema_unreadable: str | None = None
    schema_problems: list[tuple[str | None, str]] = field(default_factory=list)
    table: Table | None = None     # the CSV as parsed, whatever its schema says
    cell_limit: int | None = None  # no cell may be longer: the article's length

    @property
    def too_long(self) -> bool:
        return (self.table is not None and self.table.longest is not None
                and self.cell_limit is not None and self.table.longest[2] > self.cell_limit)

    @property
    def is_table(self) -> bool:
        return self.name in MODELS

    @property
    def schema_fields(self) -> list[str]:
        fields = (self.schema or {}).get("fields")
        return [f["name"] for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)] \
            if isinstance(fields, list) else []

    @property
    def numeric_columns(self) -> set[str]:
        fields = (self.schema or {}).get("fields") if self.checkable else None
        return {f["name"] for f in fields or [] if f.get("type") in ("number", "integer")}

    @property
    def checkable(self) -> bool:
        """Parsed, under a schema and a dialect that say what the validator's models say."""
        return (self.table is not None and self.schema is not None and not self.schema_problems
                and not dialect_disagreements(self.descriptor.get("dialect")) and not self.too_long)


@dataclass
class PackageFile:
    """A file of the package's directory, as the privacy layer scans it."""
    path: str                      # relative to the package directory, with "/"
    role: str                      # descriptor, resource, schema, repository, compiled or undeclared
    text: str | None = None        # decoded; None for binary and unreadable files
    content: bytes | None = None   # kept for the binary files layout.BINARY_FILES names
    problem: str | None = None     # why it cannot be read as text
    link: str | None = None        # a symbolic link's target, which git publishes as its content


@dataclass
class LoadedPackage:
    root: Path
    descriptor: dict | None
    descriptor_problem: str | None = None
    resources: dict[str, Resource] = field(default_factory=dict)
    files: list[PackageFile] = field(default_factory=list)
    listing_problem: str | None = None  # why the files git publishes could not be listed

    @property
    def article(self) -> str | None:
        resource = self.resources.get(ARTICLE)
        return resource.text if resource else None

    def tables(self) -> list[Resource]:
        """The tables the tables, rows, faithfulness and completeness layers check."""
        return [r for r in self.resources.values() if r.is_table and r.checkable]

    def parsed_tables(self) -> list[Resource]:
        """Every table that could be parsed as CSV, whatever its schema: what privacy and
        hygiene scan."""
        return [r for r in self.resources.values() if r.is_table and r.table is not None]


def load_package(path: str | os.PathLike) -> LoadedPackage:
    """Read the descriptor, its files and the rest of the package's directory."""
    descriptor_file = Path(path)
    if descriptor_file.is_dir():
        descriptor_file = descriptor_file / DESCRIPTOR
    root = descriptor_file.resolve().parent
    content, problem = read_regular_file(descriptor_file)
    descriptor, problem = load_json(content) if content is not None else (None, problem)
    if problem is None and not isinstance(descriptor, dict):
        descriptor, problem = None, f"expected a JSON object, found {type(descriptor).__name__}"
    package = LoadedPackage(root, descriptor, problem)
    if descriptor is None:
        return package
    resolve = _Resolved(root)
    for resource_descriptor in declared_resources(descriptor):
        resource = _load_resource(resolve, resource_descriptor)
        package.resources[resource.name] = resource
    if package.article is not None:
        for resource in package.resources.values():
            resource.cell_limit = len(package.article)
    package.files = _package_files(package, descriptor_file, resolve)
    return package


class _Resolved(dict):
    """`files.resolve_inside(root, path)` for each path, worked out once per loading (a
    resource's file and a schema are listed with the package's files too)."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __call__(self, path: str) -> tuple[Path | None, str | None]:
        if path not in self:
            self[path] = resolve_inside(self.root, path)
        return self[path]


def declared_resources(descriptor: dict) -> list[dict]:
    """The resource objects that can be loaded: objects with a name, first of each name."""
    resources = descriptor.get("resources")
    names, usable = set(), []
    for resource in resources if isinstance(resources, list) else []:
        if isinstance(resource, dict) and isinstance(resource.get("name"), str) \
                and resource["name"] not in names:
            names.add(resource["name"])
            usable.append(resource)
    return usable


def _load_resource(resolve: _Resolved, descriptor: dict) -> Resource:
    path = descriptor.get("path")
    resource = Resource(descriptor["name"], path if isinstance(path, str) else "", descriptor)
    if not isinstance(path, str) or not path:
        resource.refused = "expected one relative file path as a non-empty string"
        return resource
    if resource.is_table:
        _load_schema(resolve, resource)
    resource.file, resource.refused = resolve(path)
    if resource.file is None:
        return resource
    content, resource.unreadable = read_regular_file(resource.file)
    if content is None:
        return resource
    resource.facts = FileFacts.of(content)
    text, resource.decode_error = decode_utf8(content)
    del content
    if resource.is_table:
        if text is not None:
            resource.table = parse_csv(text)
    else:
        resource.text = text
    return resource


def _load_schema(resolve: _Resolved, resource: Resource) -> None:
    schema = resource.descriptor.get("schema")
    if not isinstance(schema, str):
        resource.schema_unreadable = "expected the path of a Table Schema file"
        return
    resource.schema_path = schema
    file, why = resolve(schema)
    content, why = read_regular_file(file) if file is not None else (None, why)
    value, why = load_json(content) if content is not None else (None, why)
    if value is None:
        resource.schema_unreadable = why
        return
    fields = value.get("fields") if isinstance(value, dict) else None
    if not isinstance(fields, list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        resource.schema_unreadable = "expected a Table Schema: an object with a list of named fields"
        return
    resource.schema = value
    resource.schema_problems = schema_disagreements(resource.name, value)


def _package_files(package: LoadedPackage, descriptor_file: Path, resolve: _Resolved) -> list[PackageFile]:
    """The files of the package's directory that are published, with their role: in a git
    work tree, those git publishes (tracked, or untracked and not ignored), whatever their
    names; elsewhere (an unzipped release) every file (`listing.walk`). Files already read as
    resources keep their text; every other file is read here, within the same bounds."""
    resources = {r.file: r for r in package.resources.values() if r.file is not None}
    schemas = {resolve(resource.schema_path)[0] for resource in package.resources.values() if resource.schema_path}
    listed, package.listing_problem = published(package.root)
    in_git = listed is not None
    descriptor_resolved = descriptor_file.resolve()
    if package.listing_problem:  # the declared files alone are read; the descriptor layer says why
        declared = [descriptor_resolved, *resources, *schemas]
        listed = sorted((path.relative_to(package.root).as_posix(), path) for path in declared
                        if path is not None and path.exists())
    files = []
    for relative, path in listed if listed is not None else walk(package.root):
        module = None if in_git else layout.compiled_from(relative)
        if module is not None and (package.root / module).is_file():
            files.append(PackageFile(relative, "compiled"))  # never read; its name is scanned
            continue
        file, why = resolve(relative)
        resource = resources.get(file)
        if resource is not None and not resource.is_table:
            files.append(PackageFile(relative, "resource", resource.text,
                                     problem=resource.unreadable or resource.decode_error))
            continue
        if resource is not None:
            files.append(PackageFile(relative, "resource"))  # scanned cell by cell
            continue
        role = ("descriptor" if file == descriptor_resolved else "schema" if file in schemas
                else "repository" if layout.documented(relative) else "undeclared")
        files.append(_read_package_file(relative, file, why, role))
    for file in files:
        file.link = _link_target(package.root / file.path.rstrip("/"))
    return files


def _link_target(path: Path) -> str | None:
    """What a symbolic link names (git stores it as the link's content), or None."""
    try:
        return os.readlink(path) if path.is_symlink() else None
    except (OSError, ValueError):
        return None


def _read_package_file(relative: str, file: Path | None, why: str | None, role: str) -> PackageFile:
    if file is None:
        return PackageFile(relative, role, problem=f"refused: {why}")
    content, why = read_regular_file(file)
    if content is None:
        return PackageFile(relative, role, problem=why)
    if relative in layout.BINARY_FILES:
        return PackageFile(relative, role, content=content)
    text, why = decode_utf8(content)
    return PackageFile(relative, role, text, problem=why and f"{why}; expected UTF-8 text")
