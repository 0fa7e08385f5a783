"""Satisfaction, rating comments and opinions in the exports, read back with openpyxl, csv and
pypdf: the figures agree with a hand count of the ratings made, the comments are the ones
written, and no contact details leave the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from counterdesk.analytics.satisfaction import RatingComment, rating_comments
from counterdesk.analytics.statistics import Filters
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.models import TicketRow
from counterdesk.reporting.exports import ExportError, ExportRequest, export
from tests.analytics.test_statistics import DAY, TAIPEI, at, play_day
from tests.conftest import Run
from tests.feedback.test_feedback import served
from tests.reporting.test_exports import read_csv

CONTACTS = ("0912-345-678", "chairs@example.org")


def token(engine: TicketEngine, number: str) -> str:
    with engine.db.read() as session:
        return session.scalars(
            select(TicketRow.token).where(
                TicketRow.business_date == DAY, TicketRow.number == number
            )
        ).one()


@pytest.fixture
def rated(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """The constructed day, its finished tickets rated after closing 5 with a comment (H001,
    counter 1, wang), 4 (A002, counter 1, wang) and 2 with a comment (B001, counter 2, chen);
    two opinions that afternoon with contact details, one answered an hour later."""
    play_day(engine, clock)
    ratings = Feedback(engine).ratings
    for number, score, comment, time in (
        ("H001", 5, "很快 Quick", "17:40:00"),
        ("A002", 4, None, "17:45:00"),
        ("B001", 2, "等太久 Waited too long", "17:50:00"),
    ):
        at(clock, time)
        ratings.rate(token(engine, number), score, comment)
    book = Opinions(engine)
    at(clock, "15:00:00")
    answered = book.submit(
        "冷氣太冷 Too cold", channel="web", contact=CONTACTS[0], token=token(engine, "B001")
    )
    book.submit("Need more chairs", channel="phone", contact=CONTACTS[1])
    at(clock, "16:00:00")
    book.answer(answered.reference, "已調整 Adjusted", "chen")
    at(clock, "09:00:00", DAY + dt.timedelta(days=3))
    return engine


def made(engine: TicketEngine, tmp_path: Path, fmt: str, table: str = "summary") -> Path:
    path = tmp_path / f"{table}.{fmt}"
    export(engine, ExportRequest(DAY, DAY, fmt, path, table=table))
    return path


def test_xlsx_has_satisfaction_and_opinion_sheets(rated: TicketEngine, tmp_path: Path) -> None:
    book = load_workbook(made(rated, tmp_path, "xlsx"), read_only=True)
    rows = list(book["滿意度 Satisfaction"].iter_rows(values_only=True))
    assert [row[:2] for row in rows[:4]] == [
        ("評分數 Ratings", 3),
        ("平均分數 Mean score (1–5)", 3.67),
        ("滿意比例 Satisfied (4–5)", 0.667),
        ("趨勢 Trend", "需有兩個月以上的評分 / needs ratings in two months or more"),
    ]
    heading = rows[5]
    assert heading[:2] == ("分類\nBreakdown", "代碼\nCode")
    table = [dict(zip(heading, row, strict=False)) for row in rows[6:]]
    figures = [
        (
            r["分類\nBreakdown"],
            r["代碼\nCode"],
            r["評分數\nRatings"],
            r["平均分數\nMean score (1–5)"],
        )
        for r in table
    ]
    assert figures == [
        ("total", None, 3, 3.67),
        ("service", "precheck", 1, 4.0),
        ("service", "amendment", 1, 2.0),
        ("service", "certificate", 1, 5.0),
        ("counter", "1", 2, 4.5),
        ("counter", "2", 1, 2.0),
        ("staff", "chen", 1, 2.0),
        ("staff", "wang", 2, 4.5),
        ("month", "2026-11", 3, 3.67),
    ]
    total = table[0]
    assert [total[f"{face} 分\nScore {face}"] for face in range(1, 6)] == [0, 1, 0, 1, 1]
    assert table[7]["名稱\nName (Chinese)"] == "王小明"
    opinions = list(book["意見 Opinions"].iter_rows(values_only=True))
    assert dict(row[:2] for row in opinions[:7]) == {  # type: ignore[arg-type]  # two-cell rows
        "收件 Received": 2,
        "已答覆 Answered": 1,
        "已結案 Closed": 0,
        "未答覆 Not answered yet": 1,
        "逾期未答覆 Overdue now": 0,
        "答覆天數中位數 Median days to answer": 0.04,
        "7 日內答覆比例 Answered within 7 days": 1.0,
    }
    listed = [dict(zip(opinions[8], row, strict=False)) for row in opinions[9:]]
    assert [(o["管道\nChannel"], o["號碼\nTicket number"], o["狀態\nStatus"]) for o in listed] == [
        ("web", "B001", "answered"),
        ("phone", None, "open"),
    ]
    assert listed[0]["意見內容\nOpinion"] == "冷氣太冷 Too cold"
    every_cell = [
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
    ]
    assert not any(contact in cell for contact in CONTACTS for cell in every_cell)


def test_csv_tables_for_satisfaction_and_opinions(rated: TicketEngine, tmp_path: Path) -> None:
    scores = read_csv(made(rated, tmp_path, "csv", "satisfaction"))
    total = scores[0]
    assert (total["breakdown"], total["ratings"], total["mean"], total["satisfied"]) == (
        "total",
        "3",
        "3.67",
        "0.667",
    )
    assert total["trend_per_month"] == ""  # one month: no trend yet
    counters = [(r["key"], r["name_en"], r["mean"]) for r in scores if r["breakdown"] == "counter"]
    assert counters == [
        ("1", "Fast-track counter", "4.5"),
        ("2", "General registration counter", "2.0"),
    ]
    path = made(rated, tmp_path, "csv", "opinions")
    opinions = read_csv(path)
    assert [(o["channel"], o["status"], o["assigned_to"]) for o in opinions] == [
        ("web", "answered", ""),
        ("phone", "open", ""),
    ]
    assert opinions[0]["days"] == "0.04" and opinions[0]["answered_at"] == "2026-11-27 16:00"
    assert "contact" not in opinions[0]
    text = path.read_text(encoding="utf-8-sig")
    assert not any(contact in text for contact in CONTACTS)


def test_pdf_report_has_the_satisfaction_section(rated: TicketEngine, tmp_path: Path) -> None:
    reader = PdfReader(made(rated, tmp_path, "pdf"))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    first = outline["滿意度與意見 Satisfaction and opinions"]
    section = "\n".join(
        reader.pages[n].extract_text() for n in range(first, outline["定義 Definitions"])
    )
    for text in (
        "Satisfaction and opinions",
        "Mean score",
        "3.67",
        "66.7%",
        "Opinion follow-up",
        "Answered within 7 days",
        "100.0%",
        "By staff member",
        "Wang Xiao-ming",
    ):
        assert text in section, text
    everything = "\n".join(page.extract_text() for page in reader.pages)
    assert not any(contact in everything for contact in CONTACTS)
    assert "Too cold" not in everything  # the report counts opinions; it does not quote them


def test_satisfaction_ignores_the_filters_and_says_so(rated: TicketEngine, tmp_path: Path) -> None:
    path = tmp_path / "filtered.xlsx"
    export(rated, ExportRequest(DAY, DAY, "xlsx", path, filters=Filters(service="precheck")))
    rows = list(
        load_workbook(path, read_only=True)["滿意度 Satisfaction"].iter_rows(values_only=True)
    )
    assert rows[0][:2] == ("評分數 Ratings", 3)  # all ratings, not only precheck's
    assert rows[4][:2] == ("篩選 Filters", "不適用於滿意度 do not apply to satisfaction")


def test_rating_comments_are_the_period_s_newest_visit_first(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Only ratings with a comment, of visits in the range, the latest visit first: a visit
    rated the next day stays with its own day, as it does in the satisfaction figures."""
    ratings = Feedback(engine).ratings
    thursday, wednesday = DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=2)
    at(clock, "10:00:00", wednesday)
    ratings.rate(served(engine).token, 1, "Before the range")
    at(clock, "10:00:00", thursday)
    late = served(engine, "amendment", counter=2)
    at(clock, "09:00:00")
    ratings.rate(served(engine).token, 5, "  很好\r\nVery good ")
    at(clock, "09:10:00")
    ratings.rate(served(engine).token, 4)  # faces only
    at(clock, "09:20:00")
    ratings.rate(served(engine, "amendment", counter=2).token, 2, "Too slow", source="counter")
    at(clock, "09:30:00")
    ratings.rate(late.token, 3, "Rated the day after")
    comments = rating_comments(engine, thursday, DAY)
    assert [c.comment for c in comments] == ["Too slow", "很好\nVery good", "Rated the day after"]
    assert comments[0] == RatingComment(
        business_date=DAY,
        rated_at=dt.datetime(2026, 11, 27, 9, 20, tzinfo=TAIPEI),
        service="amendment",
        counter=2,
        staff="chen",
        score=2,
        source="counter",
        comment="Too slow",
    )
    assert (comments[2].business_date, comments[2].score) == (thursday, 3)
    assert rating_comments(engine, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=7)) == []


