"""An export's progress as one fraction that moves through all its phases.

Each phase (reading the statistics, the sheets, the raw log day by day, the finished file)
reports its own (done, total); ``Phases`` places it in the phase's span of the whole, the
spans sized by the phase's share of the export's time. So a bar moves at an even pace and the
time left guessed from it (``counterdesk.time_left``) holds, instead of a bar that sits at 0%
through the statistics and jumps to 100%. Every report is also where a cancel lands: the
callback may raise, and the export stops there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Progress = Callable[[int, int], None]  # (steps done, steps in all)
STEPS = 1000  # the whole export, as reported to the callback

# Seconds each phase takes over the benchmark's year (1,000,389 tickets of 2025 on SQLite), as
# `benchmarks/export_progress.py` timed them on the idle VM once the streamed XLSX log, the
# day-at-a-time CSVs and the batched statistics had landed. Only the shares matter: measure
# again when a phase's time changes much (the XLSX writer, the PDF's story, the statistics).
STATISTICS = 0.5  # statistics_for over the year, from the day summaries
SECONDS: dict[str, dict[str, float]] = {
    "csv-tickets": {"days": 0.1, "log": 2.2},
    # Its settled days cached (``event_days``); the first export, filling the cache, is slower.
    "csv-events": {"days": 0.2, "log": 3.0},
    "csv-table": {"statistics": STATISTICS, "table": 0.5},  # the summary's estimates' accuracy
    "xlsx": {"statistics": STATISTICS, "sheets": 1.2, "ticket log": 13.4, "workbook": 0.1},
    # The PDF report reads its months, builds its story (charts, tables), then lays out pages.
    "pdf": {"statistics": STATISTICS, "months": 0.4, "story": 1.1, "pages": 0.4},
}


def phase_seconds(fmt: str, table: str, filtered: bool) -> dict[str, float]:
    """The phases of an export and their seconds: a raw log read with filters needs the
    statistics first, in place of the range's days."""
    if fmt != "csv":
        return SECONDS[fmt]
    if table not in ("tickets", "events"):
        return SECONDS["csv-table"]
    phases = SECONDS[f"csv-{table}"]
    if filtered:
        return {"statistics": STATISTICS, "log": phases["log"]}
    return phases


class Phases:
    """Reports each phase's progress as the whole export's, in ``STEPS`` steps."""

    def __init__(self, report: Progress, seconds: Mapping[str, float]) -> None:
        self._report = report
        whole = sum(seconds.values())
        self._spans: dict[str, tuple[float, float]] = {}
        start = 0.0
        for name, taken in seconds.items():
            self._spans[name] = (start, taken / whole)
            start += taken / whole

    def part(self, name: str) -> Progress:
        """The callback for phase ``name``'s own (done, total)."""
        start, share = self._spans[name]

        def report(done: int, total: int) -> None:
            self._report(round(STEPS * (start + share * done / max(total, 1))), STEPS)

        return report

    def begin(self, name: str) -> None:
        """Phase ``name`` starts: a cancel asked for meanwhile lands here."""
        self.part(name)(0, 1)

    def end(self, name: str) -> None:
        """Phase ``name`` is done."""
        self.part(name)(1, 1)


def report_progress(phases: Phases) -> Progress:
    """The PDF report's progress as its three phases: ``write_pdf`` reports each month read
    (1 to total - 2), then its story built (total - 1), then its pages laid out (total)."""

    def report(done: int, total: int) -> None:
        months = total - 2
        if done <= months:
            phases.part("months")(done, months)
        else:
            phases.end("story" if done < total else "pages")

    return report
