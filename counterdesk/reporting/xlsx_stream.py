"""A sheet of a million rows written as SpreadsheetML straight into the workbook's zip.

XlsxWriter spends about 100 µs a row on a general cell-by-cell path, most of a year's XLSX
report in its ticket log. Here a row is one format string filled with each cell's XML,
worked out once per distinct value (a log repeats a few codes, dates and small numbers):
a year's rows are built and compressed in seconds. The cells are those XlsxWriter writes in
constant-memory mode, inline strings and numbers, escaped the same way, so the file reads
back the same; an empty cell is written as a bare reference (``<c r="H2"/>``), which reads
back empty as XlsxWriter's omitted cell does.

The sheet has no ``<dimension>``: it would come before the rows, whose number is known only
when they have been read. It is optional, and spreadsheets work the extent out themselves.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import islice
from numbers import Real
from typing import IO, Any

from xlsxwriter.utility import xl_col_to_name

MAX_TEXT = 32_767  # Excel's limit on a cell's text, in UTF-16 code units, as XlsxWriter cuts
CHUNK_ROWS = 4096  # rows joined into one write to the zip
# Anything text_xml has to change; most texts have none of it.
_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\\s|\\s$")
_ESCAPED = re.compile("(_x[0-9a-fA-F]{4}_)")  # a literal that reads like Excel's own escape
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")  # characters XML does not allow
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
    'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
    '</sheetViews><sheetFormatPr defaultRowHeight="15"/>'
)
_TAIL = (
    b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
    b'footer="0.3"/></worksheet>'
)


def text_xml(text: str) -> str:
    """The inline-string cell body of ``text``, as XlsxWriter writes it: cut to Excel's
    limit, characters XML cannot hold as ``_xHHHH_`` (which Excel reads back as the
    character), XML's own characters escaped, edge spaces kept."""
    if len(text) <= MAX_TEXT // 2 and not _SPECIAL.search(text):
        return f' t="inlineStr"><is><t>{text}</t></is></c>'
    if len(text) > MAX_TEXT // 2:
        units = text.encode("utf-16-le")
        if len(units) > 2 * MAX_TEXT:
            text = units[: 2 * MAX_TEXT].decode("utf-16-le", "ignore")
    text = _ESCAPED.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


class _CellXml(dict[Any, str]):
    """A cell's XML after its ``<c r="..."`` by value: texts as inline strings, numbers as
    numbers, None and "" as an empty cell. Only texts, finite numbers and None come in a
    log's rows; anything else is refused rather than written as something else. (True and
    False are not numbers here, but as keys they equal 1 and 0: a log must not hold them.)"""

    def __missing__(self, value: Any) -> str:
        if value is None or value == "":
            xml = "/>"
        elif isinstance(value, str):
            xml = text_xml(value)
        elif isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value):
            xml = f"><v>{value:.16G}</v></c>"
        else:
            raise TypeError(f"a log cell must be text, a number or empty, not {value!r}")
        self[value] = xml
        return xml


def _cols(widths: Sequence[int]) -> str:
    """The columns' widths, adjacent equal ones as one range, in Excel's units with the
    padding XlsxWriter adds to a whole width (``set_column(..., 26)`` is 26.7109375)."""
    spans: list[list[int]] = []
    for index, width in enumerate(widths, start=1):
        if spans and spans[-1][2] == width:
            spans[-1][1] = index
        else:
            spans.append([index, index, width])
    return (
        "<cols>"
        + "".join(
            f'<col min="{low}" max="{high}" width="{width + 0.7109375}" customWidth="1"/>'
            for low, high, width in spans
        )
        + "</cols>"
    )


class StreamedSheets:
    """Sheets of ``headings`` over rows, written one after another as entries of a zip
    (compressed as the zip was opened to): each a frozen heading row in ``heading_style``
    (an XF index of the workbook's styles) and at most ``rows_per_sheet`` rows in all, the
    heading included."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        headings: Sequence[str],
        widths: Sequence[int],
        heading_style: int,
        rows_per_sheet: int,
    ) -> None:
        self.archive, self.per_sheet = archive, rows_per_sheet - 1
        letters = [xl_col_to_name(index) for index in range(len(headings))]
        self.head = (
            _HEAD
            + _cols(widths)
            + '<sheetData><row r="1">'
            + "".join(
                f'<c r="{letter}1" s="{heading_style}"{text_xml(heading)}'
                for letter, heading in zip(letters, headings, strict=True)
            )
            + "</row>"
        ).encode()
        self.row = (
            '<row r="{0}">'
            + "".join(f'<c r="{letter}{{0}}"{{{index}}}' for index, letter in enumerate(letters, 1))
            + "</row>"
        ).format

    def write(self, name: Callable[[int], str], rows: Iterable[Sequence[Any]]) -> int:
        """Write ``rows`` over as many sheets as they need, the first an entry named
        ``name(1)`` and so on; returns the sheets written (none for no rows)."""
        rows, parts = iter(rows), 0
        while chunk := list(islice(rows, min(CHUNK_ROWS, self.per_sheet))):
            parts += 1
            with self.archive.open(name(parts), "w") as sheet:
                sheet.write(self.head)
                self._rows(sheet, chunk, islice(rows, self.per_sheet - len(chunk)))
                sheet.write(_TAIL)
        return parts

    def _rows(self, sheet: IO[bytes], chunk: list[Sequence[Any]], rest: Iterator[Any]) -> None:
        """Write a sheet's rows from row 2 on, ``CHUNK_ROWS`` at a time."""
        cells, number = _CellXml(), 2
        row, get = self.row, cells.__getitem__
        while chunk:
            sheet.write(
                "".join(
                    [row(str(at), *map(get, values)) for at, values in enumerate(chunk, number)]
                ).encode()
            )
            number += len(chunk)
            if len(cells) > 50_000:  # times are nearly all distinct: keep the memory flat
                cells.clear()
            chunk = list(islice(rest, CHUNK_ROWS))


def add_frame(archive: zipfile.ZipFile, frame: IO[bytes], streamed: Collection[str]) -> None:
    """Copy into ``archive`` the workbook XlsxWriter wrote to ``frame``, all but its entries
    named in ``streamed``: the sheets already streamed into ``archive`` in their place."""
    with zipfile.ZipFile(frame) as made:
        for name in made.namelist():
            if name not in streamed:
                archive.writestr(name, made.read(name))
