"""The queue domain: office configuration, ticket engine, estimates. Imports no Qt module.

Typical use::

    from counterdesk.queue import open_office
    engine = open_office("sqlite:///office.sqlite3")
    ticket = engine.issue("precheck")
    status = engine.read.status()

Modules above the domain import from here, never ``models``: the states and event kinds they
compare against are re-exported, the tables are not.
"""

from counterdesk.queue.clock import Clock, ManualClock, SystemClock
from counterdesk.queue.database import Database
from counterdesk.queue.engine import TicketEngine, open_office
from counterdesk.queue.errors import (
    CounterdeskError,
    DatabaseError,
    NotFound,
    OfficeFileError,
    QueueError,
    TicketRefused,
)
from counterdesk.queue.models import CALL_KINDS, EventKind, Status
from counterdesk.queue.office import SAMPLE_OFFICE, Office, load_office, parse_office
from counterdesk.queue.reads import QueueReader
from counterdesk.queue.views import (
    CounterStatus,
    Event,
    LatestPrint,
    OfficeStatus,
    PrintStates,
    ServiceStatus,
    Ticket,
    View,
)

__all__ = [
    "CALL_KINDS",
    "SAMPLE_OFFICE",
    "Clock",
    "CounterStatus",
    "CounterdeskError",
    "Database",
    "DatabaseError",
    "Event",
    "EventKind",
    "LatestPrint",
    "ManualClock",
    "NotFound",
    "Office",
    "OfficeFileError",
    "OfficeStatus",
    "PrintStates",
    "QueueError",
    "QueueReader",
    "ServiceStatus",
    "Status",
    "SystemClock",
    "Ticket",
    "TicketEngine",
    "TicketRefused",
    "View",
    "load_office",
    "open_office",
    "parse_office",
]
