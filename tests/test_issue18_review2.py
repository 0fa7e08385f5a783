"""Second adversarial review of issue 18's landed parts (office versions, backups, set-up
answers, start-at-login entries, PINs). Each xfail(strict) test is a finding that fails today;
the plain tests are attacks that held. See tests/test_issue18_attacks.py for the first review.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shlex
import sqlite3
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url, text

from counterdesk.counter.window import ConsoleWindow
from counterdesk.devices.ticket_content import status_url
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.arguments import COUNTER_NUMBERS
from counterdesk.queue.backup import backup, backup_into, restore
from counterdesk.queue.change_feed import ChangeFeed
from counterdesk.queue.errors import CounterdeskError, OfficeFileError, QueueError
from counterdesk.queue.office import (
    SAMPLE_OFFICE,
    Office,
    load_office,
    parse_office,
    validate_office,
)
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import rollback, versions
from counterdesk.setup.answers import Answers
from counterdesk.setup.autostart import systemd_unit, windows_cmd
from counterdesk.setup.settings_file import settings_text
from counterdesk.setup_wizard.wizard import SetupWizard
from tests.conftest import Run
from tests.pg_server import fresh_database

NOON = dt.datetime(2026, 12, 5, 12, 0)


@pytest.fixture
def pg_engine(pg_url: str, clock: ManualClock, sample_office: Office) -> Iterator[TicketEngine]:
    """The sample office on a fresh PostgreSQL database."""
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    yield engine
    engine.db.dispose()


# --- office versions: rows that no longer validate -------------------------------------------


def keep_version(engine: TicketEngine, config_json: str, summary: str) -> int:
    """A version row as an older counterdesk, or a hand in the database, left it."""
    with engine.db.write() as session:
        session.execute(
            text(
                "INSERT INTO office_versions (saved_at, saved_by, summary, config_json) "
                "VALUES (:at, 'someone', :summary, :config)"
            ),
            {"at": NOON, "summary": summary, "config": config_json},
        )
        number = session.execute(text("SELECT max(id) FROM office_versions")).scalar_one()
    return int(number)


def edited(office: Office, edit: str) -> str:
    data = office.model_dump(mode="json")
    if edit == "duplicate service":
        data["services"].append({**data["services"][0], "prefix": "Z"})
    elif edit == "unknown served":
        data["counters"][0]["services"].append("nosuch")
    elif edit == "retired key":
        data["office"]["retired_key"] = 1  # a key an older counterdesk wrote
    return json.dumps(data, ensure_ascii=False)


def renamed(office: Office) -> Office:
    data = office.model_dump(mode="json")
    data["office"]["name"]["en"] = "Renamed office"
    return Office.model_validate(data)


@pytest.mark.parametrize("newest", ["retired key", "not json"])
def test_a_newest_version_that_no_longer_validates_does_not_lock_the_office(
    engine: TicketEngine, sample_office: Office, newest: str
) -> None:
    config = "{not json" if newest == "not json" else edited(sample_office, newest)
    keep_version(engine, config, "x")
    number = engine.load_office(renamed(sample_office), by="supervisor", summary="renamed")
    assert number is not None
    stored = read_office(engine.db)
    assert stored is not None and stored.office.name.en == "Renamed office"


def test_the_load_command_after_a_version_that_no_longer_validates_has_no_traceback(
    run: Run, tmp_path: Path
) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    with sqlite3.connect(tmp_path / "cli.sqlite3") as connection:
        connection.execute(
            "INSERT INTO office_versions (saved_at, saved_by, summary, config_json) "
            "VALUES ('2026-01-01 00:00:00.000000', 'x', 'broken', '{not json')"
        )
    done = run("office", "rollback", "1")
    assert "Traceback" not in done.stderr, done.stderr[-400:]
    assert done.returncode in (0, 1, 2)


def test_a_rollback_to_a_version_with_a_duplicate_service_code_is_refused(
    engine: TicketEngine, sample_office: Office
) -> None:
    bad = keep_version(engine, edited(sample_office, "duplicate service"), "tampered")
    with pytest.raises(CounterdeskError, match=r"certificate|duplicate|twice"):
        rollback(engine, bad, by="supervisor")
    stored = read_office(engine.db)
    assert stored is not None and len(stored.services) == len(sample_office.services)


def test_a_rollback_to_a_version_serving_an_unknown_service_is_a_clear_refusal(
    engine: TicketEngine, sample_office: Office
) -> None:
    bad = keep_version(engine, edited(sample_office, "unknown served"), "tampered")
    with pytest.raises(CounterdeskError, match="nosuch"):
        rollback(engine, bad, by="supervisor")


@pytest.mark.parametrize("command", [("diff", "1"), ("rollback",)])
def test_a_huge_version_number_is_no_version_not_a_traceback(
    run: Run, command: tuple[str, ...]
) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    done = run("office", *command, str(10**30))
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert "no office version" in done.stderr


def test_a_rollback_to_a_missing_or_negative_version_is_no_version(run: Run) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    for number in ("99", "-1", "0"):
        done = run("office", "rollback", number)
        assert done.returncode == 1 and "no office version" in done.stderr, done.stderr


# --- backups ---------------------------------------------------------------------------------


def test_pruning_deletes_the_oldest_of_backups_made_in_one_second(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    first, _ = backup_into(sqlite_url, folder, NOON, keep=2)
    second, _ = backup_into(sqlite_url, folder, NOON, keep=2)
    third, deleted = backup_into(sqlite_url, folder, NOON, keep=2)
    assert deleted == [first]
    assert second.exists() and third.exists()


def test_a_clock_set_back_does_not_prune_the_backups_just_made(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    for day in (1, 2):
        backup_into(sqlite_url, folder, NOON.replace(day=day), keep=2)
    wrong_clock = dt.datetime(2020, 1, 1, 12, 0)
    yesterday, _ = backup_into(sqlite_url, folder, wrong_clock, keep=2)
    today, deleted = backup_into(sqlite_url, folder, wrong_clock + dt.timedelta(days=1), keep=2)
    assert yesterday not in deleted and yesterday.exists()
    assert today.exists()


@pytest.mark.parametrize("keep", ["0", "-1", "99999"])
def test_a_keep_out_of_range_is_a_clear_refusal(run: Run, tmp_path: Path, keep: str) -> None:
    done = run("db", "backup", str(tmp_path / "b"), "--keep", keep)
    assert done.returncode == 2 and "keep" in done.stderr and "Traceback" not in done.stderr
    assert not any((tmp_path / "b").glob("counterdesk-*"))


def test_a_backup_folder_named_with_spaces_and_chinese(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "備份 daily 100%"
    done = run("--json", "db", "backup", str(folder))
    assert done.returncode == 0, done.stderr
    assert Path(json.loads(done.stdout)["backup"]).parent == folder


def test_pruning_removes_a_symlink_never_its_target(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    folder, elsewhere = tmp_path / "backups", tmp_path / "precious.sqlite3"
    folder.mkdir()
    elsewhere.write_bytes(b"someone's file")
    (folder / "counterdesk-20000101-000000.sqlite3").symlink_to(elsewhere)
    backup_into(sqlite_url, folder, NOON, keep=1)
    assert elsewhere.read_bytes() == b"someone's file"


@pytest.mark.parametrize("made", ["not sqlite", "another app"])
def test_a_restore_from_a_file_that_is_no_counterdesk_database_is_refused(
    run: Run, tmp_path: Path, made: str
) -> None:
    other = tmp_path / "other.sqlite3"
    if made == "not sqlite":
        other.write_bytes(b"PK\x03\x04 a zip, not a database" * 100)
    else:
        with sqlite3.connect(other) as connection:
            connection.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, number TEXT)")
    assert run("issue", "precheck", "--outside-hours", "review").returncode == 0
    done = run("db", "restore", str(other))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "other.sqlite3" in done.stderr
    assert "A" in run("status").stdout or run("status").returncode == 0


# --- set-up answers and start-at-login entries ----------------------------------------------


def test_a_counter_number_past_the_office_range_is_refused_by_name() -> None:
    with pytest.raises(CounterdeskError, match="counter"):
        Answers("counter", "sqlite:///office.sqlite3", counter=10**9).checked()


@pytest.mark.parametrize("counter", [0, -1])
def test_a_counter_zero_or_negative_is_refused_by_name(counter: int) -> None:
    with pytest.raises(CounterdeskError, match="counter"):
        Answers("counter", "sqlite:///office.sqlite3", counter=counter).checked()


def test_a_windows_startup_file_with_a_chinese_path_is_read_as_written() -> None:
    batch = windows_cmd([r"C:\Python\python.exe", "--config", r"C:\Users\王小明\counterdesk.toml"])
    assert batch.isascii() or "chcp 65001" in batch.splitlines()[0:2][-1]


def test_a_newline_in_a_path_cannot_add_lines_to_the_systemd_unit() -> None:
    unit = systemd_unit(["/usr/bin/python", "--config", "/tmp/x\nExecStartPre=/bin/true"], "board")
    assert not any(line.startswith("ExecStartPre=") for line in unit.splitlines())


def test_a_systemd_unit_keeps_backticks_and_quotes_one_word() -> None:
    unit = systemd_unit(['/home/a `b` "c"/python'], "kiosk")
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert shlex.split(exec_start.removeprefix("ExecStart=")) == ['/home/a `b` "c"/python']


# --- PINs -------------------------------------------------------------------------------------


def test_a_full_width_pin_is_the_same_pin_or_refused(engine: TicketEngine) -> None:
    try:
        engine.set_pin("wang", "１２３４")
    except CounterdeskError:
        return  # refused by name: fine
    engine.check_pin("wang", "1234", counter=1)


@pytest.mark.parametrize("pin", ["", "123", "1" * 9, "1" * 10_000, "12a4", "王小明12"])
def test_a_pin_out_of_shape_is_refused(engine: TicketEngine, pin: str) -> None:
    with pytest.raises(CounterdeskError, match="PIN"):
        engine.set_pin("wang", pin)


def test_a_pin_reset_of_a_removed_staff_member_names_the_known(
    engine: TicketEngine, sample_office: Office
) -> None:
    data = sample_office.model_dump(mode="json")
    data["staff"] = [m for m in data["staff"] if m["code"] not in ("wang", "chen")]
    engine.load_office(Office.model_validate(data), by="supervisor", summary="wang left")
    with pytest.raises(CounterdeskError, match="wang"):
        engine.reset_pin("wang", by="supervisor")


def test_the_sample_office_still_loads() -> None:
    assert load_office(SAMPLE_OFFICE).services


# --- more: the settings file, the stored office, two saves at once ---------------------------


@pytest.mark.parametrize(
    "answers",
    [
        Answers("board", "sqlite:///C:/Users/𠮷野/office.sqlite3"),
        Answers("kiosk", "sqlite:///office.sqlite3", voice_zh="台灣語音 😀"),
    ],
)
def test_a_settings_file_with_a_character_beyond_the_bmp_reads_back(
    tmp_path: Path, answers: Answers
) -> None:
    read = tomllib.loads(settings_text(answers, tmp_path / "c.toml"))
    assert (read["db"], read.get("voice_zh", answers.voice_zh)) == (
        answers.database,
        answers.voice_zh,
    )


def test_a_stored_office_that_no_longer_validates_is_a_clear_message(
    run: Run, tmp_path: Path
) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    with sqlite3.connect(tmp_path / "cli.sqlite3") as connection:
        stored = json.loads(connection.execute("SELECT config_json FROM offices").fetchone()[0])
        stored["office"]["a_newer_key"] = True
        connection.execute("UPDATE offices SET config_json = ?", (json.dumps(stored),))
    done = run("status")
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert done.returncode != 0 and "a_newer_key" in done.stderr


def test_two_engines_saving_at_once_on_one_sqlite_file_one_is_refused(
    sqlite_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """Two supervisors' PCs, each its own engine on the office's SQLite file, both editing
    from version 1 and saving in the same instant: one is saved, one told, none lost."""
    TicketEngine(Database(sqlite_url), clock).load_office(sample_office)
    engines = [TicketEngine(Database(sqlite_url), clock) for _ in range(2)]
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def save(engine: TicketEngine, name: str) -> None:
        data = sample_office.model_dump(mode="json")
        data["office"]["name"]["en"] = name
        start.wait()
        try:
            outcomes.append(
                engine.load_office(
                    Office.model_validate(data), by=name, summary=name, based_on=sample_office
                )
            )
        except QueueError as refused:
            outcomes.append(refused)

    threads = [
        threading.Thread(target=save, args=(e, f"office {i}")) for i, e in enumerate(engines)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(o, QueueError) for o in outcomes) == 1, outcomes
    assert sorted(o for o in outcomes if isinstance(o, int)) == [2]
    kept = [v.summary for v in versions(engines[0].db)]
    assert len(kept) == 2 and kept[0] in ("office 0", "office 1")
    for engine in engines:
        engine.db.dispose()


def long_named(office: Office, length: int) -> Office:
    data = office.model_dump(mode="json")
    data["services"][0]["name"]["en"] = "Certificate " + "x" * length
    return Office.model_validate(data)


def test_a_name_longer_than_its_column_is_refused_by_the_office_check(
    sample_office: Office,
) -> None:
    with pytest.raises(CounterdeskError, match="services"):
        validate_office(long_named(sample_office, 300).model_dump(mode="json"))


@pytest.mark.slow
def test_a_long_service_name_on_postgresql_is_no_traceback(
    pg_engine: TicketEngine, sample_office: Office
) -> None:
    """Whatever the office check lets through, PostgreSQL must store or refuse by name."""
    with contextlib.suppress(CounterdeskError):  # a refusal naming it is fine
        pg_engine.load_office(long_named(sample_office, 300), by="x", summary="long name")


def escaped(character: str) -> str:
    """The sample office file with a YAML escape in a service's English name: no NUL or
    control byte in the file itself, which the loader's byte check would refuse."""
    return SAMPLE_OFFICE.read_text(encoding="utf-8").replace(
        'en: "Company name & business-scope', f'en: "Company{character} name & business-scope', 1
    )


