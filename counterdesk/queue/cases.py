"""Cases: the application a citizen hands in at the counter, followed after the ticket ends.

Staff register a case when they finish the ticket it was handed in at (or later, from the
ticket), under the office's own case or receipt number; the service's ``cases.standard_days``
gives its expected completion date in working days (``working_days_after``). A case then
moves through the stages of ``MOVES`` (received → under review → correction needed → approved
or rejected → ready for pick-up, mailed or delivered electronically → closed), at the console,
in the supervisor window, by a CSV import or through the API: every way calls ``Cases.move``,
so the rules and the log are the same for all. Every move is a ``case_events`` row with its
time and who moved it, and, for a citizen who left a contact and chose that stage, a notice in
the outbox written in the move's own transaction (``queue/case_notices.py``).

The public lookup (web page, SMS reply) asks for the case number and a second factor: the
company's unified business number, or the last four digits of the phone number left with the
case. An unknown number and a wrong factor are refused alike, so the lookup does not tell
which case numbers exist; its callers rate-limit it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hmac
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counterdesk.case_phrases import STAGES
from counterdesk.phrases import Bilingual
from counterdesk.queue import case_notices
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import CaseEventRow, CaseRow, CaseStage, Status, TicketRow
from counterdesk.queue.office import Office, Service
from counterdesk.queue.refusal_words import chinese, refusal, ticket_state
from counterdesk.queue.typed_text import ascii_digits, clean_text
from counterdesk.queue.views import View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

S = CaseStage
# The moves a case may make; any stage but closed may also be closed (withdrawn, or done).
MOVES: dict[CaseStage, tuple[CaseStage, ...]] = {
    S.RECEIVED: (S.UNDER_REVIEW, S.CORRECTION, S.APPROVED, S.REJECTED, S.CLOSED),
    S.UNDER_REVIEW: (S.CORRECTION, S.APPROVED, S.REJECTED, S.CLOSED),
    S.CORRECTION: (S.UNDER_REVIEW, S.APPROVED, S.REJECTED, S.CLOSED),
    # A rejected application's decision and documents are handed back as an approved one's.
    S.APPROVED: (S.READY, S.MAILED, S.ELECTRONIC, S.CLOSED),
    S.REJECTED: (S.READY, S.MAILED, S.ELECTRONIC, S.CLOSED),
    S.READY: (S.CLOSED,),
    S.MAILED: (S.CLOSED,),
    S.ELECTRONIC: (S.CLOSED,),
    S.CLOSED: (),
}
DECIDED = (S.APPROVED, S.REJECTED)
HANDED_OVER = (S.READY, S.MAILED, S.ELECTRONIC)
# The stages a citizen may be told of; by default all of them but "received" (they are at the
# counter then) and "closed" (nothing left to do).
NOTIFIABLE = (S.UNDER_REVIEW, S.CORRECTION, S.APPROVED, S.REJECTED, *HANDED_OVER)
DEFAULT_NOTICES = (S.CORRECTION, *DECIDED, *HANDED_OVER)
NUMBER_LENGTH, NOTE_LENGTH, BY_LENGTH = 40, 300, 48  # by: "api:" and a 40-letter key name
# A correction's date: within a year (a later one is a typo the citizen would be sent).
LONGEST_CORRECTION = dt.timedelta(days=365)
LONGEST_LATE = dt.timedelta(days=7)  # an application registered afterwards: handed in since
MOST_LISTED = 10_000
_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")
_BUSINESS_NUMBER = re.compile(r"^[0-9]{8}$")
_PHONE_DIGITS = 4
_READ_AT_ONCE = 500  # case numbers in one query's IN list (SQLite takes at most 32,766)
# The weights of the unified business number's check (財政部 rule, divisible by 5 since 2023).
_UBN_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)
LOOKUP_REFUSED = "no case matches that number and second factor"


class CaseRefused(QueueError):
    """A case cannot be registered or moved as asked (a move the stages do not allow)."""


class MovedMeanwhile(CaseRefused):
    """The case is no longer at the stage the mover saw (a colleague, the API or an import
    moved it since): the move was chosen for a case that is not there any more."""


@dataclasses.dataclass(frozen=True)
class Case(View):
    """A case as windows and pages show it: never its contact, only whether one was left."""

    id: int
    number: str
    service: str
    stage: str
    ticket_id: int | None
    received_at: dt.datetime
    received_on: dt.date
    expected_on: dt.date
    decided_at: dt.datetime | None
    ready_at: dt.datetime | None
    closed_at: dt.datetime | None
    correction_note: str | None
    correction_due: dt.date | None
    has_business_number: bool
    has_contact: bool
    notify_stages: tuple[str, ...]
    registered_by: str | None
    updated_at: dt.datetime

    @classmethod
    def of(cls, row: CaseRow) -> Case:
        return cls(
            id=row.id,
            number=row.number,
            service=row.service_code,
            stage=row.stage,
            ticket_id=row.ticket_id,
            received_at=row.received_at,
            received_on=row.received_on,
            expected_on=row.expected_on,
            decided_at=row.decided_at,
            ready_at=row.ready_at,
            closed_at=row.closed_at,
            correction_note=row.correction_note if row.stage == S.CORRECTION else None,
            correction_due=row.correction_due if row.stage == S.CORRECTION else None,
            has_business_number=row.business_number is not None,
            has_contact=row.contact is not None,
            notify_stages=_stages(row.notify_stages),
            registered_by=row.registered_by,
            updated_at=row.updated_at,
        )

    @property
    def next_stages(self) -> tuple[str, ...]:
        """The stages this case may be moved to now."""
        return tuple(MOVES[CaseStage(self.stage)])

    def overdue(self, today: dt.date) -> bool:
        """Past its expected completion date and not yet decided (nor closed), and not
        waiting for the citizen's correction (that time is not the office's)."""
        waiting = self.decided_at is None and self.closed_at is None
        return waiting and self.stage != S.CORRECTION and today > self.expected_on


@dataclasses.dataclass(frozen=True)
class CaseEvent(View):
    at: dt.datetime
    from_stage: str | None
    stage: str
    by: str | None
    note: str | None


def working_days_after(office: Office, day: dt.date, days: int) -> dt.date:
    """The ``days``-th day after ``day`` on which the office opens (``Office.open_on``: its
    weekdays, less its closed dates); ``day`` itself for 0."""
    found = day
    for _ in range(days):
        found += dt.timedelta(days=1)
        for _ in range(366):  # an office closed a whole year is a broken office file
            if office.open_on(found):
                break
            found += dt.timedelta(days=1)
        else:
            raise refusal(QueueError, "no_open_day", day=found)
    return found


@contextlib.contextmanager
def _naming(code: str, **which: object) -> Iterator[None]:
    """A batch's refusal reworded by ``code`` to name the entry refused (``which``), its own
    sentence kept in both languages: the batch is then refused as a whole."""
    try:
        yield
    except (QueueError, InvalidInput) as refused:
        said = Bilingual(chinese(refused), str(refused))
        raise refusal(type(refused), code, said=said, **which) from None


def _at_ticket(ticket_id: int) -> Select[CaseRow]:
    return select(CaseRow).where(CaseRow.ticket_id == ticket_id).order_by(CaseRow.id)


def case_number(text: str) -> str:
    """The office's case number as typed: trimmed, upper-case, full-width digits and letters
    made ASCII; letters, digits and dashes only."""
    number = ascii_digits(text or "").strip().upper()
    number = number.translate(_FULL_WIDTH)
    if not number:
        raise refusal(InvalidInput, "case_number_empty")
    if len(number) > NUMBER_LENGTH:
        raise refusal(InvalidInput, "case_number_long", length=len(number))
    if not _NUMBER.fullmatch(number):
        raise refusal(InvalidInput, "case_number_letters", number=number[:NUMBER_LENGTH])
    return number


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(ord("Ａ"), ord("Ｚ") + 1)} | {
    ord("－"): ord("-")
}


def business_number(text: str | None) -> str | None:
    """A company's unified business number (統一編號): 8 digits passing its check; None if
    empty."""
    digits = ascii_digits(text or "").replace(" ", "").strip()
    if not digits:
        return None
    if not _BUSINESS_NUMBER.fullmatch(digits):
        raise refusal(InvalidInput, "ubn_length", digits=digits[:20])
    if not _ubn_checks(digits):
        raise refusal(InvalidInput, "ubn_check", digits=digits)
    return digits


def _ubn_checks(digits: str) -> bool:
    sums = [sum(divmod(int(d) * w, 10)) for d, w in zip(digits, _UBN_WEIGHTS, strict=True)]
    total = sum(sums)
    if total % 5 == 0:
        return True
    # A 7 in the seventh place gives 28, whose digit sum may be counted as 1 or 0.
    return digits[6] == "7" and (total + 1) % 5 == 0


def notice_stages(stages: Iterable[str] | str | None) -> tuple[CaseStage, ...]:
    """The stages a citizen chose to be told of (names, or one comma-separated string);
    ``None`` for the default ones."""
    if stages is None:
        return DEFAULT_NOTICES
    if isinstance(stages, str):
        stages = [name.strip() for name in stages.split(",")]
    chosen = []
    for name in stages:
        try:
            stage = CaseStage(name)
        except ValueError:
            stage = None
        if stage not in NOTIFIABLE:
            known = ", ".join(NOTIFIABLE)
            raise refusal(InvalidInput, "not_notifiable", name=name, known=known)
        chosen.append(stage)
    return tuple(dict.fromkeys(chosen))


def _stages(text: str | None) -> tuple[str, ...]:
    return tuple(text.split(",")) if text else ()


def working_days_between(office: Office, first: dt.date, last: dt.date) -> int:
    """The days the office opens after ``first`` up to and including ``last`` (0 if ``last``
    is not after ``first``): the working days a case took, or waited."""
    days = (last - first).days
    return sum(office.open_on(first + dt.timedelta(days=n)) for n in range(1, days + 1))


class Cases:
    """The cases of one office, over the engine's database and clock."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    @property
    def office(self) -> Office:
        return self.engine.office

    def followed(self, code: str) -> Service:
        """The service ``code`` if it registers cases, else a refusal naming those that do."""
        service = self.office.known_service(code)
        if service.cases is None:
            names = ", ".join(s.code for s in self.office.services if s.cases)
            name = Bilingual.of(service.name)
            raise refusal(
                CaseRefused,
                "no_cases_but" if names else "no_cases",
                service=name,
                code=service.code,
                **({"names": names} if names else {}),
            )
        return service

    # -- registering and moving --------------------------------------------------------

    def register(
        self,
        number: str,
        *,
        ticket_id: int | None = None,
        service: str | None = None,
        business_number_text: str | None = None,
        contact: str | None = None,
        notify: Iterable[str] | str | None = None,
        by: str | None = None,
    ) -> Case:
        """Register the application handed in at ticket ``ticket_id`` (served or being served)
        as case ``number``; its service is the ticket's unless ``service`` names another."""
        entry = Registration(number, ticket_id, service, business_number_text, contact, notify, by)
        with self.engine.db.write() as session:
            return Case.of(self._register(session, entry))

    def register_many(self, entries: Sequence[Registration]) -> list[Case]:
        """Every registration of a batch in one transaction, by the rules of ``register``: all
        of them, or (on the first refusal, which names its case) none."""
        with self.engine.db.write() as session:
            done = []
            for entry in entries:
                with _naming("of_case", number=entry.number):
                    done.append(Case.of(self._register(session, entry)))
            return done

    def _register(self, session: Session, entry: Registration) -> CaseRow:
        number = case_number(entry.number)
        ubn = business_number(entry.business_number_text)
        contact = normal_contact(entry.contact)
        stages = notice_stages(entry.notify)
        if contact is None:
            if entry.notify is not None:
                raise refusal(InvalidInput, "notices_no_contact")
            stages = ()
        by = clean_text(entry.by, "who registers the case", BY_LENGTH, required=False)
        code = entry.service
        ticket = None
        if entry.ticket_id is not None:
            ticket = session.get(TicketRow, entry.ticket_id)
            if ticket is None:
                raise refusal(NotFound, "no_ticket_id", ticket_id=entry.ticket_id)
            if ticket.status not in (Status.SERVING, Status.DONE):
                status = ticket_state(ticket.status, ticket.counter_number)
                raise refusal(CaseRefused, "ticket_not_served", number=ticket.number, status=status)
            code = code or ticket.service_code
        now = self._handed_in(entry.handed_in, ticket)
        if code is None:
            raise refusal(InvalidInput, "case_needs_service")
        rules = self.followed(code).cases
        assert rules is not None
        if session.scalar(select(CaseRow.id).where(CaseRow.number == number)) is not None:
            raise refusal(CaseRefused, "case_registered", number=number)
        today = self.office.local_date(now)
        row = CaseRow(
            number=number,
            service_code=code,
            ticket_id=entry.ticket_id,
            stage=S.RECEIVED,
            received_at=now,
            received_on=today,
            expected_on=working_days_after(self.office, today, rules.standard_days),
            business_number=ubn,
            contact=contact,
            notify_stages=",".join(stages) or None,
            registered_by=by,
            updated_at=now,
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError:  # another clerk registered it since the check above
            raise refusal(CaseRefused, "case_registered", number=number) from None
        _log(session, row, None, now, by, None)
        return row

    def _handed_in(self, at: dt.datetime | None, ticket: TicketRow | None) -> dt.datetime:
        """When an application was handed in: now, or a moment it can have been when it is
        registered afterwards from the counter's list: never ahead of the clock, within the
        last week, and while the citizen was there: after the ticket they were served at was
        issued, on its day or until its service ended (a day open until midnight serves its
        last tickets after it); with no ticket, on a day the office opens, after it opens."""
        now = self.engine.clock.now()
        if at is None:
            return now
        if at.tzinfo is None:
            raise refusal(InvalidInput, "handed_in_zone", at=at)
        local = f"{at.astimezone(self.office.zone):%Y-%m-%d %H:%M}"
        if not now - LONGEST_LATE <= at <= now:
            raise refusal(InvalidInput, "handed_in_week", days=LONGEST_LATE.days, at=local)
        if ticket is not None:
            issued = ticket.issued_at
            served_until = ticket.finished_at or now
            same_day = self.office.local_date(at) == ticket.business_date
            if not issued <= at or not (same_day or at <= served_until):
                when = f"{issued.astimezone(self.office.zone):%Y-%m-%d %H:%M}"
                raise refusal(
                    InvalidInput, "handed_in_at_ticket", number=ticket.number, issued=when, at=local
                )
        elif not self._open_at(at):
            raise refusal(InvalidInput, "handed_in_shut", at=local)
        return at

    def _open_at(self, at: dt.datetime) -> bool:
        """Whether the office was open at ``at``: a day it opens, from its first session's
        start to the day's end (a counter serves on through a break, and serves the queue
        after the last session's close, as with a ticket issued that day)."""
        day = self.office.local_date(at)
        if not self.office.open_on(day):
            return False
        return self.office.opening_time(day) <= at

    def move(
        self,
        number: str,
        stage: str,
        *,
        by: str,
        note: str | None = None,
        due: dt.date | None = None,
        was: str | None = None,
    ) -> Case:
        """Move case ``number`` to ``stage``; a correction needs what is missing (``note``)
        and by when (``due``: a day the office opens, after today and within a year).
        ``was``: the stage the mover saw (a window, a preview), refused with
        ``MovedMeanwhile`` if the case has moved since. Logged with who moved it, and the
        citizen told if they chose it."""
        move = CaseMove(number, stage, note, due, was=was)
        with self.engine.db.write() as session:
            return Case.of(self._move(session, move, by=by))

    def move_many(self, moves: Sequence[CaseMove], *, by: str) -> list[Case]:
        """Every move of a bulk change in one transaction: all of them, or (on the first
        refusal, which names its line) none."""
        with self.engine.db.write() as session:
            done, found = [], self._rows(session, [move.number for move in moves])
            for move in moves:
                with _naming("on_line", line=move.line):
                    done.append(Case.of(self._move(session, move, by=by, found=found)))
            return done

    def _move(
        self,
        session: Session,
        move: CaseMove,
        *,
        by: str,
        found: dict[str, CaseRow] | None = None,
    ) -> CaseRow:
        """One move; ``found``: the batch's cases, read (and locked) at once by ``_rows``."""
        to, due = _stage(move.stage), move.due
        note = clean_text(move.note, "the note", NOTE_LENGTH, required=False)
        by = clean_text(by, "who moves the case", BY_LENGTH, required=True)
        now = self.engine.clock.now()
        today = self.office.local_date(now)
        row = self._row(session, move.number, lock=True, found=found)
        was = CaseStage(row.stage)
        if move.was is not None and _stage(move.was) != was:
            seen = _name(_stage(move.was))
            raise refusal(
                MovedMeanwhile, "moved_meanwhile", number=row.number, now=_name(was), seen=seen
            )
        if to == was:
            raise refusal(CaseRefused, "case_already", number=row.number, stage=_name(to))
        if to not in MOVES[was]:
            allowed = Bilingual(
                "、".join(STAGES[s].zh for s in MOVES[was]) or "無：已結案",
                ", ".join(MOVES[was]) or "none: it is closed",
            )
            raise refusal(
                CaseRefused,
                "case_bad_move",
                number=row.number,
                was=_name(was),
                to=_name(to),
                allowed=allowed,
            )
        if to == S.CORRECTION:
            if note is None:
                raise refusal(InvalidInput, "correction_note")
            row.correction_note, row.correction_due = note, self._due(due, today)
        elif due is not None:
            raise refusal(InvalidInput, "date_only_correction")
        if was == S.CORRECTION:
            self._extend_by_correction(session, row, today)
        row.stage = to
        row.updated_at = now
        if to in DECIDED:
            row.decided_at = now
        elif to in HANDED_OVER:
            row.ready_at = now
        elif to == S.CLOSED:
            row.closed_at = now
        event = _log(session, row, was, now, by, note)
        if row.contact and to in _stages(row.notify_stages):
            session.flush()  # the notice's key names the event
            case_notices.moved(session, self.office, row, event.id, now)
        return row

    def _due(self, due: object, today: dt.date) -> dt.date:
        """A correction's date, checked: a day (not a moment), after today, within a year,
        and one the office opens, since the citizen brings the correction there."""
        if due is None:
            raise refusal(InvalidInput, "correction_due")
        if isinstance(due, dt.datetime) or not isinstance(due, dt.date):
            raise refusal(InvalidInput, "correction_due_day", due=due)
        if due <= today:
            raise refusal(InvalidInput, "correction_due")
        if due > today + LONGEST_CORRECTION:
            raise refusal(InvalidInput, "correction_due_far", due=due)
        if not self.office.open_on(due):
            raise refusal(InvalidInput, "closed_on", due=due)
        return due

    def _extend_by_correction(self, session: Session, row: CaseRow, today: dt.date) -> None:
        """Time waiting for the citizen's correction is not the office's processing time
        (補正期間不計入處理期間): the expected date moves on by the working days it took."""
        began = session.scalar(
            select(func.max(CaseEventRow.at)).where(
                CaseEventRow.case_id == row.id, CaseEventRow.stage == S.CORRECTION
            )
        )
        if began is not None:
            waited = working_days_between(self.office, self.office.local_date(began), today)
            row.expected_on = working_days_after(self.office, row.expected_on, waited)

    @staticmethod
    def _rows(session: Session, numbers: Iterable[str]) -> dict[str, CaseRow]:
        """The cases of a bulk change by number, read and locked in a few queries rather than
        one a move (a number that is no case number is refused by its own move)."""
        valid = set()
        for number in numbers:
            with contextlib.suppress(InvalidInput):
                valid.add(case_number(number))
        wanted = sorted(valid)
        found: dict[str, CaseRow] = {}
        for start in range(0, len(wanted), _READ_AT_ONCE):
            part = wanted[start : start + _READ_AT_ONCE]
            query = select(CaseRow).where(CaseRow.number.in_(part)).with_for_update()
            found.update((row.number, row) for row in session.scalars(query))
        return found

    # -- reading -------------------------------------------------------------------------

    def by_number(self, number: str) -> Case:
        with self.engine.db.read() as session:
            return Case.of(self._row(session, number))

    def for_ticket(self, ticket_id: int) -> list[Case]:
        """The cases handed in at a ticket, oldest first (the status page shows them)."""
        with self.engine.db.read() as session:
            return [Case.of(row) for row in session.scalars(_at_ticket(ticket_id))]

    def for_ticket_with_stages(self, ticket_id: int) -> list[tuple[Case, list[str]]]:
        """The cases handed in at a ticket, oldest first, each with the stages its log
        passed through, in one read: the status page asks on every poll."""
        with self.engine.db.read() as session:
            rows = session.scalars(_at_ticket(ticket_id)).all()
            passed: dict[int, list[str]] = {row.id: [] for row in rows}
            logged = session.execute(
                select(CaseEventRow.case_id, CaseEventRow.stage)
                .where(CaseEventRow.case_id.in_(passed))
                .order_by(CaseEventRow.id)
            )
            for case_id, stage in logged:
                passed[case_id].append(stage)
            return [(Case.of(row), passed[row.id]) for row in rows]

    def events(self, number: str) -> list[CaseEvent]:
        with self.engine.db.read() as session:
            row = self._row(session, number)
            events = session.scalars(
                select(CaseEventRow).where(CaseEventRow.case_id == row.id).order_by(CaseEventRow.id)
            )
            return [CaseEvent(e.at, e.from_stage, e.stage, e.by, e.note) for e in events]

    def listed(
        self,
        *,
        stages: Iterable[str] | None = None,
        service: str | None = None,
        received_from: dt.date | None = None,
        received_to: dt.date | None = None,
        overdue: bool = False,
        limit: int = 500,
    ) -> list[Case]:
        """Cases newest first, by stage, service and day of receipt (all when not given);
        only the overdue ones (``Case.overdue``) if asked; at most ``limit`` (1 to 10,000), for
        a list to show, not for figures."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MOST_LISTED:
            raise InvalidInput(f"the list limit must be 1 to {MOST_LISTED} cases, not {limit!r}")
        query = select(CaseRow)
        if overdue:
            query = query.where(*_overdue_on(self.engine.business_date()))
        if stages is not None:
            query = query.where(CaseRow.stage.in_([_stage(s) for s in stages]))
        if service is not None:
            query = query.where(CaseRow.service_code == service)
        if received_from is not None:
            query = query.where(CaseRow.received_on >= received_from)
        if received_to is not None:
            query = query.where(CaseRow.received_on <= received_to)
        with self.engine.db.read() as session:
            rows = session.scalars(query.order_by(CaseRow.id.desc()).limit(limit))
            return [Case.of(row) for row in rows]

    def overdue(self) -> list[Case]:
        """Open cases not decided by their expected date, the longest overdue first."""
        today = self.engine.business_date()
        with self.engine.db.read() as session:
            rows = session.scalars(
                select(CaseRow).where(*_overdue_on(today)).order_by(CaseRow.expected_on, CaseRow.id)
            )
            return [Case.of(row) for row in rows]

    def lookup(self, number: str, factor: str) -> Case:
        """The case a citizen asks for by its number and a second factor (the unified
        business number, or the last four digits of the phone left with it). Anything that
        does not match, or that is not even well-formed, is refused with one message."""
        try:
            wanted = case_number(number)
        except InvalidInput:
            raise NotFound(LOOKUP_REFUSED) from None
        given = ascii_digits(factor or "").replace(" ", "").replace("-", "").strip()
        if not (given.isascii() and given.isdigit()):
            raise NotFound(LOOKUP_REFUSED)  # before any query: no case is told apart
        with self.engine.db.read() as session:
            row = session.scalars(select(CaseRow).where(CaseRow.number == wanted)).one_or_none()
            if row is None or not _factor_matches(row, given):
                raise NotFound(LOOKUP_REFUSED)
            return Case.of(row)

    def purge_contacts(self) -> int:
        """Blank the contacts of cases handed over or closed more than
        ``cases.contact_retention_days`` ago: no notice is left to send after the hand-over,
        and a case nobody closes must not keep its contact for ever."""
        now = self.engine.clock.now()
        before = now - dt.timedelta(days=self.office.cases.contact_retention_days)
        ended = func.coalesce(CaseRow.ready_at, CaseRow.closed_at)
        with self.engine.db.write() as session:
            rows = session.scalars(
                select(CaseRow).where(CaseRow.contact.is_not(None), ended < before)
            ).all()
            for row in rows:
                row.contact, row.contact_deleted_at, row.notify_stages = None, now, None
            return len(rows)

    def _row(
        self,
        session: Session,
        number: str,
        *,
        lock: bool = False,
        found: dict[str, CaseRow] | None = None,
    ) -> CaseRow:
        wanted = case_number(number)
        if found is not None:
            row = found.get(wanted)
        else:
            query = select(CaseRow).where(CaseRow.number == wanted)
            row = session.scalars(query.with_for_update() if lock else query).one_or_none()
        if row is None:
            raise refusal(NotFound, "no_case", number=wanted)
        return row


@dataclasses.dataclass(frozen=True)
class Registration:
    """One application to register (see ``Cases.register``); ``handed_in`` is when, if it is
    registered afterwards (by ``Cases.register_many``, from the counter's list)."""

    number: str
    ticket_id: int | None = None
    service: str | None = None
    business_number_text: str | None = None
    contact: str | None = None
    notify: Iterable[str] | str | None = None
    by: str | None = None
    handed_in: dt.datetime | None = None


@dataclasses.dataclass(frozen=True)
class CaseMove:
    """One move (a CSV line, an API call's item); ``line`` names it in a bulk change, and
    ``was`` is the stage its mover saw, if any (see ``Cases.move``)."""

    number: str
    stage: str
    note: str | None = None
    due: dt.date | None = None
    line: int = 0
    was: str | None = None


def _overdue_on(today: dt.date) -> tuple[ColumnElement[bool], ...]:
    """``Case.overdue`` as a query's conditions."""
    return (
        CaseRow.decided_at.is_(None),
        CaseRow.closed_at.is_(None),
        CaseRow.stage != S.CORRECTION,
        CaseRow.expected_on < today,
    )


def _factor_matches(row: CaseRow, given: str) -> bool:
    expected = []
    if row.business_number:
        expected.append(row.business_number)
    if row.contact and "@" not in row.contact:
        expected.append(row.contact[-_PHONE_DIGITS:])
    # Compared in constant time each, and every one compared, so timing tells nothing.
    matches = [hmac.compare_digest(given.encode(), e.encode()) for e in expected]
    return bool(given) and any(matches)


def _stage(name: str) -> CaseStage:
    try:
        return CaseStage((name or "").strip().lower())
    except ValueError:
        known = ", ".join(CaseStage)
        raise refusal(InvalidInput, "not_a_stage", name=name, known=known) from None


def _name(stage: CaseStage) -> Bilingual:
    """A stage as a refusal names it: its citizens' Chinese name, its English code in words."""
    return Bilingual(STAGES[stage].zh, stage.value.replace("_", " "))


def _log(
    session: Session,
    row: CaseRow,
    was: CaseStage | None,
    now: dt.datetime,
    by: str | None,
    note: str | None,
) -> CaseEventRow:
    """The move's event, added to the session: written at the next flush, which the caller
    does when it needs the event's id (a bulk change saves a round trip per case)."""
    event = CaseEventRow(case_id=row.id, at=now, from_stage=was, stage=row.stage, by=by, note=note)
    session.add(event)
    return event
