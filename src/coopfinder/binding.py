"""Does instrument I bind state S on day D? Answered with the reason and the source.

Three answers, never two: bound, not bound (with why), or unknown (the data does not say).
Partial dates count conservatively: a party is bound from the *end* of a partial
`in_force` period and stops being bound from the *start* of a partial `withdrawn` period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import dates
from .model import Dataset, Instrument, Membership, Party

BOUND, NOT_BOUND, UNKNOWN = "bound", "not_bound", "unknown"


@dataclass(frozen=True)
class Binding:
    status: str  # BOUND, NOT_BOUND or UNKNOWN
    reason: str  # one line, for `why` or `why-not`
    since: dt.date | None = None
    approximate: bool = False  # the decisive date is known only to the month or year
    party: Party | None = None
    sources: tuple[str, ...] = ()
    until_hint: dt.date | None = None  # for NOT_BOUND "not yet": the day it will bind

    @property
    def bound(self) -> bool:
        return self.status == BOUND


def membership_on(ds: Dataset, group_id: str, state: str, day: dt.date) -> Membership | None:
    """The membership that makes `state` a member of `group_id` on `day`, if any."""
    group = ds.groups.get(group_id)
    for m in group.members if group else ():
        if m.state != state:
            continue
        if m.since and dates.latest(m.since) > day:
            continue
        if m.until and day >= dates.earliest(m.until):
            continue
        return m
    return None


def _by_rule(inst: Instrument, deposit_day: dt.date) -> dt.date:
    """The in-force day the instrument's rule gives for a deposit on `deposit_day`."""
    rule = inst.entry_into_force_rule
    assert rule is not None
    if rule.kind == "days_after_deposit":
        return deposit_day + dt.timedelta(days=rule.n)
    if rule.kind == "first_of_month_after_months":
        return dates.add_months_first_of_month(deposit_day, rule.n)
    return deposit_day


def _derived_in_force(inst: Instrument, party: Party) -> tuple[dt.date | None, bool, str]:
    """In-force day from the deposit and the instrument's rule: (day, approximate, how).
    A deposit known only to the month or year counts from the end of that period."""
    deposit = party.ratified or party.acceded or party.succeeded
    rule = inst.entry_into_force_rule
    if deposit and not rule and inst.in_force and dates.latest(deposit) <= dates.latest(inst.in_force):
        # whatever the rule for later parties, an instrument enters into force for those that had deposited
        return dates.latest(inst.in_force), dates.is_partial(inst.in_force), \
            f"deposit {deposit}, in force with the instrument on {inst.in_force}"
    if not deposit or not rule:
        return None, False, ""
    day = _by_rule(inst, dates.latest(deposit))
    how = f"deposit {deposit}, in force by the rule of {rule.article}"
    started = instrument_started(inst)
    if started is None:  # the instrument's own entry into force is not known: nothing can be derived
        return None, False, ""
    if started > day:
        day = started
        how = (f"deposit {deposit}, in force with the instrument on {inst.in_force}" if inst.in_force else
               f"deposit {deposit}; the instrument's own entry into force is not recorded, but it was in force by "
               f"{started} (a party's recorded date)")
    return day, dates.is_partial(deposit), how


def instrument_started(inst: Instrument) -> dt.date | None:
    """The day the instrument itself was in force: its `in_force`, else the earliest day a party's
    own in-force date proves it was (conservative), else None."""
    if inst.in_force:
        return dates.latest(inst.in_force)
    known = [dates.latest(p.in_force) for p in inst.parties if p.in_force]
    return min(known) if known else None


def binding(ds: Dataset, inst: Instrument, state: str, day: dt.date) -> Binding:
    """Whether `inst` binds `state` on `day`, and why."""
    name = ds.states[state].name if state in ds.states else state
    if inst.pending:
        return Binding(NOT_BOUND, f"{inst.label} has not entered into force (as of the data's date)", sources=_src(inst.source))
    if inst.ended and day >= dates.earliest(inst.ended):
        return Binding(NOT_BOUND, f"terminated on {inst.ended}", sources=_src(inst.source))
    party = next((p for p in inst.parties if p.state == state), None)
    if party is not None and inst.participation and not _has_dates(party):
        party = None  # a record that only carries reservations: the group rule gives the dates
    if party is not None:
        return _party_binding(inst, party, name, day)
    if inst.participation:
        return _group_binding(ds, inst, state, name, day)
    if inst.open_to and not any(membership_on(ds, g, state, day) for g in inst.open_to):
        return Binding(NOT_BOUND, f"{name} cannot be a party: it is open only to members of "
                       f"{', '.join(g.upper() for g in inst.open_to)}")
    if inst.sides and not any(state in side.states or (side.group and membership_on(ds, side.group, state, day))
                              for side in inst.sides):
        return Binding(NOT_BOUND, f"{name} is on neither side of this agreement on {day}")
    if inst.parties_complete or inst.kind == "bilateral_treaty":
        return Binding(NOT_BOUND, f"{name} is not a party")
    return Binding(UNKNOWN, f"whether {name} is a party is not recorded")


