"""The command line, run as a real process against a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from counterdesk.queue import load_office, open_office
from counterdesk.queue.office import SAMPLE_OFFICE, WEEKDAYS, ClosedDate, Office
from tests.conftest import Run, schema_head

pytestmark = pytest.mark.slow  # every test runs main.py as a real process

ROOT = Path(__file__).resolve().parents[2]


def _with_office(tmp_path: Path, office: Office) -> None:
    """Load ``office`` into the database the ``run`` fixture's commands use."""
    engine = open_office(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    engine.load_office(office)
    engine.db.dispose()


@pytest.fixture(autouse=True)
def _open_at_any_hour(tmp_path: Path, run: Run) -> None:
    """The commands run on the real clock, so the tests need an office issuing at any hour
    (on the database ``run`` made)."""
    _with_office(tmp_path, load_office(SAMPLE_OFFICE).always_open())


def test_office_check_good_and_bad(run: Run, tmp_path: Path) -> None:
    good = run("office", "check", str(SAMPLE_OFFICE))
    assert good.returncode == 0
    assert "12 services, 4 counters" in good.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE_OFFICE.read_text(encoding="utf-8").replace("prefix: B", "prefix: A"))
    result = run("office", "check", str(bad))
    assert result.returncode == 2
    assert "duplicate prefix letter 'A'" in result.stderr
    assert f"{bad}:" in result.stderr
    assert "Traceback" not in result.stderr


def test_issue_call_start_finish_with_json(run: Run) -> None:
    issued = run("--json", "issue", "precheck")
    assert issued.returncode == 0, issued.stderr
    ticket = json.loads(issued.stdout)
    assert ticket["number"] == "A001"
    assert ticket["service"] == "precheck"
    assert ticket["people_ahead"] == 0
    # Nobody signed in in an office open now: every counter calls from now, so it is due.
    assert ticket["estimated_wait_minutes"] == 0
    assert ticket["estimated_wait_low"] == ticket["estimated_wait_high"] == 0
    assert len(ticket["token"]) >= 16
    called = json.loads(run("call", "--counter", "1", "--staff", "wang", "--json").stdout)
    assert called["number"] == "A001"
    assert called["counter"] == 1
    assert called["staff"] == "wang"
    assert run("start", "--counter", "1").returncode == 0
    finished = run("finish", "--counter", "1", "--json")
    assert json.loads(finished.stdout)["status"] == "done"
    empty = run("call", "--counter", "1", "--json")
    assert empty.returncode == 0
    assert empty.stdout.strip() == "null"
    assert "nobody is waiting" in run("call", "--counter", "1").stdout


def _closed_today(tmp_path: Path) -> None:
    """The sample office open on another weekday than today's only."""
    sample = load_office(SAMPLE_OFFICE)
    today = WEEKDAYS[dt.datetime.now(sample.zone).weekday()]
    another_day = next(day for day in WEEKDAYS if day != today)
    hours = sample.office.hours.model_copy(update={"days": [another_day]})
    _with_office(
        tmp_path,
        sample.model_copy(update={"office": sample.office.model_copy(update={"hours": hours})}),
    )


def test_issue_outside_hours_is_refused_in_the_kiosks_words_unless_overridden(
    run: Run, tmp_path: Path
) -> None:
    _closed_today(tmp_path)

    refused = run("issue", "precheck")
    assert refused.returncode == 1
    assert "目前不受理取號：今日不開放 / No numbers are being issued now: We are closed today" in (
        refused.stderr
    )
    assert "--outside-hours" in refused.stderr
    assert "A001" not in run("status").stdout

    issued = run("--json", "issue", "precheck", "--outside-hours", "phone booking for a visitor")
    assert issued.returncode == 0, issued.stderr
    assert json.loads(issued.stdout)["number"] == "A001"
    events = json.loads(run("--json", "events").stdout)
    assert events[-1]["kind"] == "issued"
    assert events[-1]["outcome"] == "outside hours (closed today): phone booking for a visitor"
    escaped = run("issue", "precheck", "--outside-hours", "\x1b[2Jcleared")
    assert escaped.returncode == 2 and "the note contains control characters" in escaped.stderr


