"""Where the database and the office file come from: command-line flag, environment, or file.

Precedence, highest first: ``--db`` / ``--office`` flags, ``COUNTERDESK_DB`` /
``COUNTERDESK_OFFICE``, the settings file (``--config``, ``COUNTERDESK_CONFIG`` or
``counterdesk.toml`` in the platform config folder), and finally a local SQLite file in the
platform data folder with the bundled sample office.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from counterdesk.queue.errors import CounterdeskError

APP = "counterdesk"
KEYS = {"db", "office"}


@dataclass(frozen=True)
class Settings:
    db: str
    office: str | None
    source: str

    @staticmethod
    def default_db() -> str:
        folder = Path(platformdirs.user_data_dir(APP, appauthor=False))
        return f"sqlite:///{folder / 'counterdesk.sqlite3'}"


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "counterdesk.toml"


def load_settings(
    db: str | None = None, office: str | None = None, config: str | None = None
) -> Settings:
    config_path = Path(config or os.environ.get("COUNTERDESK_CONFIG") or default_config_file())
    from_file = _read_config(config_path, required=bool(config))
    chosen_db = db or os.environ.get("COUNTERDESK_DB") or from_file.get("db")
    chosen_office = office or os.environ.get("COUNTERDESK_OFFICE") or from_file.get("office")
    source = (
        "flag"
        if db
        else "COUNTERDESK_DB"
        if os.environ.get("COUNTERDESK_DB")
        else (str(config_path) if from_file.get("db") else "default")
    )
    return Settings(db=chosen_db or Settings.default_db(), office=chosen_office, source=source)


def _read_config(path: Path, *, required: bool) -> dict[str, str]:
    if not path.exists():
        if required:
            raise CounterdeskError(f"{path}: settings file not found")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CounterdeskError(f"{path}: cannot read the settings file: {exc}") from None
    unknown = set(data) - KEYS
    if unknown:
        raise CounterdeskError(
            f"{path}: unknown setting {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(KEYS))})"
        )
    for key, value in data.items():
        if not isinstance(value, str):
            raise CounterdeskError(f"{path}: setting {key} must be a string")
    return data
