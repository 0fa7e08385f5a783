"""Shared fixtures: a real SQLite file per test, a real PostgreSQL server per session, a clock,
the command line as a real process, a speaker that records, and the staff language reset."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import event

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counterdesk.devices.speech_protocol import Utterance
from counterdesk.queue import Database, ManualClock, TicketEngine, load_office
from counterdesk.queue.database import alembic_config
from counterdesk.queue.office import SAMPLE_OFFICE, Office
from tests.pg_server import fresh_database, running_postgres

ROOT = Path(__file__).resolve().parents[1]
# The ``run`` fixture: ``main.py ARGS...`` as a real process.
Run = Callable[..., subprocess.CompletedProcess[str]]

TAIPEI = dt.timezone(dt.timedelta(hours=8))
# Friday 27 November 2026, 09:00 in Taipei: the office is open.
OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)
_database_names = itertools.count(1)


def schema_head() -> str:
    """The newest schema revision this program has, the one `db upgrade` leaves: read from
    the migration scripts, so a new migration does not break the tests that name it."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@pytest.fixture(scope="session")
def sample_office() -> Office:
    return load_office(SAMPLE_OFFICE)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(OPENING)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database file, copied per test: migrating each time is slow. Made
    explicitly (``create=True``), as `counterdesk db upgrade` makes one: nothing else does."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database(f"sqlite:///{path}", create=True).dispose()
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


@pytest.fixture
def statements(engine: TicketEngine) -> Iterator[list[str]]:
    """Every SQL statement sent to the ``engine`` fixture's database while the test runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine.db.engine, "before_cursor_execute", record)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test on the real PostgreSQL server is slow: the server starts once, but every test
    creates and migrates a database of its own."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with running_postgres(skip_if_missing=True) as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh database on the session's PostgreSQL server, its schema made explicitly."""
    url = fresh_database(pg_server, f"t{next(_database_names)}")
    Database(url, create=True).dispose()
    return url


@pytest.fixture
def run(tmp_path: Path, _template_db: Path) -> Run:
    """``main.py ARGS...`` as a real process on a fresh database file, without settings."""
    shutil.copy(_template_db, tmp_path / "cli.sqlite3")
    env = {**os.environ, "COUNTERDESK_DB": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    env.pop("COUNTERDESK_OFFICE", None)
    env["COUNTERDESK_CONFIG"] = str(tmp_path / "no-settings.toml")

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """``stdin`` is what the command reads (no terminal then); None inherits the test's."""
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )

    return run


class RecordingSpeaker:
    """The one speaker double: keeps every announcement it was asked to make, in order."""

    def __init__(self) -> None:
        self.announcements: list[tuple[list[Utterance], bool]] = []  # (utterances, chime)

    def say(self, utterances: Sequence[Utterance], *, chime: bool = False) -> None:
        self.announcements.append((list(utterances), chime))

    @property
    def texts(self) -> list[list[str]]:
        """Each announcement's words, without languages or chimes."""
        return [[u.text for u in utterances] for utterances, _ in self.announcements]


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Translators are global to the application: a test (or a window command it runs) that
    installs Chinese must not leave it to the next test, which may assert English texts."""
    yield
    translation = sys.modules.get("counterdesk.ui.translation")
    if translation is not None and translation.current() != "en":
        translation.install("en")