def test_comments_in_the_csv_and_the_xlsx_newest_first(rated: TicketEngine, tmp_path: Path) -> None:
    rows = read_csv(made(rated, tmp_path, "csv", "comments"))
    assert rows == [
        {
            "business_date": "2026-11-27",
            "rated_at": "2026-11-27 17:50",
            "service": "amendment",
            "counter": "2",
            "staff": "chen",
            "score": "2",
            "source": "web",
            "comment": "等太久 Waited too long",
        },
        {
            "business_date": "2026-11-27",
            "rated_at": "2026-11-27 17:40",
            "service": "certificate",
            "counter": "1",
            "staff": "wang",
            "score": "5",
            "source": "web",
            "comment": "很快 Quick",
        },
    ]
    book = load_workbook(made(rated, tmp_path, "xlsx"), read_only=True)
    sheet = list(book["評語 Comments"].iter_rows(values_only=True))
    assert sheet[0][:2] == ("評語數 Comments", 2)
    heading = sheet[3]
    assert (heading[0], heading[-1]) == ("營業日\nBusiness date", "評語\nComment")
    listed = [dict(zip(heading, row, strict=False)) for row in sheet[4:]]
    assert [(r["櫃檯\nCounter"], r["分數\nScore (1–5)"], r["評語\nComment"]) for r in listed] == [
        (2, 2, "等太久 Waited too long"),
        (1, 5, "很快 Quick"),
    ]


