"""An adversarial review of the cases domain (issue 17): each test here is a weakness found by
attacking ``queue/cases.py`` as a hostile citizen, a careless clerk, a buggy back office and a
loaded server. Each fails on the code it was written against and passes once the weakness is
fixed; what held is in ``test_case_attacks_held.py``."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import String, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from counterdesk.queue import Database, DatabaseError, ManualClock, TicketEngine
from counterdesk.queue.cases import LOOKUP_REFUSED, CaseRefused, Cases
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.models import ApiKeyRow, CaseRow, CaseStage
from counterdesk.queue.office import Office
from counterdesk.queue.roles import grant_roles, role_name

FRIDAY = dt.date(2026, 11, 27)  # the clock's day (conftest)
NEXT_FRIDAY = FRIDAY + dt.timedelta(days=7)
TAIPEI = dt.timezone(dt.timedelta(hours=8))
UBN = "04595257"
LONE_SURROGATE = "\ud800"  # what json.loads('"\\ud800"') gives an API or SMS endpoint
GUARD = 60.0  # seconds: only a guard against a hang


@pytest.fixture
def cases(engine: TicketEngine) -> Cases:
    return Cases(engine)


# -- the lookup ---------------------------------------------------------------------------------


def test_a_lone_surrogate_as_the_factor_is_refused_like_any_miss_and_tells_nothing(
    cases: Cases,
) -> None:
    """A JSON body (API, SMS gateway) may carry "\\ud800": ``_factor_matches`` encodes the
    factor only for a case that exists, so an existing number raised UnicodeEncodeError (a
    500) where an unknown one is refused: an oracle for which case numbers exist."""
    cases.register("L1", service="amendment", business_number_text=UBN, contact="0912345678")
    for number in ("L1", "L9"):
        with pytest.raises(NotFound, match=rf"^{LOOKUP_REFUSED}$"):
            cases.lookup(number, LONE_SURROGATE)
        with pytest.raises(NotFound, match=rf"^{LOOKUP_REFUSED}$"):
            cases.lookup(number, "567" + LONE_SURROGATE)


# -- what a clerk or a back office types --------------------------------------------------------


@pytest.mark.parametrize("field", ["note", "by"])
def test_a_lone_surrogate_in_a_note_or_a_name_is_refused_by_name(cases: Cases, field: str) -> None:
    """``clean_text`` lets a lone surrogate through; the database driver then fails to encode
    it (UnicodeEncodeError, a traceback) instead of a message naming the field."""
    cases.register("N1", service="amendment")
    given: dict[str, Any] = {"by": "chen", "note": "章程缺頁", "due": NEXT_FRIDAY}
    given[field] = f"x{LONE_SURROGATE}"
    with pytest.raises(InvalidInput, match=r"^(the note|who moves the case) "):
        cases.move("N1", "correction", **given)
    assert cases.by_number("N1").stage == "received"


@pytest.mark.parametrize(
    "due",
    [
        dt.datetime(2026, 12, 4, 10, 0, tzinfo=TAIPEI),  # a date-time is a date to mypy
        dt.datetime(2026, 12, 4, 10, 0),  # naive
        "2026-12-04",  # a CSV or JSON field passed on unparsed
    ],
    ids=["aware-datetime", "naive-datetime", "text"],
)
def test_a_correction_date_of_the_wrong_type_is_refused_by_name(cases: Cases, due: Any) -> None:
    """``due <= today`` raised TypeError ("can't compare datetime.datetime to datetime.date"):
    a traceback, and a datetime passes the type check, since it is a date subclass."""
    cases.register("D1", service="amendment")
    with pytest.raises(InvalidInput, match="date"):
        cases.move("D1", "correction", by="chen", note="章程缺頁", due=due)
    assert cases.by_number("D1").stage == "received"


@pytest.mark.parametrize("due", [dt.date(2036, 12, 4), dt.date.max], ids=["typo-2036", "9999"])
def test_a_correction_date_years_ahead_is_refused(cases: Cases, due: dt.date) -> None:
    """A typo (2036 for 2026) or a back office's "no date" sentinel is taken, told to the
    citizen by SMS ("correct it by 31 Dec 9999") and kept as the deadline."""
    cases.register("D2", service="amendment", contact="0912345678")
    with pytest.raises(InvalidInput, match="date"):
        cases.move("D2", "correction", by="chen", note="章程缺頁", due=due)
    assert cases.by_number("D2").stage == "received"


@pytest.mark.parametrize(
    "due", [dt.date(2026, 11, 29), dt.date(2027, 1, 1)], ids=["sunday", "new-year-closed-date"]
)
def test_a_correction_date_on_which_the_office_is_closed_is_refused(
    cases: Cases, due: dt.date
) -> None:
    """A careless clerk's pick: the citizen is told by SMS "correct it by Sun 29 Nov 2026",
    a day nobody can hand anything in at the counter."""
    assert not cases.office.open_on(due)
    cases.register("D3", service="amendment", contact="0912345678")
    with pytest.raises(InvalidInput, match="closed"):
        cases.move("D3", "correction", by="chen", note="章程缺頁", due=due)
    assert cases.by_number("D3").stage == "received"


@pytest.mark.parametrize("by", [None, "", "   "])
def test_every_move_names_who_made_it(cases: Cases, by: str | None) -> None:
    """The issue: "Every move is an event with its time and staff". ``move(by=None)`` (or an
    empty name from a careless caller) was logged with nobody."""
    cases.register("W1", service="amendment")
    with pytest.raises(InvalidInput, match="who moves the case"):
        cases.move("W1", "under_review", by=by)
    assert [e.stage for e in cases.events("W1")] == ["received"]


def test_a_back_office_key_with_the_longest_name_can_move_a_case(cases: Cases) -> None:
    """``by`` is ``api:<key name>``; a key's name may be 40 characters (``api_keys.name``),
    but ``by`` only 40 in all: such a back office's every move was refused."""
    name_type = ApiKeyRow.__table__.c.name.type
    assert isinstance(name_type, String) and name_type.length is not None
    longest = name_type.length
    by = "api:" + "k" * longest
    cases.register("K1", service="amendment")
    assert cases.move("K1", "under_review", by=by).stage == "under_review"
    assert cases.events("K1")[-1].by == by


