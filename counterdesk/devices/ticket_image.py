"""The printed ticket drawn as a 1-bit image at the printer's width in dots.

Drawing the whole ticket, Chinese included, as a raster image is what lets it print on any
ESC/POS printer: python-escpos sends Han text as GB18030, which the Big5 printers common in
Taiwan print as garbage. Sizes are fractions of the width, so one layout serves 58 mm
(384 dots) and 80 mm (576 dots) paper.
"""

from __future__ import annotations

import functools
import math
import re
import shutil
import subprocess
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from counterdesk import phrases
from counterdesk.devices.ticket_content import TicketContent
from counterdesk.phrases import Bilingual
from counterdesk.queue.errors import CounterdeskError

FAMILY = "Noto Sans CJK TC"
# The subset of Noto Sans CJK TC shipped with counterdesk (OFL, see its README.md there): every
# character of characters.txt, so a ticket prints the same whatever fonts the PC has.
BUNDLED = Path(__file__).resolve().parent.parent / "resources" / "fonts"
SUBSET_FILES = {False: "NotoSansCJKtc-Regular-subset.otf", True: "NotoSansCJKtc-Bold-subset.otf"}
FONT_FILES = {False: "NotoSansCJK-Regular.ttc", True: "NotoSansCJK-Bold.ttc"}
FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",  # Debian, Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk",  # Arch
    "/usr/share/fonts/google-noto-cjk",  # Fedora
    "~/.local/share/fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
WIDTHS = {58: 384, 80: 576}  # dots at 203 dpi
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CLOSING = "，。；：、）」』！？,.;:!?)"
# One token per Han character (a line may break between any two, but never before closing
# punctuation), per word otherwise.
_TOKENS = re.compile(f"[{_CJK}][{_CLOSING}]*|[^\\s{_CJK}]+[{_CLOSING}]*\\s*|\\s+")


class FontMissing(CounterdeskError):
    """No Traditional Chinese font: the ticket cannot be drawn legibly."""


@functools.cache
def subset_characters() -> frozenset[str]:
    """The characters the bundled subset draws."""
    return frozenset((BUNDLED / "characters.txt").read_text(encoding="utf-8").rstrip("\n"))


@functools.cache
def font_file(bold: bool, whole: bool = False) -> tuple[str, int]:
    """(path, face index) of Noto Sans CJK TC: the bundled subset, or with ``whole`` the
    system's complete font, found by fontconfig or in the usual folders."""
    if not whole:
        return str(BUNDLED / SUBSET_FILES[bold]), 0
    style = "Bold" if bold else "Regular"
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{family}|%{file}|%{index}", f"{FAMILY}:style={style}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split("|")
        if len(found) == 3 and FAMILY in found[0] and found[1].endswith(FONT_FILES[bold]):
            return found[1], int(found[2])
    for folder in FONT_DIRS:
        path = Path(folder).expanduser() / FONT_FILES[bold]
        if path.is_file():
            for index in range(10):
                try:
                    face = ImageFont.truetype(str(path), 10, index=index)
                except OSError:
                    break
                if face.getname()[0] == FAMILY:
                    return str(path), index
    raise FontMissing(
        f"the ticket has a character the bundled font lacks and needs the whole font {FAMILY} "
        f"({FONT_FILES[bold]}), which is not installed: "
        "on Debian or Ubuntu `apt install fonts-noto-cjk`; elsewhere install Noto Sans CJK TC"
    )


def font(size: int, bold: bool = False, text: str = "") -> ImageFont.FreeTypeFont:
    """The face that draws ``text``: the bundled subset, or the system's whole font when
    ``text`` has a character the subset lacks (a rare one in an office's own texts). Both are
    the same design, so lines drawn by either sit together on one ticket."""
    return _face(size, bold, whole=not subset_characters().issuperset(text))


