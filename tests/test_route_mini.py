"""Answers on the mini dataset, each worked out by hand from tests/fixtures/mini/.

mini-convention parties: DE ratified 2000-01-01 (+90 days: in force 2000-03-31), FR in force "2005"
(partial: from 2005-12-31), IE in force 2010-06-01, NO 1991-01-01 until withdrawn 2020-01-01.
mini-eu-order: EU members from 2017-05-22, IE opted out; replaces mini-convention for evidence.
"""

from __future__ import annotations

import pytest

from coopfinder.model import Query
from coopfinder.route import QueryError, find_routes


def ids(result):
    """The instrument of each pathway's request (its last step; earlier steps prepare it)."""
    return [p.main.instrument.id for p in result.pathways]


def absent(result):
    return {a.instrument: a.reason for a in result.absent}


def test_mutual_recognition_replaces_the_convention(mini):
    r = find_routes(mini, Query("DE", "FR", "evidence", on="2026-01-01"))
    # EU order binds both; the convention binds both too but is replaced for evidence
    assert ids(r) == ["mini-eu-order"]
    assert "replaced" in absent(r)["mini-convention"]
    p = r.pathways[0]
    assert (p.rank, p.strength, p.typical_days) == (1, "mutual_recognition", 120)


def test_opt_out_leaves_the_convention(mini):
    r = find_routes(mini, Query("IE", "DE", "evidence", on="2026-01-01"))
    assert ids(r) == ["mini-convention"]
    assert "opt-out" in absent(r)["mini-eu-order"]


def test_before_the_order_applied_the_convention_is_the_route(mini):
    r = find_routes(mini, Query("DE", "FR", "evidence", on="2016-01-01"))
    assert ids(r) == ["mini-convention"]


def test_inside_a_partial_date_the_answer_is_not_recorded_never_no(mini):
    # FR's in_force is "2005": on 2005-06-01 nobody knows; from 2006 it is certain
    r = find_routes(mini, Query("DE", "FR", "evidence", on="2005-06-01"))
    assert "mini-convention" not in ids(r)
    assert "not recorded" in absent(r)["mini-convention"] or "unknown" in absent(r)["mini-convention"]
    assert any(w.code == "not_recorded" for w in r.warnings)
    r2 = find_routes(mini, Query("DE", "FR", "evidence", on="2006-01-01"))
    assert ids(r2)[0] == "mini-convention"
    assert any("exact day not recorded" in line for line in r2.pathways[0].why)


def test_not_yet_in_force_for_a_party(mini):
    # DE's in-force date is derived from its deposit: 2000-01-01 + 90 days = 2000-03-31
    assert "mini-convention" not in ids(find_routes(mini, Query("FR", "DE", "evidence", on="2000-03-30")))
    assert "mini-convention" in ids(find_routes(mini, Query("FR", "DE", "evidence", on="2006-03-31")))
    r = find_routes(mini, Query("NO", "DE", "evidence", on="2000-03-30"))
    assert "not yet in force" in absent(r)["mini-convention"]


def test_withdrawn_party(mini):
    assert "mini-convention" in ids(find_routes(mini, Query("DE", "NO", "evidence", on="2019-12-31")))
    r = find_routes(mini, Query("DE", "NO", "evidence", on="2020-01-01"))
    assert "mini-convention" not in ids(r)
    assert "withdrawn" in absent(r)["mini-convention"]


def test_bilateral_in_force_and_signed_only(mini):
    r = find_routes(mini, Query("US", "DE", "extradition", on="2026-01-01"))
    assert ids(r) == ["mini-de-us-ext"]
    codes = {w.code for w in r.pathways[0].warnings}
    assert {"death_penalty", "nationality"} <= codes  # US retentionist, DE abolitionist; DE conditional on nationals
    r2 = find_routes(mini, Query("US", "FR", "extradition", on="2026-01-01"))
    assert "mini-fr-us-ext" not in ids(r2)  # signed, never in force: never offered
    assert "has not entered into force" in absent(r2)["mini-fr-us-ext"]


