"""Multi-step pathways: what practice does first, and the dates deadlines fall on.

- cybercrime evidence: expedited preservation (24/7 network, preservation order) before the
  request that discloses the data (direct orders to service providers stay their own pathway);
- extradition: an INTERPOL notice, then provisional arrest under the instrument (with the
  deadline for the formal request where recorded), then the request itself;
- a measure with stages (freezing -> confiscation -> return; preservation -> production) gets a
  step per stage;
- with a start date, each deadline gets its calendar date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import vocab
from .binding import binding
from .model import Dataset, Pathway, Query, Step, Warning
from .scope import provisions


def add_preservation(pathways: list[Pathway], preservation: list[Pathway]) -> list[Pathway]:
    """Put a preservation step before each disclosure request (evidence, crime cyber)."""
    if not preservation:
        return pathways
    by_instrument = {p.steps[0].instrument.id: p for p in preservation}
    # a regime's own preservation goes with its own request (EIO Art. 32 with the EIO); otherwise the
    # best stand-alone preservation route (Budapest's 24/7 network), never another regime's order
    standalone = [p for p in preservation if p.strength != "mutual_recognition"]
    best = standalone[0] if standalone else None
    out = []
    for p in pathways:
        main = p.steps[-1]
        if main.channel in ("service_provider", "police") or main.role != "request":
            out.append(p)
            continue
        pre = by_instrument.get(main.instrument.id, best)
        if pre is None:
            out.append(p)
            continue
        first = replace(pre.steps[0], role="preservation", note="preserve the data first, so it still exists when the request arrives")
        why = (f"first: expedited preservation under {first.label} ({vocab.CHANNELS[first.channel]}), "
               f"then the request for disclosure under {main.label}",) + p.why
        extra = tuple(w for w in pre.warnings if w.code in ("reservation", "dual_criminality") and w not in p.warnings)
        out.append(replace(p, steps=(first, *p.steps), why=why, warnings=p.warnings + extra,
                           sources=tuple(dict.fromkeys(p.sources + pre.sources))))
    return out


def add_arrest_steps(ds: Dataset, query: Query, day: dt.date, pathways: list[Pathway]) -> list[Pathway]:
    """INTERPOL notice -> provisional arrest -> extradition request, where the data supports each step."""
    notice = None
    for channel in sorted((i for i in ds.instruments.values() if i.kind == "channel"), key=lambda i: i.id):
        spec = next((m for m in channel.measures if m.measure == "police_info" and m.channel == "police" and m.notices), None)
        if spec is not None and all(binding(ds, channel, s, day).bound for s in (query.requesting, query.requested)):
            notice = Step(channel, "police", tuple(spec.articles), None, role="notice",
                          note="a notice or diffusion to locate the person and ask for provisional arrest")
            break
    out = []
    for p in pathways:
        main = p.steps[-1]
        spec = next((m for m in main.instrument.measures if m.measure == "extradition"), None)
        if main.role != "request" or main.instrument.kind == "reciprocity" or spec is None:
            out.append(p)
            continue
        steps: list[Step] = [notice] if notice and spec.notice_first else []
        why = list(p.why)
        warnings = list(p.warnings)
        if spec is not None and spec.provisional_arrest:
            deadlines = tuple(d for d in spec.deadlines if d.step == "provisional_arrest")
            steps.append(Step(main.instrument, main.channel, (spec.provisional_arrest,), None, deadlines,
                              role="provisional_arrest", note="provisional arrest pending the formal request"))
            if not deadlines:
                warnings.append(Warning("not_recorded", f"{main.label}: the deadline for the formal request after provisional "
                                        f"arrest ({spec.provisional_arrest}) is not recorded in the data"))
            why.insert(0, f"provisional arrest may be asked for under {spec.provisional_arrest} before the formal request")
        if not steps:
            out.append(p)
            continue
        # the provisional-arrest deadlines belong to that step, not to the formal request
        request = replace(main, deadlines=tuple(d for d in main.deadlines if d.step != "provisional_arrest"))
        out.append(replace(p, steps=(*steps, *p.steps[:-1], request), why=tuple(why), warnings=tuple(warnings)))
    return out


def add_support(ds: Dataset, query: Query, day: dt.date, pathways: list[Pathway]) -> list[Pathway]:
    """After the legal basis, the support channel binding both states (Eurojust for a JIT)."""
    support = None
    for inst in sorted(ds.instruments.values(), key=lambda i: i.id):
        specs = provisions(inst, query, support=True)
        if specs and all(binding(ds, inst, s, day).bound for s in (query.requesting, query.requested)):
            support = Step(inst, specs[0].channel, tuple(specs[0].articles), None, role="support", note=specs[0].condition or "")
            break
    if support is None:
        return pathways
    return [replace(p, steps=(*p.steps, support)) if p.steps[-1].role in ("request",) and p.strength != "police" else p
            for p in pathways]


def expand_stages(pathways: list[Pathway], query: Query) -> list[Pathway]:
    """A measure with stages inside one instrument (freezing -> confiscation -> return) becomes
    one step per stage, each with its own articles, time and deadlines."""
    out = []
    for p in pathways:
        main = p.steps[-1]
        spec = next((m for m in main.instrument.measures if m.measure == query.measure and m.stages), None)
        if spec is None or len(p.steps) > 1:
            out.append(p)
            continue
        staged = tuple(replace(main, articles=tuple(st.articles), typical_days=st.typical_days,
                               deadlines=tuple(st.deadlines), role=st.role, note=st.note or "")
                       for st in spec.stages)
        out.append(replace(p, steps=staged))
    return out


def add_due_dates(start: dt.date, pathways: list[Pathway]) -> list[Pathway]:
    """Calendar dates for the deadlines of the first step that has any, counted from `start` (the
    day the request is sent) or from the previous deadline. A later step's deadlines run from
    the day that step begins (a confiscation certificate sent months after the freezing order),
    which the user has not given: they keep their periods but get no date."""
    out = []
    for p in pathways:
        steps = []
        dated = False
        for step in p.steps:
            if dated or not step.deadlines:
                steps.append(step)
                continue
            dated = True
            due, last = [], start
            for d in step.deadlines:
                base = last if d.after == "previous" else start
                try:
                    last = base + dt.timedelta(days=d.calendar_days)
                except OverflowError:  # a start date at the end of the calendar: no date to give
                    break
                due.append(last.isoformat())
            steps.append(replace(step, due=tuple(due)))
        out.append(replace(p, steps=tuple(steps)))
    return out

