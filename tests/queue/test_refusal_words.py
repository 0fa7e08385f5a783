"""The queue's refusals in both languages: one table, the English unchanged, the zh_TW filled
with the same values; an office version's changes worded in zh_TW by key."""

from __future__ import annotations

import string
import typing

import pytest
from pydantic import BaseModel

from counterdesk.queue import TicketEngine
from counterdesk.queue.cases import CaseMove, CaseRefused, Cases
from counterdesk.queue.change_words import KEYS
from counterdesk.queue.change_words import chinese as change_in_chinese
from counterdesk.queue.errors import InvalidInput, QueueError
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.office_versions import changes, diff
from counterdesk.queue.refusal_words import WORDS, chinese


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(WORDS))
def test_every_refusal_has_both_languages_with_the_same_fields(code: str) -> None:
    zh, en = WORDS[code]
    assert zh.strip() and en.strip()
    assert any("\u4e00" <= c <= "\u9fff" for c in zh), zh  # Chinese, not English copied
    assert fields(zh) == fields(en)


def test_finishing_with_nothing_called_is_refused_in_both_languages(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError) as refused:
        engine.finish(1)
    assert str(refused.value) == "counter 1 has no ticket to finish: call one first"
    assert refused.value.code == "nothing_at_counter"
    assert chinese(refused.value) == "1 號櫃檯沒有號碼可完成：請先叫號"


def test_calling_a_ticket_at_another_counter_names_its_state(engine: TicketEngine) -> None:
    number = engine.issue("incorporation").number
    engine.sign_in(2, "wang")
    engine.sign_in(1, "chen")
    engine.call_ticket(2, number)
    with pytest.raises(QueueError) as refused:
        engine.call_ticket(1, number)
    assert (
        str(refused.value) == f"{number} is called to counter 2, not waiting: it cannot be called"
    )
    assert chinese(refused.value) == f"{number} 已叫號至 2 號櫃檯，不在等候中：無法叫號"


def test_a_case_registered_twice_or_moved_wrongly_is_refused_in_chinese(
    engine: TicketEngine,
) -> None:
    cases = Cases(engine)
    cases.register("A115-1", service="incorporation", by="wang")
    with pytest.raises(CaseRefused) as twice:
        cases.register("a115-1", service="incorporation", by="wang")
    assert str(twice.value) == "case A115-1 is already registered"
    assert chinese(twice.value) == "案件 A115-1 已登記過"
    with pytest.raises(CaseRefused) as wrong:
        cases.move("A115-1", "ready", by="wang")
    assert str(wrong.value) == (
        "case A115-1 is received: it cannot be moved to ready "
        "(next: under_review, correction, approved, rejected, closed)"
    )
    assert chinese(wrong.value) == (
        "案件 A115-1 為「已收件」：不能改為「可領件」"
        "（可改為：審查中、待補正、已核准、已駁回、已結案）"
    )
    with pytest.raises(InvalidInput) as no_note:
        cases.move("A115-1", "correction", by="wang")
    assert chinese(no_note.value) == "補正須附說明，寫明缺少什麼"


def test_a_service_is_named_in_chinese_where_the_refusal_has_it(engine: TicketEngine) -> None:
    with pytest.raises(CaseRefused) as refused:
        Cases(engine).register("A115-2", service="certificate", by="wang")
    assert str(refused.value).startswith(
        "Certificate of registration (Chinese) (certificate) registers no cases; cases are "
        "registered for: precheck, incorporation"
    )
    assert chinese(refused.value).startswith(
        "「公司登記證明書」（certificate）不登記案件；登記案件的服務：precheck, incorporation"
    )


def test_an_error_without_a_code_keeps_its_english() -> None:
    assert chinese(QueueError("something odd")) == "something odd"


def test_a_changed_checklist_is_worded_in_chinese_by_key(sample_office: Office) -> None:
    data = sample_office.model_dump(mode="json")
    service = next(s for s in data["services"] if s["code"] == "incorporation")
    service["documents"].append({"zh": "委託書", "en": "Letter of authorisation"})
    service["documents"][0]["zh"] = "申請書（新版）"
    service["daily_cap"] = 42
    new = validate_office(data)
    place = len(service["documents"])
    lines = [change_in_chinese(change) for change in diff(sample_office, new)]
    old = sample_office.service("incorporation")
    first = old.documents[0].zh
    assert lines == [
        f"服務「公司設立登記」› 應備文件 第 1 項 › 中文　已變更：{first!r} → '申請書（新版）'",
        f"服務「公司設立登記」› 應備文件 第 {place} 項　已新增：委託書 / Letter of authorisation",
        f"服務「公司設立登記」› 每日號碼上限　已變更：{old.daily_cap} → 42",
    ]
    assert changes(sample_office, new)[1] == (
        f"services[incorporation].documents[{place - 1}] added: 委託書 / Letter of authorisation"
    )


def test_a_bulk_change_names_the_refused_line_in_chinese(engine: TicketEngine) -> None:
    cases = Cases(engine)
    cases.register("A115-3", service="incorporation", by="wang")
    moves = [CaseMove("A115-3", "under_review", line=2), CaseMove("A115-3", "received", line=3)]
    with pytest.raises(CaseRefused) as refused:
        cases.move_many(moves, by="wang")
    assert str(refused.value).startswith("line 3: case A115-3 is under review: it cannot be")
    said = chinese(refused.value)
    assert said.startswith("第 3 行：案件 A115-3 為「審查中」：不能改為「已收件」")


def keys_of(model: type[BaseModel], seen: set[type]) -> set[str]:
    """Every key of ``model`` and of the models within it."""
    found = set(model.model_fields)
    for field in model.model_fields.values():
        kinds: list[object] = [field.annotation]
        while kinds:
            kind = kinds.pop()
            kinds.extend(typing.get_args(kind))
            if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                seen.add(kind)
                found |= keys_of(kind, seen)
    return found


def test_every_key_of_the_office_file_has_its_chinese_name() -> None:
    assert keys_of(Office, set()) - set(KEYS) == set()
