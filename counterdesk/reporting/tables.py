"""The tables every export shares: statistics breakdowns, the raw ticket log and the event log.

Times are whole seconds in the files (exact, as the statistics define them); the PDF shows
minutes. The raw logs carry no personal data: tickets have no names anyway, the status-page
token is left out, staff appear by code only, and the free-text note staff may type when
finishing a ticket is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import numpy as np

from counterdesk.analytics.day_summary import NONE, STATUSES, DayData
from counterdesk.analytics.statistics import BREAKDOWNS, Figures, Filters, Statistics
from counterdesk.queue.office import WEEKDAYS, Office
from counterdesk.reporting.cells import InertTexts
from counterdesk.reporting.csv_lines import CsvCells, csv_text
from counterdesk.reporting.event_days import CODED, DayEvents

WEEKDAY_NAMES = (
    ("星期一", "Monday"),
    ("星期二", "Tuesday"),
    ("星期三", "Wednesday"),
    ("星期四", "Thursday"),
    ("星期五", "Friday"),
    ("星期六", "Saturday"),
    ("星期日", "Sunday"),
)
TITLES = {
    "service": ("依服務項目", "By service"),
    "counter": ("依櫃檯", "By counter"),
    "staff": ("依承辦人", "By staff member"),
    "day": ("依日期", "By day"),
    "weekday": ("依星期", "By weekday"),
    "hour": ("依時段", "By hour of day"),
    "priority": ("依優先", "By priority"),
    "arrival": ("依預約或現場", "Appointment or walk-in"),
}


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: str = "count"  # count, seconds, share, number, text


FIGURE_COLUMNS = (
    Column("issued", "發出", "Issued"),
    Column("served", "完成", "Served"),
    Column("no_show", "未到", "No-show"),
    Column("cancelled", "取消", "Cancelled"),
    Column("removed_at_close", "關櫃移除", "Removed at close"),
    Column("still_open", "未結", "Still open"),
    Column("transferred", "轉送", "Transferred"),
    Column("called", "叫號", "Called"),
    Column("wait_mean", "平均等候", "Mean wait", "seconds"),
    Column("wait_median", "等候中位數", "Median wait", "seconds"),
    Column("wait_p90", "等候 P90", "90th percentile wait", "seconds"),
    Column("wait_max", "最長等候", "Longest wait", "seconds"),
    Column("service_level", "服務水準", "Service level", "share"),
    Column("walk_median", "到櫃中位數", "Median walk", "seconds"),
    Column("handled", "服務段", "Services handled"),
    Column("handling_mean", "平均處理", "Mean handling", "seconds"),
    Column("handling_median", "處理中位數", "Median handling", "seconds"),
    Column("handling_p90", "處理 P90", "90th percentile handling", "seconds"),
    Column("handling_max", "最長處理", "Longest handling", "seconds"),
    Column("serving_seconds", "服務時間", "Time serving", "seconds"),
    Column("open_seconds", "開櫃時間", "Time open", "seconds"),
    Column("utilisation", "使用率", "Utilisation", "share"),
    Column("per_day", "每日平均", "Per day", "number"),
)
GROUP_COLUMNS = (
    Column("key", "代碼", "Code", "text"),
    Column("name_zh", "名稱", "Name (Chinese)", "text"),
    Column("name_en", "Name", "Name (English)", "text"),
)
TICKET_COLUMNS = (
    Column("business_date", "營業日", "Business date", "text"),
    Column("number", "號碼", "Number", "text"),
    Column("issued_service", "服務項目", "Service at issue", "text"),
    Column("final_service", "最終服務", "Service at end", "text"),
    Column("priority", "優先", "Priority", "text"),
    Column("status", "狀態", "Status", "text"),
    Column("appointment_at", "預約時間", "Appointment time", "text"),  # empty for walk-ins
    Column("issued_at", "抽號時間", "Issued", "text"),
    Column("first_called_at", "首次叫號", "First called", "text"),
    Column("answered_call_at", "應答叫號", "Answered call", "text"),
    Column("started_at", "開始服務", "Started", "text"),
    Column("finished_at", "完成時間", "Finished", "text"),
    Column("ended_at", "結束時間", "Ended", "text"),
    Column("counter", "櫃檯", "Counter", "text"),
    Column("staff", "承辦人代碼", "Staff code", "text"),
    Column("calls", "叫號次數", "Calls"),
    Column("recalls", "重叫次數", "Recalls"),
    Column("no_shows", "未到次數", "No-shows"),
    Column("returns", "回隊次數", "Returns"),
    Column("transfers", "轉送次數", "Transfers"),
    Column("wait_seconds", "等候秒數", "Wait", "seconds"),
    Column("walk_seconds", "到櫃秒數", "Walk", "seconds"),
    Column("handling_seconds", "處理秒數", "Handling", "seconds"),
)
EVENT_COLUMNS = (
    Column("event_id", "事件編號", "Event id"),
    Column("at", "時間", "Time", "text"),
    Column("kind", "事件", "Event", "text"),
    Column("business_date", "營業日", "Business date", "text"),
    Column("number", "號碼", "Number", "text"),
    Column("service", "服務項目", "Service", "text"),
    Column("counter", "櫃檯", "Counter", "text"),
    Column("staff", "承辦人代碼", "Staff code", "text"),
    Column("note", "備註", "Note", "text"),
)
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # local time to the second, in every file
TIME_TEXT = "2025-01-01 00:00:00"  # what a time looks like (its separators are kept)
DAY_SECONDS = 24 * 3600


def figure_values(figures: Figures) -> dict[str, Any]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "issued": figures.issued,
        "served": figures.served,
        "no_show": figures.no_show,
        "cancelled": figures.cancelled,
        "removed_at_close": figures.removed_at_close,
        "still_open": figures.still_open,
        "transferred": figures.transferred,
        "called": figures.wait.count,
        "wait_mean": rounded(figures.wait.mean),
        "wait_median": figures.wait.median,
        "wait_p90": figures.wait.p90,
        "wait_max": figures.wait.maximum,
        "service_level": figures.service_level,
        "walk_median": figures.walk.median,
        "handled": figures.handling.count,
        "handling_mean": rounded(figures.handling.mean),
        "handling_median": figures.handling.median,
        "handling_p90": figures.handling.p90,
        "handling_max": figures.handling.maximum,
        "serving_seconds": figures.serving_seconds,
        "open_seconds": figures.open_seconds,
        "utilisation": figures.utilisation,
        "per_day": rounded(figures.per_day),
    }


def group_names(office: Office, breakdown: str, key: str | None) -> tuple[str, str]:
    """Chinese and English names of one row's group, e.g. a service's or a counter's name."""
    if key is None:
        return ("全部", "All") if breakdown == "total" else ("未叫號", "Not called")
    try:
        if breakdown == "service":
            name = office.service(key).name
            return name.zh, name.en
        if breakdown == "counter":
            name = office.counter(int(key)).name
            return name.zh, name.en
        if breakdown == "staff":
            name = office.staff_member(key).name
            return name.zh, name.en
    except KeyError:  # no longer in the office file: history keeps its code
        return key, key
    if breakdown == "weekday":
        return WEEKDAY_NAMES[WEEKDAYS.index(key)]
    if breakdown == "hour":
        span = f"{key}:00–{int(key) + 1:02d}:00"
        return span, span
    if breakdown == "priority":
        return ("優先", "Priority") if key == "priority" else ("一般", "Ordinary")
    if breakdown == "arrival":
        return ("預約", "Appointment") if key == "appointment" else ("現場", "Walk-in")
    return key, key


