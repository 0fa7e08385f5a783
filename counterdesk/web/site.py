"""What the status site answers, free of sockets and of the web framework.

``app.py`` routes requests here (Starlette) and ``protocol.py`` enforces the connection limits;
this module turns a token, a file name or a posted form into a :class:`Response`. Its only
write is a ticket's one rating, with the opinion that may come with it, in one transaction;
the estimates its pages show are noted and written later, in batches (``shown_waits.py``).
A waiting ticket's page reads the contact left on it (``watch_site.py`` leaves and removes
it), to show it masked.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from counterdesk import phrases
from counterdesk.feedback import Feedback
from counterdesk.feedback.ratings import RatingRefused
from counterdesk.phrases import Bilingual
from counterdesk.queue import Status
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.ticket_watch import TicketWatch
from counterdesk.queue.views import Ticket
from counterdesk.web import DEFAULT_REFRESH
from counterdesk.web.assets import ASSETS
from counterdesk.web.board import BoardFeed
from counterdesk.web.forms import FORM_TYPE, FormError, RatingForm, parse_rating_form, refusal
from counterdesk.web.live_tickets import LiveTickets
from counterdesk.web.pages import board_page, message_page, status_page
from counterdesk.web.problems import problem
from counterdesk.web.response import Response, html, json_body, see_other
from counterdesk.web.shown_waits import ShownWaits
from counterdesk.web.status import TicketStatus, find_ticket, status_of

log = logging.getLogger(__name__)

_TOKEN_IN_PATH = re.compile(r"(/(?:t|tickets|b|u)/[A-Za-z0-9_-]{0,4})[^/?#]*")
_CASE_IN_PATH = re.compile(r"(/cases?/)[^/?#]+")


def redact(path: str) -> str:
    """A path fit for the log: a token gives its holder's page (a ticket's, a booking's), so
    only its start is kept; a case's number or lookup key, not even that."""
    return _CASE_IN_PATH.sub(r"\1…", _TOKEN_IN_PATH.sub(r"\1…", path))


def plain(
    status: int, title: Bilingual, detail: Bilingual | None = None, *headers: tuple[str, str]
) -> Response:
    """A plain bilingual page with an error status."""
    return html(status, message_page(title, detail), *headers)


def not_allowed(allowed: tuple[str, ...]) -> Response:
    return plain(405, phrases.NOT_ALLOWED, None, ("Allow", ", ".join(allowed)))


NOT_FOUND = plain(404, phrases.PAGE_NOT_FOUND)


class StatusSite:
    """The ticket status pages of one office's database."""

    def __init__(
        self,
        engine: TicketEngine,
        refresh_seconds: int = DEFAULT_REFRESH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.refresh = refresh_seconds
        self.feedback = Feedback(engine)  # the upkeep shares it: see commands._web
        self.board = BoardFeed(engine)  # one poller for every open browser board
        self.live = LiveTickets(engine, clock=clock)  # what the polls are answered from
        self.shown = ShownWaits(engine)  # the estimates shown, written every half minute
        self.watch = TicketWatch(engine)  # the contacts left to be told the turn is near

    def board_page(self) -> Response:
        return html(200, board_page(self.engine.office))

    def page(self, token: str) -> Response:
        return self.page_of(self.status(token))

    def page_of(self, status: TicketStatus | None) -> Response:
        if status is None:
            return self._ticket_not_found()
        return self.status_page(200, status)

    def json(self, token: str) -> Response:
        return self.json_of(self.status(token))

    def json_of(self, status: TicketStatus | None) -> Response:
        if status is None:
            # A problem object, with the members pages polling since before it still read.
            found = phrases.TICKET_NOT_FOUND
            return problem(404, found, error="not found", en=found.en)
        return json_body(200, status.to_json(self.refresh))

    def live_status(self, token: str) -> TicketStatus | None:
        """A live ticket's status from the fresh shared snapshot, never asking the database (so
        fit for the event loop); None: a stale snapshot or another ticket (ask ``page`` or
        ``json``, which may read)."""
        tickets = self.live.fresh()
        ticket = tickets.get(token) if tickets else None
        return None if ticket is None else self._shown(ticket)

    def static(self, name: str) -> Response:
        return ASSETS.response(name) or NOT_FOUND

    def rate(self, token: str, body: bytes, content_type: str) -> Response:
        """Record a rating, with an opinion when a reply is asked for, then show the ticket.

        A success redirects to the ticket's page (303), so reloading it never posts again.
        """
        status = self.status(token)
        if status is None:
            return self._ticket_not_found()
        if content_type.partition(";")[0].strip().lower() != FORM_TYPE:
            return plain(415, phrases.UNSUPPORTED)
        try:
            form = parse_rating_form(body)
        except FormError as exc:
            return plain(400, exc.reason, exc.detail)
        reason = refusal(form)
        if reason is not None or form.score is None:
            return self.status_page(400, status, alert=reason, form=form)
        try:
            rating = self.feedback.ratings.rate(
                token,
                form.score,
                form.comment,
                source="web",
                reply=form.reply,
                contact=form.contact or None,
            )
        except InvalidInput as exc:
            alert = phrases.NOT_SENT.fill(detail=str(exc))
            return self.status_page(400, status, alert=alert, form=form)
        except RatingRefused as exc:
            return self._refused(token, str(exc))
        except NotFound:
            return self._ticket_not_found()
        if rating.opinion is not None:
            log.info("opinion %s received for ticket %s", rating.opinion, rating.number)
        return see_other(f"/t/{token}", message_page(phrases.THANKS_FOR_RATING))

    # -- helpers ---------------------------------------------------------------------------

    def status(self, token: str) -> TicketStatus | None:
        """The status behind ``token`` (None: malformed, unknown or expired), from the live
        snapshot when it holds the ticket; a waiting ticket's estimate is noted to be recorded
        as shown. Every surface that shows a ticket asks here: the page, its JSON, the API."""
        ticket = find_ticket(self.feedback, token, self.live)
        return None if ticket is None else self._shown(ticket)

    def _shown(self, ticket: Ticket) -> TicketStatus | None:
        """What ``ticket``'s page shows, its estimate noted to be recorded on the ticket."""
        status = status_of(self.feedback, ticket)
        if status is not None:
            self.shown.note(ticket)
        return status

    def status_page(
        self,
        code: int,
        status: TicketStatus,
        *,
        alert: Bilingual | None = None,
        form: RatingForm | None = None,
    ) -> Response:
        """The ticket's page; a waiting one's reads the contact left on it (shown masked)."""
        watching = self.watch.left(status.token) if status.can_watch else None
        page = status_page(
            status, self.engine.office, self.refresh, alert=alert, form=form, watching=watching
        )
        return html(code, page)

    def _refused(self, token: str, reason: str) -> Response:
        """The ticket's page again, saying why it was not rated (it shows the earlier rating)."""
        status = self.status(token)
        if status is None:
            return self._ticket_not_found()
        if status.rated_score is not None:
            alert = phrases.ALREADY_RATED
        elif status.status != Status.DONE:
            alert = phrases.NOT_FINISHED
        else:
            alert = phrases.CANNOT_RATE.fill(detail=reason)
        return self.status_page(409, status, alert=alert)

    def _ticket_not_found(self) -> Response:
        days = self.engine.office.feedback.rating_days
        return plain(404, phrases.TICKET_NOT_FOUND, phrases.TICKET_NOT_FOUND_HINT.fill(days=days))
