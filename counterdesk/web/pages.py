"""The status server's HTML: the ticket page and the plain message pages.

Plain functions returning strings, no template engine: the pages are small, and every value
goes through :func:`e` (HTML escaping) on its way in, office file text included. No inline
script or style attribute appears anywhere, so the strict Content-Security-Policy holds.
"""

from __future__ import annotations

import html
import re

from counterdesk import phrases
from counterdesk.feedback.opinions import MAX_CONTACT
from counterdesk.feedback.ratings import MAX_COMMENT, SCORES
from counterdesk.phrases import Bilingual
from counterdesk.queue.office import Office, Service, Text
from counterdesk.web.assets import ASSETS
from counterdesk.web.forms import RatingForm
from counterdesk.web.status import OpinionProgress, TicketStatus

ZH = "zh-Hant-TW"
# How far the mouth bends per score, worst to best: negative frowns, positive smiles.
_SMILE = {1: -6.0, 2: -3.0, 3: 0.0, 4: 3.5, 5: 7.0}


def e(value: object) -> str:
    """Escape text for HTML content and attribute values alike."""
    return html.escape(str(value), quote=True)


def bi(
    text: Bilingual | Text, tag: str = "p", cls: str = "", field: str = "", ident: str = ""
) -> str:
    """Chinese first, then English, each marked with its language for screen readers.

    ``field`` names the two spans for the page's script (``data-field="<field>-zh"``);
    ``ident`` is the element's id, for a form field's ``aria-describedby``.
    """
    zh_field = f' data-field="{e(field)}-zh"' if field else ""
    en_field = f' data-field="{e(field)}-en"' if field else ""
    id_attr = f' id="{e(ident)}"' if ident else ""
    return (
        f'<{tag}{id_attr} class="{e(" ".join(("bi", cls)).strip())}">'
        f'<span class="zh" lang="{ZH}"{zh_field}>{e(text.zh)}</span> '
        f'<span class="en" lang="en"{en_field}>{e(text.en)}</span></{tag}>'
    )


def face_svg(score: int) -> str:
    """A face drawn inline (no image request): the mouth bends with the score."""
    bend = _SMILE[score]
    y = 26 - bend / 2
    return (
        f'<svg class="face face-{score}" viewBox="0 0 40 40" aria-hidden="true" '
        'focusable="false"><circle class="skin" cx="20" cy="20" r="18"/>'
        '<circle class="eye" cx="14" cy="16" r="2.4"/><circle class="eye" cx="26" cy="16" r="2.4"/>'
        f'<path class="mouth" d="M12 {y:g} Q20 {y + bend * 2:g} 28 {y:g}"/></svg>'
    )


def dial(helpline: str) -> str | None:
    """The ``tel:`` address of a helpline written for people, e.g. "412-1166 (02-4121166)".

    The number with the most digits is the one that also works from outside the area code.
    """
    numbers = re.findall(r"\+?\d[\d -]{4,}\d", helpline)
    if not numbers:
        return None
    best = max(numbers, key=lambda n: sum(c.isdigit() for c in n))
    return "tel:" + re.sub(r"[^\d+]", "", best)


def _document(title: str, body: str, *, body_attrs: str = "", refresh: int | None = None) -> str:
    """The page around ``body``: phone viewport, stylesheet, script, and no-JS refresh."""
    meta_refresh = (
        f'<noscript><meta http-equiv="refresh" content="{refresh}"></noscript>' if refresh else ""
    )
    return (
        f'<!doctype html>\n<html lang="{ZH}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{e(title)}</title>\n"
        f'<link rel="stylesheet" href="{ASSETS.url("status.css")}">\n'
        f'<link rel="icon" href="{ASSETS.url("icon.svg")}" type="image/svg+xml">\n'
        f'<script src="{ASSETS.url("status.js")}" defer></script>\n'
        f"{meta_refresh}</head>\n<body{body_attrs}>\n{body}\n</body>\n</html>\n"
    )


