"""How well the waits promised at issue came true, measured on the office's real days.

Each ticket records the wait it was promised when it was issued (``issue_wait_minutes``, the
range ``issue_wait_low``–``issue_wait_high`` the citizen was shown). Definitions:

- *actual wait* = issue → first call, in whole seconds (each time cut to the second, as in
  ``ticket_figures``). The first call, not the answered one: the promise is "you will be
  called in about ...", and a no-show was called when promised whether or not they came.
- A ticket counts under the service it was issued for and the local hour it was issued.
- *promised*: tickets issued with a promise; tickets issued before promises were recorded,
  by the simulator's bulk writer, or when no counter would call them today have none and are
  counted apart (``EstimateAccuracy.unpromised``). Of the promised, *measured* were called;
  *not called* ended without a call (cancelled, removed at close); *waiting* have not been
  called yet. ``promised = measured + not_called + waiting``: nothing is dropped silently.
- Over the measured tickets, in minutes: MAE = mean |actual − promised|, *bias* = mean
  (actual − promised), positive when citizens waited longer than promised, RMSE = the root
  of the mean squared difference (large errors weigh more).
- *Within range*: the share of measured tickets called within the range they were shown,
  read as the citizen reads it, in whole minutes: ``low − ½ ≤ actual ≤ high + ½`` (25 min
  20 s is still "25 min"). A single figure (``low == high``, e.g. "5 min", or 0 for "due
  now") holds within ``SINGLE_FIGURE_MINUTES`` either side.

Speed: one indexed read of the period's promised tickets, then array operations: a half
year of 70,000 tickets takes well under a second (``benchmarks/estimate_accuracy.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    and_,
    cast,
    extract,
    func,
    select,
)
from sqlalchemy.sql.elements import SQLCoreOperations

from counterdesk.analytics.statistics import check_range
from counterdesk.queue.database import Database
from counterdesk.queue.models import OPEN, ServiceRow, TicketRow
from counterdesk.queue.office import Office
from counterdesk.queue.views import View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

SINGLE_FIGURE_MINUTES = 2.0
RANGE_MINUTES = 0.5  # the range's ends are whole minutes
ACCURACY_BREAKDOWNS = ("service", "hour")

# A promise is the figure and the range shown: all three, as the engine writes them.
_PROMISED = and_(
    TicketRow.issue_wait_minutes.is_not(None),
    TicketRow.issue_wait_low.is_not(None),
    TicketRow.issue_wait_high.is_not(None),
)
BUCKET_SECONDS = 900  # zones differ from UTC by whole quarter hours: one local hour per bucket


@dataclasses.dataclass(frozen=True)
class Accuracy(View):
    """The promises of one group (``key`` a service code, an hour "09", or None for all)."""

    key: str | None
    promised: int
    measured: int  # called: the figures below are over these
    not_called: int  # ended without a call
    waiting: int  # not called yet
    mean_promised: float | None  # minutes
    mean_actual: float | None  # minutes
    mae: float | None  # minutes
    bias: float | None  # minutes, actual − promised: positive means longer than promised
    rmse: float | None  # minutes
    within: int  # measured tickets called within the range they were shown
    within_share: float | None


@dataclasses.dataclass(frozen=True)
class EstimateAccuracy(View):
    first: dt.date
    last: dt.date
    service_filter: str | None
    unpromised: int  # tickets of the period (and service) issued without a promise
    total: Accuracy
    service: tuple[Accuracy, ...]
    hour: tuple[Accuracy, ...]

    def breakdown(self, name: str) -> tuple[Accuracy, ...]:
        if name not in ACCURACY_BREAKDOWNS:
            raise KeyError(name)
        return getattr(self, name)  # type: ignore[no-any-return]  # a field, checked above


def accuracy(
    db: Database, office: Office, first: dt.date, last: dt.date, service: str | None = None
) -> EstimateAccuracy:
    """The promises of business days ``first`` to ``last`` (both included), by service and
    by hour of issue; ``service`` keeps one service's tickets only."""
    check_range(first, last)
    period = TicketRow.business_date.between(first, last)
    with db.read() as session:
        configured = list(session.scalars(select(ServiceRow.code).order_by(ServiceRow.position)))
        if service is not None and service not in configured:
            known = ", ".join(configured)
            raise ValueError(f"unknown service {service!r} (known: {known})")
        chosen = [period] if service is None else [period, TicketRow.issued_service_code == service]
        # Core, not the ORM: a row object per ticket costs a third of the time.
        rows = session.connection().execute(_promises(db.dialect).where(*chosen, _PROMISED)).all()
        # A ticket is promised or not: counting the period's tickets reads only an index, where
        # counting the unpromised ones read every ticket row a second time (a year: 0.7 s).
        tickets = session.execute(select(func.count()).where(*chosen)).scalar_one()
    unpromised = tickets - len(rows)
    promises = _Promises(rows, configured, office)
    return EstimateAccuracy(
        first=first,
        last=last,
        service_filter=service,
        unpromised=int(unpromised),
        total=promises.groups(np.zeros(promises.size, dtype=np.int64), [None])[0],
        service=tuple(
            row for row in promises.groups(promises.service, promises.codes) if row.promised
        ),
        hour=tuple(
            row
            for row in promises.groups(promises.hour, [f"{hour:02d}" for hour in range(24)])
            if row.promised
        ),
    )


