"""Cases as every export shows them: the CSV's ``cases`` table, a sheet of the XLSX, and lines
and a table of the PDF report (``analytics.case_figures`` defines the figures).

Counts and working days only: no case number, contact or business number leaves the
database. The service filter applies; the counter and staff filters do not (a case is the
office's, not a counter's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from counterdesk.analytics.case_figures import STAGES, CaseFigures, CaseReport, case_figures_for
from counterdesk.analytics.statistics import Filters
from counterdesk.case_phrases import STAGES as STAGE_NAMES  # one name for a stage everywhere
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Office
from counterdesk.reporting.tables import GROUP_COLUMNS, Column, named_rows

CASE_COLUMNS = (
    Column("standard_days", "標準處理日數", "Standard (working days)", "number"),
    Column("received", "收件", "Received"),
    *(Column(f"stage_{stage}", *STAGE_NAMES[stage]) for stage in STAGES),
    Column("decided", "已決定", "Decided"),
    Column("within_standard", "標準內決定", "Decided within standard"),
    Column("within_share", "標準內比例", "Share within standard", "share"),
    Column("decision_median", "決定日數中位數", "Median days to decision", "number"),
    Column("decision_p90", "決定日數 P90", "90th percentile days to decision", "number"),
    Column("handed_over", "已交付", "Handed over"),
    Column("hand_over_median", "交付日數中位數", "Median days to hand-over", "number"),
    Column("hand_over_p90", "交付日數 P90", "90th percentile days to hand-over", "number"),
    Column("corrections", "曾補正", "Needed a correction"),
    Column("rejections", "曾駁回", "Rejected"),
    Column("overdue", "逾期未決", "Overdue, undecided"),
)
SHEET_COLUMNS = (Column("breakdown", "分類", "Breakdown", "text"), *GROUP_COLUMNS, *CASE_COLUMNS)
CASE_DEFINITION = (
    "案件：期間內收件之案件，依收件日與服務項目計。日數為工作日（機關開放日），自收件日"
    "次日起算至核准或駁回（決定）、待領取／郵寄／電子送達（交付）之日；當日完成為 0。"
    "標準處理日數取自各案收件時之預定完成日（補正期間不計入：待補正之工作日使其順延）；"
    "標準內決定：於預定完成日當日或之前決定。曾補正、曾駁回：案件紀錄中曾經該階段者。"
    "逾期未決：未決定、未結案亦非待補正，且已過預定完成日。"
    "Cases: those received in the period, by day of receipt and service. Days are working "
    "days (days the office opens) from the day after receipt to the day of the decision "
    "(approved or rejected) and of the hand-over (ready for pick-up, mailed or delivered "
    "electronically); the same day is 0. The standard is each case's own expected date, "
    "set when it was received and moved on by the working days a correction waited (the "
    "citizen's time is not the office's); decided within standard: on or before that date. "
    "Needed a correction / rejected: the case's log passed through that stage. Overdue: "
    "neither decided nor closed nor waiting for a correction, and past its expected date. "
    "The service filter applies; the counter and staff filters do not."
)


def cases_of(engine: TicketEngine, first: dt.date, last: dt.date, filters: Filters) -> CaseReport:
    """The cases of the export's period and service (the one filter that applies)."""
    return case_figures_for(engine, first, last, filters.service)


def case_values(row: CaseFigures) -> dict[str, Any]:
    """A row's figures by column key."""
    return {
        "standard_days": row.standard_days,
        "received": row.received,
        **{f"stage_{stage}": count for stage, count in zip(STAGES, row.stages, strict=True)},
        "decided": row.decided,
        "within_standard": row.within_standard,
        "within_share": row.within_share,
        "decision_median": row.to_decision.median,
        "decision_p90": row.to_decision.p90,
        "handed_over": row.to_hand_over.count,
        "hand_over_median": row.to_hand_over.median,
        "hand_over_p90": row.to_hand_over.p90,
        "corrections": row.corrections,
        "rejections": row.rejections,
        "overdue": row.overdue,
    }


def case_rows(figures: CaseReport, office: Office) -> Iterator[dict[str, Any]]:
    """The total, then a row per service with cases, with the services' names."""
    groups = [("total", figures.total), *(("service", row) for row in figures.service)]
    return named_rows(groups, office, case_values)


def case_lines(figures: CaseReport, filters: Filters) -> list[tuple[str, str, Any, str]]:
    """The headline lines as (Chinese, English, value, kind): kind count, days, share or
    text says how to show the value; None where there is nothing to measure."""
    total = figures.total
    lines: list[tuple[str, str, Any, str]] = [
        ("收件案件", "Cases received", total.received, "count"),
        ("已決定（核准或駁回）", "Decided (approved or rejected)", total.decided, "count"),
        ("標準處理時間內決定", "Decided within the standard time", total.within_share, "share"),
        ("決定日數中位數", "Median working days to decision", total.to_decision.median, "days"),
        ("決定日數第 90 百分位", "90th percentile to decision", total.to_decision.p90, "days"),
        ("交付日數中位數", "Median working days to hand-over", total.to_hand_over.median, "days"),
        ("曾需補正", "Needed a correction", total.corrections, "count"),
        ("駁回", "Rejected", total.rejections, "count"),
        ("逾期未決", f"Overdue, undecided (on {figures.today})", total.overdue, "count"),
    ]
    if filters.counter is not None or filters.staff is not None:
        lines.append(
            (
                "篩選",
                "Filters",
                "櫃檯與承辦人篩選不適用於案件 counter and staff do not apply to cases",
                "text",
            )
        )
    return lines
