"""What the booking pages say to a citizen, in Traditional Chinese and English side by side.

Kept beside ``phrases.py`` (whose words around a ticket they share the style of) so that a
booking's words are found together. The domain's refusals are English sentences for staff and
logs; a citizen reads these instead. Imports nothing of counterdesk but the phrases.
"""

from __future__ import annotations

from counterdesk import phrases
from counterdesk.phrases import Bilingual

# The booking pages name days and codes as the kiosk does: the one way, re-exported.
from counterdesk.phrases import day_name as day_name
from counterdesk.phrases import grouped as grouped

B = Bilingual

# -- the way to a booking -------------------------------------------------------------------
BOOK_TITLE = B("線上預約", "Book an appointment")
CHOOSE_SERVICE = B("請選擇要預約的業務", "Choose the service to book")
CHOOSE_DAY = B("請選擇日期", "Choose a day")
CHOOSE_TIME = B("請選擇時段", "Choose a time")
NO_SERVICES = B("目前沒有開放線上預約的業務", "No service can be booked online at present")
NO_DAYS = B("目前沒有可預約的日期", "No day can be booked at present")
NO_TIMES = B("這一天已沒有可預約的時段", "No time is left on this day")
FULL = B("額滿", "Full")
OTHER_DAY = B("選擇其他日期", "Choose another day")
OTHER_SERVICE = B("選擇其他業務", "Choose another service")
CONFIRM = B("確認預約內容", "Check and confirm")
WHEN = B("預約時間", "Appointment")
CONTACT = B("手機或電子郵件（選填）", "Mobile phone or e-mail (optional)")
CONTACT_USE = B(
    "僅用於提醒您這個預約，不作其他用途；預約日 {days} 天後刪除。",
    "Only for a reminder of this appointment, nothing else; deleted {days} days after it.",
)
BOOK_BUTTON = B("確認預約", "Book this time")

# -- a booking's own page -------------------------------------------------------------------
YOUR_BOOKING = B("您的預約", "Your appointment")
BOOKING_CODE = B("預約代碼", "Booking code")
SCAN_AT_KIOSK = B(
    "到場後請在取號機掃描此 QR code 或輸入預約代碼",
    "At the office, scan this QR code at the kiosk or type the code",
)
QR_LABEL = B("預約代碼 {code} 的 QR code", "QR code of booking code {code}")
CHECK_IN = B("如何報到", "How to check in")
CHECK_IN_WINDOW = B(
    "請於 {opens} 至 {closes}（預約時間前 {before} 分鐘至後 {after} 分鐘）到取號機報到，"
    "領取號碼牌後等候叫號。",
    "Check in at the kiosk from {opens} to {closes} ({before} min before to {after} min after "
    "your time), then wait for your number to be called.",
)
LATE = {
    "walk_in": B(
        "逾時報到將改為一般現場號碼，依序等候。", "Later than that, you get an ordinary number."
    ),
    "refuse": B(
        "逾時將無法報到，請重新預約或現場抽號。",
        "Later than that, the booking cannot be used: book again or take a number.",
    ),
}
CHANGE_UNTIL = B("{when} 前可線上改期或取消", "You can move or cancel it online until {when}")
CHANGE_CLOSED = B(
    "已超過線上改期或取消的期限，如需異動請來電",
    "It can no longer be moved or cancelled online: please call the office",
)
REMINDER = B("將傳送提醒至您留下的聯絡方式", "A reminder goes to the contact you left")
ADD_TO_CALENDAR = B("加入行事曆", "Add to calendar")
CALENDAR_SUMMARY = B("預約：{name}", "Appointment: {name}")  # the calendar event's title
MOVE = B("改期", "Move to another time")
CANCEL = B("取消預約", "Cancel the appointment")
# A booking's status (queue.models.BookingStatus), as its page's headline says it.
STATUS = {
    "booked": B("預約成功", "Booked"),
    "checked_in": B("已報到，請等候叫號", "Checked in: please wait for your number"),
    "late": B("已報到（逾時，改為現場號碼）", "Checked in late, with an ordinary number"),
    "cancelled": B("此預約已取消", "This appointment has been cancelled"),
    "no_show": B("未於報到時間內報到", "Not checked in in time"),
}

# -- moving and cancelling ------------------------------------------------------------------
MOVE_TITLE = B("改到其他時段", "Move to another time")
MOVE_TO = B("改到這個時段", "Move to this time")
NOW_BOOKED = B("目前預約", "Booked now")
CANCEL_QUESTION = B("確定要取消這個預約嗎？", "Cancel this appointment?")
CANCEL_NOTE = B(
    "取消後名額將釋出給其他民眾，無法復原。",
    "Its place goes to someone else: this cannot be undone.",
)
CANCEL_BUTTON = B("是，取消預約", "Yes, cancel it")
KEEP = B("保留預約", "No, keep it")

