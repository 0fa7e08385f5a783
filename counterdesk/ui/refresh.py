"""Re-reading a window's state off the UI thread, however often changes arrive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from counterdesk.ui.tasks import run_in_background


class Refresher:
    """Runs ``read`` in the background and hands the result to ``show``.

    A burst of events asks for many reads; while one runs, further requests fold into a single
    read after it, so a busy office never queues up stale reads.
    """

    def __init__(
        self,
        read: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[Exception], None],
        *,
        owner: QObject,
    ) -> None:
        self._read, self._show, self._failed, self._owner = read, show, failed, owner
        self._running = self._again = False

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        run_in_background(self._read, self._done, self._error, owner=self._owner)

    def _done(self, result: Any) -> None:
        self._running = False
        self._show(result)
        if self._again:
            self._again = False
            self.request()

    def _error(self, error: Exception) -> None:
        self._running = self._again = False
        self._failed(error)