def breakdown_rows(stats: Statistics, office: Office, breakdown: str) -> list[dict[str, Any]]:
    """One dict per group: the group's code and names, then every figure."""
    rows = stats.breakdown(breakdown) if breakdown != "total" else (stats.total,)
    return [
        {
            "key": row.key if row.key is not None else "",
            **dict(
                zip(("name_zh", "name_en"), group_names(office, breakdown, row.key), strict=True)
            ),
            **figure_values(row),
        }
        for row in rows
    ]


def named_rows(
    groups: Iterable[tuple[str, Any]], office: Office, values: Callable[[Any], dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """A row per (breakdown, group) of a table that holds several breakdowns: the breakdown,
    the group's code (its ``key``) and names, then ``values`` of the group."""
    for breakdown, group in groups:
        zh, en = group_names(office, breakdown, group.key)
        yield {
            "breakdown": breakdown,
            "key": group.key or "",
            "name_zh": zh,
            "name_en": en,
            **values(group),
        }


def summary_rows(stats: Statistics, office: Office) -> Iterator[dict[str, Any]]:
    """Every breakdown in one long table (``breakdown`` says which), the total first."""
    for breakdown in ("total", *BREAKDOWNS):
        for row in breakdown_rows(stats, office, breakdown):
            yield {"breakdown": breakdown, **row}


def ticket_table(
    data: DayData, office: Office, wanted: Filters, safe: InertTexts
) -> list[tuple[Any, ...]]:
    """The raw ticket log of one day, one tuple per ticket the filters keep, in the order of
    ``TICKET_COLUMNS``: every timestamp local time to the second, text cells made inert
    through ``safe``, which one export keeps for all its days (numbers repeat daily)."""
    return list(zip(*ticket_columns(data, office, wanted, safe), strict=True))


def ticket_columns(
    data: DayData, office: Office, wanted: Filters, safe: InertTexts
) -> list[Sequence[Any]]:
    """``ticket_table`` a column at a time, in the order of ``TICKET_COLUMNS``: the local
    times are the only texts that never need quoting or an apostrophe (see ``CsvLines``).

    Built from the day's arrays: a year holds a million tickets, and a dictionary and six
    datetimes per ticket took most of a minute.
    """
    assert data.detail is not None, "load the days with detail=True"
    segments = data.segments
    handled = np.bincount(segments["ticket"], minlength=len(data.tickets))
    handling = np.bincount(segments["ticket"], segments["seconds"], minlength=len(data.tickets))
    # A code of NONE (-1) picks the last entry, as it always did: "" for staff.
    services, staff = list(data.services), [*data.staff, ""]
    keep = np.ones(len(data.tickets), dtype=bool)
    if wanted.service is not None:
        keep &= np.array([code == wanted.service for code in services], dtype=bool)[
            data.tickets["issued_service"]
        ]
    if wanted.counter is not None:
        keep &= data.tickets["counter"] == wanted.counter
    if wanted.staff is not None:
        keep &= np.array([code == wanted.staff for code in staff], dtype=bool)[
            data.tickets["staff"]
        ]
    tickets, more = data.tickets[keep], data.detail[keep]
    services = [safe[code] for code in services]
    staff = [safe[code] for code in staff]
    local = partial(_local_times, data.day, office.zone)
    return [
        [data.day.isoformat()] * len(tickets),
        [safe[number.decode()] for number in more["number"].tolist()],
        [services[code] for code in tickets["issued_service"].tolist()],
        [services[code] for code in tickets["service"].tolist()],
        ["yes" if priority else "no" for priority in tickets["priority"].tolist()],
        [safe[STATUSES[status]] for status in tickets["status"].tolist()],
        local(more["appointment_at"]),
        local(more["issued_at"]),
        local(more["first_called_at"]),
        local(more["answered_at"]),
        local(more["started_at"]),
        local(more["finished_at"]),
        local(more["ended_at"]),
        ["" if counter == NONE else counter for counter in tickets["counter"].tolist()],
        [staff[code] for code in tickets["staff"].tolist()],
        more["calls"].tolist(),
        more["recalls"].tolist(),
        more["no_shows"].tolist(),
        more["returns"].tolist(),
        tickets["transfers"].tolist(),
        _seconds(tickets["wait"]),
        _seconds(tickets["walk"]),
        [
            int(seconds) if count else None
            for seconds, count in zip(handling[keep].tolist(), handled[keep].tolist(), strict=True)
        ],
    ]


def _seconds(values: np.ndarray) -> list[int | None]:
    """Whole seconds, None (an empty cell) for NONE."""
    return [None if value == NONE else value for value in values.tolist()]


def _local_times(day: dt.date, zone: dt.tzinfo, offsets: np.ndarray) -> list[str]:
    """Seconds after ``day``'s local midnight as local times to the second, "" for NONE."""
    midnight = dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)
    shift = steady_offset(zone, day)
    if shift is None:  # a daylight-saving switch: each time on its own
        return [_local_time(midnight, zone, offset) for offset in offsets.tolist()]
    return cast(list[str], np.where(offsets == NONE, "", _clock_texts(day, offsets)).tolist())


def _clock_texts(day: dt.date, offsets: np.ndarray) -> np.ndarray:
    """Seconds after ``day``'s midnight on an unchanging clock as texts to the second, their
    characters worked out by arithmetic on whole columns: numpy's own formatting of
    datetimes took a tenth of the event log's time."""
    days, seconds = np.divmod(offsets, DAY_SECONDS)
    first = int(days.min(initial=0))
    dates = [
        (day + dt.timedelta(days=first + step)).isoformat()
        for step in range(int(days.max(initial=0)) - first + 1)
    ]
    characters = np.empty((len(offsets), len(TIME_TEXT)), dtype=np.uint32)
    characters[:] = _code_points([TIME_TEXT])  # its separators
    characters[:, : len(dates[0])] = _code_points(dates)[days - first]
    hours, rest = np.divmod(seconds, 3600)
    for at, value in ((11, hours), (14, rest // 60), (17, rest % 60)):
        characters[:, at] = value // 10 + ord("0")
        characters[:, at + 1] = value % 10 + ord("0")
    return characters.view(f"U{len(TIME_TEXT)}")[:, 0]


def _code_points(texts: list[str]) -> np.ndarray:
    """The characters of texts as long as each other, a row of code points per text."""
    return np.array(texts, dtype=str).view(np.uint32).reshape(len(texts), -1)


def steady_offset(zone: dt.tzinfo, day: dt.date) -> dt.timedelta | None:
    """The zone's offset from UTC all through ``day`` and the days beside it (where a day's
    late tickets and events fall), or None when it changes: then each time is converted on
    its own, and otherwise all by one addition."""
    offsets = {
        dt.datetime.combine(day + dt.timedelta(days=shift), dt.time(), zone).utcoffset()
        for shift in (-1, 0, 1, 2)
    }
    return offsets.pop() if len(offsets) == 1 else None


def _local_time(midnight: dt.datetime, zone: dt.tzinfo, offset: int) -> str:
    """Seconds after the business day's midnight as local time to the second, "" for none."""
    if offset == NONE:
        return ""
    moment = (midnight + dt.timedelta(seconds=int(offset))).astimezone(zone)
    return moment.strftime(TIME_FORMAT)


class EventLines:
    """The event log as CSV text, a business day at a time, one line per event by id in the
    order of ``EVENT_COLUMNS``: its tickets' events and the counters' sessions (sign-in,
    pause, resume, sign-out) within the local day, texts made inert.

    One per export, its columns' cells worked out once for every day's values. Made from a
    day's columns (cached or read live, the same lines either way) a column at a time: four
    million events are a few seconds of Python for each step per row. The times are made
    local all at once, as the ticket log's are."""

    def __init__(self, office: Office) -> None:
        self._zone = office.zone
        self._cells = {name: CsvCells() for name in CODED}

    def __call__(self, day: DayEvents) -> tuple[str, int]:
        """The day's lines, and how many."""
        events = day.events
        cells = {
            name: np.array([cells[value] for value in day.values[name]], dtype=object)[
                events[name]
            ].tolist()
            for name, cells in self._cells.items()
        }
        columns = (
            map(str, events["id"].tolist()),
            _local_times(day.day, self._zone, events["at"]),
            cells["kind"],
            [day.day.isoformat()] * len(events),
            cells["number"],
            cells["service"],
            cells["counter"],
            cells["staff"],
            cells["note"],
        )
        return csv_text(list(map(",".join, zip(*columns, strict=True))))
