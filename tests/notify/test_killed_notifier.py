"""Kill the notifier mid-send (SIGKILL, a real process) and start another: the message in
flight reached the SMTP server at most once and is listed as uncertain; the others went out
exactly once each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from counterdesk.queue import TicketEngine
from tests.conftest import ROOT
from tests.notify.sending import BACKENDS, HANG_GUARD, enqueue, on_backend, statuses, wait_until
from tests.notify.standins import HOST, Hold, smtp_server

KEYS = ("first", "held", "last")


def command(settings: Path, *args: str) -> list[str]:
    """``counterdesk --config SETTINGS ARGS`` as a process runs it."""
    return [sys.executable, str(ROOT / "main.py"), "--config", str(settings), *args]


def own_settings() -> dict[str, str]:
    """The environment without the COUNTERDESK_ variables: only the settings file counts."""
    return {k: v for k, v in os.environ.items() if not k.startswith("COUNTERDESK_")}


def notifier_process(tmp_path: Path, settings: Path, name: str) -> subprocess.Popen[bytes]:
    with (tmp_path / f"{name}.log").open("wb") as log:  # the process keeps its own copy
        return subprocess.Popen(
            command(settings, "notify"),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=own_settings(),
            cwd=tmp_path,
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_notifier_killed_mid_send_never_sends_twice(
    backend: str, engine: TicketEngine, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    engine = on_backend(backend, engine, request)
    url = engine.db.engine.url.render_as_string(hide_password=False)
    if backend == "sqlite":
        url = request.getfixturevalue("sqlite_url")  # the engine's own is a file: URI
    for key in KEYS:
        enqueue(engine, key, to="citizen@example.com.tw", body=f"message {key}")
    hold = Hold("message held")
    with smtp_server(hold=hold) as (port, mailbox):
        settings = tmp_path / "settings.toml"
        settings.write_text(
            f'db = "{url}"\n'
            '[notify]\nquiet_hours = ""\nlease_seconds = 1\npoll_seconds = 0.1\n'
            'link_secret = "a-test-key-for-the-opt-out-links-0123456789"\n'
            f'[notify.email]\nhost = "{HOST}"\nport = {port}\nsecurity = "none"\n'
            'sender = "counter@example.gov.tw"\n',
            encoding="utf-8",
        )
        first = notifier_process(tmp_path, settings, "first")
        try:
            assert hold.arrived.wait(HANG_GUARD), "the held message never reached the server"
        finally:
            first.kill()
            first.wait(HANG_GUARD)
        assert statuses(engine) == {"first": "sent", "held": "sending", "last": "pending"}
        hold.release.set()  # a second delivery would now go through, and be counted

        second = notifier_process(tmp_path, settings, "second")
        try:
            wait_until(
                lambda: statuses(engine) == {"first": "sent", "held": "uncertain", "last": "sent"},
                "the second notifier to settle the outbox",
            )
        finally:
            second.terminate()
            second.wait(HANG_GUARD)
        # each message's first line: its opt-out link follows
        received = Counter(m.text.split("\n")[0].removeprefix("message ") for m in mailbox.received)
    assert received == {"first": 1, "held": 1, "last": 1}
    assert second.returncode == 0  # SIGTERM stops it cleanly

    listed = subprocess.run(
        command(settings, "notify", "dead", "--json"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=HANG_GUARD,
        env=own_settings(),
    )
    [dead] = json.loads(listed.stdout)
    assert (dead["key"], dead["status"], dead["recipient"]) == (
        "held",
        "uncertain",
        "c***@example.com.tw",
    )
    assert "citizen" not in listed.stdout
