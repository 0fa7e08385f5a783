"""Database tables. Times are stored as naive UTC; the business day is the office's local date.

The event log (``ticket_events``) is append-only: every statistic is a query over it, and no
operation, day close included, ever deletes a row from it or from ``tickets``.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
EventId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in Python, naive UTC in the database (same on SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime: times must be timezone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: object
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Status(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    REMOVED_AT_CLOSE = "removed_at_close"


AT_COUNTER = (Status.CALLED.value, Status.SERVING.value)
OPEN = (Status.WAITING.value, *AT_COUNTER)


class EventKind(enum.StrEnum):
    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    RETURNED = "returned"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"
    REMOVED_AT_CLOSE = "removed_at_close"
    PRINTED = "printed"
    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    PAUSED = "paused"
    RESUMED = "resumed"
    OFFICE_LOADED = "office_loaded"
    PIN_REFUSED = "pin_refused"  # a wrong PIN: who and where, never the PIN
    PIN_UNLOCKED = "pin_unlocked"
    PIN_RESET = "pin_reset"  # a supervisor cleared a PIN: the member sets a new one
    CHECKED_IN = "checked_in"  # a number taken from the web, checked in at the kiosk
    RESTORED = "restored"  # a backup was restored: the log's ids go on from the live ones


# The events that send a citizen to a counter: what a board shows and speaks, and what a
# console and its rating screen follow.
CALL_KINDS = frozenset({EventKind.CALLED.value, EventKind.RECALLED.value})


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every row class maps one table; SQLAlchemy types it as any FromClause, which Core's
    # insert() and update() refuse.
    __table__: ClassVar[Table]


class OfficeRow(Base):
    """The loaded office file, kept whole so every terminal sees the same configuration."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    config_json: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class OfficeVersionRow(Base):
    """One saved office configuration, whole (``queue/office_versions.py``): the newest is the
    one in ``offices``; older ones are there to compare and roll back to."""

    __tablename__ = "office_versions"
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    saved_by: Mapped[str] = mapped_column(String(48))
    summary: Mapped[str] = mapped_column(String(200))
    config_json: Mapped[str] = mapped_column(Text)


class ServiceRow(Base):
    __tablename__ = "services"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    handling_minutes: Mapped[float] = mapped_column(Float)
    target_wait_minutes: Mapped[int] = mapped_column(Integer)
    daily_cap: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CounterRow(Base):
    __tablename__ = "counters"
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Priority calls made in a row here, so ordinary tickets are not starved.
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)
    # Appointment calls made in a row here, so walk-ins keep moving.
    appointment_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CounterServiceRow(Base):
    """Which services a counter calls, ``rank`` 0 being its first preference."""

    __tablename__ = "counter_services"
    counter_number: Mapped[int] = mapped_column(
        ForeignKey("counters.number", ondelete="CASCADE"), primary_key=True
    )
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)


class StaffRow(Base):
    __tablename__ = "staff"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    deputy_code: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200))


