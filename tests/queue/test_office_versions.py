"""Versions of the office: saved through the office file's own rules, compared by key path,
rolled back as a new version; ``counterdesk office load|versions|diff|rollback`` on them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.engine import open_office
from counterdesk.queue.errors import InvalidInput, NotFound, OfficeFileError, QueueError
from counterdesk.queue.models import EventKind, TicketEventRow
from counterdesk.queue.office import SAMPLE_OFFICE, Office, validate_office
from counterdesk.queue.office_store import office_loaded_at, read_office
from counterdesk.queue.office_versions import changes, compare, office_at, rollback, versions
from tests.conftest import Run


def with_document(office: Office) -> Office:
    """The sample office with a fourth document on incorporation's checklist."""
    data = office.model_dump(mode="json")
    service = next(s for s in data["services"] if s["code"] == "incorporation")
    service["documents"].append({"zh": "委託書", "en": "Letter of authorisation"})
    return validate_office(data)


def test_the_first_load_is_version_one_and_the_same_office_again_adds_none(
    engine: TicketEngine, sample_office: Office
) -> None:
    [first] = versions(engine.db)
    assert (first.number, first.saved_by, first.summary) == (1, "office file", "office file loaded")
    assert engine.load_office(sample_office) is None
    assert len(versions(engine.db)) == 1


def test_a_start_with_the_unchanged_office_file_writes_nothing(
    sqlite_url: str, clock: ManualClock, tmp_path: Path
) -> None:
    """Each PC's start loads its office file: only a changed file is a version and an
    ``office_loaded`` event (which makes every terminal reload the office)."""

    def start(office_file: Path) -> tuple[list[int], int, dt.datetime | None]:
        engine = open_office(sqlite_url, office_file, clock)
        try:
            with engine.db.read() as session:
                loaded = session.scalar(
                    select(func.count()).where(TicketEventRow.kind == EventKind.OFFICE_LOADED)
                )
            return (
                [v.number for v in versions(engine.db)],
                int(loaded or 0),
                office_loaded_at(engine.db),
            )
        finally:
            engine.db.dispose()

    first = start(SAMPLE_OFFICE)
    assert first[:2] == ([1], 1)
    clock.advance(dt.timedelta(minutes=5))
    assert start(SAMPLE_OFFICE) == first  # the same file again: no version, event or time
    changed = tmp_path / "office.yaml"
    changed.write_text(
        SAMPLE_OFFICE.read_text(encoding="utf-8").replace("daily_cap: 200", "daily_cap: 77", 1),
        encoding="utf-8",
    )
    assert start(changed)[:2] == ([2, 1], 2)


def test_a_save_is_stored_with_who_and_why_and_compared_by_key_path(
    engine: TicketEngine, sample_office: Office
) -> None:
    changed = with_document(sample_office)
    number = engine.load_office(changed, by="lin", summary="  a letter of   authorisation ")
    assert number == 2
    newest = versions(engine.db)[0]
    assert (newest.number, newest.saved_by, newest.summary) == (
        2,
        "lin",
        "a letter of authorisation",
    )
    assert read_office(engine.db) == changed == office_at(engine.db, 2)
    places = len(sample_office.service("incorporation").documents)
    assert compare(engine.db, 1, 2) == [
        f"services[incorporation].documents[{places}] added: 委託書 / Letter of authorisation"
    ]


