"""Where the database comes from, and how it is opened: WAL, refusal of network shares, errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from counterdesk.queue import Database, DatabaseError
from counterdesk.queue.database import (
    SCHEMA_HEAD,
    refuse_network_share,
    schema_version,
    start_checkpointer,
)
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import Settings, load_settings
from tests.conftest import schema_head


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("COUNTERDESK_DB", "COUNTERDESK_OFFICE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COUNTERDESK_CONFIG", str(tmp_path / "absent.toml"))


def test_default_is_a_sqlite_file_in_the_data_folder() -> None:
    settings = load_settings()
    assert settings.db == Settings.default_db()
    assert settings.db.startswith("sqlite:///") and settings.db.endswith("counterdesk.sqlite3")
    assert settings.office is None


def test_flag_beats_environment_beats_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "counterdesk.toml"
    config.write_text('db = "sqlite:///from-file.sqlite3"\noffice = "file.yaml"\n')
    monkeypatch.setenv("COUNTERDESK_CONFIG", str(config))
    assert load_settings().db == "sqlite:///from-file.sqlite3"
    assert load_settings().office == "file.yaml"
    monkeypatch.setenv("COUNTERDESK_DB", "sqlite:///from-env.sqlite3")
    assert load_settings().db == "sqlite:///from-env.sqlite3"
    assert load_settings(db="sqlite:///flag.sqlite3").db == "sqlite:///flag.sqlite3"


def test_bad_settings_file_names_the_problem(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('db = "x"\ncolour = "red"\n')
    with pytest.raises(CounterdeskError, match="unknown setting colour"):
        load_settings(config=str(config))
    config.write_text("db = [1]\n")
    with pytest.raises(CounterdeskError, match="setting db must be a string"):
        load_settings(config=str(config))
    with pytest.raises(CounterdeskError, match="settings file not found"):
        load_settings(config=str(tmp_path / "missing.toml"))


def test_trusted_proxy_is_one_ip_address_written_as_connections_show_it(tmp_path: Path) -> None:
    config = tmp_path / "counterdesk.toml"
    config.write_text('trusted_proxy = "0:0::1"\n')
    assert load_settings(config=str(config)).trusted_proxy == "::1"
    assert load_settings().trusted_proxy is None
    config.write_text('trusted_proxy = "::FFFF:192.0.2.10"\n')  # as a server on "::" sees it
    assert load_settings(config=str(config)).trusted_proxy == "::ffff:192.0.2.10"
    config.write_text('trusted_proxy = "proxy.local"\n')
    with pytest.raises(
        CounterdeskError, match=r"trusted_proxy: 'proxy\.local' is not an IP address"
    ):
        load_settings(config=str(config))


def test_sqlite_is_opened_in_wal_with_foreign_keys(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar_one() == 30000
    assert schema_version(db.engine) == schema_head()


def test_the_program_names_the_schema_head_its_migrations_end_at() -> None:
    assert schema_head() == SCHEMA_HEAD


def test_a_database_at_the_head_opens_without_loading_alembic(sqlite_url: str) -> None:
    """Alembic's import is a third of a second of every terminal's and command's start: it
    is loaded only when there is something to migrate."""
    Database(sqlite_url, create=True)
    opened = (
        "import sys; from counterdesk.queue import Database; "
        f"Database({sqlite_url!r}); print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", opened], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_write_transactions_take_the_write_lock_at_once(sqlite_url: str) -> None:
    """BEGIN IMMEDIATE: a second writer waits for the first instead of failing mid-way."""
    db = Database(sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    with db.write() as session:
        session.execute(text("SELECT 1"))  # a read only: a deferred BEGIN would hold no lock yet
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again once the first transaction ended
    other.execute("ROLLBACK")
    other.close()


def test_in_memory_and_garbage_addresses_are_refused() -> None:
    with pytest.raises(DatabaseError, match="in-memory SQLite"):
        Database("sqlite://")
    with pytest.raises(DatabaseError, match="not a database address"):
        Database("no such thing")


def test_network_shares_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import counterdesk.queue.database as database

    monkeypatch.setattr(database, "_filesystem_type", lambda path: "nfs4")
    with pytest.raises(DatabaseError, match="SQLite must not be shared over a network"):
        refuse_network_share(tmp_path / "office.sqlite3")
    with pytest.raises(DatabaseError, match="use PostgreSQL"):
        Database(f"sqlite:///{tmp_path / 'office.sqlite3'}")


def test_local_folder_is_not_a_network_share(tmp_path: Path) -> None:
    refuse_network_share(tmp_path / "office.sqlite3")  # raises if misdetected
    assert database_file_created(tmp_path)


def database_file_created(folder: Path) -> bool:
    Database(f"sqlite:///{folder / 'made.sqlite3'}", create=True).dispose()
    return (folder / "made.sqlite3").is_file()


def test_unreachable_postgresql_is_one_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open the database"):
        Database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_wal_is_checkpointed_in_the_background(tmp_path: Path) -> None:
    """Operations never pay for a checkpoint's fsync: a background thread copies the WAL."""
    path = tmp_path / "wal.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE t (x TEXT)")
    writer.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 2000)
    size_before = path.stat().st_size
    stop = start_checkpointer(f"file:{path}?mode=rw", interval=0.02)
    try:
        deadline = time.monotonic() + 10
        while path.stat().st_size <= size_before and time.monotonic() < deadline:
            stop.wait(0.02)  # waiting on the condition, polled; not a timing assumption
        assert path.stat().st_size > size_before, "the WAL was never copied into the database"
    finally:
        stop.set()
        writer.close()
