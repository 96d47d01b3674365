"""Order pathways: legal strength, then expected time, then specificity of scope.

Within a strength, a route to the requested state's authorities comes before an order to a
service provider (which reaches only the data a provider holds).

Specificity is first the crime (an instrument naming the crime asked for, then one for any
offence, then — when the question names no crime — one that covers only some offences), then the circle of states it was made for (bilateral, then an agreement between a
bloc and a state, then regional, then global), then the newer instrument (lex posterior: the
2000 EU Convention supplements the 1959 Convention, the EU–UK agreement follows the 1957 one).

Ties always sort the same way (by instrument id), so the same data gives the same answer.
"""

from __future__ import annotations

from dataclasses import replace

from . import vocab
from .model import Instrument, MeasureSpec, Pathway, Query

_TIERS = list(vocab.STRENGTHS)  # strongest first


def strength_of(inst: Instrument, spec: MeasureSpec, query: Query) -> str:
    """Which rung of the ladder in vocab.STRENGTHS this instrument stands on for this query."""
    if spec.channel == "police" and query.measure != "police_info":
        return "police"
    if inst.mutual_recognition:
        return "mutual_recognition"
    if inst.kind in ("reciprocity", "domestic_law"):
        return "reciprocity"
    if not inst.binding or inst.kind in ("non_binding_scheme", "channel"):
        return "non_binding"
    if inst.kind == "bilateral_treaty":
        return "bilateral"
    return "multilateral"


def circle(inst: Instrument) -> int:
    """0 bilateral, 1 bloc-to-state agreement, 2 regional or EU, 3 global, 4 anything else."""
    if inst.kind == "bilateral_treaty":
        return 0
    if inst.sides:
        return 1
    return {"eu_instrument": 2, "regional_treaty": 2, "multilateral_treaty": 3}.get(inst.kind, 4)


def _key(p: Pathway) -> tuple:
    days = p.typical_days
    main = p.main.instrument  # the request itself; other steps (preservation, notice, support) serve it
    newest = -int((main.adopted or "0")[:4])
    # an order to a service provider reaches only the data a provider holds: the route to the
    # state itself comes first within a tier, the provider order beside it
    to_provider = main.addressee == "service_provider"
    return (_TIERS.index(p.strength), to_provider, days if days is not None else 10**6, p.fit, circle(main), newest,
            tuple(s.instrument.id for s in p.steps))


def score(p: Pathway) -> float:
    """A 0–1 summary for scripts that want a number: strength dominates, then time, then scope.

    The order (`rank`) is the contract; the score only summarises it, and `rank_pathways`
    keeps it from ever rising down the list.
    """
    tier = _TIERS.index(p.strength) / len(_TIERS) + (0.05 if p.main.instrument.addressee == "service_provider" else 0.0)
    days = p.typical_days
    slowness = min(days, 365) / 365 if days is not None else 1.0
    return round(1.0 - tier - 0.1 * slowness - 0.01 * p.fit, 3)


def rank_pathways(pathways: list[Pathway]) -> list[Pathway]:
    """Sorted strongest first, numbered from 1, each with a score that never rises down the list."""
    out: list[Pathway] = []
    ceiling = 1.0
    for i, p in enumerate(sorted(pathways, key=_key), start=1):
        ceiling = min(ceiling, score(p))
        out.append(replace(p, rank=i, score=ceiling))
    return out
