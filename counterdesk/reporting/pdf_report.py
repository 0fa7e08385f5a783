"""The PDF report for the half-yearly self-assessment and the yearly report.

A4, bilingual headings (Traditional Chinese, then English). Chinese is set in reportlab's
built-in CID font MSung-Light, which needs no font file: PDF readers supply it. Each
section starts a page and has a bookmark, so readers (and the tests) find it by name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from counterdesk.analytics.case_figures import STAGES
from counterdesk.analytics.estimate_accuracy import (
    ACCURACY_BREAKDOWNS,
    Accuracy,
    EstimateAccuracy,
)
from counterdesk.analytics.satisfaction import OpinionFigures, Satisfaction, Score, satisfaction
from counterdesk.analytics.statistics import Figures, Filters, Statistics, monthly_totals
from counterdesk.queue.engine import TicketEngine
from counterdesk.reporting.accuracy_tables import (
    ACCURACY_COLUMNS,
    ACCURACY_DEFINITION,
    accuracy_lines,
    accuracy_of,
    accuracy_values,
)
from counterdesk.reporting.appointment_tables import (
    APPOINTMENT_DEFINITION,
    Appointments,
    appointment_lines,
    appointments_of,
)
from counterdesk.reporting.case_tables import (
    CASE_DEFINITION,
    STAGE_NAMES,
    CaseFigures,
    CaseReport,
    case_lines,
    cases_of,
)
from counterdesk.reporting.feedback_tables import (
    FEEDBACK_DEFINITIONS,
    SCORE_BREAKDOWNS,
    SCORE_TITLES,
    monthly_means,
    opinion_lines,
    score_names,
    trend_text,
)
from counterdesk.reporting.tables import TITLES, group_names

FONT = "counterdesk-cjk"
FONT_FILES = (  # (file, index of the Traditional Chinese face in a collection)
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 2),
    ("C:/Windows/Fonts/msjh.ttc", 0),
    ("C:/Windows/Fonts/mingliu.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)
WIDTH = A4[0] - 36 * mm
BLUE = colors.HexColor("#1f5f99")
ORANGE = colors.HexColor("#e07b28")
NO_TICKETS = "本期間無號碼。No tickets in this period."
SECTIONS = (
    ("summary", "摘要", "Summary"),
    ("by_hour", "時段：到達與等候", "Arrivals and waiting by hour"),
    ("trend", "等候趨勢與服務水準", "Waiting trend and service level"),
    ("staff", "承辦人處理時間", "Handling time by staff member"),
    ("tables", "明細表", "Tables"),
    ("appointments", "預約", "Appointments"),
    ("cases", "案件處理時間", "Case processing time"),
    ("estimates", "預估等候準確度", "Accuracy of the promised waits"),
    ("satisfaction", "滿意度與意見", "Satisfaction and opinions"),
    ("definitions", "定義", "Definitions"),
)


def write_pdf(
    engine: TicketEngine, stats: Statistics, handle: IO[bytes], report: Callable[[int, int], None]
) -> None:
    register_font()
    office = engine.office
    title = office.title
    period = f"{stats.first.isoformat()} – {stats.last.isoformat()}"
    document = SimpleDocTemplate(
        handle,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=f"Service performance {period}",
        author=office.office.name.en,
        subject="服務績效自我評核 Service performance self-assessment",
    )

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(18 * mm, A4[1] - 12 * mm, f"{title}   {period}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 頁  Page {doc.page}")
        canvas.restoreState()

    story: list[Flowable] = []
    steps = 3
    months = monthly_totals(engine, stats.first, stats.last, stats.filters)
    by_month = [(month.key or "", month) for month in months]
    report(1, steps)
    estimates = accuracy_of(engine, stats)
    cases = cases_of(engine, stats.first, stats.last, stats.filters)
    story += _summary(engine, stats, period, estimates, cases)
    # The ticket sections: built only with tickets to show (a chart of nothing cannot be drawn).
    sections: dict[str, Callable[[], list[Flowable]]] = {
        "by_hour": lambda: [_hour_chart(stats), Spacer(1, 8 * mm), _hour_table(stats, office)],
        "trend": lambda: [
            _trend_chart(stats, by_month),
            Spacer(1, 8 * mm),
            _service_level_chart(stats, office),
        ],
        "staff": lambda: [_staff_chart(stats, office)],
        "tables": lambda: _tables(stats, office, by_month),
        "estimates": lambda: _accuracy(estimates, stats.filters, office),
    }
    for key, pieces in sections.items():
        story += _section(key)
        story += pieces() if stats.total.issued else [Paragraph(NO_TICKETS, STYLES["body"])]
        if key == "tables":  # bookings are counted with or without tickets
            story += _section("appointments")
            story += _appointments(appointments_of(engine, stats), stats, office)
            story += _section("cases")  # counted with or without tickets too
            story += _cases(cases, stats.filters, office)
    story += _section("satisfaction")
    story += _satisfaction(engine, satisfaction(engine, stats.first, stats.last), stats)
    story += _section("definitions")
    definitions = (
        *DEFINITIONS,
        APPOINTMENT_DEFINITION,
        CASE_DEFINITION,
        ACCURACY_DEFINITION,
        *FEEDBACK_DEFINITIONS,
    )
    story += [Paragraph(text, STYLES["body"]) for text in definitions]
    report(steps - 1, steps)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    report(steps, steps)


def register_font() -> str:
    """Register ``FONT`` once; returns the file used, or the CID font's name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return str(pdfmetrics.getFont(FONT).face.filename)  # type: ignore[attr-defined]  # a TTFont
    for path, index in FONT_FILES:
        if Path(path).exists():
            try:
                pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=index))
            except TTFError:  # e.g. CFF outlines: try the next one
                continue
            return path
    font = UnicodeCIDFont("MSung-Light")
    font.name = font.fontName = FONT
    pdfmetrics.registerFont(font)
    return "MSung-Light"


