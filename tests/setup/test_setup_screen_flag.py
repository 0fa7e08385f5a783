"""``counterdesk setup --screen N`` by flags, as real processes: checked against the screens
where there is a display (offscreen Qt has one), taken and left to the window where there
is none (an install over SSH: no platform chosen, no X or Wayland display)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _setup(
    tmp_path: Path, sqlite_url: str, screen: str, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(name, None)
    flags = ["--config", str(tmp_path / "c.toml"), "setup", "--role", "board", "--yes"]
    return subprocess.run(
        [sys.executable, "-m", "counterdesk", *flags, "--database", sqlite_url, "--screen", screen],
        capture_output=True,
        text=True,
        env={**environment, **env},
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_an_unknown_screen_is_refused_naming_the_screens(tmp_path: Path, sqlite_url: str) -> None:
    refused = _setup(tmp_path, sqlite_url, "2", QT_QPA_PLATFORM="offscreen")
    assert refused.returncode != 0
    assert "--screen 2: no such screen (this PC has 1: " in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "c.toml").exists()  # refused before anything is written
    done = _setup(tmp_path, sqlite_url, "1", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert "screen" not in done.stdout.split("\n")[0]  # checked: nothing to say about it


def test_without_a_display_the_screen_is_taken_and_left_to_the_window(
    tmp_path: Path, sqlite_url: str
) -> None:
    done = _setup(tmp_path, sqlite_url, "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "screen 2: no display here to check it; the window checks it when it starts\n"
    )
    assert "qt.qpa" not in done.stderr  # Qt's display probe stays quiet
    autostart = (tmp_path / "xdg/autostart/counterdesk-board.desktop").read_text()
    assert "board --language zh_TW --screen 2\n" in autostart
