"""What a citizen reads about "tell me when my turn is near": the status page's small form and
the notices it leads to, in Traditional Chinese and English side by side.

Kept beside ``booking_phrases.py`` (the other words about a contact a citizen leaves) so both
the page (``web/``) and the producer (``queue/ticket_notices.py``) take them from one place.
The counter a notice names is worded by ``phrases.go_to_counter``, as the status page says it.
"""

from __future__ import annotations

from counterdesk.phrases import Bilingual

B = Bilingual

# -- the form on a waiting ticket's status page ----------------------------------------------
WATCH_TITLE = B("叫號提醒", "Tell me when my turn is near")
WATCH_FIELD = B("手機號碼或電子郵件", "Mobile number or e-mail")
WATCH_USE = B(
    "留下聯絡方式即表示同意：前面剩 {ahead} 人及叫號時各通知一次，僅用於這張號碼牌，"
    "號碼結束即刪除。",
    "Leaving it is your consent: one notice when {ahead} people are ahead and one when you are "
    "called, about this ticket only; deleted when the ticket ends.",
)
WATCH_SEND = B("送出", "Send")
WATCH_LEFT = B("提醒將傳送至", "Notices go to")
WATCH_REMOVE = B("移除", "Remove")
WATCH_REMOVED = B("已移除聯絡方式", "The contact is removed")

# -- refusals, each naming what is wrong -----------------------------------------------------
WATCH_EMPTY = B("請填寫手機號碼或電子郵件", "Type a mobile number or an e-mail address")
WATCH_TOO_LONG = B(
    "聯絡方式太長：最多 {limit} 個字元", "The contact is too long: at most {limit} characters"
)
WATCH_CONTROL = B(
    "聯絡方式含有無法使用的控制字元", "The contact contains control characters that cannot be used"
)
WATCH_BAD_EMAIL = B(
    "這不是電子郵件地址，格式如 name@example.com.tw",
    "This is not an e-mail address like name@example.com.tw",
)
WATCH_BAD_PHONE = B(
    "這不是台灣手機號碼（09xx-xxx-xxx 或 +886 9xx-xxx-xxx）",
    "This is not a Taiwan mobile number (09xx-xxx-xxx or +886 9xx-xxx-xxx)",
)
WATCH_OPTED_OUT = B(
    "這個聯絡方式已選擇不再接收本所通知，因此不會傳送",
    "This contact has opted out of the office's messages: nothing will be sent to it",
)
WATCH_NOT_WAITING = B(
    "這張號碼牌已不在等候中，無法設定提醒",
    "This ticket is no longer waiting: no reminder can be set",
)

# -- the notices (``queue/ticket_notices.py``): the number, the place and the counter -------
NOTICE_SUBJECT = B("{office}叫號提醒", "{office}: your turn")
NOTICE_AHEAD = B(
    "{office}：您的號碼 {number} 前面還有 {ahead} 人，請留意叫號。",
    "{office}: {ahead} people are ahead of {number}. Please stay near.",
)
NOTICE_AHEAD_ONE = B(
    "{office}：您的號碼 {number} 前面還有 1 人，請留意叫號。",
    "{office}: 1 person is ahead of {number}. Please stay near.",
)
NOTICE_NEXT = B(
    "{office}：您的號碼 {number} 即將叫號，請留意。",
    "{office}: {number} is next. Please stay near.",
)
# ``{go}``: ``phrases.go_to_counter``, the status page's own words for the call.
NOTICE_CALLED = B("{office}：{number} 號{go}。", "{office}: {number}. {go}.")


def ahead_notice(ahead: int) -> Bilingual:
    """The "turn is near" notice for ``ahead`` people ahead, in words that fit the count."""
    if ahead <= 0:
        return NOTICE_NEXT
    return NOTICE_AHEAD_ONE if ahead == 1 else NOTICE_AHEAD
