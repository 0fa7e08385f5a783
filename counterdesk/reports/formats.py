"""The export formats, CSV tables and the supervisor window's tabs, apart so the command line
names them without loading the exporters or Qt."""

FORMATS = ("csv", "xlsx", "pdf")
CSV_TABLES = ("summary", "tickets", "events", "satisfaction", "opinions")
SUPERVISOR_TABS = ("overview", "tables", "satisfaction", "opinions")  # in the window's order
