"""The queue's refusals in words for counter staff who read Chinese first.

As ``problem_words`` does for the office file: each refusal the engine or the cases raise for
something staff can meet is keyed by a stable code, and one table holds its zh_TW and English
templates. The English is the message itself (what the command line prints, what the logs
keep), so it is written once, here; a Chinese-first window asks ``chinese`` for the other half.
A value that is itself worded (a ticket's state, a service's name, a case stage) is passed as
a ``Bilingual``: each sentence takes its own language's half.
"""

from __future__ import annotations

from typing import Any, TypeVar

from counterdesk.phrases import Bilingual
from counterdesk.queue.errors import CounterdeskError

E = TypeVar("E", bound=CounterdeskError)

# code: (zh_TW, en); both name the same {fields}.
WORDS: dict[str, tuple[str, str]] = {
    # -- the engine: the office, tickets and counters
    "no_office": (
        "尚未載入機關設定：請以 `counterdesk office load FILE` 載入",
        "no office is loaded: load one with `counterdesk office load FILE`",
    ),
    "zone_mid_day": (
        "時區 {old} 改為 {new} 須待結束當日（close-day）後再存：今日仍有 {open} 張號碼"
        "未辦完，新時區的日子會從 001 重新編號",
        "the time zone can change from {old} to {new} only after close of day: {open} "
        "tickets of today are still open, and the new zone's day would number from 001 again",
    ),
    "prefix_mid_day": (
        "字首 {prefix} 交給 {code} 須待結束當日（close-day）後再存：今日仍有 {open} 張 "
        "{prefix} 開頭的號碼未辦完，{code} 會再發出相同號碼",
        "the prefix {prefix} can go to {code} only after close of day: {open} tickets of "
        "today numbered {prefix}… are still open, and {code} would issue the same numbers",
    ),
    "daily_cap": (
        "{service}（{code}）今日 {cap} 張號碼已發完；請於下一個上班日再來",
        "{service} ({code}) has reached its daily limit of {cap} tickets; please come back on "
        "the next working day",
    ),
    "no_ticket_id": ("找不到編號 {ticket_id} 的號碼", "no ticket with id {ticket_id}"),
    "not_waiting": (
        "{number} {state}，不在等候中：無法叫號",
        "{number} is {state}, not waiting: it cannot be called",
    ),
    "counter_taken": (
        "{counter} 號櫃檯已有號碼在辦理",
        "counter {counter} already has a ticket at the counter",
    ),
    "requeue_no_show": (
        "{number} {state}：只有過號的號碼能重新排隊",
        "{number} is {state}: only a no-show can be requeued",
    ),
    "same_service": (
        "{number} 已在「{service}」：請選另一項服務",
        "{number} is already in {service}: choose another service",
    ),
    "not_cancellable": (
        "{number} {state}：無法取消",
        "{number} is {state}: it cannot be cancelled",
    ),
    "close_before_closing": (
        "今天（{day}）開放到 {closes}：關門後才能結束當日",
        "today ({day}) is open until {closes}: it can be closed only after closing time",
    ),
    "pin_digits": ("PIN 須為 4 到 {longest} 位數字", "a PIN must be 4 to {longest} digits"),
    "pin_guessable": (
        "這個 PIN 人人都會先猜（如 0000、1234、1212）：請選別的數字",
        "a PIN anyone would guess first (like 0000, 1234 or 1212) is refused: choose another",
    ),
    "no_pin": (
        "{staff} 尚未設定 PIN：請管理者以 `counterdesk staff set-pin {staff}` 設定",
        "{staff} has no PIN yet: an administrator sets one with "
        "`counterdesk staff set-pin {staff}`",
    ),
    "wrong_pin": ("{staff} 的 PIN 不正確", "wrong PIN for {staff}"),
    "pin_needed": ("{staff} 已設定 PIN：登入時請輸入", "{staff} has a PIN: give it to sign in"),
    "counter_signed_in": (
        "{counter} 號櫃檯已由 {staff} 登入：須先由其登出",
        "counter {counter} is already signed in by {staff}: they must sign out first",
    ),
    "staff_elsewhere": (
        "{staff} 已在 {counter} 號櫃檯登入：請先在該處登出",
        "{staff} is signed in at counter {counter}: sign out there first",
    ),
    "already_paused": ("{counter} 號櫃檯已暫停服務", "counter {counter} is already paused"),
    "not_paused": ("{counter} 號櫃檯並未暫停", "counter {counter} is not paused"),
    "unknown_staff": (
        "沒有人員代碼 {staff!r}（現有：{known}）",
        "unknown staff member {staff!r} (known: {known})",
    ),
    "unknown_counter": (
        "沒有 {counter} 號櫃檯（現有櫃檯：{known}）",
        "unknown counter {counter} (counters: {known})",
    ),
    "not_signed_in": (
        "{counter} 號櫃檯沒有人登入：請先登入",
        "nobody is signed in at counter {counter}: sign in first",
    ),
    "paused": (
        "{counter} 號櫃檯暫停中：請先恢復服務再叫號",
        "counter {counter} is paused: resume it before calling",
    ),
    "busy_serving": (
        "{counter} 號櫃檯還有 {number}（{state}）：請先完成",
        "counter {counter} still has {number} ({state}): finish it first",
    ),
    "busy_called": (
        "{counter} 號櫃檯還有 {number}（{state}）：請先開始辦理、標記過號或轉送",
        "counter {counter} still has {number} ({state}): start it, mark it a no-show or "
        "transfer it first",
    ),
    "nothing_at_counter": (
        "{counter} 號櫃檯沒有號碼可{action}：請先叫號",
        "counter {counter} has no ticket to {action}: call one first",
    ),
    "already_started": (
        "{counter} 號櫃檯無法{action} {number}：已開始辦理",
        "cannot {action} {number} at counter {counter}: it has already started",
    ),
    "not_started": (
        "{counter} 號櫃檯無法{action} {number}：已叫號但尚未開始辦理，請先開始辦理",
        "cannot {action} {number} at counter {counter}: it has been called but not started: "
        "start it first",
    ),
    # -- cases
    "no_open_day": (
        "{day} 之後一年內機關沒有開放日",
        "the office opens on no day in the year after {day}",
    ),
    "case_number_empty": ("案件編號空白", "the case number is empty"),
    "case_number_long": (
        "案件編號有 {length} 個字元；最多 40 個",
        "the case number is {length} characters; at most 40 fit",
    ),
    "case_number_letters": (
        "案件編號 {number!r} 只能有英文字母、數字與 -",
        "the case number {number!r} may only hold letters, digits and dashes",
    ),
    "ubn_length": (
        "統一編號 {digits!r} 不是 8 位數字",
        "the unified business number {digits!r} is not 8 digits",
    ),
    "ubn_check": (
        "統一編號 {digits} 檢查碼不符",
        "the unified business number {digits} fails its check digit",
    ),
    "not_notifiable": (
        "{name!r} 不是可通知的階段（{known}）",
        "{name!r} is not a stage one can be told of ({known})",
    ),
    "no_cases": ("「{service}」（{code}）不登記案件", "{service} ({code}) registers no cases"),
    "no_cases_but": (
        "「{service}」（{code}）不登記案件；登記案件的服務：{names}",
        "{service} ({code}) registers no cases; cases are registered for: {names}",
    ),
    "notices_no_contact": (
        "選了通知，但沒有留聯絡方式（手機或電子郵件）",
        "notices were chosen but no contact (mobile or e-mail) to send them to",
    ),
    "ticket_not_served": (
        "號碼 {number} {status}：案件只能登記在辦理中或已辦理完畢的號碼",
        "ticket {number} is {status}: a case is registered for a ticket being served or served",
    ),
    "case_needs_service": (
        "案件須有服務項目（或收件時的號碼）",
        "a case needs its service (or the ticket it was handed in at)",
    ),
    "case_registered": ("案件 {number} 已登記過", "case {number} is already registered"),
    "handed_in_zone": (
        "收件時間須附時區：{at}",
        "when the application was handed in needs its time zone: {at}",
    ),
    "handed_in_week": (
        "補登的案件須為最近 {days} 天內收件，不是 {at}",
        "an application registered afterwards was handed in within the last {days} days, "
        "not at {at}",
    ),
    "handed_in_at_ticket": (
        "號碼 {number} 於 {issued} 取號：收件時間須為當天取號之後，不是 {at}",
        "ticket {number} was issued at {issued}: the application was handed in after that on "
        "the same day, not at {at}",
    ),
    "handed_in_shut": (
        "機關 {at} 未開放：收件時間須在開放日、開門之後",
        "the office is not open at {at}: an application is handed in on a day the office "
        "opens, after it opens",
    ),
    "saved_meanwhile": (
        "期間已有人儲存機關設定（第 {number} 版，{by}）：請先查看該版本，再重新修改",
        "the office was saved meanwhile as version {number} by {by}: look at that version, "
        "then make your change again",
    ),
    "moved_meanwhile": (
        "案件 {number} 現為「{now}」，不是「{seen}」：期間已被異動，請重新查看",
        "case {number} is now {now}, not {seen}: it was moved meanwhile; look at it again",
    ),
    "case_already": ("案件 {number} 已是「{stage}」", "case {number} is already {stage}"),
    "case_bad_move": (
        "案件 {number} 為「{was}」：不能改為「{to}」（可改為：{allowed}）",
        "case {number} is {was}: it cannot be moved to {to} (next: {allowed})",
    ),
    "correction_note": (
        "補正須附說明，寫明缺少什麼",
        "a correction needs a note saying what is missing",
    ),
    "date_only_correction": ("只有補正需要日期", "only a correction takes a date"),
    "correction_due": (
        "補正須有今天之後的補正期限",
        "a correction needs a date after today to correct it by",
    ),
    "correction_due_day": (
        "補正期限須為日期（YYYY-MM-DD），不是 {due!r}",
        "a correction's date must be a day (YYYY-MM-DD), not {due!r}",
    ),
    "correction_due_far": (
        "補正期限 {due} 超過一年以後",
        "a correction's date {due} is more than a year ahead",
    ),
    "closed_on": (
        "機關 {due} 不開放：請選開放的日子",
        "the office is closed on {due}: choose a day it opens",
    ),
    "on_line": ("第 {line} 行：{said}", "line {line}: {said}"),  # a bulk change's refusal
    "of_case": ("案件 {number}：{said}", "case {number}: {said}"),  # a batch's refusal
    "no_case": ("沒有案件 {number}", "no case {number}"),
    # -- text a person typed (typed_text.clean_text), ``what`` named by TYPED
    "text_empty": ("{what}空白", "{what} is empty"),
    "text_long": (
        "{what}有 {length} 個字元；最多 {limit} 個",
        "{what} is {length} characters; at most {limit} fit",
    ),
    "text_control": (
        "{what}含有控制字元；只能保存文字",
        "{what} contains control characters; only text can be kept",
    ),
    "text_not_text": ("{what}含有不是文字的字元", "{what} contains characters that are not text"),
    "not_a_stage": ("{name!r} 不是案件階段（{known}）", "{name!r} is not a case stage ({known})"),
}

