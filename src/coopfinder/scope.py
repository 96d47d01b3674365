"""Which provisions of an instrument answer a question: the measure asked for, and the crime."""

from __future__ import annotations

from . import vocab
from .model import Instrument, MeasureSpec, Query


def crimes_of(inst: Instrument, spec: MeasureSpec) -> list[str]:
    """The crime scope of one provision: its own, else the instrument's."""
    return list(spec.crimes or inst.crimes)


def provisions(inst: Instrument, query: Query, *, support: bool = False) -> list[MeasureSpec]:
    """The instrument's provisions for this measure whose crime scope matches (the legal bases,
    or with support=True the support channels that follow one, like Eurojust for a JIT)."""
    out = []
    for spec in inst.measures:
        if spec.measure != query.measure or spec.support != support:
            continue
        scope = crimes_of(inst, spec)
        if query.crime == "any" or "any" in scope or query.crime in scope:
            out.append(spec)
    return out


def out_of_scope(inst: Instrument, query: Query) -> str:
    """Why an instrument has no provision for this question, in one line."""
    if query.measure not in {m.measure for m in inst.measures}:
        return f"does not provide for {vocab.MEASURES[query.measure]}"
    scopes = sorted({c for m in inst.measures if m.measure == query.measure for c in crimes_of(inst, m)})
    return f"covers only {', '.join(scopes)} offences for this measure, not {query.crime}"
