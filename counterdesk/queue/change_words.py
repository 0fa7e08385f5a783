"""An office version's changes in words for a supervisor who reads Chinese first.

``office_versions.diff`` keeps each change structured (a key path and a kind); the command
line's ``office diff`` words it in English (``Change.english``) and the History page, in a
Chinese window, asks ``chinese`` here: the key path by the office file's keys named as the
Office settings tab names them, e.g. ``services[incorporation].documents[10]`` as
「服務「公司設立登記」› 應備文件 第 11 項」. A key missing from the table shows as itself.
"""

from __future__ import annotations

import getpass
import re

from counterdesk.queue.office_versions import Change, KeyPath, Member

KEYS: dict[str, str] = {
    "office": "機關",
    "name": "名稱",
    "zh": "中文",
    "en": "英文",
    "timezone": "時區",
    "helpline": "服務電話",
    "status_url": "進度查詢網址",
    "services": "服務",
    "code": "代碼",
    "prefix": "號碼字首",
    "daily_cap": "每日號碼上限",
    "default_handling_minutes": "預設辦理分鐘",
    "handling_minutes": "辦理分鐘",
    "target_wait_minutes": "目標等候分鐘",
    "documents": "應備文件",
    "steps": "辦理步驟",
    "fee": "規費",
    "processing_time": "處理時間",
    "note": "備註",
    "remote": "網路取號",
    "daily_share": "每日網路名額比例",
    "check_in_minutes": "報到期限分鐘",
    "cases": "案件",
    "standard_days": "標準處理天數",
    "contact_retention_days": "聯絡方式保存天數",
    "counters": "櫃檯",
    "number": "號碼",
    "staff": "人員",
    "deputy": "代理人",
    "hours": "開放時間",
    "days": "開放日",
    "sessions": "時段",
    "open": "開始",
    "close": "結束",
    "last_ticket": "最後取號時間",
    "closed_dates": "休息日",
    "date": "日期",
    "queue": "排隊規則",
    "max_priority_in_a_row": "優先號連續上限",
    "max_appointments_in_a_row": "預約號連續上限",
    "auto_no_show_after_calls": "叫號幾次未到即過號",
    "pause_minutes": "暫停分鐘",
    "call": "叫號語",
    "announcements": "廣播",
    "appointments": "預約",
    "bookable": "可預約",
    "slot_minutes": "每時段分鐘",
    "days_ahead": "可預約天數",
    "reserved_share": "預約保留比例",
    "cancel_until_minutes": "可取消至開始前分鐘",
    "per_contact_per_day": "每人每日預約上限",
    "check_in": "報到",
    "before_minutes": "提前分鐘",
    "after_minutes": "延後分鐘",
    "late": "遲到",
    "reminder_hours": "提醒時數",
    "bookings": "預約",
    "notify_ahead": "前幾號通知",
    "feedback": "意見回饋",
    "rating_days": "評分保存天數",
    "answer_target_days": "回覆目標天數",
    "placeholder": "提示文字",
    "unit": "單位",
}
KINDS = {
    "added": "已新增：{new}",
    "removed": "已移除：{old}",
    "changed": "已變更：{old} → {new}",
    "reordered": "已重新排序：{new}",
}


def chinese(change: Change) -> str:
    """One change as a line in zh_TW: where, then what happened."""
    what = "已移除" if change.kind == "removed" and change.old is None else KINDS[change.kind]
    return f"{place(change.path)}　{what.format(old=change.old, new=change.new)}"


def problem_place(path: tuple[str | int, ...]) -> str:
    """Where an office file's problem is (``office.Problem.path``, list items by place)."""
    return place(tuple(Member(step) if isinstance(step, int) else step for step in path))


def place(path: KeyPath) -> str:
    """A key path in words: each key by its name, a list's item by its name or its place."""
    words: list[str] = []
    for step in path:
        if not isinstance(step, Member):
            words.append(KEYS.get(step, step))
        elif isinstance(step.key, int) and step.zh is None:  # by its place, counted from 1
            words[-1] += f" 第 {step.key + 1} 項"
        else:
            words[-1] += f"「{step.zh or step.key}」"
    # No space between a closing 」 and the ›: the bracket already sets the name apart.
    return "".join(
        word if not n else ("› " if words[n - 1].endswith("」") else " › ") + word
        for n, word in enumerate(words)
    )


# Who saved a version and why, as counterdesk itself writes them (``TicketEngine.load_office``,
# ``office load`` and ``rollback``, the supervisor window): worded in zh_TW for the History page;
# what a person typed as the reason is shown as typed.
SAVED_BY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^office file$"), "機關設定檔"),
    (re.compile(r"^(.*) \(supervisor window\)$"), r"\1（主管視窗）"),
    (re.compile(r"^(.*) \(command line\)$"), r"\1（命令列）"),
)
SUMMARIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^office file loaded$"), "載入機關設定檔"),
    (re.compile(r"^rolled back to version (\d+)$"), r"回復到版本 \1"),
    # ``office load``'s reason when none is typed: "loaded " and the file's path (shortened
    # from the front with …). Only a path is taken for it: one word, or words with a folder
    # separator, ending .yaml or .yml; "loaded the new hours" was typed, and stays as typed.
    (re.compile(r"^loaded (…?(?:\S+|.*[\\/].*)\.ya?ml)$", re.IGNORECASE), r"載入 \1"),
)


def saved_by_here(place: str) -> str:
    """Who saves from this PC: its user, and where (``supervisor window``, ``command line``),
    written as ``SAVED_BY`` reads it."""
    return f"{getpass.getuser()} ({place})"


def saved_by(text: str) -> str:
    """Who saved a version, in zh_TW where counterdesk wrote it."""
    return _worded(text, SAVED_BY)


def summary(text: str) -> str:
    """Why a version was saved, in zh_TW where counterdesk wrote it."""
    return _worded(text, SUMMARIES)


def _worded(text: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, words in table:
        if pattern.match(text):
            return pattern.sub(words, text, count=1)
    return text
