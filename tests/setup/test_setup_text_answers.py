"""Answers that are text: an e-mail sender with or without a name, a screen by number or name,
and a settings file that is written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counterdesk.notify.channels import SmtpChannel
from counterdesk.notify.config import mail_address, notify_config
from counterdesk.setup.answers import Answers, BadAnswer
from counterdesk.setup.settings_file import write_settings


@pytest.mark.parametrize(
    ("text", "named", "one"),
    [
        ("counter@example.gov.tw", False, True),
        ("counter@example.gov.tw", True, True),
        ("櫃檯 <counter@example.gov.tw>", True, True),
        ("櫃檯 <counter@example.gov.tw>", False, False),  # a recipient is an address alone
        ('"Counter, Taipei" <counter@example.gov.tw>', True, True),
        ("a@example.tw, b@example.tw", True, False),
        ("a@example.tw\tb", True, False),
        ("the queue", True, False),
    ],
)
def test_an_address_is_one_e_mail_address(text: str, named: bool, one: bool) -> None:
    assert mail_address(text, named=named) is one


def test_the_notifier_keeps_a_sender_with_its_name() -> None:
    table = {"email": {"host": "smtp.example.tw", "sender": "櫃檯 <counter@example.gov.tw>"}}
    _policy, routes = notify_config(table)
    channel = routes["email"].channel
    assert isinstance(channel, SmtpChannel) and channel.sender == "櫃檯 <counter@example.gov.tw>"


@pytest.mark.parametrize("screen", ["1", "2", "DP-1", "\\\\.\\DISPLAY2"])
def test_a_screen_by_number_from_1_or_by_name_is_taken(screen: str) -> None:
    answers = Answers(role="kiosk", database="sqlite:///office.sqlite3", screen=screen).checked()
    assert answers.screen == screen


def test_an_answer_that_is_not_text_is_refused_by_its_name() -> None:
    with pytest.raises(BadAnswer, match=r"^voice_zh: holds a character that is not text"):
        Answers(role="kiosk", database="sqlite:///o.sqlite3", voice_zh="zh\udcff").checked()


def test_a_settings_text_that_cannot_be_written_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "counterdesk.toml"
    path.write_text('db = "sqlite:///old.sqlite3"\n', encoding="utf-8")
    with pytest.raises(BadAnswer, match="not text"):
        write_settings(path, 'db = "sqlite:///\udcff.sqlite3"\n')
    assert path.read_text(encoding="utf-8") == 'db = "sqlite:///old.sqlite3"\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counterdesk.toml"]  # no backup, no temp


def test_a_new_settings_file_replaces_the_old_one_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "counterdesk.toml"
    path.write_text("old\n", encoding="utf-8")
    written = write_settings(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n" and path.stat().st_mode & 0o777 == 0o600
    assert written.backup is not None and written.backup.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "counterdesk.toml",
        "counterdesk.toml.1.bak",
    ]


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_stop_before_the_new_file_is_in_place_leaves_the_old_one_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    """A power cut after the backup is made and before the new file replaces the old: the
    old settings are still where every role reads them (stopped here by a failing rename),
    on a disk with hard links or without (FAT: the backup is a copy)."""
    path = tmp_path / "counterdesk.toml"
    path.write_text("old\n", encoding="utf-8")

    rename = os.replace

    def cut(source: str | Path, target: str | Path) -> None:
        """The power cut: the new text, written beside, never reaches ``path``."""
        if Path(source).name.startswith(f".{path.name}."):
            raise OSError(5, "Input/output error")
        rename(source, target)

    def no_hard_links(*_names: object, **_how: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "replace", cut)
    if not hard_links:
        monkeypatch.setattr(os, "link", no_hard_links)
    with pytest.raises(BadAnswer, match="cannot be written"):
        write_settings(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert (tmp_path / "counterdesk.toml.1.bak").read_text(encoding="utf-8") == "old\n"
