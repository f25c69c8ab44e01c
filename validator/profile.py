"""The package's own properties against the Data Package v2 profile, as frictionless checks it
(the descriptor layer's `data_package_v2`). Frictionless is given no URL and no resource's
path, schema or dialect (those are the descriptor layer's business), so it reads no file and
fetches nothing; its answers are kept per shallow descriptor (the same JSON, the same answer).
"""
from __future__ import annotations

import json

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
    shallow = _shallow(descriptor)
    key = json.dumps(shallow, sort_keys=True, ensure_ascii=False, default=repr)
    if key not in _PROFILE_ERRORS:
        _PROFILE_ERRORS[key] = _frictionless_profile_errors(shallow)
    return _PROFILE_ERRORS[key]


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


