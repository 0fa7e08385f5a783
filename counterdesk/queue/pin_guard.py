"""Wrong PINs cost time: a growing delay, then a lock-out, per staff member and per terminal.

A 4-digit PIN falls to a script in minutes if every guess is answered at once. Each subject
(a staff member, a counter, a kiosk) has a row in ``pin_attempts``: its wrong PINs in a row and
the moment before which it takes no attempt. The row lives in the database, so the count holds
across terminals, processes and restarts; a delay is a time stored, never a sleep, so no
thread (a window's least of all) waits it out.

An attempt is counted as failed *before* the PIN is compared, and forgiven when it matches:
attempts made at the same moment from several places queue on the row, so a guesser cannot
slip many through one delay. Refused attempts are logged as events (who, where, when), never
with the PIN.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counterdesk.queue.clock import Clock
from counterdesk.queue.database import Database
from counterdesk.queue.errors import QueueError
from counterdesk.queue.models import EventKind, PinAttemptRow

MAX_FAILURES = 5  # wrong PINs in a row before the lock-out
LOCK_OUT = dt.timedelta(minutes=15)
FIRST_DELAY = dt.timedelta(seconds=1)  # after the first wrong PIN, doubling after each next

_attempts = PinAttemptRow.__table__
_ENSURE_ROW = {
    name: insert(_attempts).on_conflict_do_nothing(index_elements=[_attempts.c.subject])
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


def wait_after(failures: int) -> dt.timedelta:
    """How long a subject takes no attempt after ``failures`` wrong PINs in a row."""
    if failures >= MAX_FAILURES:
        return LOCK_OUT
    return FIRST_DELAY * (1 << (failures - 1))


@dataclass(frozen=True)
class Subject:
    """Who or what a PIN is tried for or at: ``staff`` wang, ``counter`` 3, ``kiosk`` hall-1."""

    kind: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"

    def __str__(self) -> str:
        return f"{'staff member' if self.kind == 'staff' else self.kind} {self.name}"


class PinRefused(QueueError):
    """No PIN is taken from ``subject`` for ``remaining`` more (locked out, or a short delay).

    Windows show ``remaining`` in the staff's language; the message is the CLI's."""

    def __init__(self, subject: Subject, remaining: dt.timedelta, locked: bool) -> None:
        self.subject, self.remaining, self.locked = subject, remaining, locked
        seconds = max(1, round(remaining.total_seconds()))
        wait = f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
        if locked:
            unlock = f"counterdesk staff unlock --{subject.kind} {subject.name}".replace(
                "--staff ", ""
            )
            text = (
                f"{subject} is locked after {MAX_FAILURES} wrong PINs: try again in {wait}, "
                f"or a supervisor unlocks it with `{unlock}`"
            )
        else:
            text = f"a wrong PIN was just entered for {subject}: try again in {wait}"
        super().__init__(text)


class EventLog(Protocol):
    """The engine's way of appending an event in the caller's transaction."""

    def __call__(
        self,
        session: Session,
        kind: EventKind,
        ticket: None = None,
        *,
        counter: int | None = None,
        staff: str | None = None,
        outcome: str | None = None,
    ) -> None: ...


class PinGuard:
    """Attempts and unlocks for the PINs of one database."""

    def __init__(self, db: Database, clock: Clock, log: EventLog) -> None:
        self.db, self.clock, self._log = db, clock, log

    def attempt(
        self,
        subjects: Sequence[Subject],
        matches: Callable[[], bool],
        *,
        staff: str | None = None,
        counter: int | None = None,
    ) -> bool:
        """Whether the PIN ``matches``, asked only if no subject is held back: otherwise a
        PinRefused. A wrong PIN is logged against ``staff`` and ``counter``."""
        failures = self._reserve(subjects)
        if matches():
            with self.db.write() as session:
                session.execute(
                    delete(PinAttemptRow).where(
                        PinAttemptRow.subject.in_([s.key for s in subjects])
                    )
                )
            return True
        worst = max(failures)
        where = ", ".join(str(s) for s in subjects if s.kind != "staff")
        wait = wait_after(worst).total_seconds()
        held = f"locked for {wait / 60:g} min" if worst >= MAX_FAILURES else f"wait {wait:g} s"
        with self.db.write() as session:
            self._log(
                session,
                EventKind.PIN_REFUSED,
                counter=counter,
                staff=staff,
                outcome=f"wrong PIN at {where}: {worst} in a row, {held}",
            )
        return False

    def _reserve(self, subjects: Sequence[Subject]) -> list[int]:
        """Count this attempt as failed for every subject, unless one is held back."""
        now = self.clock.now()
        with self.db.write() as session:
            rows = []
            for subject in subjects:
                session.execute(
                    _ENSURE_ROW[self.db.dialect].values(
                        subject=subject.key, failures=0, not_before=now
                    )
                )
                rows.append(
                    session.scalars(
                        select(PinAttemptRow)
                        .where(PinAttemptRow.subject == subject.key)
                        .with_for_update()
                    ).one()
                )
            for subject, row in zip(subjects, rows, strict=True):
                if row.not_before > now:
                    raise PinRefused(
                        subject, row.not_before - now, locked=row.failures >= MAX_FAILURES
                    )
            for row in rows:
                row.failures += 1
                row.not_before = now + wait_after(row.failures)
            return [row.failures for row in rows]

    def unlock(self, subject: Subject) -> bool:
        """A supervisor's unlock: forget ``subject``'s wrong PINs; whether it had any."""
        counter = int(subject.name) if subject.kind == "counter" else None
        staff = subject.name if subject.kind == "staff" else None
        with self.db.write() as session:
            row = session.get(PinAttemptRow, subject.key)
            if row is not None:
                session.delete(row)
            self._log(
                session,
                EventKind.PIN_UNLOCKED,
                counter=counter,
                staff=staff,
                outcome=f"{subject} unlocked by a supervisor",
            )
        return row is not None