# A ticket's state as the refusals name it (``{counter}`` filled in).
STATES: dict[str, Bilingual] = {
    "waiting": Bilingual("等候中", "waiting"),
    "called": Bilingual("已叫號至 {counter} 號櫃檯", "called to counter {counter}"),
    "serving": Bilingual("正在 {counter} 號櫃檯辦理", "being served at counter {counter}"),
    "done": Bilingual("已辦理完畢", "already served"),
    "no_show": Bilingual("已過號", "a no-show"),
    "cancelled": Bilingual("已取消", "cancelled"),
    "removed_at_close": Bilingual("已隨當日結束", "closed with the day"),
}
# What ``clean_text`` checks, by the English name its callers give it.
TYPED: dict[str, str] = {
    "the opinion": "意見",
    "the opinion reference": "意見編號",
    "the contact details": "聯絡方式",
    "the contact": "聯絡方式",
    "the answer": "回覆",
    "comment": "評語",
    "the note": "備註",
    "the outcome": "辦理結果",
    "the booking code": "預約代碼",
    "who registers the case": "登記人",
    "who moves the case": "異動人",
    "the message key": "訊息代碼",
    "the message text": "訊息內容",
    "the subject": "主旨",
    "the token": "查詢碼",
    "the service code": "服務代碼",
    "the staff code": "人員代碼",
    "the ticket number": "號碼",
}
# What a counter does to its ticket, by the English word the engine names it with.
ACTIONS: dict[str, str] = {
    "recall": "重新叫號",
    "start": "開始辦理",
    "finish": "完成",
    "mark as no-show": "標記過號",
    "transfer": "轉送",
}


def refusal(kind: type[E], code: str, /, **params: Any) -> E:
    """The error ``kind`` worded by ``code``: its English message from the table, its code
    and values kept so a window can give it in Chinese."""
    return kind(_worded(code, params).en, code=code, params=params)


def ticket_state(status: str, counter: int | None) -> Bilingual:
    """A ticket's state in both languages, e.g. "called to counter 3"."""
    return STATES[status].fill(counter=counter)


def typed(what: str) -> Bilingual:
    """What ``clean_text`` checks, in both languages (its English name where TYPED has none)."""
    return Bilingual(TYPED.get(what, what), what)


def action(name: str) -> Bilingual:
    """A counter's action (``finish``...) in both languages."""
    return Bilingual(ACTIONS[name], name)


def chinese(error: BaseException) -> str:
    """``error``'s sentence in zh_TW, its values filled in; its English when it has no code."""
    code = getattr(error, "code", None)
    if code not in WORDS:
        return str(error)
    return _worded(code, getattr(error, "params", {})).zh


def _worded(code: str, params: dict[str, Any]) -> Bilingual:
    """The sentence ``code`` with ``params`` filled in, in both languages."""
    return Bilingual(*WORDS[code]).fill(**params)
