"""The one list of checks. Each check is registered once, by `register`, with its layer and
what it needs; its code is its function's name. `run.validate_package` runs every
registered check whose needs are met, in the order of `LAYERS`, with no special cases.

What a check may need, each including the one before:

- `NOTHING`: runs on every call, even when there is no descriptor to read;
- `FILES`: a descriptor that parsed, and whatever of its files could be read;
- `ROWS`: the typed rows of the tables (`Context.records`), built after the tables layer;
- `ARTICLE`: the article snapshot as well, decoded and equal to the pinned one.

The checks that need at most FILES read only the loaded package, never another check's
findings, so they may run in any order; the checks that need ROWS or ARTICLE read the
findings of the tables and rows layers, and run after them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .findings import LAYERS, Finding, Problem, make_finding

NOTHING, FILES, ROWS, ARTICLE = "nothing", "files", "rows", "article"
NEEDS = (NOTHING, FILES, ROWS, ARTICLE)


@dataclass(frozen=True)
class Check:
    layer: str
    needs: str
    function: Callable[..., Iterable[Problem]]

    @property
    def code(self) -> str:
        return self.function.__name__

    def run(self, context) -> list[Finding]:
        return [make_finding(self.layer, self.code, problem,
                             context.line_of(problem.resource, problem.row))
                for problem in self.function(context)]


_REGISTERED: list[Check] = []


def register(layer: str, needs: str, *functions) -> None:  # pragma: no mutate block (runs at import)
    """Register each function, a function of the `Context` yielding `Problem`s, as a check of
    `layer` that needs `needs`, in the order given (the order they run in).

    Each layer module registers its checks in one table at its end (plain functions, not
    decorators, so a mutation tester can reach their bodies)."""
    if layer not in LAYERS or needs not in NEEDS:
        raise ValueError(f"unknown layer {layer!r} or needs {needs!r}")
    for function in functions:
        if any(c.code == function.__name__ for c in _REGISTERED):
            raise ValueError(f"a check named {function.__name__} is registered twice")
        _REGISTERED.append(Check(layer, needs, function))


def registered() -> list[Check]:
    """Every registered check, in layer order (and in the order each layer registers them)."""
    return sorted(_REGISTERED, key=lambda c: LAYERS.index(c.layer))
