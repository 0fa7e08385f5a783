"""The home page (one tile per service, live waiting counts, the priority entry) and the
priority page (who may take a priority number, then the same service tiles)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from counterdesk import phrases
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.kiosk.widgets import Button, Card, Pair, label, repolish
from counterdesk.phrases import Bilingual
from counterdesk.queue.office import Office, Service
from counterdesk.queue.views import OfficeStatus, ServiceStatus


def availability(status: ServiceStatus | None, closed: Bilingual | None) -> Bilingual | None:
    """Why this service issues no number now (closed, or full for today), or None."""
    if closed is not None:
        return closed
    if status is not None and status.issued_today >= status.daily_cap:
        return phrases.FULL_TODAY
    return None


def scrolling(content: QWidget) -> QScrollArea:
    """A scroll area a finger can drag (touch screens) and a wide bar can move (mouse)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


class ServiceTile(Card):
    """A service: its letter, name, and how many wait how long; greyed when it issues nothing."""

    def __init__(self, service: Service) -> None:
        super().__init__("tile")
        self.code = service.code
        self.letter = label(service.prefix, "tile-letter", center=True)
        self.name = Pair(Bilingual.of(service.name), "tile")
        self.wait = Pair(phrases.NO_ESTIMATE, "wait")
        layout = QHBoxLayout(self)
        layout.addWidget(self.letter, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.name)
        words.addStretch(1)
        words.addWidget(self.wait)
        layout.addLayout(words, 1)

    def show_status(self, status: ServiceStatus | None, closed: Bilingual | None) -> None:
        """Waiting count and wait, or "full today"; nothing when the whole office is closed
        (the page's banner says so once, rather than every tile)."""
        refused = availability(status, closed)
        self.wait.setVisible(closed is None and status is not None)
        if refused is not None:
            self.wait.set_text(refused)
        elif status is not None:
            self.wait.set_text(phrases.waiting_line(status.waiting, status))


class ServiceGrid(QWidget):
    """The service tiles in as many columns as the orientation suits; scrolls if need be.
    On the priority page (``priority``) each tile gives the wait of a priority ticket."""

    chosen = Signal(str)

    def __init__(self, office: Office, *, priority: bool = False) -> None:
        super().__init__()
        self.priority = priority
        self.tiles: dict[str, ServiceTile] = {}
        body = QWidget()
        self._grid = QGridLayout(body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))
        self.columns = 0
        self.set_services(office)
        self.set_columns(2)

    def set_services(self, office: Office) -> None:
        """One tile per service of ``office``, replacing the tiles of an earlier one."""
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {service.code: ServiceTile(service) for service in office.services}
        for tile in self.tiles.values():
            tile.clicked.connect(lambda _checked=False, code=tile.code: self.chosen.emit(code))
        columns, self.columns = self.columns, 0
        if columns:
            self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, index // columns, index % columns)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def set_spacing(self, pixels: int) -> None:
        self._grid.setSpacing(pixels)

    def show_status(self, status: OfficeStatus | None, closed: Bilingual | None) -> None:
        services = status.services if status else ()
        by_code = {s.code: s.for_priority() if self.priority else s for s in services}
        for code, tile in self.tiles.items():
            tile.show_status(by_code.get(code), closed)


