"""Printing an issued ticket and recording whether it came out, so staff can see a failing printer.

The ticket exists before any paper does: whatever the printer does, the outcome is stored as the
ticket's print state (with the fault's words in the event log, for the board's corner and
``printer status``; the raw error goes to the log once per change) and the citizen keeps the
number and QR code shown on screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from counterdesk.devices.faults import Fault, printer_fault
from counterdesk.devices.printer import PrintFailed, TicketPrinter
from counterdesk.devices.ticket_content import TicketContent
from counterdesk.devices.ticket_image import render_ticket
from counterdesk.queue.engine import TicketEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    state: str  # printed, failed or not_printed (no printer configured)
    detail: str | None = None

    @property
    def printed(self) -> bool:
        return self.state == "printed"


def print_ticket(
    engine: TicketEngine, printer: TicketPrinter | None, ticket_id: int, content: TicketContent
) -> PrintOutcome:
    """Render, print and cut ``content``; record the outcome on the ticket. Blocks: run it off
    the UI thread. Never raises for a printer problem; a database failure does raise."""
    if printer is None or not printer.config.enabled:
        outcome = PrintOutcome("not_printed", Fault.NO_PRINTER_SET.words)
    else:
        try:
            printer.print_image(render_ticket(content, printer.width))
        except Exception as exc:  # any failure leaves a valid ticket, marked as not printed
            fault = exc.fault if isinstance(exc, PrintFailed) else printer_fault(exc)
            printer.faults.failed(fault, str(exc))
            log.info("ticket %s not printed: %s", content.number, fault.words)
            outcome = PrintOutcome("failed", fault.words)
        else:
            printer.faults.worked()
            outcome = PrintOutcome("printed")
    engine.set_print_state(ticket_id, outcome.state, outcome.detail)
    return outcome


def printer_report(engine: TicketEngine) -> dict[str, Any]:
    """Today's tickets by print state, and a warning when the latest print failed."""
    states = engine.read.print_states()
    today, counts, latest = states.business_date, states.tickets, states.latest
    warning = latest is not None and latest.state == "failed"
    lines = [f"Tickets today ({today.isoformat()}) by print state:"]
    lines += [f"  {state:<12} {count}" for state, count in sorted(counts.items())] or ["  none"]
    report: dict[str, Any] = {"business_date": today.isoformat(), "tickets": counts}
    if latest is not None:
        report["latest"] = latest.to_json()
        local = latest.at.astimezone(engine.office.zone)
        lines.append(f"Latest: {latest.number} at {local:%H:%M:%S}: {latest.detail}")
    if warning:
        lines.append("WARNING: the printer is failing; citizens get their number on screen only")
    report["warning"] = warning
    report["text"] = "\n".join(lines)
    return report