def _ticket_card(status: TicketStatus) -> str:
    badge = bi(phrases.PRIORITY, "p", "badge") if status.priority else ""
    return (
        '<section class="ticket">'
        f"{bi(phrases.YOUR_NUMBER, 'p', 'label')}"
        f'<p class="number">{e(status.number)}</p>{badge}'
        f"{bi(status.service_name, 'h1', 'service')}</section>"
    )


def _status_panel(status: TicketStatus) -> str:
    headline, detail = status.words()
    hidden = "" if detail else " hidden"
    detail_text = detail or Bilingual("", "")
    rated = "" if status.rated_score is None else _rated_face(status.rated_score)
    return (
        f'<section class="status state-{e(status.status)}" data-field="status" '
        f'aria-live="polite">{bi(headline, "p", "headline", "headline")}'
        f'<div class="detail" data-field="detail"{hidden}>'
        f"{bi(detail_text, 'p', '', 'detail')}</div>{rated}</section>"
    )


def _rated_face(score: int) -> str:
    return f'<div class="rated">{face_svg(score)}</div>'


def _alert(reason: Bilingual | None) -> str:
    return f'<div class="alert" role="alert">{bi(reason)}</div>' if reason else ""


def _rating_form(status: TicketStatus, office: Office, form: RatingForm) -> str:
    faces = "".join(
        f'<input type="radio" name="score" value="{score}" id="score-{score}" required'
        f"{' checked' if form.score == score else ''}>"
        f'<label for="score-{score}">{face_svg(score)}'
        f"{bi(phrases.FACES[score - 1], 'span', 'face-name')}</label>"
        for score in reversed(SCORES)  # best first, as Taiwanese satisfaction surveys list them
    )
    days = office.feedback.contact_retention_days
    return (
        f'<section class="rating"><form class="rate" method="post" '
        f'action="/t/{e(status.token)}/rate">'
        f'<fieldset class="faces"><legend>{bi(phrases.RATE_PROMPT, "span")}</legend>'
        f'<div class="face-row">{faces}</div></fieldset>'
        f'<label class="field" for="comment">{bi(phrases.COMMENT, "span")}</label>'
        f'<textarea id="comment" name="comment" rows="3" maxlength="{MAX_COMMENT}" '
        f'aria-describedby="comment-hint">{e(form.comment)}</textarea>'
        f"{bi(phrases.NO_PERSONAL_DATA, 'p', 'note', ident='comment-hint')}"
        f'<div class="check"><input type="checkbox" id="reply" name="reply" value="yes"'
        f"{' checked' if form.reply else ''}>"
        f'<label for="reply">{bi(phrases.WANT_REPLY, "span")}</label></div>'
        f'<label class="field" for="contact">{bi(phrases.CONTACT, "span")}</label>'
        f'<input type="text" id="contact" name="contact" maxlength="{MAX_CONTACT}" '
        f'autocomplete="email" value="{e(form.contact)}">'
        f"{bi(phrases.CONTACT_NOTE.fill(days=days), 'p', 'note')}"
        f'<button type="submit">{bi(phrases.SEND, "span")}</button></form></section>'
    )


def _opinions(opinions: tuple[OpinionProgress, ...]) -> str:
    """The opinions filed with the ticket's rating: reference, progress and, once there, the
    office's answer, so the citizen can follow the case from the same page."""
    if not opinions:
        return ""
    cases = "".join(
        '<div class="case">'
        f"{bi(phrases.OPINION_RECORDED, 'p', 'label')}"
        f'<p class="reference">{e(opinion.reference)}</p>'
        f"{bi(opinion.words, 'p', f'progress progress-{opinion.status}')}"
        f"{_answer(opinion)}</div>"
        for opinion in opinions
    )
    return (
        f'<section class="info opinion">{bi(phrases.OPINIONS, "h2")}{cases}'
        f"{bi(phrases.OPINION_FOLLOW_UP, 'p', 'note')}</section>"
    )