# -- pieces ---------------------------------------------------------------------------------

STYLES = {
    "title": ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, textColor=BLUE),
    "heading": ParagraphStyle("heading", fontName=FONT, fontSize=14, leading=20, spaceAfter=6),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=9, leading=13, spaceAfter=4),
    "body": ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=16, spaceAfter=8, alignment=TA_LEFT
    ),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9.5),
}


class _Bookmark(Flowable):
    """An outline entry at this point of the story: the reader's table of contents."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def _section(key: str) -> list[Flowable]:
    _, zh, en = next(section for section in SECTIONS if section[0] == key)
    return [
        PageBreak(),
        _Bookmark(key, f"{zh} {en}"),
        Paragraph(f"{zh}<br/><font size=11 color='#555555'>{en}</font>", STYLES["heading"]),
    ]


def _summary(
    engine: TicketEngine,
    stats: Statistics,
    period: str,
    estimates: EstimateAccuracy,
    cases: CaseReport,
) -> list[Flowable]:
    office = engine.office
    total = stats.total
    filters = escape(", ".join(f"{k} {v}" for k, v in vars(stats.filters).items() if v is not None))
    lines = [
        ("發出號碼", "Tickets issued", f"{total.issued:,}"),
        ("完成服務", "Served", f"{total.served:,}"),
        ("未到／取消／關櫃移除", "No-show / cancelled / removed", _trio(total)),
        ("轉送其他服務", "Transferred", f"{total.transferred:,}"),
        ("平均等候", "Mean wait", _minutes(total.wait.mean)),
        ("等候中位數", "Median wait", _minutes(total.wait.median)),
        ("等候第 90 百分位", "90th percentile wait", _minutes(total.wait.p90)),
        ("最長等候", "Longest wait", _minutes(total.wait.maximum)),
        (
            "服務水準（目標內叫號）",
            "Service level (called within target)",
            _share(total.service_level),
        ),
        (
            "預估等候平均誤差／偏差",
            "Promised wait: mean error / bias",
            f"{_figure(estimates.total.mae)} / {_figure(estimates.total.bias, signed=True)} 分 min",
        ),
        ("處理時間中位數", "Median handling time", _minutes(total.handling.median)),
        ("櫃檯使用率", "Counter utilisation", _share(total.utilisation)),
        (
            "案件標準時間內決定",
            "Cases decided within the standard time",
            f"{_share(cases.total.within_share)} / {cases.total.received:,}",
        ),
        ("有票日數", "Days with tickets", str(stats.days)),
    ]
    generated = engine.clock.now().astimezone(office.zone).strftime("%Y-%m-%d %H:%M")
    return [
        _Bookmark("summary", "摘要 Summary"),
        Paragraph("服務績效自我評核報告", STYLES["title"]),
        Paragraph("Service performance self-assessment", STYLES["heading"]),
        Paragraph(_lines(office.office.name.zh, office.office.name.en), STYLES["body"]),
        Paragraph(
            f"期間 Period: {period}<br/>篩選 Filters: {filters or '無 none'}<br/>"
            f"產生時間 Generated: {generated}",
            STYLES["small"],
        ),
        Spacer(1, 6 * mm),
        _figure_table(lines),
    ]


def _figure_table(lines: Sequence[tuple[str, str, str]]) -> Table:
    """Headline figures, one a line: Chinese label, English label, value on the right."""
    body = STYLES["body"]
    table = Table(
        [[Paragraph(zh, body), Paragraph(en, body), value] for zh, en, value in lines],
        colWidths=[WIDTH * 0.36, WIDTH * 0.40, WIDTH * 0.24],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 11),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return table


def _hour_chart(stats: Statistics) -> Drawing:
    hours = [row for row in stats.hour if row.issued]
    labels = [row.key or "" for row in hours]
    arrivals = [round(row.per_day or 0, 1) for row in hours]
    waits = [_as_minutes(row.wait.median) for row in hours]
    p90 = [_as_minutes(row.wait.p90) for row in hours]
    drawing = Drawing(WIDTH, 215)
    left = _bars(labels, [arrivals], [BLUE], 0, WIDTH / 2 - 10, "每日平均到達 Arrivals per day")
    right = _bars(
        labels, [waits, p90], [BLUE, ORANGE], WIDTH / 2 + 10, WIDTH / 2 - 10, "等候（分）Wait (min)"
    )
    drawing.add(left)
    drawing.add(right)
    for text, x in (("時 hour", WIDTH / 4), ("時 hour", 3 * WIDTH / 4)):
        drawing.add(String(x, 2, text, fontName=FONT, fontSize=8, textAnchor="middle"))
    drawing.add(_legend(210))
    return drawing


def _bars(
    labels: Sequence[str],
    series: list[list[float]],
    fills: list[Any],
    x: float,
    width: float,
    title: str,
) -> Any:
    from reportlab.graphics.shapes import Group

    group = Group()
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = x + 30, 25, width - 40, 140  # type: ignore[assignment]  # stubs say int; points are floats
    chart.data = series or [[0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for index, fill in enumerate(fills):
        chart.bars[index].fillColor = fill
        chart.bars[index].strokeColor = None
    group.add(chart)
    group.add(String(x + 30, 172, title, fontName=FONT, fontSize=9))
    return group


def _legend(y: float) -> Legend:
    """Median in blue, 90th percentile in orange, at the top right of a drawing."""
    items = [("中位數 median", BLUE), ("第 90 百分位 P90", ORANGE)]
    legend = Legend()
    legend.x, legend.y = WIDTH - 190, y  # type: ignore[assignment]  # stubs say int; points are floats
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [(fill, name) for name, fill in items]
    return legend


def _trend_chart(stats: Statistics, by_month: list[tuple[str, Figures]]) -> Drawing:
    """Median and 90th percentile wait per day (per month over long ranges)."""
    long_range = len(stats.day) > 62
    points = by_month if long_range else [(row.key or "", row) for row in stats.day]
    drawing = Drawing(WIDTH, 210)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, WIDTH - 60, 140  # type: ignore[assignment]  # stubs say int; points are floats
    chart.data = [
        [_as_minutes(row.wait.median) for _, row in points] or [0],
        [_as_minutes(row.wait.p90) for _, row in points] or [0],
    ]
    names = [key if long_range else key[5:] for key, _ in points]
    step = max(1, len(names) // 16)
    chart.categoryAxis.categoryNames = [n if i % step == 0 else "" for i, n in enumerate(names)]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.lines[0].strokeColor, chart.lines[1].strokeColor = BLUE, ORANGE
    chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 1.5
    drawing.add(chart)
    unit = "每月 per month" if long_range else "每日 per day"
    drawing.add(String(40, 190, f"等候（分）Wait (min), {unit}", fontName=FONT, fontSize=9))
    drawing.add(_legend(208))
    return drawing


def _service_level_chart(stats: Statistics, office: Any) -> Drawing:
    rows = [row for row in stats.service if row.service_level is not None]
    height = 40 + 16 * max(1, len(rows))
    drawing = Drawing(WIDTH, height + 20)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 10, WIDTH - 180, height - 20  # type: ignore[assignment]  # stubs say int; points are floats
    chart.data = [[round(100 * (row.service_level or 0), 1) for row in reversed(rows)] or [0]]
    chart.categoryAxis.categoryNames = [
        group_names(office, "service", row.key)[0] for row in reversed(rows)
    ] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor, chart.bars[0].strokeColor = BLUE, None
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.fontSize = 7
    chart.barLabels.dx = 10
    drawing.add(chart)
    drawing.add(
        String(
            0,
            height + 6,
            "服務水準（目標內叫號 %）Service level (% called within target)",
            fontName=FONT,
            fontSize=9,
        )
    )
    return drawing


def _staff_chart(stats: Statistics, office: Any) -> Drawing:
    rows = [row for row in stats.staff if row.key is not None and row.handling.count]
    labels = [group_names(office, "staff", row.key)[0] for row in rows]
    series = [
        [_as_minutes(row.handling.median) for row in rows],
        [_as_minutes(row.handling.p90) for row in rows],
    ]
    drawing = Drawing(WIDTH, 210)
    drawing.add(
        _bars(labels, series, [BLUE, ORANGE], 0, WIDTH, "處理時間（分）Handling time (min)")
    )
    drawing.add(_legend(208))
    return drawing


TABLE_HEADINGS = (
    ("", ""),
    ("發出", "Issued"),
    ("完成", "Served"),
    ("未到", "No-show"),
    ("等候中位數", "Median wait"),
    ("等候 P90", "P90 wait"),
    ("服務水準", "Service level"),
    ("處理中位數", "Median handling"),
    ("使用率", "Utilisation"),
)


def _tables(stats: Statistics, office: Any, by_month: list[tuple[str, Figures]]) -> list[Flowable]:
    tables = [_table("依月份", "By month", by_month)] if len(by_month) > 1 else []
    for breakdown in ("service", "counter", "staff", "weekday", "priority"):
        zh, en = TITLES[breakdown]
        rows = [(_name(office, breakdown, row.key), row) for row in stats.breakdown(breakdown)]
        tables.append(_table(zh, en, rows))
    return tables


def _hour_table(stats: Statistics, office: Any) -> Flowable:
    rows = [(_name(office, "hour", row.key), row) for row in stats.hour if row.issued]
    return _table(*TITLES["hour"], rows)


def _table(zh: str, en: str, rows: Sequence[tuple[str, Figures]]) -> Flowable:
    body = [
        [
            name,
            f"{row.issued:,}",
            f"{row.served:,}",
            f"{row.no_show:,}",
            _minutes(row.wait.median),
            _minutes(row.wait.p90),
            _share(row.service_level),
            _minutes(row.handling.median),
            _share(row.utilisation),
        ]
        for name, row in rows
    ]
    return _grid(zh, en, TABLE_HEADINGS, body, [0.2] + [0.1] * 8)


def _grid(
    zh: str,
    en: str,
    headings: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> Flowable:
    """A titled table: bilingual headings, the first column a name, figures on the right;
    ``widths`` are shares of the page width."""
    cell = STYLES["cell"]
    body: list[list[Paragraph | str]] = [[Paragraph(f"{a}<br/>{b}", cell) for a, b in headings]]
    body += [[Paragraph(row[0], cell), *row[1:]] for row in rows]
    table = Table(body, colWidths=[WIDTH * share for share in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7.5),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, BLUE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether(
        [Paragraph(f"{zh} {en}", STYLES["small"]), table, Spacer(1, 6 * mm)]
        if len(rows) < 30
        else [Paragraph(f"{zh} {en}", STYLES["small"]), table]
    )


# -- appointments ---------------------------------------------------------------------------


def _appointments(figures: Appointments, stats: Statistics, office: Any) -> list[Flowable]:
    """What became of the bookings, the waits of appointments beside walk-ins, and the
    bookings by service."""
    lines = [
        (zh, en, _minutes(value) if kind == "seconds" else _line_value(value, kind))
        for zh, en, value, kind in appointment_lines(figures, stats)
    ]
    story: list[Flowable] = [_figure_table(lines), Spacer(1, 6 * mm)]
    if stats.arrival:
        rows = [(_name(office, "arrival", row.key), row) for row in stats.arrival]
        story.append(_table(*TITLES["arrival"], rows))
    counts = [
        [
            _name(office, "service", row.key),
            *(
                f"{value:,}"
                for value in (
                    row.booked,
                    row.checked_in,
                    row.late,
                    row.served,
                    row.no_show,
                    row.cancelled,
                )
            ),
        ]
        for row in figures.service
    ]
    if counts:
        story.append(_grid(*TITLES["service"], BOOKING_HEADINGS, counts, [0.28] + [0.1] * 6))
    return story


BOOKING_HEADINGS = (
    ("", ""),
    ("預約", "Booked"),
    ("準時報到", "Checked in"),
    ("逾時", "Late"),
    ("完成", "Served"),
    ("未到", "No-show"),
    ("取消", "Cancelled"),
)


# -- cases ----------------------------------------------------------------------------------


def _cases(figures: CaseReport, filters: Filters, office: Any) -> list[Flowable]:
    """The headline figures, working days to decision against each service's standard, the
    figures by service and the cases at each stage now."""
    lines = [
        (zh, en, _line_value(value, kind)) for zh, en, value, kind in case_lines(figures, filters)
    ]
    story: list[Flowable] = [_figure_table(lines), Spacer(1, 6 * mm)]
    rows = [row for row in figures.service if row.received]
    if not rows:
        return story
    story += [_case_chart(rows, office), Spacer(1, 4 * mm)]
    named = [
        *((_name(office, "service", row.key), row) for row in rows),
        (_name(office, "total", None), figures.total),
    ]
    body = [[name, *_case_cells(row)] for name, row in named]
    widths = [0.2, 0.08, *[0.08] * 6, 0.09, 0.075, 0.075]  # "Corrected" wants a little more
    story.append(_grid(*TITLES["service"], CASE_HEADINGS, body, widths))
    stages = [[name, *(f"{count:,}" for count in row.stages)] for name, row in named]
    headings = (("", ""), *(STAGE_NAMES[stage] for stage in STAGES))
    wider = {"electronic": 0.12, "correction": 0.09}  # their long names
    widths = [wider.get(stage, 0.08) for stage in STAGES]
    story.append(
        _grid("目前階段", "At each stage now", headings, stages, [1 - sum(widths), *widths])
    )
    return story


CASE_HEADINGS = (
    ("", ""),
    ("標準日數", "Standard"),
    ("收件", "Received"),
    ("已決定", "Decided"),
    ("標準內", "Within standard"),
    ("決定中位數", "Median to decision"),
    ("決定 P90", "P90 to decision"),
    ("交付中位數", "Median to hand-over"),
    ("曾補正", "Corrected"),
    ("駁回", "Rejected"),
    ("逾期未決", "Overdue"),
)


def _case_cells(row: CaseFigures) -> list[str]:
    def days(value: int | None) -> str:
        return "–" if value is None else str(value)

    return [
        days(row.standard_days),
        f"{row.received:,}",
        f"{row.decided:,}",
        _share(row.within_share),
        days(row.to_decision.median),
        days(row.to_decision.p90),
        days(row.to_hand_over.median),
        f"{row.corrections:,}",
        f"{row.rejections:,}",
        f"{row.overdue:,}",
    ]


def _case_chart(rows: Sequence[CaseFigures], office: Any) -> Drawing:
    """Working days to decision per service, median and p90, beside its standard in grey."""
    height = 40 + 24 * len(rows)
    drawing = Drawing(WIDTH, height + 40)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 30, WIDTH - 180, height - 20  # type: ignore[assignment]  # stubs say int; points are floats
    ordered = list(reversed(rows))
    chart.data = [
        [row.standard_days or 0 for row in ordered],
        [row.to_decision.median or 0 for row in ordered],
        [row.to_decision.p90 or 0 for row in ordered],
    ]
    chart.categoryAxis.categoryNames = [
        group_names(office, "service", row.key)[0] for row in ordered
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for index, fill in enumerate((colors.HexColor("#9aa5b1"), BLUE, ORANGE)):
        chart.bars[index].fillColor, chart.bars[index].strokeColor = fill, None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 6.5
    chart.barLabels.dx = 6
    drawing.add(chart)
    drawing.add(
        String(
            0,
            height + 26,
            "決定所需工作日 Working days to decision",
            fontName=FONT,
            fontSize=9,
        )
    )
    legend = Legend()
    legend.x, legend.y = 150, 12
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment, legend.columnMaximum, legend.dx, legend.deltax = "right", 1, 8, 110
    legend.colorNamePairs = [
        (colors.HexColor("#9aa5b1"), "標準 standard"),
        (BLUE, "中位數 median"),
        (ORANGE, "第 90 百分位 P90"),
    ]
    drawing.add(legend)
    return drawing


# -- the estimate's accuracy ----------------------------------------------------------------


def _accuracy(figures: EstimateAccuracy, filters: Filters, office: Any) -> list[Flowable]:
    """The headline figures, then the accuracy by service and by hour of issue."""
    lines = [
        (zh, en, _line_value(value, kind))
        for zh, en, value, kind in accuracy_lines(figures, filters)
    ]
    story: list[Flowable] = [
        _figure_table(lines),
        Spacer(1, 6 * mm),
        Paragraph("時間單位為分鐘。Times in minutes.", STYLES["small"]),
    ]
    headings = (
        ("", ""),
        *(
            (column.zh.removesuffix("（分）"), column.en.removesuffix(" (min)"))
            for column in ACCURACY_COLUMNS
        ),
    )
    for breakdown in ACCURACY_BREAKDOWNS:
        rows = [
            [_name(office, breakdown, row.key), *_accuracy_cells(row)]
            for row in figures.breakdown(breakdown)
        ]
        if rows:
            zh, en = ACCURACY_TITLES[breakdown]
            story.append(_grid(zh, en, headings, rows, [0.19] + [0.081] * 10))
    return story


ACCURACY_TITLES = {"service": TITLES["service"], "hour": ("依抽號時段", "By hour of issue")}


def _accuracy_cells(row: Accuracy) -> list[str]:
    values = accuracy_values(row)
    cells = []
    for column in ACCURACY_COLUMNS:
        value = values[column.key]
        if column.kind == "share":
            cells.append(_share(value))
        elif column.kind == "number":
            cells.append(_figure(value, signed=column.key == "promise_bias_min"))
        else:
            cells.append(f"{value:,}")
    return cells


def _line_value(value: Any, kind: str) -> str:
    """A headline line's value by its kind (``accuracy_lines``)."""
    if kind in ("minutes", "signed minutes"):
        return "–" if value is None else f"{_figure(value, signed=kind != 'minutes')} 分 min"
    if kind == "share":
        return _share(value)
    if kind == "days":
        return "–" if value is None else f"{value} 工作日 working days"
    return f"{value:,}" if kind == "count" else escape(str(value))


