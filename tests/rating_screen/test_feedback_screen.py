"""The customer-facing rating screen at a counter, against a real SQLite file and event feed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text

from counterdesk import cli, phrases
from counterdesk.feedback import Feedback
from counterdesk.queue import TicketEngine
from counterdesk.queue.models import RatingRow
from counterdesk.queue.views import Ticket
from counterdesk.rating_screen.window import IDLE, MESSAGE, RATING, FeedbackWindow
from counterdesk.ui.theme import BRAND, TARGET_MM, mm_to_px

STAFF = {1: "wang", 2: "chen"}
WAIT_MS = 10_000


class Watched(FeedbackWindow):
    """The screen, remembering each state it entered and the ticket then on screen."""

    def __init__(self, engine: TicketEngine, counter: int, **options: int) -> None:
        super().__init__(engine, counter, **options)
        self.seen: list[tuple[str, str | None]] = []
        self.state_changed.connect(lambda state: self.seen.append((state, self.number)))


Screen = Callable[..., Watched]


@pytest.fixture
def screen(qtbot: QtBot, engine: TicketEngine) -> Iterator[Screen]:
    """Opens a running screen for a counter, following the event log."""
    windows: list[Watched] = []

    def make(counter: int = 1, size: tuple[int, int] = (1024, 600), **options: int) -> Watched:
        options = {"poll_ms": 50, "rating_ms": 60_000, "message_ms": 60_000, **options}
        window = Watched(engine, counter, **options)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(QSize(*size))
        window.show()
        with qtbot.waitSignal(window.following, timeout=WAIT_MS):
            window.start()
        return window

    yield make
    for window in windows:
        window.close()


def served(engine: TicketEngine, counter: int = 1, service: str = "precheck") -> Ticket:
    """Issue, call, start and finish a ticket at ``counter``."""
    if counter not in {c.number for c in engine.read.status().counters if c.staff}:
        engine.sign_in(counter, STAFF[counter])
    ticket = engine.issue(service)
    engine.call_ticket(counter, ticket.number)
    engine.start(counter)
    engine.finish(counter)
    return ticket


def asking(qtbot: QtBot, window: FeedbackWindow, ticket: Ticket) -> None:
    qtbot.waitUntil(
        lambda: window.state == RATING and window.number == ticket.number, timeout=WAIT_MS
    )


def ratings_of(engine: TicketEngine, ticket: Ticket) -> int:
    with engine.db.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(RatingRow).where(RatingRow.ticket_id == ticket.id)
            )
        )


def test_a_finished_visit_is_asked_about_at_its_own_counter_only(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    first, second = screen(1), screen(2)
    assert first.state == IDLE and first.stack.currentWidget() is first.idle
    at_one = served(engine, 1)
    asking(qtbot, first, at_one)
    assert first.stack.currentWidget() is first.rating
    assert at_one.number in first.ticket.text()
    # Counter 2's screen reads the same feed in order: once it asks about its own visit, it has
    # seen counter 1's finish too, and must not have asked about it.
    at_two = served(engine, 2, "incorporation")
    asking(qtbot, second, at_two)
    assert second.seen == [(RATING, at_two.number)]
    assert first.number == at_one.number


def test_a_tapped_face_is_recorded_from_the_counter_then_thanks_then_idle(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    window = screen(1, message_ms=300)
    ticket = served(engine)
    asking(qtbot, window, ticket)
    qtbot.mouseClick(window.faces[3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.seen[-2:] == [(MESSAGE, None), (IDLE, None)], timeout=WAIT_MS)
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None
    assert (rating.score, rating.source, rating.comment) == (4, "counter", None)
    assert (window.message_zh.text(), window.message_en.text()) == ("謝謝您", "Thank you")
    assert window.mark.score == 4


def test_keys_one_to_five_rate_for_staff_testing(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    window = screen(1)
    qtbot.keyClick(window, Qt.Key.Key_2)  # nothing to rate yet: ignored
    ticket = served(engine)
    asking(qtbot, window, ticket)
    qtbot.keyClick(window, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.state == MESSAGE, timeout=WAIT_MS)
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None and rating.score == 2


def test_calling_the_next_ticket_hides_the_faces(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    window = screen(1)
    ticket = served(engine)
    following = engine.issue("precheck")
    asking(qtbot, window, ticket)
    engine.call_ticket(1, following.number)
    qtbot.waitUntil(lambda: window.state == IDLE, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.idle
    window.choose(5)  # a late key press rates nobody
    assert Feedback(engine).ratings.rating_for(ticket.token) is None


def test_a_rating_given_from_the_phone_meanwhile_is_not_doubled(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    window = screen(1, message_ms=300)
    ticket = served(engine)
    asking(qtbot, window, ticket)
    Feedback(engine).ratings.rate(ticket.token, 5, source="web")
    qtbot.mouseClick(window.faces[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (MESSAGE, None) in window.seen, timeout=WAIT_MS)
    assert window.message_en.text() == "This visit has already been rated"
    assert window.message_zh.text() == "本次服務已經評分過了"
    assert not window.mark.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.seen[-1] == (IDLE, None), timeout=WAIT_MS)
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None and (rating.score, rating.source) == (5, "web")
    assert ratings_of(engine, ticket) == 1


def test_the_faces_give_up_after_the_timeout(
    qtbot: QtBot, engine: TicketEngine, screen: Screen
) -> None:
    window = screen(1, rating_ms=300)
    ticket = served(engine)
    asking(qtbot, window, ticket)
    qtbot.waitUntil(lambda: window.state == IDLE, timeout=WAIT_MS)
    assert window.seen == [(RATING, ticket.number), (IDLE, None)]
    window.choose(3)
    assert Feedback(engine).ratings.rating_for(ticket.token) is None


def test_a_database_error_shows_a_notice_and_the_screen_carries_on(
    qtbot: QtBot, engine: TicketEngine, screen: Screen, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="counterdesk.rating_screen.window")
    window = screen(1, message_ms=300)
    ticket = served(engine)
    asking(qtbot, window, ticket)
    with engine.db.write() as session:
        session.execute(text("DROP TABLE ratings"))
    qtbot.mouseClick(window.faces[4], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (MESSAGE, None) in window.seen, timeout=WAIT_MS)
    assert window.message_en.text() == "Your rating could not be sent just now"
    # Back to idle, the screen asks again; the read fails too, and says so in its corner.
    qtbot.waitUntil(
        lambda: window.state == IDLE and window.notice.isVisibleTo(window), timeout=WAIT_MS
    )
    assert phrases.OFFLINE.en in window.notice.text()  # the words the status page uses too
    assert window.feed is not None and window.isVisible()
    # The log says why in the database's words, without the statement or its parameters.
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "rating not saved at counter 1: no such table: ratings" in warnings
    assert "cannot ask which ticket to rate: no such table: ratings" in warnings
    assert not any("SELECT" in w or "[parameters" in w or ticket.token in w for w in warnings)


@pytest.mark.parametrize("size", [(1024, 600), (800, 480)])
def test_every_face_is_at_least_15_mm(
    qtbot: QtBot, engine: TicketEngine, screen: Screen, size: tuple[int, int]
) -> None:
    window = screen(1, size=size)
    asking(qtbot, window, served(engine))
    last = window.faces[-1]
    qtbot.waitUntil(  # laid out, and the row fits the screen
        lambda: 0 < last.mapTo(window, QPoint(last.width(), last.height())).x() <= size[0],
        timeout=WAIT_MS,
    )
    least = mm_to_px(TARGET_MM, window)
    for face in window.faces:
        assert face.width() >= least and face.height() >= least, face.words.en
        assert face.minimumSizeHint().width() >= least
    below = window.reply.mapTo(window, QPoint(0, window.reply.height())).y()
    assert window.reply.isVisibleTo(window) and below <= size[1]  # the reply line fits too


@pytest.mark.parametrize(
    ("flags", "size"), [((), (1024, 600)), (("--size", "800x480"), (800, 480))]
)
def test_the_command_renders_the_screen_to_a_png(
    engine: TicketEngine,
    sqlite_url: str,
    tmp_path: Path,
    flags: tuple[str, ...],
    size: tuple[int, int],
) -> None:
    target = tmp_path / "feedback.png"
    config = tmp_path / "empty.toml"
    config.write_text("")
    argv = ["--db", sqlite_url, "--config", str(config), "feedback", "--counter", "1"]
    assert cli.main([*argv, "--snapshot", str(target), *flags]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == size
    assert image.pixelColor(4, 4) == QColor(BRAND)  # the header band is drawn, edge to edge
    assert image.pixelColor(size[0] - 4, 4) == QColor(BRAND)


def test_an_unknown_counter_is_refused_in_one_line(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "empty.toml"
    config.write_text("")
    assert (
        cli.main(["--db", sqlite_url, "--config", str(config), "feedback", "--counter", "9"]) == 1
    )
    error = capsys.readouterr().err
    assert error.strip() == "counterdesk: unknown counter 9 (counters: 1, 2, 3, 4)"
