"""The page an e-mail's opt-out link opens (``/u/{token}``): it names the address, masked, and
asks; one click (a POST) opts it out. A GET changes nothing, since mail scanners and link
previews open every link in a mail; a mail program's one-click "unsubscribe" (RFC 8058) posts
to the same address. A token the office did not make, or one edited, is 404: the link cannot
be used to opt out anyone but its own recipient (``queue/opt_out_links.py``).
"""

from __future__ import annotations

import logging

from counterdesk import reply_phrases as words
from counterdesk.phrases import Bilingual
from counterdesk.queue import outbox
from counterdesk.queue.contacts import masked
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.web.booking_site import answered, posted_form
from counterdesk.web.pages import TEMPLATES
from counterdesk.web.response import Response, html
from counterdesk.web.site import plain

log = logging.getLogger(__name__)

# The confirming form's field, and RFC 8058's one-click POST (List-Unsubscribe=One-Click).
FIELDS = ("confirm", "List-Unsubscribe")


class OptOutSite:
    """The opt-out pages of one office; without a link secret every link is 404."""

    def __init__(self, engine: TicketEngine, links: OptOutLinks | None) -> None:
        self.engine = engine
        self.links = links

    def question(self, token: str) -> Response:
        contact = self._contact(token)
        if contact is None:
            return _not_valid()
        return self._page(words.OPT_OUT_TITLE, words.OPT_OUT_QUESTION, contact, ask=True)

    def opt_out(self, token: str, body: bytes, content_type: str) -> Response:
        contact = self._contact(token)
        if contact is None:
            return _not_valid()

        def opt_out() -> Response:
            posted_form(body, content_type, FIELDS)
            with self.engine.db.write() as session:
                outbox.opt_out(session, contact, self.engine.clock.now())
            log.info("opted out %s by an e-mail's link", masked(contact))
            return self._page(words.OPTED_OUT_TITLE, words.OPTED_OUT_PAGE, contact, ask=False)

        return answered(opt_out)

    def _contact(self, token: str) -> str | None:
        return None if self.links is None else self.links.contact(token)

    def _page(self, title: Bilingual, said: Bilingual, contact: str, *, ask: bool) -> Response:
        page = TEMPLATES.get_template("opt_out.html").render(
            office=self.engine.office,
            title=title,
            alert=None,
            refresh=None,
            words=words,
            said=said.fill(contact=masked(contact)),
            ask=ask,
        )
        return html(200, page)


def _not_valid() -> Response:
    return plain(404, words.LINK_NOT_VALID, words.LINK_NOT_VALID_HINT)