def _has_dates(party: Party) -> bool:
    return any((party.in_force, party.bound_by, party.ratified, party.acceded, party.succeeded, party.signed,
                party.withdrawn, party.suspended, party.status_unknown_from))


def _window(text: str, day: dt.date) -> bool:
    """True when `day` falls inside a partial date's period ("2006" and 2006-05-01): undecidable."""
    return dates.is_partial(text) and dates.earliest(text) <= day < dates.latest(text)


def _party_binding(inst: Instrument, party: Party, name: str, day: dt.date) -> Binding:
    sources = _src(party.source or inst.source)
    if party.withdrawn and _window(party.withdrawn, day):
        return Binding(UNKNOWN, f"ceased to apply to {name} on a day in {party.withdrawn} not recorded", party=party, sources=sources)
    if party.withdrawn and day >= dates.earliest(party.withdrawn):
        return Binding(NOT_BOUND, f"no longer binds {name}: withdrawn or ceased to apply on {party.withdrawn}", party=party, sources=sources)
    if party.suspended and not party.suspended_towards and day >= dates.earliest(party.suspended):
        return Binding(NOT_BOUND, f"suspended by {name} since {party.suspended}", party=party, sources=sources)
    if party.status_unknown_from and day >= dates.earliest(party.status_unknown_from):
        still = "still applies" if inst.kind == "bilateral_treaty" else f"still binds {name}"
        return Binding(UNKNOWN, f"whether {inst.label} {still} from {party.status_unknown_from} is not recorded "
                       "(a source leaves it open)", party=party, sources=sources)
    approximate = False
    if party.in_force:
        if _window(party.in_force, day):
            return Binding(UNKNOWN, f"in force for {name} from a day in {party.in_force} not recorded: whether on {day} is unknown",
                           party=party, sources=sources)
        since, approximate = dates.latest(party.in_force), dates.is_partial(party.in_force)
        how = f"in force for {name} since {party.in_force}"
    else:
        since, approximate, how = _derived_in_force(inst, party)
        how = f"{name}: {how}" if how else how
        deposit = party.ratified or party.acceded or party.succeeded
        if since is not None and approximate and day < since and deposit and (
                _by_rule(inst, dates.earliest(deposit)) <= day):
            # a deposit known only to the month or year: the rule puts the day inside a window
            return Binding(UNKNOWN, f"{name} deposited in {deposit} (day not recorded): whether in force on {day} is unknown",
                           party=party, sources=sources)
        if since is None and inst.kind in ("bilateral_treaty", "domestic_law") and inst.in_force:
            since, approximate = dates.latest(inst.in_force), dates.is_partial(inst.in_force)
            how = f"in force since {inst.in_force}"
        if since is None and party.bound_by and inst.in_force and dates.latest(party.bound_by) < dates.earliest(inst.in_force):
            # shown a party before the instrument itself entered into force: bound from that entry into force
            since, approximate = dates.latest(inst.in_force), dates.is_partial(inst.in_force)
            how = f"{name} a party by {party.bound_by}, in force with the instrument on {inst.in_force}"
        if since is None and party.bound_by:
            since = dates.latest(party.bound_by)
            if since > day:
                return Binding(UNKNOWN, f"{name} was bound by {party.bound_by}; whether it was bound on {day} is not recorded",
                               party=party, sources=sources)
            return Binding(BOUND, f"{name} bound at the latest from {party.bound_by} (exact date not recorded)", since=since,
                           approximate=True, party=party, sources=sources)
        if since is None:
            if party.not_ratified_as_of and day <= dates.earliest(party.not_ratified_as_of) and not (
                    party.ratified or party.acceded or party.succeeded):
                if inst.kind == "bilateral_treaty":  # the treaty as a whole, not one side's ratification
                    return Binding(NOT_BOUND, f"{inst.label} was signed on {party.signed or 'a date not recorded'} and was "
                                   f"not in force as of {party.not_ratified_as_of}", party=party, sources=sources)
                return Binding(NOT_BOUND, f"{name} signed on {party.signed or 'a date not recorded'} and had not ratified as of "
                               f"{party.not_ratified_as_of}", party=party, sources=sources)
            if inst.kind == "bilateral_treaty":
                later = f" (it was not in force on {party.not_ratified_as_of})" if party.not_ratified_as_of else ""
                return Binding(UNKNOWN, f"the date {inst.label} entered into force is not recorded{later}", party=party,
                               sources=sources)
            if party.ratified or party.acceded or party.succeeded:
                return Binding(UNKNOWN, f"{name} is a party but the date it became bound is not recorded", party=party, sources=sources)
            if party.signed and inst.parties_complete:
                return Binding(NOT_BOUND, f"{name} signed on {party.signed} but has not ratified", party=party, sources=sources)
            if party.signed or party.not_ratified_as_of:  # the list may be behind the depositary's: a signature is not a "no"
                since_when = f" after {party.not_ratified_as_of}" if party.not_ratified_as_of else ""
                return Binding(UNKNOWN, f"{name} signed on {party.signed or 'a date not recorded'}; a ratification{since_when} "
                               "is not recorded", party=party, sources=sources)
            return Binding(UNKNOWN, f"{name}'s status is not recorded", party=party, sources=sources)
    if inst.participation and inst.participation.from_ and dates.latest(inst.participation.from_) > since:
        # a member's own date never precedes the date the instrument applies from (a law adopted early)
        since = dates.latest(inst.participation.from_)
        how += f"; the instrument applies from {inst.participation.from_}"
    if since > day:
        return Binding(NOT_BOUND, f"not yet in force for {name} on {day} (from {since})", since=since,
                       approximate=approximate, party=party, sources=sources, until_hint=since)
    if approximate:
        how += " (exact day not recorded)"
    return Binding(BOUND, how, since=since, approximate=approximate, party=party, sources=sources)


