"""Text a person typed, checked once for every place that keeps it.

Opinions, answers, rating comments and the staff's notes in the event log (an outcome at the
counter, the reason for a ticket issued outside hours) all pass through ``clean_text``, so none
can carry control characters (a terminal's escape sequences, NUL that PostgreSQL refuses) or
outgrow its column.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Literal, overload

from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.refusal_words import refusal, typed

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@overload
def clean_text(text: str | None, what: str, limit: int, *, required: Literal[True]) -> str: ...
@overload
def clean_text(text: str | None, what: str, limit: int, *, required: bool) -> str | None: ...
def clean_text(text: str | None, what: str, limit: int, *, required: bool) -> str | None:
    """Text a citizen or staff member typed, trimmed, with line breaks as ``\n``.

    A browser counts a line break as one character but sends two (CRLF), so breaks are
    normalised before the length is checked. Control characters (NUL above all, which
    PostgreSQL refuses) are refused by name rather than failing in the database.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            raise refusal(InvalidInput, "text_empty", what=typed(what))
        return None
    if len(text) > limit:
        raise refusal(InvalidInput, "text_long", what=typed(what), length=len(text), limit=limit)
    if has_control(text):
        raise refusal(InvalidInput, "text_control", what=typed(what))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which a JSON body can carry
        raise refusal(InvalidInput, "text_not_text", what=typed(what)) from None
    return text


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (a line break is text)."""
    return _CONTROL.search(text) is not None


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit in ASCII: a code or phone number typed with a
    full-width keyboard (０９１２) or pasted in Arabic-Indic digits is the same number."""
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


def codec_for(charset: str) -> str | None:
    """The codec to read or write ``charset`` with, or None for a name Python does not know.
    "big5" is read as Windows' Big5 (cp950), which Taiwan's phones and gateways send: strict
    Big5 lacks characters such as 裏 and 恒, and a text holding one would be lost."""
    try:
        name = codecs.lookup(charset).name
    except (LookupError, TypeError, ValueError):
        return None
    return "cp950" if name == "big5" else name
