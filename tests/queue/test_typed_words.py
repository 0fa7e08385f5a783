"""Text a person typed, refused in both languages: every name ``clean_text`` is given has its
Chinese, so a Chinese window never shows "第 2 行：the note contains…"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.refusal_words import TYPED, chinese
from counterdesk.queue.typed_text import clean_text

SOURCE = Path(__file__).parents[2] / "counterdesk"
NAMED = re.compile(r"(?:clean_text|typed_code)\(\s*[^,()]+(?:\([^()]*\))?,\s*\"([^\"]+)\"")


def test_every_name_given_to_clean_text_has_its_chinese() -> None:
    names = {
        name for path in SOURCE.rglob("*.py") for name in NAMED.findall(path.read_text("utf-8"))
    }
    assert "the note" in names and "the ticket number" in names  # the pattern finds them
    assert names - set(TYPED) == set()


@pytest.mark.parametrize(
    ("text", "english", "zh"),
    [
        ("  ", "the note is empty", "備註空白"),
        ("x" * 11, "the note is 11 characters; at most 10 fit", "備註有 11 個字元；最多 10 個"),
        (
            "a\x1bb",
            "the note contains control characters; only text can be kept",
            "備註含有控制字元",
        ),
        ("a\udcffb", "the note contains characters that are not text", "備註含有不是文字的字元"),
    ],
)
def test_a_refused_text_keeps_its_english_and_has_its_chinese(
    text: str, english: str, zh: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        clean_text(text, "the note", 10, required=True)
    assert str(refused.value) == english
    assert chinese(refused.value).startswith(zh)
