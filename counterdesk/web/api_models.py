"""What the public JSON API answers, as pydantic models: its OpenAPI schema is made from them.

Only what a citizen or the office's website may see: no staff codes or PINs, no contact
details, no internal ids, no staff notes.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from counterdesk.phrases import Bilingual
from counterdesk.queue import Event, ServiceStatus
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


class Problem(_Model):
    """An error (RFC 9457)."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    zh: str
