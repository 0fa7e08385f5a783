"""The customer-facing screen at a counter: after a visit, the citizen rates it with one tap.

The screen learns that its counter finished a ticket from the event log (``LiveFeed``), then
asks the ratings which ticket may be rated here, so it works beside the console in one process,
on the same SQLite file, or on its own small PC over PostgreSQL. Every database read and write
runs off the UI thread; a lost database shows a notice and the feed keeps polling. The faces
go away when the citizen taps one, when the counter calls its next ticket, or after a timeout,
so the next citizen is never asked about somebody else's visit.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.feedback import Feedback
from counterdesk.feedback.ratings import RatingRefused
from counterdesk.phrases import Bilingual
from counterdesk.queue import CALL_KINDS, Event, EventKind, TicketEngine
from counterdesk.queue.errors import error_text
from counterdesk.rating_screen.faces import FaceButton, FaceMark
from counterdesk.ui.layout import column
from counterdesk.ui.live import POLL_MS, LiveFeed
from counterdesk.ui.refresh import Refresher
from counterdesk.ui.tasks import run_in_background
from counterdesk.ui.theme import BRAND, TARGET_MM, Roles, citizen_sheet, mm_to_px

log = logging.getLogger(__name__)

IDLE, RATING, MESSAGE = "idle", "rating", "message"
RATING_MS = 90_000  # the citizen has left if nobody tapped by then
MESSAGE_MS = 4_000
# Laid out for a 1024x600 panel; type follows the window, touch targets the millimetres.
BASE_WIDTH, BASE_HEIGHT = 1024, 600
WATCHED = (EventKind.FINISHED.value, *CALL_KINDS)
KEYS = {getattr(Qt.Key, f"Key_{score}").value: score for score in range(1, 6)}  # and keypad

# (role, pixel size at 600 lines, bold)
ROLES: Roles = {
    "head-zh": (24, True),
    "head-en": (16, False),
    "welcome-zh": (64, True),
    "welcome-en": (38, False),
    "desk-zh": (30, True),
    "desk-en": (22, False),
    "ask-zh": (36, True),
    "ask-en": (24, False),
    "ticket": (22, True),
    "note": (17, False),
    "message-zh": (60, True),
    "message-en": (36, False),
    "sub-zh": (26, True),
    "sub-en": (20, False),
    "notice": (14, True),
}
FACE_ZH_PX, FACE_EN_PX = 22, 16


def stylesheet(scale: float) -> str:
    """The screen's style sheet for a window ``scale`` times a 1024x600 panel."""
    return (
        citizen_sheet("feedback", ROLES, scale)
        + f"""
QLabel[role="ticket"] {{ color: white; background: {BRAND}; border-radius: {round(8 * scale)}px;
    padding: {round(4 * scale)}px {round(14 * scale)}px; }}
QLabel[role="notice"] {{ color: #7C2D12; background: #FEF3C7; padding: 2px 8px; }}
"""
    )


