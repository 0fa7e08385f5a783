"""The office file's problems worded for a Chinese-first supervisor: each mapped pydantic
error type and each of the office's own validators gives a zh_TW sentence with its numbers
filled in, and the English that ``office check`` prints stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.office import SAMPLE_OFFICE, Problem, load_office, validate_office
from counterdesk.queue.problem_words import CHINESE_ONLY, WORDS, chinese

Edit = Callable[[dict[str, Any]], None]


def _set(*path: str | int, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]  # type: ignore[index]
        data[path[-1]] = value  # type: ignore[index]

    return edit


def _drop(*path: str | int) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]  # type: ignore[index]
        del data[path[-1]]  # type: ignore[arg-type]

    return edit


CASES = [
    # edit, the problem's key, its zh_TW, its English (as office check prints it)
    (
        _set("services", 0, "daily_cap", value=0),
        "services[0].daily_cap",
        "須大於或等於 1",
        "Input should be greater than or equal to 1",
    ),
    (
        _set("queue", "auto_no_show_after_calls", value=11),
        "queue.auto_no_show_after_calls",
        "須小於或等於 10",
        "Input should be less than or equal to 10",
    ),
    (
        _set("queue", "default_handling_minutes", value=0),
        "queue.default_handling_minutes",
        "須大於 0",
        "Input should be greater than 0",
    ),
    (
        _set("services", 0, "daily_cap", value="many"),
        "services[0].daily_cap",
        "'many' 不是整數",
        "Input should be a valid integer, unable to parse string as an integer",
    ),
    (
        _set("services", 0, "steps", value=[]),
        "services[0].steps",
        "至少要有 1 項",
        "List should have at least 1 item after validation, not 0",
    ),
    (
        _drop("services", 0, "prefix"),
        "services[0].prefix",
        "必填，尚未填寫",
        "required key is missing",
    ),
    (
        _set("services", 0, "colour", value="red"),
        "services[0].colour",
        "不認得的欄位",
        "unknown key",
    ),
    (
        _set("services", 0, "name", "en", value=" "),
        "services[0].name.en",
        "不可空白",
        "must not be empty",
    ),
    (
        _set("services", 0, "prefix", value="a"),
        "services[0].prefix",
        "'a' 不可用：應為一個大寫英文字母 A–Z",
        "'a' is not valid: expected one capital letter A–Z",
    ),
    (
        _set("office", "hours", "sessions", 0, "open", value="8:30"),
        "office.hours.sessions[0].open",
        "'8:30' 不可用：應為時間 HH:MM（24 小時制）",
        "'8:30' is not valid: expected a time HH:MM (24-hour)",
    ),
    (
        _set("services", 0, "name", "zh", value="Company"),
        "services[0].name.zh",
        "中文欄位須為繁體中文（找不到漢字）",
        "the zh text must be Traditional Chinese (no Han characters found)",
    ),
    (
        _set("office", "closed_dates", value=[{"date": "2027-02-30"}]),
        "office.closed_dates[0].date",
        "'2027-02-30' 不是日期：請寫成 YYYY-MM-DD，例如 2027-01-01",
        "'2027-02-30' is not a date: expected YYYY-MM-DD, e.g. 2027-01-01",
    ),
    (
        _set("office", "timezone", value="Taipei"),
        "office.timezone",
        "不認得的時區 'Taipei'：請用 IANA 名稱，例如 Asia/Taipei",
        "unknown time zone 'Taipei': use an IANA name such as Asia/Taipei",
    ),
    (
        _set("office", "status_url", value="http://x/t/"),
        "office.status_url",
        "查詢網址須含 {token}",
        "the status address must contain {token}",
    ),
    (
        _set("services", 1, "appointments", "late", value="wait"),
        "services[1].appointments.late",
        "'wait' 不是可用的值：應為 'walk_in' 或 'refuse'",
        "'wait' is not valid: expected 'walk_in' or 'refuse'",
    ),
    (
        _set("services", 1, "appointments", "reserved_share", value={"25": 0.3}),
        "services[1].appointments.reserved_share",
        '時段 \'25\' 不可用：應為 "00" 到 "23" 的整點',
        'hour \'25\' is not valid: expected an hour "00" to "23"',
    ),
    (
        _set("services", 1, "appointments", "reserved_share", value=2),
        "services[1].appointments.reserved_share",
        "2 不是比例：應為 0 到 1（30% 寫 0.3）",
        "2 is not a share: expected 0 to 1 (0.3 for 30%)",
    ),
    (
        _set("office", "hours", "days", value=["monday"]),
        "office.hours.days[0]",
        "'monday' 不可用：應為 mon、tue、wed、thu、fri、sat、sun 之一",
        "'monday' is not valid: expected one of mon, tue, wed, thu, fri, sat, sun",
    ),
    (
        _set("office", "hours", "last_ticket", value="25:00"),
        "office.hours.last_ticket",
        "'25:00' 不可用：應為時間 HH:MM（24 小時制；當日結束的午夜寫 24:00）",
        "'25:00' is not valid: expected a time HH:MM (24-hour; 24:00 for midnight at the end "
        "of the day)",
    ),
    (
        _set("services", 0, "code", value="Notary"),
        "services[0].code",
        "'Notary' 不可用：應為小寫英文字母、數字與 _，並以字母開頭",
        "'Notary' is not valid: expected a code of lower-case letters, digits and _ starting "
        "with a letter",
    ),
    (
        _set("office", "closed_dates", value=[{"date": "2027-01-01", "zh": "元旦"}]),
        "office.closed_dates[0]",
        "休息日的中英文名稱須都填或都不填",
        "name the day in both zh and en, or in neither",
    ),
    (
        _set("announcements", "call", "en", value="Go to {desk}"),
        "announcements.call",
        "'Go to {desk}'：叫號語須含 {number}，可含 {counter}，不可有其他 {...} 欄位",
        "'Go to {desk}': a call must contain {number} and may contain {counter}, "
        "no other {...} fields",
    ),
    (
        _set("services", 1, "prefix", value="A"),
        "services[1].prefix",
        "號碼字首 'A' 重複（'precheck' 已使用）",
        "duplicate prefix letter 'A' (already used by 'precheck')",
    ),
    (
        _set("staff", 0, "deputy", value="nobody"),
        "staff[0].deputy",
        "代理人 'nobody' 不在人員名單上",
        "deputy 'nobody' is not on the staff list",
    ),
    (
        _set("office", "hours", "sessions", 0, "close", value="08:00"),
        "office.hours.sessions[0].close",
        "結束時間 08:00 不晚於開始時間 08:30",
        "closes at 08:00, not after it opens at 08:30",
    ),
    (
        _set("services", 1, "appointments", "slot_minutes", value=600),
        "services[1].appointments.slot_minutes",
        "每個預約時段 600 分鐘（slot_minutes）比最長的開放時段（210 分鐘）還長：排不進任何時段",
        "a slot of 600 min (slot_minutes) is longer than the longest session (210 min): "
        "no slot would fit",
    ),
    (
        _set("services", 1, "appointments", "reserved_share", value={"20": 0.3}),
        "services[1].appointments.reserved_share",
        "時段 '20' 不在開放時間內：沒有櫃檯服務",
        "hour '20' is outside the opening hours: no counter serves then",
    ),
]


def _problem(edit: Edit, key: str) -> Problem:
    data = load_office(SAMPLE_OFFICE).model_dump(mode="json")
    edit(data)
    with pytest.raises(OfficeFileError) as refused:
        validate_office(data)
    return next(p for p in refused.value.problems if p.key() == key)


@pytest.mark.parametrize(("edit", "key", "zh", "en"), CASES)
def test_a_problem_is_worded_in_chinese_and_keeps_its_english(
    edit: Edit, key: str, zh: str, en: str
) -> None:
    problem = _problem(edit, key)
    assert problem.text("zh_TW") == zh
    assert problem.text("en") == problem.message == en


def test_a_string_too_long_and_a_date_from_a_datetime_name_their_limit() -> None:
    assert chinese("string_too_long", {"max_length": 40}) == "最多 40 個字"
    dated = chinese("date_from_datetime_parsing", {"input": "2027-13-01"})
    assert dated is not None and dated.startswith("'2027-13-01' 不是日期")
    assert chinese("greater_than_equal", {"ge": 1.0}) == "須大於或等於 1"  # not 1.0


def test_a_problem_without_chinese_words_keeps_its_english() -> None:
    problem = Problem(("counters", 1, "number"), "duplicate counter 2")
    assert problem.text("zh_TW") == "duplicate counter 2"
    assert chinese("no_such_code", {}) is None


def test_every_chinese_sentence_is_chinese_and_fills_the_same_fields_as_its_english() -> None:
    import re

    for code, (zh, en) in WORDS.items():
        assert re.search(r"[\u4e00-\u9fff]", zh), code
        assert set(re.findall(r"{(\w+)", zh)) == set(re.findall(r"{(\w+)", en)), code
    assert all(re.search(r"[\u4e00-\u9fff]", zh) for zh in CHINESE_ONLY.values())
