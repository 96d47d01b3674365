"""Everything `validate` reports beyond the schema. Collects issues; never raises, never prints.

`check_references` holds the checks without which the engine would answer wrongly (an
unknown state, a duplicate id): `route` runs them on every load. `check_dataset` adds the
maintainers' checks (date order, sources, freshness, minimum counts).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from . import dates
from .model import Dataset, Instrument, Sourced
from .report import Issue

# Minimum counts the real data must keep (OpenSanctions-style assertions): a dataset that
# drops below them has lost data by accident. Only applied to the bundled data (--strict).
STALE_AFTER_DAYS = 3 * 365


class _Sink:
    """Turns (file key, path, code, message) into located issues."""

    def __init__(self, context: dict) -> None:
        self.context = context
        self.issues: list[Issue] = []

    def add(self, which: str, path: tuple, code: str, message: str, severity: str = "error") -> None:
        file, line, shown = self.context[which].locate(path)
        self.issues.append(Issue(file, line, code, shown, message, severity))  # type: ignore[arg-type]


def _did_you_mean(value: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(value.strip().upper(), list(choices), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_references(ds: Dataset, context: dict) -> list[Issue]:
    """Duplicate ids and references to states, groups and instruments that do not exist."""
    sink = _Sink(context)
    _duplicates(sink, "states", [s.code for s in ds.states_file.states], "code", "duplicate-state")
    _duplicates(sink, "states", [g.id for g in ds.states_file.groups], "id", "duplicate-id", top="groups")
    _duplicates(sink, "instruments", [i.id for i in ds.instruments_file.instruments], "id", "duplicate-id")

    def state_ref(which: str, path: tuple, code: str) -> None:
        if code not in ds.states:
            sink.add(which, path, "unknown-state", f"{code!r} is not a state in states.yaml{_did_you_mean(code, ds.states)}")

    def group_ref(which: str, path: tuple, gid: str) -> None:
        if gid not in ds.groups:
            sink.add(which, path, "unknown-group", f"{gid!r} is not a group in states.yaml{_did_you_mean(gid, ds.groups)}")

    def instrument_ref(which: str, path: tuple, iid: str) -> None:
        if iid not in ds.instruments:
            sink.add(which, path, "unknown-instrument", f"{iid!r} is not an instrument in instruments.yaml")

    for si, state in enumerate(ds.states_file.states):
        if state.parent:
            state_ref("states", ("states", si, "parent"), state.parent)
        nat = state.extradites_nationals
        for k, gid in enumerate(nat.to_groups if nat else []):
            group_ref("states", ("states", si, "extradites_nationals", "to_groups", k), gid)
        for k, iid in enumerate(nat.under_instruments if nat else []):
            instrument_ref("states", ("states", si, "extradites_nationals", "under_instruments", k), iid)
    for gi, group in enumerate(ds.states_file.groups):
        for mi, member in enumerate(group.members):
            state_ref("states", ("groups", gi, "members", mi, "state"), member.state)
    for ii, inst in enumerate(ds.instruments_file.instruments):
        base = ("instruments", ii)
        for pi, party in enumerate(inst.parties):
            state_ref("instruments", base + ("parties", pi, "state"), party.state)
            for ri, res in enumerate(party.reservations):
                for ti, code in enumerate(res.towards):
                    state_ref("instruments", base + ("parties", pi, "reservations", ri, "towards", ti), code)
        _duplicates(sink, "instruments", [p.state for p in inst.parties], "state", "duplicate-party",
                    top=None, base=base + ("parties",))
        if inst.participation:
            group_ref("instruments", base + ("participation", "group"), inst.participation.group)
            for key in ("not_bound", "not_recorded"):
                for oi, opt in enumerate(getattr(inst.participation, key)):
                    state_ref("instruments", base + ("participation", key, oi, "state"), opt.state)
        for gi_, gid in enumerate(inst.open_to):
            group_ref("instruments", base + ("open_to", gi_), gid)
        for si, side in enumerate(inst.sides):
            if side.group:
                group_ref("instruments", base + ("sides", si, "group"), side.group)
            for k, code in enumerate(side.states):
                state_ref("instruments", base + ("sides", si, "states", k), code)
        for ri, rep in enumerate(inst.replaces):
            instrument_ref("instruments", base + ("replaces", ri, "instrument"), rep.instrument)
        for k, iid in enumerate(inst.supplements):
            instrument_ref("instruments", base + ("supplements", k), iid)
    return sink.issues


def _duplicates(sink: _Sink, which: str, values: list[str], key: str, code: str,
                top: str | None = "", base: tuple | None = None) -> None:
    top = which if top == "" else top
    prefix = base if base is not None else (top,)
    counts = Counter(values)
    seen: set[str] = set()
    for index, value in enumerate(values):
        if counts[value] > 1:
            if value in seen:
                sink.add(which, prefix + (index, key), code, f"{value!r} appears {counts[value]} times; ids must be unique")
            seen.add(value)


def check_dataset(ds: Dataset, context: dict, *, today: str | None = None) -> list[Issue]:
    """All checks: references, then the maintainers' rules."""
    sink = _Sink(context)
    today_date = dates.day_or_today(today)
    issues = check_references(ds, context)
    _check_iso_codes(ds, sink)
    for ii, inst in enumerate(ds.instruments_file.instruments):
        _check_instrument(ds, inst, ("instruments", ii), sink)
    _check_assertions(ds, sink)
    _check_membership_periods(ds, sink)
    for path, which, fact in _sourced_facts(ds):
        if not fact.source:
            sink.add(which, path, "missing-source", "no `source`: every fact needs the page or citation it comes from")
        if fact.checked:
            checked = dates.earliest(fact.checked)
            if checked > today_date:
                sink.add(which, path + ("checked",), "checked-in-future", f"checked date {fact.checked} is after today ({today_date})")
            elif (today_date - checked).days > STALE_AFTER_DAYS:
                sink.add(which, path + ("checked",), "stale-check",
                         f"last checked {fact.checked}, more than {STALE_AFTER_DAYS // 365} years ago", "warning")
    return issues + sink.issues


