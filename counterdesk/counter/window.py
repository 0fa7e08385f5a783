"""The counter console: sign in, call and serve tickets, one key or one button per action.

Every action runs off the UI thread and is followed by a fresh read of the counter's state, so
the buttons enabled are always the actions the queue allows now. Changes made elsewhere (a
ticket issued at the kiosk, a colleague calling a number) arrive through the live feed.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.counter.case_dialogs import CasesDialog
from counterdesk.counter.panels import (
    SignInPanel,
    TicketCard,
    WaitingList,
    label,
    no_show_list,
)
from counterdesk.queue import (
    CALL_KINDS,
    CounterStatus,
    Event,
    EventKind,
    Office,
    QueueError,
    Ticket,
    TicketEngine,
)
from counterdesk.queue.cases import Case, Cases
from counterdesk.queue.errors import error_text
from counterdesk.queue.pin_guard import PinRefused
from counterdesk.ui.app import ui_font
from counterdesk.ui.case_views import RegisterCaseDialog
from counterdesk.ui.language_switch import LanguageSwitch
from counterdesk.ui.layout import column
from counterdesk.ui.live import POLL_MS, LiveFeed
from counterdesk.ui.office_reload import OfficeReload
from counterdesk.ui.refresh import Refresher
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background
from counterdesk.ui.translation import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# The translation context of the console's tables of words (labels, messages of actions).
CONTEXT = "ConsoleWindow"
# (action, key, label): the keys suit a keyboard and a programmable hardware keypad alike.
# Labels are marked for extraction here and translated when shown, in the language of the day.
ACTIONS = (
    ("call_next", "F1", QT_TRANSLATE_NOOP("ConsoleWindow", "Call next")),
    ("recall", "F2", QT_TRANSLATE_NOOP("ConsoleWindow", "Recall")),
    ("start", "F3", QT_TRANSLATE_NOOP("ConsoleWindow", "Start service")),
    ("finish", "F4", QT_TRANSLATE_NOOP("ConsoleWindow", "Finish")),
    ("no_show", "F5", QT_TRANSLATE_NOOP("ConsoleWindow", "No-show")),
    ("transfer", "F6", QT_TRANSLATE_NOOP("ConsoleWindow", "Transfer…")),
    ("call_selected", "F7", QT_TRANSLATE_NOOP("ConsoleWindow", "Call selected")),
    ("return", "F8", QT_TRANSLATE_NOOP("ConsoleWindow", "Return to queue")),
    ("pause", "F9", QT_TRANSLATE_NOOP("ConsoleWindow", "Break")),
    # Finishing stays one key (F4) for the many tickets that hand in nothing; finishing one
    # that handed in an application is the same key with Shift, and asks for the case.
    ("finish_case", "Shift+F4", QT_TRANSLATE_NOOP("ConsoleWindow", "Finish, register case…")),
    ("cases", "F11", QT_TRANSLATE_NOOP("ConsoleWindow", "Cases…")),
    ("sign_out", "F12", QT_TRANSLATE_NOOP("ConsoleWindow", "Sign out")),
)
RESUME = QT_TRANSLATE_NOOP("ConsoleWindow", "Resume")
NOBODY_WAITING = QT_TRANSLATE_NOOP("ConsoleWindow", "Nobody is waiting for this counter")
NOT_DONE = QT_TRANSLATE_NOOP("ConsoleWindow", "Not done: the database is out of reach. Try again.")
# Sign-in held back after wrong PINs (``queue.pin_guard``): by whom, and for how long still.
STAFF_LOCKED = QT_TRANSLATE_NOOP(
    "ConsoleWindow",
    "{staff} is locked after too many wrong PINs: try again in {minutes} min {seconds} s, "
    "or ask a supervisor to unlock it",
)
COUNTER_LOCKED = QT_TRANSLATE_NOOP(
    "ConsoleWindow",
    "This counter is locked after too many wrong PINs: try again in {minutes} min {seconds} s, "
    "or ask a supervisor to unlock it",
)
PIN_DELAY = QT_TRANSLATE_NOOP(
    "ConsoleWindow", "A wrong PIN was just entered: try again in {seconds} s"
)


def translated(text: str) -> str:
    """A console word in the language installed now (unchanged if it has no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


# Enabled actions must stand out at a glance from the ones the queue does not allow now.
BUTTON_STYLE = (
    "QPushButton { border-radius: 6px; padding: 6px; }"
    "QPushButton:enabled { background: #1565C0; color: white; }"
    "QPushButton:enabled:pressed { background: #0D47A1; }"
    "QPushButton:disabled { background: #ECEFF1; color: #A0A7AD; }"
)
REQUEUED = (EventKind.RETURNED.value, EventKind.CANCELLED.value)
# Which console has the keys, where several share a window (the demo office): a frame round it.
KEYS_FRAME = "#console {{ border: 3px solid {0}; }}"
KEYS_COLOUR = "#1565C0"


@dataclass(frozen=True)
class CounterState:
    counter: CounterStatus
    waiting: list[Ticket]


class ConsoleWindow(QWidget):
    """The console of one counter.

    ``refreshed`` fires after each read of the counter's state; ``acted`` once an action is
    done (or refused) and its message and the state after it are on screen.
    """

    refreshed = Signal()
    acted = Signal()
    office_shown = Signal()

    def __init__(self, engine: TicketEngine, counter: int, *, poll_ms: int = POLL_MS) -> None:
        super().__init__()
        self.engine = engine
        self.office = engine.office
        self.counter = counter
        desk = self.office.counter(counter)  # KeyError for an unknown counter: caller checks
        self.services = list(desk.services)
        self.state: CounterState | None = None
        self.online = True
        self.busy = False
        self.no_shows: list[str] = []
        self.outage = ""  # why the database is out of reach, while it is
        # The last action's message as (source text, its fields, done): re-worded on a switch.
        self._said: tuple[str | QueueError, dict[str, str], bool] = ("", {}, True)
        # A sign-in refused after wrong PINs, and until when: its time left is counted down.
        self._held: tuple[PinRefused, dt.datetime] | None = None
        self._poll_ms = poll_ms
        self.refresh = Refresher(self._read, self._show, self._refresh_failed, owner=self).request
        self.feed: LiveFeed | None = None
        # A new office waits (``_new_office``) while the clerk serves a ticket.
        self._new_office: Office | None = None
        self._office_reload = OfficeReload(engine, self._office_loaded, owner=self)
        self.cases = Cases(engine)
        self.case_dialog: RegisterCaseDialog | None = None  # the last one opened
        self.cases_window: CasesDialog | None = None
        self._build()
        self.retranslate()
        self._clock = QTimer(self, interval=1000, timeout=self._tick)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = label("", 20, bold=True)
        self.services_line = label("", 11, color="#455A64")
        self.who = label("", 14, bold=True)
        self.badge = label("", 14, bold=True)
        self.banner = label("", 13, bold=True)
        self.banner.setStyleSheet("background: #C62828; color: white; padding: 8px;")
        self.banner.hide()
        header = QHBoxLayout()
        header.addLayout(column(self.title, self.services_line, spacing=None, margins=None), 1)
        header.addLayout(column(self.who, self.badge, spacing=None, margins=None))
        self.keys_here = label("", 11, bold=True, color=KEYS_COLOUR)
        self.keys_here.hide()
        header.addWidget(self.keys_here)
        self.language = LanguageSwitch()
        header.addWidget(self.language)

        self.sign_in = SignInPanel(self.office)
        self.sign_in.submitted.connect(self.submit_sign_in)
        self.card = TicketCard(self.office)
        self.left = QStackedWidget()
        self.left.addWidget(self.sign_in)
        self.left.addWidget(self.card)

        self.waiting = WaitingList(self.office, self.services)
        self.waiting.itemSelectionChanged.connect(self._update_buttons)
        self.no_show_view = no_show_list()
        self.no_show_view.itemSelectionChanged.connect(self._update_buttons)
        self.waiting_title = label("", 13, bold=True)
        self.no_show_title = label("", 11)
        right = column(
            self.waiting_title,
            self.waiting,
            self.no_show_title,
            self.no_show_view,
            spacing=None,
            margins=None,
        )
        middle = QHBoxLayout()
        middle.addWidget(self.left, 55)
        middle.addLayout(right, 45)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        for index, (action, key, _) in enumerate(ACTIONS):
            button = QPushButton()
            button.setFont(ui_font(13, bold=True))
            button.setStyleSheet(BUTTON_STYLE)
            button.setMinimumHeight(48)  # three rows of them leave the ticket room at 768
            button.clicked.connect(getattr(self, f"do_{action}"))
            self.buttons[action] = button
            # Four to a row, as the function keys are grouped on a keyboard: F1–F4, F5–F8,
            # F9 and F12; five to a row cut "F8   Return to queue" in a narrow console.
            self._key(key, button)
            grid.addWidget(button, index // 4, index % 4)
        self.message = label("", 13)

        root = QVBoxLayout(self)
        root.addLayout(header)
        root.addWidget(self.banner)
        root.addLayout(middle, 1)
        root.addLayout(grid)
        root.addWidget(self.message)
        self._update_buttons()
        # A click anywhere in the console gives it the keys; the frame shows who has them.
        self.setObjectName("console")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a console runs in the application
        app.focusChanged.connect(self._show_keys)

    def _key(self, key: str, button: QPushButton) -> None:
        """``key`` presses ``button`` while the focus is in this console, so two consoles in
        one window (the demo office) each have their keys; a button's own shortcut belongs to
        the whole window, and two of them on one key are ambiguous: Qt runs neither."""
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.animateClick)  # as a button's shortcut: not if disabled

    def has_keys(self) -> bool:
        """Whether the keys act here: the focus is in this console."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self or self.isAncestorOf(focus))

    def _show_keys(self) -> None:
        """Frame and say which console has the keys when it shares its window; alone, it
        always has them and shows nothing."""
        shown = self.has_keys() and not self.isWindow()
        if shown == (not self.keys_here.isHidden()):
            return  # a style sheet set again re-polishes every child: only on a change
        self.keys_here.setVisible(shown)
        self.setStyleSheet(KEYS_FRAME.format(KEYS_COLOUR if shown else "transparent"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text of the console in the language installed now."""
        desk = self.office.counter(self.counter)
        self.setWindowTitle(self.tr("counterdesk — counter {0}").format(self.counter))
        self.title.setText(
            self.tr("Counter {0}").format(self.counter) + f"  {desk.name.zh}  {desk.name.en}"
        )
        codes = "   ".join(
            f"{self.office.service(c).prefix} {self.office.service(c).name.zh}"
            for c in self.services
        )
        self.services_line.setText(self.tr("Serves: ") + codes)
        self.waiting_title.setText(self.tr("Waiting for this counter"))
        self.no_show_title.setText(self.tr("No-shows (F8 puts the selected one back in the queue)"))
        self.keys_here.setText(self.tr("Keys here"))
        self._label_buttons()
        self._show_banner()
        self._show_said()
        if self.state is not None:
            self._show_desk(self.state.counter)

    def _label_buttons(self) -> None:
        paused = self.state is not None and self.state.counter.paused
        for action, key, text in ACTIONS:
            button = self.buttons[action]
            button.setText(
                f"{key}   {translated(RESUME if action == 'pause' and paused else text)}"
            )

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        """Follow the event log and read the counter's state."""
        self.feed = LiveFeed(self.engine, interval_ms=self._poll_ms, parent=self)
        self.feed.events.connect(self._on_events)
        self.feed.events.connect(self._office_reload.on_events)
        self.feed.connection.connect(self._on_connection)
        self.feed.start()
        self._clock.start()
        self.refresh()

    def load_now(self) -> None:
        """Read the state synchronously (for a snapshot)."""
        self._show(self._read())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.feed is not None:
            self.feed.stop()
        self._clock.stop()
        super().closeEvent(event)

    def _read(self) -> CounterState:
        status = self.engine.read.status()
        desk = next(c for c in status.counters if c.number == self.counter)
        waiting = [t for t in self.engine.read.waiting() if t.service in self.services]
        return CounterState(desk, waiting)

    def _refresh_failed(self, error: Exception) -> None:
        self._set_online(False, refusal_text(error))

    def _on_events(self, batch: list[Event]) -> None:
        for event in batch:
            if event.kind in CALL_KINDS and event.counter == self.counter:
                # Whoever made it (this console, the command line), the call reached this
                # counter's screen: a soak checks the log for every call, none missed.
                log.info(
                    "call seen: %s at counter %s (event %s, %s)",
                    event.number,
                    self.counter,
                    event.id,
                    event.kind,
                )
            if event.kind == EventKind.NO_SHOW.value and event.counter == self.counter:
                if event.number and event.number not in self.no_shows:
                    self.no_shows.insert(0, event.number)
            elif event.number in self.no_shows and event.kind in REQUEUED:
                self.no_shows.remove(event.number)
        self.refresh()

    def _on_connection(self, online: bool, message: str) -> None:
        self._set_online(online, message)
        if online:
            self.refresh()

    def _set_online(self, online: bool, message: str) -> None:
        self.online = online
        self.outage = "" if online else message
        self.banner.setVisible(not online)
        self._show_banner()
        self._update_buttons()

    def _show_banner(self) -> None:
        self.banner.setText(
            self.tr(
                "Database out of reach: retrying, and catching up when it is back. ({0})"
            ).format(self.outage)
        )

    # -- showing -------------------------------------------------------------------------------

    def _show(self, state: CounterState) -> None:
        self.state = state
        if not self.online:  # a read that worked proves the database is back
            self._set_online(True, "")
        desk = state.counter
        self.left.setCurrentWidget(self.card if desk.staff is not None else self.sign_in)
        self._show_desk(desk)
        self.card.show_ticket(desk.current, desk.paused)
        now = self.engine.clock.now()
        self.waiting.show_waiting(state.waiting, now)
        self.no_show_view.clear()
        self.no_show_view.addItems(self.no_shows)
        if self.no_shows:
            self.no_show_view.setCurrentRow(0)
        self._tick()
        self._update_buttons()
        self.refreshed.emit()
        self._show_new_office()

    def _office_loaded(self, office: Office) -> None:
        self._new_office = office
        self._show_new_office()

    def _show_new_office(self) -> None:
        """Show a newly stored office's counter, services and staff, once the clerk serves
        no ticket (nor is signed in as someone the new office no longer lists): what they
        are serving stays on screen as it was."""
        office, desk = self._new_office, self.state.counter if self.state else None
        if office is None or desk is None or desk.current is not None or self.busy:
            return
        if desk.staff is not None and desk.staff not in {m.code for m in office.staff}:
            return
        try:
            services = list(office.counter(self.counter).services)
        except KeyError:
            log.warning("counter %s is not in the office loaded; keeping the old", self.counter)
            self._new_office = None
            return
        self._new_office, self.office, self.services = None, office, services
        self.sign_in.set_staff(office)
        self.card.office = office
        self.waiting.set_services(office, services)
        self.retranslate()
        self.refresh()
        log.info("counter %s: showing the office loaded meanwhile", self.counter)
        self.office_shown.emit()

    def _show_desk(self, desk: CounterStatus) -> None:
        """Who is signed in, whether the counter is open, and the break button's word."""
        signed_in = desk.staff is not None
        if signed_in:
            self.who.setText(self.tr("Signed in: ") + self._member_name(desk.staff or ""))
        else:
            self.who.setText(self.tr("Nobody signed in"))
        badge, colour = (
            (self.tr("ON BREAK"), "#B26A00")
            if desk.paused
            else (self.tr("OPEN"), "#1B5E20")
            if signed_in
            else (self.tr("CLOSED"), "#616161")
        )
        self.badge.setText(badge)
        self.badge.setStyleSheet(f"color: white; background: {colour}; padding: 4px 12px;")
        self._label_buttons()

    def _member_name(self, code: str) -> str:
        """The member's names, or their code when the office no longer lists them: a session
        outlives an office change that removed its member until they sign out."""
        try:
            member = self.office.staff_member(code)
        except KeyError:
            return code
        return f"{member.name.zh} {member.name.en}"

    def _tick(self) -> None:
        now = self.engine.clock.now()
        self.card.tick(now)
        self.waiting.tick(now)
        if self._held is not None:
            self._count_down(now)

    def _count_down(self, now: dt.datetime) -> None:
        """Re-say a PIN refusal with the time left in it; say nothing once it is over."""
        assert self._held is not None
        refusal, until = self._held
        if now >= until:
            self._held = None
            self._say("", {}, ok=True)
        else:
            self._say(*_held_back(refusal, until - now), ok=False)

    def allowed(self) -> dict[str, bool]:
        """Which actions the queue allows now (all off while offline or busy)."""
        state = self.state
        if state is None or not self.online or self.busy:
            return {action: False for action, _, _ in ACTIONS}
        desk = state.counter
        signed, paused, ticket = desk.staff is not None, desk.paused, desk.current
        can_call = signed and not paused and ticket is None
        called = ticket is not None and ticket.status == "called"
        return {
            "call_next": can_call and bool(state.waiting),
            "recall": called,
            "start": called,
            "finish": ticket is not None and ticket.status == "serving",
            "no_show": called,
            "transfer": ticket is not None,
            "call_selected": can_call and self.waiting.selected_number() is not None,
            "return": signed and bool(self.no_show_view.selectedItems()),
            "pause": signed and ticket is None,
            "finish_case": ticket is not None
            and ticket.status == "serving"
            and self.office.service(ticket.service).cases is not None,
            "cases": signed,
            "sign_out": signed and ticket is None,
        }

    def _update_buttons(self) -> None:
        for action, enabled in self.allowed().items():
            self.buttons[action].setEnabled(enabled)

    # -- actions -------------------------------------------------------------------------------

    def _act(self, done: str, work: Callable[[], Any], **fields: str) -> None:
        """Run one queue operation and re-read the state, both off the UI thread; then say
        ``done`` (a source text, filled in with ``fields`` and the ticket's ``{number}``)."""
        self.busy = True
        self._update_buttons()
        run_in_background(
            lambda: (work(), self._read()),
            lambda outcome: self._acted(done, fields, *outcome),
            self._failed,
            owner=self,
        )

    def _acted(self, done: str, fields: dict[str, str], result: Any, state: CounterState) -> None:
        self.busy = False
        self._held = None
        ok = True
        if isinstance(result, Ticket):
            fields = {**fields, "number": result.number}
            if result.status == "called" and result.counter == self.counter:
                log.info(
                    "call made: %s at counter %s (call %s)",
                    result.number,
                    self.counter,
                    result.call_count,
                )
        elif result is None and "{number}" in done:
            done, ok = NOBODY_WAITING, False
        self._say(done, fields, ok=ok)
        self._show(state)
        self.acted.emit()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self._held = None
        if isinstance(error, PinRefused):
            now = self.engine.clock.now()
            self._held = (error, now + error.remaining)
            self._count_down(now)
        elif isinstance(error, QueueError):
            self._say(error, {}, ok=False)  # the queue's own words, in the window's language
        else:
            self._say(NOT_DONE, {}, ok=False)
            log.warning("counter %s: action failed: %s", self.counter, error_text(error))
        self._update_buttons()
        self.refresh()
        self.acted.emit()

    def _say(self, source: str | QueueError, fields: dict[str, str], *, ok: bool) -> None:
        """``source``: a console word to translate, or a refusal worded again on a switch."""
        self._said = (source, fields, ok)
        self._show_said()

    def _show_said(self) -> None:
        source, fields, ok = self._said
        if isinstance(source, QueueError):
            text = refusal_text(source)
        else:
            text = translated(source) if source else ""
        self.message.setText(text.format(**fields) if fields else text)
        self.message.setStyleSheet(f"color: {'#1B5E20' if ok else '#C62828'};")

    def submit_sign_in(self, staff: str, pin: str) -> None:
        def work() -> None:
            self.engine.sign_in(self.counter, staff, pin)

        self.sign_in.clear()
        self._act(QT_TRANSLATE_NOOP("ConsoleWindow", "Signed in as {staff}"), work, staff=staff)

    def do_call_next(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Called {number}"),
            lambda: self.engine.call_next(self.counter),
        )

    def do_recall(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Called {number} again"),
            lambda: self.engine.recall(self.counter),
        )

    def do_start(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Serving {number}"),
            lambda: self.engine.start(self.counter),
        )

    def do_finish(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Finished {number}"),
            lambda: self.engine.finish(self.counter),
        )

    def do_finish_case(self) -> None:
        """Finish the ticket and register the application it handed in: the dialog finishes
        it when staff first press Register, so a refused case number leaves it finished and
        the number can be corrected and registered again; closing the dialog before that
        leaves the ticket being served."""
        state = self.state
        current = state.counter.current if state else None
        if current is None or state is None or state.counter.staff is None:
            return
        counter, number = self.counter, current.number
        dialog = RegisterCaseDialog(
            self.cases,
            state.counter.staff,
            self,
            prepare=lambda: self.engine.finish(counter).id,
        )
        dialog.show_title(
            self.tr("Finish %1 and register the application it handed in").replace("%1", number)
        )
        dialog.prepared.connect(self._case_ticket_finished)
        dialog.registered.connect(self._case_registered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._case_dialog_closed)
        self.case_dialog = dialog
        dialog.open()

    def _case_dialog_closed(self) -> None:
        self.case_dialog = None
        self.setFocus()  # the console's keys again

    def _case_ticket_finished(self) -> None:
        self._say(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Finished: no case registered yet"), {}, ok=False
        )
        self.refresh()

    def _case_registered(self, case: Case) -> None:
        self._say(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Finished; case {case} registered"),
            {"case": case.number},
            ok=True,
        )
        self.refresh()
        self.acted.emit()

    def do_cases(self) -> None:
        """Find a case by its number and move it (F11)."""
        if self.cases_window is None:
            self.cases_window = CasesDialog(self.cases, self._signed_in_staff, self)
        self.cases_window.show()
        self.cases_window.activateWindow()
        self.cases_window.panel.number.setFocus()

    def _signed_in_staff(self) -> str | None:
        return self.state.counter.staff if self.state is not None else None

    def do_no_show(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "{number} marked as no-show"),
            lambda: self.engine.no_show(self.counter),
        )

    def do_transfer(self) -> None:
        state = self.state
        current = state.counter.current if state else None
        if current is None:
            return
        target = self.choose_service(current.service)
        if target is None:
            return
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "{number} transferred to {service}"),
            lambda: self.engine.transfer(self.counter, target),
            service=target,
        )

    def choose_service(self, current: str) -> str | None:
        """Ask which service to transfer to (a method, so tests can answer it)."""
        choices = [s for s in self.office.services if s.code != current]
        names = [f"{s.prefix}  {s.name.zh}  {s.name.en}" for s in choices]
        name, ok = QInputDialog.getItem(
            self, self.tr("Transfer"), self.tr("Transfer to which service?"), names, 0, False
        )
        return choices[names.index(name)].code if ok and name in names else None

    def do_call_selected(self) -> None:
        number = self.waiting.selected_number()
        if number is not None:
            self._act(
                QT_TRANSLATE_NOOP("ConsoleWindow", "Called {number}"),
                lambda: self.engine.call_ticket(self.counter, number),
            )

    def do_return(self) -> None:
        items = self.no_show_view.selectedItems()
        if not items:
            return
        number = items[0].text()
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "{number} is back in the queue"),
            lambda: self.engine.return_to_queue(number),
        )

    def do_pause(self) -> None:
        if self.state is not None and self.state.counter.paused:
            self._act(
                QT_TRANSLATE_NOOP("ConsoleWindow", "Counter open again"),
                lambda: self.engine.resume(self.counter),
            )
        else:
            self._act(
                QT_TRANSLATE_NOOP("ConsoleWindow", "On break"),
                lambda: self.engine.pause(self.counter),
            )

    def do_sign_out(self) -> None:
        self._act(
            QT_TRANSLATE_NOOP("ConsoleWindow", "Signed out"),
            lambda: self.engine.sign_out(self.counter),
        )


def _held_back(refusal: PinRefused, left: dt.timedelta) -> tuple[str, dict[str, str]]:
    """The sign-in's words for a refusal after wrong PINs, with the time ``left``."""
    seconds = max(1, math.ceil(left.total_seconds()))
    if not refusal.locked:
        return PIN_DELAY, {"seconds": str(seconds)}
    time = {"minutes": str(seconds // 60), "seconds": str(seconds % 60)}
    if refusal.subject.kind == "staff":
        return STAFF_LOCKED, {**time, "staff": refusal.subject.name}
    return COUNTER_LOCKED, time


def open_console(engine: TicketEngine, counter: int, staff: str | None = None) -> ConsoleWindow:
    """A running console for ``counter`` (for the role and the demo office).

    ``staff`` signs that member in without a PIN: for the demo office only, where nobody has
    set one yet.
    """
    if staff is not None:
        engine.sign_in(counter, staff)
    window = ConsoleWindow(engine, counter)
    window.start()
    return window
