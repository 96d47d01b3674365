"""why-not and jit: the reasons an instrument is absent, and the bases that bind every partner."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from . import vocab
from .binding import BOUND, UNKNOWN, binding, on_sides
from .model import Dataset, Instrument, Query
from .route import QueryError, check_query, find_routes
from .scope import provisions


class UnknownInstrument(ValueError):
    """An instrument id or name the data does not have (with a "did you mean")."""


def resolve_instrument(ds: Dataset, text: str) -> Instrument:
    """An instrument by id, short name or name, in any case."""
    wanted = text.strip().casefold()
    for inst in ds.instruments.values():
        if wanted in (inst.id, (inst.short_name or "").casefold(), inst.name.casefold()):
            return inst
    names = {inst.id: inst.id for inst in ds.instruments.values()}
    names.update({inst.label.casefold(): inst.id for inst in ds.instruments.values()})
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(repr(names[c]) for c in dict.fromkeys(close))}?)" if close else ""
    raise UnknownInstrument(f"unknown instrument {text!r}{hint}")


def why_not(ds: Dataset, query: Query, inst: Instrument) -> tuple[bool, list[str]]:
    """(offered?, one or two lines saying why or why not) for `inst` and this question."""
    day = check_query(ds, query)
    result = find_routes(ds, query)
    for p in result.pathways:
        for step in p.steps:
            if inst.id == step.instrument.id or inst.id in {i.id for i, _ in step.supplemented_by}:
                return True, [f"{inst.label} is offered: pathway {p.rank} of {len(result.pathways)} ({step.label})"]
    absent = next((a for a in result.absent if a.instrument == inst.id), None)
    if absent is not None:
        return False, [f"{inst.label} is not offered: {absent.reason}"] + _when(ds, inst, query, day)
    if not provisions(inst, query):
        measures = sorted({m.measure for m in inst.measures})
        if query.measure not in measures:
            return False, [f"{inst.label} does not provide for {vocab.MEASURES[query.measure]} "
                           f"(it provides for: {', '.join(measures) or 'nothing recorded'})"]
        return False, [f"{inst.label} does not cover {query.crime} offences for {query.measure}"]
    lines = []
    for state in (query.requesting, query.requested):
        b = binding(ds, inst, state, day)
        if b.status != BOUND:
            lines.append(f"{inst.label} is not offered: {b.reason}")
    if not lines and not on_sides(inst, ds, query.requesting, query.requested, day):
        lines.append(f"{inst.label} is not offered: both states are on the same side of this agreement")
    if not lines and inst.kind in ("reciprocity", "domestic_law"):
        lines.append(f"{inst.label} is not offered: a treaty answers this question, or the requested state's law does not allow it")
    return False, (lines or [f"{inst.label} is not offered for this question"]) + _when(ds, inst, query, day)


def _when(ds: Dataset, inst: Instrument, query: Query, day: dt.date) -> list[str]:
    """For "not yet in force": the day it will bind both."""
    hints = [binding(ds, inst, s, day).until_hint for s in (query.requesting, query.requested)]
    future = [h for h in hints if h is not None]
    if future and all(h is not None or binding(ds, inst, s, day).status == BOUND
                      for h, s in zip(hints, (query.requesting, query.requested))):
        return [f"it will bind both from {max(future)}"]
    return []


@dataclass(frozen=True)
class JitBasis:
    instrument: Instrument
    articles: tuple[str, ...]
    missing: tuple[tuple[str, str], ...]  # (state, reason) for partners it does not bind
    note: str = ""

    def as_dict(self) -> dict:
        return {"instrument": {"id": self.instrument.id, "name": self.instrument.name,
                               "short_name": self.instrument.label},
                "articles": list(self.articles), "binds_all": not self.missing,
                "missing": [{"state": s, "reason": r} for s, r in self.missing], "note": self.note}


def jit_support(ds: Dataset, partners: list[str], crime: str, day: dt.date) -> list[Instrument]:
    """Support channels for a team (Eurojust) that bind every partner on the day."""
    query = Query(partners[0], partners[1], "jit", crime, day.isoformat())
    return [inst for inst in sorted(ds.instruments.values(), key=lambda i: i.id)
            if provisions(inst, query, support=True) and all(binding(ds, inst, s, day).status == BOUND for s in partners)]


def jit_bases(ds: Dataset, partners: list[str], crime: str = "any", on: str = "") -> tuple[str, list[JitBasis]]:
    """Every instrument providing for a joint investigation team, with the partners it does not bind.

    Bases that bind all partners come first."""
    if len(set(partners)) < 2:
        raise QueryError("a joint investigation team needs at least two different states")
    if len(set(partners)) != len(partners):
        raise QueryError("a state is named twice")
    day = check_query(ds, Query(partners[0], partners[1], "jit", crime, on))
    out = []
    for inst in sorted(ds.instruments.values(), key=lambda i: i.id):
        specs = provisions(inst, Query(partners[0], partners[1], "jit", crime, day.isoformat()))
        if not specs or inst.kind in ("reciprocity", "domestic_law"):
            continue
        missing = []
        for state in partners:
            b = binding(ds, inst, state, day)
            if b.status != BOUND:
                missing.append((state, b.reason))
        note = ""
        if inst.sides and not missing:
            pairs = [(x, y) for x in partners for y in partners if x < y]
            across = [pair for pair in pairs if on_sides(inst, ds, *pair, day)]
            if not across:
                missing.append(("*", "all partners are on the same side of this agreement"))
            elif len(across) < len(pairs):
                note = "covers the relations across the two sides only; partners on the same side need another basis between them"
        if len(missing) < len(partners):  # says something about at least one partner
            out.append(JitBasis(inst, tuple(specs[0].articles), tuple(missing), note))
    out.sort(key=lambda b: (len(b.missing), b.instrument.id))
    return day.isoformat(), out


def describe_instrument(ds: Dataset, inst: Instrument, day: dt.date) -> dict:
    """An instrument as a researcher reads it: what it is, what it provides, who is bound today."""
    parties = []
    states = sorted({p.state for p in inst.parties} | (
        {m.state for m in ds.groups[inst.participation.group].members} if inst.participation and
        inst.participation.group in ds.groups else set()))
    for code in states:
        b = binding(ds, inst, code, day)
        parties.append({"state": code, "status": b.status, "reason": b.reason, "sources": list(b.sources)})
    return {"id": inst.id, "name": inst.name, "short_name": inst.short_name, "citation": inst.citation, "kind": inst.kind,
            "adopted": inst.adopted, "in_force": inst.in_force, "pending": inst.pending, "source": inst.source,
            "measures": [{"measure": m.measure, "articles": m.articles, "channel": m.channel,
                          "crimes": m.crimes or inst.crimes, "condition": m.condition} for m in inst.measures],
            "on": day.isoformat(), "parties": parties, "parties_complete": inst.parties_complete, "note": inst.note}


def describe_state(ds: Dataset, code: str, day: dt.date) -> dict:
    """A state's recorded facts, its memberships on the date, and the instruments that bind it."""
    state = ds.states[code]
    facts = {}
    for key in ("extradites_nationals", "needs_treaty_for_extradition", "needs_treaty_for_mla", "death_penalty",
                "domestic_law", "central_authority_mla", "central_authority_extradition"):
        value = getattr(state, key)
        facts[key] = value.model_dump(exclude_none=True) if value is not None else "not recorded"
    from .binding import membership_on

    groups = sorted(g for g in ds.groups if membership_on(ds, g, code, day))
    bound, unknown = [], []
    for inst in sorted(ds.instruments.values(), key=lambda i: i.id):
        if inst.kind == "reciprocity":
            continue
        status = binding(ds, inst, code, day).status
        if status == BOUND:
            bound.append(inst.id)
        elif status == UNKNOWN and any(p.state == code for p in inst.parties):
            unknown.append(inst.id)  # a record for the state exists, but not the date it became bound
    return {"code": code, "name": state.name, "aliases": state.aliases, "parent": state.parent, "on": day.isoformat(),
            "facts": facts, "member_of": groups, "bound_by": bound, "status_not_recorded": unknown}
