"""The citizen kiosk: choose a service, read its procedure, tick the checklist, take a number;
or check in a booking, typed on a keypad or scanned on any page (``kiosk/scanner.py``).

Database and printer work run off the UI thread; the live event feed keeps waiting counts
current as other terminals issue and call tickets. The kiosk goes back to its home page after
an idle timeout from any page, and only staff with the PIN can leave full screen or close it.
"""

from __future__ import annotations

import logging
import math
import socket

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk import phrases
from counterdesk.devices.printer import TicketPrinter
from counterdesk.devices.speech_protocol import SilentSpeaker, Speaker, Utterance
from counterdesk.devices.ticket_content import TicketContent, content_for
from counterdesk.devices.ticket_image import qr_matrix
from counterdesk.devices.ticket_printing import PrintOutcome, print_ticket
from counterdesk.kiosk.check_in_page import CheckInPage, refusal
from counterdesk.kiosk.home import HomePage, PriorityPage
from counterdesk.kiosk.scanner import GAP_MS, ScannerInput
from counterdesk.kiosk.service_page import ServicePage
from counterdesk.kiosk.staff_exit import CLOSE, LEAVE_FULL_SCREEN, ExitCheck, StaffExitDialog
from counterdesk.kiosk.style import stylesheet
from counterdesk.kiosk.ticket_page import TicketPage
from counterdesk.kiosk.widgets import Button, Pair, label
from counterdesk.phrases import Bilingual
from counterdesk.queue import (
    Office,
    OfficeStatus,
    ServiceStatus,
    Ticket,
    TicketEngine,
    TicketRefused,
)
from counterdesk.queue.bookings import Bookings, CheckInRefused
from counterdesk.queue.errors import InvalidInput, NotFound, error_text
from counterdesk.queue.pin_guard import PinRefused
from counterdesk.ui.live import POLL_MS, LiveFeed
from counterdesk.ui.office_reload import OfficeReload
from counterdesk.ui.refresh import Refresher
from counterdesk.ui.tasks import run_in_background, wait_for_work
from counterdesk.ui.theme import TARGET_MM, mm_to_px

log = logging.getLogger(__name__)
SHUTDOWN_WAIT_MS = 5000
BUSY_AFTER_MS = 250
LANDSCAPE_TYPE = 0.85
SETTLE_MS = 400
ACTIVITY = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
)


class HoldArea(QWidget):
    """Emits ``held`` after a finger rests on it for ``hold_ms``: the hidden staff gesture."""

    held = Signal()

    def __init__(self, hold_ms: int) -> None:
        super().__init__()
        self._timer = QTimer(self, singleShot=True, interval=hold_ms, timeout=self.held.emit)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._timer.stop()
        event.accept()


