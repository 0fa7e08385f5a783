"""The settings file a set-up writes: the keys ``counterdesk.settings`` reads, and the role's
command in a comment for whoever opens it. An existing file is never lost: it is kept beside
as a numbered backup, and the caller is told."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from counterdesk.setup.answers import PRINTING, SPEAKING, Answers, BadAnswer

OWNER_ONLY = 0o600


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None  # the file that was there before, kept under this name


def settings_text(answers: Answers, settings_file: Path) -> str:
    """The TOML of ``answers`` (strings quoted as JSON, which TOML's basic strings accept)."""
    lines = [
        f"# counterdesk settings for a {answers.role} PC, written by `counterdesk setup`.",
        # As JSON: a path holding a line break cannot end the comment and add a key.
        "# Started at login as: " + json.dumps(answers.command(settings_file), ensure_ascii=False),
        f"db = {json.dumps(answers.database)}",
    ]
    if answers.role in PRINTING:
        lines.append(f"printer = {json.dumps(answers.printer)}")
    if answers.role in SPEAKING:
        lines += [
            f"voice_zh = {json.dumps(answers.voice_zh)}",
            f"voice_en = {json.dumps(answers.voice_en)}",
            f"voice_rate = {answers.voice_rate}",
        ]
    return "\n".join(lines) + "\n"


def backup_name(path: Path) -> Path:
    """The first free ``NAME.N.bak`` beside ``path``."""
    number = 1
    while (candidate := path.with_name(f"{path.name}.{number}.bak")).exists():
        number += 1
    return candidate


def write_settings(path: Path, text: str) -> Written:
    """Write ``text`` to ``path``, moving a file already there to a backup first. The file
    may hold the database's password: it and its backup are readable by their owner only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        backup = None
        if path.exists() or path.is_symlink():
            backup = backup_name(path)
            path.replace(backup)
            if not backup.is_symlink():
                os.chmod(backup, OWNER_ONLY)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
        with os.fdopen(descriptor, "w", encoding="utf-8") as settings:
            settings.write(text)
    except OSError as error:
        raise BadAnswer(
            f"settings file: {path} cannot be written ({error.strerror}): is a file in the way "
            "of its folder, or the folder not yours?"
        ) from None
    return Written(path, backup)