def _group_binding(ds: Dataset, inst: Instrument, state: str, name: str, day: dt.date) -> Binding:
    rule = inst.participation
    assert rule is not None
    opt = next((o for o in rule.not_bound if o.state == state), None)
    if opt is not None:
        return Binding(NOT_BOUND, f"{name} is not bound (opt-out)", sources=_src(opt.source or rule.source))
    if any(o.state == state for o in rule.not_recorded) and membership_on(ds, rule.group, state, day):
        return Binding(UNKNOWN, f"whether {name} takes part (opt-in or opt-out) is not recorded", sources=_src(rule.source))
    member = membership_on(ds, rule.group, state, day)
    group = ds.groups[rule.group]
    if member is None and not group.members_complete and not any(m.state == state for m in group.members):
        return Binding(UNKNOWN, f"whether {name} is a member of {group.name} is not recorded (the data's member list is partial)",
                       sources=_src(group.source))
    if member is None:
        return Binding(NOT_BOUND, f"{name} is not a member of {rule.group.upper()} on {day}")
    sources = tuple(s for s in (rule.source, member.source, group.source) if s)
    starts = [(member.since, "membership")] if member.since else []
    if rule.from_:
        starts.append((rule.from_, "application"))
    if inst.in_force:
        starts.append((inst.in_force, "entry into force"))
    if not starts:  # a member when the data was compiled, whose date of joining the data does not give
        if day < dates.earliest(ds.as_of):
            return Binding(UNKNOWN, f"{name} is a member of {rule.group.upper()}, but since when is not recorded", sources=sources)
        return Binding(BOUND, f"binds {name} as a member of {rule.group.upper()} (date of joining not recorded)", sources=sources)
    text, _ = max(starts, key=lambda s: dates.latest(s[0]))
    if _window(text, day):
        return Binding(UNKNOWN, f"binds {name} from a day in {text} not recorded: whether on {day} is unknown", sources=sources)
    since = dates.latest(text)
    if since > day:
        return Binding(NOT_BOUND, f"applies to {name} only from {text}", since=since, sources=sources, until_hint=since)
    if rule.certain_from and day < dates.latest(rule.certain_from):
        return Binding(UNKNOWN, f"the date from which {name} applies it is not recorded (every member did by {rule.certain_from})",
                       sources=sources)
    how = f"binds {name} as a member of {rule.group.upper()}" + (f" (since {member.since})" if member.since else "")
    if dates.is_partial(text):
        how += " (exact day not recorded)"
    if rule.from_:
        how += f"; applies from {rule.from_}"
    return Binding(BOUND, how, since=since, approximate=dates.is_partial(text), sources=sources)


def _src(*values: str | None) -> tuple[str, ...]:
    return tuple(v for v in values if v)


def on_sides(inst: Instrument, ds: Dataset, a: str, b: str, day: dt.date) -> bool:
    """For bloc agreements (EU–US): are `a` and `b` on opposite sides? True where no sides."""
    if not inst.sides:
        return True

    def side_of(state: str) -> set[int]:
        out = set()
        for i, side in enumerate(inst.sides):
            if state in side.states or (side.group and membership_on(ds, side.group, state, day)):
                out.add(i)
        return out

    sa, sb = side_of(a), side_of(b)
    return any(x != y for x in sa for y in sb)
