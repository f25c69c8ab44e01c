"""Layer 1, descriptor and files: `datapackage.json` and every file of the package.

The descriptor parses as strict JSON and is a Data Package v2 holding exactly the article
snapshot and the nine tables, every property in its canonical form, no URL that a library
could fetch; every path stays inside the package and names a regular file within the size
bound; line endings are LF; sizes and hashes match; the article is the pinned snapshot;
each Table Schema and dialect says what the validator's models say; and every other file of
the package's directory is a documented repository file.
"""
from __future__ import annotations

import json
import re

from . import canonical
from .canonical import DIALECT, URL, dialect_disagreements
from .files import json_scalars, path_of, walk_json
from .disclosure import shown, withholding
from .findings import Problem, snippet
from .profile import profile_errors
from .models import MODELS
from .package import ARTICLE, DESCRIPTOR, declared_resources
from .registry import FILES, NOTHING, register

LAYER = "descriptor"
_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
UPDATE_HASHES = ".venv/bin/python scripts/update_hashes.py"


def descriptor_readable(ctx):
    """datapackage.json is strict JSON (no key twice, no NaN or Infinity, no lone surrogate,
    at most 16 levels deep) and an object."""
    if ctx.package.descriptor is None:
        yield Problem(ctx.package.descriptor_problem, DESCRIPTOR)


def lf_line_endings(ctx):
    """Every file's line endings are LF (reported first: a checkout that turned LF into CRLF
    moves every offset and hash)."""
    for resource in ctx.package.resources.values():
        facts = resource.facts
        if facts and (facts.crlf or facts.lone_cr):
            kinds = ", ".join(f"{n} {kind}" for n, kind in ((facts.crlf, "CRLF"), (facts.lone_cr, "CR"))
                              if n)
            yield Problem(f"{kinds} line ending(s); expected LF only. Sizes, hashes and offsets "
                          "count on LF: a checkout with core.autocrlf=true converts them (the "
                          "repository's .gitattributes prevents it)", resource.path)


def no_urls(ctx):
    """Never touch the network: no property may hold a URL a library could fetch, except the
    standard profiles, the licence and a DOI, which are compared, never read."""
    yield from _urls_in(ctx.package.descriptor, DESCRIPTOR, _descriptor_url_allowed)
    for resource in ctx.package.resources.values():
        if resource.schema is not None:
            yield from _urls_in(resource.schema, resource.schema_path, _schema_url_allowed)


def data_package_v2(ctx):
    """The package's own properties against the Data Package v2 profile, as frictionless
    checks it. It is given no URL and no resource's path, schema or dialect (those are this
    layer's business), so it reads no file and fetches nothing."""
    descriptor = ctx.package.descriptor
    for message in profile_errors(descriptor):
        yield Problem(snippet(withholding(message, *json_scalars(descriptor)), 300), DESCRIPTOR)


def properties_are_canonical(ctx):
    """Every property of the package and of each resource is one the package uses, with the
    value it must have (dialects and schemas are compared by their own checks)."""
    descriptor = ctx.package.descriptor
    for message in canonical.property_problems(descriptor, canonical.PACKAGE_PROPERTIES, "package"):
        yield Problem(message, DESCRIPTOR)
    for index, resource in enumerate(declared_resources(descriptor)):
        expected = _expected_properties(resource["name"])
        if expected is None:
            continue  # resources_declared reports it
        expected = {k: v for k, v in expected.items() if k != "dialect"}
        where = f"resources[{index}]"
        for message in (canonical.property_problems(resource, {**expected, "dialect": None}, "resource")
                        + canonical.missing_properties(resource, expected, "resource")):
            yield Problem(f"{resource['name']}: {message}", DESCRIPTOR, field=where)
        for key in ("title", "description"):
            if key in resource and not isinstance(resource[key], str):
                yield Problem(f"{resource['name']}: {key} must be text", DESCRIPTOR, field=where)


