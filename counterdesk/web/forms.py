"""The rating form a phone posts: parsed strictly, with a bilingual reason when it is wrong.

The domain checks the score, the comment and the contact details itself (and records the
rating and its opinion together); this only turns form text into values and refuses, in both
languages, what a citizen can put right before anything is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import parse_qs

from counterdesk import phrases
from counterdesk.feedback import ratings
from counterdesk.feedback.opinions import MAX_CONTACT
from counterdesk.phrases import Bilingual

FORM_TYPE = "application/x-www-form-urlencoded"
FIELDS = ("score", "comment", "reply", "contact")
SCORES = {str(score) for score in ratings.SCORES}


class FormError(ValueError):
    """The body is not form data at all; ``reason`` (and ``detail``) say so on a plain page."""

    def __init__(self, reason: Bilingual, detail: Bilingual | None = None) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.detail = detail


@dataclasses.dataclass(frozen=True)
class RatingForm:
    """What the citizen filled in, kept to fill the form again if it comes back."""

    score: int | None = None
    comment: str = ""
    reply: bool = False
    contact: str = ""


def form_fields(body: bytes, names: tuple[str, ...]) -> Callable[[str], str]:
    """The fields of a form in a POST body, as a lookup giving "" for a field missing or sent
    twice; raises FormError for a body that is not form data at all, or whose text is not
    UTF-8 (never stored with replacement characters: the citizen is told which field to type
    again)."""
    try:
        fields = parse_qs(
            body.decode("utf-8", "surrogateescape"),  # raw bytes and %XX alike: checked below
            keep_blank_values=True,
            max_num_fields=len(names) + 2,  # a flood of fields is not this form
            errors="surrogateescape",
        )
    except ValueError:
        raise FormError(phrases.BAD_REQUEST) from None
    for name, values in fields.items():
        if not all(map(_is_text, (name, *values))):
            where = phrases.FORM_FIELDS.get(name, phrases.FORM)
            raise FormError(phrases.BAD_REQUEST, phrases.NOT_TEXT.fill(zh=where.zh, en=where.en))

    def field(name: str) -> str:
        values = fields.get(name, [""])
        return values[0] if len(values) == 1 else ""

    return field


def parse_rating_form(body: bytes) -> RatingForm:
    """The rating form in a POST body; FormError as ``form_fields`` says."""
    field = form_fields(body, FIELDS)
    score = field("score").strip()
    return RatingForm(
        score=int(score) if score in SCORES else None,
        comment=field("comment"),
        reply=field("reply") in ("yes", "on"),
        contact=field("contact").strip(),
    )


def _is_text(value: str) -> bool:
    """Whether ``value`` decoded from UTF-8 (undecodable bytes became lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def refusal(form: RatingForm) -> Bilingual | None:
    """Why this form cannot be recorded as it is, or None."""
    if form.score is None:
        return phrases.CHOOSE_FACE
    if not form.reply:
        return None  # contact details are used (and kept) only with a reply asked for
    if not form.comment.strip():
        # Once rated, the ticket cannot send its comment any more: ask before recording.
        return phrases.REPLY_NEEDS_COMMENT
    if len(form.contact) > MAX_CONTACT:
        return phrases.CONTACT_TOO_LONG.fill(limit=MAX_CONTACT)
    return None