class TicketRow(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint(
            "business_date", "issued_service_code", "sequence", name="uq_tickets_sequence"
        ),
        Index("ix_tickets_recent_done", "service_code", "finished_at"),
        # The queue, in calling order; led by status so it also finds the days with open
        # tickets (the statistics cache only keeps settled days). One index for both: with two,
        # PostgreSQL took the smaller (status, business_date) one for the queue whenever its
        # statistics thought few tickets wait, and read every waiting ticket of the day.
        # Priority before service: the few priority tickets of all a counter's services are
        # one short range, however the planner treats the list of services.
        Index(
            "ix_tickets_queue",
            "status",
            "business_date",
            "priority",
            "service_code",
            "queued_at",
            "id",
        ),
        Index("ix_tickets_number", "business_date", "number"),
        # Checked-in appointments still waiting, by their booked time: call-next's first look.
        Index(
            "ix_tickets_appointments",
            "business_date",
            "appointment_at",
            sqlite_where=text("status = 'waiting' AND appointment_at IS NOT NULL"),
            postgresql_where=text("status = 'waiting' AND appointment_at IS NOT NULL"),
        ),
        Index("uq_tickets_check_in_code", "check_in_code", unique=True),
        # Web numbers not yet checked in: what lapses.
        Index(
            "ix_tickets_check_in_by",
            "check_in_by",
            sqlite_where=text("check_in_by IS NOT NULL"),
            postgresql_where=text("check_in_by IS NOT NULL"),
        ),
        Index(
            "uq_tickets_one_per_counter",
            "counter_number",
            unique=True,
            sqlite_where=text("status IN ('called', 'serving')"),
            postgresql_where=text("status IN ('called', 'serving')"),
        ),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date)
    # The service that numbered the ticket; ``service_code`` moves on a transfer, this never does.
    issued_service_code: Mapped[str] = mapped_column(ForeignKey("services.code"))
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"))
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Place in the queue: the issue time, or the return time for a no-show sent back.
    queued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    first_called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    counter_number: Mapped[int | None] = mapped_column(ForeignKey("counters.number"))
    staff_code: Mapped[str | None] = mapped_column(String(32))
    print_state: Mapped[str] = mapped_column(String(16), default="pending")
    token: Mapped[str] = mapped_column(String(32), unique=True)
    # The wait promised when the ticket was issued (minutes expected, and the range shown),
    # and the latest one its status page showed, so estimates are measured on real days.
    issue_wait_minutes: Mapped[float | None] = mapped_column(Float)
    issue_wait_low: Mapped[int | None] = mapped_column(Integer)
    issue_wait_high: Mapped[int | None] = mapped_column(Integer)
    latest_wait_minutes: Mapped[float | None] = mapped_column(Float)
    latest_wait_low: Mapped[int | None] = mapped_column(Integer)
    latest_wait_high: Mapped[int | None] = mapped_column(Integer)
    latest_wait_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # A checked-in booking's time: not called before it, then ahead of walk-ins (see
    # ``engine.call_next``); its wait is counted from it. None for walk-ins.
    appointment_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # A number taken from the web: the code its holder checks in with at the kiosk, and the
    # moment by which they must (cleared at check-in; until then it is never called).
    check_in_code: Mapped[str | None] = mapped_column(String(8))
    check_in_by: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class TicketEventRow(Base):
    __tablename__ = "ticket_events"
    __table_args__ = (
        Index("ix_ticket_events_ticket", "ticket_id"),
        # Counter sessions (sign-in, pause, resume, sign-out) for the utilisation figure.
        Index(
            "ix_ticket_events_sessions",
            "counter_number",
            "at",
            sqlite_where=text("ticket_id IS NULL"),
            postgresql_where=text("ticket_id IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    counter_number: Mapped[int | None] = mapped_column(Integer)
    staff_code: Mapped[str | None] = mapped_column(String(32))
    service_code: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(200))


class DailySequenceRow(Base):
    __tablename__ = "daily_sequences"
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class PinAttemptRow(Base):
    """Wrong PINs in a row for a subject (``staff:wang``, ``counter:3``, ``kiosk:hall``) and
    the moment before which it takes no attempt (see ``pin_guard``)."""

    __tablename__ = "pin_attempts"
    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    not_before: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CounterSessionRow(Base):
    """A staff member signed in at a counter; open while ``signed_out_at`` is null."""

    __tablename__ = "counter_sessions"
    __table_args__ = (
        Index(
            "uq_counter_sessions_open_counter",
            "counter_number",
            unique=True,
            sqlite_where=text("signed_out_at IS NULL"),
            postgresql_where=text("signed_out_at IS NULL"),
        ),
        Index(
            "uq_counter_sessions_open_staff",
            "staff_code",
            unique=True,
            sqlite_where=text("signed_out_at IS NULL"),
            postgresql_where=text("signed_out_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    counter_number: Mapped[int] = mapped_column(ForeignKey("counters.number"))
    staff_code: Mapped[str] = mapped_column(ForeignKey("staff.code"))
    signed_in_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    signed_out_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    paused_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class DaySummaryRow(Base):
    """A settled business day's per-ticket figures, derived once from the event log.

    Only days before today with no open ticket are kept; ``tickets`` is the day's issued count
    when built, so a day that later gains tickets is rebuilt (see ``queue/day_summary.py``).
    """

    __tablename__ = "day_summaries"
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    tickets: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # what the statistics read
    detail: Mapped[bytes] = mapped_column(LargeBinary)  # numbers and times, for the raw log


class DayEventsRow(Base):
    """A settled business day's event log as compact columns, read by the event CSV instead
    of the day's rows (see ``reporting/event_days.py``); kept and rebuilt as ``day_summaries``
    are: only days before today with no open ticket, ``tickets`` the issued count when built.
    """

    __tablename__ = "day_events"
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    tickets: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    events: Mapped[bytes] = mapped_column(LargeBinary)


class RatingRow(Base):
    """A citizen's rating of one finished ticket: one per ticket, no personal data.

    Service, counter and staff are copied from the ticket so satisfaction figures by them need
    no join, and stay right if the office file later renames or retires a counter.
    """

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="ck_ratings_score"),
        Index("ix_ratings_business_date", "business_date"),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    rated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    business_date: Mapped[dt.date] = mapped_column(Date)
    service_code: Mapped[str] = mapped_column(String(32))
    counter_number: Mapped[int | None] = mapped_column(Integer)
    staff_code: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))


class OpinionRow(Base):
    """An opinion (意見) that needs an answer, followed until it is closed.

    ``contact`` is the only personal data counterdesk ever holds; it is blanked
    ``contact_retention_days`` after closing (``contact_deleted_at`` records when).
    """

    __tablename__ = "opinions"
    __table_args__ = (Index("ix_opinions_status", "status", "received_at"),)
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    business_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    service_code: Mapped[str | None] = mapped_column(String(32))
    counter_number: Mapped[int | None] = mapped_column(Integer)
    staff_code: Mapped[str | None] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(200))
    contact_deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    assigned_to: Mapped[str | None] = mapped_column(String(32))
    assigned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(32))
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class OpinionEventRow(Base):
    """The follow-up log of an opinion: received, assigned, answered, closed, contact deleted."""

    __tablename__ = "opinion_events"
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    opinion_id: Mapped[int] = mapped_column(ForeignKey("opinions.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))
    staff_code: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(200))


class BookingStatus(enum.StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"  # a ticket called at its time (``ticket_id``)
    LATE = "late"  # came after the check-in window: a walk-in ticket, by the office's rule
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"  # never checked in: marked at the end of its check-in window


class BookingRow(Base):
    """An appointment: a service at a slot, booked on the web or by staff for a caller.

    ``code`` (8 digits) is what the citizen types or scans at the kiosk; ``token`` is the
    secret of the link that shows, moves or cancels it. ``contact`` (a phone number or e-mail,
    only if given, only for reminders) is blanked ``bookings.contact_retention_days`` after
    the appointment (``contact_deleted_at`` records when).
    """

    __tablename__ = "bookings"
    __table_args__ = (
        Index("ix_bookings_day", "business_date", "service_code", "status"),
        Index("ix_bookings_contact", "contact", "business_date"),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"))
    business_date: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(8))  # web, staff
    booked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    booked_by: Mapped[str | None] = mapped_column(String(32))  # the staff code, for staff
    contact: Mapped[str | None] = mapped_column(String(200))
    contact_deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # cancelled or no-show


class BookingSlotRow(Base):
    """Places taken in one slot of one service: advanced only while below the slot's capacity,
    by one conditional upsert (see ``queue/bookings.py``), so a slot is never overbooked
    however many citizens book it at once."""

    __tablename__ = "booking_slots"
    __table_args__ = (CheckConstraint("taken >= 0", name="ck_booking_slots_taken"),)
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"), primary_key=True)
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, primary_key=True)
    taken: Mapped[int] = mapped_column(Integer)


class BookingEventRow(Base):
    """The append-only log of a booking: booked, moved, cancelled, checked in, late, no-show,
    contact deleted; with the time and, when staff acted, who."""

    __tablename__ = "booking_events"
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))
    staff_code: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(String(200))


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"  # waits for its time (``next_attempt_at``), a first or a later try
    SENDING = "sending"  # claimed by a notifier and committed before the channel was called
    SENT = "sent"
    UNCERTAIN = "uncertain"  # a notifier stopped mid-send: perhaps delivered, never resent
    DEAD = "dead"  # refused too often, or for good: staff may resend it
    CANCELLED = "cancelled"  # its cause went away (a booking cancelled) before it was sent
    OPTED_OUT = "opted_out"  # the recipient opted out before it was sent


