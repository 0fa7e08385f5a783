"""Appointments in the exports, read back as a person's tools would: the CSV summary's arrival
rows and bookings' columns, the ticket log's booked time, the XLSX sheet and the PDF section.
Never a contact in any of them. The morning is ``tests/analytics/booked_morning.py``'s.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterdesk.analytics.statistics import Filters
from counterdesk.queue import TicketEngine
from counterdesk.reporting.exports import ExportRequest, export
from tests.analytics.booked_morning import CONTACT, booking_desk, play_morning
from tests.queue.booking_office import FRIDAY
from tests.reporting.test_exports import read_csv


@pytest.fixture
def morning(sqlite_url: str) -> Iterator[TicketEngine]:
    with booking_desk(sqlite_url) as desk:
        yield play_morning(desk).engine


def exported(engine: TicketEngine, tmp_path: Path, fmt: str, table: str = "summary") -> Path:
    path = tmp_path / f"{table}.{fmt}"
    export(engine, ExportRequest(FRIDAY, FRIDAY, fmt, path, table=table))
    return path


def test_summary_csv_has_the_arrival_rows_and_the_bookings_counts(
    morning: TicketEngine, tmp_path: Path
) -> None:
    rows = read_csv(exported(morning, tmp_path, "csv"))
    arrival = {row["key"]: row for row in rows if row["breakdown"] == "arrival"}
    assert list(arrival) == ["walk_in", "appointment"]
    booked, walk_in = arrival["appointment"], arrival["walk_in"]
    assert (booked["name_zh"], booked["name_en"], walk_in["name_zh"]) == (
        "預約",
        "Appointment",
        "現場",
    )
    assert (booked["issued"], booked["wait_median"], booked["wait_max"]) == ("2", "120", "300")
    assert (walk_in["wait_median"], walk_in["service_level"]) == ("1740", "0.0")
    total = rows[0]
    counts = ("bookings", "bookings_checked_in", "bookings_late", "bookings_served")
    assert [total[key] for key in counts] == ["6", "2", "1", "3"]
    ended = ("bookings_no_show", "bookings_cancelled", "bookings_open")
    assert [total[key] for key in ended] == ["1", "1", "1"]
    visa = next(row for row in rows if row["breakdown"] == "service" and row["key"] == "visa")
    assert visa["bookings"] == "6" and visa["bookings_served"] == "3"
    day = next(row for row in rows if row["breakdown"] == "day")
    assert day["bookings"] == "6"
    counter = next(row for row in rows if row["breakdown"] == "counter")
    assert counter["bookings"] == ""  # bookings have no counter


def test_ticket_log_has_the_booked_time_of_appointments_only(
    morning: TicketEngine, tmp_path: Path
) -> None:
    rows = read_csv(exported(morning, tmp_path, "csv", "tickets"))
    assert list(rows[0])[5:8] == ["status", "appointment_at", "issued_at"]
    booked = {row["number"]: row["appointment_at"] for row in rows}
    # C (late, A001) and W (A003) are walk-ins; B (A002) and A (A004) kept their times.
    assert booked == {
        "A001": "",
        "A002": "2026-11-27 09:30:00",
        "A003": "",
        "A004": "2026-11-27 10:10:00",
    }
    waits = {row["number"]: row["wait_seconds"] for row in rows}
    assert (waits["A002"], waits["A004"], waits["A001"]) == ("300", "120", "1800")


def test_xlsx_has_an_appointments_sheet(morning: TicketEngine, tmp_path: Path) -> None:
    book = load_workbook(exported(morning, tmp_path, "xlsx"), read_only=True)
    assert "依預約或現場 Appointment or walk-in" in book.sheetnames
    rows = list(book["預約 Appointments"].iter_rows(values_only=True))
    lines = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
    assert lines["預約 Bookings"] == 6
    assert lines["逾時（改現場） Late (given a walk-in's ticket)"] == 1
    assert lines["預約等候中位數 Median wait: appointments (s)"] == 120
    assert lines["現場服務水準 Service level: walk-ins"] == 0
    heading = next(index for index, row in enumerate(rows) if row[0] == "分類\nBreakdown")
    table = [row for row in rows[heading + 1 :] if row[0]]
    assert [(row[0], row[1], row[4], row[7]) for row in table] == [
        ("total", None, 6, 3),
        ("service", "visa", 6, 3),
        ("day", "2026-11-27", 6, 3),
    ]  # breakdown, code, booked, served


def test_pdf_report_has_an_appointments_section(morning: TicketEngine, tmp_path: Path) -> None:
    reader = PdfReader(exported(morning, tmp_path, "pdf"))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    page = reader.pages[outline["預約 Appointments"]].extract_text()
    for text in (
        "Bookings served",
        "No-shows",
        "Median wait: appointments",
        "2.0 分 min",  # 120 s
        "29.0 分 min",  # walk-ins: 1740 s
        "Service level: appointments",
        "100.0%",
        "Appointment or walk-in",
        "簽證",
    ):
        assert text in page, text


def test_no_contact_in_any_export(morning: TicketEngine, tmp_path: Path) -> None:
    texts = [
        exported(morning, tmp_path, "csv", table).read_text("utf-8-sig")
        for table in (
            "summary",
            "tickets",
            "events",
        )
    ]
    with zipfile.ZipFile(exported(morning, tmp_path, "xlsx")) as book:
        texts += [book.read(name).decode() for name in book.namelist()]
    reader = PdfReader(exported(morning, tmp_path, "pdf"))
    texts += [page.extract_text() for page in reader.pages]
    assert texts and not any(CONTACT in text for text in texts)


def test_counter_filter_leaves_the_bookings_counts_whole(
    morning: TicketEngine, tmp_path: Path
) -> None:
    path = tmp_path / "by-counter.xlsx"
    export(morning, ExportRequest(FRIDAY, FRIDAY, "xlsx", path, filters=Filters(counter=1)))
    rows = list(
        load_workbook(path, read_only=True)["預約 Appointments"].iter_rows(values_only=True)
    )
    lines = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
    assert lines["預約 Bookings"] == 6
    assert "do not apply to bookings" in str(lines["篩選 Filters"])
