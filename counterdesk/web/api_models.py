"""What the JSON API answers, as pydantic models: its OpenAPI schema is made from them.

The public endpoints' models hold only what a citizen or the office's website may see: no
staff codes or PINs, no contact details, no internal ids, no staff notes. The case API's
(``Case*``, for a back office with a key) add the case's log and notes, never its contact
or business number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from counterdesk.case_phrases import STAGES
from counterdesk.phrases import Bilingual
from counterdesk.queue import Event, ServiceStatus
from counterdesk.queue.cases import NOTE_LENGTH, NUMBER_LENGTH, Case, CaseEvent
from counterdesk.queue.models import CaseStage
from counterdesk.web.problems import PROBLEM_TYPE
from counterdesk.web.status import TicketStatus


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Words(_Model):
    """A phrase or a name in both languages."""

    zh: str
    en: str

    @classmethod
    def of(cls, words: Bilingual) -> Words:
        return cls(zh=words.zh, en=words.en)


class ServiceNow(_Model):
    code: str = Field(examples=["precheck"])
    prefix: str = Field(description="the letter of its ticket numbers", examples=["A"])
    name: Words
    waiting: int = Field(ge=0, description="people waiting now")
    open_counters: int = Field(ge=0, description="counters serving it now")
    estimated_wait_minutes: float | None = Field(
        ge=0,
        description="the wait expected for a ticket taken now, projected by the office's call "
        "policy; null when no counter will call it today",
    )
    estimated_wait_low: int | None = Field(
        ge=0,
        description="the range a citizen is told, in whole minutes: low to high (equal when "
        "one figure is honest, 0 and 0 when the call is due now); null as above",
    )
    estimated_wait_high: int | None = Field(ge=0, description="see estimated_wait_low")

    @classmethod
    def of(cls, service: ServiceStatus) -> ServiceNow:
        return cls(
            code=service.code,
            prefix=service.prefix,
            name=Words(zh=service.name_zh, en=service.name_en),
            waiting=service.waiting,
            open_counters=service.open_counters,
            **_waits(service),
        )


def _waits(view: ServiceStatus | TicketStatus) -> dict[str, float | int | None]:
    """The projected wait's three fields, named alike on every view."""
    return {
        "estimated_wait_minutes": view.estimated_wait_minutes,
        "estimated_wait_low": view.estimated_wait_low,
        "estimated_wait_high": view.estimated_wait_high,
    }


class Services(_Model):
    office: Words
    business_date: dt.date
    services: list[ServiceNow]


class CounterNow(_Model):
    number: int
    name: Words | None


class TicketNow(_Model):
    """A ticket as its holder's page shows it (the same words as the page)."""

    number: str = Field(examples=["A012"])
    service_code: str
    service_name: Words
    priority: bool
    status: str = Field(examples=["waiting"])
    business_date: dt.date
    live: bool = Field(description="whether it may still change today (worth polling)")
    people_ahead: int | None = Field(description="in the same service, while waiting")
    estimated_wait_minutes: float | None = Field(
        ge=0, description="while waiting, as for a service; null otherwise or with no estimate"
    )
    estimated_wait_low: int | None = Field(ge=0, description="as for a service")
    estimated_wait_high: int | None = Field(ge=0, description="as for a service")
    counter: CounterNow | None = Field(description="where to go, while called or served")
    can_rate: bool
    rated_score: int | None
    headline: Words
    detail: Words | None

    @classmethod
    def of(cls, status: TicketStatus) -> TicketNow:
        headline, detail = status.words()
        counter = None
        if status.at_counter:
            assert status.counter_number is not None
            name = Words.of(Bilingual.of(status.counter.name)) if status.counter else None
            counter = CounterNow(number=status.counter_number, name=name)
        return cls(
            number=status.number,
            service_code=status.service_code,
            service_name=Words.of(status.service_name),
            priority=status.priority,
            status=status.status,
            business_date=status.business_date,
            live=status.live,
            people_ahead=status.people_ahead,
            **_waits(status),
            counter=counter,
            can_rate=status.can_rate,
            rated_score=status.rated_score,
            headline=Words.of(headline),
            detail=Words.of(detail) if detail else None,
        )


class PublicEvent(_Model):
    """One event of the log, as a display may know it: what happened to which number where."""

    id: int
    at: dt.datetime
    kind: str = Field(examples=["called"])
    number: str | None
    service: str | None
    counter: int | None

    @classmethod
    def of(cls, event: Event) -> PublicEvent:
        return cls(
            id=event.id,
            at=event.at,
            kind=event.kind,
            number=event.number,
            service=event.service,
            counter=event.counter,
        )


