"""What a window needs from a voice: queue bilingual phrases to be spoken, never block.

The board announces calls and the kiosk reads its pages aloud through the same protocol, so
both work with the real pyttsx3 worker, a silent stand-in, or a test recorder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Language = Literal["zh", "en"]


@dataclass(frozen=True)
class Utterance:
    text: str
    language: Language


class Speaker(Protocol):
    def say(self, utterances: Sequence[Utterance], *, chime: bool = False) -> None:
        """Queue ``utterances`` to be spoken in order (after a chime if asked); return at once."""
        ...


class SilentSpeaker:
    """For offices without loudspeakers: accepts every announcement and says nothing."""

    def say(self, utterances: Sequence[Utterance], *, chime: bool = False) -> None:
        return None