def resources_declared(ctx):
    """Exactly the article and the nine tables: a missing table is not a smaller valid package."""
    resources = ctx.package.descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        yield Problem("expected a non-empty list of resources", DESCRIPTOR, field="resources")
        return
    names = []
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            yield Problem(f"resource {index} is not an object with a name", DESCRIPTOR, field="resources")
        elif resource["name"] in names:
            yield Problem(f"resource name {shown(resource['name'])} is declared twice", DESCRIPTOR,
                          field="resources")
        else:
            names.append(resource["name"])
    expected = [ARTICLE, *MODELS]
    for name in names:
        if name not in expected:
            yield Problem(f"unexpected resource {shown(name)}; expected only {', '.join(expected)}",
                          DESCRIPTOR, field="resources")
    for name in expected:
        if name not in names:
            yield Problem(f"resource {name!r} is not declared; the package needs it", DESCRIPTOR,
                          field="resources")


def path_inside_package(ctx):
    """Every declared path stays inside the package: no URL, no absolute path, no `..`, no
    symlink leading outside."""
    for resource in ctx.package.resources.values():
        if resource.refused:
            yield Problem(f"refused: {resource.refused}", resource.path or DESCRIPTOR,
                          field=None if resource.path else "resources")


def file_exists(ctx):
    """Declared files exist and are regular files within the size bound."""
    for resource in ctx.package.resources.values():
        if resource.unreadable:
            message = ("declared in datapackage.json but missing" if resource.unreadable == "not found"
                       else resource.unreadable)
            yield Problem(message, resource.path)


def file_readable(ctx):
    """Every declared file is UTF-8."""
    for resource in ctx.package.resources.values():
        if resource.decode_error:
            yield Problem(f"{resource.decode_error}; expected UTF-8 (the file is not checked "
                          "further)", resource.path)


def bytes_match(ctx):
    """Each resource's `bytes` is its file's size."""
    for resource in ctx.package.resources.values():
        if resource.facts is None:
            continue
        declared = resource.descriptor.get("bytes")
        if declared != resource.facts.size:
            yield Problem(f"declared bytes {shown(json.dumps(declared, ensure_ascii=False), 20)}, file has "
                          f"{resource.facts.size}; {_refresh(resource)}", resource.path, field="bytes")


def hash_match(ctx):
    """Each resource's `hash` is its file's SHA-256, written `sha256:<64 lowercase hex
    digits>`."""
    for resource in ctx.package.resources.values():
        if resource.facts is None:
            continue
        declared = resource.descriptor.get("hash")
        if not (isinstance(declared, str) and _SHA256.fullmatch(declared)):
            yield Problem(f"declared hash {shown(json.dumps(declared, ensure_ascii=False), 30)} is not of the form "
                          "\"sha256:<64 lowercase hex digits>\"; " + _refresh(resource),
                          resource.path, field="hash")
        elif declared != resource.facts.sha256:
            yield Problem(f"the file's SHA-256 is not the declared one: the file changed since its "
                          f"hash was recorded; {_refresh(resource)}", resource.path, field="hash")


def article_is_the_snapshot(ctx):
    """The article is the pinned snapshot (`validator/pins.py`); otherwise no check that
    reads it runs."""
    article = ctx.package.resources.get(ARTICLE)
    if article is None or article.facts is None:
        return
    if not ctx.article_is_pinned:  # undecodable text is not the snapshot either
        yield Problem("this is not the article snapshot the tables are drawn from (expected SHA-256 "
                      f"{ctx.article_sha256[:16]}…, as in the source's README); every span counts on "
                      "that exact text, so no check that reads the article is run", article.path)


def schema_readable(ctx):
    """Each table's schema is a Table Schema file inside the package: an object with a list
    of named fields."""
    for resource in ctx.package.resources.values():
        if resource.is_table and resource.schema_unreadable:
            yield Problem(f"{resource.schema_unreadable} (the table is not checked further)",
                          resource.schema_path or resource.path, field="schema")


