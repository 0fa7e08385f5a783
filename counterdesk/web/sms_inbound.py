"""The SMS gateway's inbound endpoint (``POST /sms/inbound``): a citizen's text message, posted
by the office's SMS provider, answered by SMS through the outbox (never sent from here).

- "STOP" (or 「退訂」, in any case, spaced or full-width) opts the sender out; a short
  confirmation is sent once ever (``outbox.confirm_opt_out``), then nothing more.
- A case number and a second factor ("A1150001234 12345678") gets the case's stage.
- Anything else gets a short help text saying what to send.

The gateway proves itself with the shared secret of ``[notify.inbound]`` (a header, or the
``key`` parameter of the address it posts to), compared in constant time; without a secret in
the settings the endpoint does not exist (404). Taiwan's providers post different field names,
as a form or JSON, some in Big5: all of that is set there too. Each reply is one message under
a key of its own (the gateway's message id when it sends one, so a gateway that posts the same
message twice gets one reply). A sender gets at most ``per_hour`` replies an hour, counted in
the outbox, so the limit holds across restarts and servers; beyond it the text is not
answered (a STOP is still recorded). Logs name the sender masked, never the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import parse_qs

from counterdesk import reply_phrases as words
from counterdesk.case_phrases import STAGES
from counterdesk.phrases import Bilingual
from counterdesk.queue import outbox
from counterdesk.queue.cases import Cases
from counterdesk.queue.contacts import masked, normal_contact
from counterdesk.queue.database import serialise_on
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import CounterdeskError, InvalidInput, NotFound
from counterdesk.queue.typed_text import codec_for
from counterdesk.web.problems import problem
from counterdesk.web.response import Response, json_body

log = logging.getLogger(__name__)

REPLY = "sms-reply:"  # the key of every reply but an opt-out's confirmation
KEYS = {"secret", "secret_header", "sender_field", "text_field", "id_field", "charset", "per_hour"}
SECRET_CHARACTERS = 16
MAX_FIELDS = 50  # a gateway's form has a dozen fields at most
TEXT_LENGTH = 160  # characters of a text that are read: a case query is far shorter
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "退訂", "取消訂閱", "取消"})
# A case number (letters and digits) and a second factor: the unified business number (8
# digits) or the last digits of the phone given (4).
CASE_QUERY = re.compile(r"([A-Z0-9][A-Z0-9-]{0,39})[\s,，、]+([0-9]{4}|[0-9]{8})")
REPLY_WINDOW = dt.timedelta(hours=1)  # per_hour counts the replies of this window


@dataclass(frozen=True)
class InboundSettings:
    """``[notify.inbound]``: how the office's SMS provider posts a citizen's text."""

    secret: str = field(repr=False)
    secret_header: str = "X-Inbound-Secret"
    sender_field: str = "from"
    text_field: str = "text"
    id_field: str | None = None  # the provider's message id, when it sends one
    charset: str = "utf-8"
    per_hour: int = 5


def inbound_settings(notify: Mapping[str, Any]) -> InboundSettings | None:
    """The ``inbound`` table of ``[notify]``, or None (no endpoint); a CounterdeskError names
    the key that is wrong."""
    table = notify.get("inbound")
    if table is None:
        return None
    if not isinstance(table, dict):
        _bad("must be a table")
    unknown = set(table) - KEYS
    if unknown:
        _bad(f"unknown key {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    for key, value in table.items():
        if key != "per_hour" and (not isinstance(value, str) or not value.strip()):
            _bad(f"{key} must be a text")
    secret = table.get("secret", "")
    if len(secret) < SECRET_CHARACTERS:
        _bad(f"secret must be a random text of at least {SECRET_CHARACTERS} characters")
    per_hour = table.get("per_hour", InboundSettings.per_hour)
    if isinstance(per_hour, bool) or not isinstance(per_hour, int) or not 1 <= per_hour <= 100:
        _bad("per_hour must be a whole number of replies from 1 to 100")
    named = table.get("charset", "utf-8")
    charset = codec_for(named) if isinstance(named, str) else None
    if charset is None:
        _bad(f"charset {named!r} is not an encoding Python knows (e.g. utf-8, big5)")
    return InboundSettings(**{**table, "per_hour": per_hour, "charset": charset})


def _bad(problem: str) -> NoReturn:
    raise CounterdeskError(f"settings [notify.inbound]: {problem}")


@dataclass(frozen=True)
class Stop:
    pass


@dataclass(frozen=True)
class CaseQuery:
    number: str
    factor: str


@dataclass(frozen=True)
class Help:
    pass


Intent = Stop | CaseQuery | Help


def intent(text: str) -> Intent:
    """What a citizen's text asks for; full-width letters and digits, case and spaces aside."""
    plain = unicodedata.normalize("NFKC", text[:TEXT_LENGTH]).upper().strip(" \t\r\n.!。！")
    if re.sub(r"\s+", "", plain) in STOP_WORDS:
        return Stop()
    query = CASE_QUERY.fullmatch(plain)
    if query:
        return CaseQuery(query.group(1), query.group(2))
    return Help()


