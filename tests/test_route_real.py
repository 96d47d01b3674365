"""Answers on the bundled data: the issue's examples, and invariants over many pairs and dates."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopfinder import dates
from coopfinder.binding import binding
from coopfinder.explain import why_not
from coopfinder.model import Query
from coopfinder.route import find_routes
from coopfinder.scope import provisions

from .conftest import ON

TARGETS = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
           "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "US", "CH", "NO", "JP", "CA", "AU"]
EU = TARGETS[:27]


def ids(result):
    """The instrument of each pathway's request (its last step; earlier steps prepare it)."""
    return [p.main.instrument.id for p in result.pathways]


def test_eio_ranks_first_between_france_and_germany(real_graph):
    r = find_routes(real_graph, Query("DE", "FR", "evidence", "cyber", ON))
    assert ids(r)[0] == "eu-dir-2014-41"
    assert "coe-ets-30" not in ids(r)  # replaced between them (Art. 34)


def test_ireland_is_not_offered_the_eio(real_graph):
    for a, b in (("IE", "DE"), ("DE", "IE")):
        r = find_routes(real_graph, Query(a, b, "evidence", "any", ON))
        assert "eu-dir-2014-41" not in ids(r)
        assert r.pathways, "Ireland still has the 1959 and 2000 conventions"
        first = r.pathways[0].steps[0]
        # the 2000 EU Convention supplements the 1959 one: one route, applied together, direct channel
        assert first.instrument.id == "coe-ets-30"
        assert "eu-mla-2000" in {i.id for i, _ in first.supplemented_by}
        assert first.channel == "direct_judicial"


def test_eaw_first_within_the_eu_and_gone_for_the_uk(real_graph):
    assert ids(find_routes(real_graph, Query("DE", "FR", "extradition", "any", ON)))[0] == "eu-fd-2002-584"
    gb = find_routes(real_graph, Query("GB", "DE", "extradition", "any", ON))
    assert "eu-fd-2002-584" not in ids(gb)
    assert ids(gb)[0] == "eu-uk-tca-2020"
    # Germany notified that it does not surrender its nationals to the UK under the TCA
    assert any(w.code == "nationality" for w in gb.pathways[0].warnings)
    # before Brexit took effect, the EAW was the route
    assert ids(find_routes(real_graph, Query("GB", "DE", "extradition", "any", "2019-06-01")))[0] == "eu-fd-2002-584"


def test_us_uk_cyber_evidence_offers_the_mlat_budapest_and_cloud(real_graph):
    r = find_routes(real_graph, Query("US", "GB", "evidence", "cyber", ON))
    assert {"us-gb-mla-1994", "coe-ets-185", "us-gb-cloud-2019"} <= set(ids(r))
    cloud = next(p for p in r.pathways if p.steps[-1].instrument.id == "us-gb-cloud-2019")
    assert cloud.steps[-1].channel == "service_provider"
    assert any(w.code == "limits" for w in cloud.warnings)
    # the CLOUD agreement entered into force in October 2022
    assert "us-gb-cloud-2019" not in ids(find_routes(real_graph, Query("US", "GB", "evidence", "cyber", "2021-01-01")))


def test_budapest_before_a_party_joined(real):
    # Sweden deposited in 2021: before that the Budapest Convention did not bind it
    assert "coe-ets-185" in ids(find_routes(real, Query("DE", "SE", "preservation", "cyber", ON)))
    assert "coe-ets-185" not in ids(find_routes(real, Query("DE", "SE", "preservation", "cyber", "2020-01-01")))


def test_norway_is_a_state_not_a_boolean(real):
    assert real.states["NO"].name == "Norway"
    assert find_routes(real, Query("NO", "DE", "extradition", "any", ON)).pathways


def test_japan_germany_extradition_falls_back_to_domestic_law(real):
    # no extradition treaty: conventions cover only some crimes, so the domestic-law route is offered too
    r = find_routes(real, Query("JP", "DE", "extradition", "any", ON))
    assert ids(r)[-1] == "law-de-extradition"  # Germany's own law (IRG), in place of the generic reciprocity route
    assert "reciprocity-extradition" not in ids(r)
    # where the requested state's law is not recorded, the generic route stands, with a warning
    sk = find_routes(real, Query("JP", "SK", "extradition", "any", ON))
    assert "reciprocity-extradition" in ids(sk)


# --- invariants, over many random questions --------------------------------------------

pairs = st.tuples(st.sampled_from(TARGETS), st.sampled_from(TARGETS)).filter(lambda p: p[0] != p[1])
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2026, 11, 23))
measures = st.sampled_from(["evidence", "preservation", "extradition", "jit", "police_info", "asset_recovery"])
crimes = st.sampled_from(["any", "cyber", "drugs", "corruption", "fraud", "terrorism"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=pairs, day=days, measure=measures, crime=crimes)
def test_every_step_binds_both_states_on_the_date_and_covers_the_question(real_graph, pair, day, measure, crime):
    ds = real_graph.graph["dataset"]
    q = Query(pair[0], pair[1], measure, crime, day.isoformat())
    result = find_routes(real_graph, q)
    for p in result.pathways:
        for step in p.steps:
            inst = step.instrument
            # preparatory steps rest on their own measure: preservation, or a police notice
            step_measure = {"preservation": "preservation", "notice": "police_info"}.get(step.role, measure)
            assert provisions(inst, Query(q.requesting, q.requested, step_measure, crime, q.on), support=step.role == "support"), \
                f"{inst.id} does not cover {step_measure}/{crime}"
            if inst.kind == "reciprocity":
                continue
            states = [q.requested] if inst.kind == "domestic_law" else [q.requesting, q.requested]
            for s in states:
                assert binding(ds, inst, s, day).bound, f"{inst.id} does not bind {s} on {day}"
                for extra, _ in step.supplemented_by:
                    assert binding(ds, extra, s, day).bound, f"{extra.id} does not bind {s} on {day}"
            if inst.ended:
                assert day < dates.earliest(inst.ended)
    assert [p.rank for p in result.pathways] == list(range(1, len(result.pathways) + 1))
    scores = [p.score for p in result.pathways]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=pairs, measure=measures, seed=st.integers(0, 10**6))
def test_the_order_of_yaml_lists_never_changes_an_answer(real, pair, measure, seed):
    from coopfinder.model import Dataset, InstrumentsFile, StatesFile

    rng = random.Random(seed)
    insts = [i.model_copy(update={"parties": rng.sample(i.parties, len(i.parties))}) for i in real.instruments_file.instruments]
    rng.shuffle(insts)
    states = list(real.states_file.states)
    rng.shuffle(states)
    shuffled = Dataset(StatesFile(as_of=real.states_file.as_of, groups=real.states_file.groups, states=states),
                       InstrumentsFile(as_of=real.instruments_file.as_of, instruments=insts))
    q = Query(pair[0], pair[1], measure, "any", ON)
    assert find_routes(shuffled, q).as_dict() == find_routes(real, q).as_dict()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=pairs, measure=measures, pick=st.integers(0, 10**6))
def test_adding_a_party_never_removes_a_pathway(real, pair, measure, pick):
    from coopfinder.model import Dataset, InstrumentsFile, Party

    q = Query(pair[0], pair[1], measure, "any", ON)
    def offered(result):  # a supplement folded into another pathway is still offered
        return {i.id for p in result.pathways for s in p.steps for i in (s.instrument, *(x for x, _ in s.supplemented_by))}

    before = offered(find_routes(real, q))
    candidates = [i for i in real.instruments_file.instruments
                  if i.kind not in ("bilateral_treaty", "domestic_law", "reciprocity") and i.in_force
                  and all(p.state != pair[1] for p in i.parties)]
    if not candidates:
        return
    target = candidates[pick % len(candidates)]
    grown = target.model_copy(update={"parties": [*target.parties, Party(state=pair[1], in_force="2000-01-01", source="test")]})
    insts = [grown if i.id == target.id else i for i in real.instruments_file.instruments]
    after_ds = Dataset(real.states_file, InstrumentsFile(as_of=real.instruments_file.as_of, instruments=insts))
    after = offered(find_routes(after_ds, q))
    # a new party may replace an older instrument (EIO over the 1959 Convention), or make a
    # treaty answer the question so that the fallbacks step back; it never takes a treaty away
    lost = before - after
    assert all(real.instruments[i].kind in ("reciprocity", "domestic_law") or
               any(r.instrument == i for a in after for r in real.instruments[a].replaces if a in real.instruments)
               or i in {r.instrument for r in grown.replaces}
               for i in lost), lost


def test_all_eu_pairs_answer_evidence_with_the_eio_except_ireland_and_denmark(real):
    for a in EU:
        for b in EU:
            if a == b:
                continue
            first = ids(find_routes(real, Query(a, b, "evidence", "any", ON)))
            if {a, b} & {"IE", "DK"}:
                assert "eu-dir-2014-41" not in first
            else:
                assert first[0] == "eu-dir-2014-41", (a, b, first)


def test_real_data_invariants(real):
    """Counts and shapes the data must keep (validate checks the rest: dates, sources, members)."""
    assert len(real.states) >= 200 and {"VA", "PS", "XK", "TW", "HK", "MO"} <= set(real.states)
    assert len({m.state for m in real.groups["un"].members}) == 193
    assert real.states["HK"].parent == real.states["MO"].parent == "CN"
    for inst in real.instruments.values():
        if inst.kind == "bilateral_treaty":
            assert len(inst.parties) == 2, inst.id
        if inst.kind == "eu_instrument":
            assert inst.participation and inst.participation.group == "eu", inst.id
        for p in inst.parties:
            assert p.source, (inst.id, p.state)
            if inst.adopted and p.signed:
                assert dates.latest(p.signed) >= dates.earliest(inst.adopted), (inst.id, p.state)


@pytest.mark.parametrize("a, b, measure, crime, expected", [
    ("BR", "PT", "evidence", "cyber", "coe-ets-185"),
    ("SA", "EG", "extradition", "terrorism", "arab-terrorism-1998"),
    ("MY", "TH", "evidence", "any", "asean-mlat-2004"),
    ("AR", "CL", "evidence", "any", "oas-a-55"),
    ("KZ", "RU", "evidence", "any", "cis-chisinau-2002"),
    ("ZA", "MZ", "extradition", "any", "sadc-extradition-2002"),
    ("TR", "DE", "evidence", "any", "coe-ets-30"),
    ("GB", "TR", "extradition", "any", "coe-ets-24"),
])
def test_regional_instruments_bind_both(real, a, b, measure, crime, expected):
    assert expected in ids(find_routes(real, Query(a, b, measure, crime, ON)))


def test_sadc_protocol_not_recorded_before_mozambique_is_shown_bound(real):
    early = find_routes(real, Query("ZA", "MZ", "extradition", "any", "2019-01-01"))
    assert "sadc-extradition-2002" not in ids(early)
    assert any(w.code == "not_recorded" and "Mozambique" in w.message for w in early.warnings)


def test_regional_instrument_not_before_it_bound(real):
    # Russia became bound by the Chisinau Convention in 2023
    assert "cis-chisinau-2002" not in ids(find_routes(real, Query("KZ", "RU", "evidence", "any", "2020-01-01")))


def _codes(result, iid):
    p = next(p for p in result.pathways if p.steps[-1].instrument.id == iid)
    return {w.code for w in p.warnings}


def test_refusal_grounds_of_the_extradition_convention(real):
    r = find_routes(real, Query("CH", "NO", "extradition", "tax", ON))
    assert {"political_offence", "military_offence", "fiscal_offence", "ne_bis_in_idem", "speciality",
            "minimum_penalty", "dual_criminality", "nationality"} <= _codes(r, "coe-ets-24")


def test_death_penalty_assurances_between_us_and_uk(real):
    r = find_routes(real, Query("US", "GB", "extradition", "any", ON))
    assert "death_penalty" in _codes(r, "us-gb-ext-2003")


def test_suspension_between_ukraine_and_russia(real):
    before = find_routes(real, Query("RU", "UA", "evidence", "any", "2022-12-10"))
    assert "cis-minsk-1993" in ids(before)
    after = find_routes(real, Query("RU", "UA", "evidence", "any", "2023-06-01"))
    assert "cis-minsk-1993" not in ids(after)
    assert any(w.code == "suspended" for w in after.warnings)


def test_nationality_settled_by_the_person_sought(real):
    certain = find_routes(real, Query("GB", "DE", "extradition", "any", ON, nationality="DE"))
    assert any("the person sought is a national of Germany" in w.message for w in certain.pathways[0].warnings)
    moot = find_routes(real, Query("GB", "DE", "extradition", "any", ON, nationality="FR"))
    assert "nationality" not in {w.code for w in moot.pathways[0].warnings}


def test_unknown_facts_are_not_recorded_never_no(real):
    # Slovakia's position on extraditing its nationals was not found: the answer says so
    r = find_routes(real, Query("US", "SK", "extradition", "any", ON))
    assert any(w.code == "not_recorded" and "nationals" in w.message for p in r.pathways for w in p.warnings)