def _figure(minutes: float | None, *, signed: bool = False) -> str:
    """Minutes to one decimal: "5.3", with ``signed`` "+5.3" or "-0.8" (the font has no
    minus sign of its own); a dash for none."""
    if minutes is None:
        return "–"
    return f"{minutes:+.1f}" if signed else f"{minutes:.1f}"


# -- satisfaction and opinions --------------------------------------------------------------

SCORE_HEADINGS = (
    ("", ""),
    ("評分數", "Ratings"),
    ("平均分數", "Mean score"),
    ("滿意比例", "Satisfied"),
    *((f"{face} 分", f"Score {face}") for face in range(1, 6)),
)


def _satisfaction(engine: TicketEngine, figures: Satisfaction, stats: Statistics) -> list[Flowable]:
    """The ratings (headline, monthly mean with its trend, scores by service, counter, staff
    member and month), then the follow-up of opinions. No contact details, no opinion text."""
    office = engine.office
    overall = figures.overall
    story: list[Flowable] = []
    if stats.filters != Filters():
        story.append(
            Paragraph(
                "篩選不適用於滿意度與意見。Filters do not apply to this section.", STYLES["small"]
            )
        )
    story += [
        Paragraph(f"趨勢 Trend: {trend_text(figures.trend_per_month)}", STYLES["body"]),
        _figure_table(
            [
                ("評分數", "Ratings", f"{overall.ratings:,}"),
                ("平均分數（1–5）", "Mean score (1–5)", _score(overall.mean)),
                ("滿意比例（4–5 分）", "Satisfied (4–5)", _share(overall.satisfied)),
            ]
        ),
    ]
    if overall.ratings:
        story += [Spacer(1, 6 * mm), _satisfaction_chart(figures), Spacer(1, 6 * mm)]
    else:
        story.append(Paragraph("本期間無評分。No ratings in this period.", STYLES["body"]))
    for breakdown in SCORE_BREAKDOWNS if overall.ratings else ():
        zh, en = SCORE_TITLES[breakdown]
        scores: tuple[Score, ...] = getattr(figures, f"by_{breakdown}")
        body = [
            [
                _score_name(office, breakdown, score.key),
                f"{score.ratings:,}",
                _score(score.mean),
                _share(score.satisfied),
                *(f"{count:,}" for count in score.faces),
            ]
            for score in scores
        ]
        story.append(_grid(zh, en, SCORE_HEADINGS, body, [0.28] + [0.09] * 8))
    return story + _opinion_follow_up(figures.opinions, office.feedback.answer_target_days)


