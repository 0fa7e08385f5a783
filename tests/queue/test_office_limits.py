"""The office file's limits for what every call and every ticket carries: the call phrase as
the loudspeaker fills it, the status address as a QR code on the narrowest paper, the
helpline; and the History page's words for counterdesk's own reason only."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from counterdesk.devices.ticket_content import status_url
from counterdesk.devices.ticket_image import qr_matrix
from counterdesk.queue.arguments import TOKEN_LENGTH
from counterdesk.queue.change_words import summary
from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.office import (
    CALL_LENGTH,
    HELPLINE_LENGTH,
    STATUS_URL_BYTES,
    Announcements,
    Office,
    Text,
    validate_office,
)
from counterdesk.queue.problem_words import chinese

WIDEST_ON_58MM = 117  # modules: 384 dots less the margins, 3 dots a module (ticket_image.py)


def _with_office_info(sample_office: Office, key: str, value: Any) -> dict[str, Any]:
    data = sample_office.model_dump(mode="json")
    data["office"][key] = value
    return data


def test_the_longest_status_address_fits_a_58mm_ticket(sample_office: Office) -> None:
    head = "https://queue.example.gov.tw/t/{token}?"
    longest = head + "x" * (STATUS_URL_BYTES - len(head) + len("{token}") - TOKEN_LENGTH)
    office = validate_office(_with_office_info(sample_office, "status_url", longest))
    assert len(qr_matrix(status_url(office, "t" * TOKEN_LENGTH))) <= WIDEST_ON_58MM
    with pytest.raises(OfficeFileError, match=f"at most {STATUS_URL_BYTES}"):
        validate_office(_with_office_info(sample_office, "status_url", longest + "x"))


def test_a_status_address_is_counted_in_bytes_with_the_token_filled(sample_office: Office) -> None:
    # Chinese characters take 3 bytes each in the QR code: a third of the room.
    address = "https://例.tw/{token}?" + "號" * (STATUS_URL_BYTES // 3)
    with pytest.raises(OfficeFileError) as refused:
        validate_office(_with_office_info(sample_office, "status_url", address))
    [problem] = refused.value.problems
    assert "QR" in (chinese(problem.code, problem.context) or "")


@pytest.mark.parametrize("address", ["ftp://h/{token}", "http:///{token}", "http://[::1/{token}"])
def test_a_status_address_that_a_phone_cannot_open_is_refused(
    sample_office: Office, address: str
) -> None:
    with pytest.raises(OfficeFileError, match="http:// or https://"):
        validate_office(_with_office_info(sample_office, "status_url", address))


def test_a_helpline_at_the_limit_is_taken_and_one_more_refused(sample_office: Office) -> None:
    line = "(02)2345-6789 " * 10
    kept = line[:HELPLINE_LENGTH]
    assert validate_office(_with_office_info(sample_office, "helpline", kept)).office.helpline
    with pytest.raises(OfficeFileError, match=f"at most {HELPLINE_LENGTH}"):
        validate_office(_with_office_info(sample_office, "helpline", kept + "9"))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_call_phrase_at_its_limit_is_taken(language: str) -> None:
    phrase = {"zh": "請 {number} 號到 {counter} 號櫃檯", "en": "Number {number}, counter {counter}"}
    phrase[language] = phrase[language].ljust(CALL_LENGTH[language], "。")
    assert Announcements(call=Text(**phrase))
    phrase[language] += "。"
    with pytest.raises(ValidationError, match=f"at most {CALL_LENGTH[language]}"):
        Announcements(call=Text(**phrase))


@pytest.mark.parametrize("phrase", ["請 {number} 號 {}", "請 {number} 號 {number[0]}"])
def test_a_call_phrase_with_an_empty_or_indexed_field_is_refused(phrase: str) -> None:
    with pytest.raises(ValidationError, match="a call must contain"):
        Announcements(call=Text(zh=phrase, en="Number {number}"))


def test_escaped_braces_in_a_call_phrase_are_spoken_as_braces() -> None:
    phrases = Announcements(call=Text(zh="請 {number} 號 {{櫃檯}}", en="Number {number}"))
    assert phrases.call.zh.format(number="A 0 1 2") == "請 A 0 1 2 號 {櫃檯}"


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("loaded office.yaml", "載入 office.yaml"),
        ("loaded /srv/my office.yml", "載入 /srv/my office.yml"),
        (
            "loaded …nts/office/company-registration.yaml",
            "載入 …nts/office/company-registration.yaml",
        ),
        ("loaded the hours from office.yaml", "loaded the hours from office.yaml"),
        ("loaded office.txt", "loaded office.txt"),
    ],
)
def test_only_counterdesks_own_loaded_reason_is_worded(said: str, shown: str) -> None:
    assert summary(said) == shown
