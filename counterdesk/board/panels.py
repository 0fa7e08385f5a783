"""The board's parts, drawn for a large screen read from across a room: big type, high contrast.

Sizes are pixels at 1080 lines; ``Scaled`` labels follow the window's height, so the same
layout fits a 720p demo window and a 4K screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from counterdesk import phrases
from counterdesk.queue.board_view import MAX_STEPS, procedure
from counterdesk.queue.office import Counter, Office, Service
from counterdesk.queue.views import ServiceStatus
from counterdesk.ui.app import ui_font
from counterdesk.ui.layout import column

INK = "#FFFFFF"
MUTED = "#A9B8CC"
BACKGROUND = "#0B1A2E"
PANEL = "#13294B"
ACCENT = "#FFC72C"  # the highlight of a new call: amber with near-black text
HIGHLIGHT_INK = "#111111"
SHRINK_FLOOR = 0.8  # a shrunk text keeps four fifths of its size: still legible at 3 m
# A number fits its cell at full size, unless an appointment's mark beside it takes a share:
# then it gives up a little of its size rather than a digit.
NUMBER_FLOOR = 0.85


class Scaled(QLabel):
    """A label whose pixel size is given for a 1080-line screen and scaled to the window.

    Its width comes from the layout, not from its text: a long name never pushes the board
    wider than the screen. It must then fit its room another way: ``wrap`` onto more lines, or
    ``shrink`` down to a floor that still reads from across the room.
    """

    def __init__(self, text: str, px: int, *, bold: bool = False, color: str = INK) -> None:
        super().__init__(text)
        self.px, self.bold = px, bold
        self.factor = 1.0
        self.floor = 1.0  # the smallest share of ``px`` the text may shrink to
        self.wraps = False  # whether a text still too long may take more lines
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_color(color)
        self.rescale(1.0)

    def keep_width(self) -> Scaled:
        """Never narrower than its text (the clock, counts)."""
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        return self

    def wrap(self) -> Scaled:
        """A text too long for its lines (after ``shrink``, at its floor) goes on more lines."""
        self.wraps = True
        return self

    def shrink(self, floor: float = SHRINK_FLOOR) -> Scaled:
        """A text too long for its lines is set smaller, down to ``floor`` of its size: a
        step a few pixels too long is better a little smaller than a line longer, on a board
        whose every line is counted."""
        self.floor = floor
        return self

    def rescale(self, factor: float) -> None:
        self.factor = factor
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The largest size, from ``px`` down to its floor, at which every line fits; at the
        floor, wrapped if it may wrap."""
        font = ui_font(10, bold=self.bold)
        largest = max(8, round(self.px * self.factor))
        smallest = max(8, round(self.px * self.factor * self.floor))
        room = self.contentsRect().width()
        lines = self.text().split("\n")
        fits = False
        for size in range(largest, smallest - 1, -1):
            font.setPixelSize(size)
            fits = max(QFontMetrics(font).horizontalAdvance(line) for line in lines) <= room
            if fits:
                break
        if font != self.font():
            self.setFont(font)
        if self.wordWrap() != (self.wraps and not fits):
            self.setWordWrap(self.wraps and not fits)

    def set_color(self, color: str) -> None:
        self.setStyleSheet(f"color: {color}; background: transparent;")


class AppointmentMark(QFrame):
    """「預約 Booked」 beside a number called for a booked citizen: both languages, one
    above the other in a frame of the accent colour, in the row's dark ink while it is lit."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mark")
        # Capitals about 25 and 15 px tall at 1080 lines: 16 and 9 mm on a 55-inch screen, read
        # from 3 m (the staff name beside it is 30 px).
        self.zh = Scaled(phrases.APPOINTMENT_CALL.zh, 36, bold=True).keep_width()
        self.en = Scaled(phrases.APPOINTMENT_CALL.en, 22, bold=True).keep_width()
        for label in self.labels():
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = column(*self.labels(), spacing=0)
        layout.setContentsMargins(10, 2, 10, 4)
        self.setLayout(layout)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.set_lit(False)
        self.hide()

    def labels(self) -> list[Scaled]:
        return [self.zh, self.en]

    def set_lit(self, lit: bool) -> None:
        ink = HIGHLIGHT_INK if lit else ACCENT
        self.setStyleSheet(f"QFrame#mark {{ border: 3px solid {ink}; border-radius: 10px; }}")
        for label in self.labels():
            label.set_color(ink)


class CounterRow(QFrame):
    """One counter: the number it calls, the counter, and who serves there (with deputy)."""

    def __init__(self, counter: Counter) -> None:
        super().__init__()
        self.counter = counter
        # 116 px Noto Sans CJK: cap height 85 px, readable from across the room. Only the empty
        # space above and below the digits in the font's line box may be cut by a short row.
        self.number = Scaled("—", 116, bold=True).shrink(NUMBER_FLOOR)
        self.number.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.desk_zh = Scaled(phrases.counter_name(counter.number).zh, 42, bold=True)
        self.desk_en = Scaled(phrases.counter_name(counter.number).en, 26)
        # A counter's name on two lines, Chinese above English: "Foreign companies & records
        # counter" beside its Chinese would be twice the column's width.
        self.desk_name = Scaled(f"{counter.name.zh}\n{counter.name.en}", 17, color=MUTED).wrap()
        self.staff = Scaled("", 30, bold=True).shrink()
        self.deputy = Scaled("", 21, color=MUTED).wrap()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28, 4, 28, 4)
        # "4 號櫃檯  Counter 4" on one line leaves the row's height for the two-line name.
        desk = QHBoxLayout()
        desk.setSpacing(14)
        desk.addWidget(self.desk_zh.keep_width(), 0, Qt.AlignmentFlag.AlignBaseline)
        desk.addWidget(self.desk_en, 1, Qt.AlignmentFlag.AlignBaseline)
        desk_column = column(self.desk_name)
        desk_column.insertLayout(0, desk)
        self.mark = AppointmentMark()
        call = QHBoxLayout()
        call.setSpacing(10)
        call.addWidget(self.number, 1)
        call.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(call, 34)
        layout.addLayout(desk_column, 30)
        layout.addLayout(column(self.staff, self.deputy, spacing=6), 36)
        self.highlighted = False
        self.set_highlight(False)

    def labels(self) -> list[Scaled]:
        return [*self._texts(), *self.mark.labels()]

    def _texts(self) -> list[Scaled]:
        return [self.number, self.desk_zh, self.desk_en, self.desk_name, self.staff, self.deputy]

    def show_state(
        self, number: str | None, staff: str, deputy: str, open_: bool, appointment: bool = False
    ) -> None:
        """What the counter calls and who serves there; ``appointment`` marks a booked
        citizen's number."""
        self.number.setText(number or "—")
        self.staff.setText(staff)
        self.deputy.setText(deputy)
        self.number.set_color(self._ink() if open_ or number else MUTED)
        self.mark.setVisible(appointment and number is not None)

    def set_highlight(self, on: bool) -> None:
        self.highlighted = on
        self.setStyleSheet(
            f"CounterRow {{ background: {ACCENT if on else PANEL}; border-radius: 14px; }}"
        )
        for label in self._texts():
            muted = label in (self.desk_name, self.deputy)
            label.set_color(self._ink() if not muted or on else MUTED)
        self.mark.set_lit(on)

    def _ink(self) -> str:
        return HIGHLIGHT_INK if self.highlighted else INK


