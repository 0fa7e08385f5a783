"""A board runs all day: thousands of signal emits must not use up the references to True.

PySide6 6.12.0 dropped a reference to True/None on every emit and void call and aborted the
process after a few hundred (pyproject caps PySide6 below 6.12 for that). This fails again if
the cap is lifted onto a release that still has the bug.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor


class _Ticker(QObject):
    tick = Signal(object)


def test_emitting_many_signals_keeps_true_alive() -> None:
    ticker = _Ticker()
    received: list[int] = []
    ticker.tick.connect(received.append)
    before = sys.getrefcount(True)
    for index in range(5000):
        ticker.tick.emit(index)
    assert len(received) == 5000
    assert sys.getrefcount(True) > before - 500  # other threads move it by a few


def test_void_calls_keep_none_alive() -> None:
    colour = QColor(1, 2, 3)
    before = sys.getrefcount(None)
    for _ in range(200):  # 6.12.0 lost one reference per call; far fewer would abort it
        colour.setRed(5)
    assert sys.getrefcount(None) > before - 100
