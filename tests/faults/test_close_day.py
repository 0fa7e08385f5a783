"""``close-day`` after midnight (issue 12, item 8): only business days that are over are
closed, in the office's local time (Asia/Taipei); today only when asked, after closing time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from counterdesk.queue import ManualClock, Office, QueueError, TicketEngine
from counterdesk.queue.models import TicketRow
from counterdesk.queue.office import SAMPLE_OFFICE
from tests.analytics.test_statistics import DAY, TAIPEI, at
from tests.conftest import Run

NEXT = DAY + dt.timedelta(days=1)  # a Saturday: the sample office is closed


def status_on(engine: TicketEngine, day: dt.date, number: str) -> tuple[str, int | None]:
    """A ticket of any day, as (status, counter)."""
    with engine.db.read() as session:
        row = session.execute(
            select(TicketRow.status, TicketRow.counter_number).where(
                TicketRow.business_date == day, TicketRow.number == number
            )
        ).one()
        return str(row.status), row.counter_number


def signed_in(engine: TicketEngine) -> dict[int, str | None]:
    return {c.number: c.staff for c in engine.read.status().counters if c.staff}


def test_after_midnight_only_yesterday_is_closed(engine: TicketEngine, clock: ManualClock) -> None:
    """The reported case: a new day's ticket already at counter 2 stays there."""
    at(clock, "16:00:00")
    engine.sign_in(1, "wang")  # and never signs out
    engine.issue("precheck")  # A001, forgotten
    at(clock, "00:05:00", NEXT)
    engine.sign_in(2, "chen")
    today = engine.issue("precheck")
    engine.call_ticket(2, today.number)

    assert engine.close_day().removed == 1

    assert status_on(engine, DAY, "A001") == ("removed_at_close", None)
    assert status_on(engine, NEXT, today.number) == ("called", 2)
    assert signed_in(engine) == {2: "chen"}


def test_the_day_ends_at_taipei_midnight(engine: TicketEngine, clock: ManualClock) -> None:
    engine.issue("precheck")
    clock.set(dt.datetime(2026, 11, 27, 15, 59, 59, tzinfo=dt.UTC))  # 23:59:59 in Taipei
    assert engine.close_day().removed == 0
    assert status_on(engine, DAY, "A001") == ("waiting", None)
    clock.set(dt.datetime(2026, 11, 27, 16, 0, 0, tzinfo=dt.UTC))  # 00:00:00 the next day
    assert engine.close_day().removed == 1
    assert status_on(engine, DAY, "A001") == ("removed_at_close", None)


def test_today_is_refused_before_closing_time(engine: TicketEngine, clock: ManualClock) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    engine.call_next(1)
    engine.start(1)
    at(clock, "16:59:59")
    with pytest.raises(QueueError, match=r"today \(2026-11-27\) is open until 17:00"):
        engine.close_day(today=True)
    assert engine.read.ticket(ticket.number).status == "serving"
    assert signed_in(engine) == {1: "wang"}

    at(clock, "17:00:00")
    assert engine.close_day(today=True).removed == 1
    assert engine.read.ticket(ticket.number).status == "removed_at_close"
    assert signed_in(engine) == {}