def _opinion_follow_up(figures: OpinionFigures, target: int) -> list[Flowable]:
    """How the opinions received in the period were answered, overall and by month."""
    lines = [
        (zh, en, _opinion_value(value, kind))
        for zh, en, value, kind in opinion_lines(figures, target)
    ]
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        Paragraph("意見處理 <font color='#555555'>Opinion follow-up</font>", STYLES["body"]),
        _figure_table(lines),
        Spacer(1, 6 * mm),
    ]
    months = [
        [month.month, f"{month.received:,}", f"{month.answered_in_time:,}"]
        for month in figures.by_month
    ]
    if months:
        headings = (
            ("", ""),
            ("收件", "Received"),
            (f"{target} 日內答覆", f"Answered within {target} days"),
        )
        story.append(_grid("意見依月份", "Opinions by month", headings, months, [0.2, 0.15, 0.25]))
    return story


def _satisfaction_chart(figures: Satisfaction) -> Drawing:
    """The mean score of each month on the 1–5 scale, with its least-squares trend dashed."""
    points = monthly_means(figures)
    drawing = Drawing(WIDTH, 200)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, WIDTH - 60, 135  # type: ignore[assignment]  # stubs say int; points are floats
    fitted = [fit for _, _, fit in points]
    trend = figures.trend_per_month is not None  # a line needs two months with ratings
    chart.data = [[mean for _, mean, _ in points], *([fitted] if trend else [])]
    chart.categoryAxis.categoryNames = [month for month, _, _ in points]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 1, 5, 1
    chart.valueAxis.labels.fontSize = 7
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = BLUE, 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=BLUE)
    chart.lines[1].strokeColor, chart.lines[1].strokeWidth = ORANGE, 1
    chart.lines[1].strokeDashArray = (4, 3)
    drawing.add(chart)
    drawing.add(
        String(
            40, 180, "平均分數（每月，1–5）Mean score per month (1–5)", fontName=FONT, fontSize=9
        )
    )
    legend = Legend()
    legend.x, legend.y = WIDTH - 190, 198  # type: ignore[assignment]  # stubs say int; points are floats
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 90
    legend.colorNamePairs = [(BLUE, "平均 mean"), *([(ORANGE, "趨勢 trend")] if trend else [])]
    drawing.add(legend)
    return drawing


