"""``counterdesk cases``: register, move, show, list and import, as a real process on a real
SQLite file, in text and JSON; every refusal one line with its exit code, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counterdesk.queue import load_office, open_office
from counterdesk.queue.office import SAMPLE_OFFICE
from tests.commands.test_bookings_cli import as_json, ok, refused
from tests.conftest import Run

pytestmark = pytest.mark.slow  # every test runs main.py as a real process

# A correction's date: after today and within a year, in the office's time zone (the office
# below is open every day).
DUE = (dt.datetime.now(ZoneInfo("Asia/Taipei")).date() + dt.timedelta(days=30)).isoformat()


@pytest.fixture(autouse=True)
def _office(tmp_path: Path, run: Run) -> None:
    engine = open_office(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    engine.load_office(load_office(SAMPLE_OFFICE).always_open())  # on the real clock
    engine.db.dispose()


def test_a_case_is_registered_moved_shown_and_listed(run: Run) -> None:
    text = ok(
        run, "cases", "register", "a115-7", "--service", "incorporation", "--staff", "wang",
        "--contact", "0912345678", "--notices", "pickup",
    )  # fmt: skip
    assert "case A115-7: incorporation 公司設立登記 / Company incorporation" in text
    assert "contact left: yes, told at: ready" in text
    assert "0912345678" not in text
    moved = as_json(run, "cases", "move", "A115-7", "審查中", "--staff", "wang")
    assert moved["stage"] == "under_review"
    ok(
        run, "cases", "move", "A115-7", "correction", "--note", "缺少股東名簿",
        "--due", DUE, "--staff", "wang",
    )  # fmt: skip
    shown = ok(run, "cases", "show", "A115-7")
    assert "stage: 待補正 Correction needed" in shown
    assert f"missing: 缺少股東名簿 (by {DUE})" in shown
    assert "under_review  → correction    by wang  缺少股東名簿" in shown
    assert [c["number"] for c in as_json(run, "cases", "list", "--stage", "correction")] == [
        "A115-7"
    ]
    assert as_json(run, "cases", "list", "--stage", "received") == []
    assert ok(run, "cases", "list", "--overdue") == "no cases\n"
    [listed] = as_json(run, "cases", "list", "--service", "incorporation")
    assert "contact" not in listed and listed["has_contact"] is True


def test_a_file_of_moves_is_imported_all_or_none(run: Run, tmp_path: Path) -> None:
    for number in ("A1", "A2"):
        ok(run, "cases", "register", number, "--service", "amendment", "--staff", "wang")
    good = tmp_path / "moves.csv"
    good.write_bytes("number,stage,note,due\nA1,審查中,,\nA2,approved,,\n".encode("cp950"))
    told = as_json(run, "cases", "import", str(good), "--staff", "wang")
    assert told == {"moved": ["A1", "A2"], "encoding": "cp950"}
    bad = tmp_path / "bad.csv"
    bad.write_text("number,stage\nA1,approved\nA2,received\nA9,\n", encoding="utf-8")
    said = refused(run, 2, "cases", "import", str(bad), "--staff", "wang")
    assert said == (
        "counterdesk: the file was not imported:\n"
        "line 4: '' is not a stage (e.g. under_review, 審查中)"
    )
    bad.write_text("number,stage\nA1,approved\nA2,received\n", encoding="utf-8")
    said = refused(run, 1, "cases", "import", str(bad), "--staff", "wang")
    assert said.startswith("counterdesk: line 3: case A2 is approved: it cannot be moved")
    assert as_json(run, "cases", "show", "A1")["stage"] == "under_review"  # none applied
    [*_, last] = as_json(run, "cases", "show", "A1")["events"]
    assert last["by"] == "import:wang"


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (("show", "Z1"), 1, "no case Z1"),
        (("move", "Z1", "closed", "--staff", "wang"), 1, "no case Z1"),
        (("move", "Z1", "finished", "--staff", "wang"), 2, "'finished' is not a case stage"),
        (("move", "Z1", "closed", "--staff", "nobody"), 1, "nobody"),
        (("register", "Z1", "--service", "certificate", "--staff", "wang"), 1, "registers no"),
        (("register", "Z1", "--ticket", "A999", "--staff", "wang"), 1, "no ticket 'A999' today"),
        (
            ("register", "Z1", "--ticket", "A9", "--day", "2026-01-05", "--staff", "wang"),
            1,
            "no ticket 'A9' on 2026-01-05",
        ),
        (("register", "Z1", "--day", "2026-01-05", "--staff", "wang"), 2, "give the ticket too"),
        (
            (
                "register",
                "Z1",
                "--service",
                "amendment",
                "--business-number",
                "12345678",
                "--staff",
                "wang",
            ),
            2,
            "fails its check digit",
        ),
        (("import", "/nonexistent.csv", "--staff", "wang"), 2, "cannot read /nonexistent.csv"),
    ],
)
def test_refusals_are_one_line(run: Run, args: tuple[str, ...], code: int, said: str) -> None:
    assert said in refused(run, code, "cases", *args)
