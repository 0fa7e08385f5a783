"""What the status page says about one ticket: looked up by its token, put into words once.

The HTML page and the JSON endpoint both render a :class:`TicketStatus`, so the words a phone
shows after a poll are exactly the words the page had when it loaded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from counterdesk import booking_phrases, phrases
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinion, OpinionStatus
from counterdesk.feedback.ratings import rating_closed
from counterdesk.phrases import Bilingual
from counterdesk.queue import Status
from counterdesk.queue.cases import Cases
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import CaseStage
from counterdesk.queue.office import Counter, Office, Service
from counterdesk.queue.views import Ticket
from counterdesk.web.case_view import CaseProgress, at_ticket
from counterdesk.web.live_tickets import LIVE, LiveTickets

# Tokens are secrets.token_urlsafe(16): 22 characters. Anything else is refused before the
# database is asked, so junk addresses cost nothing.
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
AT_COUNTER = (Status.CALLED, Status.SERVING)


@dataclasses.dataclass(frozen=True)
class OpinionProgress:
    """An opinion filed from the ticket, as its holder may follow it: the reference, how far
    it is, and the office's answer. Never the contact details (nor the comment itself)."""

    reference: str
    status: str
    answer: str | None
    answered_on: dt.date | None  # office-local

    @classmethod
    def of(cls, opinion: Opinion, zone: dt.tzinfo) -> OpinionProgress:
        answered = opinion.answered_at
        return cls(
            opinion.reference,
            opinion.status,
            opinion.answer,
            answered.astimezone(zone).date() if answered else None,
        )

    @property
    def words(self) -> Bilingual:
        return phrases.OPINION_STATUS[OpinionStatus(self.status)]

    def to_json(self) -> dict[str, Any]:
        return {"reference": self.reference, "status": self.status, "words": self.words._asdict()}


@dataclasses.dataclass(frozen=True)
class TicketStatus:
    """A ticket as its holder may see it: no staff codes, no internal ids."""

    token: str
    number: str
    service_code: str
    service: Service | None  # None if the office file no longer has the service
    priority: bool
    status: str
    business_date: dt.date
    today: bool  # the ticket belongs to today's queue
    people_ahead: int | None
    # The projected wait while waiting (minutes expected, and the range the page words);
    # all None when there is none (not waiting, or no counter will call it today).
    estimated_wait_minutes: float | None
    estimated_wait_low: int | None
    estimated_wait_high: int | None
    counter_number: int | None
    counter: Counter | None
    can_rate: bool
    rated_score: int | None
    opinions: tuple[OpinionProgress, ...]  # filed with its rating, oldest first
    checked_at: dt.datetime  # office-local time of the lookup
    # A number taken from the web: its code for the kiosk, and the office-local moment by
    # which it must be checked in (None once checked in, and for every other ticket).
    check_in_code: str | None = None
    check_in_by: dt.datetime | None = None
    # The applications handed in at a finished ticket, followed on its page (oldest first).
    cases: tuple[CaseProgress, ...] = ()

    @property
    def following(self) -> bool:
        """Whether the page should keep asking for news of a case not closed yet."""
        return any(case.stage != CaseStage.CLOSED for case in self.cases)

    @property
    def cases_seen(self) -> str:
        """The cases' stages as the page was made: a poll bringing others reloads it."""
        return " ".join(f"{case.number}:{case.stage}" for case in self.cases)

    @property
    def awaiting_check_in(self) -> bool:
        """A web number still to be checked in at the kiosk, in time."""
        return (
            self.today
            and self.status == Status.WAITING
            and self.check_in_by is not None
            and self.checked_at < self.check_in_by
        )

    @property
    def lapsed(self) -> bool:
        """A web number not checked in by its deadline: cancelled with a lapse by the next
        call-next or close-day, or still waiting until then (never called). One cancelled by
        staff has no deadline left (``TicketEngine.cancel``): it reads as cancelled."""
        return (
            self.check_in_by is not None
            and self.status in (Status.WAITING, Status.CANCELLED)
            and self.checked_at >= self.check_in_by
        )

    @property
    def can_watch(self) -> bool:
        """Whether its holder may leave a contact to be told when the turn is near: today's
        waiting ticket, not lapsed (``queue/ticket_watch.py`` decides again on a POST)."""
        return self.today and self.status == Status.WAITING and not self.lapsed

    @property
    def live(self) -> bool:
        """Whether the page should keep polling: the ticket may still change today."""
        return self.today and self.status in LIVE and not self.lapsed

    @property
    def at_counter(self) -> bool:
        return self.today and self.status in AT_COUNTER and self.counter_number is not None

    @property
    def service_name(self) -> Bilingual:
        if self.service is None:
            return Bilingual(self.service_code, self.service_code)
        return Bilingual.of(self.service.name)

    def words(self) -> tuple[Bilingual, Bilingual | None]:
        """The headline and the line under it: what the ticket's state means for its holder."""
        if self.lapsed:
            return booking_phrases.LAPSED, booking_phrases.LAPSED_HINT
        if self.status in LIVE and not self.today:
            return phrases.DAY_OVER, phrases.day_over_hint(self.business_date.isoformat())
        if self.status == Status.WAITING:
            return phrases.people_ahead(self.people_ahead or 0, self), phrases.estimated_wait(self)
        if self.at_counter:
            assert self.counter_number is not None
            headline = phrases.go_to_counter(self.counter_number)
            if self.status == Status.SERVING:
                return headline, phrases.SERVING
            name = Bilingual.of(self.counter.name) if self.counter else None
            return headline, phrases.called(name)
        if self.status == Status.DONE:
            if self.rated_score is not None:
                return phrases.THANKS_FOR_RATING, phrases.rated(self.rated_score)
            return phrases.ALL_DONE, phrases.PLEASE_RATE if self.can_rate else None
        return {
            Status.NO_SHOW: (phrases.NO_SHOW, phrases.NO_SHOW_HINT),
            Status.CANCELLED: (phrases.CANCELLED, phrases.CANCELLED_HINT),
        }.get(Status(self.status), (phrases.CLOSED, phrases.CLOSED_HINT))

    def title(self) -> str:
        """The browser tab's title: the number and the headline, so a glance at the tab does."""
        headline, _ = self.words()
        return f"{self.number} {headline.zh} · {headline.en}"

    def to_json(self, refresh_seconds: int) -> dict[str, Any]:
        """The JSON status endpoint's body."""
        headline, detail = self.words()
        service = self.service_name
        return {
            "number": self.number,
            "service": {"code": self.service_code, "zh": service.zh, "en": service.en},
            "priority": self.priority,
            "status": self.status,
            "business_date": self.business_date.isoformat(),
            "live": self.live,
            "people_ahead": self.people_ahead,
            "estimated_wait_minutes": self.estimated_wait_minutes,
            "estimated_wait_low": self.estimated_wait_low,
            "estimated_wait_high": self.estimated_wait_high,
            "counter": self._counter_json(),
            "can_rate": self.can_rate,
            "rated_score": self.rated_score,
            "opinions": [opinion.to_json() for opinion in self.opinions],
            "title": self.title(),
            "headline": headline._asdict(),
            "detail": detail._asdict() if detail else None,
            "updated": f"{self.checked_at:%H:%M:%S}",
            "refresh_seconds": refresh_seconds,
            # The deadline only, for the page to see a check-in or a lapse: the code is for
            # the kiosk, shown once on the holder's page, never in what is polled every few
            # seconds or read by the API's clients (``TicketNow`` has neither).
            "check_in_by": self.check_in_time,
            "cases": [case.to_json() for case in self.cases],
            "cases_seen": self.cases_seen,
        }

    @property
    def check_in_time(self) -> str | None:
        """By when ("10:30") a web number must be checked in, while it still may be."""
        if not self.awaiting_check_in:
            return None
        assert self.check_in_by is not None
        return f"{self.check_in_by:%H:%M}"

    def _counter_json(self) -> dict[str, Any] | None:
        if not self.at_counter:
            return None
        names = self.counter.name if self.counter else None
        return {
            "number": self.counter_number,
            "zh": names.zh if names else None,
            "en": names.en if names else None,
        }


