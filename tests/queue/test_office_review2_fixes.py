"""The rules chosen for review 2's office findings (tests/test_issue18_review2.py holds the
findings): their other halves, which the findings alone do not pin down."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select, text

from counterdesk.queue import ManualClock, TicketEngine, open_office
from counterdesk.queue.errors import OfficeFileError, QueueError
from counterdesk.queue.models import EventKind, TicketEventRow
from counterdesk.queue.office import SAMPLE_OFFICE, Office, load_office, validate_office
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import office_at


def with_cap(office: Office, cap: int) -> Office:
    data = office.model_dump(mode="json")
    next(s for s in data["services"] if s["code"] == "precheck")["daily_cap"] = cap
    return validate_office(data)


def written(tmp_path: Path, office: Office, name: str = "office.json") -> Path:
    """``office`` as a file the office setting can name (JSON is YAML too)."""
    path = tmp_path / name
    path.write_text(office.model_dump_json(), encoding="utf-8")
    return path


def test_an_edited_office_setting_is_loaded_at_start(
    engine: TicketEngine, sqlite_url: str, sample_office: Office, tmp_path: Path
) -> None:
    engine.load_office(with_cap(sample_office, 150), by="supervisor", summary="cap 150")
    edited = written(tmp_path, with_cap(sample_office, 120))
    started = open_office(sqlite_url, edited)
    assert started.office.service("precheck").daily_cap == 120
    started.db.dispose()


def test_an_office_setting_loaded_before_is_kept_out_and_the_terminal_says_so(
    engine: TicketEngine,
    sqlite_url: str,
    sample_office: Office,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    old = written(tmp_path, sample_office)
    engine.load_office(with_cap(sample_office, 150), by="supervisor", summary="cap 150")
    with caplog.at_level(logging.WARNING):
        started = open_office(sqlite_url, old)
    assert started.office.service("precheck").daily_cap == 150
    assert "kept the database's office" in caplog.text and str(old) in caplog.text
    started.db.dispose()


def test_a_database_without_an_office_loads_the_office_setting(
    sqlite_url: str, tmp_path: Path
) -> None:
    started = open_office(sqlite_url, SAMPLE_OFFICE, create=True)
    assert started.office == load_office(SAMPLE_OFFICE)
    started.db.dispose()


def test_a_stored_office_that_fails_names_itself_and_a_valid_one_loads_over_it(
    engine: TicketEngine, sqlite_url: str, sample_office: Office, clock: ManualClock
) -> None:
    with engine.db.write() as session:
        stored = json.loads(session.execute(text("SELECT config_json FROM offices")).scalar_one())
        stored["services"].append(stored["services"][0])  # a duplicate code
        session.execute(text("UPDATE offices SET config_json = :c"), {"c": json.dumps(stored)})
    reopened = open_office(sqlite_url, clock=clock)
    with pytest.raises(OfficeFileError, match=r"stored in the database(.|\n)*duplicate service"):
        reopened.office  # noqa: B018 — the property is what every terminal asks
    reopened.load_office(with_cap(sample_office, 90), by="admin", summary="repaired")
    repaired = read_office(reopened.db)
    assert repaired is not None and repaired.service("precheck").daily_cap == 90
    reopened.db.dispose()


def test_a_version_that_no_longer_validates_names_its_number(engine: TicketEngine) -> None:
    with engine.db.write() as session:
        session.execute(text("UPDATE office_versions SET config_json = '{}' WHERE id = 1"))
    with pytest.raises(OfficeFileError, match="office version 1 no longer validates"):
        office_at(engine.db, 1)


def test_a_code_still_listed_keeps_its_pin_and_a_code_back_is_logged(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.set_pin("wang", "2468")
    engine.set_pin("lin", "1357")
    data = sample_office.model_dump(mode="json")
    without = [m for m in data["staff"] if m["code"] not in ("wang", "chen")]
    engine.load_office(validate_office({**data, "staff": without}), by="s", summary="left")
    engine.load_office(sample_office, by="s", summary="back")
    assert engine.has_pin("lin") and not engine.has_pin("wang")
    with engine.db.read() as session:
        reset = session.scalars(
            select(TicketEventRow.staff_code).where(
                TicketEventRow.kind == EventKind.PIN_RESET.value
            )
        ).all()
    assert reset == ["wang"]


def test_a_time_zone_change_is_saved_after_close_of_day(
    engine: TicketEngine, sample_office: Office, clock: ManualClock
) -> None:
    engine.issue("precheck")
    data = sample_office.model_dump(mode="json")
    data["office"]["timezone"] = "Asia/Tokyo"
    moved = validate_office(data)
    with pytest.raises(QueueError, match="Asia/Taipei to Asia/Tokyo only after close of day"):
        engine.load_office(moved, by="s", summary="zone")
    clock.advance(dt.timedelta(hours=10))  # 19:00 Taipei, past the last session
    engine.close_day(today=True)
    assert engine.load_office(moved, by="s", summary="zone") is not None


def test_a_prefix_kept_free_of_waiting_numbers_may_move_mid_day(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.issue("precheck")  # an A number waits; Z is nobody's
    data = sample_office.model_dump(mode="json")
    next(s for s in data["services"] if s["code"] == "incorporation")["prefix"] = "Z"
    assert engine.load_office(validate_office(data), by="s", summary="Z") is not None
    assert engine.issue("incorporation").number.startswith("Z")