def test_an_unknown_service_is_said_before_the_closed_office(run: Run, tmp_path: Path) -> None:
    """No override would issue it, so the hour is not the error to give."""
    _closed_today(tmp_path)
    for override in ((), ("--outside-hours", "phone booking")):
        result = run("issue", "nosuch", *override)
        assert result.returncode == 1
        assert result.stderr.startswith("counterdesk: unknown service 'nosuch' (known: precheck,")
        assert "目前不受理取號" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_transfer_recall_no_show_and_status(run: Run) -> None:
    run("issue", "precheck")
    run("call", "--counter", "1", "--staff", "wang")
    recalled = json.loads(run("recall", "--counter", "1", "--json").stdout)
    assert recalled["call_count"] == 2
    moved = json.loads(run("transfer", "--counter", "1", "--to", "enquiry", "--json").stdout)
    assert (moved["number"], moved["service"], moved["status"]) == ("A001", "enquiry", "waiting")
    run("call", "--counter", "1")
    no_show = json.loads(run("no-show", "--counter", "1", "--json").stdout)
    assert no_show["status"] == "no_show"
    back = json.loads(run("return", "a001", "--json").stdout)
    assert back["status"] == "waiting"
    status = json.loads(run("status", "--json").stdout)
    enquiry = next(s for s in status["services"] if s["code"] == "enquiry")
    assert enquiry["waiting"] == 1
    assert status["counters"][0]["staff"] == "wang"
    text = run("status").stdout
    assert "L enquiry" in text and "wang" in text
    assert "waiting  wait min  counters" in text
    # Counter 1 (signed in) serves enquiry; nobody signed in serves incorporation.
    assert re.search(r"L enquiry +1 +\d+(–\d+)? +1 ", text), text
    assert re.search(r"B incorporation +0 +- +0 ", text), text
    closed = json.loads(run("close-day", "--json").stdout)
    assert closed["removed_at_close"] == 0  # today's ticket stays until close-day --today