@functools.cache
def _face(size: int, bold: bool, whole: bool) -> ImageFont.FreeTypeFont:
    path, index = font_file(bold, whole)
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=1024)
def wrap(text: str, size: int, bold: bool, width: float) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width``.

    Lines break at spaces where they can (so 「經濟部商業發展署 公司登記櫃檯」 breaks at its
    space), and inside a word too wide for a line: between Han characters or Latin phrases.
    """
    face = font(size, bold, text)
    if face.getlength(text) <= width:
        return (text,)
    tokens: list[str] = []
    for word in re.findall(r"\S+\s*", text):
        tokens += [word] if face.getlength(word.rstrip()) <= width else _TOKENS.findall(word)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if line and face.getlength((line + token).rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return tuple(lines)


@functools.lru_cache(maxsize=4096)
def _line_mask(text: str, size: int, bold: bool) -> Image.Image:
    """One line of text as a 1-bit mask, cached: most lines (office, labels, documents) are
    the same on every ticket, and drawing Han glyphs is most of the time a ticket takes."""
    face = font(size, bold, text)
    mask = Image.new("1", (max(1, math.ceil(face.getlength(text))), sum(face.getmetrics())), 0)
    ImageDraw.Draw(mask).text((0, 0), text, font=face, fill=1)
    return mask


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without a quiet zone: drawn by the ticket and kiosk."""
    # A fixed mask: any mask scans, and searching for the best one costs 30 ms a ticket.
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=0
    )
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