def _answer(opinion: OpinionProgress) -> str:
    if opinion.answer is None:
        return ""
    day = ""
    if opinion.answered_on:
        day = (
            f'<p class="note">{bi(phrases.ANSWERED_ON, "span", "inline")} '
            f"{e(opinion.answered_on.isoformat())}</p>"
        )
    return (
        f'<div class="answer">{bi(phrases.ANSWER, "p", "label")}'
        f'<p class="answer-text">{e(opinion.answer)}</p>{day}</div>'
    )


def _section(heading: Bilingual, placeholder: bool, content: str) -> str:
    """A heading, "for guidance only" when the office marked a value as unconfirmed (the
    kiosk's wording), then the content."""
    note = bi(phrases.INDICATIVE, "p", "indicative") if placeholder else ""
    return f'<section class="info">{bi(heading, "h2")}{note}{content}</section>'


def _service_sections(service: Service) -> str:
    steps = "".join(bi(step, "li") for step in service.steps)
    documents = "".join(
        f"<li>{bi(doc, 'p')}{bi(doc.note, 'p', 'note') if doc.note else ''}</li>"
        for doc in service.documents
    )
    return (
        _section(phrases.PROCEDURE, any(s.placeholder for s in service.steps), f"<ol>{steps}</ol>")
        + _section(
            phrases.PROCESSING_TIME,
            service.processing_time.placeholder,
            bi(service.processing_time),
        )
        + _section(phrases.FEE, service.fee.placeholder, bi(service.fee))
        + _section(
            phrases.DOCUMENTS if service.documents else phrases.NO_DOCUMENTS,
            any(d.placeholder or (d.note and d.note.placeholder) for d in service.documents),
            f'<ul class="checklist">{documents}</ul>' if documents else "",
        )
    )


def _contact(office: Office) -> str:
    helpline = office.office.helpline
    line = ""
    if helpline:
        number = e(helpline)
        target = dial(helpline)
        link = f'<a href="{e(target)}">{number}</a>' if target else number
        line = (
            f'<p class="helpline">{bi(phrases.HELPLINE, "span", "inline")} '
            f'<span class="phone">{link}</span></p>'
        )
    return (
        f'<section class="info contact">{bi(phrases.CONTACT_US, "h2")}'
        f"{bi(office.office.name)}{line}</section>"
    )


def _office_header(office: Office) -> str:
    return f'<header class="office">{bi(office.office.name)}</header>'


def status_page(
    status: TicketStatus,
    office: Office,
    refresh: int,
    *,
    alert: Bilingual | None = None,
    form: RatingForm | None = None,
) -> str:
    """The page behind a ticket's QR code; ``alert`` and ``form`` when a rating came back."""
    rating = _rating_form(status, office, form or RatingForm()) if status.can_rate else ""
    service = _service_sections(status.service) if status.service else ""
    live = status.live
    footer = ""
    if live:
        footer = (
            "<footer>"
            f"{bi(phrases.LIVE_NOTE.fill(seconds=refresh), 'p', 'live')}"
            f'<p class="updated">{bi(phrases.UPDATED, "span", "inline")} '
            f'<span data-field="updated">{e(f"{status.checked_at:%H:%M:%S}")}</span></p>'
            f'<div class="offline" data-field="offline" hidden>{bi(phrases.OFFLINE)}</div>'
            "</footer>"
        )
    body = (
        f"{_office_header(office)}<main>{_ticket_card(status)}{_alert(alert)}"
        f"{_status_panel(status)}{rating}{_opinions(status.opinions)}{service}"
        f"{_contact(office)}</main>{footer}"
    )
    attrs = f' data-status="{e(status.status)}"'
    if live:
        attrs += f' data-api="/api/t/{e(status.token)}" data-refresh="{refresh}"'
    return _document(status.title(), body, body_attrs=attrs, refresh=refresh if live else None)


def message_page(title: Bilingual, detail: Bilingual | None = None) -> str:
    """A plain page saying what went wrong, for not found, refusals and errors."""
    body = f'<main class="plain">{bi(title, "h1")}{bi(detail) if detail else ""}</main>'
    return _document(f"{title.zh} · {title.en}", body)
