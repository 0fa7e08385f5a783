"""The phrase catalogue is the bottom layer: every surface imports it, and it imports nothing."""

import dataclasses
import subprocess
import sys

import pytest

from counterdesk import phrases
from counterdesk.feedback.opinions import OpinionStatus
from counterdesk.feedback.ratings import SCORES
from counterdesk.phrases import Bilingual, projected_wait


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


def test_a_projected_wait_is_one_figure_or_an_honest_range_in_both_languages() -> None:
    assert projected_wait(0, 0) == Bilingual("即將叫號", "any moment now")
    assert projected_wait(4, 4) == Bilingual("約 4 分鐘", "about 4 min")
    assert projected_wait(15, 25) == Bilingual("約 15–25 分鐘", "about 15–25 min")
    assert projected_wait(0, 5) == Bilingual("5 分鐘內", "within 5 min")
    assert projected_wait(None, None) == Bilingual("目前無法預估", "no estimate for now")


@dataclasses.dataclass
class Estimated:
    estimated_wait_low: int | None
    estimated_wait_high: int | None


def test_the_kiosk_line_gives_the_wait_even_with_nobody_waiting_in_the_service() -> None:
    assert phrases.waiting_line(3, Estimated(15, 25)) == Bilingual(
        "等候 3 人・約 15–25 分鐘", "3 waiting · about 15–25 min"
    )
    assert phrases.waiting_line(0, Estimated(0, 0)) == Bilingual("目前無人等候", "Nobody waiting")
    # Shared counters call other services first: nobody waiting here still waits.
    assert phrases.waiting_line(0, Estimated(5, 5)) == Bilingual(
        "目前無人等候・約 5 分鐘", "Nobody waiting · about 5 min"
    )
    assert phrases.waiting_line(2, Estimated(None, None)).en == "2 waiting · no estimate for now"


def test_only_a_call_due_now_tells_a_citizen_they_are_next() -> None:
    due, later, unknown = Estimated(0, 0), Estimated(5, 10), Estimated(None, None)
    assert phrases.people_ahead(0, due) == Bilingual("下一位就是您", "You are next")
    assert phrases.estimated_wait(due) == Bilingual("請留意叫號", "Please watch for your number")
    assert phrases.people_ahead(0, later) == Bilingual(
        "您是本項業務的下一位", "First in line for this service"
    )
    assert phrases.estimated_wait(later) == Bilingual(
        "預估等候 約 5–10 分鐘", "Estimated wait: about 5–10 min"
    )
    assert phrases.people_ahead(1, later).en == "1 person ahead of you"
    assert phrases.estimated_wait(unknown) == phrases.NO_ESTIMATE_WATCH


def test_a_bilingual_value_is_filled_in_each_language_and_others_in_both() -> None:
    phrase = Bilingual("{office}:案件 {number} {stage}", "{office}: case {number} {stage}")
    filled = phrase.fill(
        office=Bilingual("台北所", "Taipei office"),
        number="A1",
        stage=Bilingual("審查中", "review"),
    )
    assert filled == Bilingual("台北所:案件 A1 審查中", "Taipei office: case A1 review")
