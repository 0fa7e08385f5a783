"""The simulator's fast back end: a day kept in memory by the engine's rules, written at once.

Driving ``TicketEngine`` costs a few milliseconds per operation, so a million tickets would
take hours. This back end applies the same rules as the engine to the rows of one day held
in memory (numbering, the priority-first call order bounded by ``max_priority_in_a_row``, the
counter's order of preference, recall and automatic no-show, close of day) and writes the
tickets, events, daily sequences, counter sessions and priority streaks in one transaction when
the day closes. It only serves the simulator: each operation assumes the simulator's valid
order. ``tests/simulation/test_simulation.py`` checks that it writes the same rows as the engine,
but for one thing: its tickets have no promised wait (``issue_wait_*`` stay empty), since the
engine projects that from the live queue at each issue and this back end keeps no live queue to
project. History written here therefore counts in no estimate-accuracy figure, which counts
only tickets with a promise; simulate through the engine for those.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import deque
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from counterdesk.queue.database import Database
from counterdesk.queue.errors import QueueError, TicketRefused
from counterdesk.queue.models import (
    OPEN,
    CounterRow,
    CounterServiceRow,
    CounterSessionRow,
    DailySequenceRow,
    EventKind,
    Status,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office

NO_APPOINTMENTS = "appointments are simulated through the engine: leave out --fast"


class BulkBackend:
    """One simulated day of ``office`` in memory; ``close_day`` writes it to ``db``."""

    def __init__(self, db: Database, office: Office) -> None:
        self.db = db
        self.office = office
        self.services = {service.code: service for service in office.services}
        with db.read() as session:
            ranked = session.execute(
                select(CounterServiceRow.counter_number, CounterServiceRow.service_code).order_by(
                    CounterServiceRow.counter_number, CounterServiceRow.rank
                )
            ).all()
            self.streak = dict(
                session.execute(select(CounterRow.number, CounterRow.priority_streak)).all()
            )
        self.preferences: dict[int, list[str]] = {}
        for counter, code in ranked:
            self.preferences.setdefault(counter, []).append(code)
        self.tickets: list[dict[str, Any]] = []
        self.events: list[tuple[int | None, dict[str, Any]]] = []  # (ticket index, event row)
        self.sessions: dict[int, dict[str, Any]] = {}  # open session by counter
        self.closed_sessions: list[dict[str, Any]] = []
        self.sequences: dict[str, int] = {}
        # Waiting tickets per (service, priority), in queue order (the simulator never requeues).
        self.queues: dict[tuple[str, bool], deque[int]] = {}
        self.at_counter: dict[int, int] = {}
        self.day: dt.date | None = None

    # -- counter sessions ------------------------------------------------------------------

    def sign_in(self, at: dt.datetime, counter: int, staff: str) -> None:
        self.sessions[counter] = {
            "counter_number": counter,
            "staff_code": staff,
            "signed_in_at": at,
            "signed_out_at": None,
            "paused_since": None,
        }
        self._log(at, EventKind.SIGNED_IN, counter=counter, staff=staff)

    def pause(self, at: dt.datetime, counter: int) -> None:
        self.sessions[counter]["paused_since"] = at
        self._log(at, EventKind.PAUSED, counter=counter, staff=self.sessions[counter]["staff_code"])

    def resume(self, at: dt.datetime, counter: int) -> None:
        self.sessions[counter]["paused_since"] = None
        self._log(
            at, EventKind.RESUMED, counter=counter, staff=self.sessions[counter]["staff_code"]
        )

    # -- tickets ---------------------------------------------------------------------------

    def issue(self, at: dt.datetime, service: str, priority: bool) -> str:
        day = self.office.local_date(at)
        self.day = self.day or day
        definition = self.services[service]
        sequence = self.sequences.get(service, 0) + 1
        if sequence > definition.daily_cap:
            raise TicketRefused(f"{service} has reached its daily limit of {definition.daily_cap}")
        self.sequences[service] = sequence
        index = len(self.tickets)
        self.tickets.append(
            {
                "business_date": day,
                "issued_service_code": service,
                "service_code": service,
                "sequence": sequence,
                "number": f"{definition.prefix}{sequence:03d}",
                "priority": priority,
                "status": Status.WAITING.value,
                "issued_at": at,
                "queued_at": at,
                "first_called_at": None,
                "last_called_at": None,
                "call_count": 0,
                "started_at": None,
                "finished_at": None,
                "counter_number": None,
                "staff_code": None,
                "print_state": "pending",
                "token": secrets.token_urlsafe(16),
            }
        )
        self.queues.setdefault((service, priority), deque()).append(index)
        self._log(at, EventKind.ISSUED, index, outcome="priority" if priority else None)
        return str(self.tickets[index]["number"])

    # Appointments go through the engine's bookings and calling rule, which this back end
    # does not copy: ``simulate`` refuses them with --fast before any day is written.
    def book(self, at: dt.datetime, service: str, start: dt.datetime) -> str | None:
        raise QueueError(NO_APPOINTMENTS)

    def check_in(self, at: dt.datetime, code: str) -> str:
        raise QueueError(NO_APPOINTMENTS)

    def call_next(self, at: dt.datetime, counter: int) -> str | None:
        """The engine's order: priority first (bounded in a row), then by preference."""
        codes = self.preferences[counter]
        limit = self.office.queue.max_priority_in_a_row
        order = (True, False) if self.streak[counter] < limit else (False, True)
        for priority in order:
            index = self._oldest_waiting(codes, priority)
            if index is not None:
                break
        else:
            return None
        self.queues[(self.tickets[index]["service_code"], priority)].popleft()
        self.streak[counter] = self.streak[counter] + 1 if priority else 0
        ticket = self.tickets[index]
        ticket.update(
            status=Status.CALLED.value,
            counter_number=counter,
            staff_code=self.sessions[counter]["staff_code"],
            call_count=1,
            first_called_at=ticket["first_called_at"] or at,
            last_called_at=at,
        )
        self.at_counter[counter] = index
        self._log(at, EventKind.CALLED, index)
        return str(ticket["number"])

    def _oldest_waiting(self, codes: list[str], priority: bool) -> int | None:
        heads = [queue[0] for code in codes if (queue := self.queues.get((code, priority)))]
        if not heads:
            return None
        if priority:  # the oldest across all the counter's services
            return min(heads, key=lambda i: (self.tickets[i]["queued_at"], i))
        return heads[0]  # the first service in order of preference that has anyone

    def recall(self, at: dt.datetime, counter: int) -> None:
        index = self.at_counter[counter]
        ticket = self.tickets[index]
        if ticket["call_count"] >= self.office.queue.auto_no_show_after_calls:
            self._no_show(at, counter, f"automatic after {ticket['call_count']} calls")
            return
        ticket.update(call_count=ticket["call_count"] + 1, last_called_at=at)
        self._log(at, EventKind.RECALLED, index, outcome=f"call {ticket['call_count']}")

    def no_show(self, at: dt.datetime, counter: int) -> None:
        self._no_show(at, counter, None)

    def _no_show(self, at: dt.datetime, counter: int, outcome: str | None) -> None:
        index = self.at_counter.pop(counter)
        self.tickets[index]["status"] = Status.NO_SHOW.value
        self._log(at, EventKind.NO_SHOW, index, outcome=outcome)

    def start(self, at: dt.datetime, counter: int) -> None:
        index = self.at_counter[counter]
        self.tickets[index].update(status=Status.SERVING.value, started_at=at)
        self._log(at, EventKind.STARTED, index)

    def finish(self, at: dt.datetime, counter: int) -> None:
        index = self.at_counter.pop(counter)
        self.tickets[index].update(status=Status.DONE.value, finished_at=at)
        self._log(at, EventKind.FINISHED, index)

    def close_day(self, at: dt.datetime) -> None:
        for index, ticket in enumerate(self.tickets):
            if ticket["status"] in OPEN:
                counter = ticket["counter_number"]
                ticket.update(status=Status.REMOVED_AT_CLOSE.value, counter_number=None)
                self._log(at, EventKind.REMOVED_AT_CLOSE, index, counter=counter)
        for counter, desk in sorted(self.sessions.items()):
            desk.update(signed_out_at=at, paused_since=None)
            self._log(
                at,
                EventKind.SIGNED_OUT,
                counter=counter,
                staff=desk["staff_code"],
                outcome="day closed",
            )
        self.closed_sessions.extend(self.sessions.values())
        self.sessions.clear()
        self._write()

    # -- writing ---------------------------------------------------------------------------

    def _log(
        self,
        at: dt.datetime,
        kind: EventKind,
        index: int | None = None,
        *,
        counter: int | None = None,
        staff: str | None = None,
        outcome: str | None = None,
    ) -> None:
        ticket = self.tickets[index] if index is not None else None
        self.events.append(
            (
                index,
                {
                    "at": at,
                    "kind": kind.value,
                    "counter_number": counter
                    if counter is not None
                    else (ticket["counter_number"] if ticket else None),
                    "staff_code": staff
                    if staff is not None
                    else (ticket["staff_code"] if ticket else None),
                    "service_code": ticket["service_code"] if ticket else None,
                    "outcome": outcome,
                },
            )
        )

    def _reserve_ids(self, session: Session, count: int) -> list[int]:
        """Ticket ids for ``count`` rows, so they insert as one batch without RETURNING."""
        if self.db.dialect == "postgresql":
            return list(
                session.scalars(
                    text(
                        "SELECT nextval(pg_get_serial_sequence('tickets', 'id')) "
                        "FROM generate_series(1, :count)"
                    ),
                    {"count": count},
                )
            )
        # SQLite: BEGIN IMMEDIATE holds the write lock, so nobody else takes these ids.
        # coalesce: never None
        last = cast(int, session.scalar(select(func.coalesce(func.max(TicketRow.id), 0))))
        return list(range(last + 1, last + 1 + count))

    def _write(self) -> None:
        with self.db.write() as session:
            ids = self._reserve_ids(session, len(self.tickets))
            if self.tickets:
                session.execute(
                    insert(TicketRow.__table__),
                    [{**ticket, "id": id_} for ticket, id_ in zip(self.tickets, ids, strict=True)],
                )
            session.execute(
                insert(TicketEventRow.__table__),
                [
                    {**row, "ticket_id": ids[index] if index is not None else None}
                    for index, row in self.events
                ],
            )
            if self.sequences:
                session.execute(
                    insert(DailySequenceRow.__table__),
                    [
                        {"business_date": self.day, "service_code": code, "last_number": number}
                        for code, number in self.sequences.items()
                    ],
                )
            if self.closed_sessions:
                session.execute(insert(CounterSessionRow.__table__), self.closed_sessions)
            counters = CounterRow.__table__
            session.execute(
                update(counters)
                .where(counters.c.number == bindparam("counter"))
                .values(priority_streak=bindparam("streak")),
                [{"counter": c, "streak": streak} for c, streak in self.streak.items()],
            )
        self.tickets, self.events, self.closed_sessions = [], [], []
        self.sequences, self.queues, self.day = {}, {}, None
