"""The demo sends the outbox into files while it runs, and stops its notifier when it closes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from counterdesk.demo.notifications import DEMO_WATCHER, demo_notifier, watch_a_demo_ticket
from counterdesk.queue import TicketEngine
from tests.notify.sending import enqueue, statuses, wait_until


def test_the_demo_writes_messages_to_files_and_stops_its_notifier(
    engine: TicketEngine, tmp_path: Path
) -> None:
    enqueue(engine, "sms-1")
    enqueue(engine, "mail-1", to="demo@example.com")
    with demo_notifier(engine, tmp_path, run=True, poll_seconds=0.05):
        wait_until(lambda: set(statuses(engine).values()) == {"sent"}, "the demo's notifier")
    assert not any(t.name == "counterdesk-notify" for t in threading.enumerate())
    [sms] = (tmp_path / "demo-sms.jsonl").read_text("utf-8").splitlines()
    [mail] = (tmp_path / "demo-email.jsonl").read_text("utf-8").splitlines()
    assert (json.loads(sms)["key"], json.loads(mail)["to"]) == ("sms-1", "demo@example.com")


def test_a_snapshot_runs_no_notifier(engine: TicketEngine, tmp_path: Path) -> None:
    enqueue(engine, "sms-1")
    with demo_notifier(engine, tmp_path, run=False):
        assert not any(t.name == "counterdesk-notify" for t in threading.enumerate())
    assert statuses(engine) == {"sms-1": "pending"}


def test_the_demo_watches_a_ticket_whose_notices_reach_its_file(
    engine: TicketEngine, tmp_path: Path
) -> None:
    """A contact left on a ticket with nobody ahead: told at once, and where to go when called."""
    watched = watch_a_demo_ticket(engine)
    engine.sign_in(1, "wang")
    called = engine.call_next(1)
    assert called is not None and called.id == watched.id
    with demo_notifier(engine, tmp_path, run=True, poll_seconds=0.05):
        wait_until(lambda: set(statuses(engine).values()) == {"sent"}, "the demo's notifier")
    sent = [json.loads(line) for line in (tmp_path / "demo-email.jsonl").read_text().splitlines()]
    keys = [f"ticket:{watched.id}:ahead", f"ticket:{watched.id}:called:1"]
    assert [m["key"] for m in sent] == keys
    assert {m["to"] for m in sent} == {DEMO_WATCHER}
    assert watched.number in sent[0]["text"] and "counter 1" in sent[1]["text"]
