"""Every phrase counterdesk itself says to a citizen, in Traditional Chinese and English.

Service names, steps, fees and documents come from the office file; these are the words around
them, on the kiosk, the board, the printed ticket, the counter's rating screen and the status
page, each written once so that a citizen reads the same words on paper, glass and phone. They
are not Qt Linguist translations: a citizen never has to find a language switch, both languages
are always shown together. This module imports nothing of counterdesk (and no Qt): every layer
may use it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Protocol


class _Named(Protocol):
    """Anything with a Chinese and an English text, as the office file's texts are."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...


class _DayName(Protocol):
    """A closed date of the office file, which may name the day in both languages."""

    @property
    def zh(self) -> str | None: ...

    @property
    def en(self) -> str | None: ...


class Bilingual(NamedTuple):
    """A phrase in Traditional Chinese and English, shown together."""

    zh: str
    en: str

    @classmethod
    def of(cls, text: _Named) -> Bilingual:
        return cls(text.zh, text.en)

    def fill(self, **values: object) -> Bilingual:
        """The phrase with its ``{name}`` fields filled in, in both languages; a Bilingual
        value (the office's name, a stage) goes in each side in that side's language."""

        def side(language: int) -> dict[str, object]:
            return {k: v[language] if isinstance(v, Bilingual) else v for k, v in values.items()}

        return Bilingual(self.zh.format(**side(0)), self.en.format(**side(1)))

    def line(self, gap: str = "  ") -> str:
        """Both languages on one line, Chinese first: how the board writes its headings."""
        return f"{self.zh}{gap}{self.en}"


B = Bilingual

# -- a ticket: on paper, on the kiosk's confirmation and on the phone -------------------------
YOUR_NUMBER = B("您的號碼", "Your number")
PRIORITY = B("優先", "Priority")
ISSUED = B("取號時間", "Issued")
PEOPLE_AHEAD = B("前面人數", "People ahead")
ESTIMATED_WAIT = B("預估等候", "Estimated wait")
REMEMBER = B("請記得備妥以下文件", "Please remember to bring")
SCAN = B("掃描 QR code 查看叫號進度", "Scan to see your place in the queue")
HELPLINE = B("諮詢專線", "Helpline")
TEST_PRINT = B("測試列印", "TEST PRINT")


NO_ESTIMATE = B("目前無法預估", "no estimate for now")  # no counter will call it today


class _Estimated(Protocol):
    """A view with a projected wait (a ticket, a service): the range a citizen is told."""

    @property
    def estimated_wait_low(self) -> int | None: ...

    @property
    def estimated_wait_high(self) -> int | None: ...


def projected_wait(low: int | None, high: int | None) -> Bilingual:
    """A projected wait as every surface words it, in whole minutes: "any moment now" when
    the call is due (0/0), one figure when the estimator gives one, "within N min" for a range
    from 0, else the range with an en dash; "no estimate" for None (no call today)."""
    if low is None or high is None:
        return NO_ESTIMATE
    if high <= 0:
        return B("即將叫號", "any moment now")
    if low == high:
        return B(f"約 {high} 分鐘", f"about {high} min")
    if low <= 0:
        return B(f"{high} 分鐘內", f"within {high} min")
    return B(f"約 {low}–{high} 分鐘", f"about {low}–{high} min")


def wait_of(view: _Estimated) -> Bilingual:
    """``projected_wait`` of a ticket's or a service's estimate fields."""
    return projected_wait(view.estimated_wait_low, view.estimated_wait_high)


def due_now(view: _Estimated) -> bool:
    """Whether the projected call is due now (0/0): only then is a citizen "next"."""
    return view.estimated_wait_high == 0


def counter_name(number: int) -> Bilingual:
    """A counter as the board, the rating screen and the status page name it."""
    return B(f"{number} 號櫃檯", f"Counter {number}")


# -- a service: its procedure, time, fee and documents (kiosk, board, status page) -----------
PROCEDURE = B("辦理流程", "Procedure")
HOW_IT_WORKS = B("辦理流程", "How it works")  # the board's heading for the same
PROCESSING_TIME = B("處理時間", "Processing time")
STANDARD_TIME = B("標準處理時間", "Standard processing time")
FEE = B("規費", "Fee")
DOCUMENTS = B("應備文件", "Documents to bring")
TICK_DOCUMENTS = B("應備文件：請勾選已備妥的文件", "Documents: tick what you have")
NO_DOCUMENTS = B("本項業務無須準備文件", "No documents are needed for this service")
INDICATIVE = B("僅供參考，以承辦人員說明為準", "For guidance only: staff will confirm")
PROVISIONAL = B("＊ 暫定資訊，以櫃檯說明為準", "Provisional: please confirm at the counter")

