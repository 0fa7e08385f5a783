from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def start_at_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config folder, where the systemd unit goes, in the test's folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "systemd" / "user"
