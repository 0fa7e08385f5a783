"""Case figures on cases made through ``Cases`` with known answers: working days across a
weekend and closed dates, decided within the standard or not, corrections and rejections from
the log, an open case overdue, a service dropped from the office file still counted."""

from __future__ import annotations

import datetime as dt

import pytest

from counterdesk.analytics.case_figures import STAGES, CaseReport, case_figures_for
from counterdesk.queue.cases import Cases
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Office

FRIDAY = dt.date(2026, 11, 27)  # the clock's day (conftest)


def on(clock: ManualClock, day: dt.date, hour: int = 10) -> None:
    clock.set(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    )


def moves(cases: Cases, clock: ManualClock, number: str, *steps: tuple[dt.date, str]) -> None:
    for day, stage in steps:
        on(clock, day)
        due = day + dt.timedelta(days=7) if stage == "correction" else None
        cases.move(number, stage, by="wang", note="form 2 unsigned" if due else None, due=due)


def without(office: Office, code: str) -> Office:
    """``office`` with service ``code`` taken out, as an office file edited later."""
    services = [s for s in office.services if s.code != code]
    counters = [
        c.model_copy(update={"services": [s for s in c.services if s != code]})
        for c in office.counters
    ]
    return office.model_copy(update={"services": services, "counters": counters})


@pytest.fixture
def report(engine: TicketEngine, clock: ManualClock) -> CaseReport:
    five_cases(engine, clock)
    return case_figures_for(engine, FRIDAY, FRIDAY)


def five_cases(engine: TicketEngine, clock: ManualClock) -> None:
    """Five cases received on Friday 2026-11-27 (incorporation: 2 working days, expected
    Tuesday 12-01; amendment and branch: 7, expected Tuesday 12-08), seen on Wednesday 12-09,
    the branch service dropped from the office file since."""
    cases = Cases(engine)
    for number, service in (
        ("I-1", "incorporation"),
        ("I-2", "incorporation"),
        ("I-3", "incorporation"),
        ("M-1", "amendment"),
        ("B-1", "branch"),
    ):
        cases.register(number, service=service, by="wang")
    monday, tuesday = dt.date(2026, 11, 30), dt.date(2026, 12, 1)
    # Approved on its expected day (2 working days: the weekend counts not), ready a day later.
    moves(cases, clock, "I-1", (tuesday, "approved"), (dt.date(2026, 12, 2), "ready"))
    # A correction waited for from Monday to Thursday (3 working days: expected Friday 12-04
    # now), then rejected on Tuesday 12-08 (7 working days, late all the same), mailed 12-09.
    moves(
        cases,
        clock,
        "I-2",
        (monday, "correction"),
        (dt.date(2026, 12, 3), "under_review"),
        (dt.date(2026, 12, 8), "rejected"),
        (dt.date(2026, 12, 9), "mailed"),
    )
    # Withdrawn: closed undecided, never overdue.
    moves(cases, clock, "I-3", (monday, "closed"))
    # Under review past its expected Tuesday 12-08: overdue on Wednesday.
    moves(cases, clock, "M-1", (monday, "under_review"))
    # Decided on the day it was received: 0 working days.
    moves(cases, clock, "B-1", (FRIDAY, "approved"), (FRIDAY, "electronic"), (monday, "closed"))
    on(clock, dt.date(2026, 12, 9))
    engine.load_office(without(engine.office, "branch"))


def test_the_totals_count_stages_decisions_and_working_days(report: CaseReport) -> None:
    total = report.total
    assert total.received == 5
    assert dict(zip(STAGES, total.stages, strict=True)) == {
        "received": 0,
        "under_review": 1,
        "correction": 0,
        "approved": 0,
        "rejected": 0,
        "ready": 1,
        "mailed": 1,
        "electronic": 0,
        "closed": 2,
    }
    assert (total.decided, total.within_standard, total.within_share) == (3, 2, 2 / 3)
    # Decision in 0, 2, 7 working days: median (rank 2 of 3) 2, p90 (rank 3) 7.
    assert (total.to_decision.count, total.to_decision.median, total.to_decision.p90) == (3, 2, 7)
    # Hand-over in 0 (branch, the same day), 3 (I-1, Wednesday), 8 (I-2, Wednesday 12-09).
    assert (total.to_hand_over.median, total.to_hand_over.p90) == (3, 8)
    assert (total.corrections, total.rejections, total.overdue) == (1, 1, 1)
    assert total.standard_days is None
    assert report.today == dt.date(2026, 12, 9)


def test_by_service_with_its_standard_and_a_dropped_service_by_its_code(report: CaseReport) -> None:
    rows = {row.key: row for row in report.service}
    assert list(rows) == [
        "incorporation",
        "amendment",
        "branch",
    ]  # the office's order, then the dropped
    incorporation, amendment, branch = rows.values()
    assert (incorporation.received, incorporation.standard_days) == (3, 2)
    assert (incorporation.decided, incorporation.within_standard) == (2, 1)
    assert (incorporation.corrections, incorporation.rejections) == (1, 1)
    assert (amendment.standard_days, amendment.overdue, amendment.at("under_review")) == (7, 1, 1)
    assert amendment.within_share is None  # nothing decided yet
    # The branch service has left the office file; its case still counts, its standard read
    # back from the case's own dates.
    assert (branch.received, branch.standard_days, branch.to_decision.median) == (1, 7, 0)


def test_the_period_and_the_service_filter_choose_the_cases(
    report: CaseReport, engine: TicketEngine
) -> None:
    assert (
        case_figures_for(
            engine, FRIDAY + dt.timedelta(days=1), dt.date(2026, 12, 31)
        ).total.received
        == 0
    )
    only = case_figures_for(engine, FRIDAY, FRIDAY, "amendment")
    assert (only.total.received, [row.key for row in only.service]) == (1, ["amendment"])
    assert only.total.overdue == 1


def test_working_days_skip_closed_dates(engine: TicketEngine, clock: ManualClock) -> None:
    cases = Cases(engine)
    on(clock, dt.date(2027, 2, 3))  # Wednesday before the Lunar New Year's closed dates
    cases.register("L-1", service="incorporation")
    moves(cases, clock, "L-1", (dt.date(2027, 2, 11), "approved"))
    row = case_figures_for(engine, dt.date(2027, 2, 1), dt.date(2027, 2, 28)).total
    # Thursday 02-04 to Wednesday 02-10 are closed or a weekend: 02-11 is the first working day.
    assert (row.to_decision.median, row.within_standard) == (1, 1)


def test_a_case_waiting_for_its_correction_is_not_overdue(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """As ``Case.overdue`` says: the time is the citizen's, not the office's."""
    cases = Cases(engine)
    cases.register("W-1", service="incorporation")  # expected Tuesday 12-01
    moves(cases, clock, "W-1", (dt.date(2026, 11, 30), "correction"))
    on(clock, dt.date(2026, 12, 4))
    [row] = case_figures_for(engine, FRIDAY, FRIDAY).service
    assert (row.at("correction"), row.overdue) == (1, 0)
    assert cases.by_number("W-1").overdue(dt.date(2026, 12, 4)) is False


def test_a_period_that_ends_before_it_starts_is_refused(engine: TicketEngine) -> None:
    with pytest.raises(ValueError, match="ends before it"):
        case_figures_for(engine, FRIDAY, FRIDAY - dt.timedelta(days=1))
