"""Exports for supervisors: CSV (opens in Excel with Chinese intact), XLSX and the PDF report.

A file is written next to its destination under a temporary name and moved into place only
when complete, so a failed or interrupted export never leaves a partial file behind.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from counterdesk.analytics.day_summary import DayData, detailed_days, ticket_count, ticket_days
from counterdesk.analytics.satisfaction import Satisfaction, rating_comments, satisfaction
from counterdesk.analytics.statistics import BREAKDOWNS, Filters, Statistics, statistics_for
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.reporting.accuracy_tables import (
    ACCURACY_COLUMNS,
    ACCURACY_DEFINITION,
    SHEET_COLUMNS,
    accuracy_lines,
    accuracy_of,
    accuracy_rows,
    accuracy_values,
    group_accuracy,
)
from counterdesk.reporting.appointment_tables import (
    APPOINTMENT_COLUMNS,
    APPOINTMENT_DEFINITION,
    appointment_lines,
    appointments_of,
    booking_rows,
    booking_values,
    group_bookings,
)
from counterdesk.reporting.appointment_tables import SHEET_COLUMNS as BOOKING_SHEET_COLUMNS
from counterdesk.reporting.case_tables import CASE_DEFINITION, case_lines, case_rows, cases_of
from counterdesk.reporting.case_tables import SHEET_COLUMNS as CASE_SHEET_COLUMNS
from counterdesk.reporting.cells import InertTexts, inert
from counterdesk.reporting.csv_lines import CsvLines, cached, collector_paused
from counterdesk.reporting.event_days import event_days
from counterdesk.reporting.feedback_tables import (
    COMMENT_COLUMNS,
    OPINION_COLUMNS,
    SCORE_COLUMNS,
    comment_rows,
    opinion_lines,
    opinion_rows,
    period_opinions,
    score_rows,
    trend_text,
)
from counterdesk.reporting.formats import CSV_TABLES, FORMATS, UNTICKETED_TABLES
from counterdesk.reporting.phases import Phases, Progress, phase_seconds, report_progress
from counterdesk.reporting.tables import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    GROUP_COLUMNS,
    TICKET_COLUMNS,
    TITLES,
    Column,
    EventLines,
    breakdown_rows,
    summary_rows,
    ticket_columns,
    ticket_table,
)

XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet, the heading row included
XLSX_LEVEL = 1  # the zip's deflate level: 6 makes a year's file a quarter smaller, 9 s slower
RAW_LOGS = ("tickets", "events")  # the CSV tables streamed from the database, row by row


class ExportError(CounterdeskError):
    """The export cannot be made: nothing in the range, or the file cannot be written."""


class ExportCancelled(ExportError):
    """The person cancelled the export: raised by the progress callback, at the next report,
    and the partial file is removed on its way out."""


@dataclass(frozen=True)
class ExportRequest:
    first: dt.date
    last: dt.date
    format: str
    output: Path
    table: str = "summary"  # which table a CSV holds
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    tickets: int
    days: int
    rows: int | None = None  # the rows of a CSV table


def export(
    engine: TicketEngine, request: ExportRequest, progress: Progress | None = None
) -> ExportResult:
    """Write the export ``request`` asks for; raise ExportError with one clear line if not.

    ``progress`` hears the whole export as one fraction through its phases (see ``Phases``),
    from the first read to the finished file; raising in it (``ExportCancelled``) stops the
    export at that point and leaves no file."""
    if request.format not in FORMATS:
        raise ExportError(f"unknown format {request.format!r} (use {', '.join(FORMATS)})")
    if request.table not in CSV_TABLES:
        raise ExportError(f"unknown table {request.table!r} (use {', '.join(CSV_TABLES)})")
    _check_writable(request.output)
    filtered = request.filters != Filters()
    phases = Phases(
        progress or (lambda done, total: None),
        phase_seconds(request.format, request.table, filtered),
    )
    stats: Statistics | None = None
    if request.format == "csv" and request.table in RAW_LOGS and not filtered:
        # The raw logs need only the range's tickets and days: their memory stays flat.
        phases.begin("days")
        issued = ticket_count(engine, request.first, request.last)
        days = len(ticket_days(engine, request.first, request.last))
        phases.end("days")
    else:
        phases.begin("statistics")
        stats = statistics_for(engine, request.first, request.last, request.filters)
        issued, days = stats.total.issued, stats.days
        phases.end("statistics")
    refusal = _nothing_to_export(engine, request, issued)
    if refusal:
        raise ExportError(refusal)
    opinions = Feedback(engine).opinions
    rows = None
    with _atomic(request.output) as handle:
        if request.format == "csv":
            phase = "log" if request.table in RAW_LOGS else "table"
            rows = _write_csv(engine, opinions, request, stats, handle, phases.part(phase))
        else:
            assert stats is not None, "read above for every format but the raw logs"
            if request.format == "xlsx":
                _write_xlsx(engine, opinions, request, stats, handle, phases)
            else:
                from counterdesk.reporting.pdf_report import write_pdf

                write_pdf(engine, stats, handle, report_progress(phases))
    return ExportResult(request.output, issued, days, rows)


def _nothing_to_export(engine: TicketEngine, request: ExportRequest, issued: int) -> str | None:
    """Why the range has nothing to export, or None.

    A ticket table needs tickets. The satisfaction, comment, opinion and case tables are
    written even when empty: opinions come by phone and letter on days without tickets, and
    "none" is an answer. The XLSX and the PDF report hold both, so they need one or the other.
    """
    if issued or (request.format == "csv" and request.table in UNTICKETED_TABLES):
        return None
    period = f"from {request.first} to {request.last}"
    filtered = " with these filters" if request.filters != Filters() else ""
    if request.format == "csv":
        return f"no tickets {period}{filtered}: nothing to export"
    figures = satisfaction(engine, request.first, request.last)
    if figures.overall.ratings or figures.opinions.received:
        return None
    return f"no tickets {period}{filtered}, and no ratings or opinions: nothing to export"


def _check_writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ExportError(f"cannot write {path}: permission denied")


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file beside ``path``, renamed onto it only if the block succeeds."""
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
            dir=path.parent if str(path.parent) else ".",
            prefix=f".{path.name}.",
            suffix=".part",
            delete=False,
        )
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except OSError as exc:
        Path(handle.name).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def filtered_tickets(
    engine: TicketEngine, request: ExportRequest, report: Progress
) -> Iterator[tuple[Any, ...]]:
    """The raw ticket log in the order of ``TICKET_COLUMNS``, restricted by the request's
    filters like the statistics are, read a batch of days at a time."""
    safe = InertTexts()
    for data in _detailed_days(engine, request, report):
        yield from ticket_table(data, engine.office, request.filters, safe)