# -- the kiosk ------------------------------------------------------------------------------
CHOOSE = B("請選擇您要辦理的業務", "Please choose the service you need")
PRIORITY_WHO = B(
    "長者、孕婦、身心障礙或行動不便者、攜帶幼兒者",
    "Seniors, pregnant women, people with disabilities or limited mobility, "
    "people with young children",
)
PRIORITY_CHOOSE = B(
    "優先號碼：請選擇您要辦理的業務", "Priority ticket: please choose the service you need"
)
BACK = B("返回", "Back")
READ_ALOUD = B("朗讀", "Read aloud")
TAKE_NUMBER = B("抽取號碼牌", "Take a number")
ISSUING = B("取號中…", "Issuing your number…")
DONE = B("完成", "Done")  # the button that ends a visit to the kiosk
PRINTING = B("正在列印號碼牌…", "Printing your ticket…")
PRINTED = B("請取走您的號碼牌", "Please take your ticket")
NOT_PRINTED = B(
    "號碼牌未能列印：請記下號碼或拍下 QR code",
    "The ticket could not be printed: note your number or photograph the QR code",
)
NO_PRINTER = B(
    "本機不列印號碼牌：請記下號碼或拍下 QR code",
    "No paper ticket here: note your number or photograph the QR code",
)
CANNOT_ISSUE = B(
    "暫時無法取號，請洽服務台", "No number can be issued right now: please ask at the desk"
)
FULL_TODAY = B("今日號碼牌已發完", "All of today's numbers have been given out")
FULL_TODAY_HINT = B("請於下一個上班日再來", "Please come back on the next working day")
NOT_NOW = B("目前不受理取號", "No numbers are being issued now")
# Checking in a booking (the kiosk's keypad page, the scanner, the ticket).
CHECK_IN = B("預約或網路取號 報到", "Booking or web number — check in")
CHECK_IN_TITLE = B("報到", "Check-in")
CHECK_IN_HOW = B(
    "請輸入 8 位數報到代碼（預約或網路取號），或將 QR code 對準掃描器",
    "Type the 8-digit check-in code of your booking or web number, or hold its QR code "
    "to the scanner",
)
CHECK_IN_GO = B("報到", "Check in")
CHECKING_IN = B("報到中…", "Checking you in…")
KEY_DELETE = B("刪除", "Delete")
KEY_CLEAR = B("清除", "Clear")
APPOINTMENT = B("預約", "Appointment")
APPOINTMENT_TIME = B("預約時間", "Appointment time")
CALLED_AT_APPOINTMENT = B("您將於預約時間被叫號", "You will be called at your appointment time")
LATE_WALK_IN = B(
    "您已超過預約報到時間，本號碼牌依一般順序叫號",
    "You came after your booking's check-in time: this ticket is in the ordinary queue",
)
CHECK_IN_FROM = B("請於 {time} 後報到", "Please check in from {time}")
CHECK_IN_REFUSED = {
    "late": B(
        "您的預約已超過報到時間，如需辦理請抽號碼牌",
        "Your booking's check-in time has passed: to be served, please take a number",
    ),
    "another_day": B("您的預約日期是 {day}，不是今天", "Your appointment is on {day}, not today"),
    "cancelled": B("此預約已取消", "This booking has been cancelled"),
    "no_show": B(
        "此預約已逾時未報到，如需辦理請抽號碼牌",
        "This booking's time has passed: to be served, please take a number",
    ),
    "used": B("此代碼已完成報到", "This code has already been checked in"),
    "lapsed": B(
        "此網路號碼未於時限內報到，已失效，請重新抽號碼牌",
        "This web number was not checked in in time and has lapsed: please take a new number",
    ),
    "unknown": B("查無此報到代碼，請再確認", "This check-in code was not found: please check it"),
    "withdrawn": B(
        "此業務已停止預約，請洽服務台",
        "This service no longer takes bookings: please ask at the desk",
    ),
    "closed": B("今日服務時間已結束", "We have closed for today"),
}
TYPED = B("已輸入", "Typed")
CANNOT_CHECK_IN = B(
    "暫時無法報到，請洽服務台", "Check-in is not possible right now: please ask at the desk"
)
OPENING_HOURS = B("服務時間", "Opening hours")
LAST_TICKET = B("最後取號", "Last ticket")

