"""The five faces a citizen taps to rate a visit, drawn with QPainter.

Drawn rather than taken from an emoji font: counter PCs' fonts differ, an emoji font may be
missing or monochrome, and a drawn face has the same colour, size and expression everywhere.
The colour runs from red (1) to green (5) and the mouth from a frown to a broad smile, so the
scale reads without colour vision too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from counterdesk.phrases import Bilingual
from counterdesk.ui.app import ui_font

COLOURS = {1: "#E53935", 2: "#FB8C00", 3: "#FDD835", 4: "#9CCC65", 5: "#43A047"}
FEATURES = "#1F2937"
TEXT_INK = "#111827"
TEXT_MUTED = "#334155"
TILE = "#FFFFFF"
TILE_PRESSED = "#E2E8F0"


def paint_face(painter: QPainter, box: QRectF, score: int) -> None:
    """A face filling the square ``box``: eyes, and a mouth whose bend follows the score."""
    size = min(box.width(), box.height())
    centre = box.center()
    pen = QPen(QColor(FEATURES), max(2.0, size * 0.045))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(QColor(COLOURS[score]))
    radius = (size - pen.widthF()) / 2
    painter.drawEllipse(centre, radius, radius)

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(FEATURES))
    eye_y = centre.y() - size * 0.1
    for side in (-1, 1):
        painter.drawEllipse(
            QPointF(centre.x() + side * size * 0.17, eye_y), size * 0.055, size * 0.075
        )

    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if score == 1:  # brows raised inwards: the unhappiest face must not be mistaken for 2
        for side in (-1, 1):
            painter.drawLine(
                QPointF(centre.x() + side * size * 0.26, eye_y - size * 0.1),
                QPointF(centre.x() + side * size * 0.09, eye_y - size * 0.17),
            )
    bend = (score - 3) / 2  # -1: deep frown … 0: straight … +1: broad smile
    half_width = size * (0.19 + 0.04 * abs(bend))
    corner_y = centre.y() + size * (0.22 - 0.04 * bend)
    mouth = QPainterPath(QPointF(centre.x() - half_width, corner_y))
    mouth.quadTo(
        QPointF(centre.x(), corner_y + bend * size * 0.26),
        QPointF(centre.x() + half_width, corner_y),
    )
    if score == 5:  # an open laugh, filled, beside the closed smile of 4
        mouth.closeSubpath()
        painter.setBrush(QColor(FEATURES))
    painter.drawPath(mouth)
    painter.restore()


class FaceButton(QAbstractButton):
    """One face with its name in both languages below; the whole tile is the touch target.

    The window sets the type sizes and the minimum touch size (``set_metrics``) as it resizes,
    so the tiles keep at least 15 mm on the glass at any window size.
    """

    def __init__(self, score: int, words: Bilingual) -> None:
        super().__init__()
        self.score, self.words = score, words
        self.setText(f"{words.zh} {words.en}")
        self.setAccessibleName(f"{score}: {words.zh} {words.en}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch and keys 1-5: no focus frame
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._zh_font = ui_font(10, bold=True)
        self._en_font = ui_font(10)
        self._target_px = 0
        self.set_metrics(20, 15, 60)

    def set_metrics(self, zh_px: int, en_px: int, target_px: int) -> None:
        self._zh_font.setPixelSize(zh_px)
        self._en_font.setPixelSize(en_px)
        self._target_px = target_px
        self.updateGeometry()
        self.update()

    def _padding(self) -> float:
        return max(4.0, QFontMetrics(self._en_font).height() * 0.4)

    def _text_height(self) -> float:
        """The Chinese line and up to two lines of English (the longest names wrap)."""
        return QFontMetrics(self._zh_font).height() + 2 * QFontMetrics(self._en_font).height()

    def minimumSizeHint(self) -> QSize:
        pad = self._padding()
        zh_width = QFontMetrics(self._zh_font).horizontalAdvance(self.words.zh)
        width = max(self._target_px, round(zh_width + 2 * pad))
        return QSize(width, round(self._target_px + self._text_height() + 3 * pad))

    def sizeHint(self) -> QSize:
        least = self.minimumSizeHint()
        return QSize(self._target_px * 3, least.height() + self._target_px)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = max(3.0, self._padding() * 0.45)
        area = QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2)
        corner = min(area.width(), area.height()) * 0.08
        painter.setPen(QPen(QColor(COLOURS[self.score]), border))
        painter.setBrush(QColor(TILE_PRESSED if self.isDown() else TILE))
        painter.drawRoundedRect(area, corner, corner)

        pad = self._padding()
        text_height = self._text_height()
        face = max(0.0, min(area.width() - 2 * pad, area.height() - text_height - 3 * pad))
        top = area.top() + (area.height() - face - text_height - pad) / 2
        paint_face(painter, QRectF(area.center().x() - face / 2, top, face, face), self.score)

        text_width = area.width() - 2 * pad
        zh_height = QFontMetrics(self._zh_font).height()
        zh_top = top + face + pad
        painter.setPen(QColor(TEXT_INK))
        painter.setFont(self._zh_font)
        painter.drawText(
            QRectF(area.left() + pad, zh_top, text_width, zh_height),
            Qt.AlignmentFlag.AlignCenter,
            self.words.zh,
        )
        painter.setPen(QColor(TEXT_MUTED))
        painter.setFont(self._en_font)
        painter.drawText(
            QRectF(area.left() + pad, zh_top + zh_height, text_width, text_height - zh_height),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.words.en,
        )
        if not self.isEnabled():  # a rating is being saved: the faces fade and ignore taps
            painter.fillRect(self.rect(), QColor(255, 255, 255, 140))


class FaceMark(QWidget):
    """A face on its own, as large as the widget allows: the choice on the thank-you page."""

    def __init__(self) -> None:
        super().__init__()
        self.score: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_score(self, score: int | None) -> None:
        self.score = score
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.score is None:
            return
        side = min(self.width(), self.height())
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        paint_face(painter, box, self.score)
        painter.end()
