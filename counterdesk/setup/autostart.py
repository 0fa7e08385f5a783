"""Start-at-login, so a PC comes up in its role after a power cut: on Linux an XDG autostart
file for a window and a systemd user unit for a role without one, a ``.cmd`` in the Startup
folder on Windows, a LaunchAgent on macOS. The unit and the agent restart a role that fails;
the autostart file and the ``.cmd`` run it under ``counterdesk keep-running``, which does.
The contents are pure functions of the command; only ``entry_for`` asks the OS where the file
goes, and ``enable`` turns the entry on through the OS's own commands.

On a Linux desktop PC a window (kiosk, board, rating screen, console) needs the desktop
session's display, so the desktop starts it: ``~/.config/autostart/counterdesk-ROLE.desktop``
(``$XDG_CONFIG_HOME`` honoured), which every XDG desktop (GNOME, KDE, XFCE, LXDE, MATE,
Cinnamon...) runs at login, whereas ``graphical-session.target`` is reached only under the
desktops that run their session by systemd. What brings the window back after a power cut is
the desktop's automatic login. The roles without a window (web, notifier) need no login: a
systemd user unit started by ``default.target``, at boot once ``loginctl enable-linger``."""

from __future__ import annotations

import os
import platform
import plistlib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from counterdesk.setup.answers import WINDOWS, bad_answer
from counterdesk.setup.said import Said
from counterdesk.staff_texts import QT_TRANSLATE_NOOP

LABEL = "counterdesk"


Runner = Callable[..., "subprocess.CompletedProcess[str]"]


@dataclass(frozen=True)
class Entry:
    path: Path
    text: str
    system: str  # platform.system()'s name of the OS it is for
    role: str


