"""The office file's problems in words for a supervisor who reads Chinese first.

Each problem is keyed by a stable code: pydantic's error ``type`` (``greater_than_equal``
with its ``ge``...) or the code our own validators raise (``refuse``). The code, not the
English sentence, picks the words, so a Chinese-first Office settings tab gets a zh_TW
sentence with the numbers filled in while ``office check`` keeps its English. Why a table
here rather than Qt Linguist: the sentences are made in the domain (which has no Qt) and the
English half is also the message the command line prints, so one table holds both and the
validators take their English from it: no message is written twice.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

# pydantic's own error types whose English stays pydantic's (what `office check` prints):
# only their zh_TW is ours, "{name}" filled from the error's context.
CHINESE_ONLY: dict[str, str] = {
    "greater_than_equal": "須大於或等於 {ge}",
    "greater_than": "須大於 {gt}",
    "less_than_equal": "須小於或等於 {le}",
    "less_than": "須小於 {lt}",
    "string_too_long": "最多 {max_length} 個字",
    "too_short": "至少要有 {min_length} 項",
    "int_parsing": "{input!r} 不是整數",
    "int_from_float": "{input!r} 不是整數",
    "float_parsing": "{input!r} 不是數字",
    "date_from_datetime_parsing": "{input!r} 不是日期：請寫成 YYYY-MM-DD，例如 2027-01-01",
    "bool_parsing": "{input!r} 不是「是／否」",
}
# code: (zh_TW, en) for the problems we word in both languages: pydantic's types the office
# file words itself, the patterns by key (``pattern_code``) and our validators' (``refuse``).
WORDS: dict[str, tuple[str, str]] = {
    "string_too_short": ("不可空白", "must not be empty"),
    "missing": ("必填，尚未填寫", "required key is missing"),
    "extra_forbidden": ("不認得的欄位", "unknown key"),
    "literal_error": (
        "{input!r} 不是可用的值：應為 {expected}",
        "{input!r} is not valid: expected {expected}",
    ),
    "pattern.prefix": (
        "{input!r} 不可用：應為一個大寫英文字母 A–Z",
        "{input!r} is not valid: expected one capital letter A–Z",
    ),
    "pattern.open": (
        "{input!r} 不可用：應為時間 HH:MM（24 小時制）",
        "{input!r} is not valid: expected a time HH:MM (24-hour)",
    ),
    "pattern.close": (
        "{input!r} 不可用：應為時間 HH:MM（24 小時制；當日結束的午夜寫 24:00）",
        "{input!r} is not valid: expected a time HH:MM (24-hour; 24:00 for midnight "
        "at the end of the day)",
    ),
    "pattern.days": (
        "{input!r} 不可用：應為 mon、tue、wed、thu、fri、sat、sun 之一",
        "{input!r} is not valid: expected one of mon, tue, wed, thu, fri, sat, sun",
    ),
    "pattern.code": (
        "{input!r} 不可用：應為小寫英文字母、數字與 _，並以字母開頭",
        "{input!r} is not valid: expected a code of lower-case letters, digits and _ "
        "starting with a letter",
    ),
    "zh_not_chinese": (
        "中文欄位須為繁體中文（找不到漢字）",
        "the zh text must be Traditional Chinese (no Han characters found)",
    ),
    "not_a_date": (
        "{input!r} 不是日期：請寫成 YYYY-MM-DD，例如 2027-01-01",
        "{input!r} is not a date: expected YYYY-MM-DD, e.g. 2027-01-01",
    ),
    "closed_day_names": (
        "休息日的中英文名稱須都填或都不填",
        "name the day in both zh and en, or in neither",
    ),
    "call_fields": (
        "{text!r}：叫號語須含 {{number}}，可含 {{counter}}，不可有其他 {{...}} 欄位",
        "{text!r}: a call must contain {{number}} and may contain {{counter}}, "
        "no other {{...}} fields",
    ),
    "call_braces": (
        "{text!r}：大括號只能用在 {{number}} 與 {{counter}}（單獨的 {{ 或 }} 請寫成 {{{{ 或 }}}}）",
        "{text!r}: braces may only stand around {{number}} and {{counter}} (write a lone "
        "{{ or }} as {{{{ or }}}})",
    ),
    "call_too_long": (
        "叫號語有 {length} 個字，最多 {most} 個字（每次叫號都要唸完）",
        "the call is {length} characters long: at most {most}, as it is read out at every call",
    ),
    "helpline_too_long": (
        "服務專線有 {length} 個字，最多 {most} 個字（印在每張號碼牌上）",
        "the helpline is {length} characters long: at most {most}, as every ticket prints it",
    ),
    "unknown_zone": (
        "不認得的時區 {zone!r}：請用 IANA 名稱，例如 Asia/Taipei",
        "unknown time zone {zone!r}: use an IANA name such as Asia/Taipei",
    ),
    "status_url_token": ("查詢網址須含 {{token}}", "the status address must contain {{token}}"),
    "status_url_braces": (
        "查詢網址 {address!r} 的大括號只能用在 {{token}}",
        "the status address {address!r} may hold braces only as {{token}}",
    ),
    "status_url_web": (
        "查詢網址 {address!r} 須為 http:// 或 https:// 開頭、含主機名稱的網址",
        "the status address {address!r} must be a web address starting http:// or https:// "
        "with a host name",
    ),
    "status_url_port": (
        "查詢網址 {address!r} 的連接埠須為 1 到 65535 的數字",
        "the status address {address!r} names a port no phone can open: a port is a number "
        "from 1 to 65535",
    ),
    "status_url_long": (
        "查詢網址填入代碼後有 {length} 位元組，最多 {most}（號碼牌的 QR 碼容納不下）",
        "the status address is {length} bytes long with a token filled in: at most {most}, "
        "as a ticket's QR code holds no more",
    ),
    "control_character": (
        "含有控制字元 {character}（不會顯示在任何畫面上）：請刪除",
        "contains the control character {character}, which no screen shows: remove it",
    ),
    "hour_not_valid": (
        '時段 {hour!r} 不可用：應為 "00" 到 "23" 的整點',
        'hour {hour!r} is not valid: expected an hour "00" to "23"',
    ),
    "hour_twice": (
        "時段 {hour!r} 重複列出：每個整點只能有一個比例",
        "hour {hour!r} is given twice: one share an hour",
    ),
    "not_a_share": (
        "{where}{input!r} 不是比例：應為 0 到 1（30% 寫 0.3）",
        "{where}{input!r} is not a share: expected 0 to 1 (0.3 for 30%)",
    ),
    # the office's checks across keys (``office._cross_checks``, ``rule_problems``)
    "duplicate_code": ("服務代碼 {code!r} 重複", "duplicate service code {code!r}"),
    "duplicate_prefix": (
        "號碼字首 {prefix!r} 重複（{other!r} 已使用）",
        "duplicate prefix letter {prefix!r} (already used by {other!r})",
    ),
    "duplicate_counter": ("櫃檯 {number} 重複", "duplicate counter {number}"),
    "unknown_served": (
        "櫃檯 {number} 辦理的 {code!r} 不是本機關的服務項目（現有：{known}）",
        "counter {number} serves {code!r}, which is not a service of this office (known: {known})",
    ),
    "served_twice": (
        "櫃檯 {number} 重複列出服務項目 {code!r}",
        "counter {number} lists the service {code!r} twice",
    ),
    "name_too_long": (
        "名稱有 {length} 個字，最多 {most} 個字",
        "the name is {length} characters long: at most {most}",
    ),
    "closed_twice": (
        "{date} 重複列出（另見 closed_dates[{other}]）",
        "{date} is listed twice (also closed_dates[{other}])",
    ),
    "duplicate_staff": ("人員代碼 {code!r} 重複", "duplicate staff code {code!r}"),
    "unknown_deputy": (
        "代理人 {deputy!r} 不在人員名單上",
        "deputy {deputy!r} is not on the staff list",
    ),
    "own_deputy": ("人員不能擔任自己的代理人", "a staff member cannot be their own deputy"),
    "closes_early": (
        "結束時間 {close} 不晚於開始時間 {open}",
        "closes at {close}, not after it opens at {open}",
    ),
    "last_ticket_late": (
        "最後取號時間 {last} 晚於關門時間 {close}",
        "last ticket time {last} is after closing time {close}",
    ),
    "slot_too_long": (
        "每個預約時段 {slot:g} 分鐘（{given}）比最長的開放時段（{longest} 分鐘）還長："
        "排不進任何時段",
        "a slot of {slot:g} min ({given}) is longer than the longest session "
        "({longest} min): no slot would fit",
    ),
    "hour_closed": (
        "時段 {hour!r} 不在開放時間內：沒有櫃檯服務",
        "hour {hour!r} is outside the opening hours: no counter serves then",
    ),
}
PATTERN_KEYS = {"prefix": "prefix", "open": "open", "close": "close", "last_ticket": "close"}


def refuse(code: str, **context: Any) -> PydanticCustomError:
    """The error an office validator raises: its English from ``WORDS``, its code kept so
    the words can be given in Chinese too."""
    # Passed as already worded: pydantic's templates know no ``!r`` or ``{{``.
    return PydanticCustomError(code, worded(code, context), context)


def worded(code: str, context: dict[str, Any]) -> str:
    """The English of one of our own codes (a check across keys, a validator's)."""
    return WORDS[code][1].format(**_shown(context))


def pattern_code(path: tuple[Any, ...]) -> str:
    """Which pattern a string broke, by the last key on its path (a list of days or codes)."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if name == "days":
        return "pattern.days"
    return f"pattern.{PATTERN_KEYS.get(name, 'code')}"


def english(code: str, context: dict[str, Any]) -> str | None:
    """The problem ``code`` in English, or None where pydantic's own English stands."""
    return worded(code, context) if code in WORDS else None


def chinese(code: str, context: dict[str, Any]) -> str | None:
    """The problem ``code`` in zh_TW, ``context`` filled in; None for a code not in the table."""
    template = CHINESE_ONLY.get(code) or (WORDS[code][0] if code in WORDS else None)
    if template is None:
        return None
    shown = _shown(context)
    if isinstance(shown.get("expected"), str):  # a literal's choices: 'a', 'b' or 'c'
        shown["expected"] = shown["expected"].replace(" or ", " 或 ")
    return template.format(**shown)


def _shown(context: dict[str, Any]) -> dict[str, Any]:
    """Whole numbers as 1, not 1.0 (pydantic keeps ``ge=1`` of a float field as 1.0)."""
    return {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in context.items()}
