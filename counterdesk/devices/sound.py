"""Mono 16-bit WAV sound: the call chime, pauses, and joining parts into one announcement.

The chime is generated rather than shipped, so it always matches the speech's sample rate and
one announcement is one file that the player plays without gaps between its parts.
"""

from __future__ import annotations

import math
import struct
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_WIDTH = 2  # 16-bit signed samples, as espeak-ng produces them
# A falling two-tone ding-dong (E5 then C5), as railway stations and post offices use.
CHIME_NOTES = ((659.25, 0.45), (523.25, 0.75))


@dataclass(frozen=True)
class Part:
    """One stretch of an announcement, named so tests and logs can tell what played when."""

    label: str
    frames: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.frames) / SAMPLE_WIDTH / self.rate


def chime(rate: int) -> Part:
    """A soft two-note chime with a quick attack and exponential decay, at ``rate`` Hz."""
    samples: list[int] = []
    for frequency, length in CHIME_NOTES:
        count = int(length * rate)
        for i in range(count):
            t = i / rate
            envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t / length)
            phase = 2 * math.pi * frequency * t
            tone = math.sin(phase) + 0.3 * math.sin(2 * phase)  # a touch of the octave: bell-like
            samples.append(int(12000 * envelope * tone))
    return Part("chime", struct.pack(f"<{len(samples)}h", *samples), rate)


def silence(seconds: float, rate: int) -> Part:
    return Part("pause", bytes(SAMPLE_WIDTH * int(seconds * rate)), rate)


def read_part(path: Path, label: str) -> Part:
    """The frames of a mono 16-bit WAV file; ValueError if it is not one or holds no sound."""
    with wave.open(str(path), "rb") as wav:
        if wav.getnchannels() != 1 or wav.getsampwidth() != SAMPLE_WIDTH:
            raise ValueError(f"{path}: expected mono 16-bit sound")
        frames = wav.readframes(wav.getnframes())
        rate = wav.getframerate()
    if not frames:
        raise ValueError(f"{label}: the voice produced no sound")
    return Part(label, frames, rate)


def write_parts(parts: Sequence[Part], target: Path) -> None:
    """Join ``parts`` (all at one sample rate) into one WAV file."""
    rates = {part.rate for part in parts}
    if len(rates) != 1:
        raise ValueError(f"parts differ in sample rate: {sorted(rates)}")
    with wave.open(str(target), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(rates.pop())
        for part in parts:
            wav.writeframes(part.frames)
