"""The validator never touches the network and never waits on it: every URL-valued property
is refused before any library could resolve it. A server on 127.0.0.1 counts the requests
that a descriptor pointing at it would cause; there must be none."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import assert_findings
from validator.cli import main
from validator.disclosure import shown_path

D = "datapackage.json"


@pytest.fixture(scope="module")
def local_server():
    """A local server that counts what it is asked; one per module, stopped at its end."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def server(local_server):
    """The local server, with its count of requests started afresh for the test."""
    url, requests = local_server
    requests.clear()
    return url, requests


def figures(d):
    return next(r for r in d["resources"] if r["name"] == "figures")


CANONICAL = ("descriptor", "properties_are_canonical", D, None, None)
FIGURES = ("descriptor", "properties_are_canonical", D, None, "resources[5]")
PLACES = [
    ("package profile", lambda d, url: d.update(profile=url),
     [CANONICAL, ("descriptor", "no_urls", D, None, "profile")]),
    ("package $schema", lambda d, url: d.update({"$schema": url}), [CANONICAL]),
    ("package homepage", lambda d, url: d.update(homepage=url),
     [CANONICAL, ("descriptor", "no_urls", D, None, "homepage")]),
    ("a source's path", lambda d, url: d["sources"][0].update(path=url),
     [("descriptor", "no_urls", D, None, "sources[0].path")]),
    ("a licence's path", lambda d, url: d["licenses"][0].update(path=url),
     [("descriptor", "no_urls", D, None, "licenses[0].path")]),
    ("a contributor's path", lambda d, url: d["contributors"][0].update(path=url),
     [("descriptor", "no_urls", D, None, "contributors[0].path")]),
    ("resource profile", lambda d, url: figures(d).update(profile=url),
     [FIGURES, ("descriptor", "no_urls", D, None, "resources[5].profile")]),
    ("resource path", lambda d, url: figures(d).update(path=url),
     [FIGURES, ("descriptor", "path_inside_package", "{url}", None, None),
      ("descriptor", "files_declared", "data/figures.csv", None, None)]),
    ("resource schema", lambda d, url: figures(d).update(schema=url),
     [FIGURES, ("descriptor", "schema_readable", "{url}", None, "schema"),
      ("descriptor", "files_declared", "schema/figures.json", None, None)]),
    ("dialect $schema", lambda d, url: figures(d)["dialect"].update({"$schema": url}),
     [("descriptor", "house_dialect", "data/figures.csv", None, "dialect")]),
    ("dialect as a URL", lambda d, url: figures(d).update(dialect=url),
     [("descriptor", "house_dialect", "data/figures.csv", None, "dialect")]),
]


@pytest.mark.parametrize("where, change, expected", PLACES, ids=[p[0] for p in PLACES])
def test_no_url_in_the_descriptor_is_ever_fetched(package, server, where, change, expected):
    url, requests = server
    package.edit_descriptor(lambda d: change(d, f"{url}/{where.replace(' ', '-')}.json"))
    report = package.validate()
    assert requests == []
    target = shown_path(f"{url}/{where.replace(' ', '-')}.json")  # no documented path: withheld
    assert_findings(report, *[tuple(target if part == "{url}" else part for part in place)
                              for place in expected])


SCHEMA_PLACES = [
    ("schema $schema", lambda s, url: s.update({"$schema": url}), None),
    ("schema profile", lambda s, url: s.update(profile=url), "profile"),
    ("a field's rdfType", lambda s, url: s["fields"][0].update(rdfType=url), "fields[0].rdfType"),
    ("a foreign key's resource", lambda s, url: s["foreignKeys"][0]["reference"].update(resource=url),
     "foreignKeys[0].reference.resource"),
]


@pytest.mark.parametrize("where, change, url_field", SCHEMA_PLACES, ids=[p[0] for p in SCHEMA_PLACES])
def test_no_url_in_a_schema_is_ever_fetched(package, server, where, change, url_field):
    url, requests = server
    package.edit_schema("figures", lambda s: change(s, f"{url}/schema.json"))
    report = package.validate()
    assert requests == []
    field = "id" if "rdfType" in where else None
    urls = [("descriptor", "no_urls", "schema/figures.json", None, url_field)] if url_field else []
    assert_findings(report, ("descriptor", "schema_matches_model", "schema/figures.json", None, field), *urls)


def test_the_command_line_refuses_too(package, server, capsys):
    url, requests = server
    package.edit_descriptor(lambda d: d.update(profile=f"{url}/profile.json"))
    assert main([str(package.descriptor)]) == 1
    assert requests == [] and "refused: a URL" in capsys.readouterr().out


def test_the_server_does_count_requests(server):
    """The fixture can fail: a real request is counted."""
    from urllib.request import urlopen
    url, requests = server
    with urlopen(f"{url}/probe.json", timeout=5) as response:
        assert response.read() == b"{}"
    assert requests == ["/probe.json"]


def test_frictionless_has_no_plugin_that_could_fetch_while_validating_and_all_after(package):
    import frictionless as library

    from validator.library import frictionless
    with frictionless() as during:
        assert set(during.system.plugins) == {"local", "csv"}
    package.validate()
    assert {"remote", "pandas", "csv", "local"} <= set(library.system.plugins)