# Why ``Office.ticket_window`` says no ticket can be issued, in both languages.
CLOSED_REASONS = {
    "closed today": B("今日不開放", "We are closed today"),
    "closed on this date": B("今日不開放", "We are closed today"),
    "not open yet": B("尚未開始受理", "We are not open yet"),
    "last ticket time has passed": B("今日取號時間已過", "Today's last ticket time has passed"),
    "closed for a break": B("午休時間暫停取號", "Closed for a break"),
}
WEEKDAYS = {
    "mon": B("一", "Mon"),
    "tue": B("二", "Tue"),
    "wed": B("三", "Wed"),
    "thu": B("四", "Thu"),
    "fri": B("五", "Fri"),
    "sat": B("六", "Sat"),
    "sun": B("日", "Sun"),
}


def closed_reason(reason: str, closed_date: _DayName | None = None) -> Bilingual:
    """The bilingual form of an office's "why not now"; unknown reasons still say "not now".
    A closed date the office file names (a holiday) is named, so citizens know why."""
    said = CLOSED_REASONS.get(reason, B(NOT_NOW.zh, reason))
    if closed_date is None or closed_date.zh is None or closed_date.en is None:
        return said
    return B(f"{said.zh}（{closed_date.zh}）", f"{said.en} ({closed_date.en})")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_name(day: date) -> Bilingual:
    """「2026年11月30日（一）」and "Mon 30 Nov 2026": how a booking's day is shown, on the
    kiosk and the web alike (never the process's locale, which is not the citizen's)."""
    weekday = list(WEEKDAYS.values())[day.weekday()]
    return B(
        f"{day.year}年{day.month}月{day.day}日（{weekday.zh}）",
        f"{weekday.en} {day.day} {MONTHS[day.month - 1]} {day.year}",
    )


