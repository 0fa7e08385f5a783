"""What a citizen is told about a case after the counter, in Traditional Chinese and English.

One place for a stage's name, so the status page, the public lookup, the SMS reply and the
notices all name a stage alike. The domain's refusals are English sentences for staff and
logs; a citizen reads these instead (the case API's refusals, last, are for a back office's
developers and carry the domain's sentence). Imports nothing of counterdesk but the phrases.
"""

from __future__ import annotations

from counterdesk.phrases import Bilingual

B = Bilingual

STAGES = {
    "received": B("已收件", "Received"),
    "under_review": B("審查中", "Under review"),
    "correction": B("待補正", "Correction needed"),
    "approved": B("已核准", "Approved"),
    "rejected": B("已駁回", "Rejected"),
    "ready": B("可領件", "Ready for pick-up"),
    "mailed": B("已郵寄", "Sent by mail"),
    "electronic": B("已電子送達", "Delivered electronically"),
    "closed": B("已結案", "Closed"),
}

NOTICE_SUBJECT = B("{office}案件進度", "{office}: your case")
# A notice says the number, the stage and where: nothing about the company or the applicant.
NOTICE = B(
    "{office}：案件 {number}（{service}）{stage}。洽詢：{helpline}",
    "{office}: case {number} ({service}): {stage}. Enquiries: {helpline}",
)
NOTICE_CORRECTION = B(
    "{office}：案件 {number}（{service}）待補正，請於 {due} 前補正。洽詢：{helpline}",
    "{office}: case {number} ({service}) needs a correction by {due}. Enquiries: {helpline}",
)
NOTICE_READY = B(
    "{office}：案件 {number}（{service}）可領件，請至{unit}領取。洽詢：{helpline}",
    "{office}: case {number} ({service}) is ready for pick-up at {unit}. Enquiries: {helpline}",
)

# -- the case on a ticket's status page and the public lookup (``web/case_view.py``) -------
YOUR_CASE = B("您的案件", "Your application")
CASE_NUMBER = B("案件編號", "Case number")
PROGRESS = B("辦理進度", "Progress")
DECISION = B("核定", "Decision")  # a stage still ahead: approved or rejected
HANDOVER = B("領件或送達", "Pick-up or delivery")  # ahead: ready, mailed or electronic
EXPECTED = B("預計 {day} 完成", "Expected to be done by {day}")
MISSING = B("需補正的事項", "What is missing")
CORRECT_BY = B("請於 {day} 前補正", "Please hand it in by {day}")
PICK_UP_AT = B("請至以下地點領件", "Pick it up at")
ENQUIRIES = B("洽詢", "Enquiries")
DONE_ON = B("已於 {day} 結案", "Closed on {day}")

LOOKUP_TITLE = B("案件進度查詢", "Look up an application")
LOOKUP_LINK = B("查詢案件進度", "Look up an application")
LOOKUP_LEAD = B(
    "請輸入收件時取得的案件編號，以及公司統一編號或您留下的手機號碼末 4 碼。",
    "Type the case number you were given, and the company's unified business number or the "
    "last 4 digits of the mobile number you left.",
)
LOOKUP_NUMBER = B("案件編號", "Case number")
LOOKUP_FACTOR = B("統一編號或手機末 4 碼", "Business number or the mobile's last 4 digits")
LOOKUP_BUTTON = B("查詢", "Look it up")
# One answer for every miss: an unknown number, a wrong factor, a malformed one.
LOOKUP_REFUSED = B(
    "查無符合的案件，請確認案件編號及統一編號或手機末 4 碼",
    "No application matches: check the case number and the business number or last 4 digits",
)
LOOKUP_TOO_MANY = B(
    "查詢次數過多，請稍後再試，或來電洽詢",
    "Too many attempts: try again later, or call the office",
)
LOOKUP_EXPIRED = B(
    "此查詢結果已過期，請重新查詢", "This answer has expired: please look it up again"
)
LOOKUP_AGAIN = B("查詢其他案件", "Look up another application")

# -- the case API's refusals (``web/case_api.py``): a back office's developers read them ----
API_NO_KEY = B(
    "需要 API 金鑰（Authorization: Bearer 金鑰）",
    "An API key is needed: Authorization: Bearer <key>",
)
API_BAD_KEY = B("API 金鑰無效", "This is not a valid API key")
API_REVOKED = B("此 API 金鑰已停用", "This API key was revoked")
# The domain's reason (English, for staff) follows the Chinese.
API_NOT_FOUND = B("查無資料：{reason}", "{reason}")
API_INVALID = B("資料不正確：{reason}", "{reason}")
API_REFUSED = B("無法辦理：{reason}", "{reason}")
