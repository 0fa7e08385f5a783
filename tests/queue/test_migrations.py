"""Migration 0006 (the promised and the shown waits) on databases that already hold tickets."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import MetaData, Table, event, insert, select, text

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.database import alembic_config, create_db_engine, schema_version, upgrade
from counterdesk.queue.office import Office
from tests.conftest import schema_head
from tests.pg_server import fresh_database

BEFORE = "0005_pin_attempts"
NEW_COLUMNS = {
    "issue_wait_minutes",
    "issue_wait_low",
    "issue_wait_high",
    "latest_wait_minutes",
    "latest_wait_low",
    "latest_wait_high",
    "latest_wait_at",
    "appointment_at",  # 0008
    "check_in_code",
    "check_in_by",
}


def at_0005_with_tickets(url: str, office: Office, clock: ManualClock, count: int) -> None:
    """A database as counterdesk made it before 0006: its office loaded and ``count`` of
    today's tickets numbered, written by hand as that schema has them (today's engine would
    write 0006's columns). Today's engine loads the office at the head, and the schema is then
    taken back to 0005: later migrations add columns the office's tables did not have."""
    setup = TicketEngine(Database(url, create=True), clock)
    setup.load_office(office)
    setup.db.dispose()
    engine = create_db_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE)
    issued = clock.now().astimezone(dt.UTC).replace(tzinfo=None)
    today = office.local_date(clock.now())
    with engine.begin() as connection:
        tickets = Table("tickets", MetaData(), autoload_with=connection)
        assert not NEW_COLUMNS & set(tickets.c.keys())
        connection.execute(
            insert(tickets),
            [
                {
                    "business_date": today,
                    "issued_service_code": "precheck",
                    "service_code": "precheck",
                    "sequence": n,
                    "number": f"A{n:03d}",
                    "priority": False,
                    "status": "waiting",
                    "issued_at": issued,
                    "queued_at": issued + dt.timedelta(seconds=n),
                    "call_count": 0,
                    "print_state": "printed",
                    "token": secrets.token_urlsafe(16),
                }
                for n in range(1, count + 1)
            ],
        )
        sequences = Table("daily_sequences", MetaData(), autoload_with=connection)
        connection.execute(
            insert(sequences),
            {"business_date": today, "service_code": "precheck", "last_number": count},
        )
    engine.dispose()


def rows(url: str) -> list[tuple[Any, ...]]:
    """Every ticket, in rowid order, with the columns 0005 had."""
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            tickets = Table("tickets", MetaData(), autoload_with=connection)
            old = [column for column in tickets.c if column.name not in NEW_COLUMNS]
            return [tuple(row) for row in connection.execute(select(*old).order_by(tickets.c.id))]
    finally:
        engine.dispose()


def upgraded_keeps_the_tickets(url: str, clock: ManualClock) -> None:
    before = rows(url)
    queue = TicketEngine(Database(url), clock)  # opening upgrades, as at every start
    try:
        assert schema_version(queue.db.engine) == schema_head()
        assert rows(url) == before
        waiting = queue.read.waiting("precheck")
        assert [t.number for t in waiting] == [f"A{n:03d}" for n in range(1, len(before) + 1)]
        queue.sign_in(1, "wang")
        assert queue.issue("precheck").number == f"A{len(before) + 1:03d}"  # numbering goes on
        assert queue.read.ticket_by_token(waiting[-1].token).estimated_wait_minutes is not None
    finally:
        queue.db.dispose()


def test_a_sqlite_file_at_0005_is_upgraded_keeping_its_tickets(
    tmp_path: Path, sample_office: Office, clock: ManualClock
) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    at_0005_with_tickets(url, sample_office, clock, 5)
    upgraded_keeps_the_tickets(url, clock)


def test_a_postgresql_database_at_0005_is_upgraded_keeping_its_tickets(
    pg_server: str, sample_office: Office, clock: ManualClock
) -> None:
    url = fresh_database(pg_server, "upgraded_from_0005")
    at_0005_with_tickets(url, sample_office, clock, 5)
    upgraded_keeps_the_tickets(url, clock)


