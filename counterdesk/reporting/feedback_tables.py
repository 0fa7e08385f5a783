"""The satisfaction, comment and opinion tables every export shares (CSV, XLSX sheets, PDF
section).

Opinions are listed without the citizen's contact details: those are for answering the
citizen, are deleted after the opinion is closed, and never leave the opinion's own dialog.
Rating comments are listed with the visit they are about, not with its ticket.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import Any

from counterdesk.analytics.satisfaction import OpinionFigures, RatingComment, Satisfaction, Score
from counterdesk.feedback.opinions import Opinion, Opinions
from counterdesk.queue.office import Office
from counterdesk.reporting.periods import months_of
from counterdesk.reporting.tables import Column, group_names

STEADY = 0.02  # faces per month: a smaller change of the monthly mean is no trend
SCORE_BREAKDOWNS = ("service", "counter", "staff", "month")
SCORE_TITLES = {
    "total": ("全部", "All"),
    "service": ("依服務項目", "By service"),
    "counter": ("依櫃檯", "By counter"),
    "staff": ("依承辦人", "By staff member"),
    "month": ("依月份", "By month"),
}
SCORE_COLUMNS = (
    Column("breakdown", "分類", "Breakdown", "text"),
    Column("key", "代碼", "Code", "text"),
    Column("name_zh", "名稱", "Name (Chinese)", "text"),
    Column("name_en", "Name", "Name (English)", "text"),
    Column("ratings", "評分數", "Ratings"),
    Column("mean", "平均分數", "Mean score (1–5)", "number"),
    Column("satisfied", "滿意比例", "Satisfied (4–5)", "share"),
    *(Column(f"score_{face}", f"{face} 分", f"Score {face}") for face in range(1, 6)),
    Column("trend_per_month", "趨勢（分／月）", "Trend (score per month)", "number"),
)
COMMENT_COLUMNS = (
    Column("business_date", "營業日", "Business date", "text"),
    Column("rated_at", "評分時間", "Rated", "text"),
    Column("service", "服務項目", "Service", "text"),
    Column("counter", "櫃檯", "Counter", "text"),
    Column("staff", "承辦人代碼", "Staff code", "text"),
    Column("score", "分數", "Score (1–5)"),
    Column("source", "來源", "Source", "text"),
    Column("comment", "評語", "Comment", "text"),
)
OPINION_COLUMNS = (
    Column("reference", "案號", "Reference", "text"),
    Column("received_at", "收件時間", "Received", "text"),
    Column("channel", "管道", "Channel", "text"),
    Column("status", "狀態", "Status", "text"),
    Column("service", "服務項目", "Service", "text"),
    Column("counter", "櫃檯", "Counter", "text"),
    Column("number", "號碼", "Ticket number", "text"),
    Column("assigned_to", "承辦人代碼", "Assigned to", "text"),
    Column("answered_at", "答覆時間", "Answered", "text"),
    Column("days", "處理天數", "Days to answer (or open)", "number"),
    Column("overdue", "逾期", "Overdue", "text"),
    Column("closed_at", "結案時間", "Closed", "text"),
    Column("body", "意見內容", "Opinion", "text"),
    Column("answer", "答覆內容", "Answer", "text"),
)
FEEDBACK_DEFINITIONS = (
    "滿意度：民眾於服務完成後以 1 至 5 個表情評分；4 或 5 分為滿意。趨勢：各月平均分數之最小平方"
    "斜率（分／月），至少需兩個月有評分。"
    "Satisfaction: citizens rate a finished visit with 1 to 5 faces; 4 or 5 counts as satisfied. "
    "Trend: least-squares slope of the monthly mean score (faces per month), from two months "
    "with ratings.",
    "意見：依收件日計入期間；答覆天數為收件至首次答覆；逾期為至今未答覆且超過答覆期限。"
    "民眾留下之聯絡方式不列入任何匯出或報表。"
    "Opinions count in the period they were received; days to answer run from receipt to the "
    "first answer; overdue means unanswered past the answer target now. Contact details a "
    "citizen leaves appear in no export or report.",
)


def trend_direction(slope: float | None) -> str | None:
    """``improving``, ``worsening`` or ``steady``; None without two months of ratings."""
    if slope is None:
        return None
    if abs(slope) < STEADY:
        return "steady"
    return "improving" if slope > 0 else "worsening"


TREND_WORDS = {
    "improving": ("改善中", "improving"),
    "worsening": ("下降中", "worsening"),
    "steady": ("持平", "steady"),
}


def trend_text(slope: float | None) -> str:
    """The trend in both languages, e.g. "+0.12 分／月，改善中 / +0.12 faces/month, improving"."""
    direction = trend_direction(slope)
    if direction is None:
        return "需有兩個月以上的評分 / needs ratings in two months or more"
    zh, en = TREND_WORDS[direction]
    return f"{slope:+.2f} 分／月，{zh} / {slope:+.2f} faces/month, {en}"


def monthly_means(satisfaction: Satisfaction) -> list[tuple[str, float | None, float | None]]:
    """(month, mean score or None, trend line value or None) for every month of the range.

    The trend line is the least-squares line through the months with ratings, the same fit
    as ``trend_per_month``, drawn from the first to the last of them; months without ratings
    stay gaps rather than zeros.
    """
    means = {score.key: score.mean for score in satisfaction.by_month}
    months = [f"{first:%Y-%m}" for first, _ in months_of(satisfaction.start, satisfaction.end)]
    slope = satisfaction.trend_per_month
    rated = [(i, mean) for i, month in enumerate(months) if (mean := means.get(month)) is not None]
    if slope is None or not rated:
        return [(month, means.get(month), None) for month in months]
    x_mean = sum(i for i, _ in rated) / len(rated)
    y_mean = sum(mean for _, mean in rated) / len(rated)
    span = range(rated[0][0], rated[-1][0] + 1)
    return [
        (month, means.get(month), round(y_mean + slope * (i - x_mean), 3) if i in span else None)
        for i, month in enumerate(months)
    ]


def score_names(office: Office, breakdown: str, key: str) -> tuple[str, str]:
    """Chinese and English names of a satisfaction group (a month is its own name)."""
    if breakdown == "total":
        return SCORE_TITLES["total"]
    return group_names(office, breakdown, key)


def score_rows(satisfaction: Satisfaction, office: Office) -> Iterator[dict[str, Any]]:
    """The overall score (with the trend), then one row per service, counter, staff, month."""
    groups: list[tuple[str, tuple[Score, ...]]] = [("total", (satisfaction.overall,))]
    groups += [(name, getattr(satisfaction, f"by_{name}")) for name in SCORE_BREAKDOWNS]
    for breakdown, scores in groups:
        for score in scores:
            name_zh, name_en = score_names(office, breakdown, score.key)
            yield {
                "breakdown": breakdown,
                "key": "" if breakdown == "total" else score.key,
                "name_zh": name_zh,
                "name_en": name_en,
                "ratings": score.ratings,
                "mean": score.mean,
                "satisfied": score.satisfied,
                **{f"score_{face}": n for face, n in enumerate(score.faces, start=1)},
                "trend_per_month": satisfaction.trend_per_month if breakdown == "total" else None,
            }


def comment_rows(comments: list[RatingComment], office: Office) -> Iterator[dict[str, Any]]:
    """One row per rating comment, as ``rating_comments`` orders them (newest first)."""
    for comment in comments:
        yield {
            "business_date": comment.business_date.isoformat(),
            "rated_at": _local(office, comment.rated_at),
            "service": comment.service,
            "counter": "" if comment.counter is None else comment.counter,
            "staff": comment.staff or "",
            "score": comment.score,
            "source": comment.source,
            "comment": comment.comment,
        }


def opinion_lines(figures: OpinionFigures, target_days: int) -> list[tuple[str, str, Any, str]]:
    """The follow-up figures of the period as (Chinese, English, value, kind) lines; the kind
    (count, days or share) says how to show the value."""
    return [
        ("收件", "Received", figures.received, "count"),
        ("已答覆", "Answered", figures.answered, "count"),
        ("已結案", "Closed", figures.closed, "count"),
        ("未答覆", "Not answered yet", figures.unanswered, "count"),
        ("逾期未答覆", "Overdue now", figures.overdue, "count"),
        ("答覆天數中位數", "Median days to answer", figures.median_days_to_answer, "days"),
        (
            f"{target_days} 日內答覆比例",
            f"Answered within {target_days} days",
            figures.answered_in_time,
            "share",
        ),
    ]


def period_opinions(book: Opinions, first: dt.date, last: dt.date) -> list[Opinion]:
    """Opinions received on the business days ``first`` to ``last``, closed ones included."""
    return book.listing(open_only=False, received=(first, last))


def opinion_rows(opinions: list[Opinion], office: Office) -> Iterator[dict[str, Any]]:
    """One row per opinion, without its contact details."""
    local = partial(_local, office)
    for opinion in opinions:
        yield {
            "reference": opinion.reference,
            "received_at": local(opinion.received_at),
            "channel": opinion.channel,
            "status": opinion.status,
            "service": opinion.service or "",
            "counter": "" if opinion.counter is None else opinion.counter,
            "number": opinion.number or "",
            "assigned_to": opinion.assigned_to or "",
            "answered_at": local(opinion.answered_at),
            "days": opinion.age_days,
            "overdue": "yes" if opinion.overdue else "no",
            "closed_at": local(opinion.closed_at),
            "body": opinion.body,
            "answer": opinion.answer or "",
        }


def _local(office: Office, moment: dt.datetime | None) -> str:
    """Office time to the minute, "" for a step not taken yet."""
    return "" if moment is None else moment.astimezone(office.zone).strftime("%Y-%m-%d %H:%M")
