"""Case dates at the edges of a day and of the office's week (23:59:59 and 00:00:00 local, a
Saturday, a Sunday, a closed date), and a notice whose enqueue fails: the move and its notice
are one transaction, so neither is kept and the case moves again once the outbox takes it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from counterdesk.queue.cases import Cases, working_days_after, working_days_between
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import CaseEventRow, OutboxRow
from tests.conftest import TAIPEI

FRIDAY, SATURDAY, SUNDAY, MONDAY = (dt.date(2026, 11, 27 + n) for n in range(4))
TUESDAY, WEDNESDAY = dt.date(2026, 12, 1), dt.date(2026, 12, 2)
# 2027-02-04 is closed, then 02-05, a weekend, and 02-08 to 02-10 (the sample's Lunar New Year).
BEFORE_NEW_YEAR, CLOSED, REOPENED = dt.date(2027, 2, 3), dt.date(2027, 2, 4), dt.date(2027, 2, 11)
LAST = dt.time(23, 59, 59)
FIRST = dt.time(0, 0, 0)


@pytest.fixture
def cases(engine: TicketEngine) -> Cases:
    return Cases(engine)


def at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, TAIPEI)


def test_working_days_from_a_weekend_or_a_closed_date_start_at_the_next_open_day(
    engine: TicketEngine,
) -> None:
    office = engine.office
    assert [working_days_after(office, day, 1) for day in (FRIDAY, SATURDAY, SUNDAY)] == [
        MONDAY
    ] * 3
    assert working_days_after(office, SATURDAY, 0) == SATURDAY  # 0: the day itself, open or not
    assert working_days_after(office, CLOSED, 1) == REOPENED
    assert working_days_after(office, BEFORE_NEW_YEAR, 2) == dt.date(2027, 2, 12)
    assert working_days_between(office, FRIDAY, SUNDAY) == 0
    assert working_days_between(office, SATURDAY, MONDAY) == 1
    assert working_days_between(office, SUNDAY, SATURDAY) == 0  # backwards: none
    assert working_days_between(office, BEFORE_NEW_YEAR, REOPENED) == 1
    assert working_days_between(office, CLOSED, dt.date(2027, 2, 10)) == 0


@pytest.mark.parametrize(
    ("moment", "received", "expected"),
    [
        (at(FRIDAY, LAST), FRIDAY, TUESDAY),  # the last second of Friday is Friday's
        (at(SATURDAY, FIRST), SATURDAY, TUESDAY),  # a weekend's application: as Friday's
        (at(SUNDAY, LAST), SUNDAY, TUESDAY),
        (at(MONDAY, FIRST), MONDAY, WEDNESDAY),  # the first second of Monday counts from it
        (at(BEFORE_NEW_YEAR, LAST), BEFORE_NEW_YEAR, dt.date(2027, 2, 12)),
        (at(CLOSED, FIRST), CLOSED, dt.date(2027, 2, 12)),  # registered on a closed date
    ],
)
def test_the_expected_date_counts_from_the_local_day_of_registration(
    cases: Cases, clock: ManualClock, moment: dt.datetime, received: dt.date, expected: dt.date
) -> None:
    clock.set(moment)
    case = cases.register("E1", service="incorporation")  # 2 working days
    assert (case.received_on, case.expected_on) == (received, expected)


def test_a_correction_over_a_weekend_extends_nothing_and_one_over_a_working_day_extends_it(
    cases: Cases, clock: ManualClock
) -> None:
    clock.set(at(FRIDAY, LAST))
    cases.register("E2", service="incorporation")  # expected Tuesday
    clock.set(at(SATURDAY, FIRST))
    cases.move("E2", "correction", by="chen", note="章程缺頁", due=MONDAY)
    clock.set(at(SUNDAY, LAST))
    assert cases.move("E2", "under_review", by="chen").expected_on == TUESDAY  # no working day
    clock.set(at(MONDAY, FIRST))
    cases.move("E2", "correction", by="chen", note="印鑑不符", due=TUESDAY)
    clock.set(at(TUESDAY, FIRST))  # Tuesday began while waiting: one working day
    assert cases.move("E2", "under_review", by="chen").expected_on == WEDNESDAY


def test_a_correction_over_the_closed_new_year_extends_by_the_working_days_only(
    cases: Cases, clock: ManualClock
) -> None:
    clock.set(at(BEFORE_NEW_YEAR, LAST))
    cases.register("E3", service="incorporation")  # expected Friday 02-12
    cases.move("E3", "correction", by="chen", note="章程缺頁", due=REOPENED)
    clock.set(at(REOPENED, FIRST))
    assert cases.move("E3", "under_review", by="chen").expected_on == dt.date(2027, 2, 15)


def counted(engine: TicketEngine) -> tuple[int, int]:
    with engine.db.read() as session:
        events = session.scalar(select(func.count()).select_from(CaseEventRow))
        notices = session.scalar(select(func.count()).select_from(OutboxRow))
    return int(events or 0), int(notices or 0)


def test_a_notice_that_cannot_be_enqueued_takes_its_move_with_it(
    engine: TicketEngine, cases: Cases
) -> None:
    cases.register("K1", service="incorporation", contact="0912 345 678")
    cases.move("K1", "under_review", by="chen")  # no notice chosen for this stage
    before = counted(engine)
    with engine.db.write() as session:  # the notifier's table refuses every new notice
        session.execute(
            text(
                "CREATE TRIGGER notifier_killed BEFORE INSERT ON outbox "
                "BEGIN SELECT RAISE(ABORT, 'notifier killed'); END"
            )
        )
    with pytest.raises(IntegrityError, match="notifier killed"):
        cases.move("K1", "approved", by="chen")  # approved: a notice chosen by default
    assert cases.by_number("K1").stage == "under_review"
    assert counted(engine) == before  # neither the move's event nor its notice
    with engine.db.write() as session:
        session.execute(text("DROP TRIGGER notifier_killed"))
    assert cases.move("K1", "approved", by="chen").stage == "approved"
    assert counted(engine) == (before[0] + 1, before[1] + 1)