def test_cyber_evidence_preserves_first_then_discloses(real):
    r = find_routes(real, Query("US", "GB", "evidence", "cyber", ON))
    mlat = next(p for p in r.pathways if p.steps[-1].instrument.id == "us-gb-mla-1994")
    assert [s.role for s in mlat.steps] == ["preservation", "request"]
    assert mlat.steps[0].instrument.id == "coe-ets-185" and mlat.steps[0].channel == "24_7_network"
    cloud = next(p for p in r.pathways if p.steps[-1].instrument.id == "us-gb-cloud-2019")
    assert len(cloud.steps) == 1  # an order to a provider is its own pathway


def test_extradition_shows_the_provisional_arrest_step(real):
    r = find_routes(real, Query("CH", "NO", "extradition", "any", ON))
    ets24 = next(p for p in r.pathways if p.steps[-1].instrument.id == "coe-ets-24")
    assert [s.role for s in ets24.steps] == ["notice", "provisional_arrest", "request"]
    assert ets24.steps[1].articles == ("Art. 16",)
    # Art. 16(4): the request within 18 days, the arrest never beyond 40; both on the arrest step only
    assert [(d.days, d.article) for d in ets24.steps[1].deadlines] == [(18, "Art. 16(4)"), (40, "Art. 16(4)")]
    assert not any("provisional" in d.what for d in ets24.steps[2].deadlines)
    assert not any(w.code == "not_recorded" and "provisional arrest" in w.message for w in ets24.warnings)
    dated = find_routes(real, Query("CH", "NO", "extradition", "any", ON, start="2026-12-01"))
    arrest = next(p for p in dated.pathways if p.steps[-1].instrument.id == "coe-ets-24").steps[1]
    assert arrest.due == ("2026-12-19", "2027-01-10")
    eaw = find_routes(real, Query("DE", "FR", "extradition", "any", ON)).pathways[0]
    assert [s.role for s in eaw.steps] == ["request"]  # the warrant is the request


def test_later_stages_keep_their_periods_without_dates(real):
    # freezing -> confiscation -> return: only the first stage starts on --start
    r = find_routes(real, Query("FR", "DE", "asset_recovery", "any", ON, start="2026-12-01"))
    reg = next(p for p in r.pathways if p.steps[-1].instrument.id == "eu-reg-2018-1805")
    assert [s.role for s in reg.steps] == ["freezing", "confiscation", "return"]
    assert reg.steps[0].due == ("2026-12-03", "2026-12-05")  # 48 hours, then 48 hours more: hours round up to days
    assert reg.steps[1].deadlines and reg.steps[1].due == ()


def test_police_information_has_the_directive_periods(real):
    r = find_routes(real, Query("FR", "DE", "police_info", "any", ON))
    first = r.pathways[0].steps[-1]
    assert first.instrument.id == "eu-dir-2023-977"
    assert [d.span for d in first.deadlines] == ["8 hours", "3 days"]
    before = find_routes(real, Query("FR", "DE", "police_info", "any", "2024-12-11"))
    assert all(p.steps[-1].instrument.id != "eu-dir-2023-977" for p in before.pathways)


def test_deadlines_get_dates_from_start(real):
    r = find_routes(real, Query("DE", "FR", "evidence", "any", ON, start="2026-12-01"))
    eio = r.pathways[0].steps[-1]
    assert eio.due == ("2026-12-31", "2027-03-31")  # 30 days to decide, then 90 to carry out (Art. 12(3)-(4))


def test_e_evidence_orders_apply_from_august_2026_as_their_own_pathway(real):
    now = find_routes(real, Query("DE", "FR", "evidence", "cyber", ON))
    assert ids(now)[:2] == ["eu-dir-2014-41", "eu-reg-2023-1543"]  # the route to the state first, the provider order beside it
    epoc = now.pathways[1].steps[-1]
    assert epoc.channel == "service_provider" and [d.days for d in epoc.deadlines] == [10, 0]
    assert "eu-reg-2023-1543" not in ids(find_routes(real, Query("DE", "FR", "evidence", "cyber", "2026-08-17")))
    # Denmark's participation is not recorded: "not recorded", never "no"
    dk = find_routes(real, Query("DE", "DK", "evidence", "cyber", ON))
    assert any(w.code == "not_recorded" and "Denmark" in w.message and "e-Evidence" in w.message for w in dk.warnings)