def systemd_unit(command: list[str], role: str) -> str:
    """A user service for a role without a window, started by the user's service manager and
    restarted on failure."""
    return (
        "[Unit]\n"
        f"Description=counterdesk {role}\n"
        "After=network-online.target\n\n"
        "[Service]\n"
        f"ExecStart={' '.join(_systemd_word(part) for part in command)}\n"
        "Restart=on-failure\n"
        "RestartSec=5\n\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def xdg_autostart(command: list[str], role: str) -> str:
    """A desktop entry the desktop runs at each login (the XDG Autostart specification)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name=counterdesk {role}\n"
        f"Exec={' '.join(_exec_word(part) for part in command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


# The Desktop Entry specification's reserved characters of an Exec argument: one holding any
# is quoted, and inside the quotes these four are escaped with a backslash.
EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
EXEC_ESCAPED = frozenset('"`$\\')
# The escapes of every string value, applied after the quoting: the file is read back by
# undoing them first.
STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _exec_word(part: str) -> str:
    """One argument of a desktop entry's Exec (Desktop Entry specification, "The Exec key"):
    ``%`` doubled, as it opens a field code; an argument with a reserved character in double
    quotes, with the double quote, backtick, dollar and backslash escaped; then the string
    value's escapes, which double every backslash again and write a line break as ``\\n``."""
    word = part.replace("%", "%%")
    if not word or any(ch in EXEC_RESERVED for ch in word):
        word = '"' + "".join(f"\\{ch}" if ch in EXEC_ESCAPED else ch for ch in word) + '"'
    return "".join(STRING_ESCAPES.get(ch, ch) for ch in word)


def windows_cmd(command: list[str]) -> str:
    """A batch file for the Startup folder: starts the role and ends, closing its console.

    cmd.exe decodes each line of a batch file when it reaches it, in the console's code page,
    which starts as the OEM code page (950 on a Taiwanese Windows, 437 on an English one),
    not as UTF-8. The file is written as UTF-8 without a byte-order mark (which cmd would read
    as part of the first command), and its second line switches the console to UTF-8
    (``chcp 65001``) before the line with the paths: a user folder like ``C:\\Users\\王小明``
    then reaches the program as written, also on a PC whose OEM code page has no Chinese,
    and with characters Big5 lacks. Writing the file in the OEM code page instead would
    depend on each PC's language setting and still lose those characters."""
    quoted = " ".join(_cmd_word(part) for part in command)
    return f'@echo off\r\nchcp 65001 >nul\r\nstart "counterdesk" {quoted}\r\n'


def _systemd_word(part: str) -> str:
    """One word of a systemd command line (systemd.service(5), "Command lines"): ``%`` and
    ``$`` doubled, as systemd expands them even inside quotes; a word with a space, quote,
    backslash or semicolon quoted the way systemd reads it (a quote opening the word). A
    control character (a line break would end ExecStart= and begin a line of its own) is
    written as the C escape ``\\xNN`` inside double quotes, which systemd reads back."""
    part = part.replace("%", "%%").replace("$", "$$")
    control = any(ch < " " or ch == "\x7f" for ch in part)
    if part and not control and not any(ch in part for ch in " \t'\"\\;"):
        return part
    if not control and "'" not in part and "\\" not in part:
        return f"'{part}'"
    escaped = part.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(_c_escape(ch) for ch in escaped) + '"'


def _c_escape(ch: str) -> str:
    """A control character as ``\\xNN``; any other character as it is."""
    return f"\\x{ord(ch):02x}" if ch < " " or ch == "\x7f" else ch


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
        return Entry(startup / f"{name}.cmd", windows_cmd(kept_running(command)), system, role)
    if system == "Darwin":
        agents = Path(platformdirs.user_data_dir()).parent / "LaunchAgents"
        return Entry(agents / f"{LABEL}.{role}.plist", launch_agent(command, role), system, role)
    config = Path(platformdirs.user_config_dir())  # $XDG_CONFIG_HOME, else ~/.config
    if role in WINDOWS:
        desktop = xdg_autostart(kept_running(command), role)
        return Entry(config / "autostart" / f"{name}.desktop", desktop, system, role)
    units = config / "systemd" / "user"
    return Entry(units / f"{name}.service", systemd_unit(command, role), system, role)


def kept_running(command: list[str]) -> list[str]:
    """``command`` under ``counterdesk keep-running`` (``setup/keep_running.py``), run by the
    same program (``python -m counterdesk`` or the bundle's own), which starts it again when
    it fails: the XDG autostart file and the Windows Startup file restart nothing themselves."""
    program = command[:3] if command[1:3] == ["-m", "counterdesk"] else command[:1]
    return [*program, "keep-running", "--", *command]


def write_entry(entry: Entry) -> Entry:
    try:
        entry.path.parent.mkdir(parents=True, exist_ok=True)
        # As it is: on Windows, newline="" keeps the batch file's \r\n from becoming \r\r\n.
        entry.path.write_text(entry.text, encoding="utf-8", newline="")
    except OSError as error:
        not_written = QT_TRANSLATE_NOOP("SetupCheck", "start at login: %1 cannot be written (%2)")
        raise bad_answer(not_written, entry.path, error.strerror) from None
    return entry


def enabling_commands(entry: Entry) -> list[list[str]]:
    """The OS commands that turn ``entry`` on: none for a Windows Startup file or an XDG
    autostart file, which are on by being there."""
    if entry.system == "Windows" or entry.path.suffix == ".desktop":
        return []
    if entry.system == "Darwin":
        return [["launchctl", "bootstrap", f"gui/{os.getuid()}", str(entry.path)]]
    return [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", entry.path.name],
    ]


def enable(entry: Entry, run: Runner = subprocess.run) -> list[Said]:
    """Turn ``entry`` on with the OS's commands, run by ``run`` (``subprocess.run``'s way);
    what was done, what failed and the command to type instead, for the person."""
    said = []
    for command in enabling_commands(entry):
        typed = " ".join(command)
        try:
            done = run(command, capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            problem = getattr(error, "strerror", None) or str(error)
        else:
            if done.returncode == 0:
                said.append(Said(QT_TRANSLATE_NOOP("SetupCheck", "done: %1"), (typed,)))
                continue
            problem = (done.stderr or done.stdout).strip() or f"exit code {done.returncode}"
        not_done = QT_TRANSLATE_NOOP(
            "SetupCheck",
            "not done: %1 (%2): run it yourself in a terminal of this user's desktop session",
        )
        said.append(Said(not_done, (typed, problem)))
        break
    if entry.system == "Windows":
        said.append(
            Said(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "on: Windows runs the Startup folder's files at each sign-in"
                )
            )
        )
    if entry.path.suffix == ".desktop":
        said.append(
            Said(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "on: the desktop runs the autostart folder's files at each login"
                )
            )
        )
    return [*said, after_power_cut(entry)]


def after_power_cut(entry: Entry) -> Said:
    """What else brings the PC back in its role after a power cut, with no one at it."""
    if entry.system == "Linux" and entry.role not in WINDOWS:
        linger = QT_TRANSLATE_NOOP(
            "SetupCheck", "after a power cut, with no one logged in: run  %1"
        )
        return Said(linger, (f"sudo loginctl enable-linger {os.environ.get('USER', 'USER')}",))
    if entry.system == "Linux":
        return Said(
            QT_TRANSLATE_NOOP(
                "SetupCheck",
                "after a power cut the window starts only with automatic login: turn it on "
                "for %1 (GNOME: Settings > Users; KDE: Login Screen; XFCE, LXDE, MATE: "
                "autologin-user=%1 in /etc/lightdm/lightdm.conf)",
            ),
            (os.environ.get("USER", "USER"),),
        )
    return Said(
        QT_TRANSLATE_NOOP("SetupCheck", "after a power cut: turn on automatic login for this user")
    )
