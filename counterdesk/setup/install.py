"""The last step of a set-up, the same for the flags and the wizard: write the settings file
(keeping a file already there) and the start-at-login entry, and say what was done."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counterdesk.setup.answers import Answers
from counterdesk.setup.autostart import Entry, entry_for, write_entry
from counterdesk.setup.settings_file import Written, settings_text, write_settings


@dataclass(frozen=True)
class Installed:
    settings: Written
    entry: Entry | None

    @property
    def lines(self) -> list[str]:
        said = []
        if self.settings.backup:
            said.append(f"the settings file that was there is kept as {self.settings.backup}")
        said.append(f"settings written to {self.settings.path}")
        if self.entry:
            said.append(f"start at login: {self.entry.path} ({self.entry.how})")
        return said


def install(answers: Answers, target: Path, *, start_at_login: bool) -> Installed:
    """Write ``answers`` (already checked) to ``target`` and, if asked, the login entry."""
    written = write_settings(target, settings_text(answers, target))
    entry = (
        write_entry(entry_for(answers.command(target), answers.role)) if start_at_login else None
    )
    return Installed(written, entry)
