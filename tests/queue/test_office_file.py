"""Office-file validation: each error names the file, the line, the key and what is expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counterdesk.queue import OfficeFileError, load_office, parse_office
from counterdesk.queue.office import CLOSED_DATE, SAMPLE_OFFICE, Office

MINIMAL = """\
office:
  name: {zh: 測試辦公室, en: Test office}
  hours:
    sessions:
      - {open: "08:30", close: "12:00"}
    last_ticket: "11:45"
services:
  - code: precheck
    prefix: A
    name: {zh: 預查, en: Pre-check}
    processing_time: {zh: 約兩天, en: About two days}
    steps:
      - {zh: 抽號碼牌, en: Take a number}
    fee: {zh: 新臺幣 300 元, en: NT$300}
counters:
  - number: 1
    name: {zh: 一號櫃檯, en: Counter 1}
    services: [precheck]
"""


def problems_of(text: str) -> str:
    with pytest.raises(OfficeFileError) as caught:
        parse_office(text, "office.yaml")
    return str(caught.value)


def test_sample_office_is_valid_and_complete(sample_office: Office) -> None:
    assert len(sample_office.services) == 12
    assert sample_office.office.timezone == "Asia/Taipei"
    for service in sample_office.services:
        assert service.name.zh and service.name.en
        assert service.documents or service.code == "enquiry"
        assert any(c for c in sample_office.counters if service.code in c.services)
    # Processing times are unconfirmed in the reference: the file must say so.
    assert all(s.processing_time.placeholder for s in sample_office.services)


def test_minimal_office_loads_with_defaults() -> None:
    office = parse_office(MINIMAL)
    assert office.office.timezone == "Asia/Taipei"
    assert office.queue.auto_no_show_after_calls == 3
    assert office.office.hours.days == ["mon", "tue", "wed", "thu", "fri"]


def test_unknown_key_names_line_and_key() -> None:
    text = MINIMAL.replace("    prefix: A\n", "    prefix: A\n    colour: red\n")
    assert problems_of(text) == "office.yaml:10: services[0].colour: unknown key"


def test_missing_english_text_is_reported() -> None:
    text = MINIMAL.replace("name: {zh: 預查, en: Pre-check}", "name: {zh: 預查}")
    assert "office.yaml:10: services[0].name.en: required key is missing" in problems_of(text)


def test_chinese_text_must_contain_chinese() -> None:
    text = MINIMAL.replace("{zh: 預查, en: Pre-check}", "{zh: Pre-check, en: Pre-check}")
    message = problems_of(text)
    assert "office.yaml:10: services[0].name.zh:" in message
    assert "Traditional Chinese" in message


def test_duplicate_prefix_letter() -> None:
    second = MINIMAL.split("counters:")[0].split("services:\n")[1].replace("precheck", "amend")
    text = MINIMAL.replace("counters:", second + "counters:")
    message = problems_of(text)
    assert "office.yaml:16: services[1].prefix: duplicate prefix letter 'A'" in message


def test_counter_serving_unknown_service() -> None:
    text = MINIMAL.replace("services: [precheck]", "services: [precheck, nosuch]")
    message = problems_of(text)
    assert "counters[0].services[1]: counter 1 serves 'nosuch', which is not a service" in message
    assert message.startswith("office.yaml:18:")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('close: "12:00"', 'close: "25:00"', "expected a time HH:MM"),
        ('close: "12:00"', 'close: "24:01"', "24:00 for midnight at the end of the day"),
        ('open: "08:30"', 'open: "24:00"', "'24:00' is not valid: expected a time HH:MM (24-hour)"),
        ('close: "12:00"', 'close: "08:00"', "closes at 08:00, not after it opens at 08:30"),
        ('last_ticket: "11:45"', 'last_ticket: "13:00"', "after closing time 12:00"),
        ("  hours:", "  timezone: Mars/Olympus\n  hours:", "unknown time zone 'Mars/Olympus'"),
        ("prefix: A", "prefix: a1", "one capital letter A–Z"),
    ],
)
def test_bad_values_say_what_is_expected(old: str, new: str, expected: str) -> None:
    assert expected in problems_of(MINIMAL.replace(old, new))


def test_every_problem_is_listed_at_once() -> None:
    text = MINIMAL.replace("prefix: A", "prefix: a").replace("number: 1", "number: 0")
    assert len(problems_of(text).splitlines()) == 2


def test_not_yaml_and_not_a_mapping() -> None:
    assert problems_of("office: [unclosed").startswith("office.yaml:1: not valid YAML")
    assert "must be a mapping" in problems_of("- just\n- a list\n")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(OfficeFileError, match="cannot read the office file"):
        load_office(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(OfficeFileError, match="must be UTF-8"):
        load_office(binary)


def test_ticket_window_follows_local_hours(sample_office: Office) -> None:
    taipei = dt.timezone(dt.timedelta(hours=8))
    friday = dt.datetime(2026, 11, 27, tzinfo=taipei)
    assert sample_office.ticket_window(friday.replace(hour=9)) is None
    assert sample_office.ticket_window(friday.replace(hour=8)) == "not open yet"
    assert sample_office.ticket_window(friday.replace(hour=12, minute=30)) == "closed for a break"
    late = friday.replace(hour=16, minute=50)
    assert sample_office.ticket_window(late) == "last ticket time has passed"
    assert sample_office.ticket_window(friday + dt.timedelta(days=1, hours=9)) == "closed today"


def test_always_open_issues_every_day_at_any_hour_to_its_last_second(
    sample_office: Office,
) -> None:
    """The demo's hours (00:00–24:00); the sample office itself is unchanged."""
    demo = sample_office.always_open()
    sunday = dt.datetime(2026, 11, 29, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    last_second = sunday.replace(hour=23, minute=59, second=59, microsecond=999_999)
    for moment in (sunday, sunday.replace(hour=3), sunday.replace(hour=23, minute=59), last_second):
        assert demo.ticket_window(moment) is None
    assert sample_office.ticket_window(sunday.replace(hour=3)) == "closed today"
    assert demo.services == sample_office.services


def test_an_office_may_close_at_24_00() -> None:
    """Midnight at the end of the day, as a closing and last-ticket time only."""
    text = MINIMAL.replace('close: "12:00"', 'close: "24:00"').replace(
        'last_ticket: "11:45"', 'last_ticket: "24:00"'
    )
    office = parse_office(text, "office.yaml")
    late = dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=office.zone)  # a Friday
    assert office.ticket_window(late) is None
    assert office.ticket_window(late.replace(hour=8, minute=29)) == "not open yet"