def _ticket_lines(
    engine: TicketEngine, request: ExportRequest, report: Progress
) -> Iterator[tuple[str, int]]:
    """``filtered_tickets`` as CSV text, a day at a time, and how many rows each holds."""
    # The booked time and the six local times as they are.
    lines = CsvLines([*cached(6), *[None] * 7, *cached(10)])
    safe = InertTexts()
    for data in _detailed_days(engine, request, report):
        yield lines(ticket_columns(data, engine.office, request.filters, safe))


def _detailed_days(
    engine: TicketEngine, request: ExportRequest, report: Progress
) -> Iterator[DayData]:
    """The request's days with tickets, with detail, each reported done once used."""
    days = ticket_days(engine, request.first, request.last)
    for done, data in enumerate(detailed_days(engine, days), start=1):
        yield data
        report(done, len(days))


def _event_lines(
    engine: TicketEngine, request: ExportRequest, report: Progress
) -> Iterator[tuple[str, int]]:
    """The event log as CSV text, a day at a time, and how many rows each holds."""
    lines = EventLines(engine.office)
    days = ticket_days(engine, request.first, request.last)
    for done, events in enumerate(event_days(engine, days), start=1):
        yield lines(events)
        report(done, len(days))


# -- CSV ------------------------------------------------------------------------------------


