"""``counterdesk notify``: the notifier role (a loop, or ``--once`` for one pass), and the dead
letters staff look after: ``notify dead`` lists the dead and uncertain messages (recipients
masked), ``notify resend ID`` puts one back in line once staff have checked it did not arrive;
``notify opt-out CONTACT`` records a citizen's wish to get nothing more.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import Any

from counterdesk.command_line import CommandFactory, Reply, engine_for
from counterdesk.queue import outbox
from counterdesk.queue.contacts import masked
from counterdesk.queue.errors import CounterdeskError, InvalidInput

NO_LINK_SECRET = (
    "settings [notify]: link_secret is missing: every e-mail carries an opt-out link signed "
    "with it (the status server checks it, and needs the same one); set it to a random text, "
    'e.g. from: python -c "import secrets; print(secrets.token_urlsafe(32))"'
)


def register(command: CommandFactory) -> None:
    notify = command(
        "notify",
        _notify,
        "send the outbox's SMS and e-mail (settings [notify]); dead letters and resending",
    )
    notify.add_argument("--once", action="store_true", help="one pass, then exit")
    actions = CommandFactory(
        notify.add_subparsers(dest="notify_command", metavar="ACTION", required=False)
    )
    actions("dead", _dead, "the dead and uncertain messages, recipients masked")
    resend = actions("resend", _resend, "send a dead or uncertain message again")
    resend.add_argument("id", type=_message_id, help="the message's number (notify dead)")
    stop = actions("opt-out", _opt_out, "send nothing more to a mobile or e-mail (a citizen asked)")
    stop.add_argument("contact", help="the mobile number or e-mail address")


def _message_id(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a message number (see notify dead)")
    return int(text)


def _notify(args: argparse.Namespace) -> Any:
    from counterdesk.logs import setup_logging
    from counterdesk.notify.config import notify_config
    from counterdesk.notify.notifier import Notifier
    from counterdesk.queue.opt_out_links import OptOutLinks
    from counterdesk.settings import link_secret, load_settings

    settings = load_settings(args.db, args.office, args.config)
    policy, routes = notify_config(settings.notify)
    secret = link_secret(settings.notify)
    if outbox.EMAIL in routes and secret is None:
        raise CounterdeskError(NO_LINK_SECRET)
    engine = engine_for(args)
    links = None if secret is None else OptOutLinks(engine.office, secret)
    notifier = Notifier(engine.db, engine.clock, engine.office.zone, routes, policy, links)
    if args.once:
        done = notifier.run_once()
        said = ", ".join(f"{count} {what}" for what, count in sorted(done.items()))
        return {**done, "text": f"notify: {said or 'nothing to send'}"}
    setup_logging("notify")
    stop = threading.Event()

    def _stop(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    for stopping in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stopping, _stop)
    configured = ", ".join(routes) or "none (messages wait)"
    print(f"counterdesk notify: sending; channels: {configured} (Ctrl-C stops)", flush=True)
    notifier.run(stop)
    return {"text": "counterdesk notify: stopped"}


def _dead(args: argparse.Namespace) -> Reply:
    engine = engine_for(args)
    with engine.db.read() as session:
        found = outbox.problems(session)
    listed = [_shown(message) for message in found]
    if not found:
        return Reply(listed, "no dead or uncertain messages")
    zone = engine.office.zone
    lines = ["id     status     channel  to                 tries  last try     why"]
    lines += [
        f"{m.id:<6} {m.status:<10} {m.channel:<8} {m.shown_recipient:<18} {m.attempts:<6} "
        f"{m.next_attempt_at.astimezone(zone):%m-%d %H:%M}  {m.last_error or ''}"
        for m in found
    ]
    return Reply(listed, "\n".join(lines))


def _resend(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    if args.id <= 0:
        raise InvalidInput("a message number is 1 or more (see notify dead)")
    with engine.db.write() as session:
        message = outbox.resend(session, args.id, engine.clock.now())
    return {**_shown(message), "text": f"message {message.id} is in line to be sent again"}


def _opt_out(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    with engine.db.write() as session:
        contact = outbox.opt_out(session, args.contact, engine.clock.now())
    shown = masked(contact)
    return {"contact": shown, "text": f"{shown} will get no more messages"}


def _shown(message: outbox.Message) -> dict[str, Any]:
    """A message as staff may see it: the recipient masked, the text left out."""
    shown = {k: v for k, v in message.to_json().items() if k not in ("recipient", "body")}
    return {**shown, "recipient": message.shown_recipient}
