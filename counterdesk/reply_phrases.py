"""The words of opting out and of the SMS replies, in Traditional Chinese and English: the
opt-out page an e-mail links to, the notes under what the office sends, and what a citizen's
text message is answered with. Short: an SMS in Chinese holds 70 characters, 67 a part when
split, and each part is paid for.
"""

from __future__ import annotations

from counterdesk.phrases import Bilingual as B

# -- under every message ----------------------------------------------------------------------
SMS_FOOTER = B("回覆STOP退訂", "Reply STOP to opt out")
EMAIL_FOOTER = B(
    "不想再收到本單位的通知，請按此退訂：{url}",
    "To get no more messages from us, opt out here: {url}",
)

# -- a STOP reply -----------------------------------------------------------------------------
# The office is named once, in Chinese: its English name would take a second part.
OPTED_OUT_SMS = B("{office}：已退訂，不再傳送訊息給您。", "Opted out: no more messages from us.")

# -- a text asking about a case, or anything else ---------------------------------------------
HELP_SMS = B(
    "{office}：查案件請傳「案件編號 統編」或「案件編號 手機末4碼」，退訂請傳STOP。",
    "Case stage: send case no. + company ID or phone's last 4 digits. STOP: opt out.",
)
CASE_STAGE_SMS = B("{office}：案件{number}目前為「{stage}」。", "Case {number}: {stage}.")
CASE_NOT_FOUND_SMS = B(
    "{office}：查無此案件或資料不符。請傳「案件編號 統編」或「案件編號 手機末4碼」。",
    "No match. Send case no. + company ID or phone's last 4 digits.",
)

# -- the opt-out page of an e-mail's link -----------------------------------------------------
OPT_OUT_TITLE = B("退訂通知", "Opt out of messages")
OPT_OUT_QUESTION = B(
    "{contact} 將不再收到本單位的任何通知（預約、叫號、案件進度）。",
    "{contact} will get no more messages from us (appointments, calls, case progress).",
)
OPT_OUT_BUTTON = B("確認退訂", "Opt out")
OPTED_OUT_TITLE = B("已退訂", "Opted out")
OPTED_OUT_PAGE = B(
    "{contact} 不會再收到本單位的通知。若需要通知，請洽櫃檯。",
    "{contact} will get no more messages from us. Ask at the counter to get them again.",
)
LINK_NOT_VALID = B("退訂連結無效", "This opt-out link is not valid")
LINK_NOT_VALID_HINT = B(
    "請使用電子郵件中的完整連結，或洽櫃檯。",
    "Use the whole link in the e-mail, or ask at the counter.",
)

# -- what the inbound SMS endpoint tells a gateway that posts something wrong -----------------
GATEWAY_REFUSED = B("簡訊閘道驗證失敗", "The SMS gateway's secret is missing or wrong")
GATEWAY_FIELD_MISSING = B("缺少欄位 {field}", "The field {field} is missing or given twice")
GATEWAY_NOT_MOBILE = B(
    "欄位 {field} 不是台灣手機號碼", "The field {field} is not a Taiwan mobile number"
)
GATEWAY_NOT_TEXT = B(
    "內容不是 {charset} 文字", "The body is not {charset} text (set [notify.inbound] charset)"
)
GATEWAY_NOT_FORM = B(
    "內容須為表單或 JSON 物件",
    "The body must be a form (application/x-www-form-urlencoded) or a JSON object",
)
