"""The demo office's cases: one at every stage a case can be in, so a newcomer finds each in
the supervisor's figures, the consoles and on the status pages, with or without simulated
history (whose own cases are mostly closed, the last days' still early on).

Each stage that has no case yet gets one, registered and moved now through ``Cases`` as staff
would; one made ready for pick-up is handed in at the latest finished ticket of its service,
when there is history. The demo prints the status page of the newest case ready for pick-up
on a ticket (the history's own, or that one), which shows the case.
"""

from __future__ import annotations

from sqlalchemy import select

from counterdesk.queue.cases import Case, CaseRefused, Cases, working_days_after
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import CaseStage, Status, TicketRow

S = CaseStage
# How a case reaches each stage, from "received".
ROUTES: dict[CaseStage, tuple[CaseStage, ...]] = {
    S.RECEIVED: (),
    S.UNDER_REVIEW: (S.UNDER_REVIEW,),
    S.CORRECTION: (S.UNDER_REVIEW, S.CORRECTION),
    S.APPROVED: (S.UNDER_REVIEW, S.APPROVED),
    S.REJECTED: (S.UNDER_REVIEW, S.REJECTED),
    S.READY: (S.UNDER_REVIEW, S.APPROVED, S.READY),
    S.MAILED: (S.UNDER_REVIEW, S.APPROVED, S.MAILED),
    S.ELECTRONIC: (S.UNDER_REVIEW, S.APPROVED, S.ELECTRONIC),
    S.CLOSED: (S.UNDER_REVIEW, S.APPROVED, S.READY, S.CLOSED),
}
SERVICE = "amendment"  # the sample office's busiest case service
STAFF = "wang"
CORRECTION_NOTE = "董事會議事錄缺簽名 board minutes unsigned"
CORRECTION_DAYS = 5  # working days: the citizen brings it on a day the office opens


def demo_cases(engine: TicketEngine) -> Case | None:
    """A case at each stage that has none yet; then the newest case ready for pick-up that
    was handed in at a ticket (None without history: no ticket to hand one in at)."""
    cases = Cases(engine)
    today = engine.business_date()
    for index, stage in enumerate(ROUTES, start=1):
        if cases.listed(stages=[stage], limit=1):
            continue
        number = f"DEMO-{today:%Y%m%d}-{index}"
        ticket = _latest_ticket(engine) if stage == S.READY else None
        try:
            cases.register(number, ticket_id=ticket, service=SERVICE, by=STAFF)
        except CaseRefused:  # an earlier run today registered it, and it has moved on
            continue
        for step in ROUTES[stage]:
            correction = step == S.CORRECTION
            cases.move(
                number,
                step,
                by=STAFF,
                note=CORRECTION_NOTE if correction else None,
                due=working_days_after(engine.office, today, CORRECTION_DAYS)
                if correction
                else None,
            )
    ready = cases.listed(stages=[S.READY], limit=50)
    return next((case for case in ready if case.ticket_id is not None), None)


def _latest_ticket(engine: TicketEngine) -> int | None:
    with engine.db.read() as session:
        return session.scalar(
            select(TicketRow.id)
            .where(TicketRow.service_code == SERVICE, TicketRow.status == Status.DONE)
            .order_by(TicketRow.finished_at.desc())
            .limit(1)
        )


def status_page(engine: TicketEngine, case: Case) -> str | None:
    """The address of the status page of the ticket ``case`` was handed in at, if any."""
    if case.ticket_id is None:
        return None
    with engine.db.read() as session:
        token = session.scalar(select(TicketRow.token).where(TicketRow.id == case.ticket_id))
    return engine.office.office.status_url.format(token=token)
