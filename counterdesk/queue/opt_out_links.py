"""The opt-out link every e-mail carries: a token that names the address and proves the office
made it, so that nobody can opt out someone else by guessing or editing a link.

The token is the address (base64url) and an HMAC-SHA256 of it under the office's link secret
(``[notify] link_secret`` of the settings file, the same on the PC that sends and the one that
serves the pages): nothing is stored per link, and a link works as long as the secret is kept.
The address is in the link because the mail already holds it; the page shows it masked.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, field

from counterdesk.queue.booking_link import OPT_OUT_PATH, site_url
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.office import Office

PURPOSE = b"counterdesk opt-out\x00"  # a MAC for this use only, never valid for another
MAC_BYTES = 16  # 128 bits: no forgery by trying
TOKEN_LENGTH = 400  # characters at most: a longer one is not ours, and is never decoded
SECRET_CHARACTERS = 32  # the least a link secret may have


@dataclass(frozen=True)
class OptOutLinks:
    """Makes and checks the opt-out links of one office under one secret."""

    office: Office
    secret: bytes = field(repr=False)

    def url(self, contact: str) -> str:
        """The page that opts ``contact`` (as stored) out after one confirming click."""
        return site_url(self.office, OPT_OUT_PATH, self.token(contact))

    def token(self, contact: str) -> str:
        return f"{_b64(contact.encode('utf-8'))}.{_b64(self._mac(contact))}"

    def contact(self, token: str) -> str | None:
        """The address a token names, or None for a malformed, edited or foreign token."""
        if len(token) > TOKEN_LENGTH or token.count(".") != 1:
            return None
        named, _, mac = token.partition(".")
        try:
            contact = _unb64(named).decode("utf-8")
            given = _unb64(mac)
            if normal_contact(contact) != contact:
                return None
        except (ValueError, InvalidInput):  # binascii.Error and UnicodeDecodeError among them
            return None
        return contact if hmac.compare_digest(given, self._mac(contact)) else None

    def _mac(self, contact: str) -> bytes:
        digest = hmac.new(self.secret, PURPOSE + contact.encode("utf-8"), hashlib.sha256)
        return digest.digest()[:MAC_BYTES]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text.isascii():
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as exc:
        raise ValueError(str(exc)) from None
