"""``counterdesk api-keys add NAME | list | revoke NAME``: the keys back offices use for the
case API (``/api/v1/cases``). A new key is printed once and kept nowhere but in the answer:
store it in the back office's secret store at once."""

from __future__ import annotations

import argparse
from typing import Any

from counterdesk.command_line import CommandFactory, Reply, engine_for
from counterdesk.queue.api_keys import ApiKey, ApiKeys


def register(command: CommandFactory) -> None:
    keys = command.group("api-keys", "keys for the case API of back offices")
    add = keys("add", _add, "make a key (printed once: keep it in the back office's secrets)")
    add.add_argument("name", help="what uses it, e.g. back-office (its moves are api:NAME)")
    keys("list", _list, "every key, revoked ones too (never the keys themselves)")
    revoke = keys("revoke", _revoke, "refuse a key from now on, for good")
    revoke.add_argument("name")


def _keys(args: argparse.Namespace) -> ApiKeys:
    return ApiKeys(engine_for(args))


def _line(key: ApiKey) -> str:
    state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}Z" if key.revoked_at else "active"
    return f"{key.name:<40} made {key.created_at:%Y-%m-%d %H:%M}Z  {state}"


def _add(args: argparse.Namespace) -> dict[str, Any]:
    made = _keys(args).create(args.name)
    return {
        **made.key.to_json(),
        "key": made.secret,
        "text": f"API key {made.key.name} (shown once, keep it secret):\n{made.secret}",
    }


def _list(args: argparse.Namespace) -> Reply:
    keys = _keys(args).listed()
    return Reply([key.to_json() for key in keys], "\n".join(map(_line, keys)) or "no API keys")


def _revoke(args: argparse.Namespace) -> dict[str, Any]:
    key = _keys(args).revoke(args.name)
    return {**key.to_json(), "text": f"API key {key.name} revoked: requests with it are refused"}