def test_sample_office_file_path_exists() -> None:
    assert SAMPLE_OFFICE.is_file()


NEW_YEAR = dt.datetime(2027, 1, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # a Friday


def test_a_closed_date_closes_the_day_everywhere(sample_office: Office) -> None:
    """A weekday on the office's closed dates: no ticket, over from its start, not open."""
    day = NEW_YEAR.date()
    assert not sample_office.open_on(day)
    assert sample_office.open_on(day + dt.timedelta(days=3))  # the Monday after
    assert sample_office.ticket_window(NEW_YEAR) == CLOSED_DATE
    assert sample_office.closing_time(day) == dt.datetime(2027, 1, 1, tzinfo=sample_office.zone)
    closed = sample_office.closed_date(day)
    assert closed is not None and (closed.zh, closed.en) == ("開國紀念日", "New Year's Day")
    assert sample_office.closed_date(day + dt.timedelta(days=3)) is None


def test_always_open_issues_on_a_closed_date_too(sample_office: Office) -> None:
    demo = sample_office.always_open()
    assert demo.office.closed_dates == []
    assert demo.open_on(NEW_YEAR.date())
    assert demo.ticket_window(NEW_YEAR) is None


def test_closed_dates_may_be_quoted_and_unnamed() -> None:
    text = MINIMAL.replace(
        "  hours:",
        '  closed_dates:\n    - {date: "2027-01-01"}\n    - {date: 2027-01-04}\n  hours:',
    )
    office = parse_office(text)
    assert [c.date for c in office.office.closed_dates] == [
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 4),
    ]
    assert office.ticket_window(NEW_YEAR) == CLOSED_DATE


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (
            "- {date: 2027-02-30}",
            "office.yaml:4: office.closed_dates[0].date: '2027-02-30' is not a date: "
            "expected YYYY-MM-DD, e.g. 2027-01-01",
        ),
        (
            "- {date: 20270101}",
            "office.yaml:4: office.closed_dates[0].date: 20270101 is not a date",
        ),
        (
            "- {date: 2027-01-01}\n    - {date: 2027-01-01, zh: 開國紀念日, en: New Year's Day}",
            "office.yaml:5: office.closed_dates[1].date: 2027-01-01 is listed twice "
            "(also closed_dates[0])",
        ),
        (
            "- {date: 2027-01-01, zh: 開國紀念日}",
            "office.yaml:4: office.closed_dates[0]: name the day in both zh and en, or in neither",
        ),
        ("- {day: 2027-01-01}", "office.yaml:4: office.closed_dates[0].day: unknown key"),
    ],
)
def test_bad_closed_dates_name_the_key(dates: str, expected: str) -> None:
    text = MINIMAL.replace("  hours:", f"  closed_dates:\n    {dates}\n  hours:")
    assert expected in problems_of(text)


def test_the_sample_office_closes_on_taiwans_2027_weekday_holidays(
    sample_office: Office,
) -> None:
    closed = sample_office.office.closed_dates
    assert len(closed) == len({c.date for c in closed}) == 16
    assert all(c.date.year == 2027 and c.date.weekday() < 5 and c.zh and c.en for c in closed)
