"""The ticket log streamed into the XLSX as SpreadsheetML holds what XlsxWriter wrote cell by
cell: the same values of the same types, hostile text kept literally, every part well-formed
XML, and a week's log the very values of the CSV fixture written by the former code."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import xlsxwriter
from openpyxl import load_workbook

from counterdesk.feedback import Feedback
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting import exports
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.reporting.xlsx_stream import MAX_TEXT, StreamedSheets, add_frame
from tests.analytics.test_statistics import DAY, at, play_day
from tests.reporting.test_feedback_exports import token
from tests.reporting.test_streamed_exports import FIRST, FIXTURES, LAST, simulated_week

HEADINGS = ["文字\nText", "數字\nNumber", "空白\nEmpty"]
# Texts a database may hold that XML or Excel would take for something else.
HOSTILE = [
    "\x00\x01\x08\x0b\x0c\x0e\x1f nul and friends",
    "_x0041_ reads like Excel's own escape",
    "a & b <c> \"d\" 'e'",
    " leading space",
    "trailing tab\t",
    "line\nbreak",
    "'\r=cmd|' /C calc'!A0",
    "not characters \ufffe\uffff",
    "中文 與 English",
    "x" * (MAX_TEXT + 10),
    "長" * (MAX_TEXT // 2 + 1) + "😀" * 20_000,
]
# A text that, put into the XML as it is, ends its cell and adds one with a formula.
MARKUP = '<r></r></is></c><c r="B1"><f>1+1</f></c><c t="inlineStr"><is><r></r>'
ROWS: list[tuple[Any, ...]] = [
    *((text, index, None) for index, text in enumerate(HOSTILE)),
    ("", -3, 2.5),
    ("數字 numbers", 10**15, 0.1),
    ("empty text", 0, ""),
]


@pytest.fixture
def week(engine: TicketEngine) -> TicketEngine:
    return simulated_week(engine)


def streamed(path: Path, rows: Sequence[Sequence[Any]], rows_per_sheet: int) -> int:
    """A workbook of ``rows`` written the new way: the sheets streamed, XlsxWriter's frame
    around them; returns the sheets the rows took."""
    frame = io.BytesIO()
    book = xlsxwriter.Workbook(frame, {"in_memory": True})
    style = book.add_format({"bold": True})._get_xf_index()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        sheets = StreamedSheets(archive, HEADINGS, [26, 14, 14], style, rows_per_sheet)
        parts = sheets.write(lambda part: f"xl/worksheets/sheet{part}.xml", rows)
        for part in range(1, parts + 1):
            book.add_worksheet(f"log {part}")
        book.close()
        add_frame(archive, frame, {f"xl/worksheets/sheet{p}.xml" for p in range(1, parts + 1)})
    return parts


def written_by_xlsxwriter(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """The same rows as the former export wrote them: XlsxWriter in constant memory, a cell
    at a time (its ``write_row`` drops the rest of a row after a text it had to cut)."""
    book = xlsxwriter.Workbook(
        path, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = book.add_worksheet("log 1")
    sheet.write_row(0, 0, HEADINGS, book.add_format({"bold": True}))
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            sheet.write(number, column, value)
    book.close()


def cells(path: Path) -> list[list[tuple[Any, str]]]:
    """Every sheet's cells as (value, data type), each row as long as the sheet is wide."""
    book = load_workbook(path)  # not read-only: the data types are wanted
    return [
        [(cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row]
        for sheet in book.worksheets
    ]


def well_formed(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))


def test_cells_read_back_as_xlsxwriter_wrote_them(tmp_path: Path) -> None:
    new, old = tmp_path / "new.xlsx", tmp_path / "old.xlsx"
    assert streamed(new, ROWS, len(ROWS) + 1) == 1
    written_by_xlsxwriter(old, ROWS)
    well_formed(new)
    assert cells(new) == cells(old)
    sheet = load_workbook(new)["log 1"]
    assert sheet["A1"].font.b and sheet["B1"].font.b  # the heading in its format
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 26.7109375
    assert sheet["C13"].value == 2.5 and sheet["B14"].value == 10**15


def test_markup_in_a_text_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "markup.xlsx"
    streamed(path, [(MARKUP, 1, None)], 10)
    well_formed(path)
    book = load_workbook(path)
    assert book["log 1"]["A2"].value == MARKUP and book["log 1"]["B1"].data_type != "f"


def test_markup_typed_in_a_comment_stays_text_in_the_small_sheets(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    """XlsxWriter in constant memory writes a text between ``<r>`` and ``</r>`` into the
    sheet's XML as it is: a rating comment could end its cell and add a formula."""
    play_day(engine, clock)
    at(clock, "17:40:00")
    Feedback(engine).ratings.rate(token(engine, "H001"), 1, MARKUP)
    at(clock, "09:00:00", DAY + dt.timedelta(days=3))
    path = tmp_path / "comments.xlsx"
    export(engine, ExportRequest(DAY, DAY, "xlsx", path))
    well_formed(path)
    comments = [cell for row in load_workbook(path)["評語 Comments"].iter_rows() for cell in row]
    assert MARKUP in [cell.value for cell in comments]
    assert not [cell.coordinate for cell in comments if cell.data_type == "f"]


@pytest.mark.parametrize("value", [True, float("nan"), dt.date(2026, 1, 1), b"bytes"])
def test_a_cell_that_is_neither_text_nor_number_is_refused(tmp_path: Path, value: object) -> None:
    with pytest.raises(TypeError, match="must be text, a number or empty"):
        streamed(tmp_path / "refused.xlsx", [("text", value, None)], 10)


@pytest.mark.parametrize(("rows", "per_sheet", "parts"), [(0, 3, 0), (4, 3, 2), (4, 5, 1)])
def test_the_rows_continue_on_new_sheets_at_the_limit(
    tmp_path: Path, rows: int, per_sheet: int, parts: int
) -> None:
    path = tmp_path / "limit.xlsx"
    assert streamed(path, [(f"row {at}", at, None) for at in range(rows)], per_sheet) == parts
    if parts:
        sheets = load_workbook(path, read_only=True).worksheets
        read = [list(sheet.iter_rows(values_only=True)) for sheet in sheets]
        assert all(sheet[0] == tuple(HEADINGS) for sheet in read)
        assert [row[1] for sheet in read for row in sheet[1:]] == list(range(rows))


def test_a_weeks_ticket_log_holds_the_former_csv_values(
    week: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over three sheets: the rows continue in order, each sheet under its heading."""
    with (FIXTURES / "week-tickets.csv").open(encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.reader(handle))[1:]
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", len(expected) // 3 + 2)
    path = tmp_path / "week.xlsx"
    export(week, ExportRequest(FIRST, LAST, "xlsx", path))
    well_formed(path)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[-3:] == ["票號 Tickets", "票號 Tickets 2", "票號 Tickets 3"]
    parts = [list(book[name].iter_rows(values_only=True)) for name in book.sheetnames[-3:]]
    assert parts[0][0] == parts[1][0] == parts[2][0]
    rows = [row for part in parts for row in part[1:]]
    assert [["" if value is None else str(value) for value in row] for row in rows] == expected
    numbers = {type(value) for row in rows for value in row[15:]}
    assert numbers <= {int, type(None)}  # counts and seconds are numbers
