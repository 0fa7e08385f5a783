"""The address of a booking's own page, where the citizen sees, moves or cancels it.

The office file names one address, ``office.status_url`` (``http://host:8080/t/{token}``), for
a ticket's status page; the booking pages are served by the same status server, so a booking's
link is that address with ``/b/{token}`` in place of ``/t/{token}``: the same scheme, host,
port and any path before it (a server behind a proxy at ``/queue/t/{token}`` gives
``/queue/b/{token}``). A status address of another shape keeps its scheme and host only.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from counterdesk.queue.office import Office

TICKET_PATH = "/t/{token}"
BOOKING_PATH = "/b/{token}"


def booking_url(office: Office, token: str) -> str:
    """The link that opens the booking with ``token``."""
    parts = urlsplit(office.office.status_url)
    path = parts.path
    prefix = path.removesuffix(TICKET_PATH) if path.endswith(TICKET_PATH) else ""
    template = urlunsplit((parts.scheme, parts.netloc, prefix + BOOKING_PATH, "", ""))
    return template.format(token=token)