def _write_csv(
    engine: TicketEngine,
    opinions: Opinions,
    request: ExportRequest,
    stats: Statistics | None,  # None for the unfiltered raw logs, which need none
    handle: IO[bytes],
    report: Progress,
) -> int:
    """The rows written, in UTF-8 with a byte-order mark: without it Excel reads the Chinese
    names as Big5 noise. The summary's total, service and hour rows carry the estimate's
    accuracy too, and its total, service and day rows the bookings' counts (their columns
    empty on the other breakdowns' rows)."""
    columns: tuple[Column, ...]
    records: Iterable[dict[str, Any]]
    rows: Iterable[Sequence[Any]] = ()
    lines: Iterable[tuple[str, int]] = ()  # the raw logs come streamed, as days of CSV text
    if request.table == "tickets":
        lines, columns = _ticket_lines(engine, request, report), TICKET_COLUMNS
    elif request.table == "events":
        lines, columns = _event_lines(engine, request, report), EVENT_COLUMNS
    else:
        if request.table == "summary":
            assert stats is not None, "read in export() for every table but the raw logs"
            columns = (
                Column("breakdown", "", ""),
                *GROUP_COLUMNS,
                *FIGURE_COLUMNS,
                *ACCURACY_COLUMNS,
                *APPOINTMENT_COLUMNS,
            )
            estimates = accuracy_of(engine, stats)
            bookings = appointments_of(engine, stats)
            records = (
                {
                    **row,
                    **accuracy_values(group_accuracy(estimates, row["breakdown"], row["key"])),
                    **booking_values(group_bookings(bookings, row["breakdown"], row["key"])),
                }
                for row in summary_rows(stats, engine.office)
            )
        elif request.table == "satisfaction":
            figures = satisfaction(engine, request.first, request.last)
            columns, records = SCORE_COLUMNS, score_rows(figures, engine.office)
        elif request.table == "cases":
            cases = cases_of(engine, request.first, request.last, request.filters)
            columns, records = CASE_SHEET_COLUMNS, case_rows(cases, engine.office)
        elif request.table == "comments":
            comments = rating_comments(engine, request.first, request.last)
            columns, records = COMMENT_COLUMNS, comment_rows(comments, engine.office)
        else:
            received = period_opinions(opinions, request.first, request.last)
            columns, records = OPINION_COLUMNS, opinion_rows(received, engine.office)
        rows = ([inert(record[c.key]) for c in columns] for record in records)
    with open(handle.fileno(), "w", encoding="utf-8-sig", newline="", closefd=False) as text:
        writer = csv.writer(text)  # writes None as an empty cell
        writer.writerow(column.key for column in columns)
        written = 0
        for row in rows:
            writer.writerow(row)
            written += 1
        with collector_paused():
            for day, count in lines:
                text.write(day)
                written += count
    report(1, 1)
    return written


# -- XLSX -----------------------------------------------------------------------------------


def _write_xlsx(
    engine: TicketEngine,
    opinions: Opinions,
    request: ExportRequest,
    stats: Statistics,
    handle: IO[bytes],
    phases: Phases,
) -> None:
    """A summary sheet, a sheet per breakdown, the estimate's accuracy, the appointments, the
    cases, satisfaction, comments and opinions, and the raw ticket log (split past Excel's
    limit).

    The log's sheets are streamed into the zip first (``xlsx_stream``: a year in seconds where
    XlsxWriter took most of two minutes); XlsxWriter, in constant memory, writes the rest of
    the workbook with places for them, once it knows how many they are, and its parts are
    copied in around them. Texts are never read as formulas, numbers or links: they stay as
    given (inert)."""
    import xlsxwriter

    from counterdesk.reporting.xlsx_stream import StreamedSheets, add_frame

    frame = io.BytesIO()
    book = xlsxwriter.Workbook(
        frame,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    sheets = _Sheets(book)
    office = engine.office
    summary = book.add_worksheet("摘要 Summary")  # first, filled last: it names the log's sheets
    summary.set_column(0, 0, 34)
    summary.set_column(1, 1, 60)
    try:
        for breakdown in BREAKDOWNS:
            zh, en = TITLES[breakdown]
            sheets.table(
                f"{zh} {en}",
                (*GROUP_COLUMNS, *FIGURE_COLUMNS),
                breakdown_rows(stats, office, breakdown),
            )
        estimates = accuracy_of(engine, stats)
        sheets.table(
            "預估準確度 Estimate accuracy",
            SHEET_COLUMNS,
            accuracy_rows(estimates, office),
            [
                *(
                    (f"{zh} {en}", value)
                    for zh, en, value, _ in accuracy_lines(estimates, stats.filters)
                ),
                ("定義 Definitions", ACCURACY_DEFINITION),
            ],
        )
        bookings = appointments_of(engine, stats)
        sheets.table(
            "預約 Appointments",
            BOOKING_SHEET_COLUMNS,
            booking_rows(bookings, office),
            [
                *(
                    (f"{zh} {en}" + (" (s)" if kind == "seconds" else ""), value)
                    for zh, en, value, kind in appointment_lines(bookings, stats)
                ),
                ("定義 Definitions", APPOINTMENT_DEFINITION),
            ],
        )
        cases = cases_of(engine, stats.first, stats.last, stats.filters)
        sheets.table(
            "案件 Cases",
            CASE_SHEET_COLUMNS,
            case_rows(cases, office),
            [
                *(
                    (f"{zh} {en}" + (" (d)" if kind == "days" else ""), value)
                    for zh, en, value, kind in case_lines(cases, stats.filters)
                ),
                ("定義 Definitions", CASE_DEFINITION),
            ],
        )
        _feedback_sheets(sheets, engine, opinions, request)
        phases.end("sheets")
        before = len(book.worksheets())  # XlsxWriter names a book's n-th sheet sheet{n}.xml

        def entry(part: int) -> str:
            return f"xl/worksheets/sheet{before + part}.xml"

        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=XLSX_LEVEL) as zip_:
            log = StreamedSheets(
                zip_,
                [_heading(column) for column in TICKET_COLUMNS],
                [_width(column) for column in TICKET_COLUMNS],
                sheets.heading_style,
                XLSX_MAX_ROWS,
            )
            parts = log.write(entry, filtered_tickets(engine, request, phases.part("ticket log")))
            for part in range(1, parts + 1):  # their places in the workbook, under their titles
                sheets.table(ticket_sheet_title(part), TICKET_COLUMNS, [])
            _write_lines(summary, summary_lines(engine, stats) + ticket_sheet_lines(parts))
            book.close()
            add_frame(zip_, frame, {entry(part) for part in range(1, parts + 1)})
        phases.end("workbook")
    except BaseException:
        for sheet in book.worksheets():  # remove the sheets' temporary files, left unread
            with contextlib.suppress(Exception):
                sheet.row_data_fh.close()
                os.unlink(sheet.row_data_filename)
        raise