class KioskWindow(QWidget):
    """``ticket_shown`` fires with the ticket's content once its confirmation is on screen."""

    ticket_shown = Signal(object)
    printed = Signal(object)
    refreshed = Signal()
    went_home = Signal()
    office_shown = Signal()

    def __init__(
        self,
        engine: TicketEngine,
        *,
        printer: TicketPrinter | None = None,
        speaker: Speaker | None = None,
        pin_hash: str | None = None,
        idle_ms: int = 90_000,
        confirm_ms: int = 12_000,
        poll_ms: int = POLL_MS,
        hold_ms: int = 3000,
        scan_gap_ms: int = GAP_MS,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.office = engine.office
        self.printer = printer
        self.speaker: Speaker = speaker or SilentSpeaker()
        self.pin_hash = pin_hash
        self.name = socket.gethostname()  # wrong staff PINs are counted per kiosk
        self._exit_check = None if pin_hash is None else ExitCheck(engine, self.name, pin_hash)
        self.exit_dialog: StaffExitDialog | None = None
        self.status: OfficeStatus | None = None
        self.setObjectName("kiosk")
        self.setWindowTitle(self.office.title)
        self._issuing = False
        self._may_close = pin_hash is None
        self._refresher = Refresher(
            self.engine.read.status, self._apply_status, self._status_failed, owner=self
        )
        self._scale = 0.0
        self.feed = LiveFeed(engine, interval_ms=poll_ms, parent=self)
        # Changes elsewhere refresh the counts a moment later, in one read for a burst of
        # events, and not in the middle of this kiosk's own take-a-number.
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self.refresh)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self.feed.events.connect(self._changed_elsewhere)
        # A new office waits (``_new_office``) while a citizen is past the home page.
        self._new_office: Office | None = None
        self._office_reload = OfficeReload(engine, self._office_loaded, owner=self)
        self.feed.events.connect(self._office_reload.on_events)
        self._build(hold_ms)
        self._idle = QTimer(self, singleShot=True, interval=idle_ms, timeout=self._idle_timeout)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._confirm = QTimer(self, singleShot=True, interval=confirm_ms, timeout=self.show_home)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._countdown = QTimer(self, interval=250, timeout=self._show_countdown)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._minute = QTimer(self, interval=30_000, timeout=self._tick)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        self._watching = False
        self.scanner = ScannerInput(self, scan_gap_ms)
        self.scanner.scanned.connect(self.check_in)
        self._checking: str | None = None  # the code being checked in

    # -- layout ----------------------------------------------------------------------------

    def _build(self, hold_ms: int) -> None:
        header = QFrame()
        header.setObjectName("header")
        self.hold = HoldArea(hold_ms)
        self.hold.held.connect(self.request_staff_exit)
        self.title = Pair(Bilingual.of(self.office.office.name), "header")
        QVBoxLayout(self.hold).addWidget(self.title)
        self.clock = label("", "header-zh", wrap=False)
        self.read_button = Button(phrases.READ_ALOUD, kind="header")
        self.read_button.clicked.connect(self.read_aloud)
        row = QHBoxLayout(header)
        row.addWidget(self.hold, 1)
        row.addWidget(self.clock)
        row.addWidget(self.read_button)

        self.home = HomePage(self.office)
        self.priority_page = PriorityPage(self.office)
        self.service_page = ServicePage()
        self.ticket_page = TicketPage()
        self.check_in_page = CheckInPage()
        self.pages: tuple[QWidget, ...] = (
            self.home,
            self.priority_page,
            self.service_page,
            self.ticket_page,
            self.check_in_page,
        )
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        # Home again (idle, done, back): the moment to show an office loaded meanwhile.
        self.stack.currentChanged.connect(self._show_new_office)
        self.home.chosen.connect(lambda code: self.open_service(code, priority=False))
        self.home.priority_chosen.connect(lambda: self.stack.setCurrentWidget(self.priority_page))
        self.priority_page.chosen.connect(lambda code: self.open_service(code, priority=True))
        self.priority_page.back.connect(self.show_home)
        self.service_page.back.connect(self._service_back)
        self.service_page.take.connect(self.take_number)
        self.ticket_page.done.connect(self.show_home)
        self.home.check_in_chosen.connect(self.open_check_in)
        self.check_in_page.back.connect(self.show_home)
        self.check_in_page.submit.connect(self.check_in)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Never grow the window to fit content: type scales with the window, and growth would
        # feed back into larger type. Pages are laid out to fit; a long checklist scrolls.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type follows the window; touch targets follow the screen's millimetres."""
        size = event.size()
        portrait = size.height() >= size.width()
        # A landscape screen has little more than half a portrait one's height for the same
        # twelve services: slightly smaller type keeps every tile in view without scrolling.
        scale = min(size.width(), size.height()) / 1080 * (1.0 if portrait else LANDSCAPE_TYPE)
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self.setStyleSheet(stylesheet(scale, self.target_px()))
        margin = round(24 * scale)
        for page in self.pages:
            page.layout().setContentsMargins(margin, margin, margin, margin)  # type: ignore[union-attr]  # laid out at construction
            page.layout().setSpacing(round(18 * scale))  # type: ignore[union-attr]  # laid out at construction
        columns = 2 if portrait else 4
        for grid in (self.home.grid, self.priority_page.grid):
            grid.set_columns(columns)
            grid.set_spacing(round(16 * scale))
        self.service_page.set_portrait(portrait)
        self.check_in_page.set_portrait(portrait)
        self.ticket_page.set_portrait(portrait, scale)
        super().resizeEvent(event)

    def target_px(self) -> int:
        return mm_to_px(TARGET_MM, self)

    # -- running ---------------------------------------------------------------------------

    def start(self) -> None:
        """Begin live updates and idle watching (not done for snapshots)."""
        self.feed.start()
        self._minute.start()
        self._watching = True
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]  # the app runs
        self._idle.start()
        self.refresh()
        self._tick()

    def load_now(self) -> None:
        """Read the status synchronously: for snapshots, which have no event loop to wait on."""
        self._apply_status(self.engine.read.status())
        self._tick()

    def stop(self) -> None:
        """Stop timers and the feed, and let background reads and prints finish: their results
        are delivered through objects owned by this window, which must outlive them."""
        if self._watching:
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]  # the app runs
            self._watching = False
        for timer in (self._idle, self._confirm, self._countdown, self._minute, self._settle):
            timer.stop()
        self.feed.stop()
        wait_for_work(self, SHUTDOWN_WAIT_MS)

    def _tick(self) -> None:
        now = self.engine.clock.now().astimezone(self.office.zone)
        self.clock.setText(f"{now:%H:%M}")
        if self.status is not None:
            self._show_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any touch, click or key inside the kiosk restarts the idle countdown; keys go to
        the scanner's reading (not the staff PIN dialog's: a window of its own)."""
        if not (
            event.type() in ACTIVITY
            and isinstance(watched, QWidget)
            and (watched is self or self.isAncestorOf(watched))
        ):
            return False
        self._idle.start()
        return isinstance(event, QKeyEvent) and self.scanner.key(event)

    def _idle_timeout(self) -> None:
        if self.stack.currentWidget() is not self.home:
            log.info("kiosk idle: back to the home page")
            self.show_home()
        self._idle.start()

    # -- status ----------------------------------------------------------------------------

    def _changed_elsewhere(self, _events: list[object]) -> None:
        if not self._settle.isActive():
            self._settle.start()

    def refresh(self) -> None:
        """Re-read waiting counts off the UI thread; calls during a read are merged into one."""
        self._refresher.request()

    def _apply_status(self, status: OfficeStatus) -> None:
        self.status = status
        self._show_status()
        self.refreshed.emit()

    def _status_failed(self, error: Exception) -> None:
        log.warning("kiosk cannot read the queue status: %s", error_text(error))

    def closed_now(self) -> Bilingual | None:
        """Why no number can be taken at this moment (outside hours, after last ticket, on a
        closed date, which it names)."""
        now = self.engine.clock.now()
        reason = self.office.ticket_window(now)
        if reason is None:
            return None
        return phrases.closed_reason(reason, self.office.closed_date(self.office.local_date(now)))

    def _show_status(self) -> None:
        closed = self.closed_now()
        self.home.show_status(self.status, closed)
        self.priority_page.show_status(self.status, closed)
        service = self.service_page.service
        if service is None or self._issuing:
            return
        found = self._service_status(service.code)
        if found is None and self.status is not None:  # gone from an office loaded meanwhile
            self.service_page.refuse(phrases.CANNOT_ISSUE, None)
        else:
            self.service_page.show_status(found, closed)

    def _service_status(self, code: str) -> ServiceStatus | None:
        """The open service's status as the ticket its page issues (priority or not) sees it."""
        if self.status is None:
            return None
        found = next((s for s in self.status.services if s.code == code), None)
        if found is not None and self.service_page.priority:
            return found.for_priority()
        return found

    # -- navigation ------------------------------------------------------------------------

    def show_home(self) -> None:
        self._confirm.stop()
        self._countdown.stop()
        self.stack.setCurrentWidget(self.home)
        self.went_home.emit()

    # -- a new office ----------------------------------------------------------------------

    def _office_loaded(self, office: Office) -> None:
        self._new_office = office
        self._show_new_office()

    def _show_new_office(self, _page: int = 0) -> None:
        """Show a newly stored office, but only on the home page: a citizen choosing a
        service or taking a number keeps what they see until the kiosk is home again. (The
        domain already follows the new office: a service removed meanwhile is refused.)"""
        office = self._new_office
        if office is None or self._issuing or self.stack.currentWidget() is not self.home:
            return
        self._new_office, self.office = None, office
        self.setWindowTitle(office.title)
        self.title.set_text(Bilingual.of(office.office.name))
        self.home.set_office(office)
        self.priority_page.grid.set_services(office)
        if self.status is not None:
            self._show_status()
        self.refresh()
        log.info("kiosk: showing the office loaded meanwhile")
        self.office_shown.emit()

    def _service_back(self) -> None:
        back = self.priority_page if self.service_page.priority else self.home
        self.stack.setCurrentWidget(back)

    def open_check_in(self) -> None:
        self.check_in_page.reset()
        self.stack.setCurrentWidget(self.check_in_page)

    def open_service(self, code: str, *, priority: bool) -> None:
        self.service_page.show_service(self.office.service(code), priority=priority)
        self.service_page.show_status(self._service_status(code), self.closed_now())
        self.stack.setCurrentWidget(self.service_page)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()  # type: ignore[return-value]  # never empty

    # -- taking a number -------------------------------------------------------------------

    def take_number(self) -> None:
        """Issue one ticket for the open service; taps while it is being issued are ignored."""
        service = self.service_page.service
        if self._issuing or service is None:
            return
        closed = self.closed_now()
        if closed is not None:
            self.service_page.show_status(self._service_status(service.code), closed)
            return
        self._issuing = True
        # Say "issuing…" only if the database is slow: repainting the page at once would
        # delay the confirmation, which usually follows within a few hundredths of a second.
        QTimer.singleShot(BUSY_AFTER_MS, self._show_busy)
        missing = self.service_page.missing()
        priority = self.service_page.priority

        def issue() -> tuple[Ticket, TicketContent, list[list[bool]]]:
            ticket = self.engine.issue(service.code, priority=priority)
            content = content_for(self.office, ticket, missing)
            return ticket, content, qr_matrix(content.status_url)

        run_in_background(issue, self._issued, self._issue_failed, owner=self)

    def _show_busy(self) -> None:
        if not self._issuing:
            return
        if self._checking is None:
            self.service_page.set_busy(True)
        else:  # a scan from another page: the code read, and "checking you in…"
            self.check_in_page.show_code(self._checking)
            self.check_in_page.set_busy(True)
            self.stack.setCurrentWidget(self.check_in_page)

    def _issued(self, issued: tuple[Ticket, TicketContent, list[list[bool]]]) -> None:
        self._issuing, self._checking = False, None
        ticket, content, qr_modules = issued
        self.show_ticket(content, qr_modules)
        self.ticket_shown.emit(content)
        log.info("kiosk issued %s (%s)", ticket.number, ticket.service)
        printer = self.printer
        run_in_background(
            lambda: print_ticket(self.engine, printer, ticket.id, content),
            lambda outcome: self._printed(content, outcome),
            lambda error: self._print_not_recorded(content, error),
            owner=self,
        )
        self.refresh()

    def show_ticket(
        self, content: TicketContent, qr_modules: list[list[bool]] | None = None
    ) -> None:
        """The confirmation page, back home by itself after a few seconds."""
        self.ticket_page.show_ticket(content, qr_modules)
        self.stack.setCurrentWidget(self.ticket_page)
        self._confirm.start()
        self._countdown.start()
        self._show_countdown()

    def _show_countdown(self) -> None:
        remaining = self._confirm.remainingTime() if self._confirm.isActive() else 0
        self.ticket_page.set_countdown(max(0, math.ceil(remaining / 1000)))

    def _issue_failed(self, error: Exception) -> None:
        self._issuing = False
        if isinstance(error, TicketRefused):
            self.service_page.refuse(phrases.FULL_TODAY, phrases.FULL_TODAY_HINT)
        else:  # unknown: a service an office loaded meanwhile no longer offers
            level = logging.INFO if isinstance(error, NotFound) else logging.ERROR
            log.log(level, "kiosk could not issue a ticket: %s", error_text(error))
            self.service_page.refuse(phrases.CANNOT_ISSUE, None)
        self.refresh()

    def _printed(self, content: TicketContent, outcome: PrintOutcome) -> None:
        if self.ticket_page.content is content:
            self.ticket_page.show_print(outcome)
        self.printed.emit(outcome)

    # -- checking in a booking -------------------------------------------------------------

    def check_in(self, code: str) -> None:
        """Check in the booking ``code`` (typed or scanned) off the UI thread: its ticket page,
        or the check-in page saying why not. A scan while a ticket is being issued is ignored."""
        if self._issuing:
            return
        self._issuing, self._checking = True, code
        self._confirm.stop()  # a scan on a ticket's page: that page may not go home meanwhile
        self._countdown.stop()
        QTimer.singleShot(BUSY_AFTER_MS, self._show_busy)
        bookings, office = Bookings(self.engine), self.office

        def attempt() -> tuple[Ticket, TicketContent, list[list[bool]]] | Bilingual | None:
            try:
                checked = bookings.check_in(code)
            except (CheckInRefused, NotFound, InvalidInput) as error:
                return refusal(error, office.zone)
            content = content_for(office, checked.ticket, late_booking=checked.late)
            return checked.ticket, content, qr_matrix(content.status_url)

        run_in_background(attempt, self._checked_in, self._check_in_failed, owner=self)

    def _checked_in(
        self, answer: tuple[Ticket, TicketContent, list[list[bool]]] | Bilingual | None
    ) -> None:
        if isinstance(answer, Bilingual) or answer is None:
            self._check_in_refused(answer or phrases.CANNOT_CHECK_IN)
        else:
            self._issued(answer)

    def _check_in_failed(self, error: Exception) -> None:
        log.error("kiosk could not check in a booking: %s", error_text(error))
        self._check_in_refused(phrases.CANNOT_CHECK_IN)

    def _check_in_refused(self, phrase: Bilingual) -> None:
        """The check-in page with the code and why it was not checked in; home after the idle
        timeout, or at once with Back."""
        code, self._issuing, self._checking = self._checking or "", False, None
        log.info("kiosk: booking not checked in: %s", phrase.en)
        self.check_in_page.show_code(code)
        self.check_in_page.refuse(phrase)
        self.stack.setCurrentWidget(self.check_in_page)

    def _print_not_recorded(self, content: TicketContent, error: Exception) -> None:
        log.error("print state of %s not recorded: %s", content.number, error_text(error))
        self._printed(content, PrintOutcome("failed", error_text(error)))

    # -- reading aloud ---------------------------------------------------------------------

    def utterances(self) -> list[Utterance]:
        page = self.stack.currentWidget()
        return page.utterances()  # type: ignore[union-attr]  # every page has utterances()

    def read_aloud(self) -> None:
        self.speaker.say(self.utterances())

    # -- staff exit ------------------------------------------------------------------------

    def request_staff_exit(self) -> None:
        """Ask staff for the PIN, then leave full screen or close (see ``_check_exit``)."""
        if self.exit_dialog is not None:
            return  # already asking
        dialog = StaffExitDialog(self)
        dialog.setStyleSheet(self.styleSheet())
        dialog.resize(self.width() * 2 // 3, self.height() * 2 // 3)
        dialog.chosen.connect(self._check_exit)
        dialog.finished.connect(self._exit_dialog_closed)
        self.exit_dialog = dialog
        dialog.open()

    def _exit_dialog_closed(self) -> None:
        if self.exit_dialog is not None:
            self.exit_dialog.deleteLater()
            self.exit_dialog = None

    def _check_exit(self, pin: str, action: str) -> None:
        """Check the PIN off the UI thread (scrypt and database writes that may wait for a
        locked or distant database): the kiosk stays responsive and the dialog says
        "Checking…" meanwhile. A wrong PIN does nothing but say so."""
        if self._exit_check is None:
            self._exit(action)
            return
        dialog, check = self.exit_dialog, self._exit_check

        def answered(allowed: bool) -> None:
            if dialog is not self.exit_dialog or dialog is None:
                return  # cancelled meanwhile
            if allowed:
                self._exit(action)
            else:
                dialog.wrong_pin()

        def failed(error: Exception) -> None:
            if dialog is not self.exit_dialog or dialog is None:
                return
            if isinstance(error, PinRefused):
                dialog.held_back(error)
            else:
                log.error("kiosk: staff PIN not checked: %s", error_text(error))
                dialog.not_checked()

        run_in_background(lambda: check.allowed(pin), answered, failed, owner=self)

    def _exit(self, action: str) -> None:
        if self.exit_dialog is not None:
            self.exit_dialog.accept()
        log.info("kiosk: staff %s", "closed the kiosk" if action == CLOSE else "left full screen")
        # The top level: this window, or the one it fills after starting before its database.
        if action == LEAVE_FULL_SCREEN:
            self.window().showNormal()
        elif action == CLOSE:
            self._may_close = True
            self.window().close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            QTimer.singleShot(0, self.request_staff_exit)
            return
        self.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.pin_hash is not None:
            self.request_staff_exit()
            return
        super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Close without asking: for the program's own exit (demo office, tests)."""
        self._may_close = True
        self.close()


def open_kiosk(
    engine: TicketEngine,
    *,
    printer: TicketPrinter | None = None,
    speaker: Speaker | None = None,
    pin_hash: str | None = None,
    **options: int,
) -> KioskWindow:
    """A running kiosk window (live updates on): what the demo office and ``kiosk`` open."""
    window = KioskWindow(engine, printer=printer, speaker=speaker, pin_hash=pin_hash, **options)
    window.start()
    return window
