"""Where the database and the office file come from: command-line flag, environment, or file.

Precedence, highest first: ``--db`` / ``--office`` flags, ``COUNTERDESK_DB`` /
``COUNTERDESK_OFFICE``, the settings file (``--config``, ``COUNTERDESK_CONFIG`` or
``counterdesk.toml`` in the platform config folder), and finally a local SQLite file in the
platform data folder with the bundled sample office.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.handed_files import parse_toml, read_text
from counterdesk.queue.opt_out_links import SECRET_CHARACTERS

APP = "counterdesk"
KEYS = {
    "db",
    "office",
    "voice_zh",
    "voice_en",
    "voice_rate",
    "printer",
    "kiosk_pin_hash",
    "trusted_proxy",
    "notify",  # a table: the notifier's channels and policy (counterdesk/notify/config.py)
}
# The staff screens' languages (``--language``), the default first; citizen-facing text is
# always in both side by side.
STAFF_LANGUAGES = ("zh_TW", "en")

# espeak-ng's ``cmn`` voice reads Han characters as English; ``cmn-latn-pinyin`` reads them right.
VOICE_ZH, VOICE_EN, VOICE_RATE = "cmn-latn-pinyin", "en-us", 150
SETTINGS_BYTES = 64_000  # a settings file is a few lines: nothing larger is read


@dataclass(frozen=True)
class Settings:
    db: str
    office: str | None
    source: str
    voice_zh: str = VOICE_ZH
    voice_en: str = VOICE_EN
    voice_rate: int = VOICE_RATE  # words per minute: slower than espeak's 175 for a big hall
    printer: str = "none"  # the kiosk's ticket printer, e.g. usb:0x0416:0x5011 (devices.printer)
    kiosk_pin_hash: str | None = None  # to leave the kiosk: `counterdesk kiosk --hash-pin`
    trusted_proxy: str | None = None  # the reverse proxy in front of `counterdesk web`
    # ``[notify]`` as written, checked by the notifier that uses it: it holds secrets (SMTP
    # and gateway logins), so it lives here, never in the office file, and is never logged.
    notify: dict[str, Any] = field(default_factory=dict, repr=False)

    @staticmethod
    def default_db() -> str:
        folder = Path(platformdirs.user_data_dir(APP, appauthor=False))
        return f"sqlite:///{folder / 'counterdesk.sqlite3'}"


def link_secret(notify: Mapping[str, object]) -> bytes | None:
    """``[notify] link_secret``: the key that signs the opt-out link of every e-mail, so the
    status server can tell a link the office made from an edited one. The notifier that makes
    the links and the status server that checks them must have the same one (one PC: one
    settings file). It is kept here, with the other secrets of sending, and not in the
    database: every terminal's login reads the database, and a leaked kiosk login must not be
    enough to opt anyone out. None when not set; a CounterdeskError when too short."""
    value = notify.get("link_secret")
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) < SECRET_CHARACTERS:
        raise CounterdeskError(
            f"settings [notify]: link_secret must be a random text of at least "
            f"{SECRET_CHARACTERS} characters, e.g. from: "
            'python -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    return value.strip().encode("utf-8")


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
    return Settings(
        db=chosen_db or Settings.default_db(),
        office=chosen_office,
        source=source,
        voice_zh=from_file.get("voice_zh", VOICE_ZH),
        voice_en=from_file.get("voice_en", VOICE_EN),
        voice_rate=int(from_file.get("voice_rate", VOICE_RATE)),
        printer=os.environ.get("COUNTERDESK_PRINTER") or from_file.get("printer", "none"),
        kiosk_pin_hash=from_file.get("kiosk_pin_hash"),
        trusted_proxy=from_file.get("trusted_proxy"),
        notify=from_file.get("notify", {}),
    )


def proxy_address(text: str) -> str:
    """A reverse proxy's IP address as its connections show it (``::1``, never ``0::1``), so
    that comparing it with a connection's address is exact; ValueError says what is wrong."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        raise ValueError(
            f"{text!r} is not an IP address: give the reverse proxy's, e.g. 127.0.0.1"
        ) from None
    # An IPv4 proxy of a server listening on "::" shows as ::ffff:a.b.c.d, which Python 3.11's
    # ipaddress would write ::ffff:c000:20a.
    mapped = getattr(address, "ipv4_mapped", None)
    return f"::ffff:{mapped}" if mapped else address.compressed


def _read_config(path: Path, *, required: bool) -> dict[str, Any]:
    if not path.exists():
        if required:
            raise CounterdeskError(f"{path}: settings file not found")
        return {}
    data = parse_toml(
        read_text(path, "settings file", CounterdeskError, limit=SETTINGS_BYTES),
        str(path),
        CounterdeskError,
    )
    unknown = set(data) - KEYS
    if unknown:
        raise CounterdeskError(
            f"{path}: unknown setting {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(KEYS))})"
        )
    for key, value in data.items():
        if key == "voice_rate":
            if not isinstance(value, int) or not 60 <= value <= 400:
                raise CounterdeskError(f"{path}: voice_rate must be words per minute, 60 to 400")
        elif key == "notify":
            if not isinstance(value, dict):
                raise CounterdeskError(f"{path}: notify must be a table ([notify])")
        elif not isinstance(value, str):
            raise CounterdeskError(f"{path}: setting {key} must be a string")
        elif key == "trusted_proxy":
            try:
                data[key] = proxy_address(value)
            except ValueError as exc:
                raise CounterdeskError(f"{path}: trusted_proxy: {exc}") from None
    return data