def test_asset_recovery_freezes_then_confiscates(real):
    p = find_routes(real, Query("DE", "FR", "asset_recovery", "any", ON)).pathways[0]
    assert p.steps[-1].instrument.id == "eu-reg-2018-1805"
    assert [s.role for s in p.steps] == ["freezing", "confiscation", "return"]
    uncac = next(p for p in find_routes(real, Query("US", "BR", "asset_recovery", "corruption", ON)).pathways
                 if p.steps[-1].instrument.id == "un-uncac")
    assert [(s.role, s.articles) for s in uncac.steps][-1] == ("return", ("Art. 57",))


def test_jit_basis_then_eurojust_support(real):
    r = find_routes(real, Query("DE", "FR", "jit", "drugs", ON))
    assert ids(r)[:2] == ["eu-fd-2002-465", "eu-mla-2000"]  # the Framework Decision binds every member; Art. 13 beside it
    assert [s.role for s in r.pathways[0].steps] == ["request", "support"]
    assert r.pathways[0].steps[-1].instrument.id == "eurojust"
    assert "eurojust" not in ids(r)  # support, never a legal basis of its own


@pytest.mark.parametrize("typed, code", [("Türkiye", "TR"), ("turkey", "TR"), ("Czechia", "CZ"), ("Czech Republic", "CZ"),
                                         ("South Korea", "KR"), ("UK", "GB"), ("United States of America", "US"),
                                         ("DEU", "DE"), ("côte d'ivoire", "CI"), ("Hong Kong", "HK"), ("Kosovo", "XK")])
def test_common_names_and_aliases_resolve(real, typed, code):
    from coopfinder.lookup import resolve_state

    assert resolve_state(real, typed) == code


def test_bilateral_network_invariants(real):
    """Issue #4: two parties per bilateral, no entry into force before signature, every
    suspension dated and sourced, and at least 400 bilateral instruments."""
    bilaterals = [i for i in real.instruments.values() if i.kind == "bilateral_treaty"]
    assert len(bilaterals) >= 400
    for inst in bilaterals:
        assert len({p.state for p in inst.parties}) == 2, inst.id
        if inst.adopted and inst.in_force:
            assert dates.latest(inst.in_force) >= dates.earliest(inst.adopted), inst.id
        for p in inst.parties:
            if p.suspended or p.suspended_towards:
                assert p.suspended and p.source, (inst.id, p.state)


def test_us_china_and_taiwan(real):
    cn = ids(find_routes(real, Query("US", "CN", "evidence", "any", ON)))
    assert cn[0] == "cn-us-mla-2000" and "tw-us-mla-2002" not in cn
    tw = ids(find_routes(real, Query("US", "TW", "evidence", "any", ON)))
    assert tw[0] == "tw-us-mla-2002" and "cn-us-mla-2000" not in tw
    # the AIT-TECRO agreement was in force from its signature on 26 March 2002
    assert "tw-us-mla-2002" not in ids(find_routes(real, Query("US", "TW", "evidence", "any", "2002-03-25")))


def test_hong_kong_surrender_agreements_suspended_in_2020(real):
    now = find_routes(real, Query("GB", "HK", "extradition", "any", ON))
    assert "gb-hk-ext-1997" not in ids(now)
    offered, why = why_not(real, Query("GB", "HK", "extradition", "any", ON), real.instruments["gb-hk-ext-1997"])
    assert not offered and "suspended" in " ".join(why) and "2020-07-20" in " ".join(why)
    assert "gb-hk-ext-1997" in ids(find_routes(real, Query("GB", "HK", "extradition", "any", "2019-01-01")))


def test_signed_but_not_in_force_is_never_offered(real):
    # Australia did not ratify the 2007 treaty with China; a treaty shown unratified on a date is not offered then
    assert "au-cn-ext-2007" not in ids(find_routes(real, Query("AU", "CN", "extradition", "any", ON)))
    early = find_routes(real, Query("CN", "TR", "extradition", "any", "2022-06-01"))
    assert "cn-tr-ext-2017" not in ids(early)
    offered, why = why_not(real, Query("CN", "TR", "extradition", "any", "2022-06-01"), real.instruments["cn-tr-ext-2017"])
    assert not offered and "not in force as of 2023-01-25" in " ".join(why)