class SmsInbound:
    """Answers one office's inbound texts."""

    def __init__(self, engine: TicketEngine, settings: InboundSettings) -> None:
        self.engine = engine
        self.settings = settings
        self.cases = Cases(engine)
        self._secret = settings.secret.encode("utf-8")

    def authorised(self, headers: Mapping[str, str], query: Mapping[str, str]) -> bool:
        """Whether the request carries the secret, in its header or the ``key`` parameter."""
        given = headers.get(self.settings.secret_header.lower()) or query.get("key") or ""
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), self._secret)

    def receive(self, body: bytes, content_type: str) -> Response:
        """Read the posted text and enqueue its answer: 200 when taken (answered or not),
        a problem object (4xx) saying what is wrong with a post no gateway should send."""
        try:
            fields = self._fields(body, content_type)
        except _Refused as refused:
            return refused.response
        names = self.settings
        sender_text, text = fields.get(names.sender_field), fields.get(names.text_field)
        if sender_text is None:
            return problem(422, words.GATEWAY_FIELD_MISSING.fill(field=names.sender_field))
        if text is None:
            return problem(422, words.GATEWAY_FIELD_MISSING.fill(field=names.text_field))
        try:
            sender = normal_contact(sender_text)
        except InvalidInput:
            sender = None
        if sender is None or outbox.channel_of(sender) != outbox.SMS:
            return problem(422, words.GATEWAY_NOT_MOBILE.fill(field=names.sender_field))
        message_id = fields.get(names.id_field) if names.id_field else None
        self._answer(sender, intent(text), message_id)
        return json_body(200, {"received": True})

    def _answer(self, sender: str, asked: Intent, message_id: str | None) -> None:
        now = self.engine.clock.now()
        if isinstance(asked, Stop):
            with self.engine.db.write() as session:
                outbox.confirm_opt_out(session, sender, self._text(words.OPTED_OUT_SMS), now)
            log.info("inbound SMS: %s opted out", masked(sender))
            return
        body, key = self._reply(asked), REPLY + _key_part(message_id)
        with self.engine.db.write() as session:
            # Counted and added in one transaction, one sender's at a time: two texts at
            # once never get past the hourly limit together.
            serialise_on(session, f"counterdesk sms replies {sender}")
            replied = outbox.enqueued_since(session, sender, REPLY, now - REPLY_WINDOW)
            if replied < self.settings.per_hour:
                outbox.enqueue(session, key=key, recipient=sender, body=body, now=now)
        if replied >= self.settings.per_hour:
            log.warning(
                "inbound SMS from %s not answered: %d replies in the last hour already",
                masked(sender),
                replied,
            )
            return
        log.info("inbound SMS from %s answered (%s)", masked(sender), type(asked).__name__)

    def _reply(self, asked: Intent) -> str:
        if not isinstance(asked, CaseQuery):
            return self._text(words.HELP_SMS)
        try:  # an unknown number and a wrong second factor are refused alike
            case = self.cases.lookup(asked.number, asked.factor)
        except NotFound:
            return self._text(words.CASE_NOT_FOUND_SMS)
        return self._text(words.CASE_STAGE_SMS, number=case.number, stage=STAGES[case.stage])

    def _text(self, phrase: Bilingual, **values: Any) -> str:
        """An SMS of ``phrase``, Chinese over English, with the office's name and ``values``
        (a Bilingual value in its language) filled in."""
        office = Bilingual.of(self.engine.office.office.name)
        return phrase.fill(**values, office=office).line("\n")

    def _fields(self, body: bytes, content_type: str) -> dict[str, str]:
        """The posted fields as texts; a field given twice counts as missing. A charset the
        post declares wins over the settings' (a provider that changed its encoding)."""
        declared = _declared_charset(content_type)
        charset = (declared and codec_for(declared)) or codec_for(self.settings.charset) or "utf-8"
        not_text = words.GATEWAY_NOT_TEXT.fill(charset=charset)
        try:
            text = body.decode(charset)
        except UnicodeDecodeError:
            raise _Refused(problem(400, not_text)) from None
        kind = content_type.partition(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            try:
                found = parse_qs(  # %XX escapes decoded strictly too
                    text,
                    keep_blank_values=True,
                    max_num_fields=MAX_FIELDS,
                    encoding=charset,
                    errors="strict",
                )
            except UnicodeDecodeError:
                raise _Refused(problem(400, not_text)) from None
            except ValueError:
                raise _Refused(problem(400, words.GATEWAY_NOT_FORM)) from None
            return {name: values[0] for name, values in found.items() if len(values) == 1}
        if kind == "application/json" or kind.endswith("+json"):
            try:
                value = json.loads(text)
            except ValueError:
                raise _Refused(problem(400, words.GATEWAY_NOT_FORM)) from None
            if not isinstance(value, dict):
                raise _Refused(problem(400, words.GATEWAY_NOT_FORM))
            return {
                name: str(item)
                for name, item in value.items()
                if isinstance(item, str | int) and not isinstance(item, bool)
            }
        raise _Refused(problem(415, words.GATEWAY_NOT_FORM))


def _declared_charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def _key_part(message_id: str | None) -> str:
    """A reply's own part of its key: the provider's message id, hashed (a gateway that posts
    the same text twice gets one reply), else random."""
    if message_id:
        return hashlib.sha256(message_id.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return secrets.token_hex(16)