def _check_assertions(ds: Dataset, sink: _Sink) -> None:
    """The minimum counts each file promises (OpenSanctions-style data assertions)."""
    for which, file in (("states", ds.states_file), ("instruments", ds.instruments_file)):
        a = file.assertions
        if a is None:
            continue
        base = ("assertions",)
        if a.min_states is not None and len(ds.states) < a.min_states:
            sink.add(which, base + ("min_states",), "assertion-failed", f"{len(ds.states)} states, fewer than the {a.min_states} asserted")
        if a.min_instruments is not None and len(ds.instruments) < a.min_instruments:
            sink.add(which, base + ("min_instruments",), "assertion-failed",
                     f"{len(ds.instruments)} instruments, fewer than the {a.min_instruments} asserted")
        for gid, n in a.min_members.items():
            have = len({m.state for m in ds.groups[gid].members}) if gid in ds.groups else 0
            if have < n:
                sink.add(which, base + ("min_members", gid), "assertion-failed", f"group {gid!r} has {have} members, fewer than the {n} asserted")
        for iid, n in a.min_parties.items():
            have = len(ds.instruments[iid].parties) if iid in ds.instruments else 0
            if have < n:
                sink.add(which, base + ("min_parties", iid), "assertion-failed", f"{iid!r} has {have} party records, fewer than the {n} asserted")


def _check_membership_periods(ds: Dataset, sink: _Sink) -> None:
    """A state that left a group and rejoined has one entry per period; two of its periods may not overlap
    (an open-ended first entry beside a later one hides the years it was out)."""
    for gi, group in enumerate(ds.states_file.groups):
        spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for mi, m in enumerate(group.members):
            start = dates.earliest(m.since) if m.since else dt.date.min
            end = dates.earliest(m.until) if m.until else dt.date.max
            if any(start < other_end and other_start < end for other_start, other_end in spans.get(m.state, [])):
                sink.add("states", ("groups", gi, "members", mi), "membership-overlap",
                         f"{m.state} is listed twice in {group.id!r} with overlapping periods: give the earlier one its `until`")
            spans.setdefault(m.state, []).append((start, end))


