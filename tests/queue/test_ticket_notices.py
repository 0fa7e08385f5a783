"""A contact left on a ticket's status page: told once when at most ``queue.notify_ahead`` (3 in
the sample office) are ahead, by the number the status page shows, and once per call to a
counter; each notice written in the causing transaction; the contact gone when the ticket ends,
however it ends. Real SQLite file, the sample office, the clock at Friday 09:00."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from counterdesk.queue import ManualClock, NotFound, TicketEngine
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.models import OutboxRow, TicketContactRow
from counterdesk.queue.outbox import opt_out
from counterdesk.queue.ticket_watch import TicketWatch, WatchRefused, Why
from counterdesk.queue.views import Ticket

SERVICE = "precheck"  # counters 1, 2 and 3 call it; A001, A002, …
ZH, EN = (
    "經濟部商業發展署 公司登記櫃檯",
    "Administration of Commerce, MOEA — Company Registration Counter",
)


@pytest.fixture
def watch(engine: TicketEngine) -> TicketWatch:
    engine.sign_in(1, "wang")
    return TicketWatch(engine)


def outbox(engine: TicketEngine) -> dict[str, str]:
    """The outbox by key: body."""
    with engine.db.read() as session:
        return {row.key: row.body for row in session.scalars(select(OutboxRow))}


def contacts(engine: TicketEngine) -> dict[int, str]:
    with engine.db.read() as session:
        rows = session.scalars(select(TicketContactRow))
        return {row.ticket_id: row.contact for row in rows}


def queue_of(engine: TicketEngine, count: int) -> list[Ticket]:
    return [engine.issue(SERVICE) for _ in range(count)]


def serve_next(engine: TicketEngine, counter: int = 1) -> Ticket:
    called = engine.call_next(counter)
    assert called is not None
    engine.start(counter)
    engine.finish(counter)
    return called


def ahead_on_page(engine: TicketEngine, ticket: Ticket) -> int | None:
    shown = engine.read.ticket_by_token(ticket.token)
    assert shown is not None
    return shown.people_ahead


def test_told_once_at_three_ahead_then_where_to_go_and_forgotten_when_served(
    engine: TicketEngine, watch: TicketWatch
) -> None:
    *before, mine = queue_of(engine, 7)  # six ahead
    assert watch.leave(mine.token, "0912-345-678") == "0912***678"
    assert outbox(engine) == {}

    serve_next(engine)
    serve_next(engine)
    assert ahead_on_page(engine, mine) == 4 and outbox(engine) == {}
    serve_next(engine)
    assert ahead_on_page(engine, mine) == 3
    assert outbox(engine) == {
        f"ticket:{mine.id}:ahead": (
            f"{ZH}：您的號碼 A007 前面還有 3 人，請留意叫號。\n"
            f"{EN}: 3 people are ahead of A007. Please stay near."
        )
    }
    for _ in before[3:]:
        serve_next(engine)
    assert len(outbox(engine)) == 1  # fewer ahead is no new notice

    called = engine.call_next(1)
    assert called is not None and called.number == mine.number
    engine.recall(1)  # the same call again: nothing more
    sent = outbox(engine)
    assert len(sent) == 2
    assert sent[f"ticket:{mine.id}:called:1"] == (
        f"{ZH}：A007 號請至 1 號櫃檯。\n{EN}: A007. Please go to counter 1."
    )
    assert contacts(engine) == {mine.id: "0912345678"}
    engine.start(1)
    engine.finish(1)
    assert contacts(engine) == {}
    assert "0912" not in "".join(outbox(engine).values())  # a notice never repeats the contact


def test_left_near_the_front_it_is_told_at_once(engine: TicketEngine, watch: TicketWatch) -> None:
    _, mine = queue_of(engine, 2)
    watch.leave(mine.token, "Someone@Example.COM.tw")
    assert outbox(engine) == {
        f"ticket:{mine.id}:ahead": (
            f"{ZH}：您的號碼 A002 前面還有 1 人，請留意叫號。\n"
            f"{EN}: 1 person is ahead of A002. Please stay near."
        )
    }
    assert contacts(engine) == {mine.id: "Someone@example.com.tw"}


def test_a_cancel_ahead_brings_it_near(engine: TicketEngine, watch: TicketWatch) -> None:
    *ahead, mine = queue_of(engine, 5)
    watch.leave(mine.token, "0912345678")
    assert outbox(engine) == {}
    engine.cancel(ahead[2].number)
    assert ahead_on_page(engine, mine) == 3
    assert list(outbox(engine)) == [f"ticket:{mine.id}:ahead"]


def test_a_call_after_a_transfer_is_told_again(engine: TicketEngine, watch: TicketWatch) -> None:
    (mine,) = queue_of(engine, 1)
    watch.leave(mine.token, "0912345678")
    assert engine.call_next(1) is not None
    engine.transfer(1, "certificate")
    engine.sign_in(4, "chen")
    assert engine.call_next(4) is not None
    sent = outbox(engine)
    assert set(sent) == {
        f"ticket:{mine.id}:ahead",
        f"ticket:{mine.id}:called:1",
        f"ticket:{mine.id}:called:2",
    }
    assert "counter 1" in sent[f"ticket:{mine.id}:called:1"]
    assert "4 號櫃檯" in sent[f"ticket:{mine.id}:called:2"]


def _done(engine: TicketEngine, mine: Ticket) -> None:
    serve_next(engine)


def _no_show(engine: TicketEngine, mine: Ticket) -> None:
    engine.call_next(1)
    engine.no_show(1)


def _called_too_often(engine: TicketEngine, mine: Ticket) -> None:
    engine.call_next(1)
    for _ in range(engine.office.queue.auto_no_show_after_calls):
        engine.recall(1)
    assert engine.read.ticket(mine.number).status == "no_show"


def _cancelled(engine: TicketEngine, mine: Ticket) -> None:
    engine.cancel(mine.number)


def _cancelled_at_the_counter(engine: TicketEngine, mine: Ticket) -> None:
    engine.call_next(1)
    engine.cancel(mine.number)


def _closed_with_the_day(engine: TicketEngine, mine: Ticket) -> None:
    assert isinstance(engine.clock, ManualClock)
    engine.clock.advance(hours=24)
    assert engine.close_day().removed == 1


@pytest.mark.parametrize(
    "end",
    [_done, _no_show, _called_too_often, _cancelled, _cancelled_at_the_counter],
    ids=lambda f: f.__name__.strip("_"),
)
def test_the_contact_goes_when_the_ticket_ends(
    engine: TicketEngine, watch: TicketWatch, end: Callable[[TicketEngine, Ticket], None]
) -> None:
    (mine,) = queue_of(engine, 1)
    other = engine.issue("incorporation")
    watch.leave(mine.token, "0912345678")
    watch.leave(other.token, "0987654321")
    end(engine, mine)
    assert contacts(engine) == {other.id: "0987654321"}
    # Its notices not yet sent are withdrawn; another ticket's stay.
    with engine.db.read() as session:
        statuses = {row.key: row.status for row in session.scalars(select(OutboxRow))}
    assert statuses.pop(f"ticket:{other.id}:ahead") == "pending"
    assert statuses.pop(f"ticket:{mine.id}:ahead") == "cancelled"
    assert set(statuses.values()) <= {"cancelled"}  # a call's notice too


def test_the_contact_goes_when_the_day_is_closed(engine: TicketEngine, watch: TicketWatch) -> None:
    (mine,) = queue_of(engine, 1)
    watch.leave(mine.token, "0912345678")
    _closed_with_the_day(engine, mine)
    assert contacts(engine) == {}


def test_the_contact_goes_when_a_web_number_lapses(
    engine: TicketEngine, watch: TicketWatch, clock: ManualClock
) -> None:
    """A lapse at call-next ends the number; the ticket behind it is one nearer."""
    web = engine.take_remote("certificate")
    *_, mine = [engine.issue("certificate") for _ in range(4)]
    watch.leave(web.token, "0911111111")
    watch.leave(mine.token, "0912345678")
    assert ahead_on_page(engine, mine) == 4 and outbox(engine) == {}
    clock.advance(minutes=31)
    engine.sign_in(4, "chen")
    engine.call_next(4)  # lapses the web number, calls the first of the others
    assert contacts(engine) == {mine.id: "0912345678"}
    assert ahead_on_page(engine, mine) == 2
    assert f"ticket:{mine.id}:ahead" in outbox(engine)
    assert "前面還有 3 人" in outbox(engine)[f"ticket:{mine.id}:ahead"]  # told at the lapse


def test_a_new_contact_replaces_the_old_and_can_be_removed(
    engine: TicketEngine, watch: TicketWatch
) -> None:
    *_, mine = queue_of(engine, 6)
    watch.leave(mine.token, "0912345678")
    assert watch.leave(mine.token, "0987-654-321") == "0987***321"
    assert contacts(engine) == {mine.id: "0987654321"}
    assert watch.left(mine.token) == "0987***321"
    assert watch.remove(mine.token) is True
    assert watch.left(mine.token) is None and contacts(engine) == {}
    assert watch.remove(mine.token) is False


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "no contact"),
        ("02-2345-6789", "not a Taiwan mobile"),
        ("someone@", "not an e-mail"),
        ("0912\x00345678", "control characters"),
        ("9" * 201, "at most 200"),
        ("<script>alert(1)</script>", "not a Taiwan mobile"),
    ],
)
def test_what_is_not_a_contact_is_refused_saying_why(
    engine: TicketEngine, watch: TicketWatch, typed: str, says: str
) -> None:
    (mine,) = queue_of(engine, 1)
    with pytest.raises(InvalidInput, match=says):
        watch.leave(mine.token, typed)
    assert contacts(engine) == {}


def test_an_opted_out_contact_is_refused(engine: TicketEngine, watch: TicketWatch) -> None:
    (mine,) = queue_of(engine, 1)
    with engine.db.write() as session:
        opt_out(session, "0912345678", engine.clock.now())
    with pytest.raises(WatchRefused, match="opted out") as refused:
        watch.leave(mine.token, "+886 912 345 678")
    assert refused.value.why == Why.OPTED_OUT
    assert contacts(engine) == {} and outbox(engine) == {}


def test_only_a_waiting_ticket_of_today_takes_one(
    engine: TicketEngine, watch: TicketWatch, clock: ManualClock
) -> None:
    first, second = queue_of(engine, 2)
    engine.call_next(1)
    with pytest.raises(WatchRefused) as refused:
        watch.leave(first.token, "0912345678")
    assert refused.value.why == Why.NOT_WAITING
    with pytest.raises(NotFound):
        watch.leave("x" * 22, "0912345678")
    web = engine.take_remote("certificate")
    clock.advance(minutes=31)  # not checked in: lapsed, though not yet cancelled
    with pytest.raises(WatchRefused):
        watch.leave(web.token, "0912345678")
    clock.advance(hours=24)
    with pytest.raises(WatchRefused):
        watch.leave(second.token, "0912345678")
    assert contacts(engine) == {}


def test_call_next_without_contacts_asks_one_query_more(
    engine: TicketEngine, watch: TicketWatch, statements: list[str]
) -> None:
    queue_of(engine, 3)
    statements.clear()
    assert engine.call_next(1) is not None
    touching = [s for s in statements if "ticket_contacts" in s]
    assert len(touching) == 1 and touching[0].lstrip().upper().startswith("SELECT")


def test_the_office_sets_how_many_ahead(engine: TicketEngine, watch: TicketWatch) -> None:
    office = engine.office
    rules = office.queue.model_copy(update={"notify_ahead": 1})
    engine.load_office(office.model_copy(update={"queue": rules}))
    *_, mine = queue_of(engine, 3)
    watch.leave(mine.token, "0912345678")
    assert outbox(engine) == {}  # two ahead
    serve_next(engine)
    assert "1 person is ahead of A003" in outbox(engine)[f"ticket:{mine.id}:ahead"]


def test_contacts_of_days_not_closed_are_purged_the_next_day(
    engine: TicketEngine, watch: TicketWatch, clock: ManualClock
) -> None:
    """close-day ends them; should nobody run it, the status server's upkeep deletes them."""
    (old,) = queue_of(engine, 1)
    watch.leave(old.token, "0912345678")
    assert watch.purge_past() == 0
    clock.advance(days=1)
    (new,) = queue_of(engine, 1)
    watch.leave(new.token, "0987654321")
    assert watch.purge_past() == 1
    assert contacts(engine) == {new.id: "0987654321"}
