"""The status page's own words, in Traditional Chinese and English, always shown together.

Phrases the kiosk and the printed ticket already use are imported, not retyped, so a citizen
reads the same words on the ticket, the kiosk and the phone. None of this imports Qt.
"""

from __future__ import annotations

from counterdesk.devices.ticket_content import (
    ESTIMATED_WAIT,
    HELPLINE,
    PRIORITY,
    YOUR_NUMBER,
    Bilingual,
    wait_phrase,
)
from counterdesk.feedback.opinions import OpinionStatus
from counterdesk.kiosk.texts import FEE, INDICATIVE, NO_DOCUMENTS, PROCEDURE, PROCESSING_TIME
from counterdesk.rating_screen.texts import ASK as RATE_PROMPT
from counterdesk.rating_screen.texts import FACES  # the five faces, worst to best (score 1-5)

B = Bilingual

__all__ = [
    "FACES",
    "FEE",
    "HELPLINE",
    "INDICATIVE",
    "NO_DOCUMENTS",
    "PRIORITY",
    "PROCEDURE",
    "PROCESSING_TIME",
    "RATE_PROMPT",
    "YOUR_NUMBER",
]

DOCUMENTS = B("應備文件", "Documents to bring")
CONTACT_US = B("查詢進度請洽承辦單位", "To ask about your case, contact the office")
LIVE_NOTE = B("本頁每 {seconds} 秒自動更新", "This page updates itself every {seconds} s")
UPDATED = B("更新時間", "Updated")
OFFLINE = B("連線中斷，正在重試…", "Connection lost: retrying…")

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
THANKS = B("感謝您的評分", "Thank you for your rating")
OPINIONS = B("您的意見與處理情形", "Your comment and its progress")
OPINION_RECORDED = B("您的意見已登記，案件編號", "Your comment is recorded under reference")
OPINION_FOLLOW_UP = B(
    "請保留此編號，查詢處理情形時請告知。",
    "Please keep this reference and quote it when you ask about your case.",
)
# An opinion's progress (queue.opinions.OpinionStatus), as its citizen reads it.
OPINION_STATUS = {
    OpinionStatus.OPEN: B("已收件，等待分派承辦人", "Received: waiting for a member of staff"),
    OpinionStatus.ASSIGNED: B("承辦人處理中", "A member of staff is handling it"),
    OpinionStatus.ANSWERED: B("已回覆", "Answered"),
    OpinionStatus.CLOSED: B("已結案", "Closed"),
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
ALREADY_RATED = B(
    "此號碼牌已經評分過了，每張號碼牌只能評分一次。",
    "This ticket has already been rated: each ticket can be rated once.",
)
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
TIMEOUT = B("請求逾時", "The request took too long to arrive")
TOO_MANY = B("請求太頻繁，請稍候再試", "Too many requests: please wait a moment and try again")
BUSY = B("目前連線人數過多，請稍候再試", "Too many connections: please try again shortly")
UNAVAILABLE = B(
    "系統暫時無法提供服務，請稍候再試", "Temporarily unavailable: please try again shortly"
)
FAILED = B("系統發生錯誤，請稍候再試", "Something went wrong: please try again shortly")


def fill(template: Bilingual, **values: object) -> Bilingual:
    """A phrase with its ``{name}`` fields filled in, in both languages."""
    return B(template.zh.format(**values), template.en.format(**values))


def people_ahead(count: int) -> Bilingual:
    """The waiting headline: how many are before you, or that you are next."""
    if count <= 0:
        return B("下一位就是您", "You are next")
    return B(f"前面還有 {count} 人", f"{count} {'person' if count == 1 else 'people'} ahead of you")


def estimated_wait(count: int, minutes: float) -> Bilingual:
    """The line under the waiting headline, with the ticket's own rounding of minutes."""
    if count <= 0:
        return B("請留意叫號", "Please watch for your number")
    wait = wait_phrase(count, minutes)
    return B(f"{ESTIMATED_WAIT.zh} {wait.zh}", f"{ESTIMATED_WAIT.en}: {wait.en}")


def go_to_counter(counter: int) -> Bilingual:
    return B(f"請至 {counter} 號櫃檯", f"Please go to counter {counter}")


def called(counter_name: Bilingual | None) -> Bilingual:
    if counter_name is None:
        return B("您的號碼已叫號", "Your number has been called")
    return B(
        f"您的號碼已叫號・{counter_name.zh}", f"Your number has been called · {counter_name.en}"
    )


SERVING = B("辦理中", "You are being served")
DONE = B("辦理完成，謝謝您", "All done. Thank you")
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


def day_over_hint(day: str) -> Bilingual:
    return B(
        f"號碼牌日期：{day}。請重新抽號。", f"The ticket was for {day}. Please take a new number."
    )


def rated(score: int) -> Bilingual:
    face = FACES[score - 1]
    return B(f"{YOUR_RATING.zh}：{face.zh}", f"{YOUR_RATING.en}: {face.en}")