def test_reciprocity_only_where_the_requested_state_allows_it(mini):
    # FR's law allows MLA without a treaty; IE needs a treaty; NO is not recorded
    assert ids(find_routes(mini, Query("US", "FR", "evidence", on="2026-01-01"))) == ["mini-reciprocity"]
    r_ie = find_routes(mini, Query("US", "IE", "evidence", on="2026-01-01"))
    assert r_ie.pathways == () and {w.code for w in r_ie.warnings} >= {"no_treaty", "no_pathway"}
    r_no = find_routes(mini, Query("US", "NO", "evidence", on="2026-01-01"))
    assert ids(r_no) == ["mini-reciprocity"]
    assert any(w.code == "not_recorded" for w in r_no.pathways[0].warnings)


def test_reservation_of_the_requested_state_becomes_a_warning(mini):
    r = find_routes(mini, Query("DE", "IE", "evidence", on="2026-01-01"))
    assert ids(r) == ["mini-convention"]
    assert any(w.code == "reservation" and "English" in w.message for w in r.pathways[0].warnings)


def test_crime_scope(mini):
    # the convention's extradition article covers drugs and cyber only
    assert "mini-convention" in ids(find_routes(mini, Query("NO", "DE", "extradition", "drugs", on="2010-01-01")))
    r = find_routes(mini, Query("NO", "DE", "extradition", "fraud", on="2010-01-01"))
    assert "mini-convention" not in ids(r)
    assert "covers only" in absent(r)["mini-convention"]


@pytest.mark.parametrize("query, message", [
    (Query("DE", "DE", "evidence"), "same"),
    (Query("DE", "XX", "evidence"), "unknown requested state"),
    (Query("DE", "FR", "teleportation"), "unknown measure"),
    (Query("DE", "FR", "evidence", "jaywalking"), "unknown crime"),
    (Query("DE", "FR", "evidence", on="2026-02-30"), "not a date"),
])
def test_bad_queries_are_usage_errors(mini, query, message):
    with pytest.raises(QueryError, match=message):
        find_routes(mini, query)


def test_ranking_is_stable_and_scores_never_rise(mini):
    r = find_routes(mini, Query("US", "DE", "extradition", on="2026-01-01"))
    again = find_routes(mini, Query("US", "DE", "extradition", on="2026-01-01"))
    assert r == again
    scores = [p.score for p in r.pathways]
    assert scores == sorted(scores, reverse=True)


def codes(pathway):
    return {w.code for w in pathway.warnings}


def test_every_ground_becomes_its_warning(mini):
    p = find_routes(mini, Query("NO", "DE", "extradition", "tax", on="2010-01-01")).pathways[0]
    assert p.steps[-1].instrument.id == "mini-convention"
    assert {"political_offence", "military_offence", "fiscal_offence", "ne_bis_in_idem", "speciality", "minimum_penalty"} <= codes(p)
    # the fiscal ground is raised for tax offences only
    drugs = find_routes(mini, Query("NO", "DE", "extradition", "drugs", on="2010-01-01")).pathways[0]
    assert "fiscal_offence" not in codes(drugs) and "political_offence" in codes(drugs)


def test_suspension_towards_one_partner(mini):
    before = find_routes(mini, Query("FR", "IE", "evidence", on="2023-06-01"))
    assert ids(before) == ["mini-convention"]
    after = find_routes(mini, Query("FR", "IE", "evidence", on="2026-01-01"))
    assert "mini-convention" not in ids(after)
    assert any(w.code == "suspended" for w in after.warnings)
    assert "mini-convention" in ids(find_routes(mini, Query("DE", "IE", "evidence", on="2026-01-01")))  # not towards DE


def test_nationality_of_the_person_settles_the_warning(mini):
    unknown = find_routes(mini, Query("US", "FR", "extradition", on="2026-01-01")).pathways[0]
    assert "nationality" in codes(unknown)
    national = find_routes(mini, Query("US", "FR", "extradition", on="2026-01-01", nationality="FR")).pathways[0]
    assert any(w.code == "nationality" and "the person sought is a national of France" in w.message for w in national.warnings)
    foreigner = find_routes(mini, Query("US", "FR", "extradition", on="2026-01-01", nationality="DE")).pathways[0]
    assert "nationality" not in codes(foreigner)
    assert any("does not apply" in line for line in foreigner.why)