class _Sheet:
    """A tall white page drawn top to bottom, cropped to what was drawn.

    Text sizes are in dots, so text is as tall on 58 mm paper as on 80 mm (24 dots is 3 mm at
    203 dpi, the smallest size a citizen reads comfortably); only the line width changes.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.margin = max(12, width // 24)
        self.inner = width - 2 * self.margin
        self.image = Image.new("1", (width, height), 1)
        self.draw = ImageDraw.Draw(self.image)
        self.y = self.margin

    def text(
        self, text: str, size: int, *, bold: bool = False, center: bool = True, indent: int = 0
    ) -> None:
        line_height = round(sum(font(size, bold).getmetrics()) * 1.05)
        for line in wrap(text, size, bold, self.inner - indent):
            mask = _line_mask(line, size, bold)
            left = (self.width - mask.width) // 2 if center else self.margin + indent
            self.image.paste(0, (left, self.y), mask)
            self.y += line_height

    def bilingual(self, phrase: Bilingual, size: int, *, bold: bool = False) -> None:
        self.text(phrase.zh, size, bold=bold)
        self.text(phrase.en, round(size * 0.75))

    def gap(self, dots: int = 12) -> None:
        self.y += dots

    def rule(self) -> None:
        self.gap(10)
        self.draw.line((self.margin, self.y, self.width - self.margin, self.y), fill=0, width=3)
        self.gap(16)

    def number(self, number: str) -> None:
        """The number as large as the paper allows: fills the width, capped in height."""
        left, top, right, bottom = font(100, True, number).getbbox(number)
        scale = min(self.inner * 0.9 / (right - left), self.width * 0.34 / (bottom - top))
        face = font(int(100 * scale), True, number)
        left, top, right, bottom = face.getbbox(number)
        self.draw.text(((self.width - (right - left)) / 2 - left, self.y - top), number, font=face)
        self.y += int(bottom - top)  # FreeType boxes are whole pixels, typed float

    def banner(self, phrase: Bilingual, size: int) -> None:
        """White text on a black band: the priority or appointment mark, seen at a glance;
        smaller type when it is too long for the paper (an appointment's on 58 mm)."""
        text = f"{phrase.zh}  {phrase.en}"
        face = font(size, True, text)
        while face.getlength(text) > self.inner - size and size > 20:
            size -= 2
            face = font(size, True, text)
        left, top, right, bottom = face.getbbox(text)
        pad = size // 3
        band = bottom - top + 2 * pad
        self.draw.rectangle((self.margin, self.y, self.width - self.margin, self.y + band), fill=0)
        origin = ((self.width - (right - left)) / 2 - left, self.y + pad - top)
        self.draw.text(origin, text, font=face, fill=1)
        self.y += int(band)  # FreeType boxes are whole pixels, typed float

    def row(self, label: Bilingual, value: Bilingual | str) -> None:
        """A label in two languages on the left, its value large and bold on the right."""
        values = (value.zh, value.en) if isinstance(value, Bilingual) else (value,)
        labels = [_line_mask(label.zh, 26, False), _line_mask(label.en, 20, False)]
        masks = [_line_mask(text, 34 if i == 0 else 20, i == 0) for i, text in enumerate(values)]
        left_y = right_y = self.y
        for mask in labels:
            self.image.paste(0, (self.margin, left_y), mask)
            left_y += mask.height
        if max(m.width for m in labels) + masks[0].width + 16 > self.inner:
            right_y = left_y  # too wide to sit beside the label (a date on 58 mm): below it
        for mask in masks:
            self.image.paste(0, (self.width - self.margin - mask.width, right_y), mask)
            right_y += mask.height
        self.y = max(left_y, right_y) + 8

    def checklist(self, items: tuple[Bilingual, ...]) -> None:
        """One paragraph per document, Chinese then English, behind a box to tick."""
        size = 24
        box = 18
        for item in items:
            self.draw.rectangle(
                (self.margin, self.y + 8, self.margin + box, self.y + 8 + box), outline=0, width=2
            )
            self.text(f"{item.zh}  {item.en}", size, center=False, indent=box + 10)
            self.gap(6)

    def qr(self, data: str, side: int) -> None:
        modules = qr_matrix(data)
        cell = max(3, side // len(modules))
        left = (self.width - cell * len(modules)) // 2
        self.gap(2 * cell)  # with the rule's gap, the quiet zone scanners need
        for y, row in enumerate(modules):
            for x, dark in enumerate(row):
                if dark:
                    x0, y0 = left + x * cell, self.y + y * cell
                    self.draw.rectangle((x0, y0, x0 + cell - 1, y0 + cell - 1), fill=0)
        self.y += cell * len(modules) + 3 * cell

    def finish(self) -> Image.Image:
        self.y += self.margin
        return self.image.crop((0, 0, self.width, self.y))


def render_ticket(content: TicketContent, width: int = WIDTHS[80]) -> Image.Image:
    """The whole ticket as a 1-bit image ``width`` dots wide (384 for 58 mm, 576 for 80 mm)."""
    if width % 8 or not 256 <= width <= 1024:
        raise ValueError(f"ticket width must be a multiple of 8 dots from 256 to 1024, not {width}")
    sheet = _Sheet(width, 1600 + 120 * len(content.missing_documents))
    if content.sample:
        sheet.banner(phrases.TEST_PRINT, 28)
        sheet.gap()
    sheet.bilingual(content.office, 28, bold=True)
    sheet.rule()
    sheet.text(f"{phrases.YOUR_NUMBER.zh}  {phrases.YOUR_NUMBER.en}", 26)
    sheet.gap(6)
    sheet.number(content.number)
    sheet.gap(20)
    marks = [phrases.PRIORITY] if content.priority else []
    if (booked := content.appointment_mark) is not None:
        marks.append(booked)
    for mark in marks:
        sheet.banner(Bilingual(mark.zh, mark.en.upper()), 32)
        sheet.gap()
    sheet.bilingual(content.service, 36, bold=True)
    sheet.rule()
    sheet.row(phrases.ISSUED, f"{content.issued_at:%Y-%m-%d %H:%M}")
    if content.appointment_at is not None:
        # Called at its time: people ahead and a wait in walk-in order would mislead.
        sheet.row(phrases.APPOINTMENT_TIME, f"{content.appointment_at:%H:%M}")
        sheet.bilingual(phrases.CALLED_AT_APPOINTMENT, 26, bold=True)
    else:
        sheet.row(phrases.PEOPLE_AHEAD, content.ahead)
        sheet.row(phrases.ESTIMATED_WAIT, content.wait)
    if content.late_booking:
        sheet.gap(6)
        sheet.bilingual(phrases.LATE_WALK_IN, 24)
    if content.missing_documents:
        sheet.rule()
        sheet.text(phrases.REMEMBER.zh, 28, bold=True)
        sheet.text(f"{phrases.REMEMBER.en}:", 22)
        sheet.gap(8)
        sheet.checklist(content.missing_documents)
    sheet.rule()
    sheet.qr(content.status_url, min(240, width // 2))
    sheet.text(phrases.SCAN.zh, 24)
    sheet.text(phrases.SCAN.en, 21)
    if content.helpline:
        sheet.gap(8)
        sheet.text(f"{phrases.HELPLINE.zh} {phrases.HELPLINE.en} {content.helpline}", 21)
    return sheet.finish()


def save_ticket(content: TicketContent, target: str | Path, width: int = WIDTHS[80]) -> Path:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    render_ticket(content, width).save(path, "PNG")
    return path
