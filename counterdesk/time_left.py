"""The expected time left of a long job, from the time it has taken so far and its fraction done.

Shared by the supervisor window and the terminal, so it knows no Qt and no words of either: it
gives a number and its unit, each side says it in its own language. The guess assumes the rest
goes at the pace so far, which holds because an export's progress is weighted by each phase's
measured share of its time (``counterdesk.reporting.phases``). Its first moments are noise (a
module loading, a first query warming a cache), so nothing is said before ``SETTLE_FRACTION``
of the job and ``SETTLE_SECONDS`` have both passed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

SETTLE_FRACTION = 0.03
SETTLE_SECONDS = 2.0
MINUTES_PAST = 90  # seconds: a longer wait is told in minutes


class TimeLeft:
    """Started when the job starts; asked, with the fraction done, how long the rest takes."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start = clock()

    def seconds(self, fraction: float) -> float | None:
        """The seconds left at ``fraction`` (0..1) done, or None while a guess would be noise
        or once the job is done."""
        elapsed = self._clock() - self._start
        if fraction < SETTLE_FRACTION or elapsed < SETTLE_SECONDS or fraction >= 1:
            return None
        return elapsed * (1 - fraction) / fraction


def in_units(seconds: float) -> tuple[int, str]:
    """``seconds`` rounded up for saying: (N, "s") up to 90 s, else (N, "min")."""
    if seconds <= MINUTES_PAST:
        return max(1, math.ceil(seconds)), "s"
    return math.ceil(seconds / 60), "min"


def in_english(seconds: float | None) -> str:
    """The guess in English, "about N s left" or "about N min left"; empty without one."""
    if seconds is None:
        return ""
    amount, unit = in_units(seconds)
    return f"about {amount} {unit} left"
