"""Domain errors, each with a message written for the person who caused it, and the few words
any error is told by on a screen, in a log or by the status server.

SQLAlchemy's text for an error holds the SQL statement and its parameters, and those can be a
ticket's token or the contact details a citizen left for an answer: neither belongs on a
supervisor's screen or in a log file. So a database error is told by its driver's own first
line (``database is locked``, ``connection refused``) or, failing that, by its kind; a domain
error keeps its message, which was written for the person reading it. This lives here, beside
the domain errors and below every layer, so windows, logs and the web share one redaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

LIMIT = 160  # characters of a driver's message: a cause, not a report


class CounterdeskError(Exception):
    """Base of every error counterdesk reports to a user instead of a traceback.

    ``code`` and ``params``, when given (``refusal_words.refusal``), say which refusal it is
    and with what values, so a Chinese-first window can word it in Chinese too."""

    def __init__(
        self, *args: object, code: str | None = None, params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(*args)
        self.code = code
        self.params = params or {}


class OfficeFileError(CounterdeskError):
    """The office file is unreadable or invalid; the message lists every problem found."""

    def __init__(self, message: str, problems: list[Any] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class QueueError(CounterdeskError):
    """An operation the queue cannot do in its current state (e.g. finishing an uncalled ticket)."""


class NotFound(QueueError):
    """An unknown service, counter, staff member or ticket."""


def unknown_service(code: str, known: Iterable[str]) -> NotFound:
    """The one wording of an unknown service, found by the office file or by the database."""
    return NotFound(f"unknown service {code!r} (known: {', '.join(known)})")


class TicketRefused(QueueError):
    """No ticket can be issued now: outside hours, or the service's daily cap is reached."""


class DatabaseError(CounterdeskError):
    """The database cannot be used: unreachable, on a network share, or newer than this program."""


class DatabaseUnreachable(DatabaseError):
    """The database is not there now (server down, file or disk missing, file replaced) but
    may come: a window waits and retries, where a wrong address or schema fails at once."""


class InvalidInput(CounterdeskError, ValueError):
    """A value a person typed is not acceptable (empty, too long, out of range)."""


def error_text(error: BaseException) -> str:
    """A short cause of ``error`` to show or log, never a statement or its parameters."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        # The driver's message; PostgreSQL's DETAIL lines below it can quote the row's values.
        lines = str(error.orig).strip().splitlines()
        return lines[0][:LIMIT] if lines else type(error.orig).__name__
    if isinstance(error, SQLAlchemyError):
        return type(error).__name__
    return str(error)


def from_database(error: BaseException) -> bool:
    """Whether ``error`` is, or was raised while handling, a database error: its traceback
    would then print the statement and its parameters."""
    chain: list[BaseException] = []
    seen: BaseException | None = error
    while seen is not None and seen not in chain:  # a chain can loop back on itself
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return any(isinstance(link, SQLAlchemyError) for link in chain)
