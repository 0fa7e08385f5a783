"""The raw logs' CSV lines, made a column at a time, are the bytes ``csv.writer`` writes for
the same rows, whatever a text holds: the week's fixtures have no comma, quote or formula."""

from __future__ import annotations

import csv
import io

from counterdesk.reporting.cells import inert
from counterdesk.reporting.csv_lines import CsvLines, cached, csv_text

TEXTS = ["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "=1+2", "-3", "@x", "", None, " "]


def test_lines_are_what_csv_writer_writes() -> None:
    numbers = [7, 0, -1, 12345678901, None, 3, 5, 8, 13, 21, 34]
    times = ["2025-01-01 08:00:00", "", *["2025-12-31 23:59:59"] * 9]
    rows = list(zip(range(len(TEXTS)), times, TEXTS, numbers, TEXTS[::-1], strict=True))
    expected = io.StringIO()
    csv.writer(expected).writerows([[inert(cell) for cell in row] for row in rows])
    lines = CsvLines([str, None, *cached(3)])
    columns = [list(column) for column in zip(*rows, strict=True)]
    assert lines(columns) == (expected.getvalue(), len(rows))
    assert lines(columns) == (expected.getvalue(), len(rows))  # from the cells worked out


def test_no_rows_no_text() -> None:
    assert CsvLines([str, None])([[], []]) == ("", 0)
    assert csv_text([]) == ("", 0)