def test_issue_prints_the_projected_wait_as_the_kiosk_words_it(run: Run) -> None:
    run("call", "--counter", "1", "--staff", "wang")  # signs in: counter 1 alone calls
    run("issue", "precheck")
    text = run("issue", "precheck").stdout
    assert re.search(
        r"people ahead: 1, estimated wait: (about \d+(–\d+)?|within \d+) min "
        r"\(expected [\d.]+ min\)",
        text,
    ), text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("issue", "nosuch"), "unknown service 'nosuch'"),
        (("call", "--counter", "9", "--staff", "wang"), "unknown counter 9"),
        (("finish", "--counter", "1"), "counter 1 has no ticket to finish"),
        (("call", "--counter", "2"), "nobody is signed in at counter 2"),
        (("call", "--counter", "2", "--staff", "nobody"), "unknown staff member 'nobody'"),
        (("cancel", "Z999"), "no ticket 'Z999' today"),
    ],
)
def test_wrong_input_prints_one_clear_line(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_database_url_is_one_line(run: Run) -> None:
    result = run("--db", "not a url", "status")
    assert result.returncode == 2
    assert "not a database address" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_upgrade(run: Run) -> None:
    upgraded = json.loads(run("db", "upgrade", "--json").stdout)
    assert upgraded["schema"] == schema_head()


def test_demo_office_renders_its_windows(run: Run, tmp_path: Path) -> None:
    picture = tmp_path / "demo.png"
    demo = run("demo", "--silent", "--snapshot", str(picture))
    assert demo.returncode == 0, demo.stderr
    assert picture.stat().st_size > 50_000  # a real 1920x1080 picture, not an empty one


def test_opinion_follow_up_from_the_command_line(run: Run, tmp_path: Path) -> None:
    added = run("opinion", "add", "等候區太冷 Too cold", "--contact", "0912-000-111", "--json")
    assert added.returncode == 0, added.stderr
    reference = json.loads(added.stdout)["reference"]
    assert reference.startswith("OP-")
    listed = run("opinion", "list")
    assert reference in listed.stdout and "等候區太冷" in listed.stdout
    assert run("opinion", "assign", reference, "--to", "chen").returncode == 0
    assert run("opinion", "answer", reference, "Heating on", "--by", "chen").returncode == 0
    closed = json.loads(run("opinion", "close", reference, "--json").stdout)
    assert (closed["status"], closed["answered_by"]) == ("closed", "chen")
    shown = run("opinion", "show", reference)
    steps = [line.split()[2:] for line in shown.stdout.splitlines()[-4:]]
    assert steps == [["received"], ["assigned", "chen"], ["answered", "chen"], ["closed"]]
    assert run("opinion", "list").stdout.strip() == "no open opinions"
    assert json.loads(run("close-day", "--json").stdout)["contacts_deleted"] == 0
    at_once = tmp_path / "office.yaml"  # an office that keeps contact details 0 days
    at_once.write_text(
        SAMPLE_OFFICE.read_text(encoding="utf-8").replace(
            "contact_retention_days: 30", "contact_retention_days: 0"
        ),
        encoding="utf-8",
    )
    closed_day = json.loads(run("--office", str(at_once), "close-day", "--json").stdout)
    assert closed_day["contacts_deleted"] == 1
    assert json.loads(run("opinion", "show", reference, "--json").stdout)["contact"] is None


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("opinion", "add", "  "), 2, "the opinion is empty"),
        (("opinion", "add", "x", "--service", "nope"), 1, "unknown service 'nope'"),
        (("opinion", "assign", "OP-1", "--to", "chen"), 1, "no opinion 'OP-1'"),
    ],
)
def test_bad_opinion_commands_say_what_is_wrong(
    run: Run, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run(*args)
    assert (result.returncode, "Traceback" in result.stderr) == (code, False)
    assert message in result.stderr


def test_simulate_says_how_well_the_promised_waits_held(run: Run) -> None:
    """Days through the engine carry each ticket's promise; the fast path has none to say.
    The sample office's hours: a day of the demo's always-open office ends at 24:00, which
    the engine's close_day refuses as today's (a simulator issue of its own)."""
    office = str(SAMPLE_OFFICE)
    simulated = run("simulate", "--date", "2026-03-02", "--office", office)
    assert simulated.returncode == 0, simulated.stderr
    line = simulated.stdout.splitlines()[-1]
    found = re.fullmatch(
        r"estimates: (\d+) promised waits measured: mean error \d+\.\d min, "
        r"bias [+-]\d+\.\d min \(actual − promised\), \d+% called within the range promised",
        line,
    )
    assert found is not None, line
    assert int(found.group(1)) > 10
    cases = simulated.stdout.splitlines()[-2]  # the day's applications, followed as cases
    assert re.fullmatch(r"cases: \d+ received, \d+ decided, .*, \d+ overdue", cases), cases
    fast = run("--json", "simulate", "--date", "2026-03-03", "--fast", "--office", office)
    estimates = json.loads(fast.stdout)["estimates"]
    assert (estimates["promised"], estimates["mae"]) == (0, None)  # the bulk path promises none
    said = run("simulate", "--date", "2026-03-04", "--fast", "--office", office).stdout
    assert "estimates: no promised wait to measure (--fast issues" in said


def test_simulate_says_which_closed_dates_it_skipped(run: Run, tmp_path: Path) -> None:
    office = tmp_path / "office.yaml"
    office.write_text(
        SAMPLE_OFFICE.read_text(encoding="utf-8").replace(
            "  closed_dates:\n", "  closed_dates:\n    - {date: 2026-03-03}\n"
        ),
        encoding="utf-8",
    )
    said = run("simulate", "--date", "2026-03-02", "--days", "2", "--fast", "--office", str(office))
    assert said.returncode == 0, said.stderr
    assert "skipped 1 closed date(s) of the office file: 2026-03-03\n" in said.stdout


def test_issue_on_a_closed_date_is_refused_naming_it(run: Run, tmp_path: Path) -> None:
    sample = load_office(SAMPLE_OFFICE)
    today = dt.datetime.now(sample.zone).date()
    closed = [ClosedDate(date=today, zh="臨時休息", en="Closed for repairs")]
    info = sample.office.model_copy(update={"closed_dates": closed})
    _with_office(tmp_path, sample.model_copy(update={"office": info}))
    refused = run("issue", "precheck")
    assert refused.returncode == 1
    assert "今日不開放（臨時休息） / No numbers are being issued now: We are closed today " in (
        refused.stderr
    )
    assert "(Closed for repairs)" in refused.stderr
