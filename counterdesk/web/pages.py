"""The status server's HTML: Jinja2 templates in ``templates/``, escaped by the environment.

Autoescape is on for every template, so a value (office file text, a citizen's comment, a staff
answer) can never become markup; the few helpers here compute what a template cannot say well.
No inline script or style attribute appears anywhere, so the strict Content-Security-Policy
holds.
"""

from __future__ import annotations

import re

import jinja2

from counterdesk import booking_phrases, case_phrases, phrases, watch_phrases
from counterdesk.feedback.opinions import MAX_CONTACT
from counterdesk.feedback.ratings import MAX_COMMENT, SCORES
from counterdesk.phrases import Bilingual
from counterdesk.queue.board_view import RECENT, procedure
from counterdesk.queue.office import Office, Service
from counterdesk.web.assets import ASSETS
from counterdesk.web.forms import RatingForm
from counterdesk.web.qr_svg import qr_svg
from counterdesk.web.status import TicketStatus

ZH = "zh-Hant-TW"
FOLLOW_FACTOR = 6
# How far the mouth bends per score, worst to best: negative frowns, positive smiles.
_SMILE = {1: -6.0, 2: -3.0, 3: 0.0, 4: 3.5, 5: 7.0}


def mouth(score: int) -> str:
    """The face's mouth as an SVG path (the faces are drawn inline: no image request)."""
    bend = _SMILE[score]
    y = 26 - bend / 2
    return f"M12 {y:g} Q20 {y + bend * 2:g} 28 {y:g}"


def dial(helpline: str) -> str | None:
    """The ``tel:`` address of a helpline written for people, e.g. "412-1166 (02-4121166)".

    The number with the most digits is the one that also works from outside the area code.
    """
    numbers = re.findall(r"\+?\d[\d -]{4,}\d", helpline)
    if not numbers:
        return None
    best = max(numbers, key=lambda n: sum(c.isdigit() for c in n))
    return "tel:" + re.sub(r"[^\d+]", "", best)


def unconfirmed_documents(service: Service) -> bool:
    return any(d.placeholder or (d.note and d.note.placeholder) for d in service.documents)


TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("counterdesk.web", "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=jinja2.StrictUndefined,  # a misspelt name fails the page, never shows nothing
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.globals.update(
    ZH=ZH,
    phrases=phrases,
    case_words=case_phrases,
    asset=ASSETS.url,
    mouth=mouth,
    dial=dial,
    unconfirmed_documents=unconfirmed_documents,
    scores=SCORES,
    max_comment=MAX_COMMENT,
    max_contact=MAX_CONTACT,
    blank=Bilingual("", ""),
    procedure=procedure,
    counter_name=phrases.counter_name,
    watch_words=watch_phrases,
)


def status_page(
    status: TicketStatus,
    office: Office,
    refresh: int,
    *,
    alert: Bilingual | None = None,
    form: RatingForm | None = None,
    watching: str | None = None,
) -> str:
    """The page behind a ticket's QR code; ``alert`` and ``form`` when a rating came back.
    A web number still to be checked in shows its code, grouped and as a QR code. A waiting
    ticket has the "tell me when my turn is near" form, or ``watching``: the contact left,
    masked."""
    code = status.check_in_code if status.awaiting_check_in else None
    label = code and booking_phrases.CHECK_IN_QR.fill(code=code).line(" ")
    return TEMPLATES.get_template("status.html").render(
        status=status,
        office=office,
        refresh=refresh if status.live else following_refresh(status, refresh),
        alert=alert,
        form=form or RatingForm(),
        words=booking_phrases,
        code=code and booking_phrases.grouped(code),
        qr=code and label and qr_svg(code, label),
        watching=watching,
    )


def following_refresh(status: TicketStatus, refresh: int) -> int | None:
    """How often a finished ticket's page asks for news of its open cases: they move over
    days, not minutes, so ``FOLLOW_FACTOR`` times less often than a queue's page."""
    return refresh * FOLLOW_FACTOR if status.following else None


def message_page(title: Bilingual, detail: Bilingual | None = None) -> str:
    """A plain page saying what went wrong, for not found, refusals and errors."""
    return TEMPLATES.get_template("message.html").render(title=title, detail=detail, refresh=None)


def board_page(office: Office) -> str:
    """The browser board: its frame and fixed words; ``board.js`` fills in the live picture."""
    return TEMPLATES.get_template("board.html").render(office=office, refresh=None, recent=RECENT)