def test_stages_chosen_without_a_contact_are_refused_not_dropped(cases: Cases) -> None:
    """A clerk ticks "tell me at pick-up" but the contact field is empty: the choice (even an
    unknown stage name) was dropped without a word, and the citizen waits for an SMS that
    never comes."""
    with pytest.raises(InvalidInput, match="contact"):
        cases.register("S1", service="amendment", notify=["ready"])
    with pytest.raises(InvalidInput, match="'bogus'"):
        cases.register("S2", service="amendment", notify=["bogus"])


def test_stages_given_as_one_string_are_read_as_a_stage_not_as_letters(cases: Cases) -> None:
    """``notify="ready"`` type-checks (a str is an Iterable[str]) and was refused with "'r' is
    not a stage one can be told of": a message naming a letter nobody typed."""
    try:
        case = cases.register("S3", service="amendment", contact="0912345678", notify="ready")
    except InvalidInput as refused:
        assert "'ready'" in str(refused)
    else:
        assert case.notify_stages == ("ready",)


@pytest.mark.parametrize("limit", [-1, 10**20])
def test_a_listing_limit_out_of_range_is_refused_by_name(cases: Cases, limit: int) -> None:
    """-1 listed every case on SQLite (and fails on PostgreSQL: "LIMIT must not be
    negative"); 10**20 raised OverflowError: ``limit`` is passed on unchecked."""
    cases.register("Z1", service="amendment")
    with pytest.raises(InvalidInput, match="limit"):
        cases.listed(limit=limit)


LONG_NAME = (
    "Department of Commerce, Taipei City Government — Company Registration Counter, Xinyi "
    "District Service Centre (Second Floor, North Wing) of the Taipei City Hall Annex Building B"
)


def test_a_long_office_name_never_stops_a_case_from_moving(
    engine: TicketEngine, sample_office: Office
) -> None:
    """The office file takes a name of any length; the notice's subject (sent with SMS too)
    holds at most 200 characters. With a 176-character English name every move a citizen
    chose to be told of was refused: "the subject is 209 characters; at most 200 fit", a
    message no clerk can act on. Either the office file refuses such a name, or the move
    goes through (its notice shortened)."""
    data = sample_office.model_dump(mode="json")
    data["office"]["name"]["en"] = LONG_NAME
    try:
        office = Office.model_validate(data)
    except ValueError:
        return  # refused where it can be fixed: the office file
    engine.load_office(office)
    cases = Cases(engine)
    cases.register("E1", service="amendment", contact="0912345678")
    assert cases.move("E1", "approved", by="chen").stage == "approved"


# -- the figures --------------------------------------------------------------------------------


