"""Simulated ratings and opinions for a simulated day, so the demo's satisfaction figures and
opinion list have something to show.

They are drawn after the day's tickets are written, from those tickets, with a random
generator seeded by the plan's seed and the date: both simulator back ends write the same
tickets, so both get the same feedback, and a seeded run repeats. A citizen who waited past
the service's target wait rates lower on average, so busy days score lower. Follow-up steps
that would lie after ``now`` have not happened yet: recent opinions are still open.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.orm import Session

from counterdesk.feedback.opinions import OpinionStatus, reference_for
from counterdesk.queue.database import Database
from counterdesk.queue.models import OpinionEventRow, OpinionRow, RatingRow, Status, TicketRow
from counterdesk.queue.office import Office, seconds_of_day

RATING_MEAN = 4.4  # mean faces given by a citizen called within the target wait
WAIT_PENALTY = 0.5  # faces lost per target wait waited beyond the target
WORST_MEAN = 1.8
RATING_SPREAD = 0.8
COUNTER_SCREEN_SHARE = 0.6  # ratings given at the counter's screen rather than on a phone
CHANNELS = {"web": 4, "counter": 2, "phone": 2, "email": 2, "letter": 1, "in_person": 1}
CONTACT_SHARE = 0.5  # opinions that leave contact details for the answer
ANSWER_MEDIAN_DAYS = 2.0
ANSWER_SPREAD = 0.8  # lognormal sigma: about one opinion in twenty takes over a week
# What citizens write, and what the office answers.
OPINIONS = (
    ("等候區冷氣太冷，請調高溫度。", "已請總務調整等候區空調溫度。"),
    ("承辦人說明清楚又有耐心，謝謝！", "謝謝您的肯定，已轉達承辦同仁。"),
    ("叫號螢幕的號碼太小，坐在後排看不清楚。", "已放大看板號碼字體並調整螢幕位置。"),
    ("希望增加線上預約，不必現場等候。", "線上預約規劃中，上線後將於網站公告。"),
    ("補件規定網站與現場說法不一致。", "已更正網站說明，並統一櫃檯說明內容。"),
    ("The English forms are hard to find on the website.", "Links added on the home page."),
    ("中午休息時段只開一個櫃檯，等了很久。", "已調整午間輪值，尖峰時段增開櫃檯。"),
    ("規費可否使用行動支付？", "已於第 1 櫃檯提供行動支付。"),
)


@dataclass(frozen=True)
class Feedback:
    ratings: int
    opinions: int


def simulate_feedback(
    db: Database,
    office: Office,
    day: dt.date,
    *,
    seed: int,
    rating_share: float,
    opinions_per_week: float,
    now: dt.datetime,
) -> Feedback:
    """Rate a share of ``day``'s finished tickets and record a few opinions, up to ``now``."""
    rng = random.Random(f"{seed}:{day.isoformat()}:feedback")
    with db.write() as session:
        finished = session.execute(
            select(
                TicketRow.id,
                TicketRow.service_code,
                TicketRow.counter_number,
                TicketRow.staff_code,
                TicketRow.issued_at,
                TicketRow.last_called_at,
                TicketRow.finished_at,
            )
            .where(TicketRow.business_date == day, TicketRow.status == Status.DONE)
            .order_by(TicketRow.id)
        ).all()
        if not finished:  # a closed day: nobody to rate or to write in
            return Feedback(0, 0)
        ratings = _ratings(rng, office, day, finished, rating_share, now)
        if ratings:
            session.execute(insert(RatingRow.__table__), ratings)
        per_day = opinions_per_week / len(office.office.hours.days)
        count = _poisson(rng, per_day)
        for _ in range(count):
            _opinion(session, rng, office, day, finished, now)
    return Feedback(len(ratings), count)


