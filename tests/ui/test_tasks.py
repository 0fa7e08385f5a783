"""Background work: a closing window waits for its own jobs only."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from counterdesk.ui.tasks import run_in_background, wait_for_work


def test_waiting_for_work_waits_for_the_owners_jobs_only(qtbot: QtBot) -> None:
    mine, others = QObject(), QObject()
    child = QObject(mine)  # a tab of the window, say
    release_mine, release_others = threading.Event(), threading.Event()
    done: list[str] = []
    failed: list[Exception] = []
    # Mine first: on a one-core machine the pool has one thread, and the other job then waits.
    run_in_background(release_mine.wait, lambda _: done.append("mine"), failed.append, owner=child)
    run_in_background(
        release_others.wait, lambda _: done.append("others"), failed.append, owner=others
    )
    try:
        assert not wait_for_work(mine, 50)  # its job still runs
        release_mine.set()
        assert wait_for_work(mine, 30_000)  # while the other owner's job still runs
        qtbot.waitUntil(lambda: done == ["mine"], timeout=30_000)
    finally:
        release_mine.set()
        release_others.set()
    qtbot.waitUntil(lambda: done == ["mine", "others"], timeout=30_000)
    assert wait_for_work(others, 0) and not failed