class Alert(QFrame):
    """A boxed bilingual message in warning colours: closed now, full today, not printed."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "alert")
        self.words = Pair(phrases.NOT_NOW, "alert", center=True)
        QVBoxLayout(self).addWidget(self.words)
        self.hide()

    def say(
        self, phrase: Bilingual | None, detail: Bilingual | None = None, *, tone: str = "warn"
    ) -> None:
        """Show ``phrase`` (followed by ``detail`` when given), or hide for None; ``tone`` is
        "warn" (amber) or "ok" (green: the ticket is printing or printed)."""
        if phrase is None:
            self.hide()
            return
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            repolish(self)
        if detail is not None:
            phrase = Bilingual(f"{phrase.zh}：{detail.zh}", f"{phrase.en}: {detail.en}")
        self.words.set_text(phrase)
        self.show()

    def phrase(self) -> Bilingual | None:
        return None if self.isHidden() else self.words.text()


def hours_phrase(office: Office) -> Bilingual:
    """「服務時間 週一至週五 08:30–12:00、13:30–17:00・最後取號 16:45」 and its English."""
    hours = office.office.hours
    days = [phrases.WEEKDAYS[day] for day in hours.days]
    positions = [list(phrases.WEEKDAYS).index(day) for day in hours.days]
    if len(days) > 2 and positions == list(range(positions[0], positions[0] + len(days))):
        zh_days, en_days = f"週{days[0].zh}至週{days[-1].zh}", f"{days[0].en}–{days[-1].en}"
    else:
        zh_days = "、".join(f"週{d.zh}" for d in days)
        en_days = ", ".join(d.en for d in days)
    spans = [f"{s.open}–{s.close}" for s in hours.sessions]
    return Bilingual(
        f"{phrases.OPENING_HOURS.zh} {zh_days} {'、'.join(spans)}・"
        f"{phrases.LAST_TICKET.zh} {hours.last_ticket}",
        f"{phrases.OPENING_HOURS.en}: {en_days} {', '.join(spans)} · "
        f"{phrases.LAST_TICKET.en} {hours.last_ticket}",
    )


class HomePage(QWidget):
    chosen = Signal(str)
    priority_chosen = Signal()
    check_in_chosen = Signal()

    def __init__(self, office: Office) -> None:
        super().__init__()
        self.office = office
        self.heading = Pair(phrases.CHOOSE, "section")
        self.alert = Alert()
        self.grid = ServiceGrid(office)
        self.grid.chosen.connect(self.chosen)
        self.priority_tile = Card("tile", kind="priority")
        badge = Pair(phrases.PRIORITY, "section", center=True)
        who = Pair(phrases.PRIORITY_WHO, "body")
        row = QHBoxLayout(self.priority_tile)
        row.addWidget(badge)
        row.addWidget(who, 1)
        self.priority_tile.clicked.connect(self.priority_chosen)
        # Shown when the office takes bookings or numbers from the web (both check in with a
        # code here): a scan works on any page without it.
        self.check_in_tile = Card("tile", kind="appointment")
        QVBoxLayout(self.check_in_tile).addWidget(Pair(phrases.CHECK_IN, "section", center=True))
        self.check_in_tile.clicked.connect(self.check_in_chosen)
        self.hours = Pair(hours_phrase(office), "note", center=True)
        self.set_office(office, tiles=False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.check_in_tile, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.alert)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.priority_tile)
        layout.addWidget(self.hours)
        self.closed: Bilingual | None = None
        self.status: OfficeStatus | None = None

    def set_office(self, office: Office, *, tiles: bool = True) -> None:
        """Show ``office``'s services, hours and check-in (a new office, loaded meanwhile)."""
        self.office = office
        if tiles:
            self.grid.set_services(office)
        self.check_in_tile.setVisible(any(s.appointments or s.remote for s in office.services))
        self.hours.set_text(hours_phrase(office))

    def show_status(self, status: OfficeStatus | None, closed: Bilingual | None) -> None:
        self.status, self.closed = status, closed
        self.alert.say(closed and phrases.NOT_NOW, closed)
        self.grid.show_status(status, closed)

    def utterances(self) -> list[Utterance]:
        zh = [phrases.CHOOSE.zh + "。"]
        en = [phrases.CHOOSE.en + "."]
        if self.closed is not None:
            zh.insert(0, self.closed.zh + "。")
            en.insert(0, self.closed.en + ".")
        for tile in self.grid.tiles.values():
            wait = tile.wait.text()
            zh.append(f"{tile.name.zh.text()}，{wait.zh}。")
            en.append(f"{tile.name.en.text()}: {wait.en}.")
        zh.append(f"{phrases.PRIORITY.zh}：{phrases.PRIORITY_WHO.zh}。")
        en.append(f"{phrases.PRIORITY.en}: {phrases.PRIORITY_WHO.en}.")
        if self.check_in_tile.isVisibleTo(self):
            zh.append(f"{phrases.CHECK_IN.zh}。")
            en.append(f"{phrases.CHECK_IN.en}.")
        return [Utterance("".join(zh), "zh"), Utterance(" ".join(en), "en")]


class PriorityPage(QWidget):
    """Who a priority number is for, then the service tiles: a tap issues a priority ticket."""

    chosen = Signal(str)
    back = Signal()

    def __init__(self, office: Office) -> None:
        super().__init__()
        self.back_button = Button(phrases.BACK, kind="back")
        self.back_button.clicked.connect(self.back)
        heading = Pair(phrases.PRIORITY_CHOOSE, "title")
        self.who = Pair(phrases.PRIORITY_WHO, "section")
        self.alert = Alert()
        self.grid = ServiceGrid(office, priority=True)
        self.grid.chosen.connect(self.chosen)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(heading, 1)
        band = QFrame()
        band.setProperty("role", "badge")
        QVBoxLayout(band).addWidget(self.who)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(band)
        layout.addWidget(self.alert)
        layout.addWidget(self.grid, 1)

    def show_status(self, status: OfficeStatus | None, closed: Bilingual | None) -> None:
        self.alert.say(closed and phrases.NOT_NOW, closed)
        self.grid.show_status(status, closed)

    def utterances(self) -> list[Utterance]:
        return [
            Utterance(f"{phrases.PRIORITY_CHOOSE.zh}。{phrases.PRIORITY_WHO.zh}。", "zh"),
            Utterance(f"{phrases.PRIORITY_CHOOSE.en}. {phrases.PRIORITY_WHO.en}.", "en"),
        ]