def test_aut_dedere_is_said_when_a_national_is_refused(mini):
    p = find_routes(mini, Query("NO", "DE", "extradition", "drugs", on="2010-01-01", nationality="DE")).pathways[0]
    assert any("Art. 6(2)" in w.message and "prosecution" in w.message for w in p.warnings)


def test_notice_step_comes_from_a_police_channel_binding_both(mini):
    # mini-interpol binds DE and US (members), so the treaty pathway starts with a notice
    p = find_routes(mini, Query("US", "DE", "extradition", on="2026-01-01")).pathways[0]
    assert [s.role for s in p.steps] == ["notice", "request"]
    assert p.steps[0].instrument.id == "mini-interpol"
    eu = find_routes(mini, Query("FR", "DE", "extradition", on="2026-01-01")).pathways[0]
    assert [s.role for s in eu.steps] == ["notice", "request"] or eu.steps[-1].instrument.id == "mini-eu-warrant"


def test_dual_criminality_of_the_instrument(mini):
    p = find_routes(mini, Query("NO", "DE", "extradition", "drugs", on="2010-01-01")).pathways[0]
    assert "dual_criminality" in codes(p)


def test_a_reservation_of_the_requested_state_removes_the_pathway(mini):
    from coopfinder.explain import why_not

    q = Query("NO", "FR", "extradition", "drugs", on="2010-01-01")
    r = find_routes(mini, q)
    assert "mini-convention" not in ids(r)
    offered, lines = why_not(mini, q, mini.instruments["mini-convention"])
    assert not offered and "excluded by France's reservation" in lines[0]


def test_a_protocol_alone_warns_when_its_convention_is_not_recorded(mini):
    import copy

    from coopfinder.model import Instrument

    ds = copy.deepcopy(mini)
    ds.instruments["mini-protocol"] = Instrument.model_validate({
        "id": "mini-protocol", "name": "Mini Protocol", "kind": "regional_treaty", "adopted": "1995-01-01",
        "in_force": "1995-06-01", "source": "test fixture", "supplements": ["mini-convention"],
        "measures": [{"measure": "extradition", "articles": ["Art. 2"], "channel": "central_authority", "source": "test fixture"}],
        "parties": [{"state": s, "in_force": "1996-01-01", "source": "test fixture"} for s in ("DE", "US")]})
    # the convention does not record the US: the protocol stands alone, and says why to check
    alone = find_routes(ds, Query("DE", "US", "extradition", on="2026-01-01"))
    p = next(p for p in alone.pathways if p.main.instrument.id == "mini-protocol")
    assert any(w.code == "not_recorded" and "Mini Convention" in w.message and "United States" in w.message
               for w in p.warnings)
    # where the convention binds both states (France, by its reservation, not as a basis for extradition),
    # nothing is unrecorded: no such warning
    ds.instruments["mini-protocol"].parties.append(ds.instruments["mini-protocol"].parties[0].model_copy(update={"state": "FR"}))
    both = find_routes(ds, Query("DE", "FR", "extradition", crime="drugs", on="2026-01-01"))
    p = next(p for p in both.pathways if p.main.instrument.id == "mini-protocol")
    assert not any("supplements" in w.message for w in p.warnings)


def test_a_refusal_to_apply_towards_a_state_removes_the_instrument_both_ways(mini):
    from coopfinder.model import Reservation
    from coopfinder.safeguards import excluding_reservation

    inst = mini.instruments["mini-convention"]
    refusal = Reservation(kind="not_bound", towards=["IE"], text="will not apply it to Ireland", source="test")
    parties = [p.model_copy(update={"reservations": [refusal]}) if p.state == "DE" else p for p in inst.parties]
    inst = inst.model_copy(update={"parties": parties})
    assert excluding_reservation(inst, Query("IE", "DE", "evidence")) == ("DE", refusal)
    assert excluding_reservation(inst, Query("DE", "IE", "evidence")) == ("DE", refusal)
    assert excluding_reservation(inst, Query("FR", "DE", "evidence")) is None
