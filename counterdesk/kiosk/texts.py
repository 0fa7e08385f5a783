"""The kiosk's own words, in Traditional Chinese and English, always shown together.

Service names, steps, fees and documents come from the office file; these are the few phrases
the kiosk itself says around them. They are not Qt Linguist translations: a citizen never has
to find a language switch.
"""

from __future__ import annotations

from counterdesk.devices.ticket_content import (
    ESTIMATED_WAIT,
    PEOPLE_AHEAD,
    PRIORITY,
    REMEMBER,
    SCAN,
    YOUR_NUMBER,
)
from counterdesk.devices.ticket_content import Bilingual as B

__all__ = ["ESTIMATED_WAIT", "PEOPLE_AHEAD", "PRIORITY", "REMEMBER", "SCAN", "YOUR_NUMBER"]

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
PROCEDURE = B("辦理流程", "Procedure")
PROCESSING_TIME = B("處理時間", "Processing time")
FEE = B("規費", "Fee")
DOCUMENTS = B("應備文件：請勾選已備妥的文件", "Documents: tick what you have")
NO_DOCUMENTS = B("本項業務無須準備文件", "No documents are needed for this service")
INDICATIVE = B("僅供參考，以承辦人員說明為準", "For guidance only: staff will confirm")
TAKE_NUMBER = B("抽取號碼牌", "Take a number")
ISSUING = B("取號中…", "Issuing your number…")
DONE = B("完成", "Done")
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
OPENING_HOURS = B("服務時間", "Opening hours")
LAST_TICKET = B("最後取號", "Last ticket")

# Why ``Office.ticket_window`` says no ticket can be issued, in both languages.
CLOSED_REASONS = {
    "closed today": B("今日不開放", "We are closed today"),
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


def closed_reason(reason: str) -> B:
    """The bilingual form of an office's "why not now"; unknown reasons still say "not now"."""
    return CLOSED_REASONS.get(reason, B(NOT_NOW.zh, reason))


def waiting_line(waiting: int, minutes: float) -> B:
    """「等候 3 人・約 15 分鐘」: the line under a service on the home page."""
    if waiting == 0:
        return B("目前無人等候", "Nobody waiting")
    whole = max(1, round(minutes))
    return B(f"等候 {waiting} 人・約 {whole} 分鐘", f"{waiting} waiting · about {whole} min")