def find_ticket(feedback: Feedback, token: str, live: LiveTickets | None = None) -> Ticket | None:
    """The ticket behind ``token`` (from ``live``'s snapshot when it holds it), or None for a
    malformed or unknown token; whether its page has expired is ``status_of``'s to say."""
    if not TOKEN.fullmatch(token):
        return None
    return (live and live.ticket(token)) or feedback.engine.read.ticket_by_token(token)


def status_of(feedback: Feedback, ticket: Ticket) -> TicketStatus | None:
    """What ``ticket``'s holder may see now, or None once its page has expired. Reads the
    database only for a finished ticket (its rating, opinions and cases).

    A page expires ``feedback.rating_days`` after the visit, or, for a ticket whose cases
    are followed on it, as long after the last of them closed: the one period citizens are
    told a page lives, counted from the last thing that happened to it. Rating still closes
    ``rating_days`` after the visit."""
    token = ticket.token
    engine = feedback.engine
    now = engine.clock.now()
    today = engine.business_date(now)
    office = engine.office
    done = ticket.status == Status.DONE
    cases = at_ticket(Cases(engine), ticket.id) if done else ()
    too_late = rating_closed(office, ticket.business_date, today)
    if too_late and not any(_shown_on(case, office, today) for case in cases):
        return None
    rating = feedback.ratings.rating_for(token) if done else None
    filed = feedback.opinions.for_ticket(token) if done else []
    return TicketStatus(
        token=token,
        number=ticket.number,
        service_code=ticket.service,
        service=_service(engine, ticket.service),
        priority=ticket.priority,
        status=ticket.status,
        business_date=ticket.business_date,
        today=ticket.business_date == today,
        people_ahead=ticket.people_ahead,
        estimated_wait_minutes=ticket.estimated_wait_minutes,
        estimated_wait_low=ticket.estimated_wait_low,
        estimated_wait_high=ticket.estimated_wait_high,
        counter_number=ticket.counter,
        counter=_counter(engine, ticket.counter),
        can_rate=done and rating is None and not too_late,
        rated_score=rating.score if rating else None,
        opinions=tuple(OpinionProgress.of(opinion, office.zone) for opinion in filed),
        checked_at=now.astimezone(office.zone),
        check_in_code=ticket.check_in_code,
        check_in_by=ticket.check_in_by and ticket.check_in_by.astimezone(office.zone),
        cases=cases,
    )


def _shown_on(case: CaseProgress, office: Office, today: dt.date) -> bool:
    """Whether ``case`` keeps its ticket's page open on ``today``: open, or closed within the
    page's period."""
    return case.closed_on is None or not rating_closed(office, case.closed_on, today)


def _service(engine: TicketEngine, code: str) -> Service | None:
    """The service from the office file; re-read once in case another terminal changed it."""
    try:
        return engine.office.service(code)
    except KeyError:
        pass
    try:
        return engine.refresh_office().service(code)
    except KeyError:
        return None


def _counter(engine: TicketEngine, number: int | None) -> Counter | None:
    if number is None:
        return None
    try:
        return engine.office.counter(number)
    except KeyError:
        return None