def schema_matches_model(ctx):
    """A copy with a weakened or reinterpreted schema is refused rather than half-checked."""
    for resource in ctx.package.resources.values():
        for field_name, message in resource.schema_problems:
            yield Problem(f"{message} (the table is not checked further)", resource.schema_path,
                          field=field_name)


def house_dialect(ctx):
    """Each table's dialect is the house CSV dialect: comma, LF, double quote, a header row."""
    for resource in ctx.package.resources.values():
        if not resource.is_table:
            continue
        problems = dialect_disagreements(resource.descriptor.get("dialect"))
        if problems:
            yield Problem(f"{'; '.join(problems)}: the package's CSV dialect is {DIALECT} (the "
                          "table is not checked further)", resource.path, field="dialect")


def files_declared(ctx):
    """Every file of the package's directory is the descriptor, a declared resource, a schema
    the descriptor references or a documented repository file: nothing travels unchecked."""
    if ctx.package.listing_problem:
        yield Problem(f"{ctx.package.listing_problem}; only the declared files are checked, and the "
                      "package is not valid until every file it publishes can be", DESCRIPTOR)
    for file in ctx.package.files:
        if file.role == "undeclared" and file.path.endswith("/"):
            yield Problem("an empty directory, which git does not keep and no reader needs, but whose "
                          "name travels with a copy; expected none", file.path)
        elif file.role == "undeclared":
            yield Problem("not declared in datapackage.json, not a schema it references and not a "
                          "documented repository file (CONTRIBUTING.md, \"Repository layout\"); expected no "
                          "other file (a name that is not public is withheld: `git status` lists the files git "
                          "would publish)", file.path)
        elif file.problem and file.role != "resource":
            yield Problem(f"cannot be read and scanned: {file.problem}", file.path)


def _expected_properties(name: str) -> dict | None:
    if name == ARTICLE:
        return canonical.ARTICLE_PROPERTIES
    return canonical.table_properties(name) if name in MODELS else None


def _refresh(resource) -> str:
    if resource.name == ARTICLE:
        return "the article is pinned and must not change"
    return f"if the edit is intended, run `{UPDATE_HASHES}` to record the new size and hash"


# Properties whose value the canonical descriptor pins: any other value, URL or not, is
# refused by properties_are_canonical or house_dialect, and none is ever given to a library.
_PINNED = re.compile(r"\$schema|resources\[\d+\]\.(?:path|schema|dialect|dialect\.\$schema)")


def _descriptor_url_allowed(path: str, value: str) -> bool:
    if _PINNED.fullmatch(path):
        return True
    if re.fullmatch(r"licenses\[\d+\]\.path", path):
        return value == canonical.LICENCE_URL
    return path == "id" and re.fullmatch(r"https://doi\.org/10\.\d{4,9}/\S+", value) is not None


def _schema_url_allowed(path: str, value: str) -> bool:
    return path == "$schema"  # pinned: schema_matches_model refuses any other value


def _urls_in(document, resource: str, allowed):
    for value, _, link in walk_json(document):
        if isinstance(value, str) and URL.match(value) and not allowed(path_of(link), value):
            yield Problem(f"refused: a URL ({shown(value, 50)}); the validator never reads "
                          "the network, and the package has no property that is a URL but its "
                          "profiles, its licence and a DOI", resource, field=path_of(link))


# The layer's checks, registered once, in the order they run, with what each needs.
register(LAYER, NOTHING, descriptor_readable)
register(LAYER, FILES, lf_line_endings, no_urls)
register(LAYER, FILES, data_package_v2)
register(LAYER, FILES, properties_are_canonical, resources_declared, path_inside_package, file_exists,
         file_readable, bytes_match, hash_match, article_is_the_snapshot, schema_readable,
         schema_matches_model, house_dialect, files_declared)
