"""The raw logs' CSV text made a day and a column at a time, byte for byte what ``csv.writer``
writes row by row: a year is millions of rows, and a call of the writer per row was most of
the export's time.

Each cell of a column goes through that column's format: the texts the tables make that can
never need quoting or an apostrophe (the local times) as they are, numbers that never repeat
(event ids) by ``str``, and every other column through a ``CsvCells`` that works out each
distinct value once, by ``csv.writer`` itself.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from counterdesk.reporting.cells import inert

CellFormat = Callable[[Any], str] | None  # None: the cells are texts to write as they are


class CsvCells(dict[Any, str]):
    """Each distinct value of one column as ``csv.writer`` writes it in a row, made inert
    first. One per column: a column holds one kind of value, so no two values that compare
    equal (1 and True) share an entry."""

    def __missing__(self, value: Any) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow((inert(value), ""))  # a cell followed by another: "x,\r\n"
        text = self[value] = buffer.getvalue()[: -len(",\r\n")]
        return text


class CsvLines:
    """Rows given as columns, turned into CSV lines; one per export, so that the columns'
    cells worked out on one day serve the next."""

    def __init__(self, formats: Sequence[CellFormat]) -> None:
        self._formats = formats

    def __call__(self, columns: Sequence[Sequence[Any]]) -> tuple[str, int]:
        """The lines of the rows whose cells ``columns`` hold, each ended as ``csv.writer``
        ends it, and how many rows."""
        cells = [
            column if format is None else map(format, column)
            for format, column in zip(self._formats, columns, strict=True)
        ]
        return csv_text(list(map(",".join, zip(*cells, strict=True))))


def csv_text(lines: list[str]) -> tuple[str, int]:
    """``lines`` each ended as ``csv.writer`` ends a row, in one text, and how many."""
    return ("\r\n".join(lines) + "\r\n" if lines else ""), len(lines)


def cached(count: int) -> list[CellFormat]:
    """``count`` columns, each through its own ``CsvCells``."""
    return [CsvCells().__getitem__ for _ in range(count)]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a raw log is written: the millions of rows
    read hold no cycles, yet each pass of the collector walked all those alive, a third of
    the event log's time. Collected as ever after, and left off if it was off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
