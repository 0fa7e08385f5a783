"""A finished ticket with its case brought to a stage, for the case pages' tests and snapshots."""

from __future__ import annotations

import datetime as dt

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.cases import Case, Cases
from counterdesk.queue.views import Ticket
from tests.web.support import finished

NUMBER = "A115-000123"
UBN = "04595257"  # a unified business number that passes its check
PHONE = "0912345678"
MISSING = "章程缺少董事簽章；Articles of incorporation not signed by the directors"
# The way from "received" to each stage shown, as staff move it.
ROUTES = {
    "received": (),
    "under_review": ("under_review",),
    "correction": ("under_review", "correction"),
    "approved": ("under_review", "approved"),
    "ready": ("under_review", "approved", "ready"),
    "mailed": ("under_review", "rejected", "mailed"),
    "closed": ("under_review", "approved", "ready", "closed"),
}


def with_case(
    engine: TicketEngine, clock: ManualClock, stage: str = "received", number: str = NUMBER
) -> tuple[Ticket, Case]:
    """A ticket finished just now whose application was registered as case ``number`` (with a
    business number and a phone for notices), then moved to ``stage`` an hour apart."""
    ticket = finished(engine, clock, "incorporation")
    cases = Cases(engine)
    case = cases.register(
        number, ticket_id=ticket.id, business_number_text=UBN, contact=PHONE, by="wang"
    )
    for step in ROUTES[stage]:
        clock.advance(hours=1)
        case = move(cases, number, step)
    return ticket, case


def move(cases: Cases, number: str, stage: str) -> Case:
    """Move as staff do; a correction says what is missing and gives a week."""
    if stage != "correction":
        return cases.move(number, stage, by="wang")
    today = cases.office.local_date(cases.engine.clock.now())
    return cases.move(number, stage, by="wang", note=MISSING, due=today + dt.timedelta(days=7))
