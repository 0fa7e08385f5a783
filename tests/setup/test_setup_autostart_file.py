"""The XDG autostart file a Linux window's start-at-login is: its Exec line read back by the
Desktop Entry specification's rules ("The Exec key": the string value's escapes undone
first, then the quoting, then ``%%``) gives the command exactly, for paths with spaces,
quotes, ``%``, ``$``, backticks, backslashes, line breaks and Chinese."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import pytest

from counterdesk.setup import autostart

# The string value's escapes (Desktop Entry specification, "Possible value types").
STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_arguments(value: str) -> list[str]:
    """The arguments a desktop reads from an Exec value; AssertionError where the spec is
    broken (an unknown escape, a reserved character unquoted, a field code)."""
    unescaped = re.sub(r"\\(.)", lambda found: STRING_ESCAPES[found.group(1)], value)
    arguments: list[str] = []
    word: list[str] | None = None
    quoted = escaped = False
    for char in unescaped:
        if escaped:
            assert char in '"`$\\', f"\\{char} inside quotes"
            word.append(char)
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif quoted:
            assert char not in "`$", f"{char!r} unescaped inside quotes in {value!r}"
            quoted = char != '"'
            if quoted:
                word.append(char)
        elif char == " ":
            if word is not None:
                arguments.append("".join(word))
            word = None
        elif char == '"':
            quoted, word = True, word or []
        else:
            assert char not in RESERVED, f"{char!r} unquoted in {value!r}"
            word = [*(word or []), char]
    assert not quoted and not escaped, f"unclosed quote in {value!r}"
    if word is not None:
        arguments.append("".join(word))
    for argument in arguments:
        assert "%" not in argument.replace("%%", ""), f"a field code in {argument!r}"
    return [argument.replace("%%", "%") for argument in arguments]


NASTY = [
    "/home/王小明/my venv/bin/python",
    "-m",
    "counterdesk",
    "--config",
    '/home/o\'brien/"quoted" $HOME `id` 100% %u \\back\\slash #1 (a)|b&c;d*e?~<f>.toml',
    "",
    "line\nbreak\tand tab",
    "C:\\Program Files\\counterdesk",
    "plain",
]


@pytest.mark.parametrize("part", NASTY)
def test_each_nasty_argument_reads_back_as_itself(part: str) -> None:
    line = autostart.xdg_autostart(["/usr/bin/python3", part], "kiosk").splitlines()
    exec_line = next(line for line in line if line.startswith("Exec="))
    assert exec_arguments(exec_line.removeprefix("Exec=")) == ["/usr/bin/python3", part]


def test_the_autostart_file_in_the_config_folder_reads_back_as_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "my config"))
    monkeypatch.setattr(autostart.platform, "system", lambda: "Linux")
    entry = autostart.write_entry(autostart.entry_for(NASTY, "board"))
    assert entry.path == tmp_path / "my config" / "autostart" / "counterdesk-board.desktop"
    desktop = configparser.ConfigParser(interpolation=None, strict=True)
    desktop.optionxform = str  # type: ignore[assignment, method-assign]
    desktop.read(entry.path, encoding="utf-8")
    keys = desktop["Desktop Entry"]
    assert (keys["Type"], keys["Name"]) == ("Application", "counterdesk board")
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert exec_arguments(keys["Exec"]) == autostart.kept_running(NASTY)
    assert entry.text.count("\n") == 6  # a line break in an argument stays inside Exec


def test_a_plain_command_is_written_plainly() -> None:
    text = autostart.xdg_autostart(["/opt/counterdesk/counterdesk", "--config", "/c.toml"], "kiosk")
    assert "Exec=/opt/counterdesk/counterdesk --config /c.toml\n" in text
