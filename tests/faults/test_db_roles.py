"""Least privilege on PostgreSQL: each terminal kind's login does its real work on the test
server, and what it must not do is refused with a DatabaseError naming the login."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from counterdesk.analytics.satisfaction import satisfaction
from counterdesk.analytics.statistics import statistics_for
from counterdesk.feedback import Feedback
from counterdesk.queue import Database, DatabaseError, ManualClock, QueueError, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.change_feed import ChangeFeed
from counterdesk.queue.database import alembic_config
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.office_versions import rollback
from counterdesk.queue.pin_guard import Subject
from counterdesk.queue.roles import ROLES, grant_roles, role_name
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.web.server import make_server
from tests.conftest import ROOT
from tests.queue.shown import latest_shown
from tests.web.support import Client

Login = Callable[[str], TicketEngine]


def login_url(url: str, kind: str) -> str:
    """``url`` as the role of ``kind`` (the test server trusts every login on localhost)."""
    return make_url(url).set(username=role_name(kind)).render_as_string(hide_password=False)


@pytest.fixture
def office_url(pg_url: str, clock: ManualClock, sample_office: Office) -> Iterator[str]:
    """A migrated database holding the sample office, with every role granted."""
    setup = TicketEngine(Database(pg_url), clock)
    setup.load_office(sample_office)
    assert grant_roles(setup.db) == [role_name(kind) for kind in ROLES]
    setup.db.dispose()
    yield pg_url


@pytest.fixture
def login(office_url: str, clock: ManualClock) -> Iterator[Login]:
    engines: list[TicketEngine] = []

    def connect(kind: str) -> TicketEngine:
        engine = TicketEngine(Database(login_url(office_url, kind)), clock)
        engines.append(engine)
        return engine

    yield connect
    for engine in engines:
        engine.db.dispose()


def refused(engine: TicketEngine, statement: str) -> None:
    with (
        pytest.raises(DatabaseError, match=r"login counterdesk_\w+ may not do this: permission"),
        engine.db.write() as session,
    ):
        session.execute(text(statement))


def test_no_login_creates_in_the_schema_even_where_public_could(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """PostgreSQL 14 and older grant CREATE on the public schema to PUBLIC, i.e. to every
    login: roles must take it back, or a kiosk could plant objects and would think it may
    migrate the schema."""
    setup = TicketEngine(Database(pg_url), clock)
    try:
        setup.load_office(sample_office)
        with setup.db.engine.begin() as connection:
            connection.exec_driver_sql("GRANT CREATE ON SCHEMA public TO PUBLIC")  # as on PG 14
        grant_roles(setup.db)
    finally:
        setup.db.dispose()
    kiosk = TicketEngine(Database(login_url(pg_url, "kiosk")), clock)
    try:
        refused(kiosk, "CREATE TABLE planted (x int)")
        with kiosk.db.read() as session:
            assert not session.scalar(
                text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
            )
    finally:
        kiosk.db.dispose()


def test_the_kiosk_issues_but_cannot_call_change_or_read_contacts(login: Login) -> None:
    kiosk = login("kiosk")
    assert kiosk.read.status().services
    feed = ChangeFeed(kiosk.read)
    feed.poll()
    ticket = kiosk.issue("precheck")
    kiosk.set_print_state(ticket.id, "printed")
    assert [event.kind for event in feed.poll()] == ["issued", "printed"]
    assert kiosk.read.ticket(ticket.number).print_state == "printed"
    refused(kiosk, "UPDATE tickets SET status = 'done'")
    refused(kiosk, "DELETE FROM tickets")
    refused(kiosk, "DELETE FROM ticket_events")
    refused(kiosk, "SELECT contact FROM opinions")
    refused(kiosk, "SELECT pin_hash FROM staff")
    with pytest.raises(DatabaseError, match="permission denied for table opinions"):
        Feedback(kiosk).opinions.listing()


def test_a_counter_serves_and_takes_ratings_but_cannot_issue_or_delete(
    login: Login, clock: ManualClock
) -> None:
    kiosk, counter, supervisor = login("kiosk"), login("counter"), login("supervisor")
    first, second, third = (kiosk.issue("precheck") for _ in range(3))
    login("administrator").set_pin("wang", "2468")
    with pytest.raises(QueueError, match="wrong PIN"):
        counter.check_pin("wang", "1111", counter=1)
    assert supervisor.pins.unlock(Subject("staff", "wang"))  # no wait before the right PIN
    assert supervisor.pins.unlock(Subject("counter", "1"))
    administrator = login("administrator")
    administrator.set_pin("chen", "1357")
    # A PIN reset writes the hash column, which the supervisor's login may not (see below):
    # refused in words, and done with the administrator's, as set-pin is.
    with pytest.raises(DatabaseError, match="permission denied for table staff"):
        supervisor.reset_pin("chen", by="lin")
    administrator.reset_pin("chen", by="lin")
    assert not counter.has_pin("chen")
    counter.sign_in(1, "wang", "2468")
    assert counter.call_next(1).number == first.number
    counter.recall(1)
    counter.start(1)
    clock.advance(minutes=5)
    counter.finish(1, "done")
    counter.call_next(1)
    counter.no_show(1)
    counter.return_to_queue(second.number)
    counter.call_ticket(1, third.number)
    counter.transfer(1, "amendment")
    counter.pause(1)
    counter.resume(1)
    counter.sign_out(1)
    rating = Feedback(counter).ratings.rate(
        first.token, 2, "too slow", source="counter", reply=True, contact="0912-345-678"
    )
    assert rating.opinion is not None
    with pytest.raises(DatabaseError, match="permission denied for table"):
        counter.issue("precheck")
    refused(counter, "DELETE FROM tickets")
    refused(counter, "DELETE FROM ratings")
    refused(counter, "SELECT contact FROM opinions")


def test_the_board_only_reads(login: Login) -> None:
    login("kiosk").issue("precheck")
    board = login("board")
    assert sum(service.waiting for service in board.read.status().services) == 1
    assert len(board.read.waiting()) == 1
    assert board.read.print_states().tickets
    assert ChangeFeed(board.read, 0).poll()
    with pytest.raises(DatabaseError, match="permission denied"):
        board.issue("precheck")
    refused(board, "UPDATE tickets SET status = 'done'")
    refused(board, "INSERT INTO ticket_events (at, kind) VALUES (now(), 'called')")
    refused(board, "SELECT contact FROM opinions")
    refused(board, "SELECT pin_hash FROM staff")


def test_a_login_that_may_not_keep_the_caches_still_gets_the_figures_and_exports(
    login: Login, clock: ManualClock, tmp_path: Path
) -> None:
    """The caches of settled days are the supervisor's to keep: a board's login reading the
    same days derives them afresh each time, with the same figures and the same bytes."""
    kiosk, counter, board, supervisor = (
        login(k) for k in ("kiosk", "counter", "board", "supervisor")
    )
    counter.sign_in(1, "wang")
    kiosk.issue("precheck")
    counter.call_next(1)
    counter.start(1)
    clock.advance(minutes=6)
    counter.finish(1)
    counter.sign_out(1)
    day = board.business_date()
    clock.advance(days=1)  # the day is settled

    def events(engine: TicketEngine, name: str) -> bytes:
        export(engine, ExportRequest(day, day, "csv", tmp_path / name, table="events"))
        return (tmp_path / name).read_bytes()

    read_by_board = events(board, "board.csv"), statistics_for(board, day, day).total
    with board.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM day_events")) == 0
        assert session.scalar(text("SELECT count(*) FROM day_summaries")) == 0
    assert (events(supervisor, "supervisor.csv"), statistics_for(supervisor, day, day).total) == (
        read_by_board
    )
    with supervisor.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM day_events")) == 1
        assert session.scalar(text("SELECT count(*) FROM day_summaries")) == 1
    assert read_by_board[0].count(b"\r\n") == 7  # heading, sign-in, issue, call, start,
    # finish, sign-out


def test_web_takes_ratings_and_opinions_and_the_supervisor_follows_them_up(
    login: Login, clock: ManualClock, tmp_path: Path
) -> None:
    kiosk, counter, web, supervisor = (login(k) for k in ("kiosk", "counter", "web", "supervisor"))
    ticket = kiosk.issue("precheck")
    counter.sign_in(1, "wang")
    counter.call_ticket(1, ticket.number)
    counter.start(1)
    clock.advance(minutes=6)
    counter.finish(1)
    waiting = kiosk.issue("precheck")

    with make_server(web, "127.0.0.1", 0).running() as server:
        client = Client(server)
        assert client.get(f"/t/{waiting.token}").status == 200  # its estimate: written at stop
        assert client.get(f"/t/{ticket.token}").status == 200
        assert client.rate(ticket, "score=4&comment=ok").status == 303
        assert client.get(f"/api/t/{ticket.token}").json()["can_rate"] is False
        # The public API reads as the web's login too, through the same domain reads.
        assert client.get("/api/v1/services").status == 200
        assert client.get(f"/api/v1/tickets/{ticket.token}").json()["status"] == "done"
        assert client.get("/api/v1/events").json()["events"][-1]["kind"] == "issued"
    assert latest_shown(supervisor, waiting.id)[1:3] == (
        waiting.estimated_wait_low,
        waiting.estimated_wait_high,
    )
    counter.cancel(waiting.number)  # the day can be settled
    web_feedback = Feedback(web)
    filed = web_feedback.opinions.submit("請回電", contact="0912-345-678", token=ticket.token)
    assert [o.reference for o in web_feedback.opinions.for_ticket(ticket.token)] == [
        filed.reference
    ]

    opinions = Feedback(supervisor).opinions
    assert [o.contact for o in opinions.listing()] == ["0912-345-678"]
    opinions.assign(filed.reference, "chen")
    opinions.answer(filed.reference, "已回電", "chen")
    opinions.close(filed.reference, "chen")
    today = supervisor.business_date()
    assert statistics_for(supervisor, today, today)
    assert satisfaction(supervisor, today, today)

    clock.advance(days=supervisor.office.feedback.contact_retention_days + 1)
    assert web_feedback.opinions.purge_contacts() == 1
    assert opinions.get(filed.reference).contact is None
    # The ticket's day is settled now: the statistics summarise it once, for every later read.
    assert statistics_for(supervisor, today, supervisor.business_date())
    with supervisor.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM day_summaries")) == 1
    # And the event CSV keeps the settled day's events for the next export.
    export(supervisor, ExportRequest(today, today, "csv", tmp_path / "e.csv", table="events"))
    with supervisor.db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM day_events")) == 1

    for reader in (web, supervisor):
        refused(reader, "UPDATE tickets SET status = 'done'")
        refused(reader, "UPDATE tickets SET issue_wait_minutes = 0")  # the promise stays
        refused(reader, "DELETE FROM ratings")
    refused(web, "SELECT pin_hash FROM staff")
    refused(web, "UPDATE opinions SET answer = 'x'")
    with pytest.raises(DatabaseError, match="permission denied for table"):
        supervisor.issue("precheck")


def test_the_administrator_owns_the_schema_and_only_it_migrates(
    office_url: str, login: Login
) -> None:
    admin = login("administrator")
    with admin.db.read() as session:
        owners = set(
            session.scalars(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            )
        )
    assert owners == {"counterdesk_administrator"}
    config = alembic_config()
    with admin.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    with pytest.raises(DatabaseError, match=r"needs version \w+.*counterdesk db upgrade"):
        Database(login_url(office_url, "kiosk"))
    Database(login_url(office_url, "administrator")).dispose()  # upgrades again
    setup = Database(office_url)
    grant_roles(setup)  # again after the upgrade, which made a table anew
    before = grants(setup)
    assert ("counterdesk_kiosk", "tickets", "print_state", "UPDATE") in before
    grant_roles(setup)  # a second run changes nothing
    assert grants(setup) == before
    setup.dispose()
    assert login("kiosk").issue("precheck").number == "A001"


def grants(db: Database) -> set[tuple[str, ...]]:
    """Every table and column privilege held by the counterdesk roles."""
    with db.read() as session:
        return {
            tuple(row)
            for query in (
                "SELECT grantee, table_name, '', privilege_type "
                "FROM information_schema.role_table_grants",
                "SELECT grantee, table_name, column_name, privilege_type "
                "FROM information_schema.column_privileges",
            )
            for row in session.execute(text(f"{query} WHERE grantee LIKE 'counterdesk_%'"))
        }


def roles_command(
    url: str, folder: Path, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``counterdesk --db URL db roles ARGS`` as a real process, ``stdin`` as its input."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, "db", "roles", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
        env={**os.environ, "COUNTERDESK_CONFIG": str(folder / "none.toml")},
    )


def test_db_roles_sets_passwords_from_stdin_never_the_command_line(
    office_url: str, tmp_path: Path
) -> None:
    """Hashed by the client: the server stores SCRAM, the process list shows no password."""
    result = roles_command(
        office_url, tmp_path, "--passwords", stdin="kiosk-secret\n\n\n\n\n\nadmin-secret\n"
    )
    assert result.returncode == 0, result.stderr
    assert "counterdesk_kiosk: issues tickets" in result.stdout
    setup = Database(office_url)
    with setup.read() as session:
        stored: dict[str, str] = dict(
            session.execute(
                text(
                    "SELECT rolname, rolpassword FROM pg_authid WHERE rolname LIKE 'counterdesk_%'"
                )
            ).all()
        )
    setup.dispose()
    assert stored["counterdesk_kiosk"].startswith("SCRAM-SHA-256$")
    assert stored["counterdesk_administrator"].startswith("SCRAM-SHA-256$")
    assert "kiosk-secret" not in stored["counterdesk_kiosk"]

    short = roles_command(office_url, tmp_path, "--passwords", stdin="one\n")
    assert short.returncode == 2
    assert short.stderr.strip().splitlines() == [
        "counterdesk: --passwords: stdin ended before the password of counterdesk_counter "
        "(give 7 lines: kiosk, counter, board, web, supervisor, notifier, administrator)"
    ]


def test_db_roles_refuses_sqlite_in_one_line(tmp_path: Path) -> None:
    result = roles_command(f"sqlite:///{tmp_path / 'office.sqlite3'}", tmp_path, "--passwords")
    assert result.returncode == 2
    assert not (tmp_path / "office.sqlite3").exists()  # refused before anything is made
    assert result.stderr.strip().splitlines() == [
        "counterdesk: database roles are a PostgreSQL feature: a SQLite file has no logins "
        "(protect it with the PC's user accounts)"
    ]


@pytest.mark.parametrize(
    ("kind", "window"),
    [
        ("kiosk", ["kiosk"]),
        ("counter", ["counter", "--counter", "1"]),
        ("counter", ["feedback", "--counter", "1"]),
        ("board", ["board"]),
        ("supervisor", ["supervisor"]),
    ],
)
def test_each_window_opens_as_its_role(
    office_url: str, tmp_path: Path, kind: str, window: list[str]
) -> None:
    """The real window, as a process, renders its first screen with nothing refused."""
    picture = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            login_url(office_url, kind),
            *window,
            "--snapshot",
            str(picture),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "COUNTERDESK_CONFIG": str(tmp_path / "none.toml")},
    )
    assert result.returncode == 0, result.stderr
    assert "permission" not in result.stderr
    assert picture.stat().st_size > 0


def test_the_notifier_login_sends_and_the_terminals_cannot_read_recipients(
    office_url: str, login: Login, clock: ManualClock, sample_office: Office, tmp_path: Path
) -> None:
    from counterdesk.notify.channels import FileChannel
    from counterdesk.notify.config import Policy, Route
    from counterdesk.notify.notifier import Notifier
    from counterdesk.queue import outbox

    owner = Database(office_url)
    with owner.write() as session:
        outbox.enqueue(session, key="k", recipient="0912345678", body="A001", now=clock.now())
        outbox.enqueue(session, key="gone", recipient="0987654321", body="A002", now=clock.now())
        outbox.cancel(session, "gone", clock.now())
    owner.dispose()
    sender = login("notifier")
    sent = tmp_path / "sms.jsonl"
    routes = {"sms": Route(FileChannel(sent), 60)}
    policy = Policy(quiet_hours=None, keep_recipients=dt.timedelta(days=1))
    notifier = Notifier(sender.db, clock, sample_office.zone, routes, policy)
    assert notifier.run_once() == {"sent": 1}
    clock.advance(days=2)
    notifier.run_once()  # blanks the recipients of ended messages
    with sender.db.read() as session:
        assert outbox.problems(session) == []
        assert set(session.scalars(text("SELECT recipient FROM outbox"))) == {None}
    assert "0912345678" in sent.read_text()
    refused(sender, "INSERT INTO tickets (id) VALUES (1)")
    refused(sender, "DELETE FROM outbox")
    for kind in ("kiosk", "counter", "board"):
        refused(login(kind), "SELECT recipient FROM outbox")


def test_bookings_and_web_numbers_each_by_its_own_login(login: Login, clock: ManualClock) -> None:
    """The web books, moves and cancels, gives a number from the web and lapses one left
    unchecked; the supervisor books for a caller; the kiosk checks a booking and a web number
    in without reading any contact; a counter calls the appointment (its streak kept); and no
    terminal but the web and the supervisor reads a booking's contact."""
    web, kiosk, counter, supervisor = (login(k) for k in ("web", "kiosk", "counter", "supervisor"))
    clock.advance(hours=-2)  # 07:00: the morning's times can still be moved
    pages = Bookings(web)
    today = web.business_date()
    free = [slot.start for slot in pages.free_slots("incorporation", today) if slot.free]
    first = pages.book("incorporation", free[0], contact="0912-345-678")
    pages.move(first.token, free[1])
    booked = pages.book("incorporation", free[0])
    assert Bookings(supervisor).book("incorporation", free[2], staff="wang").source == "staff"
    assert pages.cancel(first.token).status == "cancelled"
    clock.set(booked.starts_at - dt.timedelta(minutes=10))  # open: numbers from the web too
    remote, lapsing = web.take_remote("certificate"), web.take_remote("certificate")
    assert remote.check_in_code is not None
    desk = Bookings(kiosk)
    checked = desk.check_in(booked.code)
    assert checked.booking is not None and checked.booking.has_contact is None  # unread
    assert desk.check_in(remote.check_in_code).ticket.check_in_by is None
    login("administrator").set_pin("chen", "1357")
    counter.sign_in(2, "chen", "1357")
    clock.set(booked.starts_at)
    called = counter.call_next(2)
    assert called is not None and called.id == checked.ticket.id  # due: ahead of walk-ins
    counter.start(2)
    counter.finish(2)
    clock.advance(minutes=40)
    counter.call_next(2)  # lapses the web number left unchecked
    assert web.read.ticket(lapsing.number).status == "cancelled"
    refused(web, "UPDATE tickets SET status = 'done'")  # it lapses nothing itself
    for kind in ("kiosk", "counter", "board", "notifier"):
        refused(login(kind), "SELECT contact FROM bookings")
    refused(kiosk, "UPDATE bookings SET starts_at = starts_at")
    refused(counter, "INSERT INTO booking_events (booking_id, at, kind) VALUES (1, now(), 'x')")


