"""The demo office: every role's real window on one screen, over one local SQLite file.

A newcomer runs ``python main.py`` and within a minute takes a number at the kiosk, calls it
at a console, sees and hears it on the board, rates the visit on counter 1's citizen screen
and finds it all in the supervisor's figures. The ticket's status page (its QR code) is served
on this PC too. The demo keeps its own database (``demo.sqlite3``) so it never mixes with an
office's real one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from counterdesk.board.window import open_board
from counterdesk.counter.window import ConsoleWindow, open_console
from counterdesk.demo.cases import demo_cases, status_page
from counterdesk.demo.notifications import demo_notifier, watch_a_demo_ticket
from counterdesk.devices.speech_protocol import Speaker
from counterdesk.kiosk.window import open_kiosk
from counterdesk.queue import TicketEngine, load_office, open_office
from counterdesk.queue.bookings import Booking, BookingRefused, Bookings
from counterdesk.queue.office import SAMPLE_OFFICE, Office
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.queue.slots import bookable_services
from counterdesk.rating_screen.window import open_rating_screen
from counterdesk.reporting.periods import PRESETS
from counterdesk.settings import APP, load_settings
from counterdesk.simulation.simulator import DayResult, fill_history
from counterdesk.supervisor.window import open_supervisor
from counterdesk.ui import translation
from counterdesk.ui.app import run_window, ui_font
from counterdesk.ui.language_switch import LanguageSwitch
from counterdesk.ui.launch import speaker_for
from counterdesk.web.server import make_server

# Counters staffed in the demo, and who signs in there (no PIN: demo only).
DEMO_DESKS = ((1, "wang"), (2, "chen"))
# The sample office's tickets point their QR codes at this port (office.status_url).
STATUS_PORT = 8080
FEEDBACK_PANEL = QSize(512, 300)  # a 7-inch 1024x600 panel, scaled to fit beside a console
CONSOLES_FROM = 2  # the consoles' tabs follow the kiosk's and the board's


def _data_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def demo_database() -> str:
    return f"sqlite:///{_data_folder() / 'demo.sqlite3'}"


class DemoOffice(QWidget):
    """The kiosk, the board, a console per demo counter and the supervisor, a tab each.

    One window to a tab, so that every tab fits a 1366x768 screen as well as 1920x1080; only
    counter 1's tab holds two, its console and its citizen rating screen, as that counter
    has both. Showing a counter's tab gives its console the keys. The frame (tab and pane
    names) is for staff, so it is in their language, with the switch in the tabs' corner;
    what the citizens' windows show stays in both languages.
    """

    def __init__(self, engine: TicketEngine, speaker: Speaker) -> None:
        super().__init__()
        self.kiosk = open_kiosk(engine, speaker=speaker)
        self.board = open_board(engine, speaker)
        self.consoles = [open_console(engine, counter, staff) for counter, staff in DEMO_DESKS]
        self.feedback = open_rating_screen(engine, DEMO_DESKS[0][0])
        self.supervisor = open_supervisor(engine, language=translation.current())
        # The period that holds the demo's data: today and the simulated weeks before it.
        self.supervisor.preset.setCurrentIndex(PRESETS.index("four_weeks"))

        self.feedback_title = _title()
        tabs = QTabWidget()
        tabs.addTab(_panes(self.kiosk), "")
        tabs.addTab(_panes(self.board), "")
        for console in self.consoles:
            if console.counter == self.feedback.counter:
                tabs.addTab(
                    _panes(console, (self.feedback_title, _small_screen(self.feedback))), ""
                )
            else:
                tabs.addTab(_panes(console), "")
        tabs.addTab(self.supervisor, "")
        self.language = LanguageSwitch()
        tabs.setCornerWidget(self.language)
        tabs.currentChanged.connect(self._give_keys)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tabs)
        self.tabs = tabs
        self.retranslate()

    def console_tab(self, console: ConsoleWindow) -> int:
        """The index of ``console``'s tab."""
        return CONSOLES_FROM + self.consoles.index(console)

    def _give_keys(self, index: int) -> None:
        """A counter's tab shown gives its console the keys, as a click in it would: F1 calls
        at once, with no click first."""
        if CONSOLES_FROM <= index < CONSOLES_FROM + len(self.consoles):
            self.consoles[index - CONSOLES_FROM].setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("counterdesk — demo office"))
        names = (
            self.tr("Kiosk"),
            self.tr("Board"),
            *(self.tr("Counter {0}").format(console.counter) for console in self.consoles),
            self.tr("Supervisor"),
        )
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
        self.feedback_title.setText(
            self.tr("Counter {0} citizen screen").format(self.feedback.counter)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Embedded windows get no close event of their own: stop their threads here."""
        self.kiosk.shutdown()
        for window in (self.board, *self.consoles, self.feedback, self.supervisor):
            window.close()
        super().closeEvent(event)


def _title() -> QLabel:
    """The name of a pane, above its window."""
    label = QLabel()
    label.setFont(ui_font(10, bold=True))
    return label


def _small_screen(window: QWidget) -> QWidget:
    """A customer-facing panel keeps its landscape shape (1024x600) at the top of its pane."""
    window.setFixedSize(FEEDBACK_PANEL)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(window, 0, Qt.AlignmentFlag.AlignHCenter)
    column.addStretch(1)
    return holder


def _panes(window: QWidget, *beside: tuple[QLabel, QWidget]) -> QWidget:
    """A tab's page: ``window`` filling it, and ``beside`` it the panes at their own width,
    each under its name."""
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for embedded in (window, *(pane for _, pane in beside)):
        # A top-level window paints its style sheet's background; an embedded one only if asked.
        embedded.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    # Its layout would ask for the height its wrapped texts take at a narrow width; embedded,
    # it shrinks to its tab as on its own screen (the nothing-clipped test checks the texts).
    window.setMinimumSize(min(window.minimumSizeHint().width(), 400), 300)
    row.addWidget(window, 1)
    for title, pane in beside:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(title)
        column.addWidget(pane, 1)
        row.addWidget(box)
    return row_widget


def prepare_demo(engine: TicketEngine, office: Office, simulate_days: int = 0) -> list[DayResult]:
    """Make the demo's own database the demo's, whatever an earlier demo run left in it.

    The office opens around the clock (``Office.always_open``), so a number can be taken at any
    hour, on any day, anywhere (stored only when it differs from the newest version). To
    simulate, the demo staff an earlier run signed in are signed out (the consoles sign them
    in again), so the simulator may fill the past ``simulate_days`` with ``office``'s real
    hours.
    """
    engine.load_office(_bookable_around_the_clock(office.always_open()))
    if not simulate_days:
        return []
    _free_demo_desks(engine)
    # The office's own hours held in memory for the simulator, not stored: storing them and
    # then the demo's again made two office versions at every start.
    return fill_history(TicketEngine(engine.db, engine.clock, office), days=simulate_days)


def _bookable_around_the_clock(office: Office) -> Office:
    """The demo's bookable services with all of every hour open to bookings: the office's own
    shares were set for its own hours, and the demo opens around the clock. So whenever a
    newcomer tries it, a free time begins within a slot (a quarter of an hour for amendments),
    whose check-in is open; walk-ins still get a call in every few (the calling rule)."""
    services = [
        service.model_copy(
            update={"appointments": service.appointments.model_copy(update={"reserved_share": 1.0})}
        )
        if service.appointments is not None
        else service
        for service in office.services
    ]
    return office.model_copy(update={"services": services})


def book_demo_appointments(engine: TicketEngine) -> list[Booking]:
    """Book, for today, the next free time of each bookable service (the amendment's check-in
    is open at once) and one an hour later (too early: the kiosk says from when). A time taken
    meanwhile is skipped; none is left in the day's last slot."""
    desk = Bookings(engine)
    now, today = engine.clock.now(), engine.business_date()
    booked = []
    for service in bookable_services(engine.office):
        free = [slot for slot in desk.free_slots(service.code, today) if slot.free]
        later = [slot for slot in free if slot.start >= now + dt.timedelta(hours=1)]
        for slot in free[:1] + later[:1]:
            with contextlib.suppress(BookingRefused):
                booked.append(desk.book(service.code, slot.start))
    return booked


def _free_demo_desks(engine: TicketEngine) -> None:
    """Sign out the demo staff, as the simulator needs every counter free; a ticket an earlier
    run left at their counter ends first (finished if being served, else cancelled)."""
    for desk in engine.read.status().counters:
        if (desk.number, desk.staff) not in DEMO_DESKS:
            continue
        if desk.current is not None and desk.current.status == "serving":
            engine.finish(desk.number, "the demo was restarted")
        elif desk.current is not None:
            engine.cancel(desk.current.number)
        engine.sign_out(desk.number)


def run_demo(args: argparse.Namespace) -> int:
    settings = load_settings(args.db, args.office, args.config)
    url = args.db or (settings.db if settings.source != "default" else demo_database())
    own = url == demo_database()
    engine = open_office(url, settings.office, create=own)  # the demo makes only its own
    if own:
        office = load_office(settings.office or SAMPLE_OFFICE)
        days = prepare_demo(engine, office, args.simulate)
        print("the demo office issues numbers at any hour (a real office keeps its own hours)")
        for booking in book_demo_appointments(engine):
            _print_booking(engine.office, booking)
        watched = watch_a_demo_ticket(engine)
        print(f"{watched.number} is watched for the demo: its notices go to demo-email.jsonl")
        ready = demo_cases(engine)
        page = ready and status_page(engine, ready)
        if ready and page:
            print(f"case {ready.number} is ready for pick-up; its ticket's status page: {page}")
    else:  # someone else's database: its office, staff and hours stay as they are
        days = fill_history(engine, days=args.simulate) if args.simulate else []
    if args.simulate:
        print(f"simulated {len(days)} past days into {url}")
    print(f"demo office on {url}")
    # The demo's e-mails' opt-out links, checked by its own status pages: a key of this run.
    links = OptOutLinks(engine.office, secrets.token_bytes(32))
    with (
        speaker_for(settings, speaks=not (args.silent or args.snapshot)) as speaker,
        _status_pages(engine, serve=not args.snapshot, links=links),
        demo_notifier(engine, _data_folder(), links, run=not args.snapshot),
    ):
        return run_window(
            lambda: DemoOffice(engine, speaker),
            snapshot=args.snapshot,
            size=args.size,
            default_size="1920x1080",
            language=args.language,
            screen=args.screen,
        )


def _print_booking(office: Office, booking: Booking) -> None:
    """A demo booking, so a newcomer can type its code at the kiosk's "I have a booking"."""
    rules = office.service(booking.service).appointments
    opens = booking.starts_at - dt.timedelta(minutes=rules.check_in.before_minutes if rules else 0)
    zone = office.zone
    print(
        f"booked for the demo: {booking.service} at {booking.starts_at.astimezone(zone):%H:%M}, "
        f"code {booking.code[:4]} {booking.code[4:]}; check in at the kiosk from "
        f"{opens.astimezone(zone):%H:%M}"
    )


@contextlib.contextmanager
def _status_pages(
    engine: TicketEngine,
    *,
    serve: bool,
    links: OptOutLinks | None = None,
    port: int = STATUS_PORT,
) -> Iterator[None]:
    """Serve the tickets' status pages on this PC while the demo runs, if the port is free:
    on a background thread, stopped (and its port closed) when the demo closes."""
    if not serve:
        yield
        return
    try:
        server = make_server(engine, "127.0.0.1", port, links=links)
    except OSError as exc:
        print(f"status pages not served: port {port} is busy ({exc.strerror})")
        yield
        return
    with server.running():
        print(f"status pages (the tickets' QR codes): {server.url}/t/<token>")
        yield
