"""What will stand in the way: warnings computed from states' records, articles and reservations.

Every function returns `Warning`s; none decides whether a pathway exists (that is
`route`'s job) except `excluding_reservation`, which names a reservation that removes one.
"""

from __future__ import annotations

import datetime as dt

from . import dates
from .binding import membership_on
from .model import Dataset, Instrument, MeasureSpec, Query, Reservation, Warning

EXCLUDING_KINDS = {"not_bound"}


def _covers(res: Reservation, measure: str, other: str) -> bool:
    """Whether `res` touches this measure towards the other state of the pair."""
    return (not res.measures or measure in res.measures) and (not res.towards or other in res.towards)


def _applies(res: Reservation, query: Query) -> bool:
    return _covers(res, query.measure, query.requesting)


def excluding_reservation(inst: Instrument, query: Query) -> tuple[str, Reservation] | None:
    """A reservation that takes this pathway away, if any, with the state that made it: the requested state's,
    or either state's refusal to apply the instrument towards the other."""
    party = next((p for p in inst.parties if p.state == query.requested), None)
    for res in party.reservations if party else ():
        if not _applies(res, query):
            continue
        if res.kind in EXCLUDING_KINDS:
            return query.requested, res
        if res.kind == "not_legal_basis_for_extradition" and query.measure == "extradition":
            return query.requested, res
    # a party that will not apply the instrument towards a named state has no treaty relation with it either way
    requesting = next((p for p in inst.parties if p.state == query.requesting), None)
    for res in requesting.reservations if requesting else ():
        if res.kind in EXCLUDING_KINDS and res.towards and _covers(res, query.measure, query.requested):
            return query.requesting, res
    return None


def reservation_warnings(ds: Dataset, inst: Instrument, query: Query) -> list[Warning]:
    """Conditions the requested state attached to this instrument, as warnings."""
    out = []
    name = ds.states[query.requested].name
    party = next((p for p in inst.parties if p.state == query.requested), None)
    for res in party.reservations if party else ():
        if not _applies(res, query) or res.kind in EXCLUDING_KINDS:
            continue
        code = {"nationals_not_extradited": "nationality", "nationals_conditional": "nationality",
                "dual_criminality": "dual_criminality"}.get(res.kind, "reservation")
        where = f" ({', '.join(res.articles)})" if res.articles else ""
        out.append(Warning(code, f"{name}'s reservation or declaration{where}: {res.text}", res.source))
    requesting = next((p for p in inst.parties if p.state == query.requesting), None)
    for res in requesting.reservations if requesting else ():
        if res.kind == "not_legal_basis_for_extradition" and query.measure == "extradition":
            out.append(Warning("reservation", f"{ds.states[query.requesting].name} declared it does not take "
                               f"{inst.label} as a legal basis for extradition: {res.text}", res.source))
    return out


def nationality_warnings(ds: Dataset, inst: Instrument, query: Query, day: dt.date) -> list[Warning]:
    """Whether the requested state extradites its own nationals, from its record."""
    if query.measure != "extradition":
        return []
    state = ds.states[query.requested]
    policy = state.extradites_nationals
    if policy is None or policy.value == "unknown":
        return [Warning("not_recorded", f"{state.name}'s position on extraditing its own nationals is not recorded: "
                        "if the person is a national, confirm with its central authority")]
    if policy.value == "yes":
        return []
    if inst.id in policy.under_instruments or any(membership_on(ds, g, query.requesting, day) for g in policy.to_groups):
        cond = f" ({policy.condition})" if policy.condition else ""
        return [Warning("nationality", f"{state.name} surrenders its own nationals under this route only on conditions{cond}",
                        policy.source)] if policy.value == "conditional" else []
    if policy.value == "no":
        return [Warning("nationality", f"{state.name} does not extradite its own nationals: if the person is a national, "
                        "it may instead have to prosecute (aut dedere aut judicare)", policy.source)]
    cond = f": {policy.condition}" if policy.condition else ""
    return [Warning("nationality", f"{state.name} extradites its own nationals only on conditions{cond}", policy.source)]


