"""API keys: how a back office proves itself to the case API (``web/case_api.py``).

A key is 32 random bytes, shown once when it is made and never again; only its SHA-256 is
stored, so a copy of the database (a backup, a leaked dump) gives no key away. A request's key
is checked by looking its hash up: the database compares hashes, never the secret, so how long
the comparison takes tells an attacker nothing about any key (finding a key whose hash shares a
prefix with a stored one is as hard as SHA-256). Keys are named for the system that uses them;
a key's moves are logged as ``api:<name>``. Revoking keeps the row, so the name stays in the
case events it signed and cannot be reused for another system.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import ApiKeyRow
from counterdesk.queue.views import View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

KEY_BYTES = 32
PREFIX = "cdk_"  # lets secret scanners (and people) tell a leaked key for what it is
# token_urlsafe(32) is 43 characters; anything much longer is not a key and is not hashed.
MAX_KEY = 100
# A move is signed "api:<name>": a case event keeps who moved it in cases.BY_LENGTH, room for
# "api:" and the longest name (api_keys.name holds 40).
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


class ApiKeyRefused(QueueError):
    """A key cannot be made or revoked as asked (a name in use, one revoked already)."""


@dataclasses.dataclass(frozen=True)
class ApiKey(View):
    """A key as staff list it: never its secret nor its hash."""

    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @classmethod
    def of(cls, row: ApiKeyRow) -> ApiKey:
        return cls(row.name, row.created_at, row.revoked_at)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def signature(self) -> str:
        """Who a move made with this key is logged as."""
        return f"api:{self.name}"


@dataclasses.dataclass(frozen=True)
class NewKey:
    """A key just made: ``secret`` is shown to its maker once and kept nowhere."""

    key: ApiKey
    secret: str


def key_name(text: str) -> str:
    """A key's name: lower-case letters, digits, dots, dashes and underscores, 1 to 40."""
    name = (text or "").strip().lower()
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            f"the key name {name[:40]!r} must be 1 to 40 lower-case letters, digits, '.', '-' "
            "or '_', starting with a letter or digit"
        )
    return name


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKeys:
    """The office's API keys, over the engine's database and clock."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    def create(self, name: str) -> NewKey:
        """A new key named ``name``; its secret is in the answer and nowhere else."""
        name = key_name(name)
        secret = PREFIX + secrets.token_urlsafe(KEY_BYTES)
        with self.engine.db.write() as session:
            if session.scalar(select(ApiKeyRow.id).where(ApiKeyRow.name == name)) is not None:
                raise ApiKeyRefused(f"an API key named {name} exists already (revoked keys too)")
            row = ApiKeyRow(name=name, key_hash=digest(secret), created_at=self.engine.clock.now())
            session.add(row)
            session.flush()
            return NewKey(ApiKey.of(row), secret)

    def listed(self) -> list[ApiKey]:
        """Every key, revoked ones too, oldest first."""
        with self.engine.db.read() as session:
            return [ApiKey.of(row) for row in session.scalars(select(ApiKeyRow).order_by("id"))]

    def revoke(self, name: str) -> ApiKey:
        """Revoke key ``name`` for good: requests with it are refused from now on."""
        name = key_name(name)
        with self.engine.db.write() as session:
            row = self._row(session, name)
            if row.revoked_at is not None:
                raise ApiKeyRefused(f"the API key {name} was revoked already")
            row.revoked_at = self.engine.clock.now()
            return ApiKey.of(row)

    def check(self, secret: str) -> ApiKey | None:
        """The key whose secret is ``secret`` (revoked or not: the caller tells them apart), or
        None for any other text."""
        if not secret or len(secret) > MAX_KEY:
            return None
        with self.engine.db.read() as session:
            row = session.scalars(
                select(ApiKeyRow).where(ApiKeyRow.key_hash == digest(secret))
            ).one_or_none()
            return None if row is None else ApiKey.of(row)

    @staticmethod
    def _row(session: Session, name: str) -> ApiKeyRow:
        row = session.scalars(select(ApiKeyRow).where(ApiKeyRow.name == name)).one_or_none()
        if row is None:
            raise NotFound(f"no API key named {name}")
        return row
