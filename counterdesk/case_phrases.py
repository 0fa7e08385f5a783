"""What a citizen is told about a case after the counter, in Traditional Chinese and English.

One place for a stage's name, so the status page, the public lookup, the SMS reply and the
notices all name a stage alike. The domain's refusals are English sentences for staff and
logs; a citizen reads these instead. Imports nothing of counterdesk but the phrases.
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
