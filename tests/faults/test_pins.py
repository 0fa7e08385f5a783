"""PIN guessing: wrong PINs cost a growing delay, then a lock-out, per staff member and per
terminal, kept in the database and logged without the PIN; a supervisor unlocks; the CLI
asks for the PIN of a staff member who has one. Time moves only on the test's clock."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.counter.window import ConsoleWindow
from counterdesk.kiosk.staff_exit import ExitCheck, hash_pin
from counterdesk.queue import Database, EventKind, ManualClock, Office, QueueError, TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.pin_guard import LOCK_OUT, MAX_FAILURES, PinRefused, Subject
from counterdesk.queue.refusal_words import chinese
from counterdesk.ui import translation
from tests.conftest import Run

PIN, WRONG = "2468", "9999"


@pytest.fixture
def pins(engine: TicketEngine) -> TicketEngine:
    for staff in ("wang", "chen", "li"):
        engine.set_pin(staff, PIN)
    return engine


def refusals(engine: TicketEngine) -> list[tuple[int | None, str | None, str]]:
    return [
        (event.counter, event.staff, event.outcome or "")
        for event in engine.read.events_after(0)
        if event.kind == EventKind.PIN_REFUSED
    ]


def guess(engine: TicketEngine, clock: ManualClock, times: int, *, staff: str = "wang") -> None:
    """``times`` wrong PINs at counter 1, each as soon as the delays allow (the clock is left
    at the last one)."""
    for _ in range(times):
        while True:
            try:
                engine.check_pin(staff, WRONG, counter=1)
            except PinRefused as refusal:
                clock.advance(refusal.remaining)
                continue
            except QueueError as wrong:
                assert str(wrong) == f"wrong PIN for {staff}"
                break


def test_the_delay_doubles_then_locks_and_the_right_pin_waits_too(
    pins: TicketEngine, clock: ManualClock
) -> None:
    waits = []
    for _ in range(MAX_FAILURES):
        with pytest.raises(QueueError, match="wrong PIN for wang"):
            pins.check_pin("wang", WRONG, counter=1)
        with pytest.raises(PinRefused) as refused:
            pins.check_pin("wang", PIN, counter=1)  # even the right one: not yet
        waits.append(refused.value.remaining)
        clock.advance(refused.value.remaining - dt.timedelta(milliseconds=1))
        with pytest.raises(PinRefused):
            pins.check_pin("wang", PIN, counter=1)
        clock.advance(milliseconds=1)
    assert waits == [dt.timedelta(seconds=s) for s in (1, 2, 4, 8)] + [LOCK_OUT]
    assert refused.value.locked and "counterdesk staff unlock wang" in str(refused.value)
    pins.check_pin("wang", PIN, counter=1)  # the lock-out is over: the right PIN is taken
    pins.check_pin("wang", PIN, counter=1)  # and the count starts again


def test_refusals_are_logged_with_who_and_where_never_the_pin(
    pins: TicketEngine, clock: ManualClock
) -> None:
    guess(pins, clock, MAX_FAILURES)
    logged = refusals(pins)
    assert len(logged) == MAX_FAILURES
    assert all(counter == 1 and staff == "wang" for counter, staff, _ in logged)
    assert logged[0][2] == "wrong PIN at counter 1: 1 in a row, wait 1 s"
    assert logged[-1][2] == "wrong PIN at counter 1: 5 in a row, locked for 15 min"
    assert not any(WRONG in outcome or PIN in outcome for _, _, outcome in logged)


def test_a_lock_holds_for_every_terminal_and_after_a_restart(
    pins: TicketEngine, clock: ManualClock, sqlite_url: str
) -> None:
    guess(pins, clock, MAX_FAILURES)
    restarted = TicketEngine(Database(sqlite_url), clock)
    try:
        with pytest.raises(PinRefused, match="staff member wang is locked"):
            restarted.check_pin("wang", PIN, counter=2)
    finally:
        restarted.db.dispose()


def test_a_terminal_is_locked_whoever_the_pins_are_tried_for(
    pins: TicketEngine, clock: ManualClock
) -> None:
    guess(pins, clock, 3, staff="wang")
    guess(pins, clock, 2, staff="chen")
    with pytest.raises(PinRefused, match="counter 1 is locked") as refused:
        pins.check_pin("li", PIN, counter=1)
    assert refused.value.subject == Subject("counter", "1")
    pins.check_pin("wang", PIN, counter=2)  # wang is not locked, only held back at counter 1


def test_spaces_around_the_code_do_not_escape_the_lock_out(
    pins: TicketEngine, clock: ManualClock
) -> None:
    guess(pins, clock, MAX_FAILURES)
    for typed in ("wang ", " wang", "\twang"):
        with pytest.raises(PinRefused, match="staff member wang is locked"):
            pins.check_pin(typed, PIN, counter=2)
    assert pins.pins.unlock(Subject("staff", pins.staff_code(" wang ")))
    pins.check_pin(" wang", PIN, counter=2)
    assert {staff for _, staff, _ in refusals(pins)} == {"wang"}


def test_the_engine_itself_signs_in_a_member_with_a_pin_only_with_it(
    pins: TicketEngine, clock: ManualClock
) -> None:
    with pytest.raises(QueueError, match=r"^wang has a PIN: give it to sign in$"):
        pins.sign_in(1, " wang")
    with pytest.raises(QueueError, match=r"^wrong PIN for wang$"):
        pins.sign_in(1, "wang", WRONG)
    clock.advance(seconds=1)
    pins.sign_in(1, " wang ", PIN)
    pins.sign_in(2, "lin")  # no PIN set: signed in as before (the demo office's staff)
    assert [(s.number, s.staff) for s in pins.read.status().counters if s.staff] == [
        (1, "wang"),
        (2, "lin"),
    ]


def test_a_supervisor_unlocks(pins: TicketEngine, clock: ManualClock) -> None:
    guess(pins, clock, MAX_FAILURES)
    assert pins.pins.unlock(Subject("staff", "wang"))
    with pytest.raises(PinRefused, match="counter 1 is locked"):
        pins.check_pin("wang", PIN, counter=1)
    pins.check_pin("wang", PIN, counter=2)
    assert pins.pins.unlock(Subject("counter", "1"))
    assert not pins.pins.unlock(Subject("counter", "1"))  # nothing left to forget
    pins.check_pin("chen", PIN, counter=1)
    unlocks = [
        (e.counter, e.staff, e.outcome)
        for e in pins.read.events_after(0)
        if e.kind == EventKind.PIN_UNLOCKED
    ]
    assert unlocks[:2] == [
        (None, "wang", "staff member wang unlocked by a supervisor"),
        (1, None, "counter 1 unlocked by a supervisor"),
    ]


def test_the_kiosk_exit_is_held_back_per_kiosk(engine: TicketEngine, clock: ManualClock) -> None:
    hall_1 = ExitCheck(engine, "hall-1", hash_pin("2468"))
    for _ in range(MAX_FAILURES):
        assert not hall_1.allowed("0000")
        clock.advance(seconds=8)  # the longest delay before the lock-out
    with pytest.raises(PinRefused, match="locked"):
        hall_1.allowed("2468")
    assert ExitCheck(engine, "hall-2", hall_1.stored).allowed("2468")  # another kiosk
    assert refusals(engine)[-1] == (
        None,
        None,
        "wrong PIN at kiosk hall-1: 5 in a row, locked for 15 min",
    )
    clock.advance(LOCK_OUT)
    assert hall_1.allowed("2468")


def guess_at_once(engine: TicketEngine, guessers: int) -> list[str]:
    """``guessers`` wrong PINs for wang at counter 1 from as many threads at the same moment:
    what each was told."""
    start = threading.Barrier(guessers)

    def one(_: int) -> str:
        start.wait()
        try:
            engine.check_pin("wang", WRONG, counter=1)
        except PinRefused:
            return "held back"
        except QueueError as wrong:
            return str(wrong)
        return "accepted"

    with ThreadPoolExecutor(guessers) as pool:
        return sorted(pool.map(one, range(guessers)))


def test_guesses_made_at_the_same_moment_do_not_slip_through(pins: TicketEngine) -> None:
    # The clock stands still, so after the first attempt every other one is within its delay.
    assert guess_at_once(pins, 8) == ["held back"] * 7 + ["wrong PIN for wang"]
    assert len(refusals(pins)) == 1


def test_a_kiosk_without_its_database_checks_the_staff_pin_itself(
    engine: TicketEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """Staff need the desktop most when the network is down; the wrong PINs are then counted
    in memory (tests/faults/test_kiosk_exit_offline.py); the log says why, never the PIN."""
    nowhere = Database("postgresql+psycopg://nobody@127.0.0.1:1/none", migrate=False)
    engine.pins.db = nowhere
    try:
        check = ExitCheck(engine, "hall-1", hash_pin("2468"))
        assert not check.allowed("1357")
        with pytest.raises(PinRefused, match="try again in 1 s"):
            check.allowed("2468")
    finally:
        nowhere.dispose()
    assert "kiosk hall-1: database out of reach, staff PIN checked here" in caplog.text
    assert "2468" not in caplog.text and "1357" not in caplog.text


@pytest.fixture
def console(qtbot: QtBot, pins: TicketEngine) -> Iterator[ConsoleWindow]:
    window = ConsoleWindow(pins, 1, poll_ms=50)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    yield window
    window.close()


def test_the_console_shows_the_lock_time_left_in_the_staff_language(
    qtbot: QtBot, console: ConsoleWindow, pins: TicketEngine, clock: ManualClock
) -> None:
    guess(pins, clock, MAX_FAILURES, staff="chen")  # the counter is locked, and chen
    pins.pins.unlock(Subject("counter", "1"))
    clock.advance(minutes=5)
    translation.install("zh_TW")
    form = console.sign_in
    form.staff.setCurrentIndex(form.staff.findData("chen"))
    qtbot.keyClicks(form.pin, PIN)
    with qtbot.waitSignal(console.acted, timeout=10000):  # off the GUI thread, no waiting
        qtbot.keyClick(form.pin, Qt.Key.Key_Return)
    assert console.message.text() == (
        "chen 的密碼錯誤次數過多，已鎖定：請於 10 分 0 秒後再試，或請主管解除鎖定"
    )
    assert console.left.currentWidget() is form
    clock.advance(minutes=9, seconds=59)  # the console counts the time down on its own
    qtbot.waitUntil(lambda: "請於 0 分 1 秒後再試" in console.message.text(), timeout=10000)
    clock.advance(seconds=1)
    qtbot.waitUntil(lambda: console.message.text() == "", timeout=10000)


# -- the command line ----------------------------------------------------------------------


@pytest.mark.slow
def test_the_cli_asks_for_the_pin_of_a_staff_member_who_has_one(run: Run) -> None:
    assert run("staff", "set-pin", "wang", stdin=f"{PIN}\n").returncode == 0
    for command in ("call", "sign-in"):
        refused = run(command, "--counter", "1", "--staff", "wang", stdin="")
        assert refused.returncode == 2
        assert refused.stderr.strip() == (
            "counterdesk: wang signs in with a PIN: type it at the prompt, or give it on "
            "standard input with --pin-stdin"
        )
    signed = run("sign-in", "--counter", "1", "--staff", "wang", "--pin-stdin", stdin=f"{PIN}\n")
    assert signed.returncode == 0, signed.stderr
    wrong = run("call", "--counter", "1", "--staff", "wang", "--pin-stdin", stdin=f"{WRONG}\n")
    assert (wrong.returncode, wrong.stderr) == (1, "counterdesk: wrong PIN for wang\n")
    without = run("call", "--counter", "2", "--staff", "lin", stdin="")  # no PIN: as before
    assert without.returncode == 0, without.stderr
    unlocked = run("staff", "unlock", " wang ", "--counter", "1")  # the stored code is unlocked
    assert unlocked.returncode == 0
    assert unlocked.stdout.strip() == "unlocked staff member wang, counter 1"
    nothing = run("staff", "unlock")
    assert nothing.returncode == 2 and "Traceback" not in nothing.stderr


def test_the_lock_out_on_postgresql(pg_url: str, clock: ManualClock, sample_office: Office) -> None:
    engine = TicketEngine(Database(pg_url), clock)
    try:
        engine.load_office(sample_office)
        engine.set_pin("wang", PIN)
        assert guess_at_once(engine, 8) == ["held back"] * 7 + ["wrong PIN for wang"]
        clock.advance(seconds=1)
        guess(engine, clock, MAX_FAILURES - 1)
        with pytest.raises(PinRefused, match="staff member wang is locked"):
            engine.check_pin("wang", PIN, counter=2)
        assert len(refusals(engine)) == MAX_FAILURES
        clock.advance(LOCK_OUT)
        engine.check_pin("wang", PIN, counter=1)
    finally:
        engine.db.dispose()


def test_a_pin_typed_full_width_is_the_same_pin(engine: TicketEngine) -> None:
    """A Chinese IME in full-width mode types ２４６８: the same PIN as 2468 on a keypad."""
    engine.set_pin("wang", "２４６８")
    engine.check_pin("wang", "2468", counter=1)
    engine.set_pin("wang", "1357")
    engine.check_pin("wang", "１３５７", counter=1)
    with pytest.raises(QueueError, match="4 to 8 digits"):
        engine.set_pin("wang", "١٣٥٧")  # Arabic-Indic digits: no key on a keypad


@pytest.mark.parametrize("pin", ["9876", "7890", "1212", "123123", "00000000"])
def test_a_pin_anyone_would_guess_is_refused_in_both_languages(
    engine: TicketEngine, pin: str
) -> None:
    with pytest.raises(QueueError, match="anyone would guess") as refused:
        engine.set_pin("wang", pin)
    assert "人人都會先猜" in chinese(refused.value)
    with pytest.raises(CounterdeskError, match="anyone would guess"):
        hash_pin(pin)  # the kiosk's staff PIN: the same rule
