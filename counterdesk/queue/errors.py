"""Domain errors: each carries a message written for the person who caused it."""

from __future__ import annotations

from typing import Any


class CounterdeskError(Exception):
    """Base of every error counterdesk reports to a user instead of a traceback."""


class OfficeFileError(CounterdeskError):
    """The office file is unreadable or invalid; the message lists every problem found."""

    def __init__(self, message: str, problems: list[Any] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class QueueError(CounterdeskError):
    """An operation the queue cannot do in its current state (e.g. finishing an uncalled ticket)."""


class NotFound(QueueError):
    """An unknown service, counter, staff member or ticket."""


class TicketRefused(QueueError):
    """No ticket can be issued now: outside hours, or the service's daily cap is reached."""


class DatabaseError(CounterdeskError):
    """The database cannot be used: unreachable, on a network share, or newer than this program."""


class InvalidInput(CounterdeskError, ValueError):
    """A value a person typed is not acceptable (empty, too long, out of range)."""
