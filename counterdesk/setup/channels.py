"""The notifier's ``[notify]`` table as a set-up writes it, from the few answers it asks: an
e-mail server (SMTP), or a file for trials, and the key of the opt-out links. The same for
the flags and the wizard; whether it is right is the notifier's own reader's say
(``notify.config``), never decided here."""

from __future__ import annotations

import secrets
from typing import Any

from counterdesk.queue.outbox import CHANNELS, EMAIL


def smtp_table(
    host: str,
    port: int,
    security: str,
    sender: str,
    username: str = "",
    password: str = "",
) -> dict[str, Any]:
    """E-mail through an SMTP server; the login only when a username is given. A blank
    answer is left out, so the notifier's reader names it as missing."""
    login = {"username": username.strip(), "password": password} if username.strip() else {}
    email = {"via": "smtp", "host": host.strip(), "port": port, "security": security}
    email |= {"sender": sender.strip(), **login}
    return {EMAIL: {key: value for key, value in email.items() if value != ""}}


def file_table(path: str) -> dict[str, Any]:
    """Every channel's messages appended to one file, as JSON lines: for trying the office."""
    return {channel: {"via": f"file:{path.strip()}"} for channel in CHANNELS}


def new_link_secret() -> str:
    """A fresh key for the opt-out links of the notifier's e-mails (43 characters)."""
    return secrets.token_urlsafe(32)


def with_link_secret(table: dict[str, Any], key: str) -> dict[str, Any]:
    """``table`` with the opt-out links' key, when one is given."""
    return {**table, "link_secret": key.strip()} if key.strip() else table
