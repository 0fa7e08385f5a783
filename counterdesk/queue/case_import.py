"""A back office's bulk moves of cases, read from a CSV file that people make in a spreadsheet.

The file is read as hostile: it comes from outside, often saved by Excel. Columns ``number``,
``stage``, ``note`` and ``due`` (a header line naming them is required; ``note`` and ``due``
may be left out), one move a line. A stage is its code (``under_review``), its English name or
its Chinese name as citizens read it (``審查中``, ``case_phrases.STAGES``). ``due`` is
``YYYY-MM-DD``. The encoding is UTF-8, with or without a byte-order mark, or cp950 (Big5, as
Excel in Taiwan saves "CSV"): a file that is valid UTF-8 is read as UTF-8, otherwise as cp950
if it is valid cp950, otherwise refused; ``encoding`` forces one.

Every problem is collected with its line number and the whole file refused, so a clerk fixes
the file once; a file without problems becomes ``CaseMove`` items for ``Cases.move_many``,
which applies them all or none. A note is kept as the text it is: a spreadsheet formula in it
(``=cmd|...``) is stored as text, shown as plain text, and escaped by ``reporting.cells`` in
any export.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from typing import TYPE_CHECKING

from counterdesk.case_phrases import STAGES
from counterdesk.queue.cases import NOTE_LENGTH, CaseMove, case_number
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.typed_text import clean_text

if TYPE_CHECKING:
    import _csv

MAX_BYTES = 1_000_000  # a day's bulk moves of a back office fit many times over
MAX_ROWS = 5_000
MAX_PROBLEMS = 50  # listed in full; beyond them a count, so a wrong file says so in a screen
COLUMNS = ("number", "stage", "note", "due")
REQUIRED = ("number", "stage")
ENCODINGS = ("utf-8", "cp950")
_BOM = b"\xef\xbb\xbf"
# Every way a stage may be written: its code, its English and its Chinese name.
STAGE_NAMES = {
    name.casefold(): code
    for code, words in STAGES.items()
    for name in (code, code.replace("_", " "), words.en, words.zh)
}


class ImportRefused(InvalidInput):
    """The file cannot be imported; ``problems`` lists each with its line number."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        tail = [f"… and {more} more problems"] if more else []
        super().__init__("the file was not imported:\n" + "\n".join([*shown, *tail]))
        self.problems = problems


@dataclasses.dataclass(frozen=True)
class ParsedFile:
    """The moves of a file, and the encoding it was read in (the preview says it)."""

    moves: list[CaseMove]
    encoding: str


def read_limited(path: str) -> bytes:
    """A file's bytes, refused unread beyond ``MAX_BYTES`` (never read whole into memory)."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise ImportRefused([f"the file is larger than {MAX_BYTES:,} bytes; split it"])
    return data


def parse_moves(data: bytes, *, encoding: str | None = None) -> ParsedFile:
    """The moves a CSV file asks for, or ``ImportRefused`` listing every problem by line."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([f"the file is larger than {MAX_BYTES:,} bytes; split it"])
    if b"\x00" in data:
        raise ImportRefused(["the file holds NUL bytes: it is not a text (CSV) file"])
    text, used = _decoded(data, encoding)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[str] = []
    moves: list[CaseMove] = []
    seen: dict[str, int] = {}
    counted = 0
    try:
        header, start = _header(rows)
        ended = rows.line_num
        for fields in rows:
            line, ended = ended + 1, rows.line_num
            if not any(f.strip() for f in fields):
                continue  # a blank line, as spreadsheets leave at the end
            counted += 1
            if counted > MAX_ROWS:
                raise ImportRefused([f"line {line}: more than {MAX_ROWS:,} moves; split the file"])
            move = _move(fields, header, line, problems)
            if move is None:
                continue
            if move.number in seen:
                first = seen[move.number]
                problems.append(f"line {line}: case {move.number} is already on line {first}")
                continue
            seen[move.number] = line
            moves.append(move)
    except csv.Error as error:
        problems.append(f"line {rows.line_num}: not CSV ({error})")
    if not problems and not moves:
        problems.append(f"line {start}: the file has a header and no moves")
    if problems:
        raise ImportRefused(problems)
    return ParsedFile(moves, used)


def _decoded(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read in: the one asked for, else UTF-8, else cp950."""
    if data.startswith(_BOM):
        data, encoding = data[len(_BOM) :], "utf-8"
    for name in (encoding,) if encoding else ENCODINGS:
        try:
            return data.decode(name), name
        except UnicodeDecodeError as error:
            if encoding:
                line = data[: error.start].count(b"\n") + 1
                raise ImportRefused([f"line {line}: not {encoding} text"]) from None
        except LookupError:
            raise InvalidInput(f"unknown encoding {encoding!r} (use utf-8 or cp950)") from None
    raise ImportRefused(["the file is neither UTF-8 nor Big5 (cp950) text: is it a CSV file?"])


def _header(rows: _csv.Reader) -> tuple[dict[str, int], int]:
    """The column of each name, from the first non-blank line."""
    for fields in rows:
        if any(f.strip() for f in fields):
            names = [f.strip().lower() for f in fields]
            break
    else:
        raise ImportRefused(
            ["line 1: the file is empty (it needs a header: number,stage,note,due)"]
        )
    line = rows.line_num
    unknown = list(dict.fromkeys(n for n in names if n not in COLUMNS))
    missing = [n for n in REQUIRED if n not in names]
    twice = [n for n in COLUMNS if names.count(n) > 1]
    if unknown or missing or twice:
        said = [
            *([f"unknown columns {', '.join(map(repr, unknown))}"] if unknown else []),
            *([f"no column {', '.join(missing)}"] if missing else []),
            *([f"columns named twice: {', '.join(twice)}"] if twice else []),
        ]
        raise ImportRefused(
            [f"line {line}: {'; '.join(said)} (the header is: {','.join(COLUMNS)})"]
        )
    return {name: index for index, name in enumerate(names)}, line


def _move(
    fields: list[str], header: dict[str, int], line: int, problems: list[str]
) -> CaseMove | None:
    """One line's move, or None with its problems added (all of them, not only the first)."""
    if len(fields) != len(header):
        problems.append(f"line {line}: {len(fields)} fields where the header has {len(header)}")
        return None

    def field(name: str) -> str:
        return fields[header[name]] if name in header else ""

    found: list[str] = []
    number = stage = note = None
    due: dt.date | None = None
    try:
        number = case_number(field("number"))
    except InvalidInput as error:
        found.append(str(error))
    stage = STAGE_NAMES.get(field("stage").strip().casefold())
    if stage is None:
        found.append(f"{field('stage').strip()[:40]!r} is not a stage (e.g. under_review, 審查中)")
    try:
        note = clean_text(field("note"), "the note", NOTE_LENGTH, required=False)
    except InvalidInput as error:
        found.append(str(error))
    if field("due").strip():
        try:
            due = dt.date.fromisoformat(field("due").strip())
        except ValueError:
            found.append(f"due {field('due').strip()[:20]!r} is not a date (use YYYY-MM-DD)")
    problems.extend(f"line {line}: {problem}" for problem in found)
    if found or number is None or stage is None:
        return None
    return CaseMove(number, stage, note, due, line)
