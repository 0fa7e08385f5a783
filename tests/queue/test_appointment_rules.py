"""A service's appointment rules in the office file: defaults, the sample office's, and every
mistake named by file, line and key."""

from __future__ import annotations

import pytest

from counterdesk.queue import parse_office
from counterdesk.queue.office import Office
from tests.queue.test_office_file import MINIMAL, problems_of

# The minimal office's only service, handled in 10 minutes, open 08:30–12:00.
AT = "    fee: {zh: 新臺幣 300 元, en: NT$300}\n"


def booking(rules: str) -> str:
    """The minimal office with ``rules`` (YAML lines under ``appointments:``) on its service."""
    return MINIMAL.replace(AT, AT + "    appointments:\n" + rules)


def test_no_appointments_key_means_not_bookable() -> None:
    assert parse_office(MINIMAL).services[0].appointments is None


def test_an_empty_appointments_key_books_on_the_documented_defaults() -> None:
    rules = parse_office(MINIMAL.replace(AT, AT + "    appointments: {}\n")).services[0]
    assert rules.appointments is not None
    found = rules.appointments
    assert (found.bookable, found.days_ahead, found.cancel_until_minutes, found.late) == (
        True,
        14,
        60,
        "walk_in",
    )
    assert (found.check_in.before_minutes, found.check_in.after_minutes) == (15, 10)
    assert found.slot(rules.handling_minutes) == 10  # the service's handling minutes
    assert found.share_at(9) == 0.3


def test_a_share_per_hour_reserves_nothing_in_hours_not_listed() -> None:
    rules = parse_office(booking('      reserved_share: {"09": 0.5, 10: 0.2}\n'))
    found = rules.services[0].appointments
    assert found is not None
    assert [found.share_at(hour) for hour in (8, 9, 10, 11)] == [0.0, 0.5, 0.2, 0.0]


def test_the_sample_office_books_two_services(sample_office: Office) -> None:
    booked = {s.code: s.appointments for s in sample_office.services if s.appointments}
    assert sorted(booked) == ["amendment", "incorporation"]
    assert all(rules.bookable and rules.share_at(10) > 0 for rules in booked.values())


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (
            "      reserved_share: 1.5\n",
            "office.yaml:16: services[0].appointments.reserved_share: 1.5 is not a share: "
            "expected 0 to 1 (0.3 for 30%)",
        ),
        (
            '      reserved_share: {"09": -0.1}\n',
            "services[0].appointments.reserved_share: hour 09: -0.1 is not a share",
        ),
        (
            '      reserved_share: {"9am": 0.5}\n',
            """services[0].appointments.reserved_share: hour '9am' is not valid: """
            '''expected an hour "00" to "23"''',
        ),
        (
            "      reserved_share: {24: 0.5}\n",
            "hour 24 is not valid",
        ),
        (
            '      reserved_share: {"14": 0.5}\n',
            "office.yaml:16: services[0].appointments.reserved_share: hour '14' is outside the "
            "opening hours: no counter serves then",
        ),
        (
            "      slot_minutes: 0.5\n",
            "office.yaml:16: services[0].appointments.slot_minutes: "
            "Input should be greater than or equal to 1",
        ),
        (
            "      slot_minutes: 240\n",
            "services[0].appointments.slot_minutes: a slot of 240 min (slot_minutes) is longer "
            "than the longest session (210 min): no slot would fit",
        ),
        ("      days_ahead: -1\n", "services[0].appointments.days_ahead: Input should be greater"),
        ("      days_ahead: 367\n", "services[0].appointments.days_ahead: Input should be less"),
        (
            "      check_in: {before_minutes: -5}\n",
            "office.yaml:16: services[0].appointments.check_in.before_minutes: "
            "Input should be greater than or equal to 0",
        ),
        (
            "      check_in: {after_minutes: -1}\n",
            "services[0].appointments.check_in.after_minutes: Input should be greater",
        ),
        (
            "      late: wait\n",
            "office.yaml:16: services[0].appointments.late: 'wait' is not valid: "
            "expected 'walk_in' or 'refuse'",
        ),
        ("      colour: red\n", "services[0].appointments.colour: unknown key"),
    ],
)
def test_bad_rules_name_the_key_and_what_is_expected(rules: str, expected: str) -> None:
    assert expected in problems_of(booking(rules))


def test_a_handling_time_longer_than_every_session_cannot_be_a_slot() -> None:
    text = booking("      bookable: true\n").replace(AT, "    handling_minutes: 240\n" + AT)
    assert (
        "services[0].appointments.slot_minutes: a slot of 240 min (handling_minutes) is "
        "longer than the longest session (210 min)"
    ) in problems_of(text)


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("daily_share: 0", "services[0].remote.daily_share: Input should be greater than 0"),
        ("daily_share: 1.5", "services[0].remote.daily_share: Input should be less than or"),
        ("check_in_minutes: 2", "services[0].remote.check_in_minutes: Input should be greater"),
        ("by_sms: true", "services[0].remote.by_sms"),
    ],
)
def test_a_web_number_rule_out_of_range_is_named_by_its_line(rules: str, expected: str) -> None:
    text = MINIMAL.replace(AT, AT + "    remote: {" + rules + "}\n")
    assert expected in problems_of(text)


def test_a_services_web_numbers_are_a_share_of_its_daily_cap() -> None:
    office = parse_office(MINIMAL.replace(AT, AT + "    remote: {daily_share: 0.25}\n"))
    rules = office.services[0].remote
    assert rules is not None and rules.check_in_minutes == 30
    assert (rules.daily_numbers(999), rules.daily_numbers(1)) == (249, 1)
