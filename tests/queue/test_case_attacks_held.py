"""The attacks on the cases domain (issue 17) that held: kept as tests so they keep holding.
Every stage against every target, timestamps after back-and-forth corrections, notices only
from committed moves and never with personal data, a service gone from the office file, an
office closed a whole year, the lookup's edges, hostile text, two clerks at once (real
processes, SQLite and PostgreSQL) and the logins' grants on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from counterdesk.queue import Database, DatabaseError, ManualClock, TicketEngine, outbox
from counterdesk.queue.cases import (
    LOOKUP_REFUSED,
    MOVES,
    CaseMove,
    CaseRefused,
    Cases,
    case_number,
    working_days_after,
)
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import CaseStage, OutboxRow, OutboxStatus
from counterdesk.queue.office import Office
from counterdesk.queue.roles import grant_roles, role_name

S = CaseStage
FRIDAY = dt.date(2026, 11, 27)  # the clock's day (conftest)
NEXT_FRIDAY = FRIDAY + dt.timedelta(days=7)
OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
UBN = "04595257"
PHONE = "0912345678"
SPAWN = multiprocessing.get_context("spawn")
CLERKS = 4
GUARD = 120.0  # seconds: only a guard against a hang
# How a case reaches each stage from "received".
PATHS: dict[CaseStage, tuple[CaseStage, ...]] = {
    S.RECEIVED: (),
    S.UNDER_REVIEW: (S.UNDER_REVIEW,),
    S.CORRECTION: (S.CORRECTION,),
    S.APPROVED: (S.APPROVED,),
    S.REJECTED: (S.REJECTED,),
    S.READY: (S.APPROVED, S.READY),
    S.MAILED: (S.APPROVED, S.MAILED),
    S.ELECTRONIC: (S.REJECTED, S.ELECTRONIC),
    S.CLOSED: (S.CLOSED,),
}


@pytest.fixture
def cases(engine: TicketEngine) -> Cases:
    return Cases(engine)


def walk(cases: Cases, number: str, path: tuple[CaseStage, ...]) -> None:
    for stage in path:
        due = NEXT_FRIDAY if stage == S.CORRECTION else None
        note = "章程缺頁" if stage == S.CORRECTION else None
        cases.move(number, stage, by="chen", note=note, due=due)


def bodies(engine: TicketEngine) -> list[str]:
    with engine.db.read() as session:
        return [f"{row.subject}\n{row.body}" for row in session.scalars(select(OutboxRow))]


# -- the stages ---------------------------------------------------------------------------------


def test_every_stage_to_every_target_moves_only_as_moves_allow_and_closed_is_final(
    cases: Cases,
) -> None:
    for start, path in PATHS.items():
        for target in CaseStage:
            number = f"M-{list(PATHS).index(start)}-{list(CaseStage).index(target)}"
            cases.register(number, service="amendment")
            walk(cases, number, path)
            due = NEXT_FRIDAY if target == S.CORRECTION else None
            note = "章程缺頁" if target == S.CORRECTION else None
            if target in MOVES[start]:
                moved = cases.move(number, target, by="chen", note=note, due=due)
                assert moved.stage == target
            else:
                with pytest.raises(CaseRefused, match=f"case {number} is "):
                    cases.move(number, target, by="chen", note=note, due=due)
                assert cases.by_number(number).stage == start
    assert MOVES[S.CLOSED] == ()


def test_the_times_stay_right_after_back_and_forth_corrections(
    cases: Cases, clock: ManualClock
) -> None:
    cases.register("T1", service="incorporation")
    steps = [S.CORRECTION, S.UNDER_REVIEW, S.CORRECTION, S.APPROVED, S.READY, S.CLOSED]
    at = {}
    for stage in steps:
        clock.advance(dt.timedelta(hours=1))
        walk(cases, "T1", (stage,))
        at[stage] = clock.now()
        case = cases.by_number("T1")
        assert (case.correction_note is not None) == (stage == S.CORRECTION)
    case = cases.by_number("T1")
    assert (case.decided_at, case.ready_at, case.closed_at) == (
        at[S.APPROVED],
        at[S.READY],
        at[S.CLOSED],
    )
    assert case.received_at < case.decided_at < case.ready_at < case.closed_at
    assert [e.from_stage for e in cases.events("T1")] == [None, S.RECEIVED, *steps[:-1]]


# -- notices ------------------------------------------------------------------------------------


def test_a_bulk_change_refused_on_a_later_line_sends_nothing(
    engine: TicketEngine, cases: Cases
) -> None:
    cases.register("B1", service="amendment", contact=PHONE)
    cases.register("B2", service="amendment", contact=PHONE)
    moves = [CaseMove("B1", "approved", line=2), CaseMove("B2", "ready", line=3)]
    with pytest.raises(CaseRefused, match=r"^line 3: "):
        cases.move_many(moves, by="import:chen")
    assert bodies(engine) == []


def test_notices_hold_no_contact_business_number_or_note(
    engine: TicketEngine, cases: Cases
) -> None:
    """The correction's note is staff's free text (it may name a person or an ID number): it
    stays out of an SMS, which anyone holding the phone reads; the page behind the lookup
    shows it."""
    cases.register("P1", service="incorporation", business_number_text=UBN, contact=PHONE)
    cases.register("P2", service="incorporation", contact="chen.mei@example.com.tw")
    for number in ("P1", "P2"):
        cases.move(number, "correction", by="chen", note="負責人王小明身分證影本", due=NEXT_FRIDAY)
        cases.move(number, "approved", by="chen")
        cases.move(number, "ready", by="chen")
    sent = bodies(engine)
    assert len(sent) == 6
    for body in sent:
        for secret in (PHONE, "345678", UBN, "王小明", "chen.mei", "身分證"):
            assert secret not in body


def test_a_contact_that_opted_out_is_never_sent_a_case_notice(
    engine: TicketEngine, cases: Cases, clock: ManualClock
) -> None:
    cases.register("X1", service="amendment", contact="+886 912 345 678")
    with engine.db.write() as session:
        outbox.opt_out(session, PHONE, clock.now())
    cases.move("X1", "approved", by="chen")
    with engine.db.write() as session:
        assert outbox.claim_next(session, outbox.SMS, clock.now(), per_minute=10) is None
    with engine.db.read() as session:
        assert session.scalars(select(OutboxRow.status)).all() == [OutboxStatus.OPTED_OUT]


def test_a_case_of_a_service_gone_from_the_office_file_still_moves_and_is_told(
    engine: TicketEngine, cases: Cases, sample_office: Office
) -> None:
    cases.register("G1", service="amendment", contact=PHONE)
    # Gone from the counters too: an office whose counters serve a service it lacks is
    # refused by the office check, which loading an office now runs (review 2 of issue 18).
    data = sample_office.model_dump(mode="json")
    data["services"] = [s for s in data["services"] if s["code"] != "amendment"]
    for counter in data["counters"]:
        counter["services"] = [c for c in counter["services"] if c != "amendment"]
    engine.load_office(Office.model_validate(data))
    cases.move("G1", "approved", by="chen")
    [body] = bodies(engine)
    assert "G1" in body and "已核准" in body and "Approved" in body
    with pytest.raises(QueueError):
        cases.register("G2", service="amendment")


def test_an_office_closed_a_whole_year_is_refused_by_name_and_a_long_standard_time_counts(
    engine: TicketEngine,
) -> None:
    office = engine.office
    days = [FRIDAY + dt.timedelta(days=n) for n in range(1, 800)]
    closed = [{"date": day.isoformat()} for day in days[:400]]
    shut = parse_office_with(office, closed)
    with pytest.raises(QueueError, match="opens on no day in the year after"):
        working_days_after(shut, FRIDAY, 1)
    # 365 working days across 300 closed dates: found, and none of them is a closed date.
    some = [{"date": day.isoformat()} for day in days[::2][:300]]
    busy = parse_office_with(office, some)
    last = working_days_after(busy, FRIDAY, 365)
    assert busy.open_on(last) and last.isoformat() not in {c["date"] for c in some}


def parse_office_with(office: Office, closed: list[dict[str, str]]) -> Office:
    data = office.model_dump(mode="json")
    data["office"]["closed_dates"] = closed
    return Office.model_validate(data)


# -- the lookup ---------------------------------------------------------------------------------


def test_the_lookup_takes_only_a_whole_factor_of_that_case(
    cases: Cases, engine: TicketEngine, clock: ManualClock
) -> None:
    cases.register("F1", service="amendment", business_number_text=UBN, contact=PHONE)
    cases.register("F2", service="amendment", contact="ab5678@example.tw")
    cases.register("F3", service="amendment", contact="0987655678")
    refused = [
        ("F1", "678"),  # a part
        ("F1", "45678"),  # more
        ("F1", "0459525"),  # most of the business number
        ("F1", "5678\x00"),
        ("F2", "5678"),  # an e-mail address has no "last four digits"
        ("F2", ".tw"),
        ("F2", ""),
        ("F1", UBN[:4]),
        ("F1 ", "%"),
    ]
    for number, factor in refused:
        with pytest.raises(NotFound, match=rf"^{LOOKUP_REFUSED}$"):
            cases.lookup(number, factor)
    assert cases.lookup("ｆ１", "5 6 7 8").number == "F1"
    assert cases.lookup("F3", "5678").number == "F3"  # the same digits: its own case only
    cases.move("F1", "closed", by="chen")
    clock.advance(dt.timedelta(days=engine.office.cases.contact_retention_days + 1))
    assert cases.purge_contacts() == 1
    with pytest.raises(NotFound, match=rf"^{LOOKUP_REFUSED}$"):
        cases.lookup("F1", "5678")  # the phone is gone
    assert cases.lookup("F1", UBN).number == "F1"


# -- hostile text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("A1\u200f", "may only hold letters"),  # a right-to-left mark pasted along
        ("\u202eA1", "may only hold letters"),
        ("А1", "may only hold letters"),  # Cyrillic А
        ("A1\x00", "may only hold letters"),
        ("Ａ" * 10_000_000, "at most 40 fit"),
    ],
    ids=["rlm", "rlo", "cyrillic", "nul", "huge"],
)
def test_hostile_case_numbers_are_refused_by_name(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        case_number(typed)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("business_number_text", "0459\x005257", "not 8 digits"),
        ("business_number_text", "０４５９５２５７" + "\u200b", "not 8 digits"),
        ("contact", "09123\x0045678", "control characters"),
        ("contact", "x" * 10_000, "at most 200 fit"),
        ("by", "chen\x1b[2J", "control characters"),
    ],
)
def test_hostile_registrations_are_refused_by_name(
    cases: Cases, field: str, value: str, message: str
) -> None:
    given: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInput, match=message):
        cases.register("H1", service="amendment", **given)
    with pytest.raises(NotFound):
        cases.by_number("H1")


# -- two clerks at once, as real processes ------------------------------------------------------


def _clerk(url: str, work: str, number: str, stage: str, start: Any, results: Any) -> None:
    try:
        engine = TicketEngine(Database(url), ManualClock(OPENING))
        cases = Cases(engine)
        start.wait(timeout=GUARD)
        try:
            if work == "register":
                cases.register(number, service="amendment")
            else:
                cases.move(number, stage, by="chen")
            results.put(("done", stage))
        except CaseRefused as refused:
            results.put(("refused", str(refused)))
        engine.db.dispose()
    except BaseException:
        start.abort()
        results.put(("crashed", traceback.format_exc()))


def race(url: str, work: str, stages: list[str]) -> list[tuple[str, str]]:
    start, results = SPAWN.Barrier(len(stages)), SPAWN.Queue()
    clerks = [
        SPAWN.Process(target=_clerk, args=(url, work, "C1", stage, start, results))
        for stage in stages
    ]
    for clerk in clerks:
        clerk.start()
    reports: list[tuple[str, str]] = []
    try:
        while len(reports) < len(stages):
            try:
                reports.append(results.get(timeout=GUARD))
            except queue.Empty:
                pytest.fail("the clerks did not finish")
    finally:
        for clerk in clerks:
            clerk.join(timeout=30)
            if clerk.is_alive():
                clerk.kill()
    return reports


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(
    request: pytest.FixtureRequest, sqlite_url: str, clock: ManualClock, sample_office: Office
) -> Iterator[str]:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    setup = TicketEngine(Database(url), clock)
    setup.load_office(sample_office)
    setup.db.dispose()
    yield url


@pytest.mark.slow
def test_clerks_moving_one_case_at_once_give_one_move_and_refuse_the_rest(
    shared_url: str, clock: ManualClock
) -> None:
    engine = TicketEngine(Database(shared_url), clock)
    cases = Cases(engine)
    cases.register("C1", service="amendment")
    # Each excludes the others: approved cannot become rejected, nor be approved twice.
    stages = ["approved", "rejected"] * (CLERKS // 2)
    reports = race(shared_url, "move", stages)
    assert [r for r in reports if r[0] == "crashed"] == []
    [(_, won)] = [r for r in reports if r[0] == "done"]
    assert cases.by_number("C1").stage == won
    assert [e.stage for e in cases.events("C1")] == ["received", won]
    engine.db.dispose()


@pytest.mark.slow
def test_clerks_registering_one_number_at_once_on_sqlite_give_one_case(
    sqlite_url: str, clock: ManualClock, sample_office: Office
) -> None:
    engine = TicketEngine(Database(sqlite_url), clock)
    engine.load_office(sample_office)
    reports = race(sqlite_url, "register", ["received"] * CLERKS)
    assert sorted(kind for kind, _ in reports) == ["done"] + ["refused"] * (CLERKS - 1)
    assert len(Cases(engine).listed()) == 1
    engine.db.dispose()


# -- least privilege on PostgreSQL --------------------------------------------------------------


@pytest.fixture
def granted(pg_url: str, clock: ManualClock, sample_office: Office) -> Iterator[str]:
    setup = TicketEngine(Database(pg_url), clock)
    setup.load_office(sample_office)
    grant_roles(setup.db)
    setup.db.dispose()
    yield pg_url


def login(url: str, kind: str, clock: ManualClock) -> TicketEngine:
    as_kind = make_url(url).set(username=role_name(kind)).render_as_string(False)
    return TicketEngine(Database(as_kind), clock)


def test_the_counter_registers_and_moves_the_web_looks_up_and_moves_others_cannot_read_contacts(
    granted: str, clock: ManualClock
) -> None:
    counter, web = login(granted, "counter", clock), login(granted, "web", clock)
    kiosk, board = login(granted, "kiosk", clock), login(granted, "board", clock)
    try:
        at_counter = Cases(counter)
        at_counter.register("Q1", service="amendment", contact=PHONE, by="wang")
        at_counter.move("Q1", "correction", by="wang", note="章程缺頁", due=NEXT_FRIDAY)
        on_web = Cases(web)
        assert on_web.lookup("Q1", "5678").stage == "correction"
        on_web.move("Q1", "under_review", by="api:back-office")
        on_web.move_many([CaseMove("Q1", "approved", line=1)], by="import:wang")
        assert on_web.purge_contacts() == 0
        with web.db.read() as session:
            assert len(session.scalars(select(OutboxRow.id)).all()) == 2
        for terminal in (kiosk, board):
            with (
                pytest.raises(DatabaseError, match="may not do this: permission"),
                terminal.db.read() as session,
            ):
                session.execute(text("SELECT contact FROM cases"))
    finally:
        for engine in (counter, web, kiosk, board):
            engine.db.dispose()
