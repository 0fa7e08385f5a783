"""Every figure against values computed by hand from small constructed days.

The day below is built through the real ticket engine, with times set on a manual clock in
Asia/Taipei. The expected numbers are worked out in the comments from the event times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest

from counterdesk.analytics.statistics import Figures, Filters, Statistics, statistics_for
from counterdesk.analytics.today import today
from counterdesk.queue import ManualClock, TicketEngine

TAIPEI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 27)  # a Friday


def at(clock: ManualClock, hhmmss: str, day: dt.date = DAY) -> None:
    clock.set(dt.datetime.combine(day, dt.time.fromisoformat(hhmmss), TAIPEI))


def play_day(engine: TicketEngine, clock: ManualClock) -> None:
    """Six tickets: priority, recall, no-show and return, transfer, cancel, removed at close."""
    steps = [
        ("08:30:00", lambda: engine.sign_in(1, "wang")),
        ("08:30:00", lambda: engine.sign_in(2, "chen")),
        ("09:00:00", lambda: engine.issue("precheck")),  # A001
        ("09:01:00", lambda: engine.issue("precheck")),  # A002
        ("09:02:00", lambda: engine.issue("certificate", priority=True)),  # H001
        ("09:03:00", lambda: engine.issue("incorporation")),  # B001
        ("09:05:00", lambda: engine.call_next(1)),  # H001 first (priority): wait 180
        ("09:05:30", lambda: engine.start(1)),  # walk 30
        ("09:06:00", lambda: engine.call_next(2)),  # B001: wait 180
        ("09:06:20", lambda: engine.recall(2)),  # a recall is not a new call
        ("09:07:00", lambda: engine.start(2)),  # walk 60
        ("09:09:30", lambda: engine.finish(1)),  # H001 handling 240
        ("09:10:00", lambda: engine.call_next(1)),  # A001
        ("09:12:00", lambda: engine.no_show(1)),
        ("09:12:00", lambda: engine.call_next(1)),  # A002: wait 660
        ("09:13:00", lambda: engine.start(1)),  # walk 60
        ("09:15:00", lambda: engine.transfer(2, "amendment")),  # B001 segment 480 (incorp.)
        ("09:20:00", lambda: engine.return_to_queue("A001")),
        ("09:21:00", lambda: engine.finish(1)),  # A002 handling 480
        ("09:22:00", lambda: engine.call_next(1)),  # A001 again: wait 1320
        ("09:22:00", lambda: engine.call_next(2)),  # B001 in amendment's queue
        ("09:23:00", lambda: engine.start(1)),  # A001 walk 60
        ("09:24:00", lambda: engine.start(2)),
        ("09:30:00", lambda: engine.finish(1)),  # A001 handling 420
        ("09:34:00", lambda: engine.finish(2)),  # B001 segment 600 (amendment)
        ("09:35:00", lambda: engine.issue("precheck")),  # A003
        ("09:36:00", lambda: engine.cancel("A003")),
        ("09:40:00", lambda: engine.issue("dissolution")),  # E001, never called
        ("10:00:00", lambda: engine.pause(1)),
        ("10:30:00", lambda: engine.resume(1)),
        ("17:30:00", lambda: engine.close_day(today=True)),  # E001 removed; all signed out
    ]
    for time, step in steps:
        at(clock, time)
        step()


@pytest.fixture
def day(engine: TicketEngine, clock: ManualClock) -> Statistics:
    play_day(engine, clock)
    return statistics_for(engine, DAY, DAY)


def by_key(rows: Iterable[Figures]) -> dict[str | None, Figures]:
    return {row.key: row for row in rows}


def test_counts_and_outcomes(day: Statistics) -> None:
    total = day.total
    assert (total.issued, total.served, total.cancelled, total.removed_at_close) == (6, 4, 1, 1)
    assert (total.no_show, total.still_open, total.transferred) == (0, 0, 1)
    assert day.days == 1


def test_wait_walk_and_handling(day: Statistics) -> None:
    wait = day.total.wait  # waits 1320, 660, 180, 180
    assert (wait.count, wait.mean, wait.median, wait.p90, wait.maximum) == (4, 585, 180, 1320, 1320)
    walk = day.total.walk  # 60, 60, 30, 60
    assert (walk.count, walk.median, walk.maximum) == (4, 60, 60)
    handling = day.total.handling  # segments 420, 480, 240, 480, 600
    assert (handling.count, handling.mean, handling.median, handling.p90) == (5, 444, 480, 600)
    # Targets: precheck 600 s, certificate 600 s, incorporation 900 s.
    assert day.total.within_target == 2
    assert day.total.service_level == 0.5


def test_by_service_counts_a_transfer_under_the_service_at_issue(day: Statistics) -> None:
    rows = by_key(day.service)
    precheck = rows["precheck"]  # A001, A002 served; A003 cancelled; waits 1320 and 660
    assert (precheck.issued, precheck.served, precheck.cancelled) == (3, 2, 1)
    assert (precheck.wait.median, precheck.wait.p90, precheck.service_level) == (660, 1320, 0)
    assert (precheck.handling.count, precheck.handling.mean) == (2, 450)
    incorporation = rows["incorporation"]  # B001 issued here, transferred, served
    assert (incorporation.issued, incorporation.served, incorporation.transferred) == (1, 1, 1)
    assert incorporation.handling.maximum == 480  # the segment before the transfer
    amendment = rows["amendment"]  # no ticket issued, but the segment after the transfer
    assert (amendment.issued, amendment.handling.count, amendment.handling.maximum) == (0, 1, 600)
    assert rows["certificate"].service_level == 1
    assert rows["dissolution"].removed_at_close == 1
    assert list(rows) == ["precheck", "incorporation", "amendment", "dissolution", "certificate"]


def test_by_counter_and_staff_with_utilisation(day: Statistics) -> None:
    counters = by_key(day.counter)
    one, two, not_called = counters["1"], counters["2"], counters[None]
    assert (one.issued, one.wait.maximum, one.serving_seconds) == (3, 1320, 240 + 480 + 420)
    # Signed in 08:30–17:30 (32,400 s) less a 30-minute pause.
    assert one.open_seconds == 32_400 - 1_800
    assert one.utilisation == pytest.approx(1140 / 30_600)
    assert (two.issued, two.serving_seconds, two.open_seconds) == (1, 480 + 600, 32_400)
    assert (not_called.issued, not_called.cancelled, not_called.removed_at_close) == (2, 1, 1)
    assert not_called.wait.count == 0
    staff = by_key(day.staff)
    assert staff["wang"].serving_seconds == one.serving_seconds
    assert staff["chen"].utilisation == pytest.approx(1080 / 32_400)
    assert day.total.utilisation == pytest.approx(2220 / (30_600 + 32_400))


def test_by_time_of_day_weekday_and_priority(day: Statistics) -> None:
    (hour,) = day.hour
    assert (hour.key, hour.issued, hour.per_day, hour.handling.count) == ("09", 6, 6, 5)
    (weekday,) = day.weekday
    assert (weekday.key, weekday.issued) == ("fri", 6)
    (only_day,) = day.day
    assert (only_day.key, only_day.issued, only_day.wait.median) == ("2026-11-27", 6, 180)
    priority = by_key(day.priority)
    assert (priority["priority"].issued, priority["priority"].wait.maximum) == (1, 180)
    assert priority["ordinary"].issued == 5


def test_filters(engine: TicketEngine, clock: ManualClock) -> None:
    play_day(engine, clock)
    precheck = statistics_for(engine, DAY, DAY, Filters(service="precheck"))
    assert (precheck.total.issued, precheck.total.wait.count) == (3, 2)
    assert precheck.total.utilisation is None  # time open is not per service
    assert [row.key for row in precheck.service] == ["precheck"]
    chen = statistics_for(engine, DAY, DAY, Filters(staff="chen"))
    assert (chen.total.issued, chen.total.handling.count) == (1, 2)
    assert chen.total.utilisation == pytest.approx(1080 / 32_400)
    counter_one = statistics_for(engine, DAY, DAY, Filters(counter=1))
    assert counter_one.total.serving_seconds == 1140
    with pytest.raises(ValueError, match="unknown service 'nope'"):
        statistics_for(engine, DAY, DAY, Filters(service="nope"))


def test_empty_range_and_reversed_range(engine: TicketEngine) -> None:
    empty = statistics_for(engine, DAY, DAY)
    assert (empty.days, empty.total.issued, empty.total.wait.median) == (0, 0, None)
    assert empty.service == ()
    with pytest.raises(ValueError, match="ends before it"):
        statistics_for(engine, DAY, DAY - dt.timedelta(days=1))


def test_business_days_follow_taipei_midnight(engine: TicketEngine, clock: ManualClock) -> None:
    """23:50 on the 27th and 00:10 on the 28th in Taipei: both 27th in UTC, different days."""
    at(clock, "23:00:00")
    engine.sign_in(1, "wang")
    at(clock, "23:50:00")
    engine.issue("certificate")
    at(clock, "23:55:00")
    engine.call_next(1)
    engine.start(1)
    at(clock, "00:05:00", DAY + dt.timedelta(days=1))
    engine.finish(1)  # a segment across midnight counts on its ticket's day
    at(clock, "00:10:00", DAY + dt.timedelta(days=1))
    engine.issue("certificate")
    at(clock, "01:00:00", DAY + dt.timedelta(days=1))
    engine.sign_out(1)
    both = statistics_for(engine, DAY, DAY + dt.timedelta(days=1))
    days = by_key(both.day)
    assert (days["2026-11-27"].issued, days["2026-11-28"].issued) == (1, 1)
    assert days["2026-11-27"].handling.maximum == 600
    assert days["2026-11-27"].open_seconds == 3600  # 23:00–24:00 local
    assert days["2026-11-28"].open_seconds == 3600  # 00:00–01:00 local
    assert [row.key for row in both.hour] == ["00", "23"]
    assert [row.key for row in both.weekday] == ["fri", "sat"]
    second = statistics_for(engine, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=1))
    assert second.total.issued == 1 and second.total.still_open == 1


def nearest_rank(values: Iterable[int], percent: int) -> int | None:
    """The nearest-rank percentile as statistics.py's docstring defines it: the oracle the
    vectorised percentiles are checked against (here and in test_exports)."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[(percent * len(ordered) + 99) // 100 - 1]


def test_nearest_rank_definition() -> None:
    values = [30, 10, 20, 40]
    assert nearest_rank(values, 50) == 20  # rank ceil(2.0) = 2: the lower middle value
    assert nearest_rank(values, 90) == 40  # rank ceil(3.6) = 4
    assert nearest_rank(list(range(1, 11)), 90) == 9  # rank ceil(9.0) = 9, no float surprise
    assert nearest_rank([], 50) is None


def test_the_live_served_count_agrees_with_the_statistics(engine: TicketEngine) -> None:
    """The supervisor's live card counts in one query what the day's statistics call served."""
    engine.sign_in(1, "wang")
    for number in ("A001", "A002", "A003", "A004"):
        engine.issue("precheck")
        engine.call_ticket(1, number)
        if number == "A002":
            engine.no_show(1)
            continue
        if number == "A003":
            engine.transfer(1, "enquiry")
            engine.call_ticket(1, number)
        engine.start(1)
        engine.finish(1)
    day = engine.business_date()
    served = statistics_for(engine, day, day).total.served
    assert today(engine).served == served == 3