def test_domestic_law_for_sixty_states_each_binding_only_its_state(real):
    laws = [i for i in real.instruments.values() if i.kind == "domestic_law"]
    assert len({i.parties[0].state for i in laws}) >= 60
    for inst in laws:
        assert len(inst.parties) == 1 and inst.source, inst.id
        assert inst.id.startswith(f"law-{inst.parties[0].state.lower()}-"), inst.id


def test_us_china_extradition_has_no_treaty_but_chinas_law(real):
    r = find_routes(real, Query("US", "CN", "extradition", "any", ON))
    assert not any(p.steps[-1].instrument.kind == "bilateral_treaty" for p in r.pathways)
    law = next(p for p in r.pathways if p.steps[-1].instrument.id == "law-cn-extradition")
    assert any("reciprocity" in (w.message or "") for w in law.warnings)
    assert any(w.code == "nationality" and "China" in w.message for w in law.warnings)


def test_the_notice_step_is_interpols_even_where_europol_binds_both(real):
    # Europol is a police channel between EU members but circulates no notices for arrest
    r = find_routes(real, Query("FR", "ES", "extradition", "any", ON))
    notices = [p.steps[0].instrument.id for p in r.pathways if p.steps[0].role == "notice"]
    assert notices and set(notices) == {"interpol"}


def test_a_bilateral_without_its_entry_into_force_is_not_recorded_said_once(real):
    r = find_routes(real, Query("ET", "CN", "extradition", "any", ON))
    assert "cn-et-ext-2014" not in ids(r)
    msgs = [w.message for w in r.warnings if w.code == "not_recorded" and "CN–ET" in w.message]
    assert msgs and all(m.count("is not recorded") == 1 for m in msgs)


def test_a_treaty_inherited_from_the_united_kingdom_binds_from_the_list_that_shows_it(real):
    # Treaties in Force 2009 lists the 1931 US-UK treaty for Zambia: bound by then, not recorded before
    assert "us-zm-ext-1931" in ids(find_routes(real, Query("US", "ZM", "extradition", "any", ON)))
    early = find_routes(real, Query("US", "ZM", "extradition", "any", "2005-01-01"))
    assert "us-zm-ext-1931" not in ids(early)
    assert any(w.code == "not_recorded" and "2009-01-01" in w.message for w in early.warnings)


@pytest.mark.parametrize("a, b, iid, first_day", [
    ("US", "CH", "us-ch-ext-1990", "1997-09-10"),  # SR 0.353.933.6
    ("ZA", "AE", "ae-za-ext-2018", "2021-07-10"),
    ("CN", "DZ", "cn-dz-ext-2006", "2009-09-22"),
])
def test_a_bilateral_binds_from_its_entry_into_force_and_not_a_day_before(real, a, b, iid, first_day):
    day = dt.date.fromisoformat(first_day)
    assert iid in ids(find_routes(real, Query(a, b, "extradition", "any", first_day)))
    before = find_routes(real, Query(a, b, "extradition", "any", (day - dt.timedelta(days=1)).isoformat()))
    assert iid not in ids(before)
    assert "not yet in force" in " ".join(why_not(real, Query(a, b, "extradition", "any", (day - dt.timedelta(days=1)).isoformat()),
                                                   real.instruments[iid])[1])


def test_interpol_is_a_channel_for_almost_every_pair_but_not_for_a_non_member(real):
    assert len(real.groups["interpol"].members) >= 190
    r = find_routes(real, Query("NG", "BR", "extradition", "any", ON))
    assert any(p.steps[0].instrument.id == "interpol" for p in r.pathways)
    kp = find_routes(real, Query("KP", "BR", "extradition", "any", ON))
    assert not any(s.instrument.id == "interpol" for p in kp.pathways for s in p.steps)


def test_the_bilaterals_counted_without_entry_into_force_are_the_ones_answered_not_recorded(real):
    from coopfinder.binding import UNKNOWN
    from coopfinder.checks import stats

    today = dt.date.fromisoformat(ON)
    # a suspended side says "suspended" today; without its suspension it too would be "not recorded";
    # a treaty "not recorded" only from a dated doubt (status_unknown_from) is dated before it
    undated = [i for i in real.instruments.values() if i.kind == "bilateral_treaty" and not i.pending
               and not any(p.status_unknown_from for p in i.parties)
               and all(p.suspended or binding(real, i, p.state, today).status == UNKNOWN for p in i.parties)]
    assert stats(real)["bilateral_without_in_force"] == len(undated)


