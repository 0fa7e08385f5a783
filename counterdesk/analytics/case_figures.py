"""How long the cases of a period took, per service: the figures behind the service plan's
"shorter case processing time", for the supervisor window, the exports and the half-year
report.

Definitions (a case counts under the day it was received, ``received_on``, and its service):

- *received*: every case received in the period, and how many are at each stage now;
- *days to decision* / *to hand-over*: working days (days the office opens,
  ``working_days_between``) from the day of receipt to the local day it was approved or
  rejected / made ready for pick-up, mailed or delivered electronically; the same day is 0.
  Median and 90th percentile by nearest rank, as ``statistics`` takes them;
- *standard days*: the processing time the service promised these cases, read back from their
  own rows (the working days from ``received_on`` to ``expected_on``, the most common one: a
  corrected case's expected date has moved on, and the office file may have changed within
  the period), so a changed office file does not rewrite the past;
- *decided within standard*: decided on or before the case's ``expected_on``; its share is of
  the decided cases;
- *corrections* / *rejections*: cases that passed through "correction" / "rejected" at least
  once (from ``case_events``);
- *overdue*: not decided nor closed nor waiting for the citizen's correction, and past
  ``expected_on`` on the business day of the computation (``Case.overdue``). The time a
  correction waited moves ``expected_on`` on (``Cases.move``: 補正期間不計入處理期間), so a
  corrected case is judged against its standard without the citizen's time; the days to
  decision and hand-over count it, as the citizen lived it.

Everything comes from the database: a service since dropped from the office file still counts,
under its code. No number, contact or business number leaves the database: only counts and
days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import func, select

from counterdesk.analytics.statistics import check_range
from counterdesk.queue.cases import working_days_between
from counterdesk.queue.models import CaseEventRow, CaseRow, CaseStage
from counterdesk.queue.office import Office
from counterdesk.queue.views import View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

STAGES = tuple(CaseStage)  # the order of ``CaseFigures.stages``


@dataclasses.dataclass(frozen=True)
class Days(View):
    """Working days of a set of cases; median and p90 None when there are none."""

    count: int
    median: int | None
    p90: int | None


@dataclasses.dataclass(frozen=True)
class CaseFigures(View):
    """One row: a service's code, or None for all the services."""

    key: str | None
    received: int
    stages: tuple[int, ...]  # cases at each stage of ``STAGES`` now
    standard_days: int | None  # None for the total
    decided: int
    within_standard: int
    within_share: float | None  # of the decided cases
    to_decision: Days
    to_hand_over: Days
    corrections: int
    rejections: int
    overdue: int

    def at(self, stage: str) -> int:
        """The cases at ``stage`` now."""
        return self.stages[STAGES.index(CaseStage(stage))]


@dataclasses.dataclass(frozen=True)
class CaseReport(View):
    first: dt.date
    last: dt.date
    today: dt.date  # the business day ``overdue`` is judged on
    service_filter: str | None
    total: CaseFigures
    service: tuple[CaseFigures, ...]  # services with cases, in the office's order


def case_figures_for(
    engine: TicketEngine, first: dt.date, last: dt.date, service: str | None = None
) -> CaseReport:
    """The cases received on business days ``first`` to ``last`` (of ``service`` only if
    given), as they stand on the engine's business day."""
    check_range(first, last)
    office = engine.office
    received = CaseRow.received_on.between(first, last)
    rows = select(
        CaseRow.service_code,
        CaseRow.stage,
        CaseRow.received_on,
        CaseRow.expected_on,
        CaseRow.decided_at,
        CaseRow.ready_at,
        CaseRow.closed_at,
    ).where(received)
    passed = (
        select(
            CaseRow.service_code, CaseEventRow.stage, func.count(CaseEventRow.case_id.distinct())
        )
        .join(CaseRow, CaseRow.id == CaseEventRow.case_id)
        .where(received, CaseEventRow.stage.in_((CaseStage.CORRECTION, CaseStage.REJECTED)))
        .group_by(CaseRow.service_code, CaseEventRow.stage)
    )
    if service is not None:
        rows, passed = (
            rows.where(CaseRow.service_code == service),
            passed.where(CaseRow.service_code == service),
        )
    with engine.db.read() as session:
        cases = session.execute(rows).all()
        through = session.execute(passed).all()
    measure = _Measure(office, engine.business_date())
    groups: dict[str, _Group] = defaultdict(_Group)
    total = _Group()
    for code, stage, received_on, expected_on, decided_at, ready_at, closed_at in cases:
        measured = measure(stage, received_on, expected_on, decided_at, ready_at, closed_at)
        total.add(measured)
        groups[code].add(measured)
    for code, stage, count in through:
        for group in (total, groups[code]):
            group.passed[stage] += count
    order = {s.code: index for index, s in enumerate(office.services)}
    codes = sorted(groups, key=lambda code: (order.get(code, len(order)), code))
    return CaseReport(
        first=first,
        last=last,
        today=measure.today,
        service_filter=service,
        total=total.figures(None),
        service=tuple(groups[code].figures(code) for code in codes),
    )