@pytest.mark.parametrize("character", [r"\0", r"\e", r"\x07"])
def test_a_control_character_written_as_a_yaml_escape_is_refused(character: str) -> None:
    with pytest.raises(OfficeFileError, match="services"):
        parse_office(escaped(character), "office.yaml")


@pytest.mark.slow
def test_a_nul_in_an_office_text_on_postgresql_is_no_traceback(pg_engine: TicketEngine) -> None:
    with contextlib.suppress(CounterdeskError):  # a refusal naming it is fine
        pg_engine.load_office(parse_office(escaped(r"\0")), by="x", summary="nul")


def test_a_settings_path_that_is_a_folder_is_refused_and_left_alone(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "counterdesk"
    folder.mkdir()
    (tmp_path / "cli.sqlite3").rename(folder / "office.sqlite3")
    database = f"sqlite:///{folder / 'office.sqlite3'}"
    done = run(
        "--config", str(folder), "setup", "--role", "board", "--database", database,
        "--yes", "--no-start-at-login",
    )  # fmt: skip
    assert (folder / "office.sqlite3").is_file()
    assert done.returncode == 2 and "counterdesk" in done.stderr


def test_a_folder_named_like_an_old_backup_is_no_traceback(run: Run, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    (backups / "counterdesk-20200101-000000.sqlite3").mkdir(parents=True)
    done = run("db", "backup", str(backups), "--keep", "1")
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert (backups / "counterdesk-20200101-000000.sqlite3").is_dir()


def test_set_up_for_a_counter_the_office_lacks_is_refused(run: Run, tmp_path: Path) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    settings = tmp_path / "counter7.toml"
    done = run(
        "--config", str(settings), "setup", "--role", "counter", "--counter", "7",
        "--database", f"sqlite:///{tmp_path / 'cli.sqlite3'}", "--yes", "--no-start-at-login",
    )  # fmt: skip
    assert done.returncode == 2 and "7" in done.stderr
    assert not settings.exists()


def test_a_change_feed_sees_the_first_call_after_a_restore(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    feed = ChangeFeed(engine.read)
    feed.poll()
    made = backup(sqlite_url, tmp_path / "morning.sqlite3")
    for _ in range(5):
        engine.issue("precheck")
    assert len(feed.poll()) == 5
    engine.db.dispose()  # the office closes its terminals: a restore is refused beside them
    restore(sqlite_url, made)
    ticket = engine.issue("precheck")
    assert ticket.number in {event.number for event in feed.poll()}


@pytest.mark.parametrize(
    "address",
    ["http://h:8080/t/{token}?from={kiosk}", "http://h:8080/t/{token}/{}", "http://h/{token}{"],
)
def test_a_status_address_the_check_accepts_can_be_filled(
    sample_office: Office, address: str
) -> None:
    data = sample_office.model_dump(mode="json")
    data["office"]["status_url"] = address
    try:
        office = validate_office(data)
    except OfficeFileError:
        return  # refused by name: fine
    assert "abc" in status_url(office, "abc")


@pytest.mark.qt_no_exception_capture  # the KeyError is the finding; the wait below fails
def test_a_console_restarted_while_a_removed_member_is_signed_in_shows_the_desk(
    qtbot: QtBot, engine: TicketEngine, sample_office: Office
) -> None:
    engine.sign_in(1, "wang")
    data = sample_office.model_dump(mode="json")
    data["staff"] = [m for m in data["staff"] if m["code"] not in ("wang", "chen")]
    engine.load_office(Office.model_validate(data), by="supervisor", summary="wang left")
    console = ConsoleWindow(engine, 1, poll_ms=50)
    qtbot.addWidget(console)
    with qtbot.waitSignal(console.refreshed, timeout=3000):
        console.start()
    assert "wang" in console.who.text()
    console.close()


@pytest.mark.slow
def test_a_postgresql_restore_never_hands_out_a_number_a_citizen_already_holds(
    pg_engine: TicketEngine, pg_url: str, tmp_path: Path
) -> None:
    pg_engine.issue("precheck")
    made = backup(pg_url, tmp_path / "morning.pgdump")
    held = {pg_engine.issue("precheck").number for _ in range(3)}
    pg_engine.db.dispose()  # pg_restore --clean drops the tables: no connection may hold them
    restored = restore(pg_url, made)
    assert pg_engine.issue("precheck").number not in held
    assert len(restored.lost) == 3


def test_an_office_file_deep_in_folders_loads_without_a_reason(run: Run, tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["公司登記櫃檯設定檔案資料夾"] * 16)
    deep.mkdir(parents=True)
    office = deep / "office.yaml"
    office.write_bytes(SAMPLE_OFFICE.read_bytes())
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    changed = office.read_text(encoding="utf-8").replace("daily_cap: 200", "daily_cap: 150", 1)
    office.write_text(changed, encoding="utf-8")
    done = run("office", "load", str(office))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("pin", ["0000", "1234", "1111"])
def test_a_pin_anyone_would_guess_first_is_refused(engine: TicketEngine, pin: str) -> None:
    with pytest.raises(CounterdeskError, match="PIN"):
        engine.set_pin("wang", pin)


def test_a_timezone_changed_mid_day_never_issues_a_number_still_waiting(
    engine: TicketEngine, sample_office: Office
) -> None:
    office = sample_office.always_open()
    engine.load_office(office, by="supervisor", summary="open all day")
    waiting = {engine.issue("precheck").number for _ in range(2)}
    data = office.model_dump(mode="json")
    data["office"]["timezone"] = "America/Los_Angeles"
    try:
        engine.load_office(Office.model_validate(data), by="supervisor", summary="zone fixed")
    except CounterdeskError:
        return  # refused while tickets wait: fine
    assert engine.issue("precheck").number not in waiting


def test_a_prefix_given_to_another_service_mid_day_never_repeats_a_waiting_number(
    engine: TicketEngine, sample_office: Office
) -> None:
    waiting = {engine.issue("precheck").number for _ in range(2)}
    data = sample_office.model_dump(mode="json")
    precheck = next(s for s in data["services"] if s["code"] == "precheck")
    other = next(s for s in data["services"] if s["code"] == "incorporation")
    precheck["prefix"], other["prefix"] = other["prefix"], precheck["prefix"]
    try:
        engine.load_office(Office.model_validate(data), by="supervisor", summary="swap")
    except CounterdeskError:
        return  # refused while its numbers wait: fine
    assert engine.issue("incorporation").number not in waiting


def test_the_wizard_offers_every_counter_an_office_may_have(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "counterdesk.toml")
    qtbot.addWidget(wizard)
    assert (wizard.counter.minimum(), wizard.counter.maximum()) == COUNTER_NUMBERS


def test_a_code_reused_for_a_new_person_does_not_keep_the_old_members_pin(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.set_pin("wang", "2468")
    data = sample_office.model_dump(mode="json")
    data["staff"] = [m for m in data["staff"] if m["code"] not in ("wang", "chen")]
    engine.load_office(Office.model_validate(data), by="supervisor", summary="wang left")
    data["staff"].append({"code": "wang", "name": {"zh": "王大同", "en": "Wang Da-tong"}})
    engine.load_office(Office.model_validate(data), by="supervisor", summary="new wang")
    assert not engine.has_pin("wang")


def test_a_terminal_started_with_an_office_setting_does_not_undo_a_later_save(
    run: Run, tmp_path: Path
) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    saved = tmp_path / "saved.yaml"  # stands for a save in the Office settings tab
    text_ = SAMPLE_OFFICE.read_text(encoding="utf-8").replace("daily_cap: 200", "daily_cap: 150")
    saved.write_text(text_, encoding="utf-8")
    assert run("office", "load", str(saved)).returncode == 0
    run("--office", str(SAMPLE_OFFICE), "status")  # a kiosk PC's restart, say
    with sqlite3.connect(tmp_path / "cli.sqlite3") as connection:
        stored = json.loads(connection.execute("SELECT config_json FROM offices").fetchone()[0])
    caps = {s["code"]: s["daily_cap"] for s in stored["services"]}
    assert caps["precheck"] == 150


@pytest.mark.slow
def test_a_postgresql_dump_of_another_app_is_refused(
    pg_server: str, pg_engine: TicketEngine, pg_url: str, tmp_path: Path
) -> None:
    """Held: pg_restore --clean fails on counterdesk's own tables and the restore is refused."""
    other = fresh_database(pg_server, "another_app_review2")
    with psycopg.connect(make_url(other).set(drivername="postgresql").render_as_string(False)) as c:
        c.execute("CREATE TABLE tickets (id integer PRIMARY KEY, note text)")
    dump = backup(other, tmp_path / "another.pgdump")
    pg_engine.db.dispose()
    with pytest.raises(CounterdeskError):
        restore(pg_url, dump)
    assert pg_engine.issue("precheck").number == "A001"


def test_a_relative_sqlite_path_is_written_as_the_file_it_was_checked_against(
    run: Run, tmp_path: Path
) -> None:
    settings = tmp_path / "counterdesk.toml"
    done = run(
        "--config", str(settings), "setup", "--role", "board",
        "--database", "sqlite:///cli.sqlite3", "--yes", "--no-start-at-login",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = tomllib.loads(settings.read_text(encoding="utf-8"))["db"]
    assert Path(written.removeprefix("sqlite:///")).resolve() == tmp_path / "cli.sqlite3"
    assert Path(written.removeprefix("sqlite:///")).is_absolute()


@pytest.mark.slow
def test_a_test_voice_file_that_cannot_be_written_is_named(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "call.wav"
    done = run(
        "--config", str(tmp_path / "c.toml"), "setup", "--role", "board",
        "--database", f"sqlite:///{tmp_path / 'cli.sqlite3'}", "--yes",
        "--no-start-at-login", "--test-voice", str(target),
    )  # fmt: skip
    assert done.returncode == 2
    assert "call.wav" in done.stderr and "EOFError" not in done.stderr, done.stderr


def hostile(kind: str) -> bytes:
    sample = SAMPLE_OFFICE.read_bytes()
    return {
        "utf-16": SAMPLE_OFFICE.read_text(encoding="utf-8").encode("utf-16"),
        "big5": SAMPLE_OFFICE.read_text(encoding="utf-8").encode("big5", errors="replace"),
        "nul": sample.replace(b"office:", b"office:\0", 1),
        "10 MB item": sample + b"\nx: '" + b"a" * 10_000_000 + b"'\n",
        "laughs": b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n',
        "python tag": b"office: !!python/object/apply:os.system ['echo owned']\n",
        "two documents": sample + b"\n---\n" + sample,
        "10,000 services": b"services:\n" + b"  - {code: s, prefix: A}\n" * 10_000,
    }[kind]


@pytest.mark.parametrize(
    "kind",
    ["utf-16", "big5", "nul", "10 MB item", "laughs", "python tag", "two documents",
     "10,000 services"],
)  # fmt: skip
def test_a_hostile_office_file_loaded_is_refused_by_name_and_nothing_stored(
    run: Run, tmp_path: Path, kind: str
) -> None:
    assert run("office", "load", str(SAMPLE_OFFICE)).returncode == 0
    before = run("office", "versions").stdout
    path = tmp_path / "hostile.yaml"
    path.write_bytes(hostile(kind))
    done = run("office", "load", str(path))
    assert done.returncode == 2 and "hostile.yaml" in done.stderr
    assert "Traceback" not in done.stderr
    assert run("office", "versions").stdout == before


def test_a_counter_listing_a_service_twice_is_refused_by_the_check(
    run: Run, tmp_path: Path
) -> None:
    office = tmp_path / "office.yaml"
    text_ = SAMPLE_OFFICE.read_text(encoding="utf-8")
    first = text_.index("services: [", text_.index("counters:"))
    office.write_text(text_[:first] + "services: [precheck, " + text_[first + 11 :], "utf-8")
    checked = run("office", "check", str(office))
    loaded = run("office", "load", str(office))
    assert "Traceback" not in loaded.stderr, loaded.stderr[-300:]
    assert checked.returncode == 2 and "precheck" in checked.stderr