def ticket_sheet_title(part: int) -> str:
    """The title of the raw ticket log's ``part``-th sheet (from 1)."""
    return "票號 Tickets" + (f" {part}" if part > 1 else "")


def ticket_sheet_lines(parts: int) -> list[tuple[str, Any]]:
    """The summary's note that the ticket log runs over several sheets, when it does."""
    if parts <= 1:
        return []
    titles = "、".join(ticket_sheet_title(part) for part in range(1, parts + 1))
    return [
        (
            "票號紀錄 Ticket log",
            f"超過 Excel 每頁 {XLSX_MAX_ROWS:,} 列上限，依序分在 {titles} / longer than "
            f"Excel's {XLSX_MAX_ROWS:,} rows per sheet, it continues in order on {titles}",
        )
    ]


class _Sheets:
    """Sheets of a workbook with the cell formats they share, made once per workbook."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.heading = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        # Numbered now, before any cell names it, so that the streamed sheets can name it too
        # (XlsxWriter numbers a format when a cell first uses it).
        self.heading_style: int = self.heading._get_xf_index()
        self.share = book.add_format({"num_format": "0.0%"})

    def table(
        self,
        title: str,
        columns: Iterable[Column],
        rows: Iterable[dict[str, Any]],
        lines: Iterable[tuple[str, Any]] = (),
    ) -> Any:
        """A sheet holding a table, under optional (label, value) lines and an empty row."""
        columns, lines = list(columns), list(lines)
        sheet = self.book.add_worksheet(title[:31])
        heading_row = len(lines) + 1 if lines else 0
        sheet.freeze_panes(heading_row + 1, 0)  # panes and widths before any row: constant memory
        for index, column in enumerate(columns):
            sheet.set_column(index, index, _width(column))
        if lines:  # room for the lines' labels
            sheet.set_column(0, 0, 36)
        _write_lines(sheet, lines)
        sheet.write_row(heading_row, 0, [_heading(column) for column in columns], self.heading)
        formats = [self.share if column.kind == "share" else None for column in columns]
        for at, row in enumerate(rows, start=heading_row + 1):
            for index, column in enumerate(columns):
                _write(sheet, at, index, row[column.key], formats[index])
        return sheet


def _write_lines(sheet: Any, lines: Iterable[tuple[str, Any]]) -> None:
    """(label, value) lines from the sheet's top left."""
    for at, line in enumerate(lines):
        for index, value in enumerate(line):
            _write(sheet, at, index, value)


def _write(sheet: Any, row: int, column: int, value: Any, cell_format: Any = None) -> None:
    """``value`` made inert into a cell. A text between ``<r>`` and ``</r>`` goes as three
    plain runs of rich text: XlsxWriter in constant memory puts such a text into the sheet's
    XML as it is, where it could end its cell and write a formula of its own."""
    value = inert(value)
    if isinstance(value, str) and value.startswith("<r>") and value.endswith("</r>"):
        runs = (value[:1], value[1:2], value[2:])
        sheet.write_rich_string(row, column, *runs, *([cell_format] if cell_format else []))
    else:
        sheet.write(row, column, value, cell_format)


