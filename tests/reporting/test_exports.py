"""Exports read back as a person's tools would: openpyxl, the csv module and a PDF reader."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterdesk.analytics.statistics import Filters, statistics_for
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting import exports
from counterdesk.reporting.exports import ExportError, ExportRequest, export
from counterdesk.reporting.periods import PeriodError, date_range, parse_period, preset
from tests.analytics.test_statistics import DAY, at, nearest_rank, play_day
from tests.conftest import Run


@pytest.fixture
def played(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    play_day(engine, clock)
    at(clock, "09:00:00", DAY + dt.timedelta(days=3))
    return engine


def request(tmp_path: Path, fmt: str, table: str = "summary", **kw: Any) -> ExportRequest:
    return ExportRequest(DAY, DAY, fmt, tmp_path / f"out-{table}.{fmt}", table=table, **kw)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_summary_csv_has_every_breakdown_with_chinese_names(
    played: TicketEngine, tmp_path: Path
) -> None:
    export(played, request(tmp_path, "csv"))
    rows = read_csv(tmp_path / "out-summary.csv")
    total = rows[0]
    assert (total["breakdown"], total["issued"], total["wait_median"]) == ("total", "6", "180")
    assert total["service_level"] == "0.5"
    precheck = next(r for r in rows if r["breakdown"] == "service" and r["key"] == "precheck")
    assert precheck["name_zh"] == "公司名稱及所營事業預查"
    assert (precheck["wait_median"], precheck["wait_p90"], precheck["cancelled"]) == (
        "660",
        "1320",
        "1",
    )
    assert {r["breakdown"] for r in rows} == {
        "total",
        "service",
        "counter",
        "staff",
        "day",
        "weekday",
        "hour",
        "priority",
        "arrival",
    }


def test_statistics_agree_with_a_hand_computation_from_the_event_log(
    played: TicketEngine, tmp_path: Path
) -> None:
    """Recompute every wait from the raw event export alone, by the documented rule."""
    export(played, request(tmp_path, "csv", table="events"))
    events = read_csv(tmp_path / "out-events.csv")
    assert {"token", "outcome"}.isdisjoint(events[0])  # no status-page token, no free notes
    waits = []
    for number in sorted({e["number"] for e in events if e["number"]}):
        mine = [e for e in events if e["number"] == number]
        issued = _time(next(e for e in mine if e["kind"] == "issued"))
        calls, answered = [], None
        for event in mine:
            if event["kind"] == "called":
                calls.append(_time(event))
            if event["kind"] == "started" and answered is None:
                answered = calls[-1]
        answered = answered or (calls[-1] if calls else None)
        if answered is not None:
            waits.append(int((answered - issued).total_seconds()))
    stats = statistics_for(played, DAY, DAY)
    assert sorted(waits) == [180, 180, 660, 1320]
    assert stats.total.wait.median == nearest_rank(waits, 50)
    assert stats.total.wait.p90 == nearest_rank(waits, 90)
    assert stats.total.wait.mean == sum(waits) / len(waits)
    kinds = [e["kind"] for e in events]
    assert kinds.count("signed_in") == 2 and kinds.count("paused") == 1


def _time(event: dict[str, str]) -> dt.datetime:
    return dt.datetime.strptime(event["at"], "%Y-%m-%d %H:%M:%S")


def test_ticket_csv_has_every_timestamp_and_no_token(played: TicketEngine, tmp_path: Path) -> None:
    export(played, request(tmp_path, "csv", table="tickets"))
    rows = {row["number"]: row for row in read_csv(tmp_path / "out-tickets.csv")}
    assert list(rows) == ["A001", "A002", "H001", "B001", "A003", "E001"]
    a001 = rows["A001"]
    assert (a001["issued_at"], a001["first_called_at"], a001["answered_call_at"]) == (
        "2026-11-27 09:00:00",
        "2026-11-27 09:10:00",
        "2026-11-27 09:22:00",
    )
    assert (a001["wait_seconds"], a001["no_shows"], a001["returns"]) == ("1320", "1", "1")
    b001 = rows["B001"]
    assert (b001["final_service"], b001["transfers"], b001["handling_seconds"]) == (
        "amendment",
        "1",
        "1080",
    )
    assert rows["E001"]["status"] == "removed_at_close" and rows["E001"]["wait_seconds"] == ""
    assert "token" not in a001


def test_xlsx_has_a_sheet_per_breakdown_and_the_ticket_log(
    played: TicketEngine, tmp_path: Path
) -> None:
    export(played, request(tmp_path, "xlsx", filters=Filters(service="precheck")))
    book = load_workbook(tmp_path / "out-summary.xlsx", read_only=True)
    assert book.sheetnames == [
        "摘要 Summary",
        "依服務項目 By service",
        "依櫃檯 By counter",
        "依承辦人 By staff member",
        "依日期 By day",
        "依星期 By weekday",
        "依時段 By hour of day",
        "依優先 By priority",
        "依預約或現場 Appointment or walk-in",
        "預估準確度 Estimate accuracy",
        "預約 Appointments",
        "案件 Cases",
        "滿意度 Satisfaction",
        "評語 Comments",
        "意見 Opinions",
        "票號 Tickets",
    ]
    summary = {row[0]: row[-1] for row in book["摘要 Summary"].iter_rows(values_only=True)}
    assert summary["發出 Issued"] == 3 and summary["篩選 Filters"] == "service precheck"
    assert summary["等候中位數（秒）Median wait (s)"] == 660
    assert "票號紀錄 Ticket log" not in summary  # one sheet holds the log: no note
    services = list(book["依服務項目 By service"].iter_rows(values_only=True))
    assert services[0][0] == "代碼\nCode"
    assert services[1][:4] == (
        "precheck",
        "公司名稱及所營事業預查",
        "Company name & business-scope reservation",
        3,
    )
    tickets = list(book["票號 Tickets"].iter_rows(values_only=True))
    assert [row[1] for row in tickets[1:]] == ["A001", "A002", "A003"]  # the filter applies


def test_xlsx_ticket_log_past_the_row_limit_continues_on_a_second_sheet(
    played: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 3)  # the heading and two tickets a sheet
    export(played, request(tmp_path, "xlsx", filters=Filters(service="precheck")))
    book = load_workbook(tmp_path / "out-summary.xlsx", read_only=True)
    assert book.sheetnames[-2:] == ["票號 Tickets", "票號 Tickets 2"]
    first, second = (list(book[name].iter_rows(values_only=True)) for name in book.sheetnames[-2:])
    assert first[0] == second[0] and first[0][1] == "號碼\nNumber"  # each under its heading
    assert [row[1] for row in first[1:] + second[1:]] == ["A001", "A002", "A003"]
    summary = {row[0]: row[-1] for row in book["摘要 Summary"].iter_rows(values_only=True)}
    note = str(summary["票號紀錄 Ticket log"])
    assert "票號 Tickets、票號 Tickets 2" in note and "3 rows per sheet" in note
    assert "依序分在" in note  # in both languages


def test_pdf_report_has_its_sections_on_the_expected_pages(
    played: TicketEngine, tmp_path: Path
) -> None:
    steps = []
    export(played, request(tmp_path, "pdf"), lambda done, total: steps.append((done, total)))
    reader = PdfReader(tmp_path / "out-summary.pdf")
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    assert outline == {
        "摘要 Summary": 1,
        "時段：到達與等候 Arrivals and waiting by hour": 2,
        "等候趨勢與服務水準 Waiting trend and service level": 3,
        "承辦人處理時間 Handling time by staff member": 4,
        "明細表 Tables": 5,
        "預約 Appointments": len(reader.pages) - 5,
        "案件處理時間 Case processing time": len(reader.pages) - 4,
        "預估等候準確度 Accuracy of the promised waits": len(reader.pages) - 3,
        "滿意度與意見 Satisfaction and opinions": len(reader.pages) - 2,
        "定義 Definitions": len(reader.pages) - 1,  # two pages of them
    }
    first_page = reader.pages[0].extract_text()
    assert "Service performance self-assessment" in first_page and "Tickets issued" in first_page
    assert steps[-1][0] == steps[-1][1]  # the progress reached 100%


def test_bad_requests_leave_no_file(played: TicketEngine, tmp_path: Path) -> None:
    empty = ExportRequest(
        DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2), "csv", tmp_path / "e.csv"
    )
    with pytest.raises(ExportError, match="no tickets from 2026-11-28 to 2026-11-29"):
        export(played, empty)
    with pytest.raises(ExportError, match="does not exist"):
        export(played, request(tmp_path / "missing" / "x", "csv"))
    with pytest.raises(ExportError, match="is a folder"):
        export(played, ExportRequest(DAY, DAY, "csv", tmp_path))
    with pytest.raises(ExportError, match=r"cannot write /proc/report\.pdf"):
        export(played, ExportRequest(DAY, DAY, "pdf", Path("/proc/report.pdf")))
    assert list(tmp_path.rglob("*.part")) == [] and not (tmp_path / "e.csv").exists()
    assert not Path("/proc/report.pdf").exists()


def test_a_failure_midway_leaves_no_partial_file(played: TicketEngine, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "r.xlsx"
    target.write_bytes(b"the previous export")

    def fail(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        export(played, ExportRequest(DAY, DAY, "xlsx", target), fail)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["r.xlsx"]


def test_periods() -> None:
    assert parse_period("2026-H1") == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert parse_period("2026-h2") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert parse_period("2026") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert parse_period("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert preset("week", DAY) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert preset("four_weeks", DAY) == (DAY - dt.timedelta(days=28), DAY)
    for bad in ("2026-H3", "2026-13", "last year"):
        with pytest.raises(PeriodError, match="is not a period"):
            parse_period(bad)
    with pytest.raises(PeriodError, match="--from: '2026-02-30' is not a date"):
        date_range("2026-02-30", "2026-03-01", None)
    with pytest.raises(PeriodError, match="is after --to"):
        date_range("2026-03-02", "2026-03-01", None)
    with pytest.raises(PeriodError, match="not both"):
        date_range("2026-03-01", None, "2026")


@pytest.mark.slow
def test_command_line_simulate_then_export(run: Run, tmp_path: Path) -> None:
    simulated = run("simulate", "--date", "2026-03-02", "--days", "2", "--fast")
    assert simulated.returncode == 0, simulated.stderr
    assert "2026-03-02" in simulated.stdout and "service level" in simulated.stdout
    out = tmp_path / "h1.xlsx"
    made = run("export", "--period", "2026-H1", "--format", "xlsx", "--output", str(out))
    assert made.returncode == 0, made.stderr
    assert "over 2 days" in made.stdout
    assert load_workbook(out, read_only=True)["摘要 Summary"]["B4"].value == 2
    for args, message in (
        (("--from", "2026-03-40", "--to", "2026-04-01"), "--from: '2026-03-40' is not a date"),
        (("--period", "2027"), "no tickets from 2027-01-01 to 2027-12-31"),
        (("--period", "2026", "--service", "nope"), "unknown service 'nope'"),
    ):
        bad = run("export", *args, "--format", "csv", "--output", "x.csv")
        assert bad.returncode == 2 and message in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()
    future = run("simulate", "--date", "2999-01-01")
    assert future.returncode == 1 and "choose days before today" in future.stderr