class ServiceTile(QFrame):
    """A service's waiting count: prefix letter, bilingual name, people waiting."""

    def __init__(self, service: Service) -> None:
        super().__init__()
        self.code = service.code
        self.setStyleSheet(f"ServiceTile {{ background: {PANEL}; border-radius: 10px; }}")
        self.prefix = Scaled(service.prefix, 36, bold=True, color=ACCENT).keep_width()
        self.name_zh = Scaled(service.name.zh, 20, bold=True).shrink()
        self.name_en = Scaled(service.name.en, 14, color=MUTED).shrink()
        self.count = Scaled("0", 40, bold=True).keep_width()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 4, 16, 4)
        layout.addWidget(self.prefix)
        layout.addLayout(column(self.name_zh, self.name_en), 1)
        layout.addWidget(self.count)

    def labels(self) -> list[Scaled]:
        return [self.prefix, self.name_zh, self.name_en, self.count]

    def show_status(self, status: ServiceStatus) -> None:
        self.count.setText(str(status.waiting))


class WaitingPanel(QWidget):
    """People waiting per service, in a grid of tiles."""

    COLUMNS = 3

    def __init__(self, office: Office) -> None:
        super().__init__()
        title = Scaled(phrases.PEOPLE_WAITING.line(), 22, bold=True, color=MUTED)
        self.tiles = {service.code: ServiceTile(service) for service in office.services}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // self.COLUMNS, index % self.COLUMNS)
        layout = column(title, spacing=8)
        layout.addLayout(grid)
        self.setLayout(layout)
        self.title = title

    def labels(self) -> list[Scaled]:
        return [self.title, *(label for tile in self.tiles.values() for label in tile.labels())]

    def show_services(self, services: tuple[ServiceStatus, ...]) -> None:
        for status in services:
            tile = self.tiles.get(status.code)
            if tile is not None:
                tile.show_status(status)


class ProcedurePanel(QFrame):
    """A service's procedure and standard processing time; the board rotates through them."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(f"ProcedurePanel {{ background: {PANEL}; border-radius: 14px; }}")
        self.heading = Scaled(phrases.HOW_IT_WORKS.line(), 22, bold=True, color=ACCENT)
        self.name_zh = Scaled("", 30, bold=True)
        self.name_en = Scaled("", 19, color=MUTED).shrink().wrap()
        self.steps = [Scaled("", 19).shrink().wrap() for _ in range(MAX_STEPS)]
        self.time = Scaled("", 21, bold=True)
        self.time_en = Scaled("", 19)
        self.note = Scaled("", 15, color=MUTED)
        layout = column(*self.labels(), spacing=4)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(1)
        self.setLayout(layout)

    def labels(self) -> list[Scaled]:
        return [
            self.heading,
            self.name_zh,
            self.name_en,
            *self.steps,
            self.time,
            self.time_en,
            self.note,
        ]

    def show_service(self, service: Service) -> None:
        lines = procedure(service)
        self.name_zh.setText(lines.name_zh)
        self.name_en.setText(lines.name_en)
        for index, label in enumerate(self.steps):
            label.setText(lines.steps[index] if index < len(lines.steps) else "")
            label.setVisible(index < len(lines.steps))
        self.time.setText(lines.time_zh)
        self.time_en.setText(lines.time_en)
        self.note.setText(lines.note)
