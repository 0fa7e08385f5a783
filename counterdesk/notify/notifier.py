"""The notifier: claims due messages from the outbox one at a time and sends each through its
channel, outside quiet hours, within each channel's rate.

One message at a time: a message is claimed (``sending``, committed) only just before it is
sent, so a notifier killed mid-send leaves one message in doubt, not a batch. How that keeps
one notification from going out twice is in ``queue/outbox.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections import Counter
from collections.abc import Mapping

from counterdesk.notify.channels import NotDelivered
from counterdesk.notify.config import Policy, Route
from counterdesk.notify.opt_out_notes import dressed
from counterdesk.queue import outbox
from counterdesk.queue.clock import Clock
from counterdesk.queue.database import Database
from counterdesk.queue.errors import DatabaseUnreachable, error_text
from counterdesk.queue.opt_out_links import OptOutLinks

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Notifier:
    db: Database
    clock: Clock
    zone: dt.tzinfo
    routes: Mapping[str, Route]
    policy: Policy = dataclasses.field(default_factory=Policy)
    links: OptOutLinks | None = None  # every e-mail's opt-out link (``opt_out_notes.py``)

    def run_once(self) -> Counter[str]:
        """One pass: settle the messages of stopped notifiers, blank old recipients, then
        send every message now due (unless it is quiet hours). Counts what happened."""
        done: Counter[str] = Counter()
        now = self.clock.now()
        with self.db.write() as session:
            done["uncertain"] += outbox.expire_leases(session, now, self.policy.lease)
            outbox.purge_recipients(session, now, self.policy.keep_recipients)
        if self.policy.quiet(now.astimezone(self.zone).time()):
            return +done  # without the kinds counted zero
        for name, route in self.routes.items():
            while (message := self._claim(name, route)) is not None:
                done[self._send(route, message)] += 1
        return +done

    def run(self, stop: threading.Event) -> None:
        """Pass after pass until ``stop`` is set; a database out of reach is waited for."""
        while not stop.is_set():
            try:
                done = self.run_once()
            except DatabaseUnreachable as exc:
                log.warning("notify: the database is out of reach: %s", error_text(exc))
            else:
                if done:
                    log.info("notify: %s", dict(done))
            stop.wait(self.policy.poll_seconds)

    def _claim(self, name: str, route: Route) -> outbox.Message | None:
        with self.db.write() as session:
            return outbox.claim_next(session, name, self.clock.now(), route.per_minute)

    def _send(self, route: Route, message: outbox.Message) -> str:
        """Send one claimed message and record how it went: sent, retry, dead or uncertain."""
        try:
            route.channel.send(dressed(message, self.links))
        except NotDelivered as exc:
            now = self.clock.now()
            last = exc.permanent or message.attempts >= self.policy.max_attempts
            retry_at = None if last else now + self.policy.retry_delay(message.attempts)
            with self.db.write() as session:
                failed = outbox.mark_failed(session, message.id, now, str(exc), retry_at=retry_at)
            outcome = "dead" if retry_at is None else "retry"
        except Exception as exc:  # it may have left: never tried again by itself
            with self.db.write() as session:
                failed = outbox.mark_failed(
                    session,
                    message.id,
                    self.clock.now(),
                    f"{type(exc).__name__}: {exc}",
                    retry_at=None,
                    uncertain=True,
                )
            outcome = "uncertain"
        else:
            with self.db.write() as session:
                outbox.mark_sent(session, message.id, self.clock.now())
            log.info("notify: message %d sent by %s", message.id, message.channel)
            return "sent"
        log.warning("notify: message %d %s: %s", message.id, outcome, failed.last_error)
        return outcome