def test_the_web_records_opt_outs_and_the_supervisor_resends_a_dead_letter(
    office_url: str, login: Login, clock: ManualClock
) -> None:
    from counterdesk.queue import outbox
    from counterdesk.queue.models import OutboxStatus

    owner = Database(office_url)
    with owner.write() as session:
        outbox.enqueue(session, key="dead", recipient="0912345678", body="A001", now=clock.now())
        session.execute(text("UPDATE outbox SET status = :s"), {"s": OutboxStatus.DEAD})
    owner.dispose()
    web = login("web")
    with web.db.write() as session:  # a STOP by SMS: the opt-out and its one confirmation
        assert outbox.confirm_opt_out(session, "0987654321", "已退訂 / opted out", clock.now())
        outbox.opt_out(session, "a@example.tw", clock.now())  # an e-mail's opt-out page
    with web.db.read() as session:
        assert outbox.opted_out(session, "0987654321") and outbox.opted_out(session, "a@example.tw")
    supervisor = login("supervisor")
    with supervisor.db.write() as session:
        [dead] = outbox.problems(session)
        assert outbox.resend(session, dead.id, clock.now()).status == OutboxStatus.PENDING
    refused(login("kiosk"), "INSERT INTO opt_outs (contact, at) VALUES ('0911111111', now())")
    refused(web, "DELETE FROM opt_outs")


