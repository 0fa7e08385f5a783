"""Start-at-login, so a PC comes up in its role after a power cut: a systemd user unit on
Linux, a ``.cmd`` in the Startup folder on Windows, a LaunchAgent on macOS. The contents are
pure functions of the command; only ``entry_path`` asks the OS where the file goes."""

from __future__ import annotations

import platform
import plistlib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from counterdesk.setup.answers import BadAnswer

LABEL = "counterdesk"


@dataclass(frozen=True)
class Entry:
    path: Path
    text: str
    how: str  # what the person does, or what was done, to turn it on


def systemd_unit(command: list[str], role: str) -> str:
    """A user service restarted on failure, started with the graphical session."""
    return (
        "[Unit]\n"
        f"Description=counterdesk {role}\n"
        "After=graphical-session.target network-online.target\n\n"
        "[Service]\n"
        f"ExecStart={' '.join(_systemd_word(part) for part in command)}\n"
        "Restart=on-failure\n"
        "RestartSec=5\n\n"
        "[Install]\n"
        "WantedBy=graphical-session.target default.target\n"
    )


def windows_cmd(command: list[str]) -> str:
    """A batch file for the Startup folder: starts the role without keeping a console open."""
    quoted = " ".join(_cmd_word(part) for part in command)
    return f'@echo off\r\nstart "counterdesk" {quoted}\r\n'


def _systemd_word(part: str) -> str:
    """One word of a systemd command line (systemd.service(5), "Command lines"): ``%`` and
    ``$`` doubled, as systemd expands them even inside quotes; a word with a space, quote,
    backslash or semicolon quoted the way systemd reads it (a quote opening the word)."""
    part = part.replace("%", "%%").replace("$", "$$")
    if part and not any(ch in part for ch in " \t'\"\\;"):
        return part
    if "'" not in part and "\\" not in part:
        return f"'{part}'"
    return '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cmd_word(part: str) -> str:
    """One word of a batch file's command: quoted when cmd would read any of it (a space,
    ``&``, ``(``, ``^``...), with ``%`` doubled, which a batch file expands even in quotes."""
    escaped = part.replace("%", "%%")
    return f'"{escaped}"' if any(ch in part for ch in " &|<>^(),;=%!") else escaped


def launch_agent(command: list[str], role: str) -> str:
    """A LaunchAgent run at login and kept alive."""
    return plistlib.dumps(
        {
            "Label": f"{LABEL}.{role}",
            "ProgramArguments": command,
            "RunAtLoad": True,
            "KeepAlive": {"SuccessfulExit": False},
        }
    ).decode("utf-8")


def entry_for(command: list[str], role: str, system: str | None = None) -> Entry:
    """Where and what the start-at-login entry of ``role`` is on this OS (or ``system``)."""
    system = system or platform.system()
    name = f"{LABEL}-{role}"
    if system == "Windows":
        # Roaming application data, i.e. %APPDATA%, holds the user's Startup folder.
        startup = Path(platformdirs.user_data_dir(roaming=True)) / (
            "Microsoft/Windows/Start Menu/Programs/Startup"
        )
        return Entry(startup / f"{name}.cmd", windows_cmd(command), "runs at the next sign-in")
    if system == "Darwin":
        agents = Path(platformdirs.user_data_dir()).parent / "LaunchAgents"
        return Entry(
            agents / f"{LABEL}.{role}.plist",
            launch_agent(command, role),
            f"runs at the next login (now: launchctl load {agents / f'{LABEL}.{role}.plist'})",
        )
    units = Path(platformdirs.user_config_dir()) / "systemd" / "user"
    return Entry(
        units / f"{name}.service",
        systemd_unit(command, role),
        f"turn it on with: systemctl --user enable --now {name}.service",
    )


def write_entry(entry: Entry) -> Entry:
    try:
        entry.path.parent.mkdir(parents=True, exist_ok=True)
        entry.path.write_text(entry.text, encoding="utf-8")
    except OSError as error:
        raise BadAnswer(
            f"start at login: {entry.path} cannot be written ({error.strerror})"
        ) from None
    return entry
