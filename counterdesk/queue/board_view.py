"""What a display board shows, worked out once for the Qt board and the browser board.

Both boards learn of calls from the event log and show the same things: per counter the number
it calls and who serves there (with the deputy), the recent calls, the people waiting. The
wording of those lines and the rule of the recent-calls list live here, so the two boards can
never tell a citizen different things.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator

from counterdesk import phrases
from counterdesk.queue.models import CALL_KINDS
from counterdesk.queue.office import Office, Service
from counterdesk.queue.reads import QueueReader
from counterdesk.queue.views import CounterStatus, Event, OfficeStatus

HISTORY_LOOKBACK = 400  # events read at start to fill the recent-calls list
RECENT = 6  # calls in the recent-calls list
MAX_STEPS = 7  # a procedure's steps the board has room for


@dataclasses.dataclass(frozen=True)
class Call:
    number: str
    counter: int
    staff: str | None
    event_id: int


@dataclasses.dataclass(frozen=True)
class CounterLine:
    """One counter's row: the number it calls, who serves there, whether it is open, and
    whether the number is a booked citizen's (marked ``phrases.APPOINTMENT_CALL``)."""

    counter: int
    calling: str | None
    staff: str
    deputy: str
    open: bool
    appointment: bool = False


@dataclasses.dataclass(frozen=True)
class BoardStart:
    """What a board reads when it starts: the newest event id, today's calls, the status."""

    last_id: int
    calls: tuple[Event, ...]
    status: OfficeStatus


def is_call(event: Event) -> bool:
    """Whether the event puts a number on a counter's row (a call or a recall)."""
    return event.kind in CALL_KINDS and bool(event.number) and event.counter is not None


class RecentCalls:
    """The last calls, newest first: a number shown for one second is a number missed."""

    def __init__(self, size: int = RECENT) -> None:
        self._calls: deque[Call] = deque(maxlen=size)

    @property
    def size(self) -> int:
        return self._calls.maxlen or 0

    def remember(self, event: Event) -> Call:
        """Put a call on top; a recall moves the number to the top, not twice on screen."""
        assert event.number is not None and event.counter is not None
        for call in [c for c in self._calls if c.number == event.number]:
            self._calls.remove(call)
        call = Call(event.number, event.counter, event.staff, event.id)
        self._calls.appendleft(call)
        return call

    def __iter__(self) -> Iterator[Call]:
        return iter(self._calls)

    def __len__(self) -> int:
        return len(self._calls)

    def __getitem__(self, index: int) -> Call:
        return self._calls[index]


def read_start(reader: QueueReader, office: Office, now: dt.datetime) -> BoardStart:
    """The newest event id, today's calls among the latest events (oldest first), the status."""
    last = reader.last_event_id()
    history = reader.events_after(max(0, last - HISTORY_LOOKBACK), HISTORY_LOOKBACK)
    today = office.local_date(now)
    calls = tuple(e for e in history if is_call(e) and office.local_date(e.at) == today)
    return BoardStart(last, calls, reader.status())


def counter_lines(office: Office, status: OfficeStatus) -> Iterable[CounterLine]:
    """Each counter's row as the status has it: closed, on break, or open with its staff."""
    for counter in status.counters:
        yield counter_line(office, counter)


def counter_line(office: Office, counter: CounterStatus) -> CounterLine:
    current = counter.current
    calling = current.number if current else None
    booked = current is not None and current.appointment_at is not None
    if counter.staff is None:
        return CounterLine(counter.number, calling, *phrases.COUNTER_CLOSED, False, booked)
    if counter.paused:
        return CounterLine(counter.number, calling, *phrases.ON_BREAK, False, booked)
    return CounterLine(counter.number, calling, *staff_lines(office, counter.staff), True, booked)


def staff_lines(office: Office, code: str | None) -> tuple[str, str]:
    """(name, deputy line) of a staff member in both languages; blank for an unknown code."""
    try:
        member = office.staff_member(code or "")
    except KeyError:
        return "", ""
    name = f"{member.name.zh}  {member.name.en}"
    if member.deputy is None:
        return name, ""
    deputy = office.staff_member(member.deputy).name
    return name, f"{phrases.DEPUTY.line(' ')}: {deputy.zh} {deputy.en}"


@dataclasses.dataclass(frozen=True)
class Procedure:
    """A service's "How it works" panel, line by line; ＊ marks what the office has not
    confirmed yet, and the note says so."""

    name_zh: str
    name_en: str
    steps: tuple[str, ...]
    time_zh: str
    time_en: str
    note: str


def procedure(service: Service) -> Procedure:
    marks = [
        " ＊" if text.placeholder else "" for text in (*service.steps, service.processing_time)
    ]
    steps = tuple(
        f"{index}. {step.zh}  {step.en}{mark}"
        for index, (step, mark) in enumerate(zip(service.steps[:MAX_STEPS], marks, strict=False), 1)
    )
    time = service.processing_time
    return Procedure(
        name_zh=f"{service.prefix}  {service.name.zh}",
        name_en=service.name.en,
        steps=steps,
        time_zh=f"{phrases.STANDARD_TIME.zh}  {time.zh}{marks[-1]}",
        time_en=f"{phrases.STANDARD_TIME.en}: {time.en}{marks[-1]}",
        note=phrases.PROVISIONAL.line() if any(marks) else "",
    )