def accuracy_for(
    engine: TicketEngine, first: dt.date, last: dt.date, service: str | None = None
) -> EstimateAccuracy:
    """``accuracy`` over a ticket engine's database and office."""
    return accuracy(engine.db, engine.office, first, last, service)


def _promises(
    dialect: str,
) -> Select[str, str, int, int | None, float | None, int | None, int | None]:
    """Each promised ticket's service, status, issue and first call (whole seconds since the
    epoch, computed by the database: parsing 140,000 datetimes in Python took most of the
    time) and its promise."""

    def seconds(column: SQLCoreOperations[Any]) -> ColumnElement[int]:
        if dialect == "postgresql":
            return cast(func.floor(extract("epoch", column)), BigInteger)
        return cast(func.strftime("%s", column), BigInteger)  # SQLite: whole seconds

    return select(
        TicketRow.issued_service_code,
        TicketRow.status,
        seconds(TicketRow.issued_at),
        seconds(TicketRow.first_called_at),
        TicketRow.issue_wait_minutes,
        TicketRow.issue_wait_low,
        TicketRow.issue_wait_high,
    )


class _Promises:
    """The period's promised tickets as parallel arrays."""

    def __init__(self, rows: Sequence[Sequence[object]], codes: list[str], office: Office) -> None:
        services, statuses, issued, called, promised, low, high = (
            (list(column) for column in zip(*rows, strict=True)) if rows else ([] for _ in range(7))
        )
        self.codes = list(codes)
        index = {code: number for number, code in enumerate(codes)}
        for code in dict.fromkeys(services):
            if code not in index:  # a service only history knows
                index[code] = len(self.codes)
                self.codes.append(code)
        self.size = len(rows)
        self.service = np.array([index[code] for code in services], dtype=np.int64)
        self.open = np.isin(np.array(statuses, dtype=object), OPEN)
        issued_at = np.array(issued, dtype=np.int64)
        self.hour = _local_hours(issued_at, office)
        called_at = np.array(called, dtype=np.float64)  # NaN: not called
        self.called = ~np.isnan(called_at)
        self.actual = np.where(self.called, called_at - issued_at, 0) / 60
        self.promised = np.array(promised, dtype=np.float64)
        shown_low, shown_high = np.array(low, dtype=np.float64), np.array(high, dtype=np.float64)
        margin = np.where(shown_low == shown_high, SINGLE_FIGURE_MINUTES, RANGE_MINUTES)
        self.error = self.actual - self.promised
        self.within = (
            self.called & (shown_low - margin <= self.actual) & (self.actual <= shown_high + margin)
        )

    def groups(self, keys: np.ndarray, labels: Sequence[str | None]) -> list[Accuracy]:
        """One row per label, in order, with or without tickets; ``keys`` numbers each
        ticket's label."""
        n = len(labels)
        called = self.called

        def total(mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
            chosen = None if weights is None else weights[mask]
            return np.bincount(keys[mask], weights=chosen, minlength=n)

        promised = total(np.ones(self.size, dtype=np.bool_))
        measured = total(called)
        waiting = total(~called & self.open)
        within = total(self.within)
        sums = {
            "mean_promised": total(called, self.promised),
            "mean_actual": total(called, self.actual),
            "mae": total(called, np.abs(self.error)),
            "bias": total(called, self.error),
            "rmse": total(called, self.error**2),
        }
        rows = []
        for g, label in enumerate(labels):
            count = int(measured[g])
            means = {
                name: float(value[g] / count) if count else None for name, value in sums.items()
            }
            if means["rmse"] is not None:
                means["rmse"] = means["rmse"] ** 0.5  # the root of the mean square
            rows.append(
                Accuracy(
                    key=label,
                    promised=int(promised[g]),
                    measured=count,
                    not_called=int(promised[g] - measured[g] - waiting[g]),
                    waiting=int(waiting[g]),
                    **means,
                    within=int(within[g]),
                    within_share=float(within[g] / count) if count else None,
                )
            )
        return rows


def _local_hours(seconds: np.ndarray, office: Office) -> np.ndarray:
    """The office's local hour of each moment (whole seconds since the epoch), asking the
    zone once per quarter hour rather than once per ticket."""
    buckets, which = np.unique(seconds // BUCKET_SECONDS, return_inverse=True)
    zone = office.zone
    hours = [
        dt.datetime.fromtimestamp(int(bucket) * BUCKET_SECONDS, zone).hour for bucket in buckets
    ]
    return np.array(hours, dtype=np.int64)[which.reshape(-1)]
