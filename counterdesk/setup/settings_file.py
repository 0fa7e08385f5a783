"""The settings file a set-up writes: the keys ``counterdesk.settings`` reads, and the role's
command in a comment for whoever opens it. An existing file is never lost: it is kept beside
as a numbered backup, and the caller is told."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counterdesk.setup.answers import PRINTING, SPEAKING, Answers, bad_answer
from counterdesk.staff_texts import QT_TRANSLATE_NOOP

OWNER_ONLY = 0o600
BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None  # the file that was there before, kept under this name


def settings_text(answers: Answers, settings_file: Path) -> str:
    """The TOML of ``answers``: its keys, then the notifier's ``[notify]`` tables."""
    lines = [
        f"# counterdesk settings for a {answers.role} PC, written by `counterdesk setup`.",
        # As JSON: a path holding a line break cannot end the comment and add a key.
        "# Started at login as: " + json.dumps(answers.command(settings_file), ensure_ascii=False),
        f"db = {toml_value(answers.database)}",
    ]
    if answers.role in PRINTING:
        lines.append(f"printer = {toml_value(answers.printer)}")
    if answers.role in SPEAKING:
        lines += [
            f"voice_zh = {toml_value(answers.voice_zh)}",
            f"voice_en = {toml_value(answers.voice_en)}",
            f"voice_rate = {answers.voice_rate}",
        ]
    if answers.trusted_proxy:
        lines.append(f"trusted_proxy = {toml_value(answers.trusted_proxy)}")
    if answers.notify:
        lines += toml_table("notify", answers.notify)
    return "\n".join(lines) + "\n"


def toml_value(value: str | int | bool) -> str:
    """One TOML value: a string as a JSON string, which TOML's basic strings read alike (with
    characters beyond U+FFFF written as they are: TOML refuses JSON's surrogate pairs, and
    DEL escaped, which TOML refuses bare); a number or true/false as it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_table(name: str, table: Mapping[str, Any]) -> list[str]:
    """``[name]`` with its plain keys, then its tables as ``[name.key]``, and so on."""
    plain = [
        f"{toml_key(key)} = {toml_value(value)}"
        for key, value in table.items()
        if not isinstance(value, Mapping)
    ]
    lines = ["", f"[{name}]", *plain] if plain else []
    for key, value in table.items():
        if isinstance(value, Mapping):
            lines += toml_table(f"{name}.{toml_key(key)}", value)
    return lines


def toml_key(key: str) -> str:
    """A key bare where TOML allows (letters, digits, ``_``, ``-``), else quoted."""
    return key if BARE_KEY.match(key) else toml_value(key)


def backup_name(path: Path) -> Path:
    """The first free ``NAME.N.bak`` beside ``path``."""
    number = 1
    while (candidate := path.with_name(f"{path.name}.{number}.bak")).exists():
        number += 1
    return candidate


def keep_as_backup(path: Path, backup: Path) -> None:
    """``path`` under the name ``backup`` too, with ``path`` left where it is until the new
    file replaces it: a hard link (a symbolic link stays one), else a copy where the disk
    has no hard links (FAT) or Python cannot link a symbolic link itself (Windows)."""
    try:
        os.link(path, backup, follow_symlinks=False)
    except (OSError, NotImplementedError):
        shutil.copy2(path, backup, follow_symlinks=False)


def check_settings_path(path: Path) -> Path:
    """``path`` unless it is a folder: a folder is not replaced by a settings file (moving it
    aside would take the office's database in it along), BadAnswer says to name the file."""
    if path.is_dir():
        folder = QT_TRANSLATE_NOOP(
            "SetupCheck", "settings file: %1 is a folder; give the file's name in it, e.g. %2"
        )
        raise bad_answer(folder, path, path / "counterdesk.toml")
    return path


def write_settings(path: Path, text: str) -> Written:
    """Write ``text`` to ``path``, keeping a file already there as a backup. The new text is
    written whole to a file beside first (flushed to the disk), then the old file is also
    given its backup name, and only then is the new one put in its place, in one step: a text
    that cannot be written, or a power cut at any point, leaves the old settings in place.
    The file may hold the database's password: it and its backup are readable by their owner
    only."""
    check_settings_path(path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        not_text = QT_TRANSLATE_NOOP(
            "SetupCheck", "settings file: an answer holds a character that is not text; %1 is kept"
        )
        raise bad_answer(not_text, path) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        written = Path(name)
        try:
            with os.fdopen(descriptor, "wb") as settings:  # mkstemp: owner only
                settings.write(data)
                settings.flush()
                os.fsync(settings.fileno())
            backup = None
            if path.exists() or path.is_symlink():
                backup = backup_name(path)
                keep_as_backup(path, backup)
                if not backup.is_symlink():
                    os.chmod(backup, OWNER_ONLY)
            os.replace(written, path)
        finally:
            written.unlink(missing_ok=True)
    except OSError as error:
        not_written = QT_TRANSLATE_NOOP(
            "SetupCheck",
            "settings file: %1 cannot be written (%2): is a file in the way of its folder, "
            "or the folder not yours?",
        )
        raise bad_answer(not_written, path, error.strerror) from None
    return Written(path, backup)