class _Measured(NamedTuple):
    """One case's figures, worked out once for the total and its service."""

    stage: str
    standard: int
    to_decision: int | None
    within: bool
    to_hand_over: int | None
    overdue: bool


class _Measure:
    """Each case's working days; ``working_days_between`` remembered for each pair of days:
    a year of cases has a few thousand distinct (received, done) pairs, so 50,000 cases count
    each pair once."""

    def __init__(self, office: Office, today: dt.date) -> None:
        self.office, self.today = office, today
        self.known: dict[tuple[dt.date, dt.date], int] = {}

    def days(self, first: dt.date, last: dt.date) -> int:
        pair = (first, last)
        if pair not in self.known:
            self.known[pair] = working_days_between(self.office, first, last)
        return self.known[pair]

    def __call__(
        self,
        stage: str,
        received_on: dt.date,
        expected_on: dt.date,
        decided_at: dt.datetime | None,
        ready_at: dt.datetime | None,
        closed_at: dt.datetime | None,
    ) -> _Measured:
        local = self.office.local_date
        decided_on = None if decided_at is None else local(decided_at)
        return _Measured(
            stage=stage,
            standard=self.days(received_on, expected_on),
            to_decision=None if decided_on is None else self.days(received_on, decided_on),
            within=decided_on is not None and decided_on <= expected_on,
            to_hand_over=None if ready_at is None else self.days(received_on, local(ready_at)),
            overdue=decided_at is None
            and closed_at is None
            and stage != CaseStage.CORRECTION  # the citizen's time, not the office's
            and self.today > expected_on,
        )


class _Group:
    """What one row gathers, case by case."""

    def __init__(self) -> None:
        self.stages: Counter[str] = Counter()
        self.standards: Counter[int] = Counter()
        self.to_decision: list[int] = []
        self.to_hand_over: list[int] = []
        self.within = self.overdue = 0
        self.passed: Counter[str] = Counter()

    def add(self, case: _Measured) -> None:
        self.stages[case.stage] += 1
        self.standards[case.standard] += 1
        if case.to_decision is not None:
            self.to_decision.append(case.to_decision)
        if case.to_hand_over is not None:
            self.to_hand_over.append(case.to_hand_over)
        self.within += case.within
        self.overdue += case.overdue

    def figures(self, key: str | None) -> CaseFigures:
        decided = len(self.to_decision)
        standards = self.standards.most_common(1)
        return CaseFigures(
            key=key,
            received=sum(self.stages.values()),
            stages=tuple(self.stages[stage] for stage in STAGES),
            standard_days=standards[0][0] if standards and key is not None else None,
            decided=decided,
            within_standard=self.within,
            within_share=self.within / decided if decided else None,
            to_decision=_days(self.to_decision),
            to_hand_over=_days(self.to_hand_over),
            corrections=self.passed[CaseStage.CORRECTION],
            rejections=self.passed[CaseStage.REJECTED],
            overdue=self.overdue,
        )


def _days(values: Iterable[int]) -> Days:
    ordered = sorted(values)
    return Days(len(ordered), _rank(ordered, 50), _rank(ordered, 90))


def _rank(ordered: list[int], percent: int) -> int | None:
    """The nearest-rank percentile: the value at rank ⌈p·n/100⌉ of the sorted values."""
    if not ordered:
        return None
    return ordered[max(1, math.ceil(percent * len(ordered) / 100)) - 1]
