"""``counterdesk export``: statistics as CSV, XLSX or the PDF report, headless on a server.

On a terminal it shows its progress and the time left; Ctrl-C cancels it, leaving no file.

Nothing heavy at module level: every command builds this parser; the export's own modules
load when it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterdesk.command_line import CommandFactory, Interrupted, engine_for, terminal_progress
from counterdesk.queue.errors import CounterdeskError
from counterdesk.reporting.formats import CSV_TABLES, FORMATS


def register(command: CommandFactory) -> None:
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
        "the satisfaction figures, one row per rating comment, one row per opinion "
        "(no contact details), or the case figures by service (counts and working days only)",
    )
    # Filters: ``--staff`` here chooses whose tickets are counted; it signs nobody in.
    export.add_argument("--service", help="only this service (code)")
    export.add_argument("--counter", type=int, help="only this counter")
    export.add_argument("--staff", help="only this staff member (code)")


def _export(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.analytics.statistics import Filters
    from counterdesk.reporting.exports import ExportRequest, export
    from counterdesk.reporting.formats import UNTICKETED_TABLES
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
    engine = engine_for(args)
    try:
        result = export(engine, request, terminal_progress(f"exporting {request.output.name}"))
    except ValueError as exc:  # an unknown filter code
        raise CounterdeskError(str(exc)) from None
    except KeyboardInterrupt:  # Ctrl-C: the partial file is already removed
        raise Interrupted(f"export cancelled: {request.output} was not written") from None
    if result.rows is not None and request.table in UNTICKETED_TABLES:
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
