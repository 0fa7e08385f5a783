"""Shared fixtures: a real SQLite file per test, a real PostgreSQL server per session, a clock."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counterdesk.queue import Database, ManualClock, TicketEngine, load_office
from counterdesk.queue.office import SAMPLE_OFFICE, Office
from tests.pg_server import fresh_database, running_postgres

TAIPEI = dt.timezone(dt.timedelta(hours=8))
# Friday 27 November 2026, 09:00 in Taipei: the office is open.
OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)
_database_names = itertools.count(1)


@pytest.fixture(scope="session")
def sample_office() -> Office:
    return load_office(SAMPLE_OFFICE)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(OPENING)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database file, copied per test: migrating each time is slow."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, _template_db: Path) -> str:
    path = tmp_path / "office.sqlite3"
    shutil.copy(_template_db, path)
    return f"sqlite:///{path}"


@pytest.fixture
def engine(sqlite_url: str, clock: ManualClock, sample_office: Office) -> Iterator[TicketEngine]:
    """The sample office on a fresh SQLite file, with the clock at 09:00 on a Friday."""
    queue = TicketEngine(Database(sqlite_url), clock)
    queue.load_office(sample_office)
    yield queue
    queue.db.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with running_postgres(skip_if_missing=True) as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return fresh_database(pg_server, f"t{next(_database_names)}")


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Translators are global to the application: a test (or a window command it runs) that
    installs Chinese must not leave it to the next test, which may assert English texts."""
    yield
    translation = sys.modules.get("counterdesk.ui.translation")
    if translation is not None and translation.current() != "en":
        translation.install("en")