def grouped(code: str) -> str:
    """A check-in code as people read it aloud and type it: 「2063 3577」, digits in fours
    (a code being typed too: 「2063 35」)."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def waiting_line(waiting: int, service: _Estimated) -> Bilingual:
    """「等候 3 人・約 15–25 分鐘」: the line under a service on the kiosk. Nobody waiting and
    the call due now says just that; nobody waiting but busy counters still gives the wait."""
    wait = wait_of(service)
    if waiting == 0:
        if due_now(service):
            return B("目前無人等候", "Nobody waiting")
        return B(f"目前無人等候・{wait.zh}", f"Nobody waiting · {wait.en}")
    return B(f"等候 {waiting} 人・{wait.zh}", f"{waiting} waiting · {wait.en}")


# -- the board ------------------------------------------------------------------------------
NUMBER = B("號碼", "Number")
COUNTER = B("櫃檯", "Counter")
STAFF = B("承辦人", "Staff")
RECENT_CALLS = B("最近叫號", "Recent calls")
PEOPLE_WAITING = B("等候人數", "People waiting")
COUNTER_CLOSED = B("未開放", "Closed")  # nobody signed in: as the console says
ON_BREAK = B("休息中", "On break")
DEPUTY = B("代理人", "Deputy")
# Beside a number called for a booked citizen (a checked-in appointment): short, for the
# room a board's number leaves beside it.
APPOINTMENT_CALL = B("預約", "Booked")
# The browser board: a browser plays sound only after a tap, unless its settings allow it.
TAP_FOR_SOUND = B("請輕觸畫面以開啟叫號提示音", "Tap the screen to turn on the call chime")

# -- rating a visit (the counter's rating screen and the status page) -----------------------
# Scores 1 to 5, from the red face to the green one.
FACES = (
    B("非常不滿意", "Very dissatisfied"),
    B("不滿意", "Dissatisfied"),
    B("普通", "Neutral"),
    B("滿意", "Satisfied"),
    B("非常滿意", "Very satisfied"),
)
RATE_PROMPT = B("請為本次服務評分", "How was our service today?")
ALREADY_RATED = B("本次服務已經評分過了", "This visit has already been rated")
OFFLINE = B("連線中斷，正在重試…", "Connection lost: retrying…")

# The rating screen's own.
WELCOME = B("歡迎光臨", "Welcome")
AT_YOUR_SERVICE = B("我們竭誠為您服務", "We are glad to serve you")
TICKET = B("號碼", "Ticket")
REPLY = B(
    "需要回覆？請掃描號碼牌上的 QR code，於查詢頁面填寫意見",
    "Would you like a reply? Scan the QR code on your ticket: its page has a comment form",
)
THANK_YOU = B("謝謝您", "Thank you")
RECORDED = B("您的評分已送出", "Your rating has been recorded")
THANKS_AGAIN = B("謝謝您的回饋", "Thank you for your feedback")
NOT_SAVED = B("評分暫時無法送出", "Your rating could not be sent just now")
RATE_BY_QR = B(
    "您也可以掃描號碼牌上的 QR code 評分",
    "You can also rate by scanning the QR code on your ticket",
)

# -- the status page ------------------------------------------------------------------------
CONTACT_US = B("查詢進度請洽承辦單位", "To ask about your case, contact the office")
LIVE_NOTE = B("本頁每 {seconds} 秒自動更新", "This page updates itself every {seconds} s")
UPDATED = B("更新時間", "Updated")

COMMENT = B("意見（選填）", "Comment (optional)")
NO_PERSONAL_DATA = B(
    "請勿填寫身分證字號等個人資料", "Please do not include personal details such as ID numbers"
)
WANT_REPLY = B("希望得到回覆", "Please reply to my comment")
CONTACT = B("聯絡方式（選填，電子郵件或電話）", "How to reach you (optional: email or phone)")
CONTACT_NOTE = B(
    "僅用於回覆您的意見，結案 {days} 天後刪除。",
    "Used only to answer you, and deleted {days} days after your case is closed.",
)
SEND = B("送出評分", "Send rating")
YOUR_RATING = B("您的評分", "Your rating")
THANKS_FOR_RATING = B("感謝您的評分", "Thank you for your rating")
OPINIONS = B("您的意見與處理情形", "Your comment and its progress")
OPINION_RECORDED = B("您的意見已登記，案件編號", "Your comment is recorded under reference")
OPINION_FOLLOW_UP = B(
    "請保留此編號，查詢處理情形時請告知。",
    "Please keep this reference and quote it when you ask about your case.",
)
# An opinion's progress (feedback.opinions.OpinionStatus, a string enum), as its citizen reads it.
OPINION_STATUS = {
    "open": B("已收件，等待分派承辦人", "Received: waiting for a member of staff"),
    "assigned": B("承辦人處理中", "A member of staff is handling it"),
    "answered": B("已回覆", "Answered"),
    "closed": B("已結案", "Closed"),
}
ANSWER = B("本單位回覆", "Our answer")
ANSWERED_ON = B("回覆日期", "Answered on")
REPLY_NEEDS_COMMENT = B(
    "您勾選了希望回覆，請填寫意見；或取消勾選後再送出。",
    "You asked for a reply: please write your comment, or untick the box.",
)

# Why a rating form came back.
CHOOSE_FACE = B("請點選一個表情來評分", "Please choose one of the faces")
CONTACT_TOO_LONG = B("聯絡方式最多 {limit} 字", "Contact details can be at most {limit} characters")
NOT_SENT = B("無法送出，請修改後再試", "Not sent: {detail}")
NOT_FINISHED = B("辦理完成後才能評分", "A visit can be rated once it is finished")
CANNOT_RATE = B("此號碼牌目前無法評分", "Not rated: {detail}")

# Plain pages for everything that is not a ticket.
TICKET_NOT_FOUND = B("查無此號碼牌", "Ticket not found")
TICKET_NOT_FOUND_HINT = B(
    "連結可能有誤，或已超過辦理日後 {days} 天的查詢期限。",
    "The link may be wrong, or more than {days} days have passed since the visit.",
)
PAGE_NOT_FOUND = B("查無此頁面", "Page not found")
NOT_ALLOWED = B("此網址不接受這種請求", "This address does not accept that request")
BAD_REQUEST = B("無法處理此請求", "This request could not be understood")
TOO_LARGE = B("送出的資料太大", "What was sent is too large")
LENGTH_REQUIRED = B("請求缺少資料長度", "The request must say how long its body is")
UNSUPPORTED = B("不支援此資料格式", "This kind of form data is not accepted")
NOT_TEXT = B(
    "「{zh}」欄位的文字編碼無效（須為 UTF-8），未記錄任何資料，請重新輸入後再送出",
    "{en}: the text is not valid UTF-8. Nothing was recorded; please type it again and send",
)
# The rating form's fields as NOT_TEXT names them.
FORM_FIELDS = {
    "score": B("評分", "The rating"),
    "comment": B("意見", "The comment"),
    "reply": B("需要回覆", "The reply box"),
    "contact": B("聯絡方式", "The contact details"),
}
FORM = B("表單", "The form")
TIMEOUT = B("請求逾時", "The request took too long to arrive")
TOO_MANY = B("請求太頻繁，請稍候再試", "Too many requests: please wait a moment and try again")
BUSY = B("目前連線人數過多，請稍候再試", "Too many connections: please try again shortly")
UNAVAILABLE = B(
    "系統暫時無法提供服務，請稍候再試", "Temporarily unavailable: please try again shortly"
)
FAILED = B("系統發生錯誤，請稍候再試", "Something went wrong: please try again shortly")

# Where a ticket stands, as its page headline says it.
SERVING = B("辦理中", "You are being served")
ALL_DONE = B("辦理完成，謝謝您", "All done. Thank you")
PLEASE_RATE = B("歡迎為本次服務評分", "Please rate our service below")
NO_SHOW = B("您的號碼已過號", "Your number was called, but you were not there")
NO_SHOW_HINT = B(
    "請洽櫃檯人員，可為您重新排入等候",
    "Please ask at a counter: staff can put you back in the queue",
)
CANCELLED = B("此號碼牌已取消", "This ticket has been cancelled")
CANCELLED_HINT = B("如需辦理，請重新抽號", "To be served, please take a new number")
CLOSED = B("當日服務已結束，此號碼牌未及辦理", "The day ended before this ticket was served")
CLOSED_HINT = B("請於下一個上班日重新抽號", "Please take a new number on the next working day")
DAY_OVER = B("此號碼牌的服務日已結束", "This ticket's day is over")


FIRST_IN_LINE = B("您是本項業務的下一位", "First in line for this service")
WATCH = B("請留意叫號", "Please watch for your number")
NO_ESTIMATE_WATCH = B(
    "目前無法預估等候時間，請留意叫號",
    "No estimate of the wait for now: please watch for your number",
)


def people_ahead(count: int, ticket: _Estimated) -> Bilingual:
    """The waiting headline: how many are before you in your service, or that you are next.
    Nobody ahead in the service but the call not due (shared counters call other services
    first) makes the ticket first in its line, not next."""
    if count <= 0:
        return B("下一位就是您", "You are next") if due_now(ticket) else FIRST_IN_LINE
    return B(f"前面還有 {count} 人", f"{count} {'person' if count == 1 else 'people'} ahead of you")


def estimated_wait(ticket: _Estimated) -> Bilingual:
    """The line under the waiting headline: the projected wait, or to watch when it is due."""
    if due_now(ticket):
        return WATCH
    if ticket.estimated_wait_high is None:
        return NO_ESTIMATE_WATCH
    wait = wait_of(ticket)
    return B(f"{ESTIMATED_WAIT.zh} {wait.zh}", f"{ESTIMATED_WAIT.en}: {wait.en}")


def go_to_counter(counter: int) -> Bilingual:
    return B(f"請至 {counter} 號櫃檯", f"Please go to counter {counter}")


def called(counter_name: Bilingual | None) -> Bilingual:
    if counter_name is None:
        return B("您的號碼已叫號", "Your number has been called")
    return B(
        f"您的號碼已叫號・{counter_name.zh}", f"Your number has been called · {counter_name.en}"
    )


def day_over_hint(day: str) -> Bilingual:
    return B(
        f"號碼牌日期：{day}。請重新抽號。", f"The ticket was for {day}. Please take a new number."
    )


def rated(score: int) -> Bilingual:
    face = FACES[score - 1]
    return B(f"{YOUR_RATING.zh}：{face.zh}", f"{YOUR_RATING.en}: {face.en}")
