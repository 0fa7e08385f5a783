"""What the roles' logs keep of a failure."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import OperationalError

from counterdesk.logs import log_failure

TOKEN = "Zq8b-secret-token"
STATEMENT_ERROR = OperationalError(
    "SELECT id FROM tickets WHERE token = ?", (TOKEN,), Exception("database is locked")
)


def test_a_database_error_is_logged_by_its_cause_without_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert TOKEN in str(STATEMENT_ERROR)  # what must not reach the log
    log = logging.getLogger("counterdesk.test")
    with caplog.at_level(logging.ERROR, logger="counterdesk.test"):
        log_failure(log, STATEMENT_ERROR, "reading %s failed", "the queue")
    assert caplog.messages == ["reading the queue failed: database is locked"]
    assert caplog.records[0].exc_info is None and TOKEN not in caplog.text


def test_any_other_error_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("counterdesk.test")
    try:
        raise KeyError("precheck")
    except KeyError as error:
        with caplog.at_level(logging.ERROR, logger="counterdesk.test"):
            log_failure(log, error, "no such service")
    assert caplog.messages == ["no such service"]
    assert "Traceback" in caplog.text and "KeyError: 'precheck'" in caplog.text
