"""A small office whose places can be worked out by hand, for the booking tests.

Counter 1 serves visa; counter 2 visa and permit (two bookable services: half its reserved time
for each); counter 3 only walk-ins. Open Monday to Friday 09:00–12:00 and 13:00–15:00; closed
on Monday 30 November 2026.

- visa: 10-minute slots, half of each counter's time reserved: (1 + 1/2) × 0.5 = 0.75 of a
  citizen a slot, so places 0, 1, 1, 1, 0, 1, 1, 1, … : 13 in the morning's 18 slots (13.5
  carried), 22 in the day's 30.
- permit: 20-minute slots, all of counter 2's 09:00 hour: 1/2 a citizen a slot, so one place
  (at 09:20) in the whole day; late arrivals refused.
- walkin: not bookable; 2 of its 10 numbers a day may be taken from the web, checked in
  within 30 minutes.
"""

from __future__ import annotations

import datetime as dt

from counterdesk.queue import Office, parse_office

TAIPEI = dt.timezone(dt.timedelta(hours=8))
FRIDAY = dt.date(2026, 11, 27)
CLOSED_MONDAY = dt.date(2026, 11, 30)

BOOKING_OFFICE = """\
office:
  name: {zh: 測試辦公室, en: Test office}
  hours:
    days: [mon, tue, wed, thu, fri]
    sessions:
      - {open: "09:00", close: "12:00"}
      - {open: "13:00", close: "15:00"}
    last_ticket: "14:45"
  closed_dates:
    - {date: 2026-11-30, zh: 補假, en: Make-up holiday}
queue: {max_priority_in_a_row: 2, max_appointments_in_a_row: 2}
bookings: {per_contact_per_day: 2, contact_retention_days: 7}
services:
  - code: visa
    prefix: A
    name: {zh: 簽證, en: Visa}
    processing_time: {zh: 約兩天, en: About two days}
    steps: [{zh: 抽號碼牌, en: Take a number}]
    fee: {zh: 免費, en: Free}
    handling_minutes: 10
    appointments:
      reserved_share: 0.5
      days_ahead: 7
      cancel_until_minutes: 60
      check_in: {before_minutes: 15, after_minutes: 10}
      late: walk_in
  - code: permit
    prefix: B
    name: {zh: 許可, en: Permit}
    processing_time: {zh: 約兩天, en: About two days}
    steps: [{zh: 抽號碼牌, en: Take a number}]
    fee: {zh: 免費, en: Free}
    handling_minutes: 20
    daily_cap: 1
    appointments:
      reserved_share: {"09": 1.0}
      late: refuse
  - code: walkin
    prefix: C
    name: {zh: 臨櫃, en: Walk-in}
    processing_time: {zh: 當場, en: At once}
    steps: [{zh: 抽號碼牌, en: Take a number}]
    fee: {zh: 免費, en: Free}
    handling_minutes: 5
    daily_cap: 10
    remote: {daily_share: 0.2, check_in_minutes: 30}
counters:
  - {number: 1, name: {zh: 一號櫃檯, en: Counter 1}, services: [visa]}
  - {number: 2, name: {zh: 二號櫃檯, en: Counter 2}, services: [visa, permit]}
  - {number: 3, name: {zh: 三號櫃檯, en: Counter 3}, services: [walkin]}
staff:
  - {code: wang, name: {zh: 王小明, en: Wang}}
  - {code: chen, name: {zh: 陳美玲, en: Chen}}
"""


def booking_office() -> Office:
    return parse_office(BOOKING_OFFICE)


def at(day: dt.date, clock_time: str) -> dt.datetime:
    """``clock_time`` (HH:MM) on ``day`` in Taipei."""
    hour, minute = map(int, clock_time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), TAIPEI)
