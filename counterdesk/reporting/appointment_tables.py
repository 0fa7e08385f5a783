"""Appointments as every export shows them: columns of the CSV summary, a sheet of the XLSX,
lines and a table of the PDF report (``analytics.appointments`` defines the counts, and
``analytics.statistics`` the walk-in / appointment split of the waits).

Counts only: a booking's contact never leaves the database. The service filter applies to
the bookings' counts; the counter and staff filters do not (a booking has neither).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from counterdesk.analytics.appointments import Appointments, BookingCounts, appointments_for
from counterdesk.analytics.statistics import Figures, Statistics
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Office
from counterdesk.reporting.tables import GROUP_COLUMNS, Column, named_rows

APPOINTMENT_COLUMNS = (
    Column("bookings", "預約", "Bookings"),
    Column("bookings_checked_in", "準時報到", "Checked in"),
    Column("bookings_late", "逾時改現場", "Late (walk-in)"),
    Column("bookings_served", "預約完成", "Bookings served"),
    Column("bookings_no_show", "預約未到", "Booking no-shows"),
    Column("bookings_cancelled", "預約取消", "Bookings cancelled"),
    Column("bookings_open", "尚待報到", "Not yet due"),
)
SHEET_COLUMNS = (
    Column("breakdown", "分類", "Breakdown", "text"),
    *GROUP_COLUMNS,
    *APPOINTMENT_COLUMNS,
)
APPOINTMENT_BREAKDOWNS = ("service", "day")  # the statistics' breakdowns bookings have rows of
APPOINTMENT_DEFINITION = (
    "預約：該日時段之全部預約。準時報到：於報到時間內報到，依預約時間叫號；逾時改現場："
    "超過報到時間，改發現場號碼；預約完成：報到（含逾時）且號碼已完成服務；預約未到：未報到；"
    "尚待報到：報到時間未過。預約者若提早報到，等候時間自預約時間起算；逾時者計為現場。"
    "Bookings: every booking of the day's slots. Checked in: came within the check-in window "
    "and was called at the booked time; late: came after it and got a walk-in's ticket; "
    "served: checked in (or late) and that ticket finished at a counter; no-show: never came; "
    "not yet due: the check-in window has not ended. An appointment that came early waits "
    "from its booked time; a late arrival counts as a walk-in. Counter and staff filters do "
    "not apply to the bookings' counts; the service filter does."
)


def appointments_of(engine: TicketEngine, stats: Statistics) -> Appointments:
    """The bookings of the statistics' period and service (the one filter that applies)."""
    return appointments_for(engine, stats.first, stats.last, stats.filters.service)


def booking_values(row: BookingCounts | None) -> dict[str, Any]:
    """A group's counts by column key; all empty for no row."""
    if row is None:
        return dict.fromkeys((column.key for column in APPOINTMENT_COLUMNS), None)
    return {
        "bookings": row.booked,
        "bookings_checked_in": row.checked_in,
        "bookings_late": row.late,
        "bookings_served": row.served,
        "bookings_no_show": row.no_show,
        "bookings_cancelled": row.cancelled,
        "bookings_open": row.open,
    }


def group_bookings(figures: Appointments, breakdown: str, key: str | None) -> BookingCounts | None:
    """The counts of one group of a statistics breakdown: the total, a service or a day (a
    group without bookings has zeros); None for the breakdowns bookings have no rows of."""
    if breakdown == "total":
        return figures.total
    if breakdown not in APPOINTMENT_BREAKDOWNS:
        return None
    rows: tuple[BookingCounts, ...] = getattr(figures, breakdown)
    return next((row for row in rows if row.key == key), BookingCounts(key))


def booking_rows(figures: Appointments, office: Office) -> Iterator[dict[str, Any]]:
    """The total, then a row per service and per day with bookings, with the groups' names."""
    groups: list[tuple[str, BookingCounts]] = [("total", figures.total)]
    groups += [(name, row) for name in APPOINTMENT_BREAKDOWNS for row in getattr(figures, name)]
    return named_rows(groups, office, booking_values)


def appointment_lines(figures: Appointments, stats: Statistics) -> list[tuple[str, str, Any, str]]:
    """The headline lines as (Chinese, English, value, kind): the bookings' counts, then the
    wait and service level of appointments beside walk-ins. The kind (count, seconds, share,
    text) says how to show the value; None where there is nothing to measure."""
    total = figures.total
    arrivals: dict[str | None, Figures] = {row.key: row for row in stats.arrival}
    lines: list[tuple[str, str, Any, str]] = [
        ("預約", "Bookings", total.booked, "count"),
        ("準時報到", "Checked in on time", total.checked_in, "count"),
        ("逾時（改現場）", "Late (given a walk-in's ticket)", total.late, "count"),
        ("預約完成服務", "Bookings served", total.served, "count"),
        ("預約未到", "No-shows", total.no_show, "count"),
        ("預約取消", "Cancelled", total.cancelled, "count"),
        ("尚待報到", "Not yet due", total.open, "count"),
    ]
    for key, zh, en in (("appointment", "預約", "appointments"), ("walk_in", "現場", "walk-ins")):
        row = arrivals.get(key)
        lines += [
            (f"{zh}號碼", f"Tickets: {en}", row.issued if row else 0, "count"),
            (f"{zh}等候中位數", f"Median wait: {en}", row.wait.median if row else None, "seconds"),
            (f"{zh}服務水準", f"Service level: {en}", row.service_level if row else None, "share"),
        ]
    if stats.filters.counter is not None or stats.filters.staff is not None:
        lines.append(
            (
                "篩選",
                "Filters",
                "櫃檯與承辦人篩選不適用於預約數 counter and staff do not apply to bookings",
                "text",
            )
        )
    return lines
