"""One PostgreSQL login per kind of terminal, each granted only what its operations need.

The kiosk stands in a public hall: if its login leaks, it must not be able to call, finish or
delete tickets, nor read the contact details citizens left with an opinion or the staff's PIN
hashes. Each role below lists the columns it may not read and what it may write; it reads every
other column of every table, so a table a migration adds is readable by all once the roles are
granted again (``counterdesk db roles``). The administrator owns the tables and runs the
migrations. Granting starts by revoking everything, so running it again after a change of this
table leaves exactly the grants below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, make_url, text
from sqlalchemy.exc import ArgumentError

from counterdesk.queue.database import Database
from counterdesk.queue.errors import DatabaseError, InvalidInput

PREFIX = "counterdesk_"
ADMINISTRATOR = "administrator"
# Citizens' contact details and the staff's PIN hashes: read only by those who need them.
CONTACT = ("opinions", "contact")
RECIPIENT = ("outbox", "recipient")  # the mobile or e-mail address a message goes to
BOOKED_CONTACT = ("bookings", "contact")  # left with a booking, for reminders
# A booking's changes by the booking pages, the supervisor's dialog and the upkeep: booked,
# moved, cancelled, marked a no-show, its contact deleted; each logged, its slot's places kept.
BOOKING_WRITES = {
    "bookings": ("INSERT", "UPDATE"),
    "booking_slots": ("INSERT", "UPDATE"),
    "booking_events": ("INSERT",),
    "outbox": ("INSERT", "UPDATE (status, updated_at)"),  # its notices, and a reminder withdrawn
}
# Left for a case's notices, and on a ticket's status page for "your turn is near".
CASE_CONTACT = ("cases", "contact")
# A case's second factor for the lookup, and the staff's notes (which may name a person): for
# staff and the status pages only.
CASE_PRIVATE = (("cases", "business_number"), ("cases", "correction_note"), ("case_events", "note"))
WATCH_CONTACT = ("ticket_contacts", "contact")
API_KEY = ("api_keys", "key_hash")  # a back office's key, hashed
# A case registered or moved (at the console, in the supervisor window, by the API), logged,
# and its notice enqueued.
CASE_WRITES = {
    "cases": ("INSERT", "UPDATE"),
    "case_events": ("INSERT",),
    "outbox": ("INSERT",),
}
PIN = ("staff", "pin_hash")
# The office configuration saved from the supervisor window (queue/office_versions.py): the
# office, its services, counters and staff, and the version kept of it; never a PIN hash nor a
# counter's call streaks.
OFFICE_WRITES = {
    "offices": ("INSERT", "UPDATE"),
    "services": ("INSERT", "UPDATE"),
    "counters": ("INSERT", "UPDATE (name_zh, name_en, active)"),
    "counter_services": ("INSERT", "DELETE"),
    "staff": ("INSERT", "UPDATE (name_zh, name_en, deputy_code, active)"),
    "office_versions": ("INSERT",),
}
# Attributes reset on every run: a terminal's login can only log in.
NOT_POSTGRESQL = (
    "database roles are a PostgreSQL feature: a SQLite file has no logins "
    "(protect it with the PC's user accounts)"
)
ATTRIBUTES = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"


@dataclass(frozen=True)
class Role:
    """What one kind of terminal may do: ``writes`` maps a table to its privileges
    (``"UPDATE (print_state)"`` for some columns only)."""

    purpose: str
    hidden: tuple[tuple[str, str], ...] = ()
    writes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


ROLES: dict[str, Role] = {
    "kiosk": Role(
        "issues tickets and records whether they printed; checks in bookings and web numbers",
        hidden=(
            CONTACT,
            RECIPIENT,
            BOOKED_CONTACT,
            CASE_CONTACT,
            *CASE_PRIVATE,
            WATCH_CONTACT,
            API_KEY,
            PIN,
        ),
        writes={
            "tickets": ("INSERT", "UPDATE (print_state, check_in_by)"),
            "ticket_events": ("INSERT",),
            "daily_sequences": ("INSERT", "UPDATE"),
            "pin_attempts": ("INSERT", "UPDATE", "DELETE"),  # its staff exit's lock-out
            "bookings": ("UPDATE (status, ticket_id, checked_in_at)",),  # a check-in
            "booking_events": ("INSERT",),
        },
    ),
    "counter": Role(
        "calls and serves tickets; its rating screen takes ratings and opinions",
        hidden=(CONTACT, RECIPIENT, BOOKED_CONTACT, API_KEY),
        writes={
            "tickets": ("UPDATE",),
            "ticket_events": ("INSERT",),
            "counters": ("UPDATE (priority_streak, appointment_streak)",),
            "counter_sessions": ("INSERT", "UPDATE"),
            "pin_attempts": ("INSERT", "UPDATE", "DELETE"),  # sign-in's lock-out
            "ratings": ("INSERT",),
            "opinions": ("INSERT", "UPDATE (reference)"),
            "opinion_events": ("INSERT",),
            **CASE_WRITES,  # registered when its ticket is finished, moved at the console
            # its turn notices, and those withdrawn when their ticket ends
            "outbox": ("INSERT", "UPDATE (status, updated_at)"),
            "ticket_contacts": ("DELETE",),  # deleted when its ticket ends
        },
    ),
    "board": Role(
        "only reads",
        hidden=(
            CONTACT,
            RECIPIENT,
            BOOKED_CONTACT,
            CASE_CONTACT,
            *CASE_PRIVATE,
            WATCH_CONTACT,
            API_KEY,
            PIN,
        ),
    ),
    "web": Role(
        "status pages: takes ratings and opinions, blanks expired contact details, records the "
        "estimate a page showed; books appointments and gives numbers from the web",
        hidden=(PIN,),
        writes={
            "tickets": (
                "INSERT",
                "UPDATE (latest_wait_minutes, latest_wait_low, latest_wait_high, latest_wait_at)",
            ),
            "ticket_events": ("INSERT",),
            "daily_sequences": ("INSERT", "UPDATE"),
            "ratings": ("INSERT",),
            "opinions": ("INSERT", "UPDATE (reference, contact, contact_deleted_at)"),
            "opinion_events": ("INSERT",),
            **BOOKING_WRITES,
            **CASE_WRITES,  # moved through the API, contacts deleted on schedule
            "outbox": ("INSERT", "UPDATE (status, updated_at)"),
            "opt_outs": ("INSERT",),  # a STOP reply by SMS, an e-mail's opt-out page
            "ticket_contacts": ("INSERT", "DELETE"),
        },
    ),
    "supervisor": Role(
        "reads everything, manages opinions, keeps the statistics and event logs of settled "
        "days, unlocks PINs, changes the office's configuration (kept as versions)",
        writes={
            **OFFICE_WRITES,
            "pin_attempts": ("DELETE",),
            "ticket_events": ("INSERT",),  # the unlock, an office saved: logged
            "opinions": ("UPDATE",),
            "opinion_events": ("INSERT",),
            "day_summaries": ("INSERT", "UPDATE"),
            "day_events": ("INSERT", "UPDATE"),  # the event CSV's cache
            **BOOKING_WRITES,  # booking for a caller
            **CASE_WRITES,
            # its notices, and a dead or uncertain message put back in line (dead letters)
            "outbox": (
                "INSERT",
                "UPDATE (status, updated_at, attempts, next_attempt_at, claimed_at)",
            ),
            "api_keys": ("INSERT", "UPDATE (revoked_at)"),
        },
    ),
    "notifier": Role(
        "sends the outbox's SMS and e-mail (counterdesk notify), blanks old recipients",
        hidden=(CONTACT, BOOKED_CONTACT, CASE_CONTACT, *CASE_PRIVATE, WATCH_CONTACT, API_KEY, PIN),
        writes={"outbox": ("UPDATE",)},
    ),
    ADMINISTRATOR: Role("owns the tables and runs the migrations (db upgrade)"),
}


def require_postgresql(url: str) -> None:
    """Refuse any other database before opening it (which would create a SQLite file)."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        return  # opening it says what is wrong with the address
    if backend != "postgresql":
        raise DatabaseError(NOT_POSTGRESQL)


