"""What a case's contact is sent when the case moves: written to the outbox in the move's own
transaction (``queue/outbox.py``), so a move refused or rolled back sends nothing.

Only to a citizen who left a contact, only at the stages they chose (``cases.notify_stages``).
A notice says the office, the case number, the service, the stage and where to ask or pick up
(the handling unit and the helpline): nothing about the company or the applicant. Each move
is its own notification (keyed by its event), so a case sent back for a second correction is
told again, and the same move is never told twice.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counterdesk import case_phrases as words
from counterdesk.phrases import Bilingual, day_name
from counterdesk.queue import outbox
from counterdesk.queue.models import CaseRow, CaseStage
from counterdesk.queue.office import Office


def moved(session: Session, office: Office, row: CaseRow, event_id: int, now: dt.datetime) -> None:
    assert row.contact is not None
    said = {CaseStage.CORRECTION: words.NOTICE_CORRECTION, CaseStage.READY: words.NOTICE_READY}
    template = said.get(CaseStage(row.stage), words.NOTICE)
    fields = {language: notice_fields(office, row, language) for language in ("zh", "en")}
    subject = words.NOTICE_SUBJECT
    outbox.enqueue(
        session,
        key=f"case:{row.id}:{row.stage}:{event_id}",
        recipient=row.contact,
        body=f"{template.zh.format(**fields['zh'])}\n{template.en.format(**fields['en'])}",
        subject=f"{subject.zh.format(**fields['zh'])} / {subject.en.format(**fields['en'])}",
        now=now,
    )


def notice_fields(office: Office, row: CaseRow, language: str) -> dict[str, str]:
    """The words a case's notice or SMS reply is filled with, in ``language``."""
    service = office.find_service(row.service_code)
    unit = service.cases.unit if service and service.cases and service.cases.unit else None
    due = day_name(row.correction_due) if row.correction_due else Bilingual("", "")
    return {
        "office": getattr(office.office.name, language),
        "number": row.number,
        "service": getattr(service.name, language) if service else row.service_code,
        "stage": getattr(words.STAGES[row.stage], language),
        "unit": getattr(unit or office.office.name, language),
        "helpline": office.office.helpline or "",
        "due": getattr(due, language),
    }
