"""The queue domain: office configuration, ticket engine, estimates. Imports no Qt module.

Typical use::

    from counterdesk.queue import open_office
    engine = open_office("sqlite:///office.sqlite3")
    ticket = engine.issue("precheck")
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
from counterdesk.queue.office import SAMPLE_OFFICE, Office, load_office, parse_office
from counterdesk.queue.views import CounterStatus, Event, OfficeStatus, ServiceStatus, Ticket

__all__ = [
    "SAMPLE_OFFICE",
    "Clock",
    "CounterStatus",
    "CounterdeskError",
    "Database",
    "DatabaseError",
    "Event",
    "ManualClock",
    "NotFound",
    "Office",
    "OfficeFileError",
    "OfficeStatus",
    "QueueError",
    "ServiceStatus",
    "SystemClock",
    "Ticket",
    "TicketEngine",
    "TicketRefused",
    "load_office",
    "open_office",
    "parse_office",
]
