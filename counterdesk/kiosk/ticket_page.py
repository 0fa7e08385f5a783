"""The confirmation after a number is taken: the number very large, the service, people ahead,
the estimated wait, the QR code, the documents still to bring, and whether the paper came out.
A checked-in booking's ticket gives its booked time instead of people ahead and a wait: it is
called at that time, not in walk-in order."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.devices.announcements import spoken_number
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.devices.ticket_content import TicketContent
from counterdesk.devices.ticket_image import qr_matrix
from counterdesk.devices.ticket_printing import PrintOutcome
from counterdesk.kiosk.home import Alert, scrolling
from counterdesk.kiosk.widgets import Button, Inline, Pair
from counterdesk.phrases import Bilingual
from counterdesk.ui.app import ui_font
from counterdesk.ui.theme import INK


class QrView(QWidget):
    """A QR code drawn crisp at any size, with the white quiet zone scanners need.

    The modules become a one-pixel-per-module image, scaled up without smoothing when
    painted: one draw call per paint rather than one per module.
    """

    def __init__(self) -> None:
        super().__init__()
        self.data = ""
        self._pixels = b""  # the image's buffer: QImage does not copy it
        self._image = QImage()
        self._side = 300

    def set_data(self, data: str, modules: list[list[bool]] | None = None) -> None:
        """Show ``data``; ``modules`` is its matrix when already computed off the UI thread."""
        self.data = data
        rows = modules if modules is not None else qr_matrix(data)
        count = len(rows)
        self._pixels = bytes(0 if dark else 255 for row in rows for dark in row)
        self._image = QImage(self._pixels, count, count, count, QImage.Format.Format_Grayscale8)
        self.update()

    def set_side(self, pixels: int) -> None:
        """At most ``pixels`` square; smaller when the page is short of room (a QR code that
        is too big to fit would cover its caption)."""
        self._side = pixels
        self.setMinimumSize(pixels * 2 // 5, pixels * 2 // 5)
        self.setMaximumSize(pixels, pixels)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        count = self._image.width()
        if count:
            cell = min(self.width(), self.height()) // (count + 4)
            side = cell * count
            target = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
            painter.drawImage(target, self._image)
        painter.end()


class BigNumber(QWidget):
    """The ticket number, as large as its space allows (up to ``pixels`` tall glyphs).

    Painted rather than a label so its tight glyph box sets the size: a 300-pixel label
    would reserve the font's whole line height, and never shrinks to fit a landscape screen.
    """

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.pixels = 260

    def set_text(self, text: str) -> None:
        self.text = text
        self.update()

    def set_pixels(self, pixels: int) -> None:
        self.pixels = pixels
        self.updateGeometry()

    def _font(self, pixels: int) -> QFont:
        font = ui_font(10, bold=True)
        font.setPixelSize(max(8, pixels))
        return font

    def sizeHint(self) -> QSize:
        box = QFontMetrics(self._font(self.pixels)).tightBoundingRect("A000")
        return QSize(box.width(), round(box.height() * 1.1))

    def minimumSizeHint(self) -> QSize:
        return QSize(10, self.sizeHint().height() // 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.text:
            return
        painter = QPainter(self)
        font = self._font(self.pixels)
        box = QFontMetrics(font).tightBoundingRect(self.text)
        fit = min(1.0, self.width() * 0.95 / box.width(), self.height() / (box.height() * 1.05))
        if fit < 1.0:
            font = self._font(int(self.pixels * fit))
            box = QFontMetrics(font).tightBoundingRect(self.text)
        painter.setFont(font)
        painter.setPen(QColor(INK))
        x = (self.width() - box.width()) / 2 - box.left()
        y = (self.height() - box.height()) / 2 - box.top()
        painter.drawText(QPointF(x, y), self.text)
        painter.end()


class TicketPage(QWidget):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.content: TicketContent | None = None
        self.heading = Inline(phrases.YOUR_NUMBER, "section", center=True)
        self.number = BigNumber()
        self.badge = QFrame()
        self.badge.setProperty("role", "badge")
        QVBoxLayout(self.badge).addWidget(Inline(phrases.PRIORITY, "section", center=True))
        self.booked_badge = QFrame()
        self.booked_badge.setProperty("role", "badge")
        self.booked_badge.setProperty("kind", "appointment")
        self.booked_mark = Inline(Bilingual("", ""), "section", center=True)
        QVBoxLayout(self.booked_badge).addWidget(self.booked_mark)
        self.service = Pair(Bilingual("", ""), "title", center=True)
        facts = QGridLayout()
        self.ahead = Inline(Bilingual("", ""), "title")
        self.wait = Inline(Bilingual("", ""), "title")
        self.booked = Inline(Bilingual("", ""), "title")
        # (heading, value) rows: walk-ins see the first two, appointments the third.
        self.facts: list[tuple[Inline, Inline]] = []
        for row, (heading, value) in enumerate(
            (
                (phrases.PEOPLE_AHEAD, self.ahead),
                (phrases.ESTIMATED_WAIT, self.wait),
                (phrases.APPOINTMENT_TIME, self.booked),
            )
        ):
            self.facts.append((Inline(heading, "section"), value))
            facts.addWidget(self.facts[-1][0], row, 0)
            facts.addWidget(value, row, 1)
        self.note = Pair(Bilingual("", ""), "section", center=True)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.number, 1)
        left.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.booked_badge, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.service)
        left.addLayout(facts)
        left.addWidget(self.note)

        self.qr = QrView()
        self.scan = Pair(phrases.SCAN, "body", center=True)
        self.printing = Alert()
        self.remember = Inline(phrases.REMEMBER, "section")
        reminders = QWidget()
        self.reminders = QVBoxLayout(reminders)
        self.reminders.setContentsMargins(0, 0, 0, 0)
        self.reminders.addStretch(1)
        self._reminder_rows: list[Pair] = []  # reused: a new styled label costs milliseconds
        right = QVBoxLayout()
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.scan)
        right.addWidget(self.printing)
        right.addWidget(self.remember)
        right.addWidget(scrolling(reminders), 1)

        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        self.done_button = Button(phrases.DONE, kind="go")
        self.done_button.clicked.connect(self.done)
        layout = QVBoxLayout(self)
        layout.addLayout(self.columns, 1)
        layout.addWidget(self.done_button)

    def set_portrait(self, portrait: bool, scale: float) -> None:
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.columns.setStretch(0, 0 if portrait else 1)  # portrait: spare room to reminders
        self.qr.set_side(round((380 if portrait else 300) * scale))
        self.number.set_pixels(round((300 if portrait else 340) * scale))

    def show_ticket(
        self, content: TicketContent, qr_modules: list[list[bool]] | None = None
    ) -> None:
        self.content = content
        self.number.set_text(content.number)
        self.badge.setVisible(content.priority)
        mark = content.appointment_mark
        self.booked_badge.setVisible(mark is not None)
        self.service.set_text(content.service)
        self.ahead.set_text(content.ahead)
        self.wait.set_text(content.wait)
        if content.appointment_at is not None:
            self.booked_mark.set_text(mark or Bilingual("", ""))
            self.booked.set_text(Bilingual(f"{content.appointment_at:%H:%M}", ""))
        for index, (heading, value) in enumerate(self.facts):
            shown = (index == 2) == (content.appointment_at is not None)
            heading.setVisible(shown)
            value.setVisible(shown)
        note = self.note_for(content)
        self.note.setVisible(note is not None)
        self.note.set_text(note or Bilingual("", ""))
        self.qr.set_data(content.status_url, qr_modules)
        rows = self._reminder_rows
        while len(rows) < len(content.missing_documents):
            rows.append(Pair(Bilingual("", ""), "body"))
            self.reminders.insertWidget(len(rows) - 1, rows[-1])
        for index, row in enumerate(rows):
            if index < len(content.missing_documents):
                document = content.missing_documents[index]
                row.set_text(Bilingual(f"□ {document.zh}", document.en))
            row.setVisible(index < len(content.missing_documents))
        self.remember.setVisible(bool(content.missing_documents))
        self.printing.say(phrases.PRINTING, tone="ok")

    @staticmethod
    def note_for(content: TicketContent) -> Bilingual | None:
        """When an appointment is called, or that a late booking's ticket is a walk-in's."""
        if content.appointment_at is not None:
            return phrases.CALLED_AT_APPOINTMENT
        return phrases.LATE_WALK_IN if content.late_booking else None

    def show_print(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.printing.say(phrases.PRINTED, tone="ok")
        elif outcome.state == "not_printed":
            self.printing.say(phrases.NO_PRINTER)
        else:
            self.printing.say(phrases.NOT_PRINTED)

    def set_countdown(self, seconds: int) -> None:
        self.done_button.words.set_text(
            Bilingual(
                f"{phrases.DONE.zh}（{seconds} 秒後回到首頁）",
                f"{phrases.DONE.en} (back to the start in {seconds} s)",
            )
        )

    def utterances(self) -> list[Utterance]:
        content = self.content
        if content is None:
            return []
        spoken = spoken_number(content.number)
        wait, ahead = content.wait, content.ahead
        zh = f"{phrases.YOUR_NUMBER.zh}是 {spoken} 號，{content.service.zh}。"
        en = f"{phrases.YOUR_NUMBER.en} is {spoken}, {content.service.en}. "
        if content.appointment_at is None:
            zh += f"前面還有 {ahead.zh}，{phrases.ESTIMATED_WAIT.zh}{wait.zh}。"
            en += f"{ahead.en} ahead. {phrases.ESTIMATED_WAIT.en}: {wait.en}."
        else:
            booked = f"{content.appointment_at:%H:%M}"
            zh += f"{phrases.APPOINTMENT_TIME.zh} {booked}。"
            en += f"{phrases.APPOINTMENT_TIME.en}: {booked}."
        if (note := self.note_for(content)) is not None:
            zh += note.zh + "。"
            en += f" {note.en}."
        if content.missing_documents:
            zh += (
                phrases.REMEMBER.zh
                + "："
                + "；".join(d.zh for d in content.missing_documents)
                + "。"
            )
            en += (
                f" {phrases.REMEMBER.en}: "
                + "; ".join(d.en for d in content.missing_documents)
                + "."
            )
        notice = self.printing.phrase()
        if notice is not None:
            zh += notice.zh + "。"
            en += f" {notice.en}."
        return [Utterance(zh, "zh"), Utterance(en, "en")]
