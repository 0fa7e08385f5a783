"""Running database and device work off the UI thread, with the result delivered back to it."""

from __future__ import annotations

import contextlib
import functools
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool

_DELIVER = QEvent.Type(QEvent.registerEventType())


class Mailbox(QObject):
    """Runs callables in its own thread that other threads post to it.

    Threads hand results over through a mailbox, never as arguments of a signal emitted from
    Python in another thread: with PySide6 6.12 that crashed the process now and then (a
    segfault in the UI thread while a pool thread was inside ``emit()``, about one test run in
    three). Posting a Qt event carries no Python object across.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inbox: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def post(self, call: Callable[[], None]) -> None:
        """From any thread: run ``call`` soon in the mailbox's thread."""
        self._inbox.put(call)
        # The owner may have closed meanwhile, taking the mailbox along: nobody to tell then.
        with contextlib.suppress(RuntimeError):
            QCoreApplication.postEvent(self, QEvent(_DELIVER))

    def event(self, event: QEvent) -> bool:
        if event.type() != _DELIVER:
            return super().event(event)
        while not self._inbox.empty():
            self._inbox.get()()
        return True


class _Reply(Mailbox):
    """The mailbox of one background job, a child of the job's owner.

    Being a child is what lets a closing window find the work it started (and only that):
    ``ran`` is set once the job's work has ended, whether or not its answer was delivered yet.
    """

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.ran = threading.Event()


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        mailbox: _Reply,
    ) -> None:
        super().__init__()
        self._work, self._on_done, self._on_error = work, on_done, on_error
        # Held apart from the mailbox, whose owner may be deleted while the work runs.
        self._mailbox, self._ran = mailbox, mailbox.ran

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every failure is reported to the window
            self._mailbox.post(functools.partial(self._finish, self._on_error, exc))
        else:
            self._mailbox.post(functools.partial(self._finish, self._on_done, result))
        finally:
            self._ran.set()

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self._mailbox.deleteLater()
        callback(value)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    *,
    owner: QObject,
) -> None:
    """Run ``work`` on the thread pool; ``on_done``/``on_error`` run on ``owner``'s thread.

    The mailbox is parented to ``owner`` so a window that closes takes its callbacks with it,
    and so :func:`wait_for_work` finds the job.
    """
    QThreadPool.globalInstance().start(_Job(work, on_done, on_error, _Reply(owner)))


def wait_for_work(owner: QObject, timeout_ms: int) -> bool:
    """Block until the jobs started for ``owner`` or its children have run; False on timeout.

    A closing window waits for its own work only (its results are delivered through objects
    it owns), not for the whole thread pool, which other windows of the process share.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    for child in owner.findChildren(QObject):
        if isinstance(child, _Reply) and not child.ran.wait(max(deadline - time.monotonic(), 0)):
            return False
    return True
