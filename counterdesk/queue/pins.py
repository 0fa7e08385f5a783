"""Hashed PINs for staff sign-in and the kiosk's staff exit: never stored in the clear.

A PIN is compared as ASCII digits: one typed with a Chinese IME in full-width mode (１２３４)
is the same PIN as on a keypad. A new PIN is refused when it is not 4 to ``longest`` digits or
is one anyone would guess first (0000, 1234, 9876, 1212): the lock-out allows 5 tries in a
row. Every path that sets a PIN (``staff set-pin``, ``kiosk --hash-pin``) goes through
``new_pin``.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import secrets
import unicodedata

from counterdesk.queue.errors import QueueError
from counterdesk.queue.refusal_words import refusal

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def plain(pin: str) -> str:
    """``pin`` as typed, with full-width digits (a Chinese IME's) made ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", pin)


def new_pin(pin: str, longest: int = 8) -> str:
    """``pin`` made plain, or a refusal: not 4 to ``longest`` ASCII digits, or guessable."""
    pin = plain(pin)
    if not re.fullmatch(rf"[0-9]{{4,{longest}}}", pin):
        raise refusal(QueueError, "pin_digits", longest=longest)
    if guessable(pin):
        raise refusal(QueueError, "pin_guessable")
    return pin


def guessable(pin: str) -> bool:
    """Whether ``pin`` is one digit or a short block repeated (0000, 1212, 123123), or a
    straight run up or down (1234, 7890, 9876)."""
    repeated = any(
        len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size)
        for size in range(1, len(pin) // 2 + 1)
    )
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return repeated or steps in ({1}, {9})


def hash_pin(pin: str) -> str:
    """``scrypt$salt$hash`` in hex, with a fresh random salt each time."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(plain(pin).encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from; compared in constant time."""
    scheme, salt, digest = stored.split("$")
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(plain(pin).encode(), salt=bytes.fromhex(salt), dklen=32, **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)