def _ratings(
    rng: random.Random,
    office: Office,
    day: dt.date,
    finished: Sequence[Row[*tuple[Any, ...]]],
    share: float,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    rows = []
    for ticket in finished:
        if rng.random() >= share:
            continue
        target = 60 * office.service(ticket.service_code).target_wait_minutes
        waited = (ticket.last_called_at - ticket.issued_at).total_seconds()
        mean = max(WORST_MEAN, RATING_MEAN - WAIT_PENALTY * max(0.0, waited / target - 1))
        score = min(5, max(1, round(rng.gauss(mean, RATING_SPREAD))))
        at_counter = rng.random() < COUNTER_SCREEN_SHARE
        delay = rng.uniform(10, 300) if at_counter else rng.uniform(600, 6 * 3600)
        rated_at = ticket.finished_at + dt.timedelta(seconds=delay)
        if rated_at > now:
            continue
        rows.append(
            {
                "ticket_id": ticket.id,
                "rated_at": rated_at,
                "business_date": day,
                "service_code": ticket.service_code,
                "counter_number": ticket.counter_number,
                "staff_code": ticket.staff_code,
                "score": score,
                "comment": None,
                "source": "counter" if at_counter else "web",
            }
        )
    return rows


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the handful of opinions a day."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _opinion(
    session: Session,
    rng: random.Random,
    office: Office,
    day: dt.date,
    finished: Sequence[Row[*tuple[Any, ...]]],
    now: dt.datetime,
) -> None:
    """One opinion received on ``day``, followed up as far as ``now`` allows."""
    channel = rng.choices(list(CHANNELS), list(CHANNELS.values()))[0]
    about = rng.choice(finished) if channel in ("web", "counter") else None
    if about is not None:
        received = about.finished_at + dt.timedelta(minutes=rng.uniform(2, 90))
    else:
        hours = office.office.hours.sessions
        midnight = dt.datetime.combine(day, dt.time(), office.zone)
        opens, closes = seconds_of_day(hours[0].open), seconds_of_day(hours[-1].close)
        received = midnight + dt.timedelta(seconds=opens + (closes - opens) * rng.random())
    received = received.astimezone(dt.UTC)
    if received > now:
        return
    body, answer = rng.choice(OPINIONS)
    staff = rng.choice(office.staff).code
    contact = f"demo-{rng.randrange(1000, 9999)}@example.com"
    wants_answer = channel != "counter" and rng.random() < CONTACT_SHARE
    assigned = received + dt.timedelta(hours=rng.uniform(1, 24))
    answered = received + dt.timedelta(
        days=rng.lognormvariate(math.log(ANSWER_MEDIAN_DAYS), ANSWER_SPREAD)
    )
    answered = max(answered, assigned + dt.timedelta(hours=1))
    closed = answered + dt.timedelta(days=rng.uniform(0.2, 2))
    purged = closed + dt.timedelta(days=office.feedback.contact_retention_days)
    steps = [
        (at, kind)
        for at, kind in (
            (assigned, "assigned"),
            (answered, "answered"),
            (closed, "closed"),
            (purged, "contact_deleted"),
        )
        if at <= now
    ]
    done = {kind for _, kind in steps}
    row = OpinionRow(
        reference=f"new-{rng.getrandbits(64):016x}",  # replaced once the id is known
        received_at=received,
        business_date=day,
        channel=channel,
        ticket_id=about.id if about else None,
        service_code=about.service_code if about else None,
        counter_number=about.counter_number if about else None,
        staff_code=about.staff_code if about else None,
        body=body,
        contact=contact if wants_answer and "contact_deleted" not in done else None,
        contact_deleted_at=purged if wants_answer and "contact_deleted" in done else None,
        status=next(
            (status for status in reversed(OpinionStatus) if status.value in done),
            OpinionStatus.OPEN,
        ),
        assigned_to=staff if "assigned" in done else None,
        assigned_at=assigned if "assigned" in done else None,
        answer=answer if "answered" in done else None,
        answered_by=staff if "answered" in done else None,
        answered_at=answered if "answered" in done else None,
        closed_at=closed if "closed" in done else None,
    )
    session.add(row)
    session.flush()
    row.reference = reference_for(day, row.id)
    events = [(received, "received", None, channel)] + [
        (at, kind, staff if kind in ("assigned", "answered", "closed") else None, None)
        for at, kind in steps
        if kind != "contact_deleted" or wants_answer
    ]
    session.add_all(
        OpinionEventRow(opinion_id=row.id, at=at, kind=kind, staff_code=who, note=note)
        for at, kind, who, note in events
    )
