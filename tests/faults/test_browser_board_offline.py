"""The browser board's stream when the database goes: the boards say "offline", stay
connected, and show the calls again, none skipped, once the database is back."""

from __future__ import annotations

import os

from counterdesk.queue import TicketEngine
from counterdesk.web.server import make_server
from tests.web.support import Client
from tests.web.test_board import Stream, row


def test_boards_go_offline_and_back_with_the_database_file(engine: TicketEngine) -> None:
    assert engine.db.file is not None
    path = engine.db.file.path
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    with make_server(engine, "127.0.0.1", 0).running() as server:
        stream = Stream(Client(server))
        try:
            assert stream.picture()["online"]
            kept = path.with_suffix(".kept")
            os.link(path, kept)
            path.unlink()  # the disk unplugged
            offline = stream.picture_where(lambda p: not p["online"])
            assert row(offline, 1)["open"]  # the last picture stays on screen
            assert not path.exists(), "the board's reads must not recreate the file"
            os.rename(kept, path)  # and plugged in again
            stream.picture_where(lambda p: p["online"])
            engine.call_ticket(1, ticket.number)
            called = stream.picture_where(lambda p: row(p, 1)["calling"] == ticket.number)
            assert called["recent"][0]["number"] == ticket.number
        finally:
            stream.close()
