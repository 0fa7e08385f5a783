"""``counterdesk kiosk --snapshot``, ``printer test|status``, ``ticket render``, ``--hash-pin``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from counterdesk import cli
from counterdesk.kiosk import commands
from counterdesk.queue import open_office
from counterdesk.queue.pins import pin_matches
from tests.devices.test_printer import GS, split_raster

Run = Callable[..., tuple[int, str, str]]  # the fixture: counterdesk ARGS..., capsys=


@pytest.fixture
def run(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """``counterdesk --db URL ARGS...`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("COUNTERDESK_CONFIG", str(tmp_path / "absent.toml"))
    for name in ("COUNTERDESK_DB", "COUNTERDESK_OFFICE", "COUNTERDESK_PRINTER"):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        code = cli.main(["--db", sqlite_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _tickets(sqlite_url: str) -> int:
    engine = open_office(sqlite_url)
    return sum(s.issued_today for s in engine.read.status().services)


@pytest.mark.parametrize(
    ("page", "size", "expected"),
    [
        ("home", None, (1080, 1920)),
        ("service:incorporation", "landscape", (1920, 1080)),
        ("ticket", "portrait", (1080, 1920)),
        ("priority", "1280x800", (1280, 800)),
        ("check-in", "landscape", (1920, 1080)),
    ],
)
def test_snapshot_of_each_page(
    qapp: QApplication,
    run: Run,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    sqlite_url: str,
    page: str,
    size: str | None,
    expected: tuple[int, int],
) -> None:
    target = tmp_path / "kiosk.png"
    args = ["kiosk", "--snapshot", str(target), "--page", page] + (["--size", size] if size else [])
    code, out, _ = run(*args, capsys=capsys)
    assert code == 0
    assert "snapshot written" in out
    with Image.open(target) as image:
        assert image.size == expected
        assert sum(1 for count in image.convert("L").histogram() if count) > 8  # not blank
    assert _tickets(sqlite_url) == 0  # a snapshot never issues a ticket


def test_snapshot_of_an_unknown_page(
    qapp: QApplication, run: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        "kiosk", "--snapshot", str(tmp_path / "x.png"), "--page", "service:tax", capsys=capsys
    )
    assert code == 2
    assert "no service 'tax'" in err and "precheck" in err


def test_printer_test_prints_a_raster_sample(
    run: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "lp0"
    code, out, _ = run("printer", "test", "--printer", f"file:{target}?paper=58", capsys=capsys)
    assert code == 0
    assert f"sample ticket sent to file:{target}?paper=58 (384 × " in out
    blocks, commands_sent = split_raster(target.read_bytes())
    assert blocks and all(width == 48 for width, _ in blocks)
    assert GS + b"V" in commands_sent


def test_printer_test_without_a_printer(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run("printer", "test", capsys=capsys)
    assert code == 2
    assert "no printer is configured" in err


def test_printer_test_says_what_is_wrong_then_the_raw_error(
    run: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    gone = f"file:{tmp_path / 'gone' / 'lp0'}"
    code, _, err = run("printer", "test", "--printer", gone, capsys=capsys)
    assert code == 2
    assert ": no printer found (DeviceNotFoundError: " in err


def test_printer_status_warns_after_a_failure(
    run: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_url: str
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(f'printer = "file:{tmp_path / "gone" / "lp0"}"\n', encoding="utf-8")
    engine = open_office(sqlite_url)
    ticket = engine.issue("precheck")
    engine.set_print_state(ticket.id, "failed", "Could not open the printer")
    code, out, _ = run("--config", str(config), "printer", "status", "--json", capsys=capsys)
    assert code == 0
    report = json.loads(out)
    assert report["warning"] is True
    assert report["tickets"] == {"failed": 1}
    assert report["printer"].startswith("file:")


def test_ticket_render(
    run: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_url: str
) -> None:
    target = tmp_path / "ticket.png"
    code, out, _ = run(
        "ticket", "render", "B001", "--to", str(target), "--paper", "58", capsys=capsys
    )
    assert code == 0 and "B001 sample" in out
    with Image.open(target) as image:
        assert image.width == 384 and image.mode == "1"
    engine = open_office(sqlite_url)
    engine.issue("incorporation")
    engine.issue("incorporation")
    code, out, _ = run("ticket", "render", "b002", "--to", str(target), capsys=capsys)
    assert code == 0 and "B002 ticket" in out
    with Image.open(target) as image:
        assert image.width == 576
    code, _, err = run("ticket", "render", "Z001", "--to", str(target), capsys=capsys)
    assert code == 2 and "no service has the prefix" in err


def test_hash_pin(
    run: Run, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["13579", "13579", "13579", "97531"])
    monkeypatch.setattr(commands.getpass, "getpass", lambda _prompt: next(answers))
    code, out, _ = run("kiosk", "--hash-pin", capsys=capsys)
    assert code == 0
    line = out.strip().splitlines()[-1]
    assert line.startswith('kiosk_pin_hash = "scrypt$')
    assert pin_matches("13579", line.split('"')[1])
    code, _, err = run("kiosk", "--hash-pin", capsys=capsys)
    assert code == 2 and "differ" in err
