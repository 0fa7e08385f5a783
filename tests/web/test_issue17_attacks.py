"""An adversarial review of issue 17's public and staff surfaces (the SMS gateway's inbound
endpoint, the opt-out links, the outbox's exemption, the CSV import of case moves, the case
panel of the console and the supervisor). Each test in this file is a weakness found: it fails
on the code it was written against (main 78c3f28) and passes once the weakness is fixed. What
held is in ``test_issue17_attacks_held.py``."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import urllib.parse
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select

from counterdesk.queue import Database, TicketEngine, outbox
from counterdesk.queue.case_import import ImportRefused, parse_moves
from counterdesk.queue.cases import Cases, working_days_after
from counterdesk.queue.errors import CounterdeskError, QueueError
from counterdesk.queue.models import OutboxRow
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.ui.case_views import CasePanel
from counterdesk.web.limits import Limits
from counterdesk.web.server import make_server
from counterdesk.web.sms_inbound import REPLY, InboundSettings, SmsInbound
from tests.web.support import Client
from tests.web.test_issue17_attacks_held import dead_letter

SECRET = "gateway-secret-0123456789"
FORM = "application/x-www-form-urlencoded"
CITIZEN = "0912345678"


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode()


def replies_to(engine: TicketEngine, recipient: str) -> int:
    with engine.db.read() as session:
        keys = session.scalars(select(OutboxRow.key).where(OutboxRow.recipient == recipient))
        return sum(1 for key in keys if key.startswith(REPLY))


def test_two_texts_at_once_from_one_sender_get_no_more_replies_than_per_hour(
    engine: TicketEngine,
) -> None:
    """``SmsInbound._answer`` counts the sender's replies in one transaction and enqueues the
    reply in another: two texts that arrive together both read the count before either
    writes, so both are answered. A burst of posts (a case number and factor guessed in
    parallel: the 4 last digits of a phone are 10,000 tries) passes ``per_hour`` as it likes.
    Here the second text is made to arrive exactly between the first one's count and its
    write (a hook on the real database, no mock): with ``per_hour = 1`` two replies are
    queued. Fix: count and enqueue in one write transaction, serialised per sender (SQLite's
    BEGIN IMMEDIATE does it; on PostgreSQL a ``pg_advisory_xact_lock`` on the sender's hash,
    or an insert into a per-sender, per-hour counter row)."""
    inbound = SmsInbound(engine, InboundSettings(secret=SECRET, per_hour=1))
    sql = engine.db.engine
    arrived = threading.Event()
    others: list[threading.Thread] = []

    def second_text() -> None:
        # Refused while the first one's write waits (once fixed): not answered, not an error.
        with contextlib.suppress(CounterdeskError):
            inbound.receive(form(**{"from": CITIZEN, "text": "A1 5678"}), FORM)

    def second_text_arrives(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if arrived.is_set() or "count(" not in statement.lower() or "outbox" not in statement:
            return
        arrived.set()
        other = threading.Thread(target=second_text)
        others.append(other)
        other.start()
        # Once fixed, the second text waits for the first one's transaction: the first goes
        # on after this guard, and the second is answered (or not) after it.
        other.join(5)

    event.listen(sql, "after_cursor_execute", second_text_arrives)
    try:
        answer = inbound.receive(form(**{"from": CITIZEN, "text": "A2 5678"}), FORM)
    finally:
        event.remove(sql, "after_cursor_execute", second_text_arrives)
    for other in others:
        other.join(60)
    assert answer.status == 200
    assert arrived.is_set()
    assert replies_to(engine, CITIZEN) <= 1


def test_opting_out_an_address_stops_mail_to_the_same_address_written_in_another_case(
    engine: TicketEngine,
) -> None:
    """``normal_contact`` lowers an e-mail's domain only, and the opt-outs are matched
    exactly: a citizen who opts out with the link of a mail sent to "Foo@example.com" (as
    typed at the kiosk one day) still gets mail sent to "foo@example.com" (as typed on the
    booking page another day). Every mail provider a citizen uses treats the local part
    without case, so the person is the same and the opt-out is ignored. Fix: match opt-outs
    on the address case-folded (store the opt-out's ``contact`` case-folded for e-mail, or
    compare ``lower(contact)``), in ``opted_out`` as in ``opt_out``."""
    now = engine.clock.now()
    with engine.db.write() as session:
        outbox.opt_out(session, "Foo@Example.com", now)
    with engine.db.write() as session:
        outbox.enqueue(
            session,
            key="booking:1:booked",
            recipient="foo@example.com",
            body="A001",
            subject="A001",
            now=now,
        )
    with engine.db.write() as session:
        claimed = outbox.claim_next(session, outbox.EMAIL, now, per_minute=60)
    assert claimed is None  # set aside as opted out, never handed to the channel


def test_a_stale_move_button_does_not_apply_a_move_from_a_stage_the_clerk_never_saw(
    qtbot: QtBot, engine: TicketEngine
) -> None:
    """The case panel (console F11, supervisor's Cases tab) shows the moves allowed from the
    stage it read, and a click moves the case to that stage from whatever stage it is in
    now. A clerk looking at a case under review clicks "approved" after a colleague moved it
    to "correction needed" (documents missing): the case is approved over the correction,
    and the citizen is sent "approved" while still asked to bring the missing papers. Fix:
    ``Cases.move(..., from_stage=)`` refused (CaseRefused "the case is now ...") when the
    case is no longer in the stage the clerk saw; the panel passes ``self.case.stage`` and
    re-reads the case on a refusal. The CSV import's preview has the same gap (its "now"
    column is not checked at apply)."""
    cases = Cases(engine)
    cases.register("S1", service="amendment")
    cases.move("S1", "under_review", by="wang")
    panel = CasePanel(cases, lambda: "chen")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.shown, timeout=10000):
        panel.show_number("S1")
    assert panel.case is not None and panel.case.stage == "under_review"
    cases.move("S1", "correction", by="wang", note="the seal", due=_next_open_day(engine))
    [approve] = [
        button
        for button in panel.findChildren(QPushButton)
        if button.property("stage") == "approved"
    ]
    approve.click()
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=10000)
    assert cases.by_number("S1").stage == "correction"


def _next_open_day(engine: TicketEngine) -> dt.date:
    return working_days_after(engine.office, engine.business_date(), 3)


def test_a_big5_text_with_a_character_of_windows_big5_is_answered_not_refused(
    engine: TicketEngine,
) -> None:
    """With ``charset = "big5"`` (as the README offers for Taiwan's providers) the body is
    decoded by Python's strict ``big5``, which lacks Windows' Big5 (cp950) characters such as
    裏, 恒, 碁 (0xF9D6-0xF9FE) that Taiwan's phones and gateways send: a citizen's text with
    one of them is refused 400 ("not big5 text") and never answered (a gateway may retry it
    for ever, or drop it; a STOP written with one is lost). Fix: read "big5" as cp950 (or
    big5hkscs), and never refuse a citizen's text over a character (decode the text field
    with ``errors="replace"``: the intent is read from ASCII and common Chinese only)."""
    inbound = SmsInbound(engine, InboundSettings(secret=SECRET, charset="big5"))
    text = urllib.parse.quote_from_bytes("請問裏面缺什麼".encode("cp950"))
    answer = inbound.receive(f"from={CITIZEN}&text={text}".encode("ascii"), FORM)
    assert answer.status == 200, answer.body
    assert replies_to(engine, CITIZEN) == 1  # the help text


def test_a_stop_in_the_charset_the_gateway_declares_opts_the_sender_out(
    engine: TicketEngine,
) -> None:
    """The gateway's own ``Content-Type: ...; charset=utf-8`` is ignored for the setting's
    charset: an office set up with ``big5`` whose provider posts UTF-8 (many do for JSON,
    or after an upgrade) refuses every Chinese STOP, 「退訂」, with a 400, so a citizen who
    asked to stop keeps receiving notices. Fix: a charset the request declares wins over the
    setting (the setting is for gateways that declare none)."""
    inbound = SmsInbound(engine, InboundSettings(secret=SECRET, charset="big5"))
    body = form(**{"from": CITIZEN, "text": "退訂"})  # urlencode: UTF-8 %XX escapes
    answer = inbound.receive(body, f"{FORM}; charset=utf-8")
    assert answer.status == 200, answer.body
    with engine.db.read() as session:
        assert outbox.opted_out(session, CITIZEN)


def test_a_cp950_file_that_is_also_valid_utf8_is_not_read_as_utf8_mojibake() -> None:
    """``case_import`` reads any file that decodes as UTF-8 as UTF-8. 899 two-byte cp950
    characters are valid UTF-8 too (lead 0xC2-0xDF, trail 0xA1-0xBF), among them 翻 譯 簽
    襯: a cp950 file from Excel whose Chinese is only such characters ("翻譯", translation,
    the commonest thing a correction asks for) is read as UTF-8, and the correction note
    stored, shown to staff and kept in the case's history is "½Ķ". The supervisor's import has no
    way to force cp950 (only the CLI has ``--encoding``). Fix: when a file without a BOM is
    valid in both, prefer the reading with CJK and no Latin-1/Latin Extended letters (or ask
    the clerk: refuse naming both readings), and give the window an encoding choice."""
    data = "number,stage,note,due\r\nA1,correction,翻譯,2026-12-10\r\n".encode("cp950")
    try:
        parsed = parse_moves(data)
    except ImportRefused as refused:  # asking which encoding is a fix too
        assert "cp950" in str(refused)
        return
    assert [move.note for move in parsed.moves] == ["翻譯"]


@pytest.mark.slow
def test_enqueue_says_false_for_a_key_enqueued_before_on_postgresql_too(
    engine: TicketEngine, pg_url: str
) -> None:
    """``outbox.enqueue`` promises False when its key was enqueued before, and
    ``confirm_opt_out`` False when the confirmation was; both return
    ``bool(result.rowcount)``, and on PostgreSQL (psycopg 3, SQLAlchemy 2.1) the rowcount of
    ``INSERT ... ON CONFLICT DO NOTHING`` is -1: True every time. The row is not duplicated
    (the unique key holds), but every producer that trusts the answer ("notified", "the
    confirmation is new", the "turn is near" notice's own bool) is told a message was queued
    when none was, on the office's production database only: SQLite answers right, so no
    SQLite test sees it. Fix: ``.returning(_outbox.c.id)`` and ``inserted.first() is not
    None`` (both dialects), or ``rowcount == 1``."""
    queue = TicketEngine(Database(pg_url), engine.clock)
    queue.load_office(engine.office)
    try:
        now, answers = queue.clock.now(), []
        for _ in range(2):
            with queue.db.write() as session:
                answers.append(
                    outbox.enqueue(
                        session, key="booking:1:booked", recipient=CITIZEN, body="A1", now=now
                    )
                )
        for _ in range(2):
            with queue.db.write() as session:
                answers.append(outbox.confirm_opt_out(session, CITIZEN, "opted out", now))
        assert answers == [True, False, True, False]
    finally:
        queue.db.dispose()


def test_a_mail_providers_one_click_unsubscribes_are_not_refused_by_the_booking_limit(
    engine: TicketEngine,
) -> None:
    """The opt-out page's POST goes through the booking pages' ``WriteGuard``: 6 POSTs, then 6
    an hour, per client address, shared with booking and taking a number. RFC 8058's
    one-click unsubscribe is posted by the mail provider's servers (Gmail, Outlook, Yahoo:
    a few addresses for all of the office's recipients), so from the seventh citizen an hour
    who clicks "Unsubscribe" in their mail program the answer is 429 and they stay
    subscribed; a citizen behind the office's or a school's NAT, after a few bookings there,
    the same. A POST with a valid token only opts out its own address and may be repeated
    harmlessly: nothing to limit. Fix: charge the guard only for a token that is not valid
    (the MAC is the proof), or give /u/ a limit of its own, far above a provider's rate."""
    secret = b"link-secret-0123456789-0123456789-abc"
    links = OptOutLinks(engine.office, secret)
    addresses = [f"citizen{n}@example.com" for n in range(10)]
    headers = {"Content-Type": FORM}  # a provider's server: no Origin, no Sec-Fetch-Site
    with make_server(engine, "127.0.0.1", 0, limits=Limits(), links=links).running() as run:
        client = Client(run)
        statuses = [
            client.request(
                "POST", f"/u/{links.token(a)}", b"List-Unsubscribe=One-Click", headers
            ).status
            for a in addresses
        ]
    assert statuses == [200] * len(addresses)
    with engine.db.read() as session:
        assert all(outbox.opted_out(session, a) for a in addresses)


def test_resending_a_dead_letter_to_a_contact_who_opted_out_is_refused_by_name(
    engine: TicketEngine,
) -> None:
    """The supervisor's "Resend…" of an undelivered message whose recipient has since opted
    out is taken (``outbox.resend`` checks only that the recipient was not purged) and the
    tab says "... is in line to be sent again"; the notifier then sets it aside as opted out,
    silently. The citizen is safe, but the supervisor is told something false, and may call
    the citizen to say a message is coming. Fix: ``resend`` refuses (QueueError "the recipient
    opted out ...") as it refuses a purged one, and the tab's status line shows it."""
    now, dead = engine.clock.now(), dead_letter(engine, "booking:1:booked")
    with engine.db.write() as session:
        outbox.opt_out(session, CITIZEN, now)
    with engine.db.write() as session, pytest.raises(QueueError, match="opted out"):
        outbox.resend(session, dead, now)