def _check_iso_codes(ds: Dataset, sink: _Sink) -> None:
    import pycountry

    customary = {"XK"}  # Kosovo: no ISO 3166-1 code; the customary user-assigned one
    for si, state in enumerate(ds.states_file.states):
        if state.code not in customary and pycountry.countries.get(alpha_2=state.code) is None:
            sink.add("states", ("states", si, "code"), "not-iso-code", f"{state.code!r} is not an ISO 3166-1 alpha-2 code")


def _check_instrument(ds: Dataset, inst: Instrument, base: tuple, sink: _Sink) -> None:
    if inst.kind == "bilateral_treaty" and len(inst.parties) != 2:
        sink.add("instruments", base + ("parties",), "bilateral-parties",
                 f"a bilateral instrument has exactly two parties, this one has {len(inst.parties)}")
    if inst.kind == "domestic_law" and len(inst.parties) != 1:
        sink.add("instruments", base + ("parties",), "domestic-law-party",
                 f"a domestic law binds exactly one state (the requested state), this one lists {len(inst.parties)}")
    _order(sink, base, [("adopted", inst.adopted), ("in_force", inst.in_force), ("ended", inst.ended)])
    side_states = {code for side in inst.sides for code in side.states}
    as_of = dates.latest(ds.instruments_file.as_of)
    if inst.adopted and dates.earliest(inst.adopted) > as_of:
        sink.add("instruments", base + ("adopted",), "after-as-of",
                 f"adopted {inst.adopted}, after the data's as_of ({ds.instruments_file.as_of})")
    for pi, party in enumerate(inst.parties):
        path = base + ("parties", pi)
        # what a source showed had happened by the data's date cannot postdate it (a two-digit year read as
        # 2035 instead of 1935 would make a party "not yet bound" for another decade); in_force and withdrawn
        # may lie ahead (a deposit takes effect later, a denunciation at the end of its notice period)
        for key in ("signed", "ratified", "acceded", "succeeded", "bound_by", "not_ratified_as_of", "status_unknown_from"):
            value = getattr(party, key)
            if value and dates.earliest(value) > as_of:
                sink.add("instruments", path + (key,), "after-as-of",
                         f"{key} {value} is after the data's as_of ({ds.instruments_file.as_of}): a misread year?")
                break
        # a succession takes effect from independence, so it may postdate the in-force date: not in the chain
        _order(sink, path, [("signed", party.signed), ("ratified", party.ratified or party.acceded),
                            ("in_force", party.in_force), ("withdrawn", party.withdrawn)])
        if party.suspended_towards and not party.suspended:
            sink.add("instruments", path + ("suspended_towards",), "suspension-without-date",
                     "a suspension needs the date it took effect (suspended), with its source")
        if party.acceded and party.signed:
            sink.add("instruments", path + ("acceded",), "accession-with-signature",
                     "a signatory ratifies, it does not accede: check the depositary's chart (signature or accession?)", "warning")
        if inst.adopted and inst.kind != "domestic_law":
            for key in ("signed", "ratified", "acceded"):
                value = getattr(party, key)
                if value and dates.latest(value) < dates.earliest(inst.adopted):
                    sink.add("instruments", path + (key,), "party-before-instrument",
                             f"{key} {value} is before the instrument was adopted ({inst.adopted})")
        start = inst.provisional_from or inst.in_force
        if start and party.in_force and dates.latest(party.in_force) < dates.earliest(start):
            sink.add("instruments", path + ("in_force",), "party-before-instrument",
                     f"in force for the party on {party.in_force}, before the instrument itself ({start})")
        state = ds.states.get(party.state)
        if state and state.since and not party.succeeded:  # a successor state inherits earlier acts
            for key in ("signed", "ratified", "acceded", "in_force"):
                value = getattr(party, key)
                if value and dates.latest(value) < dates.earliest(state.since):
                    sink.add("instruments", path + (key,), "party-before-state",
                             f"{key} {value}, before {state.name} existed ({state.since})")
                    break
        if inst.participation and party.state not in side_states and party.in_force:
            group = ds.groups.get(inst.participation.group)
            if group and not _member_on(group, party.state, dates.latest(party.in_force)):
                sink.add("instruments", path + ("state",), "participant-not-member",
                         f"{party.state} is not a member of {group.id!r} on {party.in_force}, when the instrument is said to bind it")