def role_name(kind: str) -> str:
    return f"{PREFIX}{kind}"


def grant_roles(db: Database, passwords: Mapping[str, str] | None = None) -> list[str]:
    """Create (or update) every role and its grants; set the passwords given by kind.

    Returns the role names. Needs a login allowed to create roles, e.g. ``postgres``.
    """
    if db.dialect != "postgresql":
        raise DatabaseError(NOT_POSTGRESQL)
    passwords = passwords or {}
    unknown = set(passwords) - set(ROLES)
    if unknown:
        raise InvalidInput(f"no such terminal kind: {', '.join(sorted(unknown))}")
    with db.engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(7291002)"))  # one run at a time
        tables = list(
            connection.scalars(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        )
        schema = connection.dialect.identifier_preparer.quote(
            connection.scalar(text("SELECT current_schema()"))
        )
        # PostgreSQL 14 and older (and clusters upgraded from them) let every login create in
        # the public schema: a leaked kiosk login could plant objects there for others to run.
        connection.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
        for kind, role in ROLES.items():
            name = role_name(kind)
            _create(connection, name, passwords.get(kind))
            if kind == ADMINISTRATOR:
                _own(connection, name, schema, tables)
            else:
                _grant(connection, name, role, schema, tables)
    return [role_name(kind) for kind in ROLES]


def role_exists(connection: Connection, name: str) -> bool:
    """Whether the PostgreSQL server has the login (role) ``name``."""
    found = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found is not None


def _create(connection: Connection, name: str, password: str | None) -> None:
    exists = role_exists(connection, name)
    connection.exec_driver_sql(f"{'ALTER' if exists else 'CREATE'} ROLE {name} {ATTRIBUTES}")
    database = connection.scalar(text("SELECT current_database()"))
    connection.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {name}')
    if password:
        connection.exec_driver_sql(
            f"ALTER ROLE {name} PASSWORD {_literal(_scram(connection, name, password))}"
        )


def _scram(connection: Connection, name: str, password: str) -> str:
    """The password hashed here by libpq (SCRAM-SHA-256): the server and its log never see it."""
    if "\x00" in password:
        raise InvalidInput(f"the password of {name} contains a NUL character")
    raw: Any = connection.connection.dbapi_connection
    hashed: bytes = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return hashed.decode("ascii")


def _literal(value: str) -> str:
    """A SQL string literal (standard_conforming_strings: only quotes need doubling)."""
    return "'" + value.replace("'", "''") + "'"


def _own(connection: Connection, name: str, schema: str, tables: list[str]) -> None:
    connection.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {name}")
    for table in tables:  # the sequences of its serial columns follow a table to its owner
        connection.exec_driver_sql(f'ALTER TABLE "{table}" OWNER TO {name}')


def _grant(connection: Connection, name: str, role: Role, schema: str, tables: list[str]) -> None:
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {name}")
    connection.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {schema} FROM {name}")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {name}")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {name}")
    for table in tables:
        hidden = {column for hidden_table, column in role.hidden if hidden_table == table}
        columns = list(
            connection.scalars(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = :t "
                    "ORDER BY ordinal_position"
                ),
                {"t": table},
            )
        )
        readable = ", ".join(f'"{c}"' for c in columns if c not in hidden)
        privileges = [f"SELECT ({readable})" if hidden else "SELECT", *role.writes.get(table, ())]
        connection.exec_driver_sql(f'GRANT {", ".join(privileges)} ON "{table}" TO {name}')
        if "INSERT" in privileges and "id" in columns:
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f'"{table}"'}
            )
            if sequence is not None:
                connection.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {sequence} TO {name}")
