"""What the loudspeaker says for a call: the office's phrases, Mandarin first, then English."""

from __future__ import annotations

from counterdesk.devices.speech_protocol import Utterance
from counterdesk.queue.office import Announcements

SAMPLE_CALL = ("A012", 3)  # the number and counter a test call and a preview are filled with


def spoken_number(number: str) -> str:
    """``A012`` → ``A 0 1 2``: digit by digit, as read out in both languages.

    Read whole, espeak-ng says "A zero twelve" and 「A 零十二」, which a citizen holding A012 may
    not recognise across a noisy hall; digit by digit is what counter staff say too.
    """
    return " ".join(number)


def call_utterances(phrases: Announcements, number: str, counter: int) -> list[Utterance]:
    fields = {"number": spoken_number(number), "counter": counter}
    return [
        Utterance(phrases.call.zh.format(**fields), "zh"),
        Utterance(phrases.call.en.format(**fields), "en"),
    ]
