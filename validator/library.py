"""The one place frictionless is imported. While the validator uses it, it has only the
plugins a local CSV file needs (the local scheme and the CSV format): its scan of every
installed module for plugins is skipped (tens of milliseconds on first use), and no plugin
that could fetch anything (remote, aws, ckan, github, zenodo) is there, a second line of
defence behind the descriptor layer, which refuses every URL before frictionless sees the
package. Afterwards frictionless is as it was, for any other code in the process."""
from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager

_CACHED = ("plugins", "methods")  # frictionless 5 keeps both in cached properties of `system`


@contextmanager
def frictionless():
    """The frictionless module, with only the local scheme and the CSV format for the while."""
    import frictionless as library
    from frictionless.formats.csv import CsvPlugin
    from frictionless.schemes.local import LocalPlugin

    state = vars(library.system)
    saved = {name: state.pop(name) for name in _CACHED if name in state}
    state["plugins"] = OrderedDict(local=LocalPlugin(), csv=CsvPlugin())
    try:
        yield library
    finally:
        for name in _CACHED:
            state.pop(name, None)
        state.update(saved)
