"""A finished ticket's page follows the cases handed in at it, over real HTTP: the stage in both
languages, the stages passed and ahead, the expected date, what is missing and by when, where
to pick it up and the helpline; the page keeps asking while a case is open, and stays open
while it is and for ``feedback.rating_days`` after it closes, rating closing on its own rule."""

from __future__ import annotations

import re

import pytest

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.queue.office import CaseRules, Office, Text
from counterdesk.web.pages import FOLLOW_FACTOR
from tests.web.cases import MISSING, NUMBER, PHONE, UBN, move, with_case
from tests.web.support import Client, finished
from tests.web.test_pages import visible


def page_at(engine: TicketEngine, clock: ManualClock, client: Client, stage: str) -> str:
    """The page of a ticket whose case is at ``stage``."""
    ticket, _ = with_case(engine, clock, stage)
    return client.get(f"/t/{ticket.token}").text


def steps(page: str) -> list[tuple[str, str]]:
    """The progress line: (state, Chinese words) of each step."""
    found = re.findall(r'<li class="step step-(\w+)"[^>]*>.*?lang="zh-Hant-TW">([^<]+)<', page)
    return [(state, words) for state, words in found]


def test_a_received_case_shows_its_number_stage_expected_date_and_steps_ahead(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    page = page_at(engine, clock, client, "received")
    text = visible(page)

    assert f"您的案件 Your application 案件編號 Case number {NUMBER}" in text
    assert "公司設立登記 Company incorporation 已收件 Received" in text
    # Received on Friday 27 November, 2 working days: Monday, Tuesday 1 December.
    assert "預計 2026年12月1日（二） 完成 Expected to be done by Tue 1 Dec 2026" in text
    assert steps(page) == [
        ("now", "已收件"),
        ("ahead", "審查中"),
        ("ahead", "核定"),
        ("ahead", "領件或送達"),
        ("ahead", "已結案"),
    ]
    assert 'aria-current="step"' in page
    assert "諮詢專線 Helpline" in text and 'href="tel:024121166"' in page
    assert UBN not in page and PHONE not in page and "wang" not in page


def test_a_correction_says_what_is_missing_and_by_when(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    page = page_at(engine, clock, client, "correction")
    text = visible(page)

    assert "待補正 Correction needed" in text
    assert f"需補正的事項 What is missing {MISSING}" in text
    assert "請於 2026年12月4日（五） 前補正 Please hand it in by Fri 4 Dec 2026" in text
    assert steps(page)[:3] == [("done", "已收件"), ("done", "審查中"), ("now", "待補正")]
    assert 'class="case-file stage-correction"' in page


def test_ready_for_pick_up_says_where_and_the_helpline_and_leaves_the_expected_date(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    page = page_at(engine, clock, client, "ready")
    text = visible(page)

    assert "可領件 Ready for pick-up" in text
    assert "請至以下地點領件 Pick it up at 經濟部商業發展署 公司登記櫃檯" in text
    assert "預計" not in text  # decided: no expected date any more
    assert [state for state, _ in steps(page)] == ["done", "done", "done", "now", "ahead"]
    assert steps(page)[2] == ("done", "已核准")


def test_the_unit_named_in_the_office_file_is_where_to_ask_and_pick_up(
    engine: TicketEngine, sample_office: Office, clock: ManualClock, client: Client
) -> None:
    unit = Text(zh="登記一科", en="Registration Section 1")
    service = sample_office.service("incorporation")
    rules = CaseRules(standard_days=7, unit=unit)
    changed = service.model_copy(update={"cases": rules})
    services = [changed if s.code == service.code else s for s in sample_office.services]
    engine.load_office(sample_office.model_copy(update={"services": services}))
    ticket, _ = with_case(engine, clock, "ready")

    text = visible(client.get(f"/t/{ticket.token}").text)

    assert "Pick it up at 登記一科 Registration Section 1" in text


def test_the_page_asks_for_news_while_a_case_is_open_and_its_json_says_the_stages(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket, _ = with_case(engine, clock, "under_review")
    page = client.get(f"/t/{ticket.token}").text
    refresh = 5 * FOLLOW_FACTOR

    assert f'data-api="/api/t/{ticket.token}" data-refresh="{refresh}"' in page
    assert f'data-cases="{NUMBER}:under_review"' in page
    assert "更新時間 Updated" in visible(page)
    assert "http-equiv" not in page  # without a script, no reload under the rating form
    status = client.get(f"/api/t/{ticket.token}").json()
    assert status["cases"] == [
        {"number": NUMBER, "stage": "under_review", "words": {"zh": "審查中", "en": "Under review"}}
    ]
    assert status["cases_seen"] == f"{NUMBER}:under_review"

    move(Cases(engine), NUMBER, "approved")
    assert client.get(f"/api/t/{ticket.token}").json()["cases_seen"] == f"{NUMBER}:approved"
    move(Cases(engine), NUMBER, "ready")
    move(Cases(engine), NUMBER, "closed")
    closed = client.get(f"/t/{ticket.token}").text
    assert "data-api" not in closed and "data-cases" not in closed  # nothing more to ask
    assert "已於 2026年11月27日（五） 結案 Closed on Fri 27 Nov 2026" in visible(closed)


def test_the_page_stays_open_while_its_case_is_and_for_the_rating_days_after_it_closes(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket, _ = with_case(engine, clock, "under_review")
    plain = finished(engine, clock)
    days = engine.office.feedback.rating_days

    clock.advance(days=days + 1)
    assert client.get(f"/t/{plain.token}").status == 404  # no case: as before
    page = client.get(f"/t/{ticket.token}")
    assert page.status == 200 and "審查中 Under review" in visible(page.text)
    assert 'class="rate"' not in page.text  # rating closed on its own rule
    assert client.get(f"/api/t/{ticket.token}").json()["can_rate"] is False

    cases = Cases(engine)
    for stage in ("approved", "ready", "closed"):
        move(cases, NUMBER, stage)
    clock.advance(days=days)
    assert client.get(f"/t/{ticket.token}").status == 200  # the last day after closing
    clock.advance(days=1)
    assert client.get(f"/t/{ticket.token}").status == 404
    assert client.get(f"/api/t/{ticket.token}").status == 404


def test_a_ticket_without_a_case_shows_none_and_is_not_followed(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    page = client.get(f"/t/{finished(engine, clock).token}").text
    assert "case-file" not in page and "data-cases" not in page and "data-api" not in page


@pytest.mark.parametrize("stage", ["mailed", "approved"])
def test_other_stages_are_worded_without_a_pick_up_place(
    stage: str, engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket, _ = with_case(engine, clock, stage)
    text = visible(client.get(f"/t/{ticket.token}").text)
    words = {"mailed": "已郵寄 Sent by mail", "approved": "已核准 Approved"}[stage]
    assert words in text and "Pick it up at" not in text
    assert "洽詢 Enquiries 經濟部商業發展署 公司登記櫃檯" in text
