"""The status page and its JSON, through a real server, as the ticket moves through the queue."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from urllib.parse import urlencode

import pytest

from counterdesk import phrases
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.office import Office, Text
from counterdesk.web.site import StatusSite
from tests.web.support import Client, finished, polled


def visible(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_waiting_page_shows_number_position_and_service(
    engine: TicketEngine, client: Client
) -> None:
    engine.sign_in(1, "wang")  # one counter calls them in turn
    engine.issue("precheck")
    engine.issue("precheck")
    mine = engine.issue("precheck")

    reply = client.get(f"/t/{mine.token}")

    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    text = visible(reply.text)
    assert '<p class="number">A003</p>' in reply.text
    assert "前面還有 2 人 2 people ahead of you" in text
    waiting = engine.read.ticket_by_token(mine.token)
    assert waiting is not None
    wait = phrases.wait_of(waiting)  # the engine's projection, worded as everywhere
    assert re.fullmatch(r"約 \d+(–\d+)? 分鐘", wait.zh), wait
    assert f"預估等候 {wait.zh} Estimated wait: {wait.en}" in text
    assert "公司名稱及所營事業預查 Company name & business-scope reservation" in text
    assert '<html lang="zh-Hant-TW">' in reply.text
    assert '<span class="en" lang="en"' in reply.text
    # Polls its JSON (no inline script), with a meta refresh when scripts are off.
    assert f'data-api="/api/t/{mine.token}" data-refresh="5"' in reply.text
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in reply.text
    assert "<script>" not in reply.text and " style=" not in reply.text


def test_first_in_its_service_behind_another_service_is_not_told_it_is_next(
    engine: TicketEngine, client: Client
) -> None:
    """Counter 1 calls certificates before pre-checks: nobody is ahead in pre-check, yet the
    holder waits for the certificate first."""
    engine.sign_in(1, "wang")
    engine.issue("certificate")
    mine = engine.issue("precheck")

    status = client.get(f"/api/t/{mine.token}").json()

    assert status["people_ahead"] == 0 and status["estimated_wait_high"] > 0
    assert status["headline"] == {
        "zh": "您是本項業務的下一位",
        "en": "First in line for this service",
    }
    text = visible(client.get(f"/t/{mine.token}").text)
    assert "您是本項業務的下一位 First in line for this service" in text
    assert "You are next" not in text and "預估等候 " in text


@pytest.mark.parametrize(
    ("ahead", "low", "high", "headline", "detail"),
    [
        (
            2,
            15,
            25,
            "前面還有 2 人 2 people ahead of you",
            "預估等候 約 15–25 分鐘 Estimated wait: about 15–25 min",
        ),
        (
            1,
            4,
            4,
            "前面還有 1 人 1 person ahead of you",
            "預估等候 約 4 分鐘 Estimated wait: about 4 min",
        ),
        (
            0,
            0,
            5,
            "您是本項業務的下一位 First in line for this service",
            "預估等候 5 分鐘內 Estimated wait: within 5 min",
        ),
        (0, 0, 0, "下一位就是您 You are next", "請留意叫號 Please watch for your number"),
        (
            3,
            None,
            None,
            "前面還有 3 人 3 people ahead of you",
            "目前無法預估等候時間，請留意叫號 "
            "No estimate of the wait for now: please watch for your number",
        ),
    ],
)
def test_the_page_words_the_projected_wait_in_both_languages(
    engine: TicketEngine,
    ahead: int,
    low: int | None,
    high: int | None,
    headline: str,
    detail: str,
) -> None:
    """The same waiting ticket with each kind of estimate: a range, one figure, a range from
    0, due now, none (no counter will call it today); the page and its JSON say the same."""
    site = StatusSite(engine)
    found = site.status(engine.issue("precheck").token)
    assert found is not None
    minutes = None if high is None else (high + (low or 0)) / 2
    status = dataclasses.replace(
        found,
        people_ahead=ahead,
        estimated_wait_minutes=minutes,
        estimated_wait_low=low,
        estimated_wait_high=high,
    )

    text = visible(site.page_of(status).body.decode())
    body = json.loads(site.json_of(status).body)

    assert f"{headline} {detail}" in text
    assert f"{body['headline']['zh']} {body['headline']['en']}" == headline
    assert f"{body['detail']['zh']} {body['detail']['en']}" == detail
    assert (body["estimated_wait_low"], body["estimated_wait_high"]) == (low, high)


def test_page_lists_procedure_checklist_and_helpline_with_unconfirmed_values_marked(
    engine: TicketEngine, client: Client, sample_office: Office
) -> None:
    ticket = engine.issue("precheck")
    text = visible(client.get(f"/t/{ticket.token}").text)
    service = sample_office.service("precheck")

    for step in service.steps:
        assert f"{step.zh} {step.en}" in text
    for document in service.documents:
        assert f"{document.zh} {document.en}" in text
    assert f"{service.fee.zh} {service.fee.en}" in text
    assert "處理時間 Processing time 僅供參考，以承辦人員說明為準" in text  # placeholder
    assert "規費 Fee 臨櫃" in text  # the fee is confirmed: no "for guidance only"
    assert text.count("For guidance only: staff will confirm") == 2  # steps and time
    page = client.get(f"/t/{ticket.token}").text
    assert '<a href="tel:024121166">412-1166 (02-4121166)</a>' in page


def test_called_ticket_says_which_counter_in_page_and_json(
    engine: TicketEngine, client: Client
) -> None:
    engine.sign_in(3, "lin")
    ticket = engine.issue("precheck")
    before = client.get(f"/api/t/{ticket.token}").json()
    assert before["status"] == "waiting" and before["counter"] is None

    engine.call_ticket(3, ticket.number)

    status = polled(client, ticket.token, "called")
    assert status["counter"] == {
        "number": 3,
        "zh": "一般登記櫃檯",
        "en": "General registration counter",
    }
    assert status["headline"] == {"zh": "請至 3 號櫃檯", "en": "Please go to counter 3"}
    assert status["people_ahead"] is None
    text = visible(client.get(f"/t/{ticket.token}").text)
    assert "請至 3 號櫃檯 Please go to counter 3" in text
    engine.start(3)
    serving = polled(client, ticket.token, "serving")
    assert serving["counter"]["number"] == 3
    assert serving["detail"] == {"zh": "辦理中", "en": "You are being served"}


def test_json_has_the_status_fields_and_nothing_internal(
    engine: TicketEngine, client: Client
) -> None:
    engine.sign_in(3, "lin")
    engine.issue("incorporation", priority=True)
    ticket = engine.issue("incorporation")

    reply = client.get(f"/api/t/{ticket.token}")

    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    assert reply.headers["Cache-Control"] == "no-store"
    status = reply.json()
    assert status == {
        "number": "B002",
        "service": {"code": "incorporation", "zh": "公司設立登記", "en": "Company incorporation"},
        "priority": False,
        "status": "waiting",
        "business_date": "2026-11-27",
        "live": True,
        "people_ahead": 1,
        "estimated_wait_minutes": status["estimated_wait_minutes"],
        "estimated_wait_low": status["estimated_wait_low"],
        "estimated_wait_high": status["estimated_wait_high"],
        "counter": None,
        "can_rate": False,
        "rated_score": None,
        "opinions": [],
        "title": "B002 前面還有 1 人 · 1 person ahead of you",
        "headline": {"zh": "前面還有 1 人", "en": "1 person ahead of you"},
        "detail": status["detail"],  # its words are checked below
        "updated": "09:00:00",
        "refresh_seconds": 5,
        "check_in_by": None,  # a web number's deadline, until checked in
        "cases": [],  # a finished ticket's, followed on its page
        "cases_seen": "",
    }
    waiting = engine.read.ticket_by_token(ticket.token)
    assert waiting is not None
    assert status["estimated_wait_minutes"] == waiting.estimated_wait_minutes > 0
    low, high = status["estimated_wait_low"], status["estimated_wait_high"]
    assert (low, high) == (waiting.estimated_wait_low, waiting.estimated_wait_high)
    assert 0 <= low <= high
    assert status["detail"] == phrases.estimated_wait(waiting)._asdict()
    assert re.fullmatch(r"預估等候 約 \d+(–\d+)? 分鐘", status["detail"]["zh"])
    assert re.fullmatch(r"Estimated wait: about \d+(–\d+)? min", status["detail"]["en"])
    assert ticket.token not in reply.text  # the token is the address, never the content


def test_finished_ticket_offers_the_five_faces(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)

    reply = client.get(f"/t/{ticket.token}")

    page = reply.text
    assert "辦理完成，謝謝您 All done. Thank you" in visible(page)
    assert f'<form class="rate" method="post" action="/t/{ticket.token}/rate">' in page
    words = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")
    for score, label in enumerate(words, 1):
        assert f'<input type="radio" name="score" value="{score}" id="score-{score}"' in page
        assert f'<label for="score-{score}"><svg class="face face-{score}"' in page
        assert f'<span class="en" lang="en">{label}</span>' in page
    assert "data-api" not in page and "http-equiv" not in page  # nothing left to poll
    assert client.get(f"/api/t/{ticket.token}").json()["can_rate"] is True
    # Next to the comment box, and read out with it.
    assert 'aria-describedby="comment-hint"' in page
    assert (
        '<p id="comment-hint" class="bi note"><span class="zh" lang="zh-Hant-TW">'
        '請勿填寫身分證字號等個人資料</span> <span class="en" lang="en">'
        "Please do not include personal details such as ID numbers</span></p>"
    ) in page


def test_rating_is_recorded_once(engine: TicketEngine, clock: ManualClock, client: Client) -> None:
    ticket = finished(engine, clock)

    reply = client.rate(ticket, "score=4&comment=%E5%BE%88%E5%BF%AB")  # 很快

    # To the ticket's page: reloading what the browser shows then never posts again.
    assert reply.status == 303
    assert reply.headers["Location"] == f"/t/{ticket.token}"
    page = client.get(reply.headers["Location"])
    assert page.status == 200
    text = visible(page.text)
    assert "感謝您的評分 Thank you for your rating" in text
    assert "您的評分：滿意 Your rating: Satisfied" in text
    assert '<div class="rated"><svg class="face face-4"' in page.text
    assert "<form" not in page.text
    assert "Your comment and its progress" not in text  # no reply asked for: no opinion
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None
    assert (rating.score, rating.comment, rating.source) == (4, "很快", "web")
    assert Opinions(engine).listing() == []

    again = client.rate(ticket, "score=1")

    assert again.status == 409
    text = visible(again.text)
    assert f"{phrases.ALREADY_RATED.zh} {phrases.ALREADY_RATED.en}" in text  # as at the counter
    assert Feedback(engine).ratings.rating_for(ticket.token).score == 4
    assert client.get(f"/api/t/{ticket.token}").json()["rated_score"] == 4


def test_comment_with_reply_wanted_opens_an_opinion_shown_on_the_ticket_page(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)

    reply = client.rate(ticket, "score=2&comment=Too+slow&reply=yes&contact=someone%40example.org")

    assert reply.status == 303
    opinions = Opinions(engine).listing()
    assert len(opinions) == 1
    opinion = opinions[0]
    assert opinion.reference == "OP-20261127-0001"
    assert (opinion.body, opinion.contact, opinion.channel) == (
        "Too slow",
        "someone@example.org",
        "web",
    )
    assert (opinion.number, opinion.service, opinion.counter) == (ticket.number, "precheck", 1)
    assert Feedback(engine).ratings.rating_for(ticket.token).score == 2
    page = client.get(reply.headers["Location"]).text
    assert f'<p class="reference">{opinion.reference}</p>' in page
    text = visible(page)
    assert "Your comment is recorded under reference" in text
    assert "已收件，等待分派承辦人 Received: waiting for a member of staff" in text
    assert "someone@example.org" not in page
    status = client.get(f"/api/t/{ticket.token}")
    assert status.json()["opinions"] == [
        {
            "reference": opinion.reference,
            "status": "open",
            "words": {
                "zh": "已收件，等待分派承辦人",
                "en": "Received: waiting for a member of staff",
            },
        }
    ]
    assert "someone@example.org" not in status.text


def test_ticket_page_follows_its_opinion_to_the_answer(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)
    client.rate(ticket, "score=1&comment=Lost+my+form&reply=yes&contact=0912-345-678")
    opinions = Opinions(engine)
    (reference,) = [o.reference for o in opinions.for_ticket(ticket.token)]
    path = f"/t/{ticket.token}"

    opinions.assign(reference, "chen")
    assigned = visible(client.get(path).text)
    clock.advance(days=1)
    opinions.answer(reference, "We found it.\nPlease collect it <b>at counter 2</b>.", "chen")
    answered = client.get(path).text
    opinions.close(reference)
    closed = client.get(path).text

    assert "承辦人處理中 A member of staff is handling it" in assigned
    assert "Our answer" not in assigned
    assert "已回覆 Answered" in visible(answered)
    assert (
        '<p class="answer-text">We found it.\n'
        "Please collect it &lt;b&gt;at counter 2&lt;/b&gt;.</p>" in answered
    )
    assert "本單位回覆 Our answer" in visible(answered)
    assert "回覆日期 Answered on 2026-11-28" in visible(answered)
    assert "已結案 Closed" in visible(closed) and "We found it." in closed
    for page in (assigned, answered, closed):
        assert "0912-345-678" not in page and "Lost my form" not in page
    assert client.get(f"/api/t/{ticket.token}").json()["opinions"][0]["status"] == "closed"


def test_a_line_broken_comment_is_kept_with_its_line_breaks(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)
    # A browser sends each line break of the box as CRLF: 600 characters sent, 499 typed.
    comment = "line\r\n" * 100

    reply = client.rate(ticket, urlencode({"score": 3, "comment": comment}))

    assert reply.status == 303
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None and rating.comment == "line\n" * 99 + "line"


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        ("comment=nice", 400, "Please choose one of the faces"),
        ("score=6", 400, "Please choose one of the faces"),
        ("score=4&comment=" + "x" * 501, 400, "comment is 501 characters; at most 500 fit"),
        (
            "score=4&comment=hi&reply=yes&contact=" + "c" * 201,
            400,
            "Contact details can be at most 200 characters",
        ),
        ("score=4&score=5", 400, "Please choose one of the faces"),
        (
            "score=5&comment=&reply=yes&contact=0912345678",
            400,
            "You asked for a reply: please write your comment, or untick the box.",
        ),
        ("score=4&comment=a%01b", 400, "Not sent: comment contains control characters"),
        # The rating must not be kept when its opinion cannot be: one transaction.
        (
            "score=4&comment=hi&reply=yes&contact=a%00b",
            400,
            "Not sent: the contact details contains control characters",
        ),
    ],
)
def test_a_form_that_cannot_be_recorded_comes_back_filled_in_with_the_reason(
    engine: TicketEngine, clock: ManualClock, client: Client, form: str, status: int, message: str
) -> None:
    ticket = finished(engine, clock)

    reply = client.rate(ticket, form)

    assert reply.status == status
    assert message in visible(reply.text)
    assert '<div class="alert" role="alert">' in reply.text
    assert "<form" in reply.text  # the citizen can try again
    assert Feedback(engine).ratings.rating_for(ticket.token) is None
    assert Opinions(engine).listing() == []


def test_waiting_ticket_cannot_be_rated(engine: TicketEngine, client: Client) -> None:
    ticket = engine.issue("precheck")

    reply = client.rate(ticket, "score=5")

    assert reply.status == 409
    assert "A visit can be rated once it is finished" in reply.text
    assert Feedback(engine).ratings.rating_for(ticket.token) is None


def test_rating_needs_form_data(engine: TicketEngine, clock: ManualClock, client: Client) -> None:
    ticket = finished(engine, clock)
    path = f"/t/{ticket.token}/rate"

    as_json = client.request("POST", path, b'{"score": 5}', {"Content-Type": "application/json"})
    not_utf8 = client.request(
        "POST", path, b"score=5&comment=\xff", {"Content-Type": "application/x-www-form-urlencoded"}
    )

    assert as_json.status == 415
    assert not_utf8.status == 400
    assert Feedback(engine).ratings.rating_for(ticket.token) is None


@pytest.mark.parametrize(
    ("end", "headline"),
    [
        ("no_show", "您的號碼已過號 Your number was called, but you were not there"),
        ("cancel", "此號碼牌已取消 This ticket has been cancelled"),
        (
            "close_day",
            "當日服務已結束，此號碼牌未及辦理 The day ended before this ticket was served",
        ),
    ],
)
def test_tickets_that_ended_unserved_say_what_happened(
    engine: TicketEngine, clock: ManualClock, client: Client, end: str, headline: str
) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    if end == "no_show":
        engine.call_ticket(1, ticket.number)
        engine.no_show(1)
    elif end == "cancel":
        engine.cancel(ticket.number)
    else:
        clock.advance(hours=9)  # 18:00, after closing
        engine.close_day(today=True)

    reply = client.get(f"/t/{ticket.token}")

    assert reply.status == 200
    assert headline in visible(reply.text)
    assert "<form" not in reply.text


def test_open_ticket_of_an_earlier_day_says_the_day_is_over(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = engine.issue("precheck")  # the day is never closed
    clock.advance(days=1)

    status = client.get(f"/api/t/{ticket.token}").json()

    assert status["status"] == "waiting" and status["live"] is False
    assert status["headline"] == {"zh": "此號碼牌的服務日已結束", "en": "This ticket's day is over"}
    assert "2026-11-27" in status["detail"]["en"]
    assert "data-api" not in client.get(f"/t/{ticket.token}").text


def test_every_value_is_html_escaped(
    engine: TicketEngine, sample_office: Office, clock: ManualClock, client: Client
) -> None:
    hostile = sample_office.service("precheck").model_copy(
        update={
            "name": Text(zh="預查<script>alert(1)</script>", en='Name "quoted" & <b>bold</b>'),
        }
    )
    services = [hostile if s.code == "precheck" else s for s in sample_office.services]
    info = sample_office.office.model_copy(update={"helpline": '02-1234567"><img src=x>'})
    engine.load_office(sample_office.model_copy(update={"services": services, "office": info}))
    ticket = finished(engine, clock)

    page = client.get(f"/t/{ticket.token}").text
    back = client.rate(ticket, "comment=%3C%2Ftextarea%3E%3Cscript%3Ex()%3C%2Fscript%3E").text

    assert "<script>alert" not in page and "<b>bold" not in page and "<img" not in page
    assert "預查&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Name &#34;quoted&#34; &amp; &lt;b&gt;bold&lt;/b&gt;" in page  # Jinja2's escaping
    assert "02-1234567&#34;&gt;&lt;img src=x&gt;" in page
    assert "</textarea><script>" not in back
    assert "&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;" in back


def test_page_expires_when_rating_closes(
    engine: TicketEngine, clock: ManualClock, client: Client, sample_office: Office
) -> None:
    ticket = finished(engine, clock)
    days = sample_office.feedback.rating_days

    clock.set(dt.datetime(2026, 11, 27, 23, 0, tzinfo=dt.UTC) + dt.timedelta(days=days - 1))
    last_day = client.get(f"/t/{ticket.token}")
    clock.advance(days=1)
    expired = client.get(f"/t/{ticket.token}")

    assert last_day.status == 200 and "<form" in last_day.text
    assert expired.status == 404
    assert "查無此號碼牌 Ticket not found" in visible(expired.text)
    assert client.get(f"/api/t/{ticket.token}").status == 404
    assert client.rate(ticket, "score=5").status == 404
    assert Feedback(engine).ratings.rating_for(ticket.token) is None
