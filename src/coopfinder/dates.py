"""Dates at the precision a source gives them: "2006", "2006-09" or "2006-09-29".

A source that gives only a year or a month is kept that way, never padded to a false day.
When the engine must decide, a partial date counts from the *end* of its period
(conservative: nobody is treated as bound before they certainly were).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadDate(ValueError):
    """A string that is not a date at any precision we accept."""


def parse_partial(text: str) -> tuple[int, int | None, int | None]:
    """Split "2006-09" into (2006, 9, None); raise BadDate on anything else."""
    m = _PARTIAL.match(text) if isinstance(text, str) else None
    if not m:
        raise BadDate(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise BadDate(f"{text!r} is not a date (month {month} does not exist)")
    if day is not None:
        try:
            dt.date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            raise BadDate(f"{text!r} is not a date (day {day} does not exist in that month)") from None
    return year, month, day


def is_partial(text: str) -> bool:
    """True for "2006" and "2006-09", False for a full day."""
    return parse_partial(text)[2] is None


def latest(text: str) -> dt.date:
    """The last day the partial date can mean: "2006" -> 2006-12-31, "2006-09" -> 2006-09-30."""
    year, month, day = parse_partial(text)
    if month is None:
        return dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def earliest(text: str) -> dt.date:
    """The first day the partial date can mean: "2006" -> 2006-01-01."""
    year, month, day = parse_partial(text)
    return dt.date(year, month or 1, day or 1)


def parse_day(text: str) -> dt.date:
    """A full YYYY-MM-DD date, as the user types it on the command line."""
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise BadDate(f"{text!r} is not a date (expected YYYY-MM-DD)") from None


def day_or_today(text: str | None) -> dt.date:
    """The date a question is asked for: the user's YYYY-MM-DD, or today when none is given."""
    return parse_day(text) if text else dt.date.today()


def add_months_first_of_month(day: dt.date, months: int) -> dt.date:
    """First day of the month following `months` months after `day` (CoE treaties' rule)."""
    index = day.year * 12 + (day.month - 1) + months + 1
    return dt.date(index // 12, index % 12 + 1, 1)