def _heading(column: Column) -> str:
    """A column's heading: Chinese over English."""
    return f"{column.zh}\n{column.en}"


def _width(column: Column) -> int:
    """A column's width in characters: wide enough for a text's codes and times."""
    return 26 if column.kind == "text" else 14


def _feedback_sheets(
    sheets: _Sheets, engine: TicketEngine, opinions: Opinions, request: ExportRequest
) -> None:
    """Satisfaction by service, counter, staff and month, the comments left with the ratings,
    and the opinions of the period: each a few headline lines over its table."""
    figures = satisfaction(engine, request.first, request.last)
    sheets.table(
        "滿意度 Satisfaction",
        SCORE_COLUMNS,
        score_rows(figures, engine.office),
        satisfaction_lines(figures, request.filters),
    )
    comments = rating_comments(engine, request.first, request.last)
    sheets.table(
        "評語 Comments",
        COMMENT_COLUMNS,
        comment_rows(comments, engine.office),
        [("評語數 Comments", len(comments)), ("排序 Order", "最新在前 newest first")],
    )
    target = engine.office.feedback.answer_target_days
    sheets.table(
        "意見 Opinions",
        OPINION_COLUMNS,
        opinion_rows(period_opinions(opinions, request.first, request.last), engine.office),
        [(f"{zh} {en}", value) for zh, en, value, _ in opinion_lines(figures.opinions, target)],
    )


def satisfaction_lines(figures: Satisfaction, filters: Filters) -> list[tuple[str, Any]]:
    """The headline satisfaction figures as (label, value) lines."""
    overall = figures.overall
    lines: list[tuple[str, Any]] = [
        ("評分數 Ratings", overall.ratings),
        ("平均分數 Mean score (1–5)", overall.mean),
        ("滿意比例 Satisfied (4–5)", overall.satisfied),
        ("趨勢 Trend", trend_text(figures.trend_per_month)),
    ]
    if filters != Filters():
        lines.append(("篩選 Filters", "不適用於滿意度 do not apply to satisfaction"))
    return lines


def summary_lines(engine: TicketEngine, stats: Statistics) -> list[tuple[str, Any]]:
    """The headline figures and the definitions, as (label, value) lines."""
    office = engine.office
    total = stats.total
    filters = stats.filters
    chosen = ", ".join(
        f"{name} {value}" for name, value in vars(filters).items() if value is not None
    )
    return [
        ("機關 Office", f"{office.office.name.zh} / {office.office.name.en}"),
        ("期間 Period", f"{stats.first.isoformat()} – {stats.last.isoformat()}"),
        ("篩選 Filters", chosen or "無 none"),
        ("有票日數 Days with tickets", stats.days),
        (
            "產生時間 Generated",
            engine.clock.now().astimezone(office.zone).strftime("%Y-%m-%d %H:%M"),
        ),
        ("發出 Issued", total.issued),
        ("完成 Served", total.served),
        ("未到 No-show", total.no_show),
        ("取消 Cancelled", total.cancelled),
        ("關櫃移除 Removed at close", total.removed_at_close),
        ("轉送 Transferred", total.transferred),
        (
            "平均等候（秒）Mean wait (s)",
            None if total.wait.mean is None else round(total.wait.mean, 1),
        ),
        ("等候中位數（秒）Median wait (s)", total.wait.median),
        ("等候 P90（秒）90th percentile wait (s)", total.wait.p90),
        ("最長等候（秒）Longest wait (s)", total.wait.maximum),
        ("服務水準 Service level", total.service_level),
        ("處理中位數（秒）Median handling (s)", total.handling.median),
        ("使用率 Utilisation", total.utilisation),
        ("定義 Definitions", DEFINITIONS),
    ]


DEFINITIONS = (
    "wait = issue → answered call (after a no-show that came back, its last call; "
    "an appointment that came early waits from its booked time); "
    "walk = call → start; handling = start → finish, per service at a counter. "
    "Whole seconds. Percentiles by nearest rank: value at rank ⌈p·n/100⌉ of the sorted values. "
    "Service level = share of called tickets called within their service's target wait. "
    "A transferred ticket counts under the service it was issued for. "
    "The event log is the CSV export with --table events."
)