# -- refusals -------------------------------------------------------------------------------
NOT_BOOKABLE = B("此業務無法線上預約", "This service cannot be booked online")
BAD_DATE = B("日期不正確", "This is not a valid date")
BAD_DATE_HINT = B("請使用「年-月-日」，例如 2026-11-30", "Use year-month-day, e.g. 2026-11-30")
DAY_NOT_BOOKABLE = B("這一天無法預約", "This day cannot be booked")
DAY_NOT_BOOKABLE_HINT = B(
    "可預約今天起 {days} 天內的上班日", "Open days from today up to {days} days ahead"
)
BAD_TIME = B("時間不正確", "This is not a valid time")
NO_SUCH_TIME = B("這個時段無法預約", "There is no appointment at this time")
SLOT_TAKEN = B("這個時段已額滿", "This time is fully booked")
SLOT_TAKEN_HINT = B("可能剛被其他民眾預約，請選擇其他時段", "Someone may just have taken it")
BAD_CONTACT = B(
    "聯絡方式不正確：請填寫台灣手機號碼（09 開頭）或電子郵件，或留空",
    "The contact is not a Taiwan mobile number (09…) or an e-mail address: correct it or "
    "leave it empty",
)
CONTACT_CAP = B(
    "這個聯絡方式在當天已有 {most} 個預約，無法再預約",
    "This contact already holds {most} bookings on that day, the most allowed",
)
BOOKING_NOT_FOUND = B("查無此預約", "Booking not found")
BOOKING_NOT_FOUND_HINT = B(
    "連結可能不完整，或預約已刪除", "The link may be incomplete, or the booking deleted"
)
WITHDRAWN = B("此業務已停止預約", "This service no longer takes bookings")
WITHDRAWN_HINT = B(
    "您的預約仍有紀錄，請來電洽詢辦理方式",
    "Your booking is still on record: please call the office to arrange your visit",
)
CANNOT_CHANGE = B("此預約已無法異動", "This appointment can no longer be changed")
SAME_TIME = B("預約已是這個時段", "The appointment is already at this time")
# The booking, take-a-number and turn-notice forms share one budget per address.
TOO_MANY = B(
    "此網路的線上申請太頻繁，請稍後再試或來電洽詢",
    "Too many forms sent from this network: try again later, or call the office",
)
FOREIGN_FORM = B(
    "這個表單來自其他網站，未做任何處理", "This form came from another site: nothing was done"
)

# -- numbers taken from the web (``/take``) -------------------------------------------------
TAKE_TITLE = B("線上取號", "Take a number online")
TAKE_LEAD = B(
    "在網路上取號，號碼即開始排隊；到場後請在時限內到取號機報到，才會叫號。",
    "Your number joins the queue now; at the office, check it in at the kiosk in time to be "
    "called.",
)
NO_REMOTE_SERVICES = B("目前沒有開放線上取號的業務", "No service takes numbers online")
CLOSED_NOW = B("目前無法線上取號", "No numbers can be taken now")
TAKE_BUTTON = B("確認取號", "Take this number")
TAKE_CONFIRM = B("確認線上取號", "Take a number for this service")
TAKE_RULE = B(
    "號碼會保留您的順位，但須於取號後 {minutes} 分鐘內到現場取號機報到；逾時未報到，號碼即失效。",
    "The number keeps your place, but it must be checked in at the kiosk within {minutes} "
    "minutes or it lapses.",
)
TAKE_INSTEAD = B("或今日線上取號", "Or take a number online for today")
BOOK_INSTEAD = B("或預約其他時間", "Or book an appointment")
NOT_REMOTE = B("此業務無法線上取號", "Numbers of this service are taken at the kiosk only")
SHARE_TAKEN = B("今日此業務的線上號碼已發完", "Today's online numbers of this service are gone")
SHARE_TAKEN_HINT = B(
    "請到現場取號機抽號碼牌，或預約其他日期", "Take a number at the office's kiosk, or book a day"
)
CHECK_IN_BY = B("請於 {time} 前到現場取號機報到", "Check in at the kiosk by {time}")
CHECK_IN_CODE = B("報到代碼", "Check-in code")
CHECK_IN_HOW = B(
    f"在取號機掃描此 QR code，或點選「{phrases.CHECK_IN.zh}」輸入代碼",  # the kiosk's own button
    "Scan this QR code at the kiosk, or tap its check-in button and type the code",
)
CHECK_IN_QR = B("報到代碼 {code} 的 QR code", "QR code of check-in code {code}")
LAPSES = B(
    "逾時未報到，號碼即失效，須重新取號。",
    "If it is not checked in by then, the number lapses and you take a new one.",
)
LAPSED = B("此網路號碼已失效", "This web number has lapsed")
LAPSED_HINT = B(
    "未於時限內到取號機報到；如需辦理，請重新取號。",
    "It was not checked in at the kiosk in time: take a new number to be served.",
)
TAKE_AGAIN = B("重新取號", "Take a new number")


def free_places(free: int) -> Bilingual:
    """How many citizens may still book a time: "full" when none."""
    if free <= 0:
        return FULL
    return B(f"尚有 {free} 個名額", f"{free} {'place' if free == 1 else 'places'} free")


# -- what a booking's contact is sent (``queue/booking_notices.py``): number, time and place --
NOTICE_SUBJECT = B("{office}預約通知", "{office}: your appointment")
NOTICE_BOOKED = B(
    "{office}：已預約{service}，{when}，報到代碼 {code}。請於時間前到取號機報到。",
    "{office}: {service} booked for {when}, check-in code {code}. Check in at the kiosk.",
)
NOTICE_REMINDER = B(
    "{office}提醒：您預約的{service}在{when}，報到代碼 {code}。",
    "{office} reminder: your {service} appointment is at {when}, check-in code {code}.",
)
NOTICE_MOVED = B(
    "{office}：預約已改至{when}（{service}），報到代碼 {code}。",
    "{office}: your {service} appointment is moved to {when}, check-in code {code}.",
)
NOTICE_CANCELLED = B(
    "{office}：您在{when}的{service}預約已取消。",
    "{office}: your {service} appointment at {when} is cancelled.",
)
