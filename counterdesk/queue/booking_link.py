"""The addresses of the status server's own pages in what the office sends: a booking's page,
where the citizen sees, moves or cancels it, and an e-mail's opt-out page.

The office file names one address, ``office.status_url`` (``http://host:8080/t/{token}``), for
a ticket's status page; the other pages are served by the same status server, so their link is
that address with ``/b/{token}`` (or ``/u/{token}``) in place of ``/t/{token}``: the same
scheme, host, port and any path before it (a server behind a proxy at ``/queue/t/{token}``
gives ``/queue/b/{token}``). A status address of another shape keeps its scheme and host only.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from counterdesk.queue.office import Office

TICKET_PATH = "/t/{token}"
BOOKING_PATH = "/b/{token}"
OPT_OUT_PATH = "/u/{token}"


def booking_url(office: Office, token: str) -> str:
    """The link that opens the booking with ``token``."""
    return site_url(office, BOOKING_PATH, token)


def site_url(office: Office, path: str, token: str) -> str:
    """The link to the status server's page ``path`` (with ``{token}``) for ``token``."""
    parts = urlsplit(office.office.status_url)
    prefix = parts.path.removesuffix(TICKET_PATH) if parts.path.endswith(TICKET_PATH) else ""
    template = urlunsplit((parts.scheme, parts.netloc, prefix + path, "", ""))
    return template.format(token=token)
