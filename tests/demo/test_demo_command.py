"""``counterdesk demo`` as a real process on the demo's own database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_simulate_works_after_an_earlier_demo_run(tmp_path: Path) -> None:
    """The first run signs the demo staff in; the simulator then owns the demo's database."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),  # where platformdirs puts demo.sqlite3
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "COUNTERDESK_CONFIG": str(tmp_path / "no-settings.toml"),
    }
    for name in ("COUNTERDESK_DB", "COUNTERDESK_OFFICE"):
        env.pop(name, None)

    def demo(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "demo", "--silent", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=240,
        )

    first = demo("--snapshot", str(tmp_path / "first.png"))
    assert first.returncode == 0, first.stderr
    assert "demo.sqlite3" in first.stdout and "any hour" in first.stdout
    again = demo("--simulate", "2", "--snapshot", str(tmp_path / "again.png"))
    assert again.returncode == 0, again.stderr
    assert "simulated 2 past days" in again.stdout
    assert (tmp_path / "again.png").stat().st_size > 0
