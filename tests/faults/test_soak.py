"""The soak, short: a whole office day in about a minute over the real terminals' processes.

The kiosk, four consoles, the board and the status server run as the product runs them,
over one SQLite file, while the day simulator's citizens at three times the usual rate (~430:
a queue that grows long) go through the engine 1000 times faster than real time
(tests/faults/soak_office.py). Growth bounds, not timings:
after the warm-up no process's memory grows by more than 10 MB nor its open files by more
than 6; every call reaches the board and its counter's console; nothing is logged above INFO;
every status page polled is answered 200; every process stops cleanly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.soak_office import run_soak

pytestmark = pytest.mark.slow


def test_a_day_at_high_speed_leaks_nothing_and_misses_no_call(tmp_path: Path) -> None:
    result = run_soak(f"sqlite:///{tmp_path}/office.sqlite3", tmp_path, speed=1000, arrivals=3)

    assert result.tickets > 300
    assert result.calls >= result.tickets * 0.9  # a few no-shows are recalled, some never come
    assert sum(result.pages.values()) > 20
    assert all(len(t.figures.rss_kb) >= 10 for t in result.terminals)
    assert result.broken_bounds() == []
