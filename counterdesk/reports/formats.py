"""The export formats and CSV tables, apart so the command line names them without loading
the exporters."""

FORMATS = ("csv", "xlsx", "pdf")
CSV_TABLES = ("summary", "tickets", "events")
