"""The demo office starts with a case at every stage, the one ready for pick-up on a ticket of
the simulated history whose status page the demo prints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from counterdesk.analytics.case_figures import STAGES
from counterdesk.demo.cases import demo_cases, status_page
from counterdesk.demo.office import prepare_demo
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.queue.models import CaseRow, TicketRow
from counterdesk.queue.office import Office
from tests.conftest import TAIPEI


def stages(engine: TicketEngine) -> set[str]:
    with engine.db.read() as session:
        return set(session.scalars(select(CaseRow.stage).distinct()))


def test_every_stage_has_a_case_and_the_ready_one_a_status_page(
    sqlite_url: str, sample_office: Office
) -> None:
    engine = TicketEngine(
        Database(sqlite_url), ManualClock(dt.datetime(2026, 12, 1, 10, tzinfo=TAIPEI))
    )
    try:
        engine.load_office(sample_office)
        prepare_demo(engine, sample_office, simulate_days=2)
        ready = demo_cases(engine)
        assert stages(engine) == set(STAGES)
        assert ready is not None and ready.stage == "ready" and ready.ticket_id is not None
        with engine.db.read() as session:
            ticket = session.get(TicketRow, ready.ticket_id)
            assert ticket is not None and ticket.status == "done"
            token = ticket.token
        assert status_page(engine, ready) == f"http://localhost:8080/t/{token}"
        assert Cases(engine).events(ready.number)[-1].stage == "ready"
        with engine.db.read() as session:
            count = session.scalar(select(func.count()).select_from(CaseRow))
        # A second start adds nothing: every stage has its case already.
        assert demo_cases(engine) == ready
        with engine.db.read() as session:
            assert session.scalar(select(func.count()).select_from(CaseRow)) == count
    finally:
        engine.db.dispose()


def test_without_history_the_cases_are_there_without_a_ticket(engine: TicketEngine) -> None:
    assert demo_cases(engine) is None  # no ticket to show one on
    assert stages(engine) == set(STAGES)
    [ready] = Cases(engine).listed(stages=["ready"])
    assert ready.ticket_id is None and status_page(engine, ready) is None
    correction = Cases(engine).listed(stages=["correction"])[0]
    assert correction.correction_note and correction.correction_due
