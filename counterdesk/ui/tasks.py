"""Running database and device work off the UI thread, with the result delivered back to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._work = work
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every failure is reported to the window
            self._bridge.failed.emit(exc)
        else:
            self._bridge.done.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    *,
    owner: QObject,
) -> None:
    """Run ``work`` on the thread pool; ``on_done``/``on_error`` run on ``owner``'s thread.

    The bridge is parented to ``owner`` so a window that closes takes its callbacks with it.
    """
    bridge = _Bridge(owner)
    bridge.done.connect(on_done)
    bridge.failed.connect(on_error)
    bridge.done.connect(bridge.deleteLater)
    bridge.failed.connect(bridge.deleteLater)
    QThreadPool.globalInstance().start(_Job(work, bridge))
