"""A controllable stand-in for the sound player (``aplay``), not for our speech code: the real
speech worker runs it as a process, a test breaks it with the words a PC without a sound card
makes ``aplay`` say, and mends it."""

from __future__ import annotations

import sys
from pathlib import Path

NO_SOUND_CARD = "aplay: main:831: audio open error: No such file or directory"
SCRIPT = """\
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
with open(folder / "plays", "a") as plays:
    plays.write(sys.argv[2] + "\\n")
broken = folder / "broken"
if broken.exists():
    sys.stderr.write(broken.read_text())
    sys.exit(1)
"""


class Player:
    """``command`` is the player setting; each play is counted, and fails while broken."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        script = folder / "player.py"
        script.write_text(SCRIPT)
        self.command = (sys.executable, str(script), str(folder), "{wav}")

    def fail(self, stderr: str = NO_SOUND_CARD) -> None:
        (self.folder / "broken").write_text(f"{stderr}\n")

    def mend(self) -> None:
        (self.folder / "broken").unlink()

    @property
    def plays(self) -> int:
        path = self.folder / "plays"
        return len(path.read_text().splitlines()) if path.exists() else 0
