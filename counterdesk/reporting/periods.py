"""Date ranges for reports: typed dates, named periods (2026-H1, 2026, 2026-11) and presets.

The service plan asks for a self-assessment every half year and a yearly report, so the half
years and the year are periods of their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from counterdesk.command_line import parse_date
from counterdesk.queue.errors import CounterdeskError

PRESETS = ("today", "week", "month", "four_weeks", "first_half", "second_half", "year")


class PeriodError(CounterdeskError):
    """A date or period the user typed cannot be read, or the range is empty."""


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``2026-H1`` / ``2026-H2`` (half years), ``2026`` (a year) or ``2026-11`` (a month)."""
    text = text.strip().upper()
    if match := re.fullmatch(r"(\d{4})-H([12])", text):
        year, half = int(match[1]), int(match[2])
        return _months(year, 1, 6) if half == 1 else _months(year, 7, 12)
    if re.fullmatch(r"\d{4}", text):
        return _months(int(text), 1, 12)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        month = int(match[2])
        if 1 <= month <= 12:
            return _months(int(match[1]), month, month)
    raise PeriodError(f"--period: {text!r} is not a period (use 2026-H1, 2026-H2, 2026 or 2026-11)")


def date_range(first: str | None, last: str | None, period: str | None) -> tuple[dt.date, dt.date]:
    """The range the ``--from``/``--to``/``--period`` flags ask for, refusing mixtures."""
    if period and (first or last):
        raise PeriodError("give either --period or --from and --to, not both")
    if period:
        return parse_period(period)
    if not (first and last):
        raise PeriodError("give --from DATE and --to DATE, or --period (e.g. 2026-H1)")
    start, end = parse_date(first, "--from", PeriodError), parse_date(last, "--to", PeriodError)
    if start > end:
        raise PeriodError(f"--from {start} is after --to {end}")
    return start, end


def preset(name: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The supervisor window's presets; weeks start on Monday, halves are Jan–Jun and Jul–Dec;
    ``four_weeks`` is today and the 28 days before it (what the demo simulates)."""
    if name == "today":
        return today, today
    if name == "week":
        monday = today - dt.timedelta(days=today.weekday())
        return monday, monday + dt.timedelta(days=6)
    if name == "month":
        return _months(today.year, today.month, today.month)
    if name == "four_weeks":
        return today - dt.timedelta(days=28), today
    if name == "first_half":
        return _months(today.year, 1, 6)
    if name == "second_half":
        return _months(today.year, 7, 12)
    if name == "year":
        return _months(today.year, 1, 12)
    raise KeyError(name)


def months_of(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months that ``first``–``last`` touches, each clipped to the range."""
    result = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        start, end = _months(year, month, month)
        result.append((max(start, first), min(end, last)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
