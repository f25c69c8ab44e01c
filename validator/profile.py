"""The package's own properties against the Data Package v2 profile, as frictionless checks it
(the descriptor layer's `data_package_v2`). Frictionless is given no URL and no resource's
path, schema or dialect (those are the descriptor layer's business), so it reads no file and
fetches nothing; its answers are kept per shallow descriptor (the same JSON, the same answer).
"""
from __future__ import annotations

import json
import re

from .canonical import URL
from .library import frictionless

def _without_urls(value):
    if isinstance(value, dict):
        return {k: _without_urls(v) for k, v in value.items() if not (isinstance(v, str) and URL.match(v))}
    if isinstance(value, list):
        return [_without_urls(v) for v in value if not (isinstance(v, str) and URL.match(v))]
    return value


_PROFILE_ERRORS: dict[str, list[str]] = {}  # per shallow descriptor: the same JSON, the same answer


def profile_errors(descriptor: dict) -> list[str]:
    """frictionless's messages on the package's own properties; none, without asking it, for
    a descriptor of the plain shape every valid package of this kind has (`plainly_valid`)."""
    shallow = _shallow(descriptor)
    if plainly_valid(shallow):
        return []
    key = json.dumps(shallow, sort_keys=True, ensure_ascii=False, default=repr)
    if key not in _PROFILE_ERRORS:
        _PROFILE_ERRORS[key] = _frictionless_profile_errors(shallow)
    return _PROFILE_ERRORS[key]


# The plain shape: each property the package uses, of the type the profile gives it, and its
# lists and objects holding only strings under the keys the profile names (stricter than the
# profile, never looser: a descriptor of another shape is given to frictionless).
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
_CREATED = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z")
_TEXTS = ("id", "title", "description", "version")
_ITEMS = {"licenses": {"name", "title", "path"}, "contributors": {"title", "path", "organisation", "role", "roles"},
          "sources": {"title", "path", "description"}}
_ONE_OF = {"licenses": ("name", "path")}  # an item needs one of these
_RESOURCE = {"name": None, "title": None, "description": None, "path": {"x"}, "format": {"csv", "txt"},
             "mediatype": {"text/csv", "text/plain"}, "encoding": {"utf-8"}}


def plainly_valid(shallow: dict) -> bool:
    """Whether the shallow descriptor has the plain shape that the Data Package profile, as
    frictionless checks it, finds nothing in (a test holds the two to that)."""
    if not set(shallow) <= {"name", "resources", "keywords", "created", *_TEXTS, *_ITEMS}:
        return False
    texts = all(isinstance(shallow.get(key, ""), str) for key in _TEXTS)
    name = _NAME.fullmatch(shallow.get("name", "x") if isinstance(shallow.get("name", "x"), str) else "")
    created = "created" not in shallow or (isinstance(shallow["created"], str) and _CREATED.fullmatch(shallow["created"]))
    keywords = _strings(shallow.get("keywords", []))
    items = all(_plain_items(shallow.get(key, []), allowed, _ONE_OF.get(key)) for key, allowed in _ITEMS.items())
    return bool(texts and name and created and keywords and items and _plain_resources(shallow["resources"]))


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _plain_items(value, allowed: set[str], one_of: tuple[str, ...] | None) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and set(item) <= allowed and (not one_of or any(item.get(k) for k in one_of))
        and all(isinstance(v, str) or (k == "roles" and _strings(v)) for k, v in item.items()) for item in value)


def _plain_resources(resources) -> bool:
    if not isinstance(resources, list) or not resources:
        return False
    names = [r.get("name") for r in resources if isinstance(r, dict)]
    return all(isinstance(name, str) and _NAME.fullmatch(name) for name in names) \
        and len(names) == len(resources) == len(set(names)) and all(
        set(r) <= set(_RESOURCE) and all(isinstance(v, str) and (_RESOURCE[k] is None or v in _RESOURCE[k])
                                         for k, v in r.items()) for r in resources)


def _shallow(descriptor: dict) -> dict:
    shallow = {k: _without_urls(v) for k, v in descriptor.items()
               if k not in ("resources", "$schema", "profile")}
    resources = descriptor.get("resources")
    shallow["resources"] = [
        {k: _without_urls(v) for k, v in r.items()
         if k in ("name", "title", "description", "format", "mediatype", "encoding")}  # sizes, hashes: ours
        | {"path": "x"}
        for r in (resources if isinstance(resources, list) else []) if isinstance(r, dict)
    ] or [{"name": "x", "path": "x"}]
    return shallow


def _frictionless_profile_errors(shallow: dict) -> list[str]:
    try:
        with frictionless() as library:
            report = library.Package.validate_descriptor(shallow)
        return [error.message for error in report.errors]
    except Exception as error:  # frictionless raises on some malformed descriptors
        return [f"not a valid Data Package: {error}"]


