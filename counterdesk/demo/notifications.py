"""The demo's notifier: sends the outbox's messages while the demo runs, into files in the
demo's data folder (``demo-sms.jsonl``, ``demo-email.jsonl``), never to a real phone or
mailbox, whatever the settings say: the demo's contacts are made up. No quiet hours: the
demo runs at any hour, as its office does."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from counterdesk.notify.channels import FileChannel
from counterdesk.notify.config import Policy, Route
from counterdesk.notify.notifier import Notifier
from counterdesk.queue import TicketEngine
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.queue.outbox import CHANNELS
from counterdesk.queue.ticket_watch import TicketWatch
from counterdesk.queue.views import Ticket

PER_MINUTE = 60
# Made up, on a domain reserved for examples: what a citizen might leave on a status page.
DEMO_WATCHER = "demo@example.com"
WATCHED_SERVICE = "precheck"


def watch_a_demo_ticket(engine: TicketEngine) -> Ticket:
    """A waiting ticket with a contact left on its status page, as a citizen leaves one: its
    "turn is near" notice goes out as the counters call (at once if few are ahead), and its
    "please go to counter K" when it is called, into the demo's e-mail file."""
    ticket = engine.issue(WATCHED_SERVICE)
    TicketWatch(engine).leave(ticket.token, DEMO_WATCHER)
    return ticket


@contextlib.contextmanager
def demo_notifier(
    engine: TicketEngine,
    folder: Path,
    links: OptOutLinks | None = None,
    *,
    run: bool,
    poll_seconds: float = 1.0,
) -> Iterator[None]:
    """Run a notifier on a background thread while the block runs (if ``run``)."""
    if not run:
        yield
        return
    routes = {
        name: Route(FileChannel(folder / f"demo-{name}.jsonl"), PER_MINUTE) for name in CHANNELS
    }
    policy = Policy(quiet_hours=None, poll_seconds=poll_seconds)
    notifier = Notifier(engine.db, engine.clock, engine.office.zone, routes, policy, links)
    stop = threading.Event()
    thread = threading.Thread(target=notifier.run, args=(stop,), name="counterdesk-notify")
    thread.start()
    print(f"SMS and e-mail to citizens are written to {folder}/demo-sms.jsonl and demo-email.jsonl")
    try:
        yield
    finally:
        stop.set()
        thread.join()
