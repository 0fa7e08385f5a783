"""Simulated cases for a simulated day, so the demo and a simulated half year have case
figures: the applications handed in at the day's finished tickets, followed over the working
days after.

Every finished ticket of a service with ``cases:`` hands in one application, registered
as handed in at the moment its ticket finished, the day's all at once (``Cases.register_many``,
one transaction, not one each: the demo's start waited on a commit per case). Its course
is drawn at once, with a random generator seeded by the plan's seed and the date (a seeded
run repeats): review from the next working day; a correction for about one case in seven
(most corrected within a few working days, a few never, left overdue); a decision after a
lognormal number of working days around the standard (most within it, some late), a few
rejected; then ready for pick-up, mailed or delivered electronically, and closed. The back
office moves each working day's cases in one bulk change (``Cases.move_many``, as its CSV
import does) late that afternoon, so a day's moves cost one transaction, not one each. Moves
that would lie after ``now`` have not happened yet: recent cases are still open.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from counterdesk.queue.cases import (
    CaseMove,
    Cases,
    Registration,
    working_days_after,
    working_days_between,
)
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.database import Database
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import CaseStage, Status, TicketRow
from counterdesk.queue.office import Office

S = CaseStage
CORRECTION_SHARE = 0.15
NEVER_CORRECTED = 0.1  # of the corrections: the citizen never comes back
REJECTED_SHARE = 0.04
DECISION_SPREAD = 0.45  # lognormal sigma of the days to decision, around ``DECISION_MEDIAN``
DECISION_MEDIAN = 0.6  # of the standard: most cases are decided in time, some late
HAND_OVER = (S.READY, S.MAILED, S.ELECTRONIC)  # how decisions are handed over, how often
HAND_OVER_WEIGHTS = (5, 3, 2)
BATCH_TIME = dt.time(16, 30)  # when the back office moves the day's cases
BY = "import:backoffice"


@dataclass(frozen=True)
class _Step:
    day: dt.date
    move: CaseMove


def simulate_cases(
    db: Database, office: Office, day: dt.date, *, seed: int, now: dt.datetime
) -> int:
    """Register a case for each of ``day``'s finished tickets of a case service and move the
    cases as far as ``now``; how many were registered."""
    rng = random.Random(f"{seed}:{day.isoformat()}:cases")
    clock = ManualClock(now)
    cases = Cases(TicketEngine(db, clock, office))
    followed = {s.code: s.cases.standard_days for s in office.services if s.cases is not None}
    with db.read() as session:
        finished = session.execute(
            select(
                TicketRow.id,
                TicketRow.number,
                TicketRow.service_code,
                TicketRow.finished_at,
                TicketRow.staff_code,
            )
            .where(
                TicketRow.business_date == day,
                TicketRow.status == Status.DONE,
                TicketRow.service_code.in_(followed),
                TicketRow.finished_at <= now,
            )
            .order_by(TicketRow.finished_at, TicketRow.id)
        ).all()
    if finished:
        clock.set(finished[-1].finished_at)
    registered = cases.register_many(
        [
            Registration(
                f"{day:%Y%m%d}-{ticket.number}",
                ticket_id=ticket.id,
                by=ticket.staff_code,
                handed_in=ticket.finished_at,
            )
            for ticket in finished
        ]
    )
    steps: dict[dt.date, list[CaseMove]] = defaultdict(list)
    for ticket, case in zip(finished, registered, strict=True):
        for step in _course(rng, office, day, case.number, followed[ticket.service_code]):
            steps[step.day].append(step.move)
    for moved_on in sorted(steps):
        at = dt.datetime.combine(moved_on, BATCH_TIME, office.zone)
        if at > now:
            break
        clock.set(at)
        cases.move_many(steps[moved_on], by=BY)
    return len(finished)


def _course(
    rng: random.Random, office: Office, day: dt.date, number: str, standard: int
) -> list[_Step]:
    """The moves of one case received on ``day``, each on a later working day than the last."""
    steps: list[_Step] = []

    def then(after: int, stage: CaseStage, note: str | None = None, due: int = 0) -> None:
        """Move ``after`` working days after the last move (at least one); ``due`` working
        days after that for a correction."""
        on = working_days_after(office, steps[-1].day if steps else day, max(1, after))
        by = working_days_after(office, on, due) if due else None
        steps.append(_Step(on, CaseMove(number, stage, note=note, due=by)))

    then(1, S.UNDER_REVIEW)
    if rng.random() < CORRECTION_SHARE:
        then(rng.randint(1, 2), S.CORRECTION, note="補正文件 documents to complete", due=8)
        if rng.random() < NEVER_CORRECTED:
            return steps
        then(rng.randint(1, 4), S.UNDER_REVIEW)
    took = round(rng.lognormvariate(0, DECISION_SPREAD) * DECISION_MEDIAN * standard)
    decided = working_days_after(office, day, max(1, took))
    verdict = S.REJECTED if rng.random() < REJECTED_SHARE else S.APPROVED
    then(working_days_between(office, steps[-1].day, decided), verdict)  # or the next day
    handed = rng.choices(HAND_OVER, HAND_OVER_WEIGHTS)[0]
    then(rng.randint(1, 2), handed)
    then(rng.randint(1, 5) if handed == S.READY else rng.randint(1, 3), S.CLOSED)
    return steps
