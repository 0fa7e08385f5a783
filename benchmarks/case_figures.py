"""A year's case figures over 50,000 cases, on SQLite or PostgreSQL.

    python benchmarks/case_figures.py [--cases 50000] [--backend sqlite|postgresql]

Prints the time to write the year, the time of the year's case figures (the supervisor's
half-year and year, every export's case section) and of one month, and the year's figures.

How the cases are made, honestly described: written in bulk (one insert of the cases, one of
their events), not through ``Cases.register`` and ``move`` (a transaction each, minutes for a
year): the figures read only the rows, and the rows are what ``Cases`` writes. Each case of
one of the sample office's seven case services is received on a working day of 2025 and
decided after a lognormal number of working days around its standard (about 85% within it),
some with a correction first, a few rejected, most handed over a working day or two later and
closed; a few of the last weeks' are still open, some overdue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from benchmarks.stats import database, timed
from counterdesk.analytics.case_figures import case_figures_for
from counterdesk.queue import Database, ManualClock, TicketEngine, load_office
from counterdesk.queue.cases import working_days_after
from counterdesk.queue.models import CaseEventRow, CaseRow, CaseStage
from counterdesk.queue.office import SAMPLE_OFFICE, Office

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
NOW = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)  # a Monday: the year's last cases still open


def year_of_cases(
    office: Office, count: int, seed: int = 2025
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``count`` case rows and their events over ``YEAR``'s working days."""
    rng = random.Random(seed)
    followed = [s for s in office.services if s.cases is not None]
    days = [YEAR[0] + dt.timedelta(n) for n in range((YEAR[1] - YEAR[0]).days + 1)]
    days = [day for day in days if office.open_on(day)]
    cases, events = [], []
    for case_id in range(1, count + 1):
        service = rng.choice(followed)
        assert service.cases is not None
        standard = service.cases.standard_days
        received = rng.choice(days)
        at = dt.datetime.combine(received, dt.time(10), office.zone)
        log: list[tuple[dt.datetime, CaseStage | None, CaseStage]] = [
            (at, None, CaseStage.RECEIVED)
        ]
        row: dict[str, Any] = {
            "id": case_id,
            "number": f"B{case_id:07d}",
            "service_code": service.code,
            "stage": CaseStage.RECEIVED,
            "received_at": at,
            "received_on": received,
            "expected_on": working_days_after(office, received, standard),
            "updated_at": at,
            **dict.fromkeys(("decided_at", "ready_at", "closed_at")),
        }
        took = max(0, round(rng.lognormvariate(0, 0.45) * standard * 0.7))
        if rng.random() < 0.15:
            log.append((at + dt.timedelta(days=1), CaseStage.RECEIVED, CaseStage.CORRECTION))
            log.append((at + dt.timedelta(days=2), CaseStage.CORRECTION, CaseStage.UNDER_REVIEW))
            took += 2
        decided = dt.datetime.combine(
            working_days_after(office, received, took), dt.time(15), office.zone
        )
        if decided < NOW:
            verdict = CaseStage.REJECTED if rng.random() < 0.04 else CaseStage.APPROVED
            log.append((decided, log[-1][2], verdict))
            row["decided_at"] = decided
            ready = decided + dt.timedelta(days=rng.choice((0, 1, 3)))
            if ready < NOW:
                handed = rng.choice((CaseStage.READY, CaseStage.MAILED, CaseStage.ELECTRONIC))
                log.append((ready, verdict, handed))
                row["ready_at"] = ready
                if ready + dt.timedelta(days=5) < NOW:
                    log.append((ready + dt.timedelta(days=5), handed, CaseStage.CLOSED))
                    row["closed_at"] = ready + dt.timedelta(days=5)
        row["stage"] = log[-1][2]
        cases.append(row)
        events += [
            {"case_id": case_id, "at": when, "from_stage": was, "stage": stage, "by": "bench"}
            for when, was, stage in log
        ]
    return cases, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--keep", type=Path, help="folder for the SQLite file (kept)")
    args = parser.parse_args()
    office = load_office(SAMPLE_OFFICE)
    with database(args.backend, args.keep) as url:
        engine = TicketEngine(Database(url, create=True), ManualClock(NOW))
        engine.load_office(office)
        print(f"{args.backend}: {url.split('@')[-1]}")
        cases, events = timed("make the year's cases", lambda: year_of_cases(office, args.cases))

        def write() -> None:
            with engine.db.write() as session:
                session.execute(insert(CaseRow.__table__), cases)
                session.execute(insert(CaseEventRow.__table__), events)

        timed(f"write {len(cases):,} cases, {len(events):,} events", write)
        for attempt in (1, 2, 3):
            report = timed(
                f"year's case figures (run {attempt})", lambda: case_figures_for(engine, *YEAR)
            )
        timed(
            "one month's case figures",
            lambda: case_figures_for(engine, dt.date(2025, 11, 1), dt.date(2025, 11, 30)),
        )
        timed("one service's year", lambda: case_figures_for(engine, *YEAR, "amendment"))
        total = report.total
        print(
            f"  {total.received:,} cases: {total.decided:,} decided, "
            f"{100 * (total.within_share or 0):.1f}% within the standard; working days to "
            f"decision median {total.to_decision.median}, p90 {total.to_decision.p90}; to "
            f"hand-over median {total.to_hand_over.median}, p90 {total.to_hand_over.p90}; "
            f"{total.corrections:,} corrections, {total.rejections:,} rejections, "
            f"{total.overdue:,} overdue on {report.today}"
        )
        for row in report.service:
            print(
                f"  {row.key:<16} {row.received:>6,} standard {row.standard_days} d, "
                f"median {row.to_decision.median} d, p90 {row.to_decision.p90} d, "
                f"within {100 * (row.within_share or 0):.1f}%"
            )
        engine.db.dispose()


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"{'whole benchmark':<44} {time.perf_counter() - start:8.2f} s")
