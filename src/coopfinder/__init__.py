"""coopfinder: which legal route lets State A obtain a measure from State B, on a date.

    >>> from coopfinder import load_dataset, find_routes, Query
    >>> result = find_routes(load_dataset(), Query("DE", "FR", "evidence", "cyber"))
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Query", "RouteResult", "find_routes", "load_dataset", "validate_dataset", "build_graph", "__version__"]


def __getattr__(name: str):
    # Lazy: `coopfinder --help` must not pay for pydantic and networkx.
    if name in ("load_dataset", "validate_dataset"):
        from . import load

        return getattr(load, name)
    if name == "find_routes":
        from .route import find_routes

        return find_routes
    if name == "build_graph":
        from .graph import build_graph

        return build_graph
    if name in ("Query", "RouteResult"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)
