"""The day simulator: through the real engine, its fast path, Erlang C, and bad input."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counterdesk.analytics.statistics import statistics_for
from counterdesk.queue import Database, ManualClock, QueueError, TicketEngine, parse_office
from counterdesk.queue.models import (
    OPEN,
    CounterRow,
    CounterSessionRow,
    DailySequenceRow,
    OpinionEventRow,
    OpinionRow,
    RatingRow,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import ClosedDate, Office
from counterdesk.simulation.erlang import mean_wait, probability_of_waiting
from counterdesk.simulation.simulator import Plan, parse_arrivals, simulate

MONDAY = dt.date(2026, 11, 2)
# A short, busy morning: priority tickets, no-shows and several services at four counters.
BUSY_MORNING = Plan(
    arrivals={9: 40.0, 10: 30.0},
    no_show_share=0.2,
    priority_share=0.25,
    seed=7,
)


def fresh_engine(url: str, office: Office) -> TicketEngine:
    engine = TicketEngine(
        Database(url, create=True), ManualClock(dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    )
    engine.load_office(office)
    return engine


# The wait promised at issue is a projection of the live queue, which the fast path does not
# keep (it holds one day in memory by the engine's rules and writes it at the close): its
# tickets carry no promise, and the accuracy figures count only tickets with one. Nothing
# writes the latest shown wait in either path (only the status server does).
PROMISE = ("issue_wait_minutes", "issue_wait_low", "issue_wait_high")


def promised(engine: TicketEngine) -> list[float]:
    """The promised waits of the tickets that have one."""
    with engine.db.read() as session:
        minutes = select(TicketRow.issue_wait_minutes).where(
            TicketRow.issue_wait_minutes.is_not(None)
        )
        return [m for m in session.scalars(minutes) if m is not None]


def written(engine: TicketEngine) -> dict[str, list[tuple[object, ...]]]:
    """Everything the simulator wrote, with database ids, random tokens and the promised
    waits left out."""
    with engine.db.read() as session:
        numbers = dict(session.execute(select(TicketRow.id, TicketRow.number)).all())
        tickets = [
            tuple(
                getattr(row, c.key)
                for c in TicketRow.__table__.columns
                if c.key not in ("id", "token", *PROMISE)
            )
            for row in session.scalars(select(TicketRow).order_by(TicketRow.id))
        ]
        events = [
            (
                e.at,
                e.kind,
                numbers.get(e.ticket_id),
                e.counter_number,
                e.staff_code,
                e.service_code,
                e.outcome,
            )
            for e in session.scalars(
                select(TicketEventRow)
                .where(TicketEventRow.kind != "office_loaded")
                .order_by(TicketEventRow.id)
            )
        ]
        sessions = session.execute(
            select(
                CounterSessionRow.counter_number,
                CounterSessionRow.staff_code,
                CounterSessionRow.signed_in_at,
                CounterSessionRow.signed_out_at,
                CounterSessionRow.paused_since,
            ).order_by(CounterSessionRow.id)
        ).all()
        sequences = (
            session.execute(
                select(DailySequenceRow).order_by(
                    DailySequenceRow.business_date, DailySequenceRow.service_code
                )
            )
            .scalars()
            .all()
        )
        streaks = session.execute(select(CounterRow.number, CounterRow.priority_streak)).all()
        ratings = [
            (numbers[r.ticket_id], r.rated_at, r.score, r.source, r.staff_code)
            for r in session.scalars(select(RatingRow).order_by(RatingRow.id))
        ]
        opinions = [
            tuple(getattr(row, c.key) for c in OpinionRow.__table__.columns if c.key != "ticket_id")
            for row in session.scalars(select(OpinionRow).order_by(OpinionRow.id))
        ]
        follow_up = session.execute(
            select(OpinionEventRow.at, OpinionEventRow.kind, OpinionEventRow.staff_code).order_by(
                OpinionEventRow.id
            )
        ).all()
    return {
        "tickets": tickets,
        "events": events,
        "sessions": [tuple(row) for row in sessions],
        "sequences": [(s.business_date, s.service_code, s.last_number) for s in sequences],
        "streaks": [tuple(row) for row in streaks],
        "ratings": ratings,
        "opinions": opinions,
        "follow_up": [tuple(row) for row in follow_up],
    }


def test_fast_path_writes_exactly_what_the_engine_writes(
    tmp_path: Path, sample_office: Office
) -> None:
    through_engine = fresh_engine(f"sqlite:///{tmp_path / 'engine.sqlite3'}", sample_office)
    fast = fresh_engine(f"sqlite:///{tmp_path / 'fast.sqlite3'}", sample_office)
    results = simulate(through_engine, MONDAY, BUSY_MORNING)
    assert simulate(fast, MONDAY, BUSY_MORNING, fast=True) == results
    assert results[0].issued > 40 and results[0].no_shows > 5
    expected, actual = written(through_engine), written(fast)
    for table in expected:
        assert actual[table] == expected[table], table
    assert promised(through_engine) and not promised(fast)
    kinds = {event[1] for event in expected["events"]}
    assert {"issued", "called", "recalled", "no_show", "started", "finished", "paused"} <= kinds
    assert any(ticket[5] for ticket in expected["tickets"])  # some priority tickets
    assert len(expected["ratings"]) > 5  # the feedback is drawn from the same tickets


def test_a_day_open_until_midnight_is_simulated_and_closed_like_any_other(
    tmp_path: Path, sample_office: Office
) -> None:
    """The demo's hours (00:00-24:00): the day's close comes at the next day's first moment,
    which closes it as yesterday; the fast path writes the same."""
    around_the_clock = sample_office.always_open()
    arrivals = Plan(arrivals=dict.fromkeys(range(24), 4.0), seed=2)
    through_engine = fresh_engine(f"sqlite:///{tmp_path / 'engine.sqlite3'}", around_the_clock)
    fast = fresh_engine(f"sqlite:///{tmp_path / 'fast.sqlite3'}", around_the_clock)
    results = simulate(through_engine, MONDAY, arrivals)
    assert simulate(fast, MONDAY, arrivals, fast=True) == results
    assert results[0].issued > 50
    expected, actual = written(through_engine), written(fast)
    for table in expected:
        assert actual[table] == expected[table], table
    with through_engine.db.read() as session:
        assert session.scalar(select(func.count()).where(TicketRow.status.in_(OPEN))) == 0
        assert (
            session.scalar(select(func.count()).where(CounterSessionRow.signed_out_at.is_(None)))
            == 0
        )


def test_a_seeded_run_repeats_and_another_seed_differs(
    tmp_path: Path, sample_office: Office
) -> None:
    runs = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        engine = fresh_engine(f"sqlite:///{tmp_path / name}.sqlite3", sample_office)
        simulate(engine, MONDAY, Plan(seed=seed), days=2, fast=True)
        runs.append(written(engine))
    assert runs[0] == runs[1]
    assert runs[0]["events"] != runs[2]["events"]
    assert runs[0]["ratings"] != runs[2]["ratings"]


def test_fewer_counters_mean_longer_waits(tmp_path: Path, sample_office: Office) -> None:
    """The staffing what-if: the same citizens (same seed), three counters instead of four."""
    waits = {}
    for counters in (4, 3):
        engine = fresh_engine(f"sqlite:///{tmp_path}/{counters}.sqlite3", sample_office)
        simulate(engine, MONDAY, Plan(counters=counters, seed=5), days=5, fast=True)
        waits[counters] = statistics_for(engine, MONDAY, MONDAY + dt.timedelta(days=4)).total.wait
    assert waits[3].mean > waits[4].mean


def queueing_office(servers: int) -> Office:
    """One service, ``servers`` identical counters, open around the clock: an M/M/c queue."""
    counters = "".join(
        f'  - {{number: {n}, name: {{zh: "櫃檯", en: "Counter"}}, services: [s]}}\n'
        for n in range(1, servers + 1)
    )
    staff = "".join(
        f'  - {{code: s{n}, name: {{zh: "職員", en: "Staff"}}}}\n' for n in range(1, servers + 1)
    )
    return parse_office(
        "office:\n"
        '  name: {zh: "排隊模型", en: "Queueing model"}\n'
        "  hours:\n"
        "    days: [mon, tue, wed, thu, fri, sat, sun]\n"
        '    sessions: [{open: "00:00", close: "23:59"}]\n'
        '    last_ticket: "23:59"\n'
        "services:\n"
        '  - {code: s, prefix: S, name: {zh: "服務", en: "Service"},'
        ' processing_time: {zh: "當場", en: "At once"}, steps: [{zh: "抽號", en: "Take a number"}],'
        ' fee: {zh: "免費", en: "Free"}, handling_minutes: 5, daily_cap: 999}\n'
        f"counters:\n{counters}staff:\n{staff}"
    )


def test_mean_wait_agrees_with_erlang_c(tmp_path: Path) -> None:
    """Poisson arrivals (12 an hour), exponential 5-minute service, 2 counters: M/M/2.

    Each day starts empty, so the first two hours are left out (the queue's warm-up). The
    tolerance is three standard errors of the mean, estimated from the spread between days.
    """
    servers, per_hour, minutes, days = 2, 12.0, 5.0, 30
    engine = fresh_engine(f"sqlite:///{tmp_path / 'mmc.sqlite3'}", queueing_office(servers))
    plan = Plan(
        arrivals=dict.fromkeys(range(24), per_hour),
        service_minutes=minutes,
        no_show_share=0,
        priority_share=0,
        walk_seconds=(0, 0),
        seed=11,
    )
    simulate(engine, MONDAY, plan, days=days, fast=True)
    last = MONDAY + dt.timedelta(days=days - 1)
    settled = [row for row in statistics_for(engine, MONDAY, last).hour if int(row.key) >= 2]
    waited = sum(row.wait.count for row in settled)
    simulated = sum(row.wait.mean * row.wait.count for row in settled) / waited / 60
    per_day = [
        statistics_for(engine, day, day).total.wait.mean / 60
        for day in (MONDAY + dt.timedelta(days=n) for n in range(days))
    ]
    error = statistics.stdev(per_day) / math.sqrt(days)
    expected = mean_wait(per_hour, minutes, servers)
    assert expected == pytest.approx(5 / 3)  # C(2, 1) = 1/3; Wq = C / (cμ − λ) = 1/3 ÷ 12/h
    assert waited > 7000 and error < 0.1 * expected
    assert abs(simulated - expected) < 3 * error


def test_erlang_c_formula() -> None:
    assert probability_of_waiting(1, 0.5) == pytest.approx(0.5)  # M/M/1: C = ρ
    assert probability_of_waiting(2, 1.4) == pytest.approx(0.5765, abs=1e-4)
    with pytest.raises(ValueError, match="below the 2 servers"):
        probability_of_waiting(2, 2.0)


def test_arrivals_and_plan_are_checked() -> None:
    assert parse_arrivals("40") == dict.fromkeys(range(24), 40.0)
    assert parse_arrivals("8=10, 9=25.5") == {8: 10.0, 9: 25.5}
    for bad in ("lots", "25=3", "9=-1", "9:10"):
        with pytest.raises(ValueError, match="--arrivals must be"):
            parse_arrivals(bad)
    with pytest.raises(ValueError, match="unknown distribution 'gamma'"):
        Plan(distribution="gamma")
    with pytest.raises(ValueError, match="--counters must be at least 1"):
        Plan(counters=0)


def test_simulator_refuses_days_with_tickets_and_signed_in_counters(
    engine: TicketEngine,
) -> None:
    with pytest.raises(QueueError, match="cannot open 9"):
        simulate(engine, MONDAY, Plan(counters=9), fast=True)
    simulate(engine, MONDAY, Plan(), fast=True)
    with pytest.raises(QueueError, match="2026-11-02 already has tickets"):
        simulate(engine, MONDAY - dt.timedelta(days=1), Plan(), days=2)
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"counters are signed in: 1 \(wang\)"):
        simulate(engine, MONDAY + dt.timedelta(days=1), Plan())


def test_lognormal_service_keeps_the_mean(tmp_path: Path, sample_office: Office) -> None:
    engine = fresh_engine(f"sqlite:///{tmp_path / 'ln.sqlite3'}", sample_office)
    plan = Plan(distribution="lognormal", service_minutes=6, arrivals={9: 6, 10: 6, 14: 6}, seed=2)
    simulate(engine, MONDAY, plan, days=10, fast=True)
    handling = statistics_for(engine, MONDAY, MONDAY + dt.timedelta(days=9)).total.handling
    assert handling.count > 100
    assert handling.mean == pytest.approx(360, rel=0.15)
    assert handling.median < handling.mean  # lognormal: skewed to the right


def test_simulated_feedback_is_plausible(tmp_path: Path, sample_office: Office) -> None:
    """About 30% of finished tickets rated, lower after long waits; a few opinions a week,
    followed up no further than the engine's clock (27 November) allows."""
    engine = fresh_engine(f"sqlite:///{tmp_path / 'feedback.sqlite3'}", sample_office)
    first = dt.date(2026, 9, 1)
    results = simulate(engine, first, Plan(seed=9), days=87, fast=True)
    now = engine.clock.now()
    with engine.db.read() as session:
        rated = session.execute(
            select(
                RatingRow.score,
                TicketRow.issued_at,
                TicketRow.last_called_at,
                TicketRow.service_code,
            ).join(TicketRow, TicketRow.id == RatingRow.ticket_id)
        ).all()
        finished = session.scalar(select(func.count()).where(TicketRow.status == "done"))
        opinions = list(session.scalars(select(OpinionRow).order_by(OpinionRow.id)))
    assert sum(r.ratings for r in results) == len(rated)
    assert 0.25 < len(rated) / finished < 0.35
    target = {s.code: 60 * s.target_wait_minutes for s in sample_office.services}
    late = [
        r.score
        for r in rated
        if (r.last_called_at - r.issued_at).total_seconds() > 2 * target[r.service_code]
    ]
    prompt = [
        r.score
        for r in rated
        if (r.last_called_at - r.issued_at).total_seconds() <= target[r.service_code]
    ]
    assert len(late) > 30 and statistics.fmean(late) < statistics.fmean(prompt) - 0.3
    assert 20 <= len(opinions) <= 60  # three a week, for about twelve weeks
    assert [o.reference for o in opinions[:1]] == [f"OP-{opinions[0].business_date:%Y%m%d}-0001"]
    answered = [o for o in opinions if o.answered_at is not None]
    assert len(answered) > 0.8 * len(opinions)
    assert all(o.received_at < o.answered_at <= now for o in answered)
    assert all((o.closed_at is None) == (o.status != "closed") for o in opinions)
    kept = dt.timedelta(days=sample_office.feedback.contact_retention_days)
    assert all(o.contact is None for o in opinions if o.closed_at and now - o.closed_at > kept)
    assert any(o.contact for o in opinions) and any(o.contact_deleted_at for o in opinions)


def test_a_closed_date_is_skipped(tmp_path: Path, sample_office: Office) -> None:
    """The office closed on Monday: nobody comes that day, Tuesday runs as usual."""
    info = sample_office.office.model_copy(
        update={"closed_dates": [ClosedDate(date=MONDAY, zh="臨時休息", en="Closed for repairs")]}
    )
    office = sample_office.model_copy(update={"office": info})
    engine = fresh_engine(f"sqlite:///{tmp_path}/closed.sqlite3", office)
    closed, tuesday = simulate(engine, MONDAY, Plan(seed=2), days=2, fast=True)
    assert (closed.day, closed.issued, closed.ratings) == (MONDAY, 0, 0)
    assert tuesday.issued > 0