class OutboxRow(Base):
    """One logical notification, written in the transaction of the change that causes it and
    sent by ``counterdesk notify``. ``key`` names the notification ("booking:123:reminder"):
    the same one is never enqueued twice. ``recipient`` is blanked a configurable number of
    days after the message ends (``recipient_deleted_at``)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "channel", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    channel: Mapped[str] = mapped_column(String(8))  # sms, email
    recipient: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    send_after: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    recipient_deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class OptOutRow(Base):
    """A contact (as ``contacts.normal_contact`` writes it) that is never sent to again."""

    __tablename__ = "opt_outs"
    contact: Mapped[str] = mapped_column(String(200), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CaseStage(enum.StrEnum):
    """Where an application handed in at the counter is; ``queue/cases.py`` says which moves
    are allowed."""

    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    CORRECTION = "correction"  # something is missing: ``correction_note``, by ``correction_due``
    APPROVED = "approved"
    REJECTED = "rejected"
    READY = "ready"  # ready for pick-up at the office
    MAILED = "mailed"
    ELECTRONIC = "electronic"  # delivered electronically
    CLOSED = "closed"


class CaseRow(Base):
    """An application handed in at a ticket's counter visit, followed until it is closed.

    ``number`` is the office's own case or receipt number. ``received_on`` (the office's local
    date) and ``expected_on`` (``cases.standard_days`` working days later) are kept so the
    figures never need the office file of the day. ``business_number`` (a company's unified
    business number) and the last digits of ``contact`` are the second factors of the public
    lookup. ``contact`` is only there if the citizen left one for notices, at the stages in
    ``notify_stages`` (comma-separated), and is blanked ``cases.contact_retention_days`` after
    the case closes.
    """

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_stage", "stage", "expected_on"),
        Index("ix_cases_received_on", "received_on", "service_code"),
    )
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    service_code: Mapped[str] = mapped_column(ForeignKey("services.code"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    received_on: Mapped[dt.date] = mapped_column(Date)
    expected_on: Mapped[dt.date] = mapped_column(Date)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # approved or rejected
    ready_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # ready, mailed or sent
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    correction_note: Mapped[str | None] = mapped_column(String(300))
    correction_due: Mapped[dt.date | None] = mapped_column(Date)
    business_number: Mapped[str | None] = mapped_column(String(8))
    contact: Mapped[str | None] = mapped_column(String(200))
    notify_stages: Mapped[str | None] = mapped_column(String(200))
    contact_deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    registered_by: Mapped[str | None] = mapped_column(String(48))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CaseEventRow(Base):
    """The append-only log of a case: registered, then each move, with its time and who moved
    it (a staff code, ``api:<key name>`` or ``import:<staff>``)."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    from_stage: Mapped[str | None] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(16))
    by: Mapped[str | None] = mapped_column(String(48))
    note: Mapped[str | None] = mapped_column(String(300))


class ApiKeyRow(Base):
    """A back office's key to the case API: only its SHA-256 is stored (the key is 32 random
    bytes, shown once when made), so a copy of the database does not give it away."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(EventId, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class TicketContactRow(Base):
    """A phone number or e-mail address a citizen left on a ticket's status page to be told
    "N ahead of you" and "please go to counter K"; deleted when the ticket ends."""

    __tablename__ = "ticket_contacts"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    contact: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
