"""The time left of a long job, guessed from its pace so far: driven by a clock the test moves."""

from __future__ import annotations

import pytest

from counterdesk.time_left import TimeLeft, in_english, in_units


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_rest_goes_at_the_pace_so_far() -> None:
    clock = Clock()
    time_left = TimeLeft(clock)
    clock.now += 10
    assert time_left.seconds(0.25) == pytest.approx(30)
    clock.now += 10
    assert time_left.seconds(0.8) == pytest.approx(5)


def test_nothing_is_said_while_a_guess_would_be_noise_or_once_done() -> None:
    clock = Clock()
    time_left = TimeLeft(clock)
    clock.now += 1.5
    assert time_left.seconds(0.5) is None  # too early: a first query may be warming up
    clock.now += 60
    assert time_left.seconds(0.01) is None  # too little done to tell the pace
    assert time_left.seconds(0.02) is None
    assert time_left.seconds(0.03) == pytest.approx(61.5 * 0.97 / 0.03)
    assert time_left.seconds(1.0) is None


@pytest.mark.parametrize(
    ("seconds", "units", "english"),
    [
        (0.2, (1, "s"), "about 1 s left"),
        (41.3, (42, "s"), "about 42 s left"),
        (90, (90, "s"), "about 90 s left"),
        (90.5, (2, "min"), "about 2 min left"),
        (600, (10, "min"), "about 10 min left"),
    ],
)
def test_said_in_seconds_then_past_90_s_in_minutes(
    seconds: float, units: tuple[int, str], english: str
) -> None:
    assert in_units(seconds) == units
    assert in_english(seconds) == english


def test_no_guess_says_nothing() -> None:
    assert in_english(None) == ""
