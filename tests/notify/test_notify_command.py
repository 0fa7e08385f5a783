"""``counterdesk notify`` as a real process: one pass through the file channel, the dead
letters listed masked and resent, and bad settings named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from counterdesk.notify.opt_out_notes import SMS_NOTE
from counterdesk.queue import Database, outbox
from tests.conftest import Run

NOW = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
LINK_SECRET = "a-test-key-for-the-opt-out-links-0123456789"


def outbox_of(tmp_path: Path) -> Database:
    return Database(f"sqlite:///{tmp_path / 'cli.sqlite3'}")


def settings(tmp_path: Path, notify: str) -> str:
    path = tmp_path / "settings.toml"
    path.write_text(notify, encoding="utf-8")
    return str(path)


def test_one_pass_sends_through_the_file_channel(run: Run, tmp_path: Path) -> None:
    db = outbox_of(tmp_path)
    with db.write() as session:
        outbox.enqueue(session, key="k1", recipient="0912345678", body="A001 → 3", now=NOW)
        outbox.enqueue(
            session, key="k2", recipient="a@example.com", body="A002", subject="S", now=NOW
        )
    db.dispose()
    config = settings(
        tmp_path,
        f'[notify]\nquiet_hours = ""\nlink_secret = "{LINK_SECRET}"\n'
        f'[notify.sms]\nvia = "file:{tmp_path / "sms.jsonl"}"\n'
        f'[notify.email]\nvia = "file:{tmp_path / "mail.jsonl"}"\n',
    )
    done = run("--config", config, "notify", "--once", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"sent": 2}
    [sms] = [json.loads(line) for line in (tmp_path / "sms.jsonl").read_text().splitlines()]
    assert (sms["key"], sms["to"], sms["text"]) == ("k1", "0912345678", f"A001 → 3\n{SMS_NOTE}")
    again = run("--config", config, "notify", "--once")
    assert again.stdout.strip() == "notify: nothing to send"


def test_dead_letters_are_listed_masked_and_resent(run: Run, tmp_path: Path) -> None:
    db = outbox_of(tmp_path)
    with db.write() as session:
        outbox.enqueue(session, key="k1", recipient="0912345678", body="A001", now=NOW)
        message = outbox.claim_next(session, "sms", NOW, 60)
        assert message is not None
        outbox.mark_failed(session, message.id, NOW, "refused by 0912345678", retry_at=None)
    db.dispose()
    listed = run("notify", "dead")
    assert listed.returncode == 0
    assert "0912***678" in listed.stdout and "0912345678" not in listed.stdout
    assert "dead" in listed.stdout
    resent = run("notify", "resend", str(message.id), "--json")
    assert json.loads(resent.stdout)["status"] == "pending"
    assert run("notify", "dead").stdout.strip() == "no dead or uncertain messages"
    again = run("notify", "resend", str(message.id))
    assert again.returncode == 1
    assert "only dead or uncertain messages are resent" in again.stderr
    unknown = run("notify", "resend", "999")
    assert (unknown.returncode, unknown.stderr.strip()) == (
        1,
        "counterdesk: no message 999 in the outbox",
    )
    assert "not a message number" in run("notify", "resend", "x1").stderr


@pytest.mark.parametrize(
    ("notify", "said"),
    [
        ('[notify]\nquiet = "22:00"\n', "settings [notify]: unknown key quiet"),
        ('[notify]\nquiet_hours = "late"\n', "quiet_hours 'late': use \"HH:MM-HH:MM\""),
        ('[notify.sms]\nurl = "ftp://x"\n', "url must start with https://"),
        ('[notify.sms]\nurl = "https://sms.example/send"\n', "must hold {to}"),
        ('[notify.email]\nhost = "smtp.example"\n', "settings [notify.email]: sender is missing"),
        ('[notify.email]\nvia = "http"\n', "via 'http': use smtp or file:PATH"),
        ("notify = 3\n", "notify must be a table"),
        ('[notify.email]\nvia = "file:mail.jsonl"\n', "link_secret is missing: every e-mail"),
        ('[notify]\nlink_secret = "short"\n', "link_secret must be a random text of at least"),
    ],
)
def test_bad_notify_settings_are_named(run: Run, tmp_path: Path, notify: str, said: str) -> None:
    done = run("--config", settings(tmp_path, notify), "notify", "--once")
    assert done.returncode == 2
    assert said in done.stderr and "Traceback" not in done.stderr


def test_staff_opt_a_contact_out_and_its_messages_are_not_sent(run: Run, tmp_path: Path) -> None:
    db = outbox_of(tmp_path)
    with db.write() as session:
        outbox.enqueue(session, key="k1", recipient="0912345678", body="A001", now=NOW)
    db.dispose()
    done = run("notify", "opt-out", "+886 912 345 678")
    assert done.stdout.strip() == "0912***678 will get no more messages"
    config = settings(
        tmp_path, f'[notify]\nquiet_hours = ""\n[notify.sms]\nvia = "file:{tmp_path / "s"}"\n'
    )
    assert run("--config", config, "notify", "--once").stdout.strip() == "notify: nothing to send"
    assert not (tmp_path / "s").exists()
    bad = run("notify", "opt-out", "02-2345-6789")
    assert bad.returncode == 2 and "not a Taiwan mobile number" in bad.stderr
