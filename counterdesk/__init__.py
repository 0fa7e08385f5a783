"""counterdesk: a counter-service kiosk and queue system for government service counters."""

__version__ = "0.1.0"
