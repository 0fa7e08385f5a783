"""``counterdesk web``: the ticket status server the tickets' QR codes point at."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import math
import signal
import socket
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from counterdesk.command_line import CommandFactory, engine_for
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import link_secret, load_settings, proxy_address
from counterdesk.web import DEFAULT_REFRESH
from counterdesk.web.limits import Limits

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8080
MAX_REFRESH = 300
DEFAULTS = Limits()
MAX_RATE = 1000.0  # requests per second from one address: beyond, the limit means nothing
MAX_BURST = 10_000


def register(command: CommandFactory) -> None:
    web = command(
        "web", _web, "the ticket status pages for citizens' phones (the tickets' QR codes)"
    )
    web.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    web.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    web.add_argument(
        "--refresh",
        type=_whole("seconds", MAX_REFRESH),
        default=DEFAULT_REFRESH,
        metavar="SECONDS",
        help=f"how often an open page checks for changes (default {DEFAULT_REFRESH})",
    )
    # Phones behind one NAT or proxy share an address, and so these limits.
    web.add_argument(
        "--per-client-rate",
        type=_rate,
        default=DEFAULTS.per_second,
        metavar="N",
        help=f"requests per second one client address may make (default {DEFAULTS.per_second:g})",
    )
    web.add_argument(
        "--burst",
        type=_whole("requests", MAX_BURST),
        default=DEFAULTS.burst,
        metavar="N",
        help=f"requests one client address may make at once (default {DEFAULTS.burst})",
    )
    web.add_argument(
        "--per-client-connections",
        type=_whole("connections", DEFAULTS.max_connections),
        default=DEFAULTS.max_per_client,
        metavar="N",
        help="connections one client address may have open at once "
        f"(default {DEFAULTS.max_per_client})",
    )
    web.add_argument(
        "--trusted-proxy",
        type=_proxy,
        metavar="ADDRESS",
        help="the IP address of the reverse proxy in front (HTTPS): only its X-Forwarded-For "
        "is believed, and the limits then count each forwarded client (settings file key "
        "trusted_proxy; default none: X-Forwarded-For is ignored)",
    )


def _port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: use a number from 0 to 65535")
    return int(text)


def _proxy(text: str) -> str:
    try:
        return proxy_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _rate(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        rate = math.nan
    if not 0 < rate <= MAX_RATE:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"{text!r}: use a number of requests per second above 0, at most {MAX_RATE:g}"
        )
    return rate


def _whole(what: str, most: int) -> Callable[[str], int]:
    """An argument type for a whole number of ``what`` from 1 to ``most``."""

    def parse(text: str) -> int:
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= most:
            raise argparse.ArgumentTypeError(
                f"{text!r}: use a whole number of {what} from 1 to {most}"
            )
        return int(text)

    return parse


def _web(args: argparse.Namespace) -> int:
    from counterdesk.logs import setup_logging
    from counterdesk.queue.opt_out_links import OptOutLinks
    from counterdesk.web.server import make_server
    from counterdesk.web.sms_inbound import inbound_settings
    from counterdesk.web.upkeep import Upkeep

    settings = load_settings(args.db, args.office, args.config)
    inbound, secret = inbound_settings(settings.notify), link_secret(settings.notify)
    engine = engine_for(args, pool_size=8)  # requests run on threads: keep 8 connections open
    try:
        limits = dataclasses.replace(
            DEFAULTS,
            per_second=args.per_client_rate,
            burst=args.burst,
            max_per_client=args.per_client_connections,
            trusted_proxy=args.trusted_proxy or settings.trusted_proxy,
        )
        server = make_server(
            engine,
            args.host,
            args.port,
            refresh_seconds=args.refresh,
            limits=limits,
            inbound=inbound,
            links=None if secret is None else OptOutLinks(engine.office, secret),
        )
    except OSError as exc:
        raise CounterdeskError(_listen_problem(args.host, args.port, exc)) from None
    upkeep = Upkeep(server.site.feedback)
    try:  # from here on, Ctrl-C at any moment stops cleanly
        setup_logging("web")
        # Ctrl-C, and a service manager's stop like it; installed here because a process
        # started as a background job of a script inherits SIGINT ignored, and would not stop.
        for stop in (signal.SIGINT, signal.SIGTERM):
            signal.signal(stop, _interrupt)
        upkeep.start()
        print(
            f"counterdesk web: listening on {server.url} "
            "(ticket pages at /t/<token>, booking at /book, the API at /api/v1/; Ctrl-C stops)",
            flush=True,
        )
        mismatch = _status_url_mismatch(engine.office.office.status_url, server.server_port)
        if mismatch:
            print(f"counterdesk web: note: {mismatch}", file=sys.stderr, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("counterdesk web: stopped", flush=True)
    finally:
        upkeep.stop()
        server.close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _listen_problem(host: str, port: int, exc: OSError) -> str:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return f"cannot listen on {where}: the port is already in use (choose another with --port)"
    if exc.errno == errno.EACCES:
        return f"cannot listen on {where}: permission denied (ports below 1024 need privileges)"
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: {host!r} is not an address of this computer"
    return f"cannot listen on {where}: {exc.strerror or exc}"


def _status_url_mismatch(status_url: str, port: int) -> str | None:
    """Warn when the tickets' QR codes point at another port than the one served."""
    parts = urlsplit(status_url)
    try:
        expected = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    if expected == port:
        return None
    return (
        f"the office's status_url ({status_url}) uses port {expected}, not {port}: "
        "tickets' QR codes will not reach this server unless a proxy forwards them"
    )
