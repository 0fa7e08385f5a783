"""The kiosk driven as a citizen would: tap a service, tick documents, take a number, go home."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from counterdesk import phrases
from counterdesk.devices.printer import TicketPrinter, parse_printer_url
from counterdesk.kiosk.widgets import Card
from counterdesk.kiosk.window import KioskWindow
from counterdesk.phrases import Bilingual
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office
from counterdesk.ui.theme import TARGET_MM, mm_to_px
from tests.conftest import RecordingSpeaker
from tests.kiosk.conftest import Factory

TAIPEI = dt.timezone(dt.timedelta(hours=8))


def tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def take_number(qtbot: QtBot, kiosk: KioskWindow) -> None:
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=5000):
        tap(qtbot, kiosk.service_page.take_button)


def test_citizen_takes_a_number(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, tmp_path: Path
) -> None:
    kiosk = make_kiosk()
    assert kiosk.current_page() is kiosk.home
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    page = kiosk.service_page
    assert kiosk.current_page() is page
    assert page.title.text().en == "Company name & business-scope reservation"
    first, second, third = (item for item, _ in page.items)
    tap(qtbot, first)
    assert first.isChecked() and not second.isChecked()
    tap(qtbot, third)
    tap(qtbot, third)  # untick again: ticks are the citizen's to change
    assert not third.isChecked()
    with qtbot.waitSignal(kiosk.printed, timeout=5000) as printed:
        take_number(qtbot, kiosk)
    assert kiosk.current_page() is kiosk.ticket_page
    content = kiosk.ticket_page.content
    assert content is not None and content.number == "A001"
    assert [d.zh for d in content.missing_documents] == [
        "規費（郵政匯票或銀行本票，受款人：經濟部）",
        "委託書",
    ]
    assert content.people_ahead == 0
    assert printed.args[0].state == "not_printed"  # no printer configured
    assert kiosk.ticket_page.printing.phrase() == phrases.NO_PRINTER
    stored = engine.read.ticket("A001")
    assert (stored.status, stored.print_state) == ("waiting", "not_printed")
    qr = tmp_path / "qr.png"
    kiosk.ticket_page.qr.grab().save(str(qr))
    with Image.open(qr) as image:
        decoded = [code.text for code in zxingcpp.read_barcodes(image)]
    assert decoded == [f"http://localhost:8080/t/{stored.token}"]
    with qtbot.waitSignal(kiosk.went_home, timeout=2000):
        tap(qtbot, kiosk.ticket_page.done_button)
    assert kiosk.current_page() is kiosk.home


def test_priority_ticket(qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine) -> None:
    engine.issue("certificate")
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.priority_tile)
    assert kiosk.current_page() is kiosk.priority_page
    tap(qtbot, kiosk.priority_page.grid.tiles["certificate"])
    assert kiosk.service_page.priority and not kiosk.service_page.badge.isHidden()
    take_number(qtbot, kiosk)
    ticket = engine.read.ticket("H002")
    assert ticket.priority
    assert kiosk.ticket_page.content.people_ahead == 0  # priority goes before H001


def test_double_tap_issues_one_ticket(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine
) -> None:
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.grid.tiles["pickup"])
    button = kiosk.service_page.take_button
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=5000):
        tap(qtbot, button)
        tap(qtbot, button)
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
        kiosk.take_number()
    with qtbot.waitSignal(kiosk.printed, timeout=5000):
        pass
    assert [t.number for t in engine.read.waiting("pickup")] == ["K001"]
    assert engine.read.status().services[10].issued_today == 1


def test_outside_opening_hours_nothing_is_issued(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    clock.set(dt.datetime(2026, 11, 27, 12, 30, tzinfo=TAIPEI))
    kiosk = make_kiosk()
    assert kiosk.home.alert.phrase() == Bilingual(
        "目前不受理取號：午休時間暫停取號", "No numbers are being issued now: Closed for a break"
    )
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    page = kiosk.service_page
    assert page.take_button.isHidden()
    assert page.alert.phrase().zh == "目前不受理取號：午休時間暫停取號"
    kiosk.take_number()  # even if something asked, nothing is issued
    assert engine.read.status().services[0].issued_today == 0
    for moment, zh in (
        (dt.datetime(2026, 11, 27, 16, 50, tzinfo=TAIPEI), "今日取號時間已過"),
        (dt.datetime(2026, 11, 28, 10, 0, tzinfo=TAIPEI), "今日不開放"),
        (dt.datetime(2026, 11, 27, 8, 0, tzinfo=TAIPEI), "尚未開始受理"),
    ):
        clock.set(moment)
        kiosk.refresh()
        qtbot.waitUntil(lambda zh=zh: zh in (kiosk.home.alert.phrase() or ("", ""))[0])  # type: ignore[misc]  # lambda default
    clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI))
    with qtbot.waitSignal(kiosk.refreshed, timeout=5000):
        kiosk.refresh()
    assert kiosk.home.alert.isHidden()


def test_on_a_closed_date_the_kiosk_names_the_holiday(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    """New Year's Day, a Friday, is on the sample office's closed dates."""
    clock.set(dt.datetime(2027, 1, 1, 10, 0, tzinfo=TAIPEI))
    kiosk = make_kiosk()
    assert kiosk.home.alert.phrase() == Bilingual(
        "目前不受理取號：今日不開放（開國紀念日）",
        "No numbers are being issued now: We are closed today (New Year's Day)",
    )
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert kiosk.service_page.take_button.isHidden()
    kiosk.take_number()
    assert engine.read.status().services[0].issued_today == 0
    clock.set(dt.datetime(2027, 1, 4, 10, 0, tzinfo=TAIPEI))  # the Monday after
    kiosk.refresh()
    qtbot.waitUntil(kiosk.home.alert.isHidden)


def test_daily_cap(
    qtbot: QtBot,
    make_kiosk: Factory,
    engine: TicketEngine,
    sample_office: Office,
    sqlite_url: str,
) -> None:
    services = [
        s.model_copy(update={"daily_cap": 1}) if s.code == "enquiry" else s
        for s in sample_office.services
    ]
    engine.load_office(sample_office.model_copy(update={"services": services}))
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.grid.tiles["enquiry"])
    assert not kiosk.service_page.take_button.isHidden()
    # Another kiosk takes the last number just before this citizen taps.
    TicketEngine(Database(sqlite_url), engine.clock).issue("enquiry")
    kiosk.take_number()
    qtbot.waitUntil(lambda: kiosk.service_page.alert.phrase() is not None, timeout=5000)
    assert kiosk.service_page.alert.phrase().zh.startswith(phrases.FULL_TODAY.zh)
    assert kiosk.service_page.take_button.isHidden()
    assert kiosk.current_page() is kiosk.service_page
    tile = kiosk.home.grid.tiles["enquiry"]
    qtbot.waitUntil(lambda: tile.wait.text() == phrases.FULL_TODAY, timeout=5000)
    assert [t.number for t in engine.read.waiting("enquiry")] == ["L001"]


def test_idle_timeout_returns_home_from_any_page(qtbot: QtBot, make_kiosk: Factory) -> None:
    kiosk = make_kiosk(idle_ms=300, confirm_ms=60_000)
    tap(qtbot, kiosk.home.grid.tiles["branch"])
    assert kiosk.current_page() is kiosk.service_page
    with qtbot.waitSignal(kiosk.went_home, timeout=3000):
        pass
    assert kiosk.current_page() is kiosk.home
    tap(qtbot, kiosk.home.priority_tile)
    with qtbot.waitSignal(kiosk.went_home, timeout=3000):
        pass
    assert kiosk.current_page() is kiosk.home


def test_confirmation_goes_home_by_itself(qtbot: QtBot, make_kiosk: Factory) -> None:
    kiosk = make_kiosk(confirm_ms=400)
    tap(qtbot, kiosk.home.grid.tiles["enquiry"])
    take_number(qtbot, kiosk)
    assert "（1 秒後回到首頁）" in kiosk.ticket_page.done_button.words.text().zh
    with qtbot.waitSignal(kiosk.went_home, timeout=3000):
        pass
    assert kiosk.current_page() is kiosk.home


def test_live_counts_follow_other_terminals(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, sqlite_url: str
) -> None:
    kiosk = make_kiosk()
    tile = kiosk.home.grid.tiles["precheck"]
    assert tile.wait.text().zh == "目前無人等候"
    other = TicketEngine(Database(sqlite_url), engine.clock)
    other.issue("precheck")
    other.issue("precheck")
    qtbot.waitUntil(lambda: tile.wait.text().zh.startswith("等候 2 人"), timeout=5000)
    other.sign_in(1, "wang")
    other.call_next(1)
    qtbot.waitUntil(lambda: tile.wait.text().zh.startswith("等候 1 人"), timeout=5000)


def test_tiles_service_page_and_ticket_word_the_projected_wait_in_both_languages(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine
) -> None:
    engine.sign_in(1, "wang")  # counter 1 alone: enquiries first, then pre-checks
    for _ in range(4):
        engine.issue("precheck")
    engine.call_next(1)  # one at the counter, three waiting behind it
    kiosk = make_kiosk()
    services = {s.code: s for s in engine.read.status().services}

    precheck = services["precheck"]
    low, high = precheck.estimated_wait_low, precheck.estimated_wait_high
    assert low is not None and high is not None and 0 < low < high  # a range
    line = Bilingual(f"等候 3 人・約 {low}–{high} 分鐘", f"3 waiting · about {low}–{high} min")
    assert kiosk.home.grid.tiles["precheck"].wait.text() == line
    # Nobody waits for an enquiry, but counter 1 is busy: the tile still gives the wait.
    enquiry = kiosk.home.grid.tiles["enquiry"].wait.text()
    assert enquiry == phrases.waiting_line(0, services["enquiry"])
    assert enquiry.zh.startswith("目前無人等候・") and enquiry.en.startswith("Nobody waiting · ")
    assert "即將叫號" not in enquiry.zh and "any moment now" not in enquiry.en
    # A service no counter signed in serves: no counter will call it today.
    no_estimate = Bilingual("目前無人等候・目前無法預估", "Nobody waiting · no estimate for now")
    assert kiosk.home.grid.tiles["incorporation"].wait.text() == no_estimate

    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert kiosk.service_page.waiting.text() == line
    take_number(qtbot, kiosk)
    content = kiosk.ticket_page.content
    assert content is not None and content.number == "A005"
    with engine.db.read() as session:
        promised = session.execute(
            text("SELECT issue_wait_low, issue_wait_high FROM tickets WHERE number = 'A005'")
        ).one()
    assert (content.wait_low, content.wait_high) == tuple(promised)
    shown = kiosk.ticket_page.wait.text()
    assert shown == phrases.projected_wait(*promised)
    assert shown == (
        f"約 {promised[0]}–{promised[1]} 分鐘",
        f"about {promised[0]}–{promised[1]} min",
    )
    assert kiosk.ticket_page.ahead.text() == ("3 人", "3 people")


def test_the_priority_page_gives_the_wait_of_a_priority_ticket(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine
) -> None:
    """A priority ticket goes before the three ordinary ones waiting: its own, shorter wait."""
    engine.sign_in(1, "wang")
    for _ in range(4):
        engine.issue("precheck")
    engine.call_next(1)
    kiosk = make_kiosk()
    precheck = next(s for s in engine.read.status().services if s.code == "precheck")
    assert precheck.priority_wait_minutes is not None and precheck.estimated_wait_minutes
    assert precheck.priority_wait_minutes < precheck.estimated_wait_minutes

    tap(qtbot, kiosk.home.priority_tile)
    line = phrases.waiting_line(3, precheck.for_priority())
    assert kiosk.priority_page.grid.tiles["precheck"].wait.text() == line
    assert kiosk.home.grid.tiles["precheck"].wait.text() == phrases.waiting_line(3, precheck)
    assert line != phrases.waiting_line(3, precheck)
    tap(qtbot, kiosk.priority_page.grid.tiles["precheck"])
    assert kiosk.service_page.waiting.text() == line
    take_number(qtbot, kiosk)
    content = kiosk.ticket_page.content
    assert content is not None and content.priority and content.people_ahead == 0
    assert (content.wait_low, content.wait_high) == (
        precheck.priority_wait_low,
        precheck.priority_wait_high,
    )


def test_read_aloud_speaks_the_page(
    qtbot: QtBot, make_kiosk: Factory, speaker: RecordingSpeaker
) -> None:
    kiosk = make_kiosk(speaker=speaker)
    tap(qtbot, kiosk.read_button)
    (zh, en), _ = speaker.announcements[-1]
    assert (zh.language, en.language) == ("zh", "en")
    assert "公司設立登記" in zh.text and "Company incorporation" in en.text
    tap(qtbot, kiosk.home.grid.tiles["dissolution"])
    tap(qtbot, kiosk.read_button)
    (zh, en), _ = speaker.announcements[-1]
    assert "公司解散登記" in zh.text and "辦理流程" in zh.text and "Procedure" in en.text
    take_number(qtbot, kiosk)
    tap(qtbot, kiosk.read_button)
    (zh, en), _ = speaker.announcements[-1]
    assert "E 0 0 1" in zh.text and "E 0 0 1" in en.text
    wait = kiosk.ticket_page.wait.text()
    assert f"前面還有 0 人，預估等候{wait.zh}。" in zh.text
    assert f"0 people ahead. Estimated wait: {wait.en}." in en.text


def test_touch_targets_are_at_least_15_mm(qtbot: QtBot, make_kiosk: Factory) -> None:
    for size in ((1080, 1920), (1920, 1080), (540, 960)):
        kiosk = make_kiosk(size)
        target = mm_to_px(TARGET_MM, kiosk)
        assert target >= 55
        tap(qtbot, kiosk.home.grid.tiles["incorporation"])
        for page in (kiosk.home, kiosk.priority_page, kiosk.service_page):
            kiosk.stack.setCurrentWidget(page)
            qtbot.waitUntil(page.isVisible)
            cards = [c for c in page.findChildren(Card) if c.isVisibleTo(page)]
            assert cards
            small = [c for c in cards if min(c.width(), c.height()) < target]
            assert not small, f"{size}: {[type(c).__name__ for c in small]} under 15 mm"


def test_failing_printer_still_gives_a_number(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, tmp_path: Path
) -> None:
    printer = TicketPrinter(parse_printer_url(f"file:{tmp_path / 'gone' / 'lp0'}"))
    kiosk = make_kiosk(printer=printer)
    tap(qtbot, kiosk.home.grid.tiles["amendment"])
    with qtbot.waitSignal(kiosk.printed, timeout=10_000) as printed:
        take_number(qtbot, kiosk)
    assert printed.args[0].state == "failed"
    assert kiosk.ticket_page.printing.phrase() == phrases.NOT_PRINTED
    assert kiosk.ticket_page.content.number == "C001"
    assert engine.read.ticket("C001").print_state == "failed"
