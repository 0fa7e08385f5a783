"""How a citizen stops the messages, said under each one as it leaves (not in the outbox, so
every producer's message gets it, and a link is never stored).

- An **e-mail** always ends with its opt-out link (``queue/opt_out_links.py``), and the SMTP
  channel also names the link in a ``List-Unsubscribe`` header (with RFC 8058's one-click
  POST), which mail programs show as an "unsubscribe" button.
- An **SMS** ends with "回覆STOP退訂 / Reply STOP to opt out" only when the note fits in the
  parts the message takes anyway: a provider bills each part, and the note must never double
  the price of a short notice. A message that has no room still opts out by a STOP reply.
- The confirmation of an opt-out gets no note (it has been done), nor does a text that
  already says how (the SMS replies' help text).
"""

from __future__ import annotations

import dataclasses
import math

from counterdesk import reply_phrases as words
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.queue.outbox import EMAIL, Message, confirmation_key

# One SMS holds 160 characters of the GSM alphabet (153 a part when split), or 70 UTF-16 units
# of anything else, Chinese among it (67 a part).
GSM_PART, GSM_SPLIT, UCS2_PART, UCS2_SPLIT = 160, 153, 70, 67
SMS_NOTE = f"{words.SMS_FOOTER.zh} / {words.SMS_FOOTER.en}"


@dataclasses.dataclass(frozen=True)
class Dressed(Message):
    """A message as it leaves, with ``unsubscribe``: the opt-out link an e-mail's header names."""

    unsubscribe: str | None = None


def dressed(message: Message, links: OptOutLinks | None) -> Message:
    """``message`` with its opt-out note, if it gets one (see above)."""
    recipient = message.recipient
    if recipient is None or message.key == confirmation_key(recipient):
        return message
    if message.channel == EMAIL:
        if links is None:
            return message
        url = links.url(recipient)
        note = words.EMAIL_FOOTER.fill(url=url)
        values = {f.name: getattr(message, f.name) for f in dataclasses.fields(message)}
        values["body"] = f"{message.body}\n\n--\n{note.zh}\n{note.en}"
        return Dressed(**values, unsubscribe=url)
    if "STOP" in message.body:
        return message
    noted = f"{message.body}\n{SMS_NOTE}"
    return (
        dataclasses.replace(message, body=noted)
        if sms_parts(noted) == sms_parts(message.body)
        else message
    )


def sms_parts(text: str) -> int:
    """How many parts an SMS of ``text`` is sent (and billed) as."""
    if text.isascii():  # near enough the GSM alphabet: a few ASCII signs count twice there
        whole, split, length = GSM_PART, GSM_SPLIT, len(text)
    else:
        whole, split, length = UCS2_PART, UCS2_SPLIT, len(text.encode("utf-16-le")) // 2
    return 1 if length <= whole else math.ceil(length / split)
