"""A back office's CSV file of case moves, read as the hostile input it can be: every problem
named with its line and the whole file refused; UTF-8 with or without BOM and Big5 (cp950) as
Excel in Taiwan saves it; formulas kept as plain text; applied all or none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counterdesk.queue.case_import import (
    MAX_BYTES,
    MAX_ROWS,
    ImportRefused,
    parse_moves,
    read_limited,
)
from counterdesk.queue.cases import CaseMove, CaseRefused, Cases
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput

GOOD = "number,stage,note,due\nA1,審查中,,\nA2,correction,缺少股東名簿,2026-12-10\nA3,Approved,,\n"


def problems(data: bytes, **options: str) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        parse_moves(data, **options)
    return refused.value.problems


def test_a_file_gives_its_moves_with_their_lines_and_stage_codes() -> None:
    parsed = parse_moves(GOOD.encode())
    assert parsed.encoding == "utf-8"
    assert parsed.moves == [
        CaseMove("A1", "under_review", None, None, 2),
        CaseMove("A2", "correction", "缺少股東名簿", dt.date(2026, 12, 10), 3),
        CaseMove("A3", "approved", None, None, 4),
    ]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + GOOD.encode(), "utf-8"),  # Excel's "CSV UTF-8"
        (GOOD.encode("cp950"), "cp950"),  # Excel's "CSV" on a Taiwanese Windows
        (GOOD.replace("\n", "\r\n").encode("cp950"), "cp950"),
    ],
)
def test_utf8_with_a_bom_and_big5_are_read_alike(data: bytes, encoding: str) -> None:
    parsed = parse_moves(data)
    assert parsed.encoding == encoding
    assert [(m.number, m.stage, m.note) for m in parsed.moves] == [
        ("A1", "under_review", None),
        ("A2", "correction", "缺少股東名簿"),
        ("A3", "approved", None),
    ]


def test_a_forced_encoding_that_does_not_fit_names_the_line() -> None:
    assert problems(GOOD.encode("cp950"), encoding="utf-8") == ["line 2: not utf-8 text"]


def test_every_problem_is_named_with_its_line() -> None:
    data = (
        "number,stage,note,due\n"
        "A1,審查中\n"  # too few fields
        "A 2,done,,\n"  # a bad number and an unknown stage, both said
        "A3,correction,x,12/10/2026\n"
        "A4,approved,,\n"
        "a4,rejected,,\n"  # the same case again, typed in lower case
        "A5,closed,bad\x07bell,\n"
    ).encode()
    assert problems(data) == [
        "line 2: 2 fields where the header has 4",
        "line 3: the case number 'A 2' may only hold letters, digits and dashes",
        "line 3: 'done' is not a stage (e.g. under_review, 審查中)",
        "line 4: due '12/10/2026' is not a date (use YYYY-MM-DD)",
        "line 6: case A4 is already on line 5",
        "line 7: the note contains control characters; only text can be kept",
    ]


def test_a_quoted_note_over_two_lines_keeps_the_line_numbers_of_what_follows() -> None:
    data = b'number,stage,note,due\nA1,correction,"first\nsecond",2026-12-10\nA2,zz,,\n'
    assert problems(data) == ["line 4: 'zz' is not a stage (e.g. under_review, 審查中)"]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("number,stage,notes,due", "line 1: unknown columns 'notes'"),
        ("case,stage", "line 1: unknown columns 'case'; no column number"),
        ("number,stage,stage", "line 1: columns named twice: stage"),
        ("A1,審查中,,", "line 1: unknown columns 'a1', '審查中', ''; no column number, stage"),
    ],
)
def test_wrong_columns_are_refused_at_the_header(header: str, said: str) -> None:
    [problem] = problems(f"{header}\nA1,審查中,,\n".encode())
    assert problem.startswith(said)
    assert "the header is: number,stage,note,due" in problem


def test_the_note_and_due_columns_may_be_left_out_and_columns_reordered() -> None:
    parsed = parse_moves(b"Stage , NUMBER\nclosed,A1\n")
    assert parsed.moves == [CaseMove("A1", "closed", None, None, 2)]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "line 1: the file is empty"),
        (b"\n\n", "line 1: the file is empty"),
        (b"number,stage,note,due\n\n", "line 1: the file has a header and no moves"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file holds NUL bytes"),
        (b"number,stage\nA1,\x00closed\n", "the file holds NUL bytes"),
        (bytes(range(0x80, 0x100)) * 4, "the file is neither UTF-8 nor Big5 (cp950) text"),
        (b'number,stage\n"A1,closed\n', "line 2: not CSV"),
    ],
)
def test_empty_binary_and_broken_files_are_refused(data: bytes, said: str) -> None:
    [problem] = problems(data)
    assert problem.startswith(said)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as file:
        file.write(b"number,stage\n")
        file.seek(50 * MAX_BYTES)
        file.write(b"\n")
    with pytest.raises(ImportRefused, match="larger than 1,000,000 bytes"):
        read_limited(str(path))
    with pytest.raises(InvalidInput, match="cannot read"):
        read_limited(str(tmp_path / "missing.csv"))


def test_more_rows_than_the_limit_are_refused() -> None:
    rows = "".join(f"A{i},closed\n" for i in range(MAX_ROWS + 1))
    assert problems(f"number,stage\n{rows}".encode()) == [
        f"line {MAX_ROWS + 2}: more than 5,000 moves; split the file"
    ]


def test_a_refusal_lists_fifty_problems_and_counts_the_rest() -> None:
    rows = "".join(f"A{i},nowhere\n" for i in range(60))
    with pytest.raises(ImportRefused) as refused:
        parse_moves(f"number,stage\n{rows}".encode())
    assert len(refused.value.problems) == 60
    assert str(refused.value).endswith("… and 10 more problems")


def test_a_formula_in_a_note_is_stored_as_the_text_it_is(engine: TicketEngine) -> None:
    cases = Cases(engine)
    cases.register("A1", service="incorporation")
    formula = "=cmd|' /C calc'!A0"
    data = f'number,stage,note,due\nA1,correction,"{formula}",2026-12-10\n'.encode()
    [case] = cases.move_many(parse_moves(data).moves, by="import:wang")
    assert case.correction_note == formula
    assert cases.events("A1")[-1].note == formula
    assert cases.events("A1")[-1].by == "import:wang"


def test_a_file_is_applied_all_or_none(engine: TicketEngine) -> None:
    cases = Cases(engine)
    for number in ("A1", "A2"):
        cases.register(number, service="incorporation")
    data = b"number,stage\nA1,under_review\nA2,ready\n"  # received cannot go to ready
    with pytest.raises(CaseRefused, match="line 3: case A2 is received"):
        cases.move_many(parse_moves(data).moves, by="import:wang")
    assert cases.by_number("A1").stage == "received"


def test_the_list_filters_overdue_cases_with_stage_and_service(
    engine: TicketEngine, clock: ManualClock
) -> None:
    cases = Cases(engine)
    for number, service in (("A1", "incorporation"), ("A2", "amendment"), ("A3", "incorporation")):
        cases.register(number, service=service)
    cases.move("A3", "approved", by="wang")  # decided: never overdue
    clock.advance(days=20)  # past 2 and 7 working days
    assert [c.number for c in cases.listed(overdue=True)] == ["A2", "A1"]
    assert [c.number for c in cases.listed(overdue=True, service="incorporation")] == ["A1"]
    assert cases.listed(overdue=True, stages=["under_review"]) == []
