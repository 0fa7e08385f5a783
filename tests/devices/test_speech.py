"""Spoken calls with the real pyttsx3 and espeak-ng: WAV files, missing voices, a hung worker."""

from __future__ import annotations

import array
import json
import logging
import math
import sys
import threading
import wave
from pathlib import Path
from typing import Any

import pytest

from counterdesk import cli
from counterdesk.devices.announcements import call_utterances, spoken_number
from counterdesk.devices.faults import Fault
from counterdesk.devices.sound import chime
from counterdesk.devices.speech import Outcome, SpeechService, Voices, default_engine
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.queue import OfficeFileError, parse_office
from counterdesk.queue.office import Announcements
from tests.sound_player import NO_SOUND_CARD, Player

NULL_PLAYER = ("aplay", "-q", "-D", "null", "{wav}")  # real aplay, ALSA's null device
HANG = "HANG"


def rms(samples: array.array, start: float, seconds: float, rate: int) -> float:
    window = samples[int(start * rate) : int((start + seconds) * rate)]
    return math.sqrt(sum(s * s for s in window) / max(1, len(window)))


def read_samples(path: Path) -> tuple[array.array, int]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        return array.array("h", wav.readframes(wav.getnframes())), wav.getframerate()


def test_voice_test_writes_chime_mandarin_and_english(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "call.wav"
    argv = ["--db", sqlite_url, "--config", str(tmp_path / "none.toml")]
    (tmp_path / "none.toml").write_text("")
    assert cli.main([*argv, "voice", "test", "--to", str(target), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == []
    assert "請 A 0 1 2 號 到 3 號櫃檯" in report["said"]
    assert "Number A 0 1 2, please go to counter 3" in report["said"]
    samples, rate = read_samples(target)
    assert len(samples) / rate > 1.0
    assert len(samples) / rate == pytest.approx(report["seconds"], abs=0.01)
    offsets: dict[str, tuple[float, float]] = {}
    start = 0.0
    for part in report["parts"]:
        offsets.setdefault(part["label"], (start, part["seconds"]))
        start += part["seconds"]
    assert list(offsets) == ["chime", "pause", "zh", "en"]
    for language in ("zh", "en"):
        begin, length = offsets[language]
        assert length > 1.2, f"{language} is too short to be the whole phrase"
        assert rms(samples, begin, length, rate) > 300, f"{language} part is silent"
    assert rms(samples, *offsets["pause"], rate) < 50


def test_missing_voice_is_reported_and_the_rest_is_said(tmp_path: Path) -> None:
    service = SpeechService(Voices(zh="no-such-voice"), player=NULL_PLAYER).start()
    try:
        utterances = call_utterances(Announcements(), "B007", 2)
        outcome = service.submit(utterances, chime=True, target=tmp_path / "a.wav").result(60)
    finally:
        service.stop()
    assert outcome.ok
    assert [label for label, _ in outcome.parts if label != "pause"] == ["chime", "en"]
    assert any("no voice 'no-such-voice' for zh" in p for p in outcome.problems)
    assert outcome.fault is Fault.NO_VOICE


def broken_engine() -> Any:
    """A machine whose speech engine cannot start (no espeak library)."""
    raise RuntimeError("could not initialize espeak")


def test_engine_that_cannot_start_fails_each_announcement_without_crashing() -> None:
    results: list[Outcome] = []
    service = SpeechService(engine_factory=broken_engine, on_result=results.append).start()
    try:
        service.say([Utterance("Number A 0 0 1", "en")], chime=True)
        outcome = service.submit([Utterance("Number A 0 0 2", "en")]).result(60)
    finally:
        service.stop()
    assert [r.text for r in results] == ["Number A 0 0 1", "Number A 0 0 2"]
    assert [r.fault for r in results] == [Fault.NO_SPEECH_ENGINE] * 2
    assert "could not initialize espeak" in results[0].problems[0]
    assert outcome == results[1] and not outcome.ok
    assert outcome.problems == ("not tried: no speech engine installed",)  # it waits a while


class _HangingEngine:
    """The real pyttsx3 engine, except that its run loop never returns for a text with HANG,
    as pyttsx3's ``runAndWait`` does in its known hangs."""

    def __init__(self) -> None:
        self._engine = default_engine()
        self._text = ""

    def getProperty(self, name: str) -> Any:
        return self._engine.getProperty(name)

    def setProperty(self, name: str, value: Any) -> None:
        self._engine.setProperty(name, value)

    def save_to_file(self, text: str, path: str) -> None:
        self._text = text
        self._engine.save_to_file(text, path)

    def runAndWait(self) -> None:
        if HANG in self._text:
            threading.Event().wait()
        self._engine.runAndWait()


def hanging_engine() -> Any:
    return _HangingEngine()


def test_hung_worker_is_restarted_and_the_next_call_still_plays(tmp_path: Path) -> None:
    service = SpeechService(
        engine_factory=hanging_engine, player=NULL_PLAYER, render_timeout_s=3
    ).start()
    try:
        hung = service.submit([Utterance(f"{HANG} forever", "en")])
        after = service.submit(
            call_utterances(Announcements(), "A013", 1), chime=True, target=tmp_path / "next.wav"
        )
        first, second = hung.result(60), after.result(60)
    finally:
        service.stop()
    assert not first.ok
    assert "speech worker restarted" in first.problems[0]
    assert first.fault is Fault.SPEECH_HUNG
    assert service.restarts == 1
    assert second.ok, second.problems
    assert second.problems == ()  # played through the real aplay, to ALSA's null device
    samples, rate = read_samples(tmp_path / "next.wav")
    assert len(samples) / rate > 3


def test_failed_playback_is_reported(tmp_path: Path) -> None:
    player = ("aplay", "-q", "-D", "no-such-device", "{wav}")
    service = SpeechService(player=player).start()
    try:
        outcome = service.submit([Utterance("Number A 0 0 1", "en")]).result(60)
    finally:
        service.stop()
    assert not outcome.ok
    assert outcome.problems[-1] == f"playback failed: {NO_SOUND_CARD}"  # what the real aplay says
    assert outcome.fault is Fault.NO_SOUND_OUTPUT


def say(service: SpeechService, number: int) -> Outcome:
    return service.submit([Utterance(f"Number A 0 0 {number}", "en")]).result(60)


def test_no_sound_output_is_logged_once_in_words_until_it_works_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    player = Player(tmp_path / "player")
    player.fail()
    service = SpeechService(player=player.command, retry_s=0).start()  # every call tries again
    with caplog.at_level(logging.INFO, logger="counterdesk.devices.speech"):
        try:
            failed = [say(service, number) for number in (1, 2, 3)]
            player.mend()
            mended = say(service, 4)
        finally:
            service.stop()
    assert [outcome.fault for outcome in failed] == [Fault.NO_SOUND_OUTPUT] * 3
    assert player.plays == 4
    assert mended.ok and mended.fault is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [f"speech: no sound output found (playback failed: {NO_SOUND_CARD})"]
    assert [r.getMessage() for r in caplog.records if "works again" in r.getMessage()] == [
        "speech works again"
    ]


def test_calls_wait_out_the_back_off_after_a_lasting_fault(tmp_path: Path) -> None:
    player = Player(tmp_path / "player")
    player.fail()
    service = SpeechService(player=player.command, retry_s=3600).start()
    try:
        first, second = say(service, 1), say(service, 2)
    finally:
        service.stop()
    assert first.fault is second.fault is Fault.NO_SOUND_OUTPUT
    assert second.problems == ("not tried: no sound output found",)
    assert player.plays == 1  # the second call was neither synthesised nor played


def test_numbers_are_read_digit_by_digit_in_the_offices_phrases() -> None:
    assert spoken_number("A012") == "A 0 1 2"
    zh, en = call_utterances(Announcements(), "A012", 3)
    assert (zh.language, zh.text) == ("zh", "請 A 0 1 2 號 到 3 號櫃檯")
    assert (en.language, en.text) == ("en", "Number A 0 1 2, please go to counter 3")


OFFICE = """\
office:
  name: {zh: 測試辦公室, en: Test office}
  hours: {sessions: [{open: "08:30", close: "12:00"}], last_ticket: "11:45"}
services:
  - {code: precheck, prefix: A, name: {zh: 預查, en: Pre-check},
     processing_time: {zh: 兩天, en: Two days}, steps: [{zh: 抽號碼牌, en: Take a number}],
     fee: {zh: 三百元, en: NT$300}}
counters:
  - {number: 1, name: {zh: 一號櫃檯, en: Counter 1}, services: [precheck]}
"""


def test_office_file_may_set_its_own_phrases() -> None:
    assert parse_office(OFFICE).announcements == Announcements()
    custom = OFFICE + (
        "announcements:\n  call: {zh: '{number} 號請至 {counter} 號窗口', "
        "en: 'Ticket {number} to window {counter}'}\n"
    )
    zh, en = call_utterances(parse_office(custom).announcements, "A1", 2)
    assert (zh.text, en.text) == ("A 1 號請至 2 號窗口", "Ticket A 1 to window 2")


def test_phrase_with_unknown_field_is_refused_with_its_line() -> None:
    bad = OFFICE + "announcements:\n  call: {zh: '請 {number} 號', en: 'Go to {desk}'}\n"
    with pytest.raises(OfficeFileError) as caught:
        parse_office(bad, "office.yaml")
    assert "office.yaml:11: announcements.call" in str(caught.value)
    assert "{number}" in str(caught.value)


def test_chime_is_audible_and_short() -> None:
    part = chime(22050)
    samples = array.array("h", part.frames)
    assert 0.8 < part.seconds < 1.6
    assert rms(samples, 0, 0.3, 22050) > 1000


def test_the_player_finds_the_sound_in_its_environment_as_windows_powershell_does(
    tmp_path: Path,
) -> None:
    """Windows' player reads the path from COUNTERDESK_WAV: nothing to quote in a user name."""
    copy = tmp_path / "played.wav"
    read_env = f"import os, shutil; shutil.copy(os.environ['COUNTERDESK_WAV'], {str(copy)!r})"
    service = SpeechService(player=(sys.executable, "-c", read_env)).start()
    try:
        outcome = say(service, 5)
    finally:
        service.stop()
    assert outcome.ok
    with wave.open(str(copy)) as played:
        assert played.getnframes() > 0