def test_a_case_waiting_for_the_citizen_s_correction_is_not_overdue(
    engine: TicketEngine, cases: Cases, clock: ManualClock
) -> None:
    """Time spent waiting for the citizen's correction is not the office's processing time
    (the usual rule for applications: 補正期間不計入處理期間). A case sent back for a
    correction was listed overdue once its original expected date passed, and figures of
    "decided within the standard time" then blame the office for the citizen's delay.
    (A design decision for the lead: at least ``overdue()`` must not list it.)"""
    cases.register("O1", service="incorporation")  # expected Tuesday 1 December
    cases.move("O1", "correction", by="chen", note="章程缺頁", due=dt.date(2026, 12, 11))
    clock.advance(dt.timedelta(days=5))  # Wednesday 2 December: still within the due date
    assert cases.overdue() == []
    assert not cases.by_number("O1").overdue(engine.business_date())


# -- PostgreSQL: two clerks at once, and what a public terminal's login may read ----------------


def test_a_number_another_clerk_is_registering_at_that_moment_is_refused_by_name(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """``register`` checks the number is free, then inserts. On PostgreSQL (read committed) a
    second clerk's check does not see the first's uncommitted row; its INSERT waits for it and
    then fails on the unique number: a raw IntegrityError, not "already registered". The
    first clerk's transaction is held open here, to make that interleaving certain."""
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    cases = Cases(engine)
    first = engine.db.engine.connect()
    first_session = Session(bind=first)
    first_session.begin()
    now = clock.now()
    first_session.add(
        CaseRow(
            number="R1",
            service_code="amendment",
            stage=CaseStage.RECEIVED,
            received_at=now,
            received_on=FRIDAY,
            expected_on=NEXT_FRIDAY,
            updated_at=now,
        )
    )
    first_session.flush()
    outcome: dict[str, object] = {}

    def second_clerk() -> None:
        try:
            outcome["case"] = cases.register("R1", service="amendment", by="lin")
        except Exception as error:  # what it raised is what the test checks
            outcome["error"] = error

    clerk = threading.Thread(target=second_clerk)
    clerk.start()
    try:
        _wait_for_a_lock_wait(pg_url, clerk)
    finally:
        first_session.commit()
        first_session.close()
        first.close()
        clerk.join(GUARD)
    engine.db.dispose()
    error = outcome.get("error")
    assert isinstance(error, CaseRefused), repr(error)
    assert "case R1 is already registered" in str(error)


def _wait_for_a_lock_wait(url: str, clerk: threading.Thread) -> None:
    """Until a session of this database waits for a row lock (or the clerk finished)."""
    watcher = Database(url)
    done = threading.Event()
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=GUARD)
    try:
        while clerk.is_alive():
            with watcher.read() as session:
                waiting = session.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock'"
                    )
                )
            if waiting:
                return
            assert dt.datetime.now(dt.UTC) < deadline, "the second clerk never waited"
            done.wait(0.02)  # poll the condition; not a timing
    finally:
        watcher.dispose()


@pytest.fixture
def office_url(pg_url: str, clock: ManualClock, sample_office: Office) -> Iterator[str]:
    setup = TicketEngine(Database(pg_url), clock)
    setup.load_office(sample_office)
    grant_roles(setup.db)
    Cases(setup).register("P1", service="amendment", business_number_text=UBN)
    setup.db.dispose()
    yield pg_url


@pytest.mark.parametrize("kind", ["kiosk", "board", "notifier"])
@pytest.mark.parametrize(
    "statement",
    [
        "SELECT number, business_number FROM cases",
        "SELECT number, correction_note FROM cases",
        "SELECT note FROM case_events",
    ],
    ids=["business-number", "correction-note", "event-note"],
)
def test_a_public_terminal_s_login_cannot_read_a_case_s_second_factor_or_notes(
    office_url: str, clock: ManualClock, kind: str, statement: str
) -> None:
    """The unified business number is the public lookup's second factor: with it and the case
    number anyone passes the lookup. The staff's notes are free text ("負責人王小明身分證
    影本"): personal data. The kiosk and board stand in the public hall and the notifier
    never needs either, yet every login read them, and which company applied for what."""
    url = make_url(office_url).set(username=role_name(kind)).render_as_string(False)
    terminal = TicketEngine(Database(url), clock)
    try:
        with (
            pytest.raises(DatabaseError, match="may not do this: permission"),
            terminal.db.read() as session,
        ):
            session.execute(text(statement))
    finally:
        terminal.db.dispose()
