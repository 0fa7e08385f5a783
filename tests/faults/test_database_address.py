"""A wrong PostgreSQL address fails at once with what to fix; only a server that does not
answer (down, refusing, timing out) is waited for. Windows retry a DatabaseUnreachable for
ever, so a refused login or a misspelt database name must not be one."""

from __future__ import annotations

import socket
import threading
import time

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from counterdesk.queue import Database
from counterdesk.queue.database import CONNECT_TIMEOUT, connect_args, opening_failed
from counterdesk.queue.errors import DatabaseError, DatabaseUnreachable

pytestmark = pytest.mark.postgres


def refusal(url: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as refused:
        Database(url).dispose()
    return refused.value


def test_an_unknown_database_is_not_waited_for(pg_url: str) -> None:
    wrong = make_url(pg_url).set(database="countredesk").render_as_string(hide_password=False)
    error = refusal(wrong)
    assert not isinstance(error, DatabaseUnreachable)
    assert str(error).startswith("no database countredesk on the server 127.0.0.1: check")


def test_a_login_the_server_refuses_is_not_waited_for(pg_url: str) -> None:
    parsed = make_url(pg_url)
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database
    ) as conn:
        conn.execute("CREATE ROLE retired NOLOGIN")  # the server answers 28000
    for user in ("retired", "nobody"):
        error = refusal(parsed.set(username=user).render_as_string(hide_password=False))
        assert not isinstance(error, DatabaseUnreachable)
        assert str(error).startswith(f"the login {user} was refused by the database")


def test_a_wrong_password_is_a_refused_login() -> None:
    """The test server trusts every login, so the password case is shown on the error the
    driver raises for it (SQLSTATE 28P01)."""
    engine = create_engine("postgresql+psycopg://wang:wrong@db-server/counterdesk")
    orig = psycopg.errors.InvalidPassword('password authentication failed for user "wang"')
    error = opening_failed(engine, OperationalError("connect", {}, orig))
    assert type(error) is DatabaseError
    assert str(error) == (
        "the login wang was refused by the database "
        "postgresql+psycopg://wang:***@db-server/counterdesk: check the user name and password "
        'in the settings (password authentication failed for user "wang")'
    )
    down = psycopg.OperationalError("connection refused")
    assert type(opening_failed(engine, OperationalError("connect", {}, down))) is (
        DatabaseUnreachable
    )


@pytest.mark.slow  # waits the connection timeout out
def test_a_server_that_never_answers_is_given_up_on_after_the_timeout() -> None:
    """A listening port that never answers (a hung server, a firewall that drops packets):
    without a timeout libpq waits for ever, and a window's retry with it."""
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        outcome: list[BaseException] = []

        def connect() -> None:
            try:
                Database(f"postgresql+psycopg://wang@127.0.0.1:{port}/counterdesk").dispose()
            except BaseException as exc:  # whatever it is, the test reports it
                outcome.append(exc)

        started = time.monotonic()
        attempt = threading.Thread(target=connect, daemon=True)
        attempt.start()
        attempt.join(CONNECT_TIMEOUT * 6)
        assert not attempt.is_alive(), "still connecting"
    assert time.monotonic() - started >= CONNECT_TIMEOUT
    assert len(outcome) == 1 and isinstance(outcome[0], DatabaseUnreachable)
    assert "timeout" in str(outcome[0])


def test_an_address_that_gives_its_own_timeout_keeps_it() -> None:
    own = make_url("postgresql+psycopg://wang@db-server/counterdesk?connect_timeout=30")
    assert "connect_timeout" not in connect_args(own)  # the address's 30 s stands
    assert connect_args(own.set(query={}))["connect_timeout"] == CONNECT_TIMEOUT


def test_a_server_that_hangs_up_is_connected_to_once_per_opening() -> None:
    """Opening reads the schema version first, without alembic: a connection that fails
    there is the answer, not a reason to connect again (against a hung server that doubled
    the wait, and a refused login was logged twice)."""
    with socket.create_server(("127.0.0.1", 0)) as hanging_up:
        hanging_up.settimeout(0.05)
        port = hanging_up.getsockname()[1]
        accepted, done = [0], threading.Event()

        def serve() -> None:
            while not done.is_set():
                try:
                    client, _ = hanging_up.accept()
                except TimeoutError:
                    continue
                accepted[0] += 1  # counted before the close the client then sees
                client.close()

        server = threading.Thread(target=serve)
        server.start()
        try:
            with pytest.raises(psycopg.OperationalError):
                psycopg.connect(host="127.0.0.1", port=port, user="wang", dbname="counterdesk")
            one_connection = accepted[0]
            with pytest.raises(DatabaseUnreachable):
                Database(f"postgresql+psycopg://wang@127.0.0.1:{port}/counterdesk")
        finally:
            done.set()
            server.join()
    assert one_connection >= 1
    assert accepted[0] == 2 * one_connection
