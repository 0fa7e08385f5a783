"""The public case lookup (``/case``): a case number and a second factor give the case's page.

The second factor is the company's unified business number or the last 4 digits of the phone
left with the case (``Cases.lookup``); every miss, malformed or not, gets one refusal, so the
page does not tell which numbers exist. Four digits are only 10,000 guesses, so each attempt is
charged to the client's address AND to the case number asked for (``Limits.lookup_*``): many
addresses cannot share out the guesses at one case. The form posts from the site's own page
(``booking_guard.foreign``).

A found case is answered by a redirect (POST-redirect-GET: reloading never posts again) to
``/case/<key>``, a random key standing for the case for ``ANSWER_SECONDS`` in this process's
memory: neither the case number nor the factor is ever in an address, a browser's history or
a log line. A later visit to the key shows the case as it is then.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.datastructures import Headers

from counterdesk import booking_phrases, case_phrases
from counterdesk.phrases import Bilingual
from counterdesk.queue.cases import Cases, case_number
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.web.booking_guard import foreign
from counterdesk.web.booking_site import Refused, posted_form
from counterdesk.web.case_view import progress
from counterdesk.web.limits import Limits, RateLimiter
from counterdesk.web.pages import TEMPLATES, message_page
from counterdesk.web.response import Response, html, see_other
from counterdesk.web.site import plain

ANSWER_SECONDS = 15 * 60  # long enough to read it and come back to the tab; then ask again
MAX_ANSWERS = 10_000  # kept at once; beyond it the oldest go first
FIELDS = ("number", "factor")
FACTOR_LENGTH = 20  # a business number is 8 digits: anything longer is no factor


class Answers:
    """Keys standing for a found case for a while, in memory (a restart forgets them: the
    citizen looks the case up again)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._kept: OrderedDict[str, tuple[str, float]] = OrderedDict()  # oldest first
        self._lock = threading.Lock()

    def keep(self, number: str) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._forget()
            self._kept[key] = (number, self.clock() + ANSWER_SECONDS)
            while len(self._kept) > MAX_ANSWERS:
                self._kept.popitem(last=False)
        return key

    def number(self, key: str) -> str | None:
        """The case number ``key`` stands for, or None (unknown or expired)."""
        with self._lock:
            self._forget()
            kept = self._kept.get(key)
        return kept[0] if kept else None

    def _forget(self) -> None:
        now = self.clock()
        while self._kept:
            key, (_, until) = next(iter(self._kept.items()))
            if until > now:
                return
            del self._kept[key]


class CaseLookup:
    """The lookup form, its answer and its refusals, over the engine's cases."""

    def __init__(
        self, cases: Cases, limits: Limits, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.cases = cases
        self.by_address = RateLimiter(limits.lookup_burst, limits.lookup_per_hour / 3600, clock)
        self.by_case = RateLimiter(
            limits.lookup_case_burst, limits.lookup_case_per_day / 86400, clock
        )
        self.answers = Answers(clock)

    def form(self) -> Response:
        return self._form(200)

    def ask(self, client: str, headers: Headers, body: bytes, content_type: str) -> Response:
        """A posted lookup: refused (403 foreign, 429 too many, 415, 400, 404 no match) or
        redirected to its answer's key."""
        if foreign(headers):
            return plain(403, booking_phrases.FOREIGN_FORM)
        wait = self.by_address.take(client)
        if wait is not None:
            return self._too_many(wait)
        try:
            field = posted_form(body, content_type, FIELDS)
        except Refused as refused:
            return refused.response
        typed, factor = field("number"), field("factor")
        try:
            number = case_number(typed)
        except InvalidInput:
            return self._refused(typed)
        wait = self.by_case.take(hashlib.sha256(number.encode()).hexdigest())
        if wait is not None:
            return self._too_many(wait, typed)
        try:
            if len(factor) > FACTOR_LENGTH:
                raise NotFound("no factor is that long")  # refused as every other miss
            self.cases.lookup(number, factor)
        except NotFound:
            return self._refused(typed)
        key = self.answers.keep(number)
        return see_other(f"/case/{key}", message_page(case_phrases.LOOKUP_TITLE))

    def answer(self, key: str) -> Response:
        """The case a key stands for, as it is now; an unknown or expired key says to ask
        again."""
        number = self.answers.number(key)
        try:
            found = None if number is None else self.cases.by_number(number)
        except NotFound:  # deleted meanwhile
            found = None
        if found is None:
            return self._form(404, case_phrases.LOOKUP_EXPIRED)
        return html(200, self._render("case_answer.html", case=progress(self.cases, found)))

    def _refused(self, typed: str) -> Response:
        return self._form(404, case_phrases.LOOKUP_REFUSED, typed)

    def _too_many(self, wait: float, typed: str = "") -> Response:
        retry = ("Retry-After", str(max(1, math.ceil(wait))))
        return self._form(429, case_phrases.LOOKUP_TOO_MANY, typed, retry)

    def _form(
        self,
        status: int,
        alert: Bilingual | None = None,
        typed: str = "",
        *headers: tuple[str, str],
    ) -> Response:
        """The form, again with ``alert`` and the number typed (never the factor)."""
        page = self._render("case_lookup.html", alert=alert and (alert, None), typed=typed[:60])
        return html(status, page, *headers)

    def _render(self, name: str, **values: object) -> str:
        values.setdefault("alert", None)
        return TEMPLATES.get_template(name).render(
            office=self.cases.office, refresh=None, title=case_phrases.LOOKUP_TITLE, **values
        )