def _label(text: str, role: str, *, muted: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(True)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if muted:
        widget.setProperty("muted", True)
    return widget


def _pair(phrase: Bilingual, role: str) -> tuple[QLabel, QLabel]:
    """Chinese above, English below and quieter: how every citizen-facing screen here reads."""
    return _label(phrase.zh, f"{role}-zh"), _label(phrase.en, f"{role}-en", muted=True)


class FeedbackWindow(QWidget):
    """The rating screen of one counter.

    ``state_changed`` fires with idle, rating or message; ``following`` once it has asked
    which ticket to rate and follows the event log.

    ``rating_ms`` is how long the faces wait for a tap, ``message_ms`` how long a thank-you
    stays; tests pass short ones.
    """

    state_changed = Signal(str)
    following = Signal()

    def __init__(
        self,
        engine: TicketEngine,
        counter: int,
        *,
        poll_ms: int = POLL_MS,
        rating_ms: int = RATING_MS,
        message_ms: int = MESSAGE_MS,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.counter = counter
        desk = engine.office.counter(counter)  # KeyError for an unknown counter: caller checks
        self.ratings = Feedback(engine).ratings
        self.state = IDLE
        self.token: str | None = None  # the ticket the faces ask about
        self.number: str | None = None
        # Tickets rated, refused or timed out here: a read racing a tap must not bring them back.
        self._handled: set[str] = set()
        self._saving = False
        self._scale = 0.0
        self._poll_ms = poll_ms
        self.feed: LiveFeed | None = None
        self._check = Refresher(
            self._read_awaiting, self._show_awaiting, self._check_failed, owner=self
        ).request
        self._rating_timer = QTimer(self, singleShot=True, interval=rating_ms)
        self._rating_timer.timeout.connect(self._rating_timed_out)
        self._message_timer = QTimer(self, singleShot=True, interval=message_ms)
        self._message_timer.timeout.connect(self._message_over)
        self.setObjectName("feedback")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys 1-5 for staff testing
        office = engine.office.office.name
        self._build(Bilingual.of(office), Bilingual.of(desk.name))
        self.retranslate()

    # -- layout ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The window's title is for staff (the taskbar, a windowed screen): their language.
        Everything on the glass is for the citizen, in both languages, and never changes."""
        office = self.engine.office.office.name
        screen = self.tr("Rating screen of counter {0}").format(self.counter)
        self.setWindowTitle(f"{office.zh} {office.en} — {screen}")

    def _build(self, office: Bilingual, desk: Bilingual) -> None:
        where = phrases.counter_name(self.counter)
        office_zh, office_en = _pair(office, "head")
        desk_zh, desk_en = _pair(where, "head")
        for widget in (office_zh, office_en):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for widget in (desk_zh, desk_en):
            widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.header = QFrame()
        self.header.setObjectName("header")
        header = QHBoxLayout(self.header)
        header.addLayout(column(office_zh, office_en, spacing=0), 1)
        header.addLayout(column(desk_zh, desk_en, spacing=0))

        self.idle = QWidget()
        welcome = _pair(phrases.WELCOME, "welcome")
        desk_name = _pair(Bilingual(f"{where.zh}　{desk.zh}", f"{where.en} · {desk.en}"), "desk")
        service = _pair(phrases.AT_YOUR_SERVICE, "sub")
        idle = QVBoxLayout(self.idle)
        idle.addStretch(2)
        idle.addLayout(column(*welcome, spacing=0))
        idle.addStretch(1)
        idle.addLayout(column(*desk_name, spacing=0))
        idle.addStretch(1)
        idle.addLayout(column(*service, spacing=0))
        idle.addStretch(2)

        self.rating = QWidget()
        self.ask_zh, self.ask_en = _pair(phrases.RATE_PROMPT, "ask")
        self.ticket = _label("", "ticket")
        ask = QHBoxLayout()
        ask.addStretch(1)
        ask.addLayout(column(self.ask_zh, self.ask_en, spacing=0))
        ask.addSpacing(24)
        ask.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignVCenter)
        ask.addStretch(1)
        self.faces = [
            FaceButton(score, words) for score, words in enumerate(phrases.FACES, start=1)
        ]
        self.face_row = QHBoxLayout()
        for face in self.faces:
            face.clicked.connect(functools.partial(self.choose, face.score))
            self.face_row.addWidget(face, 1)  # equal tiles, whatever the length of the words
        self.reply = _label(f"{phrases.REPLY.zh}\n{phrases.REPLY.en}", "note", muted=True)
        rating = QVBoxLayout(self.rating)
        rating.addLayout(ask)
        rating.addLayout(self.face_row, 1)
        rating.addWidget(self.reply)

        self.message = QWidget()
        self.mark = FaceMark()
        self.message_zh, self.message_en = _pair(phrases.THANK_YOU, "message")
        self.detail_zh, self.detail_en = _pair(phrases.RECORDED, "sub")
        message = QVBoxLayout(self.message)
        message.addStretch(1)  # centred, with or without the face above the words
        message.addWidget(self.mark, 5)
        message.addLayout(column(self.message_zh, self.message_en, spacing=0))
        message.addLayout(column(self.detail_zh, self.detail_en, spacing=0))
        message.addStretch(1)

        self.stack = QStackedWidget()
        for page in (self.idle, self.rating, self.message):
            self.stack.addWidget(page)
        self.notice = _label("", "notice")
        self.notice.hide()
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        # Type follows the window; the window never grows to fit its text.
        root.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        root.addWidget(self.header)
        root.addWidget(self.stack, 1)
        root.addWidget(self.notice)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type follows the window; the faces keep at least 15 mm on the glass."""
        size = event.size()
        scale = min(size.width() / BASE_WIDTH, size.height() / BASE_HEIGHT)
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self.setStyleSheet(stylesheet(scale))
            margin, spacing, band = round(20 * scale), round(14 * scale), round(8 * scale)
            self.header.layout().setContentsMargins(margin, band, margin, band)  # type: ignore[union-attr]  # laid out at construction
            for page in (self.idle, self.rating, self.message):
                page.layout().setContentsMargins(margin, margin, margin, margin)  # type: ignore[union-attr]  # laid out at construction
                page.layout().setSpacing(spacing)  # type: ignore[union-attr]  # laid out at construction
            self.face_row.setSpacing(spacing)
            target = self.target_px()
            for face in self.faces:
                face.set_metrics(round(FACE_ZH_PX * scale), round(FACE_EN_PX * scale), target)
        super().resizeEvent(event)

    def target_px(self) -> int:
        return mm_to_px(TARGET_MM, self)

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        """Ask at once (the screen may start just after a visit), then follow the event log
        from before that read, so no finished visit falls between the two."""
        run_in_background(self._read_start, self._started, self._offline_at_start, owner=self)

    def _read_start(self) -> tuple[int, tuple[str, str] | None]:
        return self.engine.read.last_event_id(), self._read_awaiting()

    def _started(self, result: tuple[int, tuple[str, str] | None]) -> None:
        last_id, found = result
        self._show_awaiting(found)
        self._follow(last_id)

    def _offline_at_start(self, error: Exception) -> None:
        self._check_failed(error)
        self._follow(None)  # the feed finds its place once the database answers

    def _follow(self, last_id: int | None) -> None:
        self.feed = LiveFeed(self.engine, last_id=last_id, interval_ms=self._poll_ms, parent=self)
        self.feed.events.connect(self._on_events)
        self.feed.connection.connect(self._on_connection)
        self.feed.start()
        self.following.emit()

    def load_now(self) -> None:
        """Ask synchronously (for a snapshot, which has no event loop to wait on)."""
        self._show_awaiting(self._read_awaiting())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.feed is not None:
            self.feed.stop()
        self._rating_timer.stop()
        self._message_timer.stop()
        super().closeEvent(event)

    def _on_events(self, batch: list[Event]) -> None:
        ours = [e for e in batch if e.counter == self.counter and e.kind in WATCHED]
        if not ours:
            return
        # The next citizen is called to the counter: hide at once, no read needed. (The call of
        # the ticket on screen can arrive with its finish, after the faces came from a read.)
        calls = {e.number for e in ours if e.kind in CALL_KINDS}
        if self.state == RATING and not self._saving and calls - {self.number}:
            self.show_idle()
        self._check()  # a finish later in the same batch still brings the faces

    def _on_connection(self, online: bool, message: str) -> None:
        self._set_notice("" if online else f"{phrases.OFFLINE.zh}  {phrases.OFFLINE.en}")
        if online:
            self._check()

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- which ticket to ask about -------------------------------------------------------------

    def _read_awaiting(self) -> tuple[str, str] | None:
        """(token, number) of the ticket this counter just finished, if it may be rated here."""
        return self.ratings.awaiting_at_counter(self.counter)

    def _show_awaiting(self, found: tuple[str, str] | None) -> None:
        self._set_notice("")
        if self._saving:
            return  # the tap's outcome decides what comes next
        if found is None or found[0] in self._handled:
            if self.state == RATING:
                self.show_idle()
            return
        if self.state != RATING or found[0] != self.token:
            self.show_rating(*found)

    def _check_failed(self, error: Exception) -> None:
        log.warning("cannot ask which ticket to rate: %s", error_text(error))
        self._set_notice(f"{phrases.OFFLINE.zh}  {phrases.OFFLINE.en}")

    # -- states ------------------------------------------------------------------------------

    def _enter(self, state: str, page: QWidget) -> None:
        self.state = state
        self.stack.setCurrentWidget(page)
        self.state_changed.emit(state)

    def show_idle(self) -> None:
        self._rating_timer.stop()
        self._message_timer.stop()
        self.token = self.number = None
        self._enter(IDLE, self.idle)

    def show_rating(self, token: str, number: str) -> None:
        log.info("asking for a rating of %s at counter %s", number, self.counter)
        self._message_timer.stop()
        self.token, self.number = token, number
        self.ticket.setText(f"{phrases.TICKET.zh} {phrases.TICKET.en}  {number}")
        for face in self.faces:
            face.setEnabled(True)
        self._rating_timer.start()
        self._enter(RATING, self.rating)

    def _show_message(self, title: Bilingual, detail: Bilingual, score: int | None) -> None:
        self._rating_timer.stop()
        self.token = self.number = None
        self.mark.show_score(score)
        self.mark.setVisible(score is not None)
        for label, text in (
            (self.message_zh, title.zh),
            (self.message_en, title.en),
            (self.detail_zh, detail.zh),
            (self.detail_en, detail.en),
        ):
            label.setText(text)
        self._message_timer.start()
        self._enter(MESSAGE, self.message)

    def _message_over(self) -> None:
        self.show_idle()
        self._check()  # a visit finished while the thank-you was showing is asked about now

    def _rating_timed_out(self) -> None:
        if self.token is not None:
            self._handled.add(self.token)
        self.show_idle()

    # -- rating ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        score = KEYS.get(event.key())
        if score is None:
            super().keyPressEvent(event)
            return
        self.choose(score)

    def choose(self, score: int) -> None:
        """Record ``score`` for the ticket on screen, off the UI thread; one tap counts."""
        token = self.token
        if self.state != RATING or self._saving or token is None:
            return
        self._saving = True
        self._rating_timer.stop()
        for face in self.faces:
            face.setEnabled(False)
        run_in_background(
            lambda: self.ratings.rate(token, score, source="counter"),
            functools.partial(self._rated, token, score),
            functools.partial(self._rate_failed, token),
            owner=self,
        )

    def _rated(self, token: str, score: int, _rating: object) -> None:
        self._saving = False
        self._handled.add(token)
        log.info("rated %s at counter %s", score, self.counter)
        self._show_message(phrases.THANK_YOU, phrases.RECORDED, score)

    def _rate_failed(self, token: str, error: Exception) -> None:
        self._saving = False
        if isinstance(error, RatingRefused):  # rated from the phone meanwhile, most likely
            self._handled.add(token)
            self._show_message(phrases.ALREADY_RATED, phrases.THANKS_AGAIN, None)
            return
        # Not handled: once the database is back, the faces may ask again.
        log.warning("rating not saved at counter %s: %s", self.counter, error_text(error))
        self._show_message(phrases.NOT_SAVED, phrases.RATE_BY_QR, None)


def open_rating_screen(engine: TicketEngine, counter: int) -> FeedbackWindow:
    """A running rating screen at ``counter`` (for the role and the demo office)."""
    window = FeedbackWindow(engine, counter)
    window.start()
    return window