def test_the_upgrade_adds_columns_in_place_without_copying_the_table(
    tmp_path: Path, sample_office: Office, clock: ManualClock
) -> None:
    """Years of tickets on SQLite: batch mode must ALTER the table, not copy it (a copy of a
    million rows would take the time and twice the disk at the next start)."""
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    at_0005_with_tickets(url, sample_office, clock, 3000)
    before = rows(url)
    engine = create_db_engine(url)
    with engine.connect() as connection:
        root = connection.scalar(text("SELECT rootpage FROM sqlite_master WHERE name='tickets'"))
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    upgrade(engine)  # what `counterdesk db upgrade` runs
    with engine.connect() as connection:
        assert schema_version(engine) == schema_head()
        # A copy would be a new table: new root page, rows inserted from the old one.
        assert (
            connection.scalar(text("SELECT rootpage FROM sqlite_master WHERE name='tickets'"))
            == root
        )
    engine.dispose()
    changes = [s for s in sent if s.split()[0].upper() in {"ALTER", "CREATE", "INSERT", "DROP"}]
    # 0007 adds a table of its own, the settled days' event logs; 0008 the bookings' tables
    # and one partial index on tickets; 0009 the outbox and the opt-outs; 0010 the cases, their
    # events, the API keys and the status page's contacts; 0011 the office's versions, the
    # office already loaded its first; nothing else is created.
    assert sorted(s.split()[:3] for s in changes if s.split()[0] == "CREATE") == sorted(
        [
            ["CREATE", "TABLE", "day_events"],
            ["CREATE", "INDEX", "ix_tickets_appointments"],
            ["CREATE", "UNIQUE", "INDEX"],
            ["CREATE", "INDEX", "ix_tickets_check_in_by"],
            ["CREATE", "TABLE", "bookings"],
            ["CREATE", "INDEX", "ix_bookings_day"],
            ["CREATE", "INDEX", "ix_bookings_contact"],
            ["CREATE", "TABLE", "booking_slots"],
            ["CREATE", "TABLE", "booking_events"],
            ["CREATE", "INDEX", "ix_booking_events_booking_id"],
            ["CREATE", "TABLE", "outbox"],
            ["CREATE", "INDEX", "ix_outbox_due"],
            ["CREATE", "TABLE", "opt_outs"],
            ["CREATE", "TABLE", "cases"],
            ["CREATE", "INDEX", "ix_cases_ticket_id"],
            ["CREATE", "INDEX", "ix_cases_stage"],
            ["CREATE", "INDEX", "ix_cases_received_on"],
            ["CREATE", "TABLE", "case_events"],
            ["CREATE", "INDEX", "ix_case_events_case_id"],
            ["CREATE", "TABLE", "api_keys"],
            ["CREATE", "TABLE", "ticket_contacts"],
            ["CREATE", "TABLE", "office_versions"],
        ]
    )
    kept = [s for s in changes if s.split()[0] == "INSERT"]
    assert [s.split()[:3] for s in kept] == [["INSERT", "INTO", "office_versions"]]
    assert sorted(s for s in changes if s.split()[0] not in {"CREATE", "INSERT"}) == sorted(
        [
            f"ALTER TABLE tickets ADD COLUMN {name} {kind}"
            for name, kind in [
                ("issue_wait_minutes", "FLOAT"),
                ("issue_wait_low", "INTEGER"),
                ("issue_wait_high", "INTEGER"),
                ("latest_wait_minutes", "FLOAT"),
                ("latest_wait_low", "INTEGER"),
                ("latest_wait_high", "INTEGER"),
                ("latest_wait_at", "DATETIME"),
                ("appointment_at", "DATETIME"),
                ("check_in_code", "VARCHAR(8)"),
                ("check_in_by", "DATETIME"),
            ]
        ]
        + ["ALTER TABLE counters ADD COLUMN appointment_streak INTEGER DEFAULT '0' NOT NULL"]
    )
    assert rows(url) == before
