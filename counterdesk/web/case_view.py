"""A case as the citizen follows it: on the ticket's status page and on the public lookup's
answer, in the same words (``case_phrases``).

Only what the citizen may see: the number, the service, the stage and the stages passed, the
expected date, what is missing and by when while in correction, and where to ask or pick it up.
Never the contact, the business number or who moved it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from counterdesk import case_phrases, phrases
from counterdesk.phrases import Bilingual
from counterdesk.queue.cases import Case, Cases
from counterdesk.queue.models import CaseStage
from counterdesk.queue.office import Office

S = CaseStage
# How far along a stage is, for the steps still ahead: a correction is part of the review.
_RANK = {
    S.RECEIVED: 0,
    S.UNDER_REVIEW: 1,
    S.CORRECTION: 1,
    S.APPROVED: 2,
    S.REJECTED: 2,
    S.READY: 3,
    S.MAILED: 3,
    S.ELECTRONIC: 3,
    S.CLOSED: 4,
}
_AHEAD = {
    1: case_phrases.STAGES[S.UNDER_REVIEW],
    2: case_phrases.DECISION,
    3: case_phrases.HANDOVER,
    4: case_phrases.STAGES[S.CLOSED],
}


@dataclasses.dataclass(frozen=True)
class Step:
    """One stage of the progress line: ``state`` is "done", "now" or "ahead"."""

    words: Bilingual
    state: str


@dataclasses.dataclass(frozen=True)
class CaseProgress:
    number: str
    service: Bilingual
    stage: str
    steps: tuple[Step, ...]
    expected: Bilingual | None  # until decided
    correction_note: str | None  # while in correction
    correct_by: Bilingual | None
    where: Bilingual  # the handling unit, or the office
    helpline: str | None
    closed_on: dt.date | None  # office-local

    @property
    def words(self) -> Bilingual:
        return case_phrases.STAGES[self.stage]

    @property
    def ready(self) -> bool:
        return self.stage == S.READY

    @property
    def done(self) -> Bilingual | None:
        return None if self.closed_on is None else _on(case_phrases.DONE_ON, self.closed_on)

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "stage": self.stage, "words": self.words._asdict()}


def progress(cases: Cases, case: Case) -> CaseProgress:
    """What the citizen sees of ``case`` now (its stages passed read from its log)."""
    return _progress(cases.office, case, [event.stage for event in cases.events(case.number)])


def _progress(office: Office, case: Case, passed: list[str]) -> CaseProgress:
    return CaseProgress(
        number=case.number,
        service=_service_name(office, case.service),
        stage=case.stage,
        steps=steps(passed or [case.stage]),
        expected=None if case.decided_at or case.closed_at else _expected(case),
        correction_note=case.correction_note,
        correct_by=_on(case_phrases.CORRECT_BY, due) if (due := case.correction_due) else None,
        where=_where(office, case.service),
        helpline=office.office.helpline,
        closed_on=case.closed_at and case.closed_at.astimezone(office.zone).date(),
    )


def at_ticket(cases: Cases, ticket_id: int) -> tuple[CaseProgress, ...]:
    """The ticket's cases as its status page shows them, read in one go."""
    office = cases.office
    return tuple(
        _progress(office, case, passed) for case, passed in cases.for_ticket_with_stages(ticket_id)
    )


def steps(passed: list[str]) -> tuple[Step, ...]:
    """The stages passed, each once where it was last (a case back in review after a
    correction is in review now), then the usual ones still ahead of the last."""
    latest = list(reversed(dict.fromkeys(reversed(passed))))
    *before, now = (case_phrases.STAGES[stage] for stage in latest)
    ahead = [_AHEAD[rank] for rank in sorted(_AHEAD) if rank > _RANK[S(latest[-1])]]
    return (
        *(Step(words, "done") for words in before),
        Step(now, "now"),
        *(Step(words, "ahead") for words in ahead),
    )


def _expected(case: Case) -> Bilingual:
    return _on(case_phrases.EXPECTED, case.expected_on)


def _on(phrase: Bilingual, day: dt.date) -> Bilingual:
    return phrase.fill(day=phrases.day_name(day))


def _service_name(office: Office, code: str) -> Bilingual:
    service = office.find_service(code)
    return Bilingual.of(service.name) if service else Bilingual(code, code)


def _where(office: Office, code: str) -> Bilingual:
    """The unit that handles the service's cases, or the office if the file names none."""
    service = office.find_service(code)
    rules = service.cases if service else None
    return Bilingual.of(rules.unit if rules and rules.unit else office.office.name)
