"""Cases after the counter: registered at a served ticket, expected in working days that skip
weekends and closed dates, moved only as the stages allow, every move logged, the citizen told
at the stages they chose, looked up only with a second factor, contacts purged after closing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counterdesk.queue.cases import (
    LOOKUP_REFUSED,
    CaseMove,
    CaseRefused,
    Cases,
    Registration,
    business_number,
    case_number,
    working_days_after,
    working_days_between,
)
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.models import CaseRow, OutboxRow
from counterdesk.queue.views import Ticket

FRIDAY = dt.date(2026, 11, 27)  # the clock's day (conftest)
UBN = "04595257"  # a unified business number that passes its check


@pytest.fixture
def cases(engine: TicketEngine) -> Cases:
    return Cases(engine)


def served(engine: TicketEngine, service: str = "incorporation", counter: int = 2) -> Ticket:
    engine.issue(service)
    engine.sign_in(counter, "wang")
    engine.call_next(counter)
    engine.start(counter)
    return engine.finish(counter)


def outbox(engine: TicketEngine) -> dict[str, str]:
    with engine.db.read() as session:
        return {row.key: row.body for row in session.scalars(select(OutboxRow))}


def test_a_case_is_registered_at_its_ticket_with_the_expected_date_in_working_days(
    engine: TicketEngine, cases: Cases
) -> None:
    ticket = served(engine)
    case = cases.register("a115-000123", ticket_id=ticket.id, by="wang")
    assert (case.number, case.service, case.stage) == ("A115-000123", "incorporation", "received")
    # Received on a Friday, 2 working days: Monday, Tuesday.
    assert (case.received_on, case.expected_on) == (FRIDAY, dt.date(2026, 12, 1))
    assert cases.for_ticket(ticket.id) == [case]
    [event] = cases.events("A115-000123")
    assert (event.from_stage, event.stage, event.by) == (None, "received", "wang")


def test_working_days_skip_weekends_and_closed_dates(engine: TicketEngine) -> None:
    office = engine.office
    # 2027-02-04 to 02-10 holds the Lunar New Year's closed dates and a weekend.
    assert working_days_after(office, dt.date(2027, 2, 3), 1) == dt.date(2027, 2, 11)
    assert working_days_after(office, dt.date(2027, 2, 3), 0) == dt.date(2027, 2, 3)
    assert working_days_after(office, FRIDAY, 7) == dt.date(2026, 12, 8)


def test_a_case_is_refused_for_a_service_without_cases_a_waiting_ticket_or_a_repeat(
    engine: TicketEngine, cases: Cases
) -> None:
    with pytest.raises(CaseRefused, match="registers no cases; cases are registered for"):
        cases.register("C1", ticket_id=served(engine, "certificate", 1).id)
    waiting = engine.issue("amendment")
    with pytest.raises(CaseRefused, match="is waiting: a case is registered for a ticket"):
        cases.register("C2", ticket_id=waiting.id)
    cases.register("C3", service="amendment")
    with pytest.raises(CaseRefused, match="case C3 is already registered"):
        cases.register("c3", service="amendment")
    with pytest.raises(NotFound, match="no ticket with id 999"):
        cases.register("C4", ticket_id=999)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "the case number is empty"),
        ("A" * 41, "at most 40 fit"),
        ("A1 2", "may only hold letters, digits and dashes"),
        ("<script>", "may only hold letters, digits and dashes"),
    ],
)
def test_a_bad_case_number_is_named(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        case_number(typed)


def test_full_width_case_numbers_and_business_numbers_are_read_as_ascii() -> None:
    assert case_number("ａ１１５－０１") == "A115-01"
    assert business_number("０４５９５２５７") == UBN
    with pytest.raises(InvalidInput, match="fails its check digit"):
        business_number("04595258")
    with pytest.raises(InvalidInput, match="is not 8 digits"):
        business_number("1234")


def test_moves_follow_the_stages_and_each_is_logged_with_its_time_and_who(
    engine: TicketEngine, cases: Cases, clock: ManualClock
) -> None:
    cases.register("A1", service="incorporation")
    clock.advance(dt.timedelta(hours=1))
    cases.move("A1", "under_review", by="chen")
    with pytest.raises(CaseRefused, match=r"under review: it cannot be moved to ready .*next:"):
        cases.move("A1", "ready", by="chen")
    with pytest.raises(CaseRefused, match="already under review"):
        cases.move("A1", "under_review", by="chen")
    with pytest.raises(InvalidInput, match="'done' is not a case stage"):
        cases.move("A1", "done", by="chen")
    decided = cases.move("A1", "approved", by="chen")
    assert decided.decided_at == clock.now() and decided.ready_at is None
    ready = cases.move("A1", "ready", by="api:back-office")
    closed = cases.move("A1", "closed", by="chen")
    assert ready.ready_at is not None and closed.closed_at is not None
    assert closed.next_stages == ()
    assert [(e.stage, e.by) for e in cases.events("A1")] == [
        ("received", None),
        ("under_review", "chen"),
        ("approved", "chen"),
        ("ready", "api:back-office"),
        ("closed", "chen"),
    ]


def test_a_correction_needs_what_is_missing_and_a_date_after_today(cases: Cases) -> None:
    cases.register("A2", service="amendment")
    with pytest.raises(InvalidInput, match="saying what is missing"):
        cases.move("A2", "correction", by="chen", due=FRIDAY + dt.timedelta(days=7))
    with pytest.raises(InvalidInput, match="a date after today"):
        cases.move("A2", "correction", by="chen", note="章程缺頁", due=FRIDAY)
    case = cases.move(
        "A2", "correction", by="chen", note="章程缺頁", due=FRIDAY + dt.timedelta(days=7)
    )
    assert (case.correction_note, case.correction_due) == ("章程缺頁", dt.date(2026, 12, 4))
    with pytest.raises(InvalidInput, match="only a correction takes a date"):
        cases.move("A2", "under_review", by="chen", due=FRIDAY + dt.timedelta(days=9))
    assert cases.move("A2", "under_review", by="chen").correction_note is None


def test_the_citizen_is_told_at_the_stages_they_chose_and_every_move_once(
    engine: TicketEngine, cases: Cases
) -> None:
    case = cases.register("A3", service="incorporation", contact="0912 345 678")
    assert case.has_contact and "ready" in case.notify_stages
    cases.move("A3", "under_review", by="chen")  # not chosen by default
    cases.move("A3", "correction", by="chen", note="x", due=dt.date(2026, 12, 4))
    cases.move("A3", "under_review", by="chen")
    cases.move("A3", "correction", by="chen", note="y", due=dt.date(2026, 12, 8))
    cases.move("A3", "approved", by="chen")
    cases.move("A3", "ready", by="chen")
    sent = outbox(engine)
    assert [key.split(":")[2] for key in sent] == ["correction", "correction", "approved", "ready"]
    ready = next(body for key, body in sent.items() if ":ready:" in key)
    assert "A3" in ready and "可領件" in ready and "ready for pick-up" in ready
    assert "412-1166" in ready and "0912" not in ready
    due = next(body for key, body in sent.items() if ":correction:" in key)
    assert "2026年12月4日" in due and "Fri 4 Dec 2026" in due


def test_a_citizen_who_chose_only_pick_up_gets_only_that_and_none_without_a_contact(
    engine: TicketEngine, cases: Cases
) -> None:
    cases.register("A4", service="incorporation", contact="a@example.tw", notify=["ready"])
    cases.register("A5", service="incorporation")
    for number in ("A4", "A5"):
        cases.move(number, "approved", by="chen")
        cases.move(number, "ready", by="chen")
    assert [key.split(":")[2] for key in outbox(engine)] == ["ready"]
    with pytest.raises(InvalidInput, match="'closed' is not a stage one can be told of"):
        cases.register("A6", service="incorporation", contact="a@example.tw", notify=["closed"])


def test_a_bulk_change_is_all_or_nothing_and_names_the_refused_line(
    engine: TicketEngine, cases: Cases
) -> None:
    cases.register("B1", service="amendment")
    cases.register("B2", service="amendment")
    moves = [CaseMove("B1", "approved", line=2), CaseMove("B2", "ready", line=3)]
    with pytest.raises(CaseRefused, match=r"^line 3: case B2 is received"):
        cases.move_many(moves, by="import:chen")
    assert cases.by_number("B1").stage == "received"  # rolled back with the refused line
    done = cases.move_many(moves[:1], by="import:chen")
    assert [c.stage for c in done] == ["approved"]


def test_a_batch_of_registrations_is_all_or_nothing_and_names_the_refused_case(
    engine: TicketEngine, cases: Cases, clock: ManualClock
) -> None:
    ticket = served(engine)
    earlier = clock.now()  # handed in when served, at 09:00, and registered at 11:00
    clock.advance(dt.timedelta(hours=2))
    batch = [
        Registration("R1", ticket_id=ticket.id, by="wang", handed_in=earlier),
        Registration("R2", service="certificate"),  # a service without cases
    ]
    with pytest.raises(CaseRefused, match=r"^case R2: .*registers no cases"):
        cases.register_many(batch)
    with pytest.raises(NotFound, match="no case R1"):  # rolled back with the refused one
        cases.by_number("R1")
    [one, two] = cases.register_many([batch[0], Registration("R2", service="amendment")])
    # Registered afterwards: received when handed in, expected from that day.
    assert (one.received_at, one.service, one.ticket_id) == (earlier, "incorporation", ticket.id)
    assert two.received_at == clock.now()
    again = [Registration("R3", service="amendment"), Registration("r2", service="amendment")]
    with pytest.raises(CaseRefused, match=r"^case r2: case R2 is already registered"):
        cases.register_many(again)
    assert cases.listed(limit=10) == [two, one]  # R3 went with the refused R2


@pytest.mark.parametrize(
    ("handed_in", "message"),
    [
        (dt.timedelta(minutes=1), "handed in within the last 7 days, not at"),
        (-dt.timedelta(days=8), "handed in within the last 7 days, not at"),
        (None, "needs its time zone"),
    ],
)
def test_an_application_registered_afterwards_was_handed_in_in_the_last_week(
    cases: Cases, clock: ManualClock, handed_in: dt.timedelta | None, message: str
) -> None:
    at = clock.now() + handed_in if handed_in is not None else dt.datetime(2026, 11, 27, 9)
    with pytest.raises(InvalidInput, match=f"^case L1: .*{message}"):
        cases.register_many([Registration("L1", service="amendment", handed_in=at)])


def test_a_bulk_change_reads_its_cases_at_once_and_moves_one_case_twice_in_order(
    cases: Cases,
) -> None:
    cases.register("M1", service="amendment")
    moves = [CaseMove("m1", "under_review", line=2), CaseMove("M1", "approved", line=3)]
    assert [c.stage for c in cases.move_many(moves, by="import:chen")] == [
        "under_review",
        "approved",
    ]
    assert [e.stage for e in cases.events("M1")] == ["received", "under_review", "approved"]
    with pytest.raises(NotFound, match=r"^line 2: no case M9"):
        cases.move_many([CaseMove("M1", "ready", line=1), CaseMove("M9", "ready", line=2)], by="x")
    with pytest.raises(InvalidInput, match=r"^line 1: the case number 'A 1' may only hold"):
        cases.move_many([CaseMove("A 1", "ready", line=1)], by="x")
    assert cases.by_number("M1").stage == "approved"


def test_the_lookup_needs_the_business_number_or_the_phone_s_last_four_digits(
    cases: Cases,
) -> None:
    cases.register("L1", service="amendment", business_number_text=UBN, contact="0912345678")
    cases.register("L2", service="amendment", contact="x@example.tw")
    assert cases.lookup("l1", UBN).number == "L1"
    assert cases.lookup("L1", "５６７８").number == "L1"
    for number, factor in [("L1", "1234"), ("L1", ""), ("L9", UBN), ("L2", ""), ("'; --", "1")]:
        with pytest.raises(NotFound, match=rf"^{LOOKUP_REFUSED}$"):
            cases.lookup(number, factor)


def test_overdue_cases_and_contacts_purged_after_closing(
    engine: TicketEngine, cases: Cases, clock: ManualClock
) -> None:
    cases.register("O1", service="incorporation", contact="0912345678")
    cases.register("O2", service="incorporation")
    cases.move("O2", "approved", by="chen")
    clock.advance(dt.timedelta(days=5))  # Wednesday: past Tuesday's expected date
    assert [c.number for c in cases.overdue()] == ["O1"]
    assert cases.by_number("O1").overdue(engine.business_date())
    cases.move("O1", "closed", by="chen")
    clock.advance(dt.timedelta(days=30))
    assert cases.purge_contacts() == 0
    clock.advance(dt.timedelta(days=1))
    assert cases.purge_contacts() == 1
    with engine.db.read() as session:
        row = session.scalars(select(CaseRow).where(CaseRow.number == "O1")).one()
        assert (row.contact, row.notify_stages) == (None, None)
        assert row.contact_deleted_at == clock.now()


def test_time_waiting_for_a_correction_moves_the_expected_date_on_by_its_working_days(
    cases: Cases, clock: ManualClock
) -> None:
    cases.register("W1", service="incorporation")  # Friday; expected Tuesday 1 December
    cases.move("W1", "correction", by="chen", note="章程缺頁", due=dt.date(2026, 12, 4))
    clock.advance(dt.timedelta(days=5))  # Wednesday: Monday to Wednesday spent waiting
    assert cases.move("W1", "under_review", by="chen").expected_on == dt.date(2026, 12, 4)
    assert working_days_between(cases.office, FRIDAY, dt.date(2026, 12, 2)) == 3
    assert working_days_between(cases.office, FRIDAY, FRIDAY) == 0


def test_a_handed_over_case_nobody_closes_loses_its_contact_too(
    cases: Cases, clock: ManualClock
) -> None:
    cases.register("H1", service="incorporation", contact="0912345678")
    cases.move("H1", "approved", by="chen")
    cases.move("H1", "mailed", by="chen")
    clock.advance(dt.timedelta(days=31))
    assert cases.purge_contacts() == 1
    assert not cases.by_number("H1").has_contact
