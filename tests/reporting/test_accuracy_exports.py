"""The estimate's accuracy in the exports, read back as a person's tools would, against the
constructed day of ``tests.analytics.test_estimate_accuracy`` (errors +1.5, +9 and +5⅓ min;
two of three called within their range; A003 cancelled, A004 waiting, E001 unpromised)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterdesk.analytics.estimate_accuracy import accuracy_for
from counterdesk.analytics.statistics import Filters
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting.exports import ExportRequest, export
from tests.analytics.test_estimate_accuracy import DAY, play_day
from tests.reporting.test_exports import read_csv

ERRORS = (1.5, 9.0, 16 / 3)


@pytest.fixture
def played(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    play_day(engine, clock)
    return engine


def test_summary_csv_carries_the_accuracy_of_the_total_services_and_hours(
    played: TicketEngine, tmp_path: Path
) -> None:
    path = tmp_path / "summary.csv"
    export(played, ExportRequest(DAY, DAY, "csv", path))
    rows = read_csv(path)
    total = rows[0]
    assert total["breakdown"] == "total"
    assert (total["promised"], total["promise_called"]) == ("5", "3")
    assert (total["promise_not_called"], total["promise_waiting"]) == ("1", "1")
    assert float(total["promise_mae_min"]) == pytest.approx(sum(ERRORS) / 3, abs=0.005)
    assert float(total["promise_bias_min"]) == pytest.approx(sum(ERRORS) / 3, abs=0.005)
    assert float(total["within_promised_range"]) == pytest.approx(2 / 3)
    precheck = next(r for r in rows if r["breakdown"] == "service" and r["key"] == "precheck")
    assert (precheck["promise_mae_min"], precheck["promise_bias_min"]) == ("5.25", "5.25")
    ten = next(r for r in rows if r["breakdown"] == "hour" and r["key"] == "10")
    assert (ten["promised"], ten["promise_called"], ten["promise_mae_min"]) == ("2", "0", "")
    counter = next(r for r in rows if r["breakdown"] == "counter")
    assert counter["promised"] == counter["promise_bias_min"] == ""  # no such breakdown


def test_xlsx_sheet_reads_back_as_the_figures(played: TicketEngine, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    export(played, ExportRequest(DAY, DAY, "xlsx", path, filters=Filters(counter=1)))
    book = load_workbook(path, read_only=True)  # keeps the file open until closed
    rows = list(book["預估準確度 Estimate accuracy"].iter_rows(values_only=True))
    book.close()
    lines = {row[0]: row[1] for row in rows if row and row[0] and len(row) >= 2}
    figures = accuracy_for(played, DAY, DAY)
    assert lines["已量測之預估等候 Promised waits measured"] == 3
    assert lines["預估偏差：實際 - 預估（分） Bias: actual - promised (min)"] == figures.total.bias
    assert lines["抽號時無預估 Issued without a promise"] == 1
    assert "do not apply" in str(lines["篩選 Filters"])  # the counter filter: not for promises
    heading = next(i for i, row in enumerate(rows) if row and row[0] == "分類\nBreakdown")
    table = [dict(zip(rows[heading], row, strict=True)) for row in rows[heading + 1 :]]
    assert [(row["分類\nBreakdown"], row["代碼\nCode"]) for row in table] == [
        ("total", None),
        ("service", "precheck"),
        ("service", "incorporation"),
        ("hour", "09"),
        ("hour", "10"),
    ]
    incorporation = table[2]
    assert incorporation["偏差（分）\nBias, actual - promised (min)"] == pytest.approx(5.33)
    assert incorporation["範圍內叫號\nCalled within range"] == 1


def test_pdf_report_has_the_accuracy_section(played: TicketEngine, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    export(played, ExportRequest(DAY, DAY, "pdf", path))
    reader = PdfReader(path)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    page = reader.pages[outline["預估等候準確度 Accuracy of the promised waits"]].extract_text()
    assert "Promised waits measured" in page and "By hour of issue" in page
    assert "+5.3 分 min" in page  # the bias of all three, signed
    assert "66.7%" in page  # two of three within their range
    summary = reader.pages[0].extract_text()
    assert "5.3 / +5.3 分 min" in summary  # mean error / bias on the first page
