from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.ui import translation
from counterdesk.ui.app import application


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """The settings file a set-up writes."""
    return tmp_path / "counterdesk.toml"


@pytest.fixture
def start_at_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config folder (``$XDG_CONFIG_HOME``), in the test's folder: a window's
    autostart file goes in its ``autostart``, a service's unit in its ``systemd/user``."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


@pytest.fixture
def chinese() -> Iterator[None]:
    """The wizard in Chinese, as a Chinese-first office runs it; English again afterwards."""
    application()
    translation.install("zh_TW")
    yield
    translation.install("en")
