"""Binding on dates the data knows only in part: 'unknown', never a wrong 'no' or 'yes'."""

from __future__ import annotations

import datetime as dt

from coopfinder.binding import BOUND, NOT_BOUND, UNKNOWN, binding


def _with_party(mini, **dates):
    """mini-convention with DE's record replaced by one carrying `dates` (rule: deposit + 90 days)."""
    inst = mini.instruments["mini-convention"]
    de = next(p for p in inst.parties if p.state == "DE")
    party = de.model_copy(update={"ratified": None, **dates})
    return inst.model_copy(update={"parties": [party]})


def test_a_deposit_known_to_the_year_is_unknown_inside_the_window_the_rule_gives(mini):
    inst = _with_party(mini, ratified="2000")
    # deposited some day in 2000; +90 days: in force somewhere between 2000-03-31 and 2001-03-31
    assert binding(mini, inst, "DE", dt.date(2000, 3, 30)).status == NOT_BOUND
    assert binding(mini, inst, "DE", dt.date(2000, 3, 31)).status == UNKNOWN
    assert binding(mini, inst, "DE", dt.date(2001, 3, 30)).status == UNKNOWN
    late = binding(mini, inst, "DE", dt.date(2001, 3, 31))
    assert late.status == BOUND and late.approximate


def test_a_full_deposit_date_gives_one_day(mini):
    inst = _with_party(mini, ratified="2000-01-01")
    assert binding(mini, inst, "DE", dt.date(2000, 3, 30)).status == NOT_BOUND
    assert binding(mini, inst, "DE", dt.date(2000, 3, 31)).status == BOUND


def test_a_status_left_open_from_a_date_is_unknown_from_then_never_no(mini):
    inst = _with_party(mini, ratified="2000-01-01", status_unknown_from="2025-02-28")
    assert binding(mini, inst, "DE", dt.date(2025, 2, 27)).status == BOUND
    later = binding(mini, inst, "DE", dt.date(2025, 3, 1))
    assert later.status == UNKNOWN and "2025-02-28" in later.reason


def test_a_party_shown_before_the_instrument_entered_into_force_is_bound_from_that_day_not_before(mini):
    # mini-convention entered into force on 1990-06-01
    inst = _with_party(mini, bound_by="1990-01-15")
    assert binding(mini, inst, "DE", dt.date(1990, 5, 31)).status == NOT_BOUND
    assert binding(mini, inst, "DE", dt.date(1990, 6, 1)).status == BOUND


def test_without_a_rule_a_deposit_before_entry_into_force_binds_from_it(mini):
    inst = _with_party(mini, ratified="1990-02-01").model_copy(update={"entry_into_force_rule": None})
    assert binding(mini, inst, "DE", dt.date(1990, 5, 31)).status == NOT_BOUND
    on = binding(mini, inst, "DE", dt.date(1990, 6, 1))
    assert on.status == BOUND and "1990-06-01" in on.reason
    # a deposit after entry into force needs the rule the data does not have: not recorded
    late = _with_party(mini, ratified="1995-02-01").model_copy(update={"entry_into_force_rule": None})
    assert binding(mini, late, "DE", dt.date(2000, 1, 1)).status == UNKNOWN