def test_turn_notices_each_by_its_own_login(login: Login, clock: ManualClock) -> None:
    """A contact left on a status page, login by login: the web leaves, shows (masked) and
    removes it, and tells at once one already near; a counter's calls write the notices (also
    those a lapse brings near) and its finish deletes the contact; close-day (run by the
    administrator: no terminal's login may end a day's tickets) deletes the rest; kiosk, board
    and notifier never read one, and only the web inserts one."""
    from counterdesk.queue.models import OutboxRow
    from counterdesk.queue.ticket_watch import TicketWatch

    web, kiosk, counter = login("web"), login("kiosk"), login("counter")
    first, near, removed, _, far = (kiosk.issue("precheck") for _ in range(5))
    watch = TicketWatch(web)
    assert watch.leave(far.token, "0912-345-678") == "0912***678"  # 4 ahead: nothing yet
    watch.leave(near.token, "0987654321")  # 1 ahead: told at once, by the web's login
    watch.leave(removed.token, "someone@example.tw")
    assert watch.remove(removed.token) and watch.left(removed.token) is None
    assert watch.left(far.token) == "0912***678"

    counter.sign_in(1, "wang")
    assert counter.call_next(1).number == first.number  # far: 3 ahead now
    counter.start(1)
    counter.finish(1)
    assert counter.call_next(1).number == near.number
    counter.recall(1)
    counter.start(1)
    counter.finish(1)  # near's contact deleted by the counter's login

    lapsing = web.take_remote("certificate")
    behind = [kiosk.issue("certificate") for _ in range(4)]
    watch.leave(behind[-1].token, "0911222333")  # the web number and three more ahead
    clock.advance(minutes=31)
    counter.sign_in(4, "chen")
    called = counter.call_next(4)  # lapses the web number: behind[-1] is near at once
    assert called is not None and called.id == behind[0].id
    assert counter.read.ticket(lapsing.number).status == "cancelled"
    clock.advance(days=1)
    assert watch.purge_past() == 2  # far and behind[-1]: the web login's upkeep, if no close-day
    administrator = login("administrator")
    assert administrator.close_day().removed == 6  # removed, the 4th, far and behind[1:]

    with administrator.db.read() as session:
        keys = set(session.scalars(select(OutboxRow.key)))
        assert not session.scalars(text("SELECT ticket_id FROM ticket_contacts")).all()
    assert keys == {
        f"ticket:{near.id}:ahead",
        f"ticket:{near.id}:called:1",
        f"ticket:{far.id}:ahead",
        f"ticket:{behind[-1].id}:ahead",
    }
    for kind in ("kiosk", "board", "notifier"):
        refused(login(kind), "SELECT contact FROM ticket_contacts")
    for kind in ("kiosk", "board", "notifier", "counter", "supervisor"):
        refused(login(kind), "INSERT INTO ticket_contacts VALUES (1, '0912345678', now())")
    for kind in ("kiosk", "board", "notifier", "supervisor"):
        refused(login(kind), "DELETE FROM ticket_contacts")
    refused(web, "UPDATE ticket_contacts SET contact = '0900000000'")
    with pytest.raises(DatabaseError, match="permission denied for table tickets"):
        login("supervisor").close_day()  # on main already: a day is closed by its owner


