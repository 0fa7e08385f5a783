"""The feedback screen's own words, in Traditional Chinese and English, always shown together.

Office and counter names come from the office file; these are the few phrases the screen says
around them. Like the kiosk's words they are not Qt Linguist translations: the citizen facing
the screen never has to find a language switch.
"""

from __future__ import annotations

from counterdesk.devices.ticket_content import Bilingual as B
from counterdesk.feedback.ratings import SCALE

WELCOME = B("歡迎光臨", "Welcome")
AT_YOUR_SERVICE = B("我們竭誠為您服務", "We are glad to serve you")
ASK = B("請為本次服務評分", "How was our service today?")
TICKET = B("號碼", "Ticket")
REPLY = B(
    "需要回覆？請掃描號碼牌上的 QR code，於查詢頁面填寫意見",
    "Would you like a reply? Scan the QR code on your ticket: its page has a comment form",
)
# Scores 1 to 5, from the red face to the green one.
FACES = tuple(B(zh, en) for zh, en in SCALE)
THANKS = B("謝謝您", "Thank you")
RECORDED = B("您的評分已送出", "Your rating has been recorded")
ALREADY_RATED = B("本次服務已經評分過了", "This visit has already been rated")
THANKS_AGAIN = B("謝謝您的回饋", "Thank you for your feedback")
NOT_SAVED = B("評分暫時無法送出", "Your rating could not be sent just now")
RATE_BY_QR = B(
    "您也可以掃描號碼牌上的 QR code 評分",
    "You can also rate by scanning the QR code on your ticket",
)
OFFLINE = B("資料庫暫時無法使用，重試中", "Database unavailable, retrying")


def counter_name(number: int) -> B:
    """A counter as the board names it."""
    return B(f"{number} 號櫃檯", f"Counter {number}")
