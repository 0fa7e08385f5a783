"""The display board: current call per counter, recent calls, waiting counts, procedures.

It learns of calls from the event log (``LiveFeed``), so it works the same beside the counters
in one process, in another process on the same SQLite file, or on another PC over PostgreSQL.
Each call and recall is shown at once from its event, highlighted for a few seconds, kept in the
recent-calls list (a number shown for one second is a number missed) and handed to the speaker.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.board.panels import (
    ACCENT,
    BACKGROUND,
    MUTED,
    PANEL,
    CounterRow,
    ProcedurePanel,
    Scaled,
    WaitingPanel,
)
from counterdesk.devices.announcements import call_utterances
from counterdesk.devices.faults import CONTEXT, Fault
from counterdesk.devices.speech import Outcome
from counterdesk.devices.speech_protocol import Speaker
from counterdesk.queue import Event, EventKind, Office, OfficeStatus, TicketEngine
from counterdesk.queue.board_view import (
    RECENT,
    BoardStart,
    RecentCalls,
    counter_lines,
    is_call,
    read_start,
    staff_lines,
)
from counterdesk.ui.layout import column
from counterdesk.ui.live import POLL_MS, LiveFeed
from counterdesk.ui.office_reload import OfficeReload
from counterdesk.ui.refresh import Refresher
from counterdesk.ui.tasks import Mailbox, run_in_background
from counterdesk.ui.translation import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
WEEKDAYS_ZH = "一二三四五六日"
# The corner warnings are for staff, so in the staff's language (``ui.translation``); the rest
# of the board is for citizens and in both languages. Each takes the device's fault, in words
# from ``devices.faults`` (never a raw error), as ``{0}``.
DATABASE_WARNING = QT_TRANSLATE_NOOP("BoardWindow", "Database unreachable, retrying")
PRINTER_WARNING = QT_TRANSLATE_NOOP("BoardWindow", "Printer: {0}")
SPEAKER_WARNING = QT_TRANSLATE_NOOP("BoardWindow", "Speaker: {0}")


class BoardWindow(QWidget):
    """The public screen. ``call_shown`` fires with each call's event once it is on screen."""

    call_shown = Signal(object)
    refreshed = Signal()
    office_shown = Signal()

    def __init__(
        self,
        engine: TicketEngine,
        speaker: Speaker,
        *,
        poll_ms: int = POLL_MS,
        recent: int = RECENT,
        highlight_ms: int = 8000,
        rotate_ms: int = 12000,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.office = engine.office
        self.speaker = speaker
        self.setWindowTitle(self.office.title)
        self.setObjectName("board")
        self.setStyleSheet(f"QWidget#board {{ background: {BACKGROUND}; }}")
        self.setAutoFillBackground(True)
        self.recent = RecentCalls(recent)
        self._highlight_ms = highlight_ms
        self._warnings: dict[str, tuple[str, Fault | None]] = {}  # key: (source text, fault)
        # A failed read needs no message: the feed reports the outage and refreshes after it.
        self._refresh = Refresher(
            self.engine.read.status, self._show_status, lambda error: None, owner=self
        ).request
        self._poll_ms = poll_ms
        self.feed: LiveFeed | None = None
        self._office_reload = OfficeReload(engine, self.show_office, owner=self)
        self._factor = 1.0  # the type's scale for the window's size (``resizeEvent``)
        self._build()
        self._highlight_timers: dict[int, QTimer] = {}
        self._rotation = 0
        self._tick = QTimer(self, interval=1000, timeout=self._show_clock)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._rotate = QTimer(self, interval=rotate_ms, timeout=self._next_procedure)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._mailbox = Mailbox(self)
        self._show_clock()
        self._next_procedure()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        name = self.office.office.name
        self.title_zh = Scaled(name.zh, 36, bold=True)
        self.title_en = Scaled(name.en, 20, color=MUTED)
        self.time = Scaled("", 60, bold=True).keep_width()
        self.date = Scaled("", 24, bold=True).keep_width()
        self.date_en = Scaled("", 20, color=MUTED).keep_width()
        for label in (self.date, self.date_en):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.setSpacing(28)
        header.addLayout(column(self.title_zh, self.title_en, spacing=4, margins=None), 1)
        header.addLayout(column(self.date, self.date_en, spacing=4, margins=None))
        header.addWidget(self.time)

        self.columns = [
            Scaled(phrases.NUMBER.line(), 22, bold=True, color=MUTED),
            Scaled(phrases.COUNTER.line(), 22, bold=True, color=MUTED),
            Scaled(phrases.STAFF.line(), 22, bold=True, color=MUTED),
        ]
        heads = QHBoxLayout()
        heads.setContentsMargins(28, 0, 28, 0)
        for label, stretch in zip(self.columns, (34, 30, 36), strict=True):
            heads.addWidget(label, stretch)
        calls = self._calls = QVBoxLayout()
        calls.setSpacing(10)
        calls.addLayout(heads)
        self._counter_rows(self.office)

        self.recent_title = Scaled(
            f"{phrases.RECENT_CALLS.line()}   {phrases.NUMBER.zh} → {phrases.COUNTER.zh}",
            24,
            bold=True,
            color=ACCENT,
        )
        self.recent_lines = [Scaled("", 36, bold=True) for _ in range(self.recent.size)]
        recent_box = QFrame()
        recent_box.setObjectName("recent")
        recent_box.setStyleSheet(f"QFrame#recent {{ background: {PANEL}; border-radius: 14px; }}")
        recent_layout = column(self.recent_title, *self.recent_lines, spacing=4, margins=None)
        recent_layout.setContentsMargins(24, 14, 24, 14)
        recent_layout.addStretch(1)
        recent_box.setLayout(recent_layout)
        self.procedure = ProcedurePanel()
        side = QVBoxLayout()
        side.setSpacing(14)
        side.addWidget(recent_box, 4)
        side.addWidget(self.procedure, 6)
        self.warning = Scaled("", 17, color="#FF9E80").wrap()
        self.warning.setAlignment(Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.warning)  # for staff: small, in the corner

        self.waiting = WaitingPanel(self.office)
        calls.addSpacing(6)
        calls.addWidget(self.waiting)
        middle = QHBoxLayout()
        middle.setSpacing(20)
        middle.addLayout(calls, 64)
        middle.addLayout(side, 36)

        root = QVBoxLayout(self)
        # Never held to the size of the type of a larger screen: the type follows the window
        # (``resizeEvent``), so a 1366x768 screen gets the whole board, scaled, not its top.
        root.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        root.setContentsMargins(32, 10, 32, 12)
        root.setSpacing(6)
        root.addLayout(header)
        root.addLayout(middle, 1)

    def _labels(self) -> list[Scaled]:
        return [
            self.title_zh,
            self.title_en,
            self.time,
            self.date,
            self.date_en,
            *self.columns,
            *(label for row in self.rows.values() for label in row.labels()),
            self.recent_title,
            *self.recent_lines,
            *self.procedure.labels(),
            *self.waiting.labels(),
            self.warning,
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Laid out for 1920x1080: scale to whichever side is shorter, so nothing is cut off.
        self._factor = min(event.size().height() / 1080, event.size().width() / 1920)
        self._rescale()
        super().resizeEvent(event)

    def _rescale(self) -> None:
        for label in self._labels():
            label.rescale(self._factor)

    def _counter_rows(self, office: Office) -> None:
        """A row for each of the office's counters, under the column heads."""
        self.rows = {c.number: CounterRow(c) for c in office.counters}
        for index, row in enumerate(self.rows.values()):
            self._calls.insertWidget(1 + index, row, 1)

    def show_office(self, office: Office) -> None:
        """A new office, loaded meanwhile: its name, counters and services, at once (a board
        interrupts nobody); the recent calls stay."""
        self.office = office
        self.setWindowTitle(office.title)
        self.title_zh.setText(office.office.name.zh)
        self.title_en.setText(office.office.name.en)
        for row in self.rows.values():
            self._calls.removeWidget(row)
            row.deleteLater()
        self._counter_rows(office)
        waiting = WaitingPanel(office)
        self._calls.replaceWidget(self.waiting, waiting)
        self.waiting.deleteLater()
        self.waiting = waiting
        self._rescale()
        self._rotation = 0
        self._next_procedure()
        self._refresh()
        log.info("board: showing the office loaded meanwhile")
        self.office_shown.emit()

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        """Load today's picture, then follow the event log."""
        self._tick.start()
        self._rotate.start()
        run_in_background(self._read_start, self._started, self._offline_at_start, owner=self)

    def load_now(self) -> None:
        """Load synchronously (for a snapshot): current status and recent calls."""
        self._started(self._read_start())

    def _read_start(self) -> BoardStart:
        return read_start(self.engine.read, self.office, self.engine.clock.now())

    def _started(self, start: BoardStart) -> None:
        now = self.engine.clock.now()
        for event in start.calls:
            self.recent.remember(event)
            if (now - event.at).total_seconds() * 1000 < self._highlight_ms:
                self._highlight(event.counter or 0)  # a call of a moment ago: still new
        self._show_recent()
        self._show_status(start.status)
        self._follow(start.last_id)

    def _offline_at_start(self, error: Exception) -> None:
        self._set_warning("db", DATABASE_WARNING)
        self._follow(None)

    def _follow(self, last_id: int | None) -> None:
        if self.feed is not None:
            return
        self.feed = LiveFeed(self.engine, last_id=last_id, interval_ms=self._poll_ms, parent=self)
        self.feed.events.connect(self._on_events)
        self.feed.events.connect(self._office_reload.on_events)
        self.feed.connection.connect(self._on_connection)
        self.feed.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.feed is not None:
            self.feed.stop()
        self._tick.stop()
        self._rotate.stop()
        super().closeEvent(event)

    # -- events ------------------------------------------------------------------------------

    def _on_events(self, batch: list[Event]) -> None:
        for event in batch:
            if is_call(event):
                self._show_call(event)
            elif event.kind == EventKind.PRINTED.value:
                failed = event.outcome not in (None, "printed", "pending")
                fault = Fault.of_print_detail(event.outcome or "")
                self._set_warning("printer", PRINTER_WARNING if failed else "", fault)
        self._refresh()

    def _show_call(self, event: Event) -> None:
        assert event.number is not None and event.counter is not None
        self.recent.remember(event)
        self._show_recent()
        row = self.rows.get(event.counter)
        if row is not None:
            staff = staff_lines(self.office, event.staff)
            row.show_state(event.number, *staff, True, event.appointment)
        self._highlight(event.counter)
        delay_ms = (dt.datetime.now(dt.UTC) - event.at).total_seconds() * 1000
        log.info(
            "call shown: %s at counter %s (event %s, %s, %.0f ms after the call)",
            event.number,
            event.counter,
            event.id,
            event.kind,
            delay_ms,
        )
        self.speaker.say(
            call_utterances(self.office.announcements, event.number, event.counter), chime=True
        )
        self.call_shown.emit(event)

    def _show_recent(self) -> None:
        for index, label in enumerate(self.recent_lines):
            if index < len(self.recent):
                call = self.recent[index]
                label.setText(f"{call.number}  →  {call.counter}")
                label.set_color("#FFFFFF" if index else ACCENT)
            else:
                label.setText("")

    def _highlight(self, counter: int) -> None:
        if counter not in self.rows:
            return
        self.rows[counter].set_highlight(True)
        timer = self._highlight_timers.get(counter)
        if timer is None:
            timer = QTimer(self, singleShot=True)
            timer.timeout.connect(partial(self._unhighlight, counter))
            self._highlight_timers[counter] = timer
        timer.start(self._highlight_ms)

    def _unhighlight(self, counter: int) -> None:
        if counter in self.rows:  # a counter a new office no longer has is gone
            self.rows[counter].set_highlight(False)

    def _on_connection(self, online: bool, message: str) -> None:
        self._set_warning("db", "" if online else DATABASE_WARNING)
        if online:
            self._refresh()

    def speech_reported(self, outcome: Outcome) -> None:
        """From the speech service's thread: show the outcome in the UI thread, at once."""
        self._mailbox.post(partial(self._on_speech, outcome))

    def _on_speech(self, outcome: Outcome) -> None:
        self._set_warning("speech", SPEAKER_WARNING if outcome.fault else "", outcome.fault)

    def _set_warning(self, key: str, source: str, fault: Fault | None = None) -> None:
        """Show (or with an empty ``source``, clear) one of the corner's warnings."""
        if source:
            self._warnings[key] = (source, fault)
        else:
            self._warnings.pop(key, None)
        self._show_warnings()

    def _show_warnings(self) -> None:
        self.warning.setText(
            "   ·   ".join(
                self.tr(source).format(
                    QCoreApplication.translate(CONTEXT, fault.words) if fault else ""
                )
                for source, fault in self._warnings.values()
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_warnings()
        super().changeEvent(event)

    # -- status ------------------------------------------------------------------------------

    def _show_status(self, status: OfficeStatus) -> None:
        for line in counter_lines(self.office, status):
            row = self.rows.get(line.counter)
            if row is not None:
                row.show_state(line.calling, line.staff, line.deputy, line.open, line.appointment)
        self.waiting.show_services(status.services)
        self.refreshed.emit()

    # -- clock and procedures ------------------------------------------------------------------

    def _show_clock(self) -> None:
        local = self.engine.clock.now().astimezone(self.office.zone)
        self.time.setText(f"{local:%H:%M}")
        self.date.setText(
            f"{local.year}年{local.month}月{local.day}日 星期{WEEKDAYS_ZH[local.weekday()]}"
        )
        self.date_en.setText(f"{local:%A %d %B %Y}")

    def _next_procedure(self) -> None:
        services = self.office.services
        self.procedure.show_service(services[self._rotation % len(services)])
        self._rotation += 1


def open_board(engine: TicketEngine, speaker: Speaker) -> BoardWindow:
    """A running board (for the role and the demo office); speech problems show in its corner."""
    window = BoardWindow(engine, speaker)
    if hasattr(speaker, "on_result"):
        speaker.on_result = window.speech_reported
    window.start()
    return window