def test_only_the_supervisor_saves_office_versions_and_rolls_them_back(
    login: Login, sample_office: Office
) -> None:
    """The supervisor window's saves: the office and its version by the supervisor's login, a
    PIN hash or a counter's streaks never; no terminal's login writes a version."""
    supervisor = login("supervisor")
    data = sample_office.model_dump(mode="json")
    data["services"][0]["documents"].append({"zh": "委託書", "en": "Letter of authorisation"})
    data["staff"].append({"code": "tsai", "name": {"zh": "蔡佩君", "en": "Tsai Pei-chun"}})
    changed = validate_office(data)
    assert supervisor.load_office(changed, by="lin", summary="a letter") == 2
    assert rollback(supervisor, 1, by="lin") == 3
    assert login("board").refresh_office() == sample_office
    refused(supervisor, "UPDATE staff SET pin_hash = 'x'")
    refused(supervisor, "UPDATE counters SET priority_streak = 9")
    refused(supervisor, "DELETE FROM office_versions")
    for kind in ("kiosk", "counter", "board", "web", "notifier"):
        with pytest.raises(DatabaseError, match="permission denied"):
            login(kind).load_office(changed, by=kind, summary="not mine to change")
        refused(
            login(kind),
            "INSERT INTO office_versions (saved_at, saved_by, summary, config_json) "
            "VALUES (now(), 'x', 'x', '{}')",
        )
