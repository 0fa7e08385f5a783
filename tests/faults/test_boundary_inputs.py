"""Inputs the database would decide about (issue 12, item 7), refused first, alike on SQLite
and PostgreSQL: out-of-range and huge integers, negative limits, NUL and over-long codes and
texts. Each refusal is a CounterdeskError with a message naming the value, never a driver
error, and leaves the database exactly as it was (no ticket stuck half-finished).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from counterdesk.command_line import BROKEN_PIPE
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.arguments import (
    CODE_LENGTH,
    NUMBER_LENGTH,
    REFERENCE_LENGTH,
    TOKEN_LENGTH,
)
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.models import (
    CounterSessionRow,
    OpinionRow,
    ServiceRow,
    StaffRow,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office
from counterdesk.simulation.simulator import Plan, fill_history, simulate
from tests.conftest import OPENING, ROOT, Run
from tests.pg_server import fresh_database

_names = itertools.count(1)
HUGE = (0, -1, 1000, 2**31, 2**63, 10**30)  # counter numbers no office can have
BAD_TEXTS = ("A\x00", "x" * 10_000)  # NUL (PostgreSQL refuses it) and over-long


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, pytest.mark.slow])],
)
def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sample_office: Office
) -> Iterator[TicketEngine]:
    """One engine per back end: counter 1 serving A001, counter 2 signed in and free, A002
    waiting. Every case is refused, so the cases share it and check it is unchanged."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bounds') / 'office.sqlite3'}"
    else:
        url = fresh_database(request.getfixturevalue("pg_server"), f"b{next(_names)}")
    engine = TicketEngine(Database(url, create=True), ManualClock(OPENING))
    engine.load_office(sample_office)
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.issue("precheck")
    engine.issue("precheck")
    engine.call_next(1)
    engine.start(1)
    yield engine
    engine.db.dispose()


def snapshot(engine: TicketEngine) -> tuple[Any, ...]:
    with engine.db.read() as session:
        tickets = session.execute(
            select(TicketRow.number, TicketRow.status, TicketRow.counter_number).order_by(
                TicketRow.id
            )
        ).all()
        sessions = session.execute(
            select(CounterSessionRow.counter_number, CounterSessionRow.signed_out_at)
        ).all()
        events = session.execute(select(func.count()).select_from(TicketEventRow)).scalar_one()
        return tickets, sessions, events


Action = Callable[[TicketEngine], object]
COUNTER_COMMANDS: dict[str, Callable[[TicketEngine, int], object]] = {
    "call_next": lambda e, n: e.call_next(n),
    "call_ticket": lambda e, n: e.call_ticket(n, "A002"),
    "recall": lambda e, n: e.recall(n),
    "start": lambda e, n: e.start(n),
    "finish": lambda e, n: e.finish(n, "done"),
    "no_show": lambda e, n: e.no_show(n),
    "transfer": lambda e, n: e.transfer(n, "enquiry"),
    "sign_in": lambda e, n: e.sign_in(n, "lin"),
    "sign_out": lambda e, n: e.sign_out(n),
    "pause": lambda e, n: e.pause(n),
    "resume": lambda e, n: e.resume(n),
    "awaiting rating": lambda e, n: Feedback(e).ratings.awaiting_at_counter(n),
}
CASES: list[tuple[str, Action, type[Exception], str]] = [
    *(
        (f"{name}({number})", lambda e, c=command, n=number: c(e, n), InvalidInput, "counter")
        for name, command in COUNTER_COMMANDS.items()
        for number in HUGE
    ),
    # The reported case: an outcome too long for its column, the ticket must stay serving.
    ("finish(long)", lambda e: e.finish(1, "x" * 201), InvalidInput, "the outcome is 201"),
    ("finish(NUL)", lambda e: e.finish(1, "ok\x00"), InvalidInput, "control characters"),
    ("issue(long note)", lambda e: e.issue("precheck", note="n" * 300), InvalidInput, "note"),
    *(
        (f"{name}({text[:3]!r})", action, InvalidInput, what)
        for text in BAD_TEXTS
        for name, action, what in (
            ("issue", lambda e, t=text: e.issue(t), "the service code"),
            ("transfer", lambda e, t=text: e.transfer(1, t), "the service code"),
            ("waiting", lambda e, t=text: e.read.waiting(t), "the service code"),
            ("estimate", lambda e, t=text: e.read.estimate(t), "the service code"),
            ("sign_in staff", lambda e, t=text: e.sign_in(3, t), "the staff code"),
            ("check_pin", lambda e, t=text: e.check_pin(t, "1234", counter=2), "the staff code"),
            ("call_ticket", lambda e, t=text: e.call_ticket(2, t), "the ticket number"),
            ("cancel", lambda e, t=text: e.cancel(t), "the ticket number"),
            ("return", lambda e, t=text: e.return_to_queue(t), "the ticket number"),
            ("ticket", lambda e, t=text: e.read.ticket(t), "the ticket number"),
            ("opinion", lambda e, t=text: Opinions(e).get(t), "the opinion reference"),
            ("assign", lambda e, t=text: Opinions(e).assign(t, "wang"), "opinion reference"),
        )
    ),
    ("rate(NUL)", lambda e: Feedback(e).ratings.rate("t\x00", 5), NotFound, "no ticket"),
    ("rate(huge)", lambda e: Feedback(e).ratings.rate("t", 2**63), InvalidInput, "score"),
    ("print state", lambda e: e.set_print_state(2**64, "printed"), InvalidInput, "ticket id"),
    ("cancel('')", lambda e: e.cancel("  "), InvalidInput, "the ticket number is empty"),
    ("counter 'x'", lambda e: e.call_next("1"), InvalidInput, "whole number"),  # type: ignore[arg-type]
    ("events limit -1", lambda e: e.read.events_after(0, -1), InvalidInput, "the limit -1"),
    ("events limit 0", lambda e: e.read.events_after(0, 0), InvalidInput, "the limit 0"),
    ("events limit huge", lambda e: e.read.events_after(0, 2**63), InvalidInput, "the limit"),
    ("events after -1", lambda e: e.read.events_after(-1), InvalidInput, "the last event id"),
    ("events after 2**63", lambda e: e.read.events_after(2**63), InvalidInput, "event id"),
    ("events also", lambda e: e.read.events_after(0, also=[2**64]), InvalidInput, "event id"),
    # In range but unknown: the queue's own answer, as before.
    ("call_next(7)", lambda e: e.call_next(7), NotFound, "unknown counter 7"),
    ("ticket Z999", lambda e: e.read.ticket("Z999"), NotFound, "no ticket"),
]


