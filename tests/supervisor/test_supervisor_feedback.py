"""The supervisor's satisfaction and opinion tabs, over ratings and opinions made through the
real domain: tickets issued, called, served and rated with the engine, opinions submitted to
the opinion book, and the follow-up done with the tab's buttons and patched dialogs."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import cast

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from counterdesk.analytics.satisfaction import satisfaction
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinion, Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.errors import InvalidInput, error_text
from counterdesk.queue.models import RatingRow
from counterdesk.reporting.feedback_tables import SCORE_BREAKDOWNS
from counterdesk.reporting.periods import PRESETS
from counterdesk.supervisor.opinion_dialogs import (
    AnswerDialog,
    AssignDialog,
    NewOpinion,
    RecordDialog,
)
from counterdesk.supervisor.opinions_tab import OVERDUE_BACKGROUND, OpinionsTab
from counterdesk.supervisor.satisfaction_tab import CHOICES, COMMENTS
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from counterdesk.ui.app import application
from tests.feedback.test_feedback import served

TAIPEI = dt.timezone(dt.timedelta(hours=8))
NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
CONTACT = "0912-345-678"
COMMENT = "說明很清楚，謝謝 Clear explanation, thank you"


@pytest.fixture
def rated(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """Two poor ratings in October, three good ones this morning, three of the five with a
    comment; an opinion received ten days ago (overdue: the target is seven) with contact
    details, and one just now."""
    ratings = Feedback(engine).ratings
    clock.set(dt.datetime(2026, 10, 30, 10, 0, tzinfo=TAIPEI))  # a Friday
    for score, comment in ((2, "等太久了\nWaited too long"), (3, None)):
        ratings.rate(served(engine).token, score, comment)
    clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI))
    ratings.rate(served(engine).token, 5, "很快 Quick")  # counter 1, wang
    clock.advance(minutes=10)
    for comment in (COMMENT, None):
        ratings.rate(served(engine, "amendment", counter=2).token, 4, comment)  # chen
    book = Opinions(engine)
    clock.set(dt.datetime(2026, 11, 17, 9, 0, tzinfo=TAIPEI))
    book.submit("等候區冷氣太冷 The waiting area is too cold", channel="letter", contact=CONTACT)
    clock.set(dt.datetime(2026, 11, 27, 9, 30, tzinfo=TAIPEI))
    book.submit("Please add chairs", channel="phone", service="precheck")
    return engine


@pytest.fixture
def window(
    qtbot: QtBot,
    rated: TicketEngine,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> SupervisorWindow:
    window = open_supervisor(rated)
    qtbot.waitUntil(
        lambda: (
            window.stats is not None
            and window.satisfaction_tab.figures is not None
            and window.opinions_tab.figures is not None
            and window.opinions_tab.opinions is not None
        ),
        timeout=30_000,
    )
    return window


def cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def opinions(engine: TicketEngine) -> list[Opinion]:
    return Opinions(engine).listing(open_only=False)


def choose(tab: OpinionsTab, reference: str) -> None:
    row = [line[0] for line in cells(tab.table)].index(reference)
    tab.table.selectRow(row)


def test_satisfaction_tab_shows_the_period_and_the_trend(
    qtbot: QtBot, window: SupervisorWindow
) -> None:
    tab = window.satisfaction_tab
    assert tab.figures == satisfaction(window.engine, *NOVEMBER)
    cards = {name: card.value.text() for name, card in tab.cards.items()}
    assert cards == {
        "mean": "4.33",
        "satisfied": "100%",
        "ratings": "3",
        "trend": "– (needs two months)",
    }
    tab.breakdown.setCurrentIndex(SCORE_BREAKDOWNS.index("staff"))
    assert cells(tab.table) == [
        ["Chen Mei-ling", "2", "4.00", "100%", "0", "0", "0", "2", "0"],
        ["Wang Xiao-ming", "1", "5.00", "100%", "0", "0", "0", "0", "1"],
    ]
    tab.breakdown.setCurrentIndex(SCORE_BREAKDOWNS.index("service"))
    assert [row[0] for row in cells(tab.table)] == [
        "A Company name & business-scope reservation",
        "C Amendment registration",
    ]
    with qtbot.waitSignal(tab.shown, timeout=30_000):
        window.preset.setCurrentIndex(PRESETS.index("year"))
    assert tab.figures.overall.ratings == 5 and tab.figures.trend_per_month == 1.83
    assert tab.cards["trend"].value.text() == "+1.83 faces/month, improving"
    lines = {series.name(): cast(QLineSeries, series) for series in tab.chart.chart().series()}
    means = [(point.x(), point.y()) for point in lines["Mean score"].points()]
    assert means == [(9, 2.5), (10, pytest.approx(4.33))]  # October and November of 2026
    assert [point.x() for point in lines["Trend"].points()] == [9, 10]
    tab.breakdown.setCurrentIndex(SCORE_BREAKDOWNS.index("month"))
    assert [row[:3] for row in cells(tab.table)] == [
        ["2026-10", "2", "2.50"],
        ["2026-11", "3", "4.33"],
    ]


def test_open_opinions_with_their_age_the_overdue_one_marked(window: SupervisorWindow) -> None:
    tab = window.opinions_tab
    late, fresh = opinions(window.engine)
    rows = cells(tab.table)
    assert rows == [
        [
            late.reference,
            "2026-11-17 09:00",
            f"{late.age_days:.1f}",
            "Open, overdue",
            "–",
            "Letter",
            "–",
            "等候區冷氣太冷 The waiting area is too cold",
        ],
        [
            fresh.reference,
            "2026-11-27 09:30",
            "0.0",
            "Open",
            "–",
            "Phone",
            "A Company name & business-scope reservation",
            "Please add chairs",
        ],
    ]
    assert late.overdue and late.age_days > 10
    model = tab.table.model()
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not any(CONTACT in text for row in rows for text in row)
    assert tab.count.text().startswith("2 not closed, 1 overdue.")
    figures = {name: card.value.text() for name, card in tab.cards.items()}
    assert figures == {
        "received": "2",
        "answered": "0",
        "median": "–",
        "in_time": "–",
        "overdue": "1",
    }
    assert not tab.buttons["assign"].isEnabled()  # nothing chosen yet
    choose(tab, late.reference)
    enabled = {name for name, button in tab.buttons.items() if button.isEnabled()}
    assert enabled == {"assign", "answer", "record"}


def test_the_list_follows_new_opinions_in_the_order_chosen(
    qtbot: QtBot, window: SupervisorWindow
) -> None:
    tab = window.opinions_tab
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # youngest first
    Opinions(window.engine).submit("From the status page", channel="web")
    window.refresh_live()  # what the window's live timer does
    qtbot.waitUntil(lambda: len(cells(tab.table)) == 3, timeout=30_000)
    assert [row[2] for row in cells(tab.table)] == [
        "0.0",
        "0.0",
        f"{opinions(window.engine)[0].age_days:.1f}",
    ]
    assert "From the status page" in [row[7] for row in cells(tab.table)]


def test_assign_answer_and_close_change_the_opinion(
    qtbot: QtBot, window: SupervisorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.opinions_tab
    reference = opinions(window.engine)[0].reference
    book = Opinions(window.engine)
    choose(tab, reference)
    monkeypatch.setattr(tab, "ask_assignee", lambda opinion: "chen")
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["assign"], Qt.MouseButton.LeftButton)
    assert done.args == [True]
    assert (book.get(reference).status, book.get(reference).assigned_to) == ("assigned", "chen")
    assert tab.status.text() == f"{reference} is assigned to Chen Mei-ling."
    qtbot.waitUntil(lambda: cells(tab.table)[0][4] == "Chen Mei-ling", timeout=30_000)
    asked = []

    def answer(opinion: Opinion, history: list) -> tuple[str, str]:
        asked.append((opinion, [step for _, step, _, _ in history]))
        return "冷氣已調高 Heating turned up", "lin"

    monkeypatch.setattr(tab, "ask_answer", answer)
    qtbot.waitUntil(lambda: tab.buttons["answer"].isEnabled(), timeout=30_000)
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["answer"], Qt.MouseButton.LeftButton)
    assert done.args == [True]
    ((opinion, steps),) = asked
    assert opinion.contact == CONTACT and steps == ["received", "assigned"]  # for the dialog
    answered = book.get(reference)
    assert (answered.status, answered.answer, answered.answered_by) == (
        "answered",
        "冷氣已調高 Heating turned up",
        "lin",
    )
    # The period's follow-up figures are read again after the change.
    qtbot.waitUntil(lambda: tab.cards["answered"].value.text() == "1", timeout=30_000)
    qtbot.waitUntil(lambda: tab.buttons["close"].isEnabled(), timeout=30_000)  # still chosen
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["close"], Qt.MouseButton.LeftButton)
    assert done.args == [True] and book.get(reference).status == "closed"
    qtbot.waitUntil(lambda: len(cells(tab.table)) == 1, timeout=30_000)
    assert reference not in cells(tab.table)[0]
    with qtbot.waitSignal(tab.listed, timeout=30_000):
        tab.show_closed.setChecked(True)
    assert [row[3] for row in cells(tab.table)] == ["Closed", "Open"]


def test_refusals_are_shown_not_raised(
    qtbot: QtBot, window: SupervisorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.opinions_tab
    monkeypatch.setattr(
        tab, "ask_new_opinion", lambda: NewOpinion("   ", "phone", None, None, None)
    )
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["record"], Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert tab.status.text() == "Not done: the opinion is empty"
    assert tab.status.objectName() == "problem"
    fresh = opinions(window.engine)[1].reference
    choose(tab, fresh)
    assert not tab.buttons["close"].isEnabled()  # not answered: not offered...
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        tab.close_selected()  # ...and refused by the book if asked anyway
    assert done.args == [False]
    assert tab.status.text() == f"Not done: {fresh} has no answer yet: answer it before closing"
    assert [o.status for o in opinions(window.engine)] == ["open", "open"]
    assert tab.buttons["record"].isEnabled()  # ready for the next step


def test_an_opinion_taken_by_phone_is_recorded(
    qtbot: QtBot, window: SupervisorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.opinions_tab
    said = NewOpinion("第 2 櫃檯說明很清楚", "phone", "0933-000-111", "amendment", 2)
    monkeypatch.setattr(tab, "ask_new_opinion", lambda: said)
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["record"], Qt.MouseButton.LeftButton)
    assert done.args == [True]
    new = opinions(window.engine)[-1]
    assert (new.body, new.channel, new.contact, new.service, new.counter) == (
        "第 2 櫃檯說明很清楚",
        "phone",
        "0933-000-111",
        "amendment",
        2,
    )
    assert tab.status.text() == f"Recorded as {new.reference}."
    qtbot.waitUntil(lambda: len(cells(tab.table)) == 3, timeout=30_000)
    row = next(row for row in cells(tab.table) if row[0] == new.reference)
    assert row[5:7] == ["Phone", "C Amendment registration · Counter 2"]
    assert "0933-000-111" not in row
    assert tab.selected() is not None and tab.selected().reference == new.reference
    qtbot.waitUntil(lambda: tab.cards["received"].value.text() == "3", timeout=30_000)


def test_the_dialogs_and_where_contact_details_appear(qtbot: QtBot, rated: TicketEngine) -> None:
    application()
    translation.install("en")
    book = Opinions(rated)
    late = opinions(rated)[0]
    assign = AssignDialog(late, rated.office)
    qtbot.addWidget(assign)
    assign.staff.setCurrentIndex(assign.staff.findData("zhang"))
    assert assign.value() == "zhang"
    answer = AnswerDialog(late, book.history(late.reference), rated.office)
    qtbot.addWidget(answer)
    assert answer.contact.text() == CONTACT  # the one place that shows it
    assert answer.windowTitle() == late.reference
    answer.answer.setPlainText("Done")
    answer.staff.setCurrentIndex(answer.staff.findData("li"))
    assert answer.value() == ("Done", "li")
    book.answer(late.reference, "Done", "li")
    closed = book.close(late.reference)
    read_only = AnswerDialog(closed, book.history(late.reference), rated.office)
    qtbot.addWidget(read_only)
    buttons = read_only.findChild(QDialogButtonBox)
    assert (
        read_only.answer.isReadOnly() and buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    )
    record = RecordDialog(rated.office)
    qtbot.addWidget(record)
    assert record.channel.currentData() == "phone" and record.channel.findData("web") == -1
    record.body.setPlainText("Too cold")
    record.service.setCurrentIndex(record.service.findData("pickup"))
    assert record.value() == NewOpinion("Too cold", "phone", None, "pickup", None)


def test_new_tabs_follow_the_language(qtbot: QtBot, window: SupervisorWindow) -> None:
    window.language.setCurrentIndex(window.language.findData("zh_TW"))
    qtbot.waitUntil(lambda: window.tabs.tabText(2) == "滿意度", timeout=10_000)
    assert window.tabs.tabText(3) == "意見"
    assert window.satisfaction_tab.cards["ratings"].caption.text() == "評分數"
    assert window.opinions_tab.buttons["answer"].text() == "答覆…"
    assert cells(window.opinions_tab.table)[0][3:6] == ["待處理，逾期", "–", "書信"]
    window.language.setCurrentIndex(window.language.findData("en"))
    qtbot.waitUntil(lambda: window.tabs.tabText(2) == "Satisfaction", timeout=10_000)
    assert cells(window.opinions_tab.table)[0][5] == "Letter"


def test_satisfaction_tab_lists_what_citizens_wrote(qtbot: QtBot, window: SupervisorWindow) -> None:
    tab = window.satisfaction_tab
    tab.breakdown.setCurrentIndex(CHOICES.index(COMMENTS))
    assert tab.breakdown.currentText() == "Comments"
    assert tab.tables.currentWidget() is tab.comments_table
    view = tab.comments_table
    model = view.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == ["Date", "Service", "Counter", "Staff member", "Score", "Comment"]
    assert cells(view) == [  # the newest first
        ["2026-11-27", "C Amendment registration", "2", "Chen Mei-ling", "4 Satisfied", COMMENT],
        [
            "2026-11-27",
            "A Company name & business-s…",
            "1",
            "Wang Xiao-ming",
            "5 Very satisfied",
            "很快 Quick",
        ],
    ]
    assert (
        model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
        == "A Company name & business-scope reservation"
    )
    assert tab.hint.text().startswith("What citizens wrote with their faces: 2 comments")
    with qtbot.waitSignal(tab.shown, timeout=30_000):
        window.preset.setCurrentIndex(PRESETS.index("year"))
    assert [row[0] for row in cells(view)] == ["2026-11-27", "2026-11-27", "2026-10-30"]
    assert cells(view)[2][4:] == ["2 Dissatisfied", "等太久了 Waited too long"]  # one line
    tooltip = view.model().index(2, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "<p>等太久了<br/>Waited too long</p>"  # the whole comment, as written
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the oldest visit first, on request
    assert [row[5] for row in cells(view)] == ["等太久了 Waited too long", "很快 Quick", COMMENT]
    window.language.setCurrentIndex(window.language.findData("zh_TW"))
    qtbot.waitUntil(lambda: tab.breakdown.currentText() == "評語", timeout=10_000)
    model = view.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == ["日期", "服務項目", "櫃檯", "承辦人", "分數", "評語"]
    assert cells(view)[0][3:5] == ["王小明", "2 不滿意"]  # refilled in the order chosen
    assert tab.hint.text().startswith("民眾評分時寫下的意見：本期間 3 則")
    tab.breakdown.setCurrentIndex(CHOICES.index("month"))
    assert tab.tables.currentWidget() is tab.table and len(cells(tab.table)) == 2


def test_a_database_error_shows_its_cause_not_the_sql_or_the_contact(
    qtbot: QtBot, window: SupervisorWindow, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLAlchemy's text for a failed INSERT holds the statement and its parameters, the
    citizen's contact details among them: the tab shows the database's own words only."""
    tab = window.opinions_tab
    path = sqlite_url.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as database:
        database.execute(
            "CREATE TRIGGER no_opinions BEFORE INSERT ON opinions "
            "BEGIN SELECT RAISE(ABORT, 'the opinion book is being repaired'); END"
        )
    said = NewOpinion("Please call me back", "phone", "0933-000-111", None, None)
    monkeypatch.setattr(tab, "ask_new_opinion", lambda: said)
    with qtbot.waitSignal(tab.action_done, timeout=30_000) as done:
        qtbot.mouseClick(tab.buttons["record"], Qt.MouseButton.LeftButton)
    assert done.args == [False]
    assert tab.status.text() == "Not done: the opinion book is being repaired"
    assert "0933-000-111" not in tab.status.text() and "INSERT" not in tab.status.text()
    with contextlib.closing(sqlite3.connect(path)) as database:
        database.execute("ALTER TABLE opinions RENAME TO opinions_away")
    tab.reload()
    qtbot.waitUntil(
        lambda: tab.status.text() == "Could not read the opinions: no such table: opinions",
        timeout=30_000,
    )


def test_error_text_names_a_statement_error_and_keeps_a_domain_message(
    rated: TicketEngine,
) -> None:
    """A value SQLAlchemy cannot bind fails before the database: no driver words, so the
    error's kind stands in for the statement; a domain error says what to do in its words."""
    naive = dt.datetime(2026, 11, 27, 9, 0)  # refused: times are stored timezone-aware
    with pytest.raises(StatementError) as caught, rated.db.read() as session:
        session.execute(
            select(RatingRow.id).where(RatingRow.comment == CONTACT, RatingRow.rated_at == naive)
        )
    assert "SELECT ratings.id" in str(caught.value)
    assert error_text(caught.value) == "StatementError"
    assert error_text(InvalidInput("the opinion is empty")) == "the opinion is empty"
