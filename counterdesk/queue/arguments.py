"""Numbers and codes a caller hands the engine or the read side, checked before any SQL.

PostgreSQL refuses an integer past its column's range, a NUL in a text or a negative LIMIT
with an error (a traceback, and a write left half done), while SQLite compares or stores
anything. Checking every such argument here, against its column and a sane range, makes both
back ends refuse the same things, with a message naming the value, whoever called: the
command line, a window or the status server.
"""

from __future__ import annotations

from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.typed_text import clean_text

COUNTER_NUMBERS = (1, 999)  # the office file's range; an unknown one in it is NotFound
EVENT_IDS = (0, 2**63 - 1)  # ids: BIGINT on PostgreSQL, INTEGER (64 bits) on SQLite
EVENT_LIMITS = (1, 100_000)  # events one read may return
CODE_LENGTH = 32  # services.code, staff.code
NUMBER_LENGTH = 8  # tickets.number, e.g. A012
TOKEN_LENGTH = 32  # tickets.token, the status page's key
REFERENCE_LENGTH = 24  # opinions.reference, e.g. OP-20261127-0007


def whole_number(value: object, what: str, bounds: tuple[int, int]) -> int:
    """``value`` if it is a whole number within ``bounds``, else InvalidInput naming it."""
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise InvalidInput(f"{what} {value} is out of range ({low} to {high:,})")
    return value


def counter_number(value: object) -> int:
    return whole_number(value, "counter", COUNTER_NUMBERS)


def possible_token(token: str) -> str | None:
    """``token`` if a ticket could have it, else None: a status page or rating asked with a
    text no token can be (NUL, too long) finds no ticket, like any unknown token."""
    try:
        return typed_code(token, "the token", TOKEN_LENGTH)
    except InvalidInput:
        return None


def typed_code(value: str, what: str, length: int = CODE_LENGTH) -> str:
    """A code or number typed by someone (service, staff member, ticket), trimmed: no control
    character (PostgreSQL refuses NUL) and no longer than its column."""
    return clean_text(value, what, length, required=True)
