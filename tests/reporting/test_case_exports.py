"""Cases in the exports, read back as a person's tools would: the CSV's ``cases`` table, the
XLSX sheet and the PDF report's section. Never a contact, business number or case number in
any of them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterdesk.analytics.statistics import Filters
from counterdesk.queue.cases import Cases
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.reporting.exports import ExportRequest, export
from tests.analytics.test_case_figures import FRIDAY, on
from tests.conftest import Run
from tests.queue.test_cases import UBN, served
from tests.reporting.test_appointment_exports import exported  # of Friday 2026-11-27
from tests.reporting.test_exports import read_csv

PHONE = "0912345678"
NUMBERS = ("A115-000777", "M115-000888")


@pytest.fixture
def cases(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """An incorporation handed in at a served ticket, with a phone and a business number,
    approved on Tuesday 12-01 (2 working days, in time); an amendment under review past its
    Tuesday 12-08, overdue on Wednesday 12-09."""
    desk = Cases(engine)
    ticket = served(engine)
    desk.register(
        NUMBERS[0], ticket_id=ticket.id, business_number_text=UBN, contact=PHONE, by="wang"
    )
    desk.register(NUMBERS[1], service="amendment", contact="owner@example.com", by="wang")
    on(clock, dt.date(2026, 11, 30))
    desk.move(NUMBERS[1], "under_review", by="wang")
    on(clock, dt.date(2026, 12, 1))
    desk.move(NUMBERS[0], "approved", by="wang")
    on(clock, dt.date(2026, 12, 9))
    return engine


def test_the_cases_csv_has_the_total_and_each_service(cases: TicketEngine, tmp_path: Path) -> None:
    rows = read_csv(exported(cases, tmp_path, "csv", "cases"))
    assert [(row["breakdown"], row["key"]) for row in rows] == [
        ("total", ""),
        ("service", "incorporation"),
        ("service", "amendment"),
    ]
    total, incorporation, amendment = rows
    assert (total["received"], total["decided"], total["within_share"]) == ("2", "1", "1.0")
    assert (incorporation["standard_days"], incorporation["decision_median"]) == ("2", "2")
    assert (incorporation["stage_approved"], incorporation["stage_received"]) == ("1", "0")
    assert incorporation["name_zh"] and incorporation["name_en"]
    assert (amendment["standard_days"], amendment["overdue"], amendment["within_share"]) == (
        "7",
        "1",
        "",
    )


def test_xlsx_has_a_cases_sheet(cases: TicketEngine, tmp_path: Path) -> None:
    book = load_workbook(exported(cases, tmp_path, "xlsx"), read_only=True)
    rows = list(book["案件 Cases"].iter_rows(values_only=True))
    lines = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
    assert lines["收件案件 Cases received"] == 2
    assert lines["標準處理時間內決定 Decided within the standard time"] == 1
    assert lines["決定日數中位數 Median working days to decision (d)"] == 2
    assert lines["逾期未決 Overdue, undecided (on 2026-12-09)"] == 1
    assert "working days" in str(lines["定義 Definitions"])


def test_pdf_report_has_a_case_section(cases: TicketEngine, tmp_path: Path) -> None:
    reader = PdfReader(exported(cases, tmp_path, "pdf"))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    first, after = (
        outline["案件處理時間 Case processing time"],
        outline["預估等候準確度 Accuracy of the promised waits"],
    )
    page = "".join(reader.pages[n].extract_text() for n in range(first, after))
    for text in (
        "Cases received",
        "Decided within the standard time",
        "100.0%",
        "2 工作日 working days",
        "Working days to decision",
        "At each stage now",
        "Overdue",
    ):
        assert text in page, text
    summary = reader.pages[0].extract_text()
    assert "Cases decided within the standard" in summary and "100.0% / 2" in summary


def test_no_contact_business_number_or_case_number_in_any_export(
    cases: TicketEngine, tmp_path: Path
) -> None:
    texts = [
        exported(cases, tmp_path, "csv", table).read_text("utf-8-sig")
        for table in ("summary", "tickets", "events", "cases")
    ]
    with zipfile.ZipFile(exported(cases, tmp_path, "xlsx")) as book:
        texts += [book.read(name).decode() for name in book.namelist()]
    reader = PdfReader(exported(cases, tmp_path, "pdf"))
    texts += [page.extract_text() for page in reader.pages]
    secrets = (PHONE, "owner@example.com", UBN, *NUMBERS)
    assert len(texts) > 10
    assert not [(secret, text[:80]) for text in texts for secret in secrets if secret in text]


def test_the_cases_csv_is_written_without_tickets_and_follows_the_service_filter(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    Cases(engine).register("L-1", service="amendment")  # no ticket at all that day
    path = tmp_path / "cases.csv"
    export(engine, ExportRequest(FRIDAY, FRIDAY, "csv", path, table="cases"))
    assert [row["received"] for row in read_csv(path)] == ["1", "1"]
    chosen = Filters(service="incorporation")
    export(engine, ExportRequest(FRIDAY, FRIDAY, "csv", path, table="cases", filters=chosen))
    assert [row["received"] for row in read_csv(path)] == ["0"]


@pytest.mark.slow
def test_command_line_exports_the_cases_of_a_half_year(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "cases.csv"
    made = run(
        "export", "--period", "2026-H1", "--format", "csv", "--table", "cases", "--output", str(out)
    )
    assert made.returncode == 0, made.stderr
    assert f"wrote {out}: 1 rows of cases" in made.stdout  # the total, of none received
    assert [row["received"] for row in read_csv(out)] == ["0"]
