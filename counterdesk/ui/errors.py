"""What a window shows, and logs, about a failure: the cause in a few words.

SQLAlchemy's text for an error holds the SQL statement and its parameters, and those can be a
ticket's token or the contact details a citizen left for an answer: neither belongs on a
supervisor's screen or in a log file. So a database error is told by its driver's own first
line (``database is locked``, ``connection refused``) or, failing that, by its kind; a domain
error keeps its message, which was written for the person reading it.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

LIMIT = 160  # characters: a cause, not a report


def error_text(error: BaseException) -> str:
    """A short cause of ``error`` to show or log, never a statement or its parameters."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        # The driver's message; PostgreSQL's DETAIL lines below it can quote the row's values.
        lines = str(error.orig).strip().splitlines()
        return lines[0][:LIMIT] if lines else type(error.orig).__name__
    if isinstance(error, SQLAlchemyError):
        return type(error).__name__
    return str(error)
