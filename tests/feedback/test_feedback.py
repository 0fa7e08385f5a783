"""Ratings, opinions and satisfaction figures, on a real SQLite file with a manual clock."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from counterdesk.analytics.satisfaction import satisfaction
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.feedback.ratings import RatingRefused
from counterdesk.queue import Database, ManualClock, NotFound, Office, QueueError, TicketEngine
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.models import Base
from counterdesk.queue.views import Ticket


def served(engine: TicketEngine, service: str = "precheck", counter: int = 1) -> Ticket:
    """Issue, call, start and finish one ticket at ``counter`` (signing staff in if needed)."""
    if counter not in {c.number for c in engine.read.status().counters if c.staff}:
        engine.sign_in(counter, ["wang", "chen", "lin", "zhang"][counter - 1])
    ticket = engine.issue(service)
    engine.call_ticket(counter, ticket.number)
    engine.start(counter)
    return engine.finish(counter)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_migrations_build_exactly_the_models(
    backend: str, sqlite_url: str, request: pytest.FixtureRequest
) -> None:
    """The hand-written migrations and the models agree, so a fresh and an upgraded database
    are the same."""
    url = sqlite_url if backend == "sqlite" else request.getfixturevalue("pg_url")
    db = Database(url)
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    db.dispose()


def test_finished_ticket_is_rated_once_with_its_counter_and_staff(engine: TicketEngine) -> None:
    ticket = served(engine)
    ratings = Feedback(engine).ratings
    assert ratings.can_rate(ticket.token)
    rating = ratings.rate(ticket.token, 4, "  快又清楚 Quick and clear  ")
    assert (rating.score, rating.comment, rating.number) == (
        4,
        "快又清楚 Quick and clear",
        ticket.number,
    )
    assert ratings.rating_for(ticket.token) == rating
    assert not ratings.can_rate(ticket.token)
    with pytest.raises(RatingRefused, match="already been rated"):
        ratings.rate(ticket.token, 5)
    figures = satisfaction(engine, ticket.business_date, ticket.business_date)
    assert [(s.key, s.ratings) for s in figures.by_counter] == [("1", 1)]
    assert [(s.key, s.mean) for s in figures.by_staff] == [("wang", 4.0)]
    assert [(s.key, s.faces) for s in figures.by_service] == [("precheck", (0, 0, 0, 1, 0))]


@pytest.mark.parametrize(
    ("score", "comment", "message"),
    [
        (0, None, "from 1 to 5"),
        (6, None, "from 1 to 5"),
        ("3", None, "from 1 to 5"),
        (True, None, "from 1 to 5"),
        (3, "x" * 501, "at most 500"),
    ],
)
def test_bad_scores_and_comments_are_refused_by_name(
    engine: TicketEngine, score: object, comment: str | None, message: str
) -> None:
    ticket = served(engine)
    with pytest.raises(ValueError, match=message):
        Feedback(engine).ratings.rate(ticket.token, score, comment)  # type: ignore[arg-type]  # wrong on purpose
    assert Feedback(engine).ratings.rating_for(ticket.token) is None


def test_unfinished_unknown_and_old_tickets_cannot_be_rated(
    engine: TicketEngine, clock: ManualClock
) -> None:
    ratings = Feedback(engine).ratings
    waiting = engine.issue("precheck")
    with pytest.raises(RatingRefused, match="only a finished visit"):
        ratings.rate(waiting.token, 5)
    with pytest.raises(NotFound):
        ratings.rate("no-such-token", 5)
    old = served(engine)
    clock.advance(days=engine.office.feedback.rating_days + 1)
    assert not ratings.can_rate(old.token)
    with pytest.raises(RatingRefused, match="days after the visit"):
        ratings.rate(old.token, 5)


def test_counter_screen_asks_only_for_the_ticket_just_finished(
    engine: TicketEngine, clock: ManualClock
) -> None:
    ratings = Feedback(engine).ratings
    assert ratings.awaiting_at_counter(1) is None
    first = served(engine)
    assert ratings.awaiting_at_counter(1) == (first.token, first.number)
    assert ratings.awaiting_at_counter(2) is None
    ratings.rate(first.token, 5, source="counter")
    assert ratings.awaiting_at_counter(1) is None
    second = served(engine)
    engine.call_ticket(1, engine.issue("precheck").number)  # the next citizen is called
    assert ratings.awaiting_at_counter(1) is None
    assert ratings.can_rate(second.token)  # still rateable on the phone
    engine.no_show(1)
    third = served(engine)
    clock.advance(minutes=11)
    assert ratings.awaiting_at_counter(1) is None
    assert ratings.can_rate(third.token)


def test_opinion_is_followed_from_receipt_to_closing(
    engine: TicketEngine, clock: ManualClock
) -> None:
    ticket = served(engine)
    book = Opinions(engine)
    opinion = book.submit(
        "等候區冷氣太冷 The waiting area is too cold", contact="0912-345-678", token=ticket.token
    )
    assert opinion.reference.startswith("OP-20261127-")
    assert (opinion.status, opinion.number, opinion.counter, opinion.staff) == (
        "open",
        ticket.number,
        1,
        "wang",
    )
    clock.advance(days=1)
    assert book.assign(opinion.reference.lower(), "chen").assigned_to == "chen"
    with pytest.raises(QueueError, match="no answer yet"):
        book.close(opinion.reference)
    clock.advance(days=1)
    answered = book.answer(opinion.reference, "已調整溫度 Temperature adjusted", "chen")
    assert (answered.status, answered.age_days, answered.overdue) == ("answered", 2.0, False)
    clock.advance(days=5)
    assert book.get(opinion.reference).age_days == 2.0  # the time to answer stopped at the answer
    closed = book.close(opinion.reference, "chen")
    assert closed.status == "closed" and closed.contact == "0912-345-678"
    with pytest.raises(QueueError, match="already closed"):
        book.answer(opinion.reference, "again", "chen")
    assert [kind for _, kind, _, _ in book.history(opinion.reference)] == [
        "received",
        "assigned",
        "answered",
        "closed",
    ]
    assert book.listing() == []
    assert [o.reference for o in book.listing(open_only=False)] == [opinion.reference]


def test_contact_details_are_deleted_after_the_retention_time(
    engine: TicketEngine, clock: ManualClock
) -> None:
    book = Opinions(engine)
    keep = engine.office.feedback.contact_retention_days
    closed = book.submit("Please call me back", channel="phone", contact="mail@example.com")
    still_open = book.submit("Another one", channel="phone", contact="0911-000-000")
    book.answer(closed.reference, "Called back", "li")
    book.close(closed.reference)
    clock.advance(days=keep - 1)
    assert book.purge_contacts() == 0
    clock.advance(days=1)
    assert book.purge_contacts() == 1
    purged = book.get(closed.reference)
    assert (purged.contact, purged.contact_deleted, purged.body) == (
        None,
        True,
        "Please call me back",
    )
    assert book.history(closed.reference)[-1][1] == "contact_deleted"
    assert book.get(still_open.reference).contact == "0911-000-000"
    assert book.purge_contacts() == 0


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"body": "   "}, ValueError, "the opinion is empty"),
        ({"body": "x" * 2001}, ValueError, "at most 2000"),
        ({"body": "ok", "contact": "x" * 201}, ValueError, "at most 200"),
        ({"body": "ok", "channel": "fax"}, ValueError, "channel must be one of"),
        ({"body": "ok", "service": "nope"}, NotFound, "unknown service 'nope'"),
        ({"body": "ok", "counter": 99}, NotFound, "unknown counter 99"),
        ({"body": "ok", "token": "nope"}, NotFound, "no ticket"),
    ],
)
def test_bad_opinions_are_refused_and_nothing_is_recorded(
    engine: TicketEngine,
    kwargs: dict,
    error: type[Exception],
    message: str,
) -> None:
    book = Opinions(engine)
    with pytest.raises(error, match=message):
        book.submit(**kwargs)
    assert book.listing(open_only=False) == []


def test_unknown_references_and_staff_are_named(engine: TicketEngine) -> None:
    book = Opinions(engine)
    with pytest.raises(NotFound, match="no opinion 'OP-1'"):
        book.get("OP-1")
    opinion = book.submit("ok")
    with pytest.raises(NotFound, match="unknown staff member 'nobody'"):
        book.assign(opinion.reference, "nobody")
    assert book.get(opinion.reference).status == "open"


def test_open_opinions_show_their_age_and_become_overdue(
    engine: TicketEngine, clock: ManualClock
) -> None:
    book = Opinions(engine)
    opinion = book.submit("Where is my certificate?")
    clock.advance(days=engine.office.feedback.answer_target_days, hours=1)
    [listed] = book.listing()
    assert listed.reference == opinion.reference
    assert listed.overdue and listed.age_days > engine.office.feedback.answer_target_days
    received = dt.date(2026, 11, 27)
    assert [o.reference for o in book.listing(received=(received, received))] == [opinion.reference]
    assert book.listing(received=(received + dt.timedelta(days=1), engine.business_date())) == []
    today = engine.business_date()
    figures = satisfaction(engine, today - dt.timedelta(days=30), today).opinions
    assert (figures.received, figures.unanswered, figures.overdue) == (1, 1, 1)


def test_satisfaction_by_month_and_its_trend(engine: TicketEngine, clock: ManualClock) -> None:
    """Scores rising month after month give a positive trend; opinions' time to answer."""
    ratings, book = Feedback(engine).ratings, Opinions(engine)
    start = clock.now()
    for month, scores in enumerate([(2, 3), (3, 4), (5, 5)]):
        clock.set(start + dt.timedelta(days=28 * month))
        for score in scores:
            ratings.rate(served(engine).token, score)
        opinion = book.submit(f"month {month}")
        clock.advance(days=month * 5)  # answered after 0, 5 and 10 days
        book.answer(opinion.reference, "done", "li")
    figures = satisfaction(engine, dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    assert [(m.key, m.mean) for m in figures.by_month] == [
        ("2026-11", 2.5),
        ("2026-12", 3.5),
        ("2027-01", 5.0),
    ]
    assert figures.trend_per_month == pytest.approx(1.25)
    assert (figures.overall.ratings, figures.overall.satisfied) == (
        6,
        0.5,  # 4, 5 and 5 of six ratings
    )
    assert figures.opinions.median_days_to_answer == 5.0
    assert figures.opinions.answered_in_time == pytest.approx(2 / 3, abs=1e-3)
    empty = satisfaction(engine, dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert (empty.overall.ratings, empty.overall.mean, empty.trend_per_month) == (0, None, None)


def test_a_comment_asking_for_a_reply_becomes_an_opinion_with_the_rating(
    engine: TicketEngine,
) -> None:
    """One transaction: a rating is never kept without the opinion sent with it, filed in the
    facade's one opinion book."""
    feedback = Feedback(engine)
    ratings, book = feedback.ratings, feedback.opinions
    assert ratings.opinions is book
    refused = served(engine)
    with pytest.raises(InvalidInput, match="contact details is 201 characters"):
        ratings.rate(refused.token, 2, "Too slow", reply=True, contact="x" * 201)
    assert ratings.rating_for(refused.token) is None and book.listing() == []
    ticket = served(engine)
    rating = ratings.rate(ticket.token, 2, "Too slow", reply=True, contact="0912-000-111")
    [opinion] = book.for_ticket(ticket.token)
    assert rating.opinion == opinion.reference
    assert (opinion.body, opinion.contact, opinion.number) == (
        "Too slow",
        "0912-000-111",
        ticket.number,
    )
    silent = served(engine)  # a comment without a reply wanted stays with the rating only
    assert ratings.rate(silent.token, 4, "Fine", contact="ignored").opinion is None
    assert book.for_ticket(silent.token) == []


def test_typed_text_is_normalised_and_control_characters_refused(engine: TicketEngine) -> None:
    ratings = Feedback(engine).ratings
    ticket = served(engine)
    with pytest.raises(InvalidInput, match="control characters"):
        ratings.rate(ticket.token, 3, "a\x00b")
    with pytest.raises(InvalidInput, match="control characters"):
        Opinions(engine).submit("ok", contact="a\x00b")
    lines = "line\r\n" * 80  # a browser's textarea counts each break as one character
    assert ratings.rate(ticket.token, 3, lines).comment == ("line\n" * 80).strip()


@pytest.mark.postgres
def test_simultaneous_ratings_of_one_ticket_on_postgresql(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """Across connections the unique constraint decides, and the loser hears "already rated"."""
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    ticket = served(engine)
    barrier = threading.Barrier(6)

    def rate(score: int) -> str:
        barrier.wait()
        try:
            Feedback(engine).ratings.rate(ticket.token, score)
        except RatingRefused:
            return "refused"
        return "rated"

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        outcomes = sorted(pool.map(rate, [1, 2, 3, 4, 5, 5]))
    assert outcomes == ["rated"] + ["refused"] * 5
    engine.db.dispose()


@pytest.mark.postgres
def test_satisfaction_is_counted_the_same_on_postgresql(
    engine: TicketEngine, pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """The database counts the ratings by month (PostgreSQL's extract gives decimals) and
    group: the same figures as on SQLite."""
    on_postgresql = TicketEngine(Database(pg_url), clock)
    on_postgresql.load_office(sample_office)
    start = clock.now()
    for queue in (engine, on_postgresql):
        for month, (score, counter) in enumerate([(2, 1), (4, 2), (5, 1)]):
            clock.set(start + dt.timedelta(days=28 * month))
            Feedback(queue).ratings.rate(served(queue, counter=counter).token, score)
    first, last = dt.date(2026, 11, 1), dt.date(2027, 1, 31)
    figures = satisfaction(on_postgresql, first, last)
    assert figures == satisfaction(engine, first, last)
    assert [(m.key, m.ratings) for m in figures.by_month] == [
        ("2026-11", 1),
        ("2026-12", 1),
        ("2027-01", 1),
    ]
    assert [(c.key, c.ratings) for c in figures.by_counter] == [("1", 2), ("2", 1)]
    on_postgresql.db.dispose()
