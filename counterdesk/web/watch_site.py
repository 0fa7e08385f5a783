"""The status page's "tell me when my turn is near": the POSTs that leave a contact on a
waiting ticket and remove it (the domain's ``queue/ticket_watch.py``).

They go through the booking pages' guard (``booking_guard.py``, in ``app.py``): same site
only, and the same few writes an hour per client address. Every answer is the ticket's page:
after a change, by a redirect (303), so reloading never posts again; after a refusal, with the
reason in both languages. The contact itself is never shown back but masked, nor logged.
"""

from __future__ import annotations

from counterdesk import watch_phrases as words
from counterdesk.phrases import Bilingual
from counterdesk.queue.contacts import CONTACT_LENGTH
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.ticket_watch import WatchRefused, Why
from counterdesk.queue.typed_text import has_control
from counterdesk.web.booking_site import answered, posted_form
from counterdesk.web.pages import message_page
from counterdesk.web.response import Response, see_other
from counterdesk.web.site import StatusSite

WATCH_FORM = ("contact",)


def contact_refusal(typed: str) -> Bilingual:
    """What is wrong with ``typed``, which ``contacts.normal_contact`` refused, in the order it
    checks: empty, too long, control characters, then not an e-mail address or a mobile."""
    text = typed.strip()
    if not text:
        return words.WATCH_EMPTY
    if len(text) > CONTACT_LENGTH:
        return words.WATCH_TOO_LONG.fill(limit=CONTACT_LENGTH)
    if has_control(text):
        return words.WATCH_CONTROL
    return words.WATCH_BAD_EMAIL if "@" in text else words.WATCH_BAD_PHONE


class WatchSite:
    """Leaving and removing the contact of one office's status pages."""

    def __init__(self, site: StatusSite) -> None:
        self.site = site
        self.watch = site.watch

    def leave(self, token: str, body: bytes, content_type: str) -> Response:
        """Keep the posted contact for the waiting ticket behind ``token``."""

        def leave() -> Response:
            typed = posted_form(body, content_type, WATCH_FORM)("contact")
            try:
                self.watch.leave(token, typed)
            except InvalidInput:  # its message quotes the contact: never shown or logged
                return self._again(token, 400, contact_refusal(typed))
            except WatchRefused as refused:
                alert = words.WATCH_OPTED_OUT if refused.why == Why.OPTED_OUT else None
                return self._again(token, 409, alert or words.WATCH_NOT_WAITING)
            except NotFound:
                return self.site.page_of(None)
            return see_other(f"/t/{token}", message_page(words.WATCH_TITLE))

        return answered(leave)

    def remove(self, token: str, body: bytes, content_type: str) -> Response:
        """Forget the contact left on the ticket behind ``token`` (none left: nothing to do)."""

        def remove() -> Response:
            posted_form(body, content_type, ())
            try:
                self.watch.remove(token)
            except NotFound:
                return self.site.page_of(None)
            return see_other(f"/t/{token}", message_page(words.WATCH_REMOVED))

        return answered(remove)

    def _again(self, token: str, code: int, alert: Bilingual) -> Response:
        """The ticket's page again, saying why nothing was kept."""
        status = self.site.status(token)
        if status is None:
            return self.site.page_of(None)
        return self.site.status_page(code, status, alert=alert)
