"""``counterdesk simulate``: office days written as history, for demo data, load tests and
staffing what-ifs. Headless: it runs on a server as well as on the supervisor's PC."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from counterdesk.command_line import CommandFactory, engine_for, parse_date, terminal_progress
from counterdesk.queue.arguments import whole_number
from counterdesk.queue.errors import CounterdeskError, QueueError
from counterdesk.simulation.simulator import DISTRIBUTIONS, SIMULATED_DAYS

if TYPE_CHECKING:
    from counterdesk.analytics.case_figures import CaseFigures
    from counterdesk.analytics.estimate_accuracy import Accuracy
    from counterdesk.queue.office import Office


def register(command: CommandFactory) -> None:
    simulate = command(
        "simulate", _simulate, "simulate office days: demo data, load, staffing what-if"
    )
    simulate.add_argument("--date", required=True, help="the (first) day to simulate")
    simulate.add_argument("--days", type=int, default=1, help="consecutive days (default 1)")
    simulate.add_argument(
        "--office", default=argparse.SUPPRESS, help="office file to load and simulate"
    )
    simulate.add_argument("--seed", type=int, default=1, help="same seed, same day (default 1)")
    simulate.add_argument(
        "--arrivals", help="citizens per hour (e.g. 40) or a profile 8=10,9=25,10=40"
    )
    simulate.add_argument("--counters", type=int, help="open only the first N counters")
    simulate.add_argument(
        "--service-minutes", type=float, help="mean service time (default: each service's)"
    )
    simulate.add_argument("--distribution", choices=DISTRIBUTIONS, default="exponential")
    simulate.add_argument("--no-show-share", type=float, default=0.05, help="default 0.05")
    simulate.add_argument(
        "--appointments",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of the bookable services' citizens who come by appointment (e.g. 0.3)",
    )
    simulate.add_argument(
        "--reserve",
        type=float,
        metavar="SHARE",
        help="what-if: every bookable service reserves this share for appointments",
    )
    simulate.add_argument(
        "--fast", action="store_true", help="write each day at once (for large fills)"
    )


def _simulate(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.analytics.case_figures import case_figures_for
    from counterdesk.analytics.estimate_accuracy import accuracy_for
    from counterdesk.analytics.statistics import statistics_for
    from counterdesk.simulation.simulator import DEFAULT_PROFILE, Plan, parse_arrivals, simulate

    first = parse_date(args.date, "--date")
    try:
        plan = Plan(
            arrivals=parse_arrivals(args.arrivals) if args.arrivals else dict(DEFAULT_PROFILE),
            counters=args.counters,
            service_minutes=args.service_minutes,
            distribution=args.distribution,
            no_show_share=args.no_show_share,
            seed=args.seed,
            appointment_share=args.appointments,
            reserved_share=args.reserve,
        )
    except ValueError as exc:
        raise CounterdeskError(str(exc)) from None
    days = whole_number(args.days, "--days", SIMULATED_DAYS)
    engine = engine_for(args)
    today = engine.business_date()
    last = first + dt.timedelta(days=days - 1)
    if last >= today:
        raise QueueError(
            f"the simulator writes history: choose days before today ({today}); "
            f"{args.days} day(s) from {first} reach {last}"
        )
    results = simulate(
        engine,
        first,
        plan,
        days=args.days,
        fast=args.fast,
        progress=terminal_progress("simulating days"),
    )
    stats = statistics_for(engine, first, last)
    total = stats.total
    lines = [
        f"{r.day}  {r.issued:>5} tickets"
        + (f" ({r.appointments} by appointment)" if r.appointments else "")
        + f"  {r.no_shows:>3} no-shows"
        f"  {r.ratings:>4} ratings  {r.opinions} opinions  {r.cases:>3} cases"
        + (f"  {r.refused} refused (daily cap)" if r.refused else "")
        for r in results
        if r.issued or r.refused
    ]
    lines.extend(_skipped(engine.office, [r.day for r in results]))
    wait = total.wait
    lines.append(
        f"simulated {total.issued:,} tickets over {stats.days} open days: "
        f"mean wait {_minutes(wait.mean)}, median {_minutes(wait.median)}, "
        f"90th percentile {_minutes(wait.p90)}, service level {_percent(total.service_level)}, "
        f"counter utilisation {_percent(total.utilisation)}"
    )
    cases = case_figures_for(engine, first, last).total
    lines.append(_case_line(cases))
    estimates = accuracy_for(engine, first, last).total
    lines.append(_accuracy_line(estimates, fast=args.fast))
    return {
        "days": [{**vars(result), "day": result.day.isoformat()} for result in results],
        "statistics": total.to_json(),
        "estimates": estimates.to_json(),
        "cases": cases.to_json(),
        "text": "\n".join(lines),
    }


def _accuracy_line(estimates: Accuracy, *, fast: bool) -> str:
    """How well the waits promised at issue came true over the simulated days."""
    if not estimates.measured:
        why = " (--fast issues without the estimator)" if fast else ""
        return f"estimates: no promised wait to measure{why}"
    bias = "–" if estimates.bias is None else f"{estimates.bias:+.1f} min"
    return (
        f"estimates: {estimates.measured:,} promised waits measured: mean error "
        f"{_figure(estimates.mae)}, bias {bias} (actual − promised), "
        f"{_percent(estimates.within_share)} called within the range promised"
    )


def _case_line(cases: CaseFigures) -> str:
    """How the simulated days' cases went, as far as the clock: the plan's processing time."""
    if not cases.received:
        return "cases: none (no service of the office follows cases)"
    return (
        f"cases: {cases.received:,} received, {cases.decided:,} decided, "
        f"{_percent(cases.within_share)} within the standard time; working days to decision: "
        f"median {cases.to_decision.median}, 90th percentile {cases.to_decision.p90}; "
        f"{cases.corrections:,} needed a correction, {cases.overdue:,} overdue"
    )


def _figure(minutes: float | None) -> str:
    return "–" if minutes is None else f"{minutes:.1f} min"


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} min"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f}%"


def _skipped(office: Office, days: list[dt.date]) -> list[str]:
    """The closed dates of the office file the simulation passed over, so a what-if run over
    a holiday is not read as a quiet day."""
    closed = [c for c in map(office.closed_date, days) if c is not None]
    if not closed:
        return []
    named = ", ".join(f"{c.date} {c.en}" if c.en else str(c.date) for c in closed)
    return [f"skipped {len(closed)} closed date(s) of the office file: {named}"]
