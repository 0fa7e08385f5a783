"""Sub-commands: ``supervisor`` (the window), ``export`` and ``simulate``.

Nothing heavy at module level (no Qt, no numpy): every command builds this parser, and
``export`` and ``simulate`` run headless on a server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from counterdesk.queue.errors import CounterdeskError, QueueError

DEFAULT_SIZE = "1440x900"


def register(command: Any) -> None:
    from counterdesk.cli import window_options
    from counterdesk.reporting.formats import CSV_TABLES, FORMATS, SUPERVISOR_TABS
    from counterdesk.reporting.periods import PRESETS
    from counterdesk.simulation.simulator import DISTRIBUTIONS

    supervisor = command(
        "supervisor", _supervisor, "the supervisor window: statistics, charts and exports"
    )
    window_options(supervisor, DEFAULT_SIZE)
    supervisor.add_argument(
        "--tab", choices=SUPERVISOR_TABS, default="overview", help="the tab to open on"
    )
    supervisor.add_argument(
        "--preset", choices=PRESETS, default="month", help="the period to open on (default month)"
    )

    export = command("export", _export, "export statistics as CSV, XLSX or the PDF report")
    export.add_argument("--from", dest="first", metavar="DATE", help="first business day")
    export.add_argument("--to", dest="last", metavar="DATE", help="last business day")
    export.add_argument("--period", help="2026-H1, 2026-H2, 2026 or 2026-11 instead of dates")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--output", required=True, metavar="FILE")
    export.add_argument(
        "--table",
        choices=CSV_TABLES,
        default="summary",
        help="what a CSV holds: the statistics (default), one row per ticket or per event, "
        "the satisfaction figures, one row per rating comment, or one row per opinion "
        "(no contact details)",
    )
    _filter_options(export)

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
        "--fast", action="store_true", help="write each day at once (for large fills)"
    )


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--service", help="only this service (code)")
    parser.add_argument("--counter", type=int, help="only this counter")
    parser.add_argument("--staff", help="only this staff member (code)")


def _supervisor(args: argparse.Namespace) -> int:
    from counterdesk.cli import engine_for
    from counterdesk.reporting.periods import PRESETS
    from counterdesk.supervisor.window import build_supervisor_window
    from counterdesk.ui.app import parse_size, run_window

    engine = engine_for(args)

    def create() -> Any:
        window = build_supervisor_window(engine, language=args.language)
        window.show_tab(args.tab)
        window.preset.setCurrentIndex(PRESETS.index(args.preset))
        if args.snapshot:  # show the figures, not the window before they arrive
            window.resize(parse_size(args.size or DEFAULT_SIZE))
            window.wait_until_shown()
        return window

    return run_window(
        create,
        snapshot=args.snapshot,
        size=args.size,
        default_size=DEFAULT_SIZE,
        language=args.language,
    )


def _export(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.analytics.statistics import Filters
    from counterdesk.cli import engine_for
    from counterdesk.reporting.exports import ExportRequest, export
    from counterdesk.reporting.formats import FEEDBACK_TABLES
    from counterdesk.reporting.periods import date_range

    first, last = date_range(args.first, args.last, args.period)
    request = ExportRequest(
        first=first,
        last=last,
        format=args.format,
        output=Path(args.output),
        table=args.table,
        filters=Filters(args.service, args.counter, args.staff),
    )
    engine = engine_for(_without_staff(args))
    try:
        result = export(engine, request, _terminal_progress(f"exporting {request.output.name}"))
    except ValueError as exc:  # an unknown filter code
        raise CounterdeskError(str(exc)) from None
    if result.rows is not None and request.table in FEEDBACK_TABLES:
        wrote = f"{result.rows:,} rows of {request.table}"  # tickets have no part in these
    else:
        wrote = f"{result.tickets:,} tickets over {result.days} days"
    return {
        "output": str(result.path),
        "tickets": result.tickets,
        "days": result.days,
        "rows": result.rows,
        "text": f"wrote {result.path}: {wrote} ({first} to {last})",
    }


def _without_staff(args: argparse.Namespace) -> argparse.Namespace:
    """``--staff`` filters an export here; ``engine_for`` would sign that person in."""
    return argparse.Namespace(**{**vars(args), "staff": None})


def _simulate(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.analytics.statistics import statistics_for
    from counterdesk.cli import engine_for
    from counterdesk.reporting.periods import parse_date
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
        )
    except ValueError as exc:
        raise CounterdeskError(str(exc)) from None
    engine = engine_for(args)
    today = engine.business_date()
    last = first + dt.timedelta(days=max(args.days, 1) - 1)
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
        progress=_terminal_progress("simulating days"),
    )
    stats = statistics_for(engine, first, last)
    total = stats.total
    lines = [
        f"{r.day}  {r.issued:>5} tickets  {r.no_shows:>3} no-shows"
        f"  {r.ratings:>4} ratings  {r.opinions} opinions"
        + (f"  {r.refused} refused (daily cap)" if r.refused else "")
        for r in results
        if r.issued or r.refused
    ]
    wait = total.wait
    lines.append(
        f"simulated {total.issued:,} tickets over {stats.days} open days: "
        f"mean wait {_minutes(wait.mean)}, median {_minutes(wait.median)}, "
        f"90th percentile {_minutes(wait.p90)}, service level {_percent(total.service_level)}, "
        f"counter utilisation {_percent(total.utilisation)}"
    )
    return {
        "days": [{**vars(result), "day": result.day.isoformat()} for result in results],
        "statistics": total.to_json(),
        "text": "\n".join(lines),
    }


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} min"


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f}%"


def _terminal_progress(what: str) -> Any:
    """A percentage line on stderr, only when it is a terminal (logs stay clean)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{what}: {100 * done // max(total, 1):3d}%", end=end, file=sys.stderr, flush=True)

    return show
