"""The last step of a set-up, the same for the flags and the wizard: write the settings file
(keeping a file already there) and the start-at-login entry, turn the entry on, and say what
was done."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from counterdesk.setup.answers import Answers
from counterdesk.setup.autostart import Entry, Runner, enable, entry_for, write_entry
from counterdesk.setup.said import Said
from counterdesk.setup.settings_file import Written, settings_text, write_settings
from counterdesk.staff_texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Installed:
    settings: Written
    entry: Entry | None
    enabled: tuple[Said, ...] = ()  # what turning the entry on did, line by line

    @property
    def said(self) -> list[Said]:
        """What was done, line by line, for the wizard to show in its language."""
        said = []
        if self.settings.backup:
            kept = QT_TRANSLATE_NOOP("SetupCheck", "the settings file that was there is kept as %1")
            said.append(Said(kept, (str(self.settings.backup),)))
        written = QT_TRANSLATE_NOOP("SetupCheck", "settings written to %1")
        said.append(Said(written, (str(self.settings.path),)))
        if self.entry:
            entry = QT_TRANSLATE_NOOP("SetupCheck", "start at login: %1")
            said.append(Said(entry, (str(self.entry.path),)))
        return said + list(self.enabled)

    @property
    def lines(self) -> list[str]:
        return [str(words) for words in self.said]


def install(
    answers: Answers, target: Path, *, start_at_login: bool, run: Runner = subprocess.run
) -> Installed:
    """Write ``answers`` (already checked) to ``target`` and, if asked, the login entry,
    turned on with the OS's commands run by ``run``."""
    written = write_settings(target, settings_text(answers, target))
    if not start_at_login:
        return Installed(written, None)
    entry = write_entry(entry_for(answers.command(target), answers.role))
    return Installed(written, entry, tuple(enable(entry, run)))
