"""The phrase catalogue is the bottom layer: every surface imports it, and it imports nothing."""

import subprocess
import sys

import pytest

from counterdesk import phrases
from counterdesk.feedback.opinions import OpinionStatus
from counterdesk.feedback.ratings import SCORES
from counterdesk.phrases import Bilingual, wait_phrase


@pytest.mark.slow
def test_phrases_import_nothing_from_counterdesk_nor_qt() -> None:
    code = (
        "import sys, counterdesk.phrases\n"
        "ours = sorted(n for n in sys.modules if n.startswith(('counterdesk', 'PySide6')))\n"
        "print(','.join(ours))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "counterdesk,counterdesk.phrases"


def test_every_opinion_status_and_score_has_its_words() -> None:
    assert set(phrases.OPINION_STATUS) == {status.value for status in OpinionStatus}
    assert len(phrases.FACES) == len(SCORES)
    assert phrases.rated(5) == Bilingual("您的評分：非常滿意", "Your rating: Very satisfied")


def test_office_texts_become_phrases_and_templates_fill_in_both_languages() -> None:
    class Text:
        zh, en = "戶籍登記", "Household registration"

    assert Bilingual.of(Text()) == ("戶籍登記", "Household registration")
    assert phrases.LIVE_NOTE.fill(seconds=30) == (
        "本頁每 30 秒自動更新",
        "This page updates itself every 30 s",
    )


def test_wait_phrase_is_whole_minutes_in_both_languages() -> None:
    assert wait_phrase(0, 0) == Bilingual("即將叫號", "You are next")
    assert wait_phrase(3, 23.6) == Bilingual("約 24 分鐘", "about 24 min")
    assert wait_phrase(1, 0.2) == Bilingual("約 1 分鐘", "about 1 min")
