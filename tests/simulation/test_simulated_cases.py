"""Simulated cases: one per finished ticket of a case service, registered as staff would,
moved over the working days after with plausible durations, repeated exactly by a seed, and
never moved past the clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from counterdesk.analytics.case_figures import case_figures_for
from counterdesk.queue import TicketEngine
from counterdesk.queue.cases import working_days_between
from counterdesk.queue.models import CaseEventRow, CaseRow, Status, TicketRow
from counterdesk.queue.office import Office
from counterdesk.simulation.simulator import Plan, simulate
from tests.simulation.test_simulation import fresh_engine

FIRST = dt.date(2026, 10, 19)  # six weeks before the engine's clock (2026-11-27 00:00 UTC)
DAYS = 39


def cases_written(engine: TicketEngine) -> list[tuple[object, ...]]:
    """Every case and its log, without database ids."""
    with engine.db.read() as session:
        numbers = dict(session.execute(select(CaseRow.id, CaseRow.number)).all())
        cases = session.execute(
            select(
                CaseRow.number,
                CaseRow.service_code,
                CaseRow.stage,
                CaseRow.received_at,
                CaseRow.expected_on,
                CaseRow.decided_at,
                CaseRow.ready_at,
                CaseRow.closed_at,
            ).order_by(CaseRow.number)
        ).all()
        events = session.execute(
            select(
                CaseEventRow.case_id, CaseEventRow.at, CaseEventRow.stage, CaseEventRow.by
            ).order_by(CaseEventRow.case_id, CaseEventRow.id)
        ).all()
    return [tuple(row) for row in cases] + [(numbers[c], *rest) for c, *rest in events]


def simulated(tmp_path: Path, office: Office, name: str, seed: int) -> TicketEngine:
    """The two weeks before the clock: cases decided, handed over and still open."""
    engine = fresh_engine(f"sqlite:///{tmp_path / name}", office)
    simulate(engine, dt.date(2026, 11, 12), Plan(seed=seed), days=14, fast=True)
    return engine


def test_a_seeded_run_makes_the_same_cases_and_another_seed_others(
    tmp_path: Path, sample_office: Office
) -> None:
    once = simulated(tmp_path, sample_office, "once.sqlite3", 5)
    again = simulated(tmp_path, sample_office, "again.sqlite3", 5)
    other = simulated(tmp_path, sample_office, "other.sqlite3", 6)
    assert cases_written(once) == cases_written(again)
    assert cases_written(once) != cases_written(other)


def test_simulated_cases_are_registered_at_finished_tickets_and_move_plausibly(
    tmp_path: Path, sample_office: Office
) -> None:
    engine = fresh_engine(f"sqlite:///{tmp_path / 'cases.sqlite3'}", sample_office)
    results = simulate(engine, FIRST, Plan(seed=3), days=DAYS, fast=True)
    now = engine.clock.now()
    followed = {s.code for s in sample_office.services if s.cases}
    with engine.db.read() as session:
        finished = session.scalar(
            select(func.count()).where(
                TicketRow.status == Status.DONE, TicketRow.service_code.in_(followed)
            )
        )
        registered = session.execute(
            select(
                CaseRow.received_at, TicketRow.finished_at, CaseEventRow.by, TicketRow.staff_code
            )
            .join(TicketRow, TicketRow.id == CaseRow.ticket_id)
            .join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
            .where(CaseEventRow.from_stage.is_(None))
        ).all()
        latest = session.scalar(select(func.max(CaseEventRow.at)))
    # One case per finished ticket of a case service, received as its ticket finished, by
    # the clerk who served it.
    assert sum(r.cases for r in results) == finished == len(registered) > 300
    assert all(r.received_at == r.finished_at and r.by == r.staff_code for r in registered)
    assert latest is not None and latest <= now  # nothing moved past the clock
    report = case_figures_for(engine, FIRST, FIRST + dt.timedelta(days=DAYS - 1))
    total = report.total
    assert 0.75 < (total.within_share or 0) < 0.97  # most decided within the standard
    assert 0.10 < total.corrections / total.received < 0.20
    assert 0 < total.rejections < 0.08 * total.received
    assert total.overdue > 0  # corrections never answered, and late ones still open
    assert total.at("closed") > 0.7 * total.received  # the weeks before are mostly done
    # The last days' cases are still on their way: received or under review at the clock.
    assert total.at("received") + total.at("under_review") > 0
    for row in report.service:
        assert row.standard_days == sample_office.service(row.key).cases.standard_days
        assert row.to_decision.median is not None and row.to_decision.median <= row.standard_days


def test_the_moves_fall_on_later_working_days(tmp_path: Path, sample_office: Office) -> None:
    engine = simulated(tmp_path, sample_office, "days.sqlite3", 4)
    office = engine.office
    with engine.db.read() as session:
        events = session.execute(
            select(CaseEventRow.case_id, CaseEventRow.at).order_by(
                CaseEventRow.case_id, CaseEventRow.id
            )
        ).all()
    last: dict[int, dt.date] = {}
    for case_id, at in events:
        day = office.local_date(at)
        assert office.open_on(day)
        if case_id in last:
            assert working_days_between(office, last[case_id], day) >= 1
        last[case_id] = day


def test_a_plan_without_cases_registers_none(tmp_path: Path, sample_office: Office) -> None:
    """For the benchmarks' million-ticket fills, which measure tickets."""
    engine = fresh_engine(f"sqlite:///{tmp_path / 'none.sqlite3'}", sample_office)
    [day] = simulate(engine, dt.date(2026, 11, 2), Plan(seed=3, cases=False), fast=True)
    with engine.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == day.cases == 0
    assert day.issued > 50
