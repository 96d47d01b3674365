"""find_routes: every instrument that binds both states on the date for the measure and crime.

The flow inside: candidates from the graph -> date-aware binding of both states -> measure
and crime scope -> reservations that remove a pathway -> replacements between the pair ->
fallbacks (domestic law, reciprocity) where no treaty binds -> warnings -> rank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from . import dates, safeguards, steps, vocab
from .binding import BOUND, UNKNOWN, Binding, binding, on_sides
from .graph import FALLBACK_KINDS, build_graph, shared_instruments
from .model import Absence, Dataset, Instrument, MeasureSpec, Pathway, Query, RouteResult, Step, Warning
from .rank import rank_pathways, strength_of
from .scope import crimes_of, out_of_scope, provisions

if TYPE_CHECKING:
    import networkx as nx


class QueryError(ValueError):
    """The question itself is wrong (unknown state, same state twice, bad date): a usage error."""


def check_query(ds: Dataset, query: Query) -> dt.date:
    """Reject a malformed query with a message a user can act on; return its date."""
    for role, code in (("requesting", query.requesting), ("requested", query.requested)):
        if code not in ds.states:
            raise QueryError(f"unknown {role} state {code!r}")
    if query.requesting == query.requested:
        raise QueryError(f"the requesting and the requested state are the same ({query.requesting}): "
                         "cooperation is between two different states")
    if query.measure not in vocab.MEASURES:
        raise QueryError(f"unknown measure {query.measure!r} (choose from: {', '.join(vocab.MEASURES)})")
    if query.crime not in vocab.CRIMES:
        raise QueryError(f"unknown crime {query.crime!r} (choose from: {', '.join(vocab.CRIMES)})")
    if query.nationality is not None and query.nationality not in ds.states:
        raise QueryError(f"unknown nationality {query.nationality!r}")
    if query.start:
        try:
            dates.parse_day(query.start)
        except dates.BadDate as exc:
            raise QueryError(f"--start: {exc}") from None
    try:
        return dates.day_or_today(query.on)
    except dates.BadDate as exc:
        raise QueryError(str(exc)) from None


def find_routes(source: Dataset | nx.Graph, query: Query) -> RouteResult:
    """Ranked pathways for `query`, each with its reasons, warnings and sources.

    >>> result = find_routes(load_dataset(), Query("DE", "FR", "evidence", "cyber"))
    >>> result.pathways[0].steps[0].instrument.id
    'eu-dir-2014-41'
    """
    if isinstance(source, Dataset):
        ds, graph = source, build_graph(source)
    else:
        graph = source
        ds = graph.graph["dataset"] if "dataset" in graph.graph else None
        if ds is None:
            raise TypeError("find_routes needs a Dataset or a graph built by build_graph")
    day = check_query(ds, query)
    query = replace(query, on=day.isoformat())
    a, b = query.requesting, query.requested

    pathways, absent, top, unknown_party = _treaty_pathways(ds, graph, query, day)
    pathways, replaced = _drop_replaced(ds, pathways, query)
    absent.extend(replaced)
    pathways = _fold_supplements(ds, pathways, query, day)
    # Fallbacks (domestic law, reciprocity) only where no treaty answers the question as asked:
    # a treaty that covers the crime only under a condition (UNTOC's organised group, UNCAC's
    # corruption) leaves the practitioner needing them.
    treaty_found = any(p.strength in ("mutual_recognition", "bilateral", "multilateral")
                       and not any(w.code == "scope_condition" for w in p.warnings) for p in pathways)
    if not treaty_found:
        fallback, fallback_absent, fallback_top = _fallbacks(ds, query, day)
        pathways.extend(fallback)
        absent.extend(fallback_absent)
        top.extend(fallback_top)
    pathways = steps.expand_stages(pathways, query)
    if query.measure == "evidence" and query.crime == "cyber":
        preservation = find_routes(graph, replace(query, measure="preservation", start="")).pathways  # reuse the graph
        pathways = steps.add_preservation(pathways, list(preservation))
    if query.measure == "extradition":
        pathways = steps.add_arrest_steps(ds, query, day, pathways)
    pathways = steps.add_support(ds, query, day, pathways)
    if query.start:
        pathways = steps.add_due_dates(dates.parse_day(query.start), pathways)
    ranked = rank_pathways(pathways)
    if not ranked:
        hint = ""
        if query.measure == "preservation":  # no preservation-specific instrument: MLA can still freeze data
            hint = "; ask for provisional measures in a mutual legal assistance request instead (measure 'evidence')"
        top.insert(0, Warning("no_pathway", f"no instrument in the data gives {ds.states[a].name} a route to "
                              f"{vocab.MEASURES[query.measure]} from {ds.states[b].name} on {day}{hint}"))
    top.extend(Warning("not_recorded", f"whether {state} is a party to {', '.join(names)} is not recorded in the data")
               for state, names in unknown_party.items())
    return RouteResult(query, tuple(ranked), tuple(_dedupe(top)), ds.as_of, tuple(absent))


def _treaty_pathways(ds: Dataset, graph: nx.Graph, query: Query, day: dt.date,
                     ) -> tuple[list[Pathway], list[Absence], list[Warning], dict[str, list[str]]]:
    """Every instrument but the fallbacks: its pathway if it binds the pair for this question,
    else the reason it is absent; plus warnings and the parties the data cannot confirm."""
    a, b = query.requesting, query.requested
    pathways: list[Pathway] = []
    absent: list[Absence] = []
    top: list[Warning] = []
    unknown_party: dict[str, list[str]] = {}  # state name -> instruments whose party list does not say
    shared = set(shared_instruments(graph, a, b))
    for iid in sorted(ds.instruments):
        inst = ds.instruments[iid]
        if inst.kind in FALLBACK_KINDS:
            continue
        specs = provisions(inst, query)
        if iid not in shared:
            partial_group = inst.participation is not None and not ds.groups[inst.participation.group].members_complete
            if specs and not inst.parties_complete and (partial_group or not inst.participation) and inst.kind != "bilateral_treaty":
                for state in _unknown_parties(ds, inst, query, day):
                    unknown_party.setdefault(state, []).append(inst.label)
            continue
        if not specs:
            absent.append(Absence(iid, inst.label, out_of_scope(inst, query)))
            continue
        ba, bb = binding(ds, inst, a, day), binding(ds, inst, b, day)
        if not (ba.status == BOUND and bb.status == BOUND):
            reason = "; ".join(dict.fromkeys(x.reason for x in (ba, bb) if x.status != BOUND))  # a bilateral's one reason once
            absent.append(Absence(iid, inst.label, reason))
            if UNKNOWN in (ba.status, bb.status) and "not_bound" not in (ba.status, bb.status):
                top.append(Warning("not_recorded", f"{inst.label}: {reason}"))
            continue
        if not on_sides(inst, ds, a, b, day):
            absent.append(Absence(iid, inst.label, "both states are on the same side of this agreement"))
            continue
        suspended = safeguards.suspension(ds, inst, query, day)
        if suspended is not None:
            absent.append(Absence(iid, inst.label, suspended.message))
            top.append(suspended)
            continue
        excluded = safeguards.excluding_reservation(inst, query)
        if excluded is not None:
            who, res = excluded
            absent.append(Absence(iid, inst.label, f"excluded by {ds.states[who].name}'s reservation: {res.text}"))
            continue
        pathways.append(_pathway(ds, inst, specs[0], query, day, [(a, ba), (b, bb)]))
    return pathways, absent, top, unknown_party


def _unknown_parties(ds: Dataset, inst: Instrument, query: Query, day: dt.date) -> list[str]:
    """Names of the pair's states absent from an incomplete party list while the other is bound:
    the answer says "not recorded", never "no"."""
    bindings = {s: binding(ds, inst, s, day) for s in (query.requesting, query.requested)}
    statuses = {b.status for b in bindings.values()}
    if "not_bound" in statuses or statuses != {BOUND, UNKNOWN}:
        return []
    return [ds.states[s].name for s, b in bindings.items() if b.status == UNKNOWN]


def _pathway(ds: Dataset, inst: Instrument, spec: MeasureSpec, query: Query, day: dt.date,
             bindings: list[tuple[str, Binding]]) -> Pathway:
    scope = crimes_of(inst, spec)
    fit = 0 if query.crime != "any" and query.crime in scope else 1 if "any" in scope else 2
    why = [f"{b.reason}" for _, b in bindings]
    arts = f" ({', '.join(spec.articles)})" if spec.articles else ""
    why.append(f"provides for {vocab.MEASURES[query.measure]}{arts} {vocab.CHANNELS[spec.channel]}")
    why.append("scope: " + ("any offence" if "any" in scope else ", ".join(vocab.CRIMES[c] for c in scope)))
    if spec.typical_days is not None:
        why.append(f"typical time about {spec.typical_days} days" + (f" ({spec.typical_days_source})" if spec.typical_days_source else ""))
    reserved = safeguards.reservation_warnings(ds, inst, query)
    # a party's own nationality declaration under this instrument says more than its general law
    general = [] if any(w.code == "nationality" for w in reserved) else safeguards.nationality_warnings(ds, inst, query, day)
    warnings = [*safeguards.measure_warnings(ds, inst, spec, query),
                *safeguards.ground_warnings(inst, spec, query),
                *reserved,
                *general,
                *([] if spec.channel == "police" else safeguards.death_penalty_warnings(ds, query))]
    nationality = [w for w in reserved if w.code == "nationality"] + general  # general: only nationality warnings
    warnings, settled = safeguards.settle_nationality(ds, warnings, nationality, spec, query)
    why.extend(settled)
    if inst.addressee == "service_provider":
        why.append("the order goes directly to a service provider, not to the state's authorities")
    if spec.channel == "police" and query.measure == "evidence":
        warnings.append(Warning("police_channel", f"{inst.label}: information obtained police-to-police usually "
                                "cannot be used as evidence in court without a formal request"))
    sources = [s for s in (inst.source, spec.source) if s]
    for _, b in bindings:
        sources.extend(b.sources)
    step = Step(inst, spec.channel, tuple(spec.articles), spec.typical_days, tuple(spec.deadlines))
    return Pathway(steps=(step,), strength=strength_of(inst, spec, query), fit=fit,
                   warnings=tuple(_dedupe(warnings)), why=tuple(why), sources=tuple(dict.fromkeys(sources)))


def _drop_replaced(ds: Dataset, pathways: list[Pathway], query: Query) -> tuple[list[Pathway], list[Absence]]:
    """Between states bound by both, a newer instrument replaces an older one (EIO Art. 34)."""
    offered = {p.steps[0].instrument.id: p for p in pathways}
    replaced: dict[str, str] = {}
    for iid, p in offered.items():
        for rep in p.steps[0].instrument.replaces:
            if rep.instrument in offered and (not rep.measures or query.measure in rep.measures):
                art = f" ({rep.article})" if rep.article else ""
                replaced[rep.instrument] = f"replaced between these states by {ds.instruments[iid].label}{art}"
    kept = [p for p in pathways if p.steps[0].instrument.id not in replaced]
    gone = [Absence(iid, ds.instruments[iid].label, reason) for iid, reason in sorted(replaced.items())]
    return kept, gone


# The more direct channel wins when a supplement allows it (ETS 182 Art. 4, 2000 EU Convention Art. 6).
_DIRECTNESS = ["direct_judicial", "service_provider", "central_authority", "24_7_network", "police", "fiu", "diplomatic", "eurojust",
               "single_point_of_contact", "unspecified"]


def _fold_supplements(ds: Dataset, pathways: list[Pathway], query: Query, day: dt.date) -> list[Pathway]:
    """A protocol or agreement that supplements an offered instrument joins that pathway (one route,
    applied together) instead of standing as a route of its own; alone, it stays its own pathway,
    with a warning where it stands alone only because the data does not record whether the
    instrument it supplements binds one of the states (a protocol is rarely a basis on its own)."""
    offered_ids = {p.steps[0].instrument.id for p in pathways}
    pathways = [_warn_if_base_unknown(ds, p, offered_ids, query, day) for p in pathways]
    offered = {p.steps[0].instrument.id: p for p in pathways}
    folded: dict[str, list[Pathway]] = {}
    for iid, p in offered.items():
        target = next((t for t in p.steps[0].instrument.supplements if t in offered and t != iid), None)
        if target is not None and not offered[target].steps[0].instrument.supplements:
            folded.setdefault(target, []).append(p)
    gone = {q.steps[0].instrument.id for qs in folded.values() for q in qs}
    out = []
    for p in pathways:
        iid = p.steps[0].instrument.id
        if iid in gone:
            continue
        extras = sorted(folded.get(iid, []), key=lambda q: q.steps[0].instrument.id)
        if extras:
            base = p.steps[0]
            channel = min([base.channel, *(q.steps[0].channel for q in extras)], key=_DIRECTNESS.index)
            step = replace(base, channel=channel,
                           supplemented_by=tuple((q.steps[0].instrument, q.steps[0].articles) for q in extras))
            why = [*p.why, *(f"applies together with {q.steps[0].instrument.label}, which supplements it between these states"
                             for q in extras)]
            warnings = _dedupe([*p.warnings, *(w for q in extras for w in q.warnings if w.code != "scope_condition")])
            sources = tuple(dict.fromkeys([*p.sources, *(s for q in extras for s in q.sources)]))
            p = replace(p, steps=(step, *p.steps[1:]), why=tuple(why), warnings=tuple(warnings), sources=sources)
        out.append(p)
    return out


def _warn_if_base_unknown(ds: Dataset, p: Pathway, offered: set[str], query: Query, day: dt.date) -> Pathway:
    inst = p.steps[0].instrument
    targets = [t for t in inst.supplements if t in ds.instruments and t != inst.id]
    if not targets or any(t in offered for t in targets):
        return p
    unknown = [(ds.instruments[t], ds.states[s].name) for t in targets for s in (query.requesting, query.requested)
               if binding(ds, ds.instruments[t], s, day).status == UNKNOWN]
    if not unknown:
        return p
    base, name = unknown[0]
    return replace(p, warnings=(*p.warnings, Warning(
        "not_recorded", f"{inst.label} supplements {base.label}, and whether {base.label} binds {name} is not recorded: "
        f"check that it does before relying on {inst.label} alone")))


def _fallbacks(ds: Dataset, query: Query, day: dt.date) -> tuple[list[Pathway], list[Absence], list[Warning]]:
    """Where no treaty binds the pair: the requested state's domestic law, then reciprocity."""
    pathways: list[Pathway] = []
    absent: list[Absence] = []
    top: list[Warning] = []
    state = ds.states[query.requested]
    need = state.needs_treaty_for_extradition if query.measure == "extradition" else state.needs_treaty_for_mla
    # the requested state's own law, where recorded, comes instead of the generic reciprocity route
    own_law = any(i.kind == "domestic_law" and provisions(i, query) and i.parties and i.parties[0].state == query.requested
                  for i in ds.instruments.values())
    for iid in sorted(ds.instruments):
        inst = ds.instruments[iid]
        if inst.kind not in FALLBACK_KINDS or (inst.kind == "reciprocity" and own_law):
            continue
        specs = provisions(inst, query)
        if not specs:
            continue
        if inst.kind == "domestic_law":
            if not inst.parties or inst.parties[0].state != query.requested:
                continue
            b = binding(ds, inst, query.requested, day)
            if b.status != BOUND:
                absent.append(Absence(iid, inst.label, b.reason))
                continue
            pathways.append(_pathway(ds, inst, specs[0], query, day, [(query.requested, b)]))
            continue
        # reciprocity: only where the requested state's law allows acting without a treaty
        if need is not None and need.value == "yes":
            law = f" ({need.law})" if need.law else ""
            absent.append(Absence(iid, inst.label, f"{state.name} acts only under a treaty{law}"))
            top.append(Warning("no_treaty", f"{state.name} needs a treaty for {vocab.MEASURES[query.measure]}{law} "
                               f"and none in the data binds it and {ds.states[query.requesting].name}", need.source))
            continue
        if need is None or need.value == "unknown":
            why = Binding(BOUND, f"whether {state.name} can act without a treaty is not recorded")
            p = _pathway(ds, inst, specs[0], query, day, [(query.requested, why)])
            extra = Warning("not_recorded", f"whether {state.name} gives {vocab.MEASURES[query.measure]} without a treaty "
                            "is not recorded: confirm with its central authority before relying on reciprocity")
        else:
            law = f" under {need.law}" + (f" ({need.citation})" if need.citation else "") if need.law else ""
            why = Binding(BOUND, f"{state.name} can act without a treaty{law}", sources=(need.source,) if need.source else ())
            p = _pathway(ds, inst, specs[0], query, day, [(query.requested, why)])
            extra = None
        pathways.append(replace(p, warnings=p.warnings + ((extra,) if extra else ())))
    return pathways, absent, top


def _dedupe(warnings: list[Warning]) -> list[Warning]:
    return list(dict.fromkeys(warnings))