class EventPage(_Model):
    events: list[PublicEvent]
    last_id: int = Field(
        ge=0, description="ask again with after=last_id; it moves past events left out too"
    )
    missing: list[int] = Field(
        description="ids not committed yet below last_id (PostgreSQL commits ids out of order):"
        " ask for each again with also=ID beside after=last_id, until it is no longer listed"
    )


def problem_response(description: str) -> dict[str, Any]:
    """An OpenAPI response of problem objects (in their own media type: FastAPI's "model"
    would add JSON's)."""
    schema = Problem.model_json_schema()
    return {"content": {PROBLEM_TYPE: {"schema": schema}}, "description": description}


class Problem(_Model):
    """An error (RFC 9457)."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    zh: str


MAX_MOVES = 500  # moves in one batch: one transaction, held briefly
SERVICE_LENGTH = 32  # a service code (services.code)
# A case number as the API takes it: ASCII letters (either case), digits and dashes.
CASE_NUMBER = r"^[A-Za-z0-9][A-Za-z0-9-]*$"


class CaseEventOut(_Model):
    """A step of a case's log: registered (``from_stage`` null), then each move."""

    at: dt.datetime
    from_stage: CaseStage | None
    stage: CaseStage
    by: str | None = Field(description="a staff code, api:<key name> or import:<staff>")
    note: str | None

    @classmethod
    def of(cls, event: CaseEvent) -> CaseEventOut:
        return cls(
            at=event.at,
            from_stage=event.from_stage and CaseStage(event.from_stage),
            stage=CaseStage(event.stage),
            by=event.by,
            note=event.note,
        )


class CaseOut(_Model):
    """A case as a back office follows it: never its contact nor its business number."""

    number: str = Field(examples=["A115-000123"])
    service: str = Field(examples=["incorporation"])
    stage: CaseStage
    stage_words: Words
    received_on: dt.date
    expected_on: dt.date = Field(description="the standard processing time's last working day")
    overdue: bool = Field(description="past expected_on and not decided (nor closed)")
    decided_at: dt.datetime | None
    ready_at: dt.datetime | None
    closed_at: dt.datetime | None
    correction_note: str | None = Field(description="what is missing, while in correction")
    correction_due: dt.date | None
    has_business_number: bool
    has_contact: bool
    next_stages: list[CaseStage] = Field(description="the stages it may be moved to now")
    events: list[CaseEventOut] | None = Field(
        description="its log, oldest first (left out of a batch's answer)"
    )

    @classmethod
    def of(cls, case: Case, today: dt.date, events: list[CaseEvent] | None = None) -> CaseOut:
        return cls(
            number=case.number,
            service=case.service,
            stage=CaseStage(case.stage),
            stage_words=Words.of(STAGES[case.stage]),
            received_on=case.received_on,
            expected_on=case.expected_on,
            overdue=case.overdue(today),
            decided_at=case.decided_at,
            ready_at=case.ready_at,
            closed_at=case.closed_at,
            correction_note=case.correction_note,
            correction_due=case.correction_due,
            has_business_number=case.has_business_number,
            has_contact=case.has_contact,
            next_stages=[CaseStage(stage) for stage in case.next_stages],
            events=None if events is None else [CaseEventOut.of(event) for event in events],
        )


class CaseMoveIn(_Model):
    """A move: a correction needs ``note`` (what is missing) and ``due`` (after today);
    no other stage takes ``due``."""

    stage: CaseStage
    note: str | None = Field(default=None, max_length=NOTE_LENGTH)
    due: dt.date | None = None


class CaseBatchMove(CaseMoveIn):
    number: str = Field(
        min_length=1, max_length=NUMBER_LENGTH, pattern=CASE_NUMBER, examples=["A115-000123"]
    )


class CaseBatchIn(_Model):
    """Moves made together: all of them, or none (the refusal names the first bad one)."""

    moves: list[CaseBatchMove] = Field(min_length=1, max_length=MAX_MOVES)


class CaseBatchOut(_Model):
    cases: list[CaseOut] = Field(description="each case as its move left it, in order")


class CaseNewIn(_Model):
    """A case handed in elsewhere than at a ticket (by post, online): registered received."""

    number: str = Field(
        min_length=1, max_length=NUMBER_LENGTH, pattern=CASE_NUMBER, examples=["A115-000123"]
    )
    service: str = Field(min_length=1, max_length=SERVICE_LENGTH, examples=["incorporation"])
    business_number: str | None = Field(
        default=None, max_length=20, description="the company's unified business number"
    )
