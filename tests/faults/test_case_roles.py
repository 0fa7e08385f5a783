# ruff: noqa: F811  # the imported fixtures are parameters of the tests, as pytest passes them
"""Least privilege for cases on PostgreSQL, login by login on the test server: the counter
registers the case its ticket handed in and moves it (its notice enqueued in the move's
transaction), the supervisor registers one for a past ticket and imports a CSV file of moves;
the kiosk and the board may do neither."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counterdesk.queue import Database, DatabaseError, ManualClock, TicketEngine
from counterdesk.queue.case_import import parse_moves
from counterdesk.queue.cases import Cases
from counterdesk.queue.models import OutboxRow

# The fixtures of test_db_roles (a granted database, a login per kind), used by name below.
from tests.faults.test_db_roles import Login, login, office_url  # noqa: F401

pytestmark = pytest.mark.postgres


def notices(url: str, clock: ManualClock) -> list[str]:
    """The outbox's keys, read by the administrator."""
    admin = TicketEngine(Database(url), clock)
    try:
        with admin.db.read() as session:
            return sorted(session.scalars(select(OutboxRow.key)))
    finally:
        admin.db.dispose()


def served(login: Login, counter: TicketEngine, service: str = "incorporation") -> int:
    login("kiosk").issue(service)
    counter.sign_in(2, "wang")
    counter.call_next(2)
    counter.start(2)
    return counter.finish(2).id


def test_the_counter_registers_and_moves_a_case_with_its_notice(
    login: Login,
    office_url: str,
    clock: ManualClock,
) -> None:
    counter = login("counter")
    cases = Cases(counter)
    ticket_id = served(login, counter)
    case = cases.register(
        "A115-1", ticket_id=ticket_id, business_number_text="04595257",
        contact="0912345678", by="wang",
    )  # fmt: skip
    assert case.has_contact
    cases.move("A115-1", "under_review", by="wang")
    due = counter.business_date() + dt.timedelta(days=14)
    moved = cases.move("A115-1", "correction", by="wang", note="缺少股東名簿", due=due)
    assert moved.stage == "correction"
    assert [e.stage for e in cases.events("A115-1")] == ["received", "under_review", "correction"]
    assert len(notices(office_url, clock)) == 1  # the correction, which the citizen chose


def test_the_supervisor_registers_for_a_past_ticket_and_imports_moves(
    login: Login,
    office_url: str,
    clock: ManualClock,
) -> None:
    ticket_id = served(login, login("counter"))
    clock.advance(days=1)
    supervisor = Cases(login("supervisor"))
    day = supervisor.engine.business_date() - dt.timedelta(days=1)
    assert supervisor.engine.read.ticket("B001", day).id == ticket_id  # found by number and day
    supervisor.register("P1", ticket_id=ticket_id, contact="a@example.tw", by="chen")
    supervisor.register("P2", service="amendment", by="chen")
    moves = parse_moves("number,stage\nP1,approved\nP2,審查中\n".encode("cp950")).moves
    supervisor.move_many(moves, by="import:chen")
    assert (supervisor.by_number("P1").stage, supervisor.by_number("P2").stage) == (
        "approved",
        "under_review",
    )
    assert len(notices(office_url, clock)) == 1  # P1's decision


@pytest.mark.parametrize("kind", ["kiosk", "board"])
def test_the_kiosk_and_the_board_may_not_register_or_move_cases(login: Login, kind: str) -> None:
    Cases(login("supervisor")).register("S1", service="amendment", by="chen")
    cases = Cases(login(kind))
    with pytest.raises(DatabaseError, match=r"login counterdesk_\w+ may not do this"):
        cases.register("S2", service="amendment")
    with pytest.raises(DatabaseError, match=r"login counterdesk_\w+ may not do this"):
        cases.move("S1", "closed", by="x")
