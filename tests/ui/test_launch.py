"""One launcher for every window role: snapshot or run, the role's log, the speaker stopped."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counterdesk.devices.speech_protocol import SilentSpeaker, Speaker
from counterdesk.queue import QueueError, TicketEngine
from counterdesk.settings import load_settings
from counterdesk.ui import launch as launcher


class FakeSpeech:
    """Stands in for the speech process: records being started and stopped."""

    started: ClassVar[list[FakeSpeech]] = []

    def __init__(self, voices: Any) -> None:
        self.running = False

    def start(self) -> FakeSpeech:
        self.running = True
        FakeSpeech.started.append(self)
        return self

    def stop(self) -> None:
        self.running = False


@pytest.fixture
def roles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The roles logging was set up for; the windows run without an event loop."""
    logged: list[str] = []
    FakeSpeech.started = []
    monkeypatch.setattr(launcher, "SpeechService", FakeSpeech)
    monkeypatch.setattr(launcher, "setup_logging", logged.append)
    monkeypatch.setattr(launcher, "run_window", lambda create, **_options: 0 if create() else 1)
    return logged


def _args(url: str, snapshot: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(
        db=url,
        office=None,
        config=None,
        snapshot=snapshot,
        size=None,
        language="en",
        screen=None,
    )


def _fail(*_parts: Any) -> QWidget:
    raise AssertionError("the other factory was used")


def test_running_logs_as_the_role_at_its_counter_and_stops_the_speaker(
    qtbot: QtBot, sqlite_url: str, roles: list[str]
) -> None:
    spoken_to: list[Speaker] = []

    def running(engine: TicketEngine, speaker: Speaker) -> QWidget:
        spoken_to.append(speaker)
        return QLabel(engine.office.office.name.en)

    code = launcher.launch(
        _args(sqlite_url),
        "feedback",
        running,
        _fail,
        default_size="800x480",
        counter=2,
        speaks=True,
    )
    assert code == 0 and roles == ["feedback-2"]
    assert spoken_to == FakeSpeech.started and not FakeSpeech.started[0].running


def test_snapshot_uses_its_own_window_silently_and_logs_nothing(
    qtbot: QtBot, sqlite_url: str, roles: list[str], tmp_path: Path
) -> None:
    code = launcher.launch(
        _args(sqlite_url, str(tmp_path / "x.png")),
        "board",
        _fail,
        lambda engine: QLabel("snapshot"),
        default_size="800x480",
        speaks=True,
    )
    assert code == 0 and roles == [] and FakeSpeech.started == []


def test_an_unknown_counter_is_refused_before_anything_runs(
    sqlite_url: str, roles: list[str]
) -> None:
    with pytest.raises(QueueError, match="unknown counter 9"):
        launcher.launch(_args(sqlite_url), "counter", _fail, _fail, default_size="1x1", counter=9)
    assert roles == []


def test_the_speaker_stops_even_when_the_window_fails(roles: list[str]) -> None:
    settings = load_settings(None, None, None)
    with pytest.raises(RuntimeError), launcher.speaker_for(settings, speaks=True):
        raise RuntimeError("window crashed")
    assert [s.running for s in FakeSpeech.started] == [False]
    with launcher.speaker_for(settings, speaks=False) as silent:
        assert isinstance(silent, SilentSpeaker)