def _member_on(group, state: str, day: dt.date) -> bool:
    for m in group.members:
        if m.state == state and (not m.since or dates.latest(m.since) <= day) and (not m.until or day < dates.earliest(m.until)):
            return True
    return False


def _order(sink: _Sink, path: tuple, chain: list[tuple[str, str | None]]) -> None:
    """signed <= ratified <= in force <= withdrawn, where both ends are known."""
    known = [(k, v) for k, v in chain if v]
    for (k1, v1), (k2, v2) in zip(known, known[1:]):
        if dates.earliest(v1) > dates.latest(v2):
            sink.add("instruments", path + (k2,), "date-order", f"{k2} {v2} is before {k1} {v1}")


def _sourced_facts(ds: Dataset) -> Iterator[tuple[tuple, str, Sourced]]:
    """Every record whose truth depends on a source."""
    for gi, group in enumerate(ds.states_file.groups):
        yield ("groups", gi), "states", group
    for si, state in enumerate(ds.states_file.states):
        for key in ("extradites_nationals", "needs_treaty_for_extradition", "needs_treaty_for_mla", "death_penalty",
                    "domestic_law", "central_authority_mla", "central_authority_extradition"):
            fact = getattr(state, key)
            if fact is not None:
                yield ("states", si, key), "states", fact
    for ii, inst in enumerate(ds.instruments_file.instruments):
        yield ("instruments", ii), "instruments", inst
        for pi, party in enumerate(inst.parties):
            yield ("instruments", ii, "parties", pi), "instruments", party
            for ri, res in enumerate(party.reservations):
                yield ("instruments", ii, "parties", pi, "reservations", ri), "instruments", res
        if inst.participation:
            yield ("instruments", ii, "participation"), "instruments", inst.participation
            for oi, opt in enumerate(inst.participation.not_bound):
                yield ("instruments", ii, "participation", "not_bound", oi), "instruments", opt


def stats(ds: Dataset) -> dict:
    """Counts for `validate --stats`: what the data holds and how much of it is sourced."""
    facts = [fact for _, _, fact in _sourced_facts(ds)]
    memberships = [m for g in ds.states_file.groups for m in g.members]
    sourced = sum(1 for f in facts if f.source)
    kinds = Counter(i.kind for i in ds.instruments_file.instruments)
    parties = sum(len(i.parties) for i in ds.instruments_file.instruments)
    return {
        "states": len(ds.states),
        "groups": len(ds.groups),
        "memberships": len(memberships),
        "instruments": len(ds.instruments),
        "instruments_by_kind": dict(sorted(kinds.items())),
        "parties": parties,
        "facts": len(facts),
        "facts_with_source": sourced,
        "share_with_source": round(sourced / len(facts), 3) if facts else 0.0,
        "facts_checked": sum(1 for f in facts if f.checked),
        # a membership is sourced by its own source or its group's list
        "memberships_with_source": sum(1 for g in ds.states_file.groups for m in g.members if m.source or g.source),
        "states_with_nationals_policy": sum(1 for s in ds.states.values() if s.extradites_nationals),
        "states_with_domestic_law": sum(1 for s in ds.states.values() if s.domestic_law),
        # issue #4's yardsticks: bilateral instruments, and states whose own law is offered as a route
        "bilateral_instruments": sum(1 for i in ds.instruments.values() if i.kind == "bilateral_treaty"),
        "states_with_domestic_law_route": len({p.state for i in ds.instruments.values() if i.kind == "domestic_law"
                                               for p in i.parties}),
        # data debt: bilaterals answered "not recorded" on every date (no entry into force, no dated list)
        "bilateral_without_in_force": sum(1 for i in ds.instruments.values() if i.kind == "bilateral_treaty"
                                          and not i.pending and not i.in_force
                                          and not any(p.in_force or p.bound_by for p in i.parties)),
        "states_with_central_authority": sum(1 for s in ds.states.values()
                                             if s.central_authority_mla or s.central_authority_extradition),
    }