def test_a_clerk_serving_the_new_day_stays_signed_in(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Signed in yesterday and never out, but already serving today: closing yesterday
    must not take the counter from under today's citizen."""
    at(clock, "16:00:00")
    engine.sign_in(1, "wang")
    at(clock, "08:00:00", NEXT)
    engine.issue("precheck")
    engine.call_next(1)
    assert engine.close_day().removed == 0
    assert signed_in(engine) == {1: "wang"}
    assert status_on(engine, NEXT, "A001") == ("called", 1)


def test_a_citizen_served_across_midnight_in_a_24_hour_office_is_left_alone(
    engine: TicketEngine, clock: ManualClock, sample_office: Office
) -> None:
    """Yesterday's ticket still at a counter is reported, not closed, nor its clerk signed
    out; the next close-day closes it if it is still there."""
    engine.load_office(sample_office.always_open())
    at(clock, "23:50:00")
    engine.sign_in(1, "wang")
    served = engine.issue("precheck")
    forgotten = engine.issue("precheck")
    engine.call_ticket(1, served.number)
    engine.start(1)
    at(clock, "00:10:00", NEXT)

    closed = engine.close_day()

    assert closed.removed == 1
    assert [(t.number, t.counter) for t in closed.left_at_counter] == [(served.number, 1)]
    assert status_on(engine, DAY, served.number) == ("serving", 1)
    assert status_on(engine, DAY, forgotten.number) == ("removed_at_close", None)
    assert signed_in(engine) == {1: "wang"}
    engine.finish(1)  # the citizen leaves served, counted on the day they came

    at(clock, "23:55:00", NEXT)
    abandoned = engine.issue("precheck")
    engine.call_ticket(1, abandoned.number)  # and the clerk goes home
    at(clock, "00:10:00", NEXT + dt.timedelta(days=1))
    assert engine.close_day().left_at_counter[0].number == abandoned.number
    at(clock, "00:10:00", NEXT + dt.timedelta(days=2))
    assert engine.close_day() == (1, ())
    assert status_on(engine, NEXT, abandoned.number) == ("removed_at_close", None)
    assert signed_in(engine) == {}


def test_a_closed_day_can_be_closed_at_any_time(engine: TicketEngine, clock: ManualClock) -> None:
    at(clock, "10:00:00", NEXT)  # Saturday, no opening hours
    engine.issue("precheck")
    assert engine.close_day(today=True).removed == 1


def office_closing_at(tmp_path: Path, close: str) -> Path:
    """The sample office open every day from 00:00 to ``close``: a CLI process runs on the
    real clock, so the tests choose closing times it is surely before or after. Its services'
    appointment rules are left out: their slots and hours would not fit such a short day, and
    the office file rightly refuses rules that cannot."""
    text = re.sub(
        r"^    appointments:\n(?:      .*\n)+",
        "",
        SAMPLE_OFFICE.read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    start = text.index("    days: [mon")
    end = text.index("\n", text.index("    last_ticket:")) + 1
    hours = (
        "    days: [mon, tue, wed, thu, fri, sat, sun]\n"
        f'    sessions:\n      - {{open: "00:00", close: "{close}"}}\n'
        f'    last_ticket: "{close}"\n'
    )
    path = tmp_path / f"closing-{close.replace(':', '')}.yaml"
    path.write_text(text[:start] + hours + text[end:], encoding="utf-8")
    return path


@pytest.mark.slow
def test_the_cli_closes_today_only_with_the_flag(run: Run, tmp_path: Path) -> None:
    if dt.datetime.now(TAIPEI).time() < dt.time(0, 5):
        pytest.skip("too close to midnight in Taipei for the real clock")
    office = ("--office", str(office_closing_at(tmp_path, "00:01")))
    assert run(*office, "issue", "precheck", "--outside-hours", "test").returncode == 0
    kept = json.loads(run(*office, "close-day", "--json").stdout)
    assert kept["removed_at_close"] == 0
    closed = run(*office, "close-day", "--today")
    assert closed.returncode == 0, closed.stderr
    assert closed.stdout.startswith("days up to today closed: 1 open tickets removed")


@pytest.mark.slow
def test_the_cli_refuses_today_before_closing(run: Run, tmp_path: Path) -> None:
    if dt.datetime.now(TAIPEI).time() >= dt.time(23, 55):
        pytest.skip("too close to midnight in Taipei for the real clock")
    office = ("--office", str(office_closing_at(tmp_path, "23:59")))
    assert run(*office, "issue", "precheck").returncode == 0
    refused = run(*office, "close-day", "--today")
    assert refused.returncode == 1
    assert "is open until 23:59: it can be closed only after closing time" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr
