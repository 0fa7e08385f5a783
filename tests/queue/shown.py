"""Reading back what ``TicketEngine.record_shown_waits`` wrote, and counting its writes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, select

from counterdesk.queue import TicketEngine
from counterdesk.queue.models import TicketRow

Shown = tuple[float | None, int | None, int | None, dt.datetime | None]
NOTHING_SHOWN: Shown = (None, None, None, None)


def latest_shown(engine: TicketEngine, ticket_id: int) -> Shown:
    """The ticket's ``latest_wait_*`` columns: minutes, low, high, when shown."""
    columns = (
        TicketRow.latest_wait_minutes,
        TicketRow.latest_wait_low,
        TicketRow.latest_wait_high,
        TicketRow.latest_wait_at,
    )
    with engine.db.read() as session:
        row = session.execute(select(*columns).where(TicketRow.id == ticket_id)).one()
    return (row[0], row[1], row[2], row[3])


@contextlib.contextmanager
def shown_wait_writes(engine: TicketEngine) -> Iterator[list[bool]]:
    """The statements that record shown estimates while the block runs, as they reach the
    database (True: one statement for many tickets, executemany)."""
    writes: list[bool] = []

    def seen(*args: Any) -> None:
        statement, executemany = args[2], args[5]
        if statement.startswith("UPDATE tickets SET latest_wait_minutes"):
            writes.append(executemany)

    event.listen(engine.db.engine, "before_cursor_execute", seen)
    try:
        yield writes
    finally:
        event.remove(engine.db.engine, "before_cursor_execute", seen)