def test_feedback_exports_need_no_tickets(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    """A Saturday with no tickets and one letter: the feedback tables, the XLSX and the PDF
    export what there is; the ticket tables still refuse, and so does a range with nothing."""
    saturday = DAY + dt.timedelta(days=1)
    at(clock, "10:00:00", saturday)
    letter = Opinions(engine).submit("Parking is full", channel="letter", contact=CONTACTS[1])

    def made_on(day: dt.date, fmt: str, table: str = "summary") -> Path:
        path = tmp_path / f"{day}-{table}.{fmt}"
        export(engine, ExportRequest(day, day, fmt, path, table=table))
        return path

    opinions = read_csv(made_on(saturday, "csv", "opinions"))
    assert [(o["reference"], o["channel"], o["body"]) for o in opinions] == [
        (letter.reference, "letter", "Parking is full")
    ]
    scores = read_csv(made_on(saturday, "csv", "satisfaction"))
    assert [(s["breakdown"], s["ratings"], s["mean"]) for s in scores] == [("total", "0", "")]
    comments = made_on(saturday, "csv", "comments")
    assert comments.read_text(encoding="utf-8-sig").splitlines() == [
        "business_date,rated_at,service,counter,staff,score,source,comment"
    ]
    for table in ("summary", "tickets", "events"):
        with pytest.raises(ExportError, match="no tickets from 2026-11-28 to 2026-11-28: nothing"):
            made_on(saturday, "csv", table)
    book = load_workbook(made_on(saturday, "xlsx"), read_only=True)
    listed = list(book["意見 Opinions"].iter_rows(values_only=True))
    assert listed[0][:2] == ("收件 Received", 1) and listed[-1][0] == letter.reference
    assert book["摘要 Summary"]["B6"].value == 0  # no tickets issued
    reader = PdfReader(made_on(saturday, "pdf"))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    section = reader.pages[outline["滿意度與意見 Satisfaction and opinions"]].extract_text()
    assert "No ratings in this period" in section and "Opinion follow-up" in section
    by_hour = reader.pages[outline["時段：到達與等候 Arrivals and waiting by hour"]].extract_text()
    assert "No tickets in this period" in by_hour
    sunday = saturday + dt.timedelta(days=1)
    for fmt in ("xlsx", "pdf"):
        with pytest.raises(ExportError, match="no tickets from 2026-11-29 to 2026-11-29, and no "):
            made_on(sunday, fmt)
    assert not any(tmp_path.glob("2026-11-29*")) and not any(tmp_path.glob("*.part"))


@pytest.mark.slow
def test_command_line_exports_comments_of_a_day_without_tickets(run: Run, tmp_path: Path) -> None:
    today = dt.datetime.now(TAIPEI).date()  # what the command line's clock calls today
    recorded = run("opinion", "add", "Parking is full", "--channel", "letter")
    assert recorded.returncode == 0, recorded.stderr
    days = ("--from", str(today - dt.timedelta(days=1)), "--to", str(today + dt.timedelta(days=1)))
    for table, wrote in (("comments", "0 rows of comments"), ("opinions", "1 rows of opinions")):
        out = tmp_path / f"{table}.csv"
        made = run("export", *days, "--format", "csv", "--table", table, "--output", str(out))
        assert made.returncode == 0, made.stderr
        assert f"wrote {out}: {wrote}" in made.stdout
    refused = run("export", *days, "--format", "csv", "--output", str(tmp_path / "s.csv"))
    assert refused.returncode == 2 and "no tickets from" in refused.stderr
    assert not (tmp_path / "s.csv").exists()
