"""Who may book, move or cancel: the booking pages' POSTs must come from their own pages, and
one client address may make only a few an hour (``Limits.booking_per_hour``).

No cookie or session exists to steal, and a booking's token is a secret of its link, so
another site cannot move or cancel one; it could still make its visitors' browsers book
places. Browsers say where a request comes from: ``Sec-Fetch-Site`` (every current one), else
``Origin``. The pages send no referrer, so a browser's Origin on their own forms is ``null``;
a named Origin must be this server's own Host. The rating form relies on its token alone.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.datastructures import Headers

from counterdesk import booking_phrases as words
from counterdesk.web.limits import Limits, RateLimiter
from counterdesk.web.response import Response
from counterdesk.web.site import plain

SAME_SITE = ("same-origin", "none")  # "none": typed or bookmarked, no site involved


def foreign(headers: Headers) -> bool:
    """Whether the request says it comes from another site."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site.strip().lower() not in SAME_SITE
    origin = headers.get("origin")
    if origin is None:  # not a browser's form: no citizen's browser to abuse
        return False
    # "null": a page that hid its origin; ours never do (Referrer-Policy: same-origin).
    return urlsplit(origin.strip()).netloc.lower() != headers.get("host", "").lower()


class WriteGuard:
    """The booking pages' POSTs: from their own pages, a few an hour per client address."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limiter = RateLimiter(limits.booking_burst, limits.booking_per_hour / 3600, clock)

    def refusal(self, client: str, headers: Headers, *, charge: bool = True) -> Response | None:
        """Why this POST is refused (403, 429), or None: charged to ``client`` if it is not
        foreign, unless ``charge`` is False (a POST whose own secret proves it is no guess)."""
        if foreign(headers):
            return plain(403, words.FOREIGN_FORM)
        if not charge:
            return None
        wait = self.limiter.take(client)
        if wait is None:
            return None
        return plain(429, words.TOO_MANY, None, ("Retry-After", str(max(1, math.ceil(wait)))))
