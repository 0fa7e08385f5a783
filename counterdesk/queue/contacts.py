"""A contact a citizen leaves for reminders: a Taiwan mobile number or an e-mail address, checked
and written one way, so one person's bookings are counted together whatever they typed.

Nothing else is accepted: no name, no landline (no SMS reaches it). The stored form is
``09xxxxxxxx`` for a phone (``+886 9xx…`` and ``886-9xx…`` are the same number) and the
address with its domain in lower case for an e-mail.
"""

from __future__ import annotations

import re

from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.typed_text import ascii_digits, clean_text

CONTACT_LENGTH = 200
_SEPARATORS = re.compile(r"[\s\-().]")
_MOBILE = re.compile(r"^(?:\+?886|0)(9[0-9]{8})$")
# Deliberately plain: one @, something before it, a dotted domain of letters, digits and
# hyphens after it; what a mail server refuses beyond that shows when a reminder bounces.
_EMAIL = re.compile(r"^[^@\s\"<>,;]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")


def is_email_address(text: str) -> bool:
    """Whether ``text`` is one plain e-mail address (no name, no angle brackets)."""
    return _EMAIL.match(text) is not None


def normal_contact(text: str | None) -> str | None:
    """``text`` as stored (None when empty), or InvalidInput saying what a contact can be."""
    text = clean_text(text, "the contact", CONTACT_LENGTH, required=False)
    if text is None:
        return None
    if "@" in text:
        if not is_email_address(text):
            raise InvalidInput(f"{text!r} is not an e-mail address like name@example.com.tw")
        local, domain = text.rsplit("@", 1)
        return f"{local}@{domain.lower()}"
    mobile = _MOBILE.match(_SEPARATORS.sub("", ascii_digits(text)))
    if mobile is None:
        raise InvalidInput(
            f"{text!r} is not a Taiwan mobile number (09xx-xxx-xxx or +886 9xx-xxx-xxx) "
            "or an e-mail address"
        )
    return "0" + mobile.group(1)


def masked(contact: str) -> str:
    """The contact as a screen may show it back: enough to recognise, not to copy."""
    if "@" in contact:
        local, domain = contact.split("@", 1)
        return f"{local[:1]}***@{domain}"
    return f"{contact[:4]}***{contact[-3:]}"