def settle_nationality(ds: Dataset, warnings: list[Warning], nat: list[Warning], spec: MeasureSpec,
                       query: Query) -> tuple[list[Warning], list[str]]:
    """With --nationality, the nationality warnings `nat` (some of `warnings`) become certain or
    disappear: (warnings, why lines)."""
    if query.measure != "extradition" or not query.nationality or not nat:
        return warnings, []
    state = ds.states[query.requested].name
    rest = [w for w in warnings if w not in nat]
    if query.nationality != query.requested:
        who = ds.states[query.nationality].name if query.nationality in ds.states else query.nationality
        return rest, [f"the person sought is a national of {who}, not of {state}: {state}'s nationality bar does not apply"]
    certain = [Warning(w.code if w.code == "nationality" else "not_recorded",
                       f"the person sought is a national of {state}: {w.message}", w.source) for w in nat]
    if spec.aut_dedere:
        certain.append(Warning("nationality", f"if {state} refuses because the person is its national, it must submit the "
                               f"case to its own authorities for prosecution ({spec.aut_dedere})", spec.source))
    return rest + certain, []


def death_penalty_warnings(ds: Dataset, query: Query) -> list[Warning]:
    """Assurances are needed when the requesting state keeps the death penalty and the requested does not."""
    if query.measure not in ("extradition", "evidence", "transfer_of_proceedings"):
        return []
    a, b = ds.states[query.requesting], ds.states[query.requested]
    dp_a, dp_b = a.death_penalty, b.death_penalty
    if dp_a is None or dp_b is None or "unknown" in (dp_a.value, dp_b.value):
        if dp_a is not None and dp_a.value == "retentionist":
            return [Warning("not_recorded", f"{b.name}'s death-penalty status is not recorded; {a.name} is retentionist")]
        return []
    if dp_a.value in ("retentionist", "abolitionist_ordinary") and dp_b.value.startswith("abolitionist_all"):
        what = "assurances that the death penalty will not be sought or carried out" if query.measure == "extradition" \
            else "assurances that the evidence will not be used in a case where the death penalty may be imposed"
        return [Warning("death_penalty", f"{a.name} keeps the death penalty and {b.name} has abolished it: "
                        f"expect {b.name} to ask for {what}", dp_a.source)]
    return []


def suspension(ds: Dataset, inst: Instrument, query: Query, day: dt.date) -> Warning | None:
    """A party's suspension of the instrument towards the other state of the pair, if in effect."""
    for here, there in ((query.requesting, query.requested), (query.requested, query.requesting)):
        party = next((p for p in inst.parties if p.state == here), None)
        if party and party.suspended and party.suspended_towards and there in party.suspended_towards \
                and day >= dates.earliest(party.suspended):
            return Warning("suspended", f"{ds.states[here].name} has suspended {inst.label} towards "
                           f"{ds.states[there].name} since {party.suspended}", party.source)
    return None


def ground_warnings(inst: Instrument, spec: MeasureSpec, query: Query) -> list[Warning]:
    """The instrument's own refusal grounds and limits, for this crime."""
    name = inst.label
    out = []
    for g in spec.grounds:
        if g.crimes and query.crime != "any" and query.crime not in g.crimes:
            continue
        where = f" ({g.article})" if g.article else ""
        out.append(Warning(g.code, f"{name}{where}: {g.text}", g.source or spec.source or inst.source))
    return out


def measure_warnings(ds: Dataset, inst: Instrument, spec: MeasureSpec, query: Query) -> list[Warning]:
    """Dual criminality, conditions on the offence, and the instrument's limits."""
    out = []
    name = inst.label
    if spec.dual_criminality == "required":
        out.append(Warning("dual_criminality", f"{name}: the conduct must be an offence in both states", spec.source or inst.source))
    elif spec.dual_criminality == "waived_for_list":
        out.append(Warning("dual_criminality", f"{name}: dual criminality is not checked for the listed offence categories "
                           "punishable in the requesting state by at least three years; otherwise it may be required",
                           spec.source or inst.source))
    elif spec.dual_criminality == "may_be_required":
        out.append(Warning("dual_criminality", f"{name}: the requested state may require dual criminality", spec.source or inst.source))
    if spec.condition:
        out.append(Warning("scope_condition", f"{name}: {spec.condition}", spec.source or inst.source))
    scope = spec.crimes or inst.crimes
    if query.crime == "any" and "any" not in scope:
        out.append(Warning("scope_condition", f"{name} covers only: {', '.join(scope)}", inst.source))
    out.extend(Warning("limits", f"{name}: {limit}", inst.source) for limit in inst.limits)
    return out
