"""The dataset as a networkx graph: states and instruments, joined by who may be bound.

A state is joined to an instrument when it is a party, or a member (at any time) of the
group an EU-style rule binds. The edge only says "may bind": the date, withdrawal and
opt-out logic is `binding.binding`'s. Instruments that bind no pair by themselves
(reciprocity, and domestic laws, which bind only the requested state) sit apart, found by kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Dataset

if TYPE_CHECKING:  # networkx costs ~0.1 s to import: only when a graph is built
    import networkx as nx

FALLBACK_KINDS = ("reciprocity", "domestic_law")


def state_node(code: str) -> tuple[str, str]:
    return ("state", code)


def instrument_node(iid: str) -> tuple[str, str]:
    return ("instrument", iid)


def build_graph(ds: Dataset) -> nx.Graph:
    """Nodes ("state", code) and ("instrument", id); edges keyed by instrument id."""
    import networkx as nx

    graph = nx.Graph(dataset=ds)
    for code, state in ds.states.items():
        graph.add_node(state_node(code), kind="state", name=state.name)
    for iid, inst in ds.instruments.items():
        graph.add_node(instrument_node(iid), kind="instrument", instrument_kind=inst.kind)
        if inst.kind == "reciprocity":
            continue
        for party in inst.parties:
            graph.add_edge(state_node(party.state), instrument_node(iid), instrument=iid, via="party")
        if inst.participation:
            opted_out = {o.state for o in inst.participation.not_bound}
            group = ds.groups.get(inst.participation.group)
            for member in group.members if group else ():
                node = state_node(member.state)
                if not graph.has_edge(node, instrument_node(iid)):
                    via = "opt_out" if member.state in opted_out else "group"
                    graph.add_edge(node, instrument_node(iid), instrument=iid, via=via)
    return graph


def shared_instruments(graph: nx.Graph, *states: str) -> list[str]:
    """Ids of the instruments joined to every one of `states` (sorted, for stable output)."""
    sets = [
        {n[1] for n in graph.neighbors(state_node(s)) if n[0] == "instrument"} if graph.has_node(state_node(s)) else set()
        for s in states
    ]
    return sorted(set.intersection(*sets)) if sets else []

