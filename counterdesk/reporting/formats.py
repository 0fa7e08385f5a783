"""The export formats, CSV tables and the supervisor window's tabs, apart so the command line
names them without loading the exporters or Qt."""

FORMATS = ("csv", "xlsx", "pdf")
TICKET_TABLES = ("summary", "tickets", "events")  # a range without tickets is refused
FEEDBACK_TABLES = ("satisfaction", "comments", "opinions")
CASE_TABLES = ("cases",)
UNTICKETED_TABLES = (*FEEDBACK_TABLES, *CASE_TABLES)  # written even when empty
CSV_TABLES = (*TICKET_TABLES, *UNTICKETED_TABLES)
# In the window's order.
SUPERVISOR_TABS = (
    "overview",
    "tables",
    "satisfaction",
    "opinions",
    "estimates",
    "cases",
    "messages",
    "case_figures",
    "office",
)