def test_diff_names_services_by_code_and_says_what_was_reordered_or_removed(
    sample_office: Office,
) -> None:
    data = sample_office.model_dump(mode="json")
    first, *rest = data["services"]
    data["services"] = [*rest, {**first, "daily_cap": 42}]
    data["services"][0]["fee"]["en"] = "Free"
    data["staff"].append({"code": "tsai", "name": {"zh": "蔡佩君", "en": "Tsai Pei-chun"}})
    gone = data["services"][0]["documents"].pop()
    lines = changes(sample_office, validate_office(data))
    fee = next(line for line in lines if line.startswith(f"services[{rest[0]['code']}].fee.en:"))
    assert fee.endswith("… → 'Free'")  # the old fee's long text in its first 80 characters
    assert f"services[{first['code']}].daily_cap: {first['daily_cap']} → 42" in lines
    assert any(line.startswith("services reordered: ") for line in lines)
    assert "staff[tsai] added: 蔡佩君 / Tsai Pei-chun" in lines
    place = len(data["services"][0]["documents"])
    removed = f"services[{rest[0]['code']}].documents[{place}] removed: {gone['zh']} / {gone['en']}"
    assert removed in lines


def test_rollback_makes_an_earlier_version_the_office_as_a_new_version(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.load_office(with_document(sample_office), by="lin", summary="letter")
    assert rollback(engine, 1, by="chen") == 3
    assert engine.office == sample_office == read_office(engine.db)
    assert [(v.number, v.summary) for v in versions(engine.db)][:2] == [
        (3, "rolled back to version 1"),
        (2, "letter"),
    ]
    assert compare(engine.db, 1, 3) == []
    with pytest.raises(NotFound, match="no office version 9"):
        rollback(engine, 9, by="chen")


def test_a_bad_value_is_refused_by_the_office_file_rules_naming_its_key_path(
    engine: TicketEngine, sample_office: Office
) -> None:
    data = sample_office.model_dump(mode="json")
    data["services"][1]["daily_cap"] = 0
    data["services"][1]["prefix"] = data["services"][0]["prefix"]
    with pytest.raises(OfficeFileError) as refused:
        validate_office(data)
    assert "services[1].daily_cap: Input should be greater than or equal to 1" in str(refused.value)
    assert [p.path for p in refused.value.problems] == [("services", 1, "daily_cap")]
    data["services"][1]["daily_cap"] = 5  # now the check across services speaks
    with pytest.raises(OfficeFileError, match=r"services\[1\]\.prefix: duplicate prefix letter"):
        validate_office(data)
    with pytest.raises(InvalidInput, match="say in a line what changed"):
        engine.load_office(with_document(sample_office), by="lin", summary="  ")
    assert len(versions(engine.db)) == 1
    assert read_office(engine.db) == sample_office


def test_the_commands_load_list_compare_and_roll_back(
    run: Run, tmp_path: Path, sample_office: Office
) -> None:
    changed = SAMPLE_OFFICE.read_text(encoding="utf-8").replace(
        "daily_cap: 200", "daily_cap: 77", 1
    )
    path = tmp_path / "office.yaml"
    path.write_text(changed, encoding="utf-8")
    # An empty database gets the sample office as version 1 on opening.
    assert "(no change from the newest version)" in run("office", "load", str(SAMPLE_OFFICE)).stdout
    assert "(version 2)" in run("office", "load", str(path), "--reason", "cap").stdout
    code = sample_office.services[0].code
    assert run("office", "diff", "1", "2").stdout.strip() == f"services[{code}].daily_cap: 200 → 77"
    assert "(version 3)" in run("office", "rollback", "1").stdout
    listed = run("office", "versions").stdout.splitlines()
    assert [line.split()[0] for line in listed] == ["3", "2", "1"]
    assert listed[1].endswith("(command line): cap")
    refused = run("office", "diff", "1", "9")
    assert refused.returncode != 0
    assert "no office version 9" in refused.stderr


def test_a_save_based_on_an_office_no_longer_the_newest_is_refused(
    engine: TicketEngine, sample_office: Office
) -> None:
    changed = with_document(sample_office)
    engine.load_office(changed, by="chen", summary="letter", based_on=sample_office)
    with pytest.raises(QueueError, match="saved meanwhile as version 2 by chen"):
        engine.load_office(sample_office, by="lin", summary="mine", based_on=sample_office)
    assert read_office(engine.db) == changed
    assert len(versions(engine.db)) == 2