@pytest.mark.parametrize(
    ("action", "error", "message"),
    [pytest.param(a, e, m, id=name) for name, a, e, m in CASES],
)
def test_refused_with_words_and_nothing_changes(
    office: TicketEngine, action: Action, error: type[Exception], message: str
) -> None:
    before = snapshot(office)
    with pytest.raises(error, match=message.replace("(", r"\(")):
        action(office)
    assert snapshot(office) == before


@pytest.mark.parametrize("token", ["t\x00", "t" * 10_000, ""])
def test_a_token_no_ticket_can_have_is_no_ticket(office: TicketEngine, token: str) -> None:
    assert office.read.ticket_by_token(token) is None
    feedback = Feedback(office)
    assert feedback.ratings.rating_for(token) is None
    assert not feedback.ratings.can_rate(token)
    assert feedback.opinions.for_ticket(token) == []


def test_the_ticket_refused_a_long_outcome_can_still_be_finished(office: TicketEngine) -> None:
    """Last, as it changes the shared office: A001 was left serving, so it finishes."""
    assert office.read.ticket("A001").status == "serving"
    assert office.finish(1, "x" * 200).status == "done"


@pytest.mark.slow
def test_a_closed_pipe_ends_the_command_quietly(
    tmp_path: Path, clock: ManualClock, sample_office: Office
) -> None:
    """``counterdesk events | head -1`` through a real pipe: far more output than the pipe
    holds, the reader closes it after one line, and the command ends without a traceback."""
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    engine = TicketEngine(Database(url, create=True), clock)
    engine.load_office(sample_office)
    note = "phone booking " * 12
    for index in range(800):  # about 200 KB of event lines, over three times what a pipe holds
        if index % 150 == 0:  # each service's daily cap is at least 150
            clock.advance(days=1)
        engine.issue("precheck", note=note)
    engine.db.dispose()
    env = {**os.environ, "COUNTERDESK_CONFIG": str(tmp_path / "none.toml")}
    env.pop("COUNTERDESK_OFFICE", None)
    command = [sys.executable, str(ROOT / "main.py"), "--db", url, "events", "--limit", "5000"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert b"office_loaded" in first
    assert errors == ""
    assert code == BROKEN_PIPE


@pytest.mark.slow
@pytest.mark.parametrize(
    "back_end", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_the_command_line_says_one_line_and_exits_2(
    run: Run, request: pytest.FixtureRequest, back_end: str
) -> None:
    url = request.getfixturevalue("sqlite_url" if back_end == "sqlite" else "pg_url")
    for args, message in (
        (("events", "--limit", "-1"), "the limit -1 is out of range (1 to 100,000)"),
        (
            ("call", "--counter", str(2**63), "--staff", "wang"),
            f"counter {2**63} is out of range (1 to 999)",
        ),
        (
            ("cancel", "A\x01"),
            "the ticket number contains control characters; only text can be kept",
        ),
    ):
        answer = run("--db", url, *args)
        assert (answer.returncode, answer.stderr) == (2, f"counterdesk: {message}\n")


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ({"service_minutes": float("nan")}, "--service-minutes must be a number, not nan"),
        ({"service_minutes": 10_000.0}, "--service-minutes must be at most 480"),
        ({"no_show_share": float("nan")}, "no_show_share must be a number"),
        ({"arrivals": {9: float("inf")}}, "the arrival rate at 9:00 must be a number"),
        ({"arrivals": {9: 1e300}}, "arrival rates above 3600 citizens per hour"),
    ],
)
def test_a_simulation_plan_refuses_numbers_no_office_has(
    plan: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Plan(**plan)


@pytest.mark.parametrize("days", [0, -1, 3661, 10**9, 2**63])
def test_simulated_days_stay_in_range(engine: TicketEngine, days: int) -> None:
    for run_simulation in (
        lambda: simulate(engine, OPENING.date(), Plan(), days=days),
        lambda: fill_history(engine, days=days),
    ):
        with pytest.raises(InvalidInput, match="out of range"):
            run_simulation()


def test_the_checked_lengths_are_the_columns() -> None:
    """The limits in queue/arguments.py are the models' column sizes, kept in step here."""
    lengths = {
        CODE_LENGTH: (ServiceRow.code, StaffRow.code, TicketEventRow.staff_code),
        NUMBER_LENGTH: (TicketRow.number,),
        TOKEN_LENGTH: (TicketRow.token,),
        REFERENCE_LENGTH: (OpinionRow.reference,),
    }
    for length, columns in lengths.items():
        assert {column.type.length for column in columns} == {length}