def _score_name(office: Any, breakdown: str, key: str) -> str:
    return _lines(*score_names(office, breakdown, key))


def _score(mean: float | None) -> str:
    return "–" if mean is None else f"{mean:.2f}"


def _opinion_value(value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return _share(value)
    return f"{value:.1f} 日 days" if kind == "days" else f"{value:,}"


def _name(office: Any, breakdown: str, key: str | None) -> str:
    return _lines(*group_names(office, breakdown, key))


def _lines(zh: str, en: str) -> str:
    """Paragraph markup for a name in two languages, shown literally: a name from the office
    file or the history may hold ``<`` or ``&``, which the markup would otherwise read."""
    return escape(zh) if zh == en else f"{escape(zh)}<br/>{escape(en)}"


def _as_minutes(seconds: float | None) -> float:
    return 0.0 if seconds is None else round(seconds / 60, 1)


def _minutes(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} 分 min"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _trio(total: Figures) -> str:
    return f"{total.no_show:,} / {total.cancelled:,} / {total.removed_at_close:,}"


DEFINITIONS = (
    "等候時間：抽號至應答叫號（未到後回隊者，以其最後一次叫號）。"
    "Wait: from taking the ticket to the answered call "
    "(for a no-show who came back, the last call).",
    "到櫃時間：叫號至開始服務。處理時間：開始至完成，依櫃檯逐段計算（轉送者每段各計一次）。"
    "Walk: call to start of service. Handling: start to finish, per service at a counter "
    "(a transferred ticket has one per counter).",
    "時間以整秒計，百分位數採最近序位法：n 筆由小到大排序後第 ⌈p·n/100⌉ 筆。"
    "Times are whole seconds; percentiles by nearest rank: the value at rank ⌈p·n/100⌉ of the "
    "n values sorted ascending (the median of an even count is the lower middle value).",
    "服務水準：已叫號者中，等候不超過該服務目標等候時間之比例。"
    "Service level: the share of called tickets whose wait was within their service's target.",
    "轉送之號碼計入抽號時之服務項目。使用率：服務時間 ÷ 開櫃（已簽入且未暫停）時間。"
    "A transferred ticket counts under the service it was issued for. Utilisation: time serving "
    "÷ time signed in and not paused.",
)
