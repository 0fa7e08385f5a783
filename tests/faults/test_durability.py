"""A number handed out survives a power cut: every SQLite connection commits with
``synchronous=FULL``, and the kiosk prints a number only once its commit has returned."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from escpos.printer import Dummy
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session

from counterdesk.devices.printer import TicketPrinter, parse_printer_url
from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import Database, TicketEngine
from counterdesk.queue.database import SYNCHRONOUS_FULL


def test_every_sqlite_connection_commits_with_synchronous_full(sqlite_url: str) -> None:
    """Checked on several connections open at once, then on a write: a pool hands out
    whichever connection is free, so each must be set up the same."""
    db = Database(sqlite_url)

    def settings(*sessions: Session) -> set[tuple[int, str]]:
        return {
            (
                s.execute(text("PRAGMA synchronous")).scalar_one(),
                s.execute(text("PRAGMA journal_mode")).scalar_one(),
            )
            for s in sessions
        }

    try:
        with db.read() as first, db.read() as second, db.read() as third:
            assert (
                len(
                    {id(s.connection().connection.dbapi_connection) for s in (first, second, third)}
                )
                == 3
            )
            seen = settings(first, second, third)
        with db.write() as writing:
            seen |= settings(writing)
        assert seen == {(SYNCHRONOUS_FULL, "wal")} and SYNCHRONOUS_FULL == 2
    finally:
        db.dispose()


def test_the_kiosk_prints_a_number_only_after_its_commit(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str
) -> None:
    """The printer looks into the database through a connection of its own as it starts the job:
    the number it is about to print must already be committed there."""
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    committed_when_printed: list[list[str]] = []
    device = Dummy()

    def connect() -> Dummy:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as other:
            rows = other.execute("SELECT number FROM tickets ORDER BY id").fetchall()
        committed_when_printed.append([number for (number,) in rows])
        return device

    printer = TicketPrinter(parse_printer_url("file:/unused"), connect=connect)
    kiosk = KioskWindow(engine, printer=printer, poll_ms=50)
    qtbot.addWidget(kiosk)
    kiosk.show()
    with qtbot.waitSignal(kiosk.refreshed, timeout=5000):
        kiosk.start()
    try:
        qtbot.mouseClick(kiosk.home.grid.tiles["amendment"], Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(kiosk.printed, timeout=10_000) as printed:
            qtbot.mouseClick(kiosk.service_page.take_button, Qt.MouseButton.LeftButton)
    finally:
        kiosk.shutdown()
    assert printed.args[0].state == "printed"
    assert committed_when_printed == [["C001"]]
