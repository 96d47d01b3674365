import datetime as dt

import pytest

from coopfinder import dates


@pytest.mark.parametrize("text, latest, earliest", [
    ("2006", dt.date(2006, 12, 31), dt.date(2006, 1, 1)),
    ("2006-09", dt.date(2006, 9, 30), dt.date(2006, 9, 1)),
    ("2008-02", dt.date(2008, 2, 29), dt.date(2008, 2, 1)),  # leap year
    ("2006-09-29", dt.date(2006, 9, 29), dt.date(2006, 9, 29)),
])
def test_partial_dates_count_from_the_end_of_their_period(text, latest, earliest):
    assert dates.latest(text) == latest
    assert dates.earliest(text) == earliest
    assert dates.is_partial(text) == (len(text) < 10)


@pytest.mark.parametrize("bad", ["2006-13", "2006-02-30", "06-09-29", "2006/09/29", "", "2006-9-1", "abcd"])
def test_bad_dates_are_refused_with_a_reason(bad):
    with pytest.raises(dates.BadDate, match="not a date"):
        dates.parse_partial(bad)


def test_first_of_month_rule_matches_council_of_europe_practice():
    # Germany deposited ETS 185 on 2009-03-09; in force 2009-07-01 (Art. 36(4): three months, then the 1st)
    assert dates.add_months_first_of_month(dt.date(2009, 3, 9), 3) == dt.date(2009, 7, 1)
    assert dates.add_months_first_of_month(dt.date(2006, 11, 30), 3) == dt.date(2007, 3, 1)
    assert dates.add_months_first_of_month(dt.date(2021, 4, 28), 3) == dt.date(2021, 8, 1)


def test_parse_day_needs_a_full_date():
    assert dates.parse_day("2026-11-23") == dt.date(2026, 11, 23)
    with pytest.raises(dates.BadDate):
        dates.parse_day("2026-11")