def test_a_state_that_left_a_group_and_rejoined_is_out_in_between(real):
    from coopfinder.binding import membership_on

    # The Gambia left the Commonwealth on 2013-10-03 and rejoined on 2018-02-08 (gov.uk)
    assert membership_on(real, "commonwealth", "GM", dt.date(2012, 1, 1))
    assert not membership_on(real, "commonwealth", "GM", dt.date(2015, 1, 1))
    assert membership_on(real, "commonwealth", "GM", dt.date(2019, 1, 1))


def test_a_us_treaty_amended_under_the_eu_us_agreements_binds_by_2010_with_its_supplement(real):
    # the US-DE MLAT's own entry into force is not recorded, but its 2006 supplementary treaty
    # (the EU-US MLA Agreement's instrument) entered into force on 2010-02-01 and applies it
    r = find_routes(real, Query("US", "DE", "evidence", "any", ON))
    first = r.pathways[0]
    assert first.main.instrument.id == "us-de-mla-2003"
    assert "eu-us-mla-2003" in [inst.id for inst, _ in first.main.supplemented_by]
    assert "us-de-mla-2003" not in ids(find_routes(real, Query("US", "DE", "evidence", "any", "2009-06-01")))


def test_spain_is_bound_by_the_extradition_convention_through_its_protocol_ratification(real):
    # Spain's own ETS 24 deposit is unread; its ETS 86 ratification (1985-03-11) presupposes it (ETS 86 Art. 3(4))
    r = find_routes(real, Query("CH", "ES", "extradition", "any", ON))
    assert "coe-ets-24" in ids(r)
    assert binding(real, real.instruments["coe-ets-24"], "ES", dt.date(1985, 6, 9)).bound
    assert not binding(real, real.instruments["coe-ets-24"], "ES", dt.date(1985, 6, 8)).bound


def test_a_non_member_signing_the_second_cybercrime_protocol_is_a_party_to_budapest_by_then(real):
    # Peru's own accession is unread; only "States Parties to the Convention" outside the CoE sign CETS 224 (preamble)
    budapest = real.instruments["coe-ets-185"]
    assert binding(real, budapest, "PE", dt.date(2024, 12, 12)).bound
    assert not binding(real, budapest, "PE", dt.date(2024, 12, 11)).bound
    assert "coe-ets-185" in [s.instrument.id for p in find_routes(real, Query("US", "PE", "evidence", "cyber", ON)).pathways
                             for s in p.steps]
    # Ukraine's ETS 189 deposit (2006-12-21) presupposes its Budapest instrument (ETS 189 Art. 9(2)): bound by 2007-04-01
    assert binding(real, budapest, "UA", dt.date(2007, 4, 1)).bound
    assert not binding(real, budapest, "UA", dt.date(2007, 3, 31)).bound


def test_a_treaty_whose_termination_is_in_doubt_is_not_recorded_from_the_notice_never_no(real):
    # Honduras gave notice ending the 1909 treaty from 2025-02-28, then announced it would continue
    assert "hn-us-ext-1909" in ids(find_routes(real, Query("US", "HN", "extradition", "any", "2020-01-01")))
    now = find_routes(real, Query("US", "HN", "extradition", "any", ON))
    assert "hn-us-ext-1909" not in ids(now)
    assert any(w.code == "not_recorded" and "2025-02-28" in w.message for w in now.warnings)


def test_a_partial_member_list_answers_not_recorded_for_a_state_it_does_not_list(real):
    # both FIUs are on the Egmont regional list read: the FIU channel is offered for financial intelligence
    both = find_routes(real, Query("AE", "SA", "police_info", "money_laundering", on="2026-11-23"))
    egmont = next(p for p in both.pathways if p.main.instrument.id == "egmont")
    assert egmont.main.channel == "fiu" and any(w.code == "limits" for w in egmont.warnings)
    # the UK is not on the partial list: 'not recorded', never 'not a member'
    assert not real.groups["egmont"].members_complete
    one = find_routes(real, Query("AE", "GB", "police_info", on="2026-11-23"))
    assert "egmont" not in [p.main.instrument.id for p in one.pathways]
    assert any(w.code == "not_recorded" and "Egmont" in w.message for w in one.warnings)
    # a complete list (INTERPOL) still says 'not a member'
    assert binding(real, real.instruments["interpol"], "KP", dt.date(2026, 11, 23)).status == "not_bound"
