"""How well an export's progress tells its time: each phase's seconds, the longest stretch
without a report, and the time-left guess beside the truth, over a year's exports.

    python benchmarks/export_progress.py --db URL [--only csv-tickets,xlsx]

``URL`` is a database holding ``benchmarks/exports.py``'s year (2025), which this only reads.
Each export runs in this process with a progress callback that timestamps every report:
- the seconds of each phase (from ``Phases``), which is where ``phases.SECONDS`` comes from:
  when a phase's share here drifts from its share there, the bar's pace and the time left go
  wrong, so copy these seconds (scaled to the export's CPU time in ``exports.py``) over;
- the longest stretch between two reports: the longest a bar stands still, and the longest a
  cancel waits to land (it lands at the next report);
- at 25%, 50% and 75% of the steps, the time left ``TimeLeft`` guessed against the time the
  export then really took.
Wall time on a shared machine: read the shares and the guesses, not the seconds.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.exports import EXPORTS, add_only, chosen_exports
from benchmarks.stats import YEAR
from counterdesk.queue import Database, TicketEngine
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.reporting.phases import Phases, Progress
from counterdesk.time_left import TimeLeft

CHECKPOINTS = (0.25, 0.5, 0.75)


def run(engine: TicketEngine, name: str, output: Path) -> None:
    """Export the year as ``name`` and print how its progress went."""
    fmt, table = EXPORTS[name]
    ended: dict[str, float] = {}  # each phase's last report, in the order phases report
    real_part = Phases.part

    def timed_part(phases: Phases, phase: str) -> Progress:
        report = real_part(phases, phase)

        def timed(done: int, total: int) -> None:
            report(done, total)
            ended.pop(phase, None)  # kept in the order the phases end
            ended[phase] = time.perf_counter()

        return timed

    reports: list[tuple[float, float]] = []  # (seconds, fraction)
    guesses: list[tuple[float, float, float | None]] = []  # (fraction, seconds, time left)
    time_left = TimeLeft(time.perf_counter)
    start = time.perf_counter()

    def report(done: int, total: int) -> None:
        now, fraction = time.perf_counter() - start, done / total
        reports.append((now, fraction))
        if len(guesses) < len(CHECKPOINTS) and fraction >= CHECKPOINTS[len(guesses)]:
            guesses.append((fraction, now, time_left.seconds(fraction)))

    Phases.part = timed_part  # type: ignore[method-assign, assignment]  # timestamps each phase's reports
    try:
        export(engine, ExportRequest(YEAR[0], YEAR[1], fmt, output, table), report)
    finally:
        Phases.part = real_part  # type: ignore[method-assign]
    total = time.perf_counter() - start
    output.unlink()
    marks = [start, *ended.values()]
    shares = ", ".join(
        f"{phase} {later - earlier:.1f} s"
        for phase, (earlier, later) in zip(ended, itertools.pairwise(marks), strict=True)
    )
    still = max(later[0] - earlier[0] for earlier, later in itertools.pairwise(reports))
    told = ", ".join(
        f"at {100 * fraction:.0f}% {'no guess' if left is None else f'{left:.1f} s left'} "
        f"(really {total - seconds:.1f})"
        for fraction, seconds, left in guesses
    )
    print(f"{name}: {total:.1f} s, {len(reports)} reports; phases: {shares}", flush=True)
    print(f"  longest without a report {still:.2f} s; time left {told}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL holding the year of 2025")
    add_only(parser)
    args = parser.parse_args()
    chosen = chosen_exports(parser, args)
    engine = TicketEngine(Database(args.db))
    out = Path(tempfile.mkdtemp(prefix="counterdesk-progress-"))
    try:
        for name in chosen:
            run(engine, name, out / f"year-{name}.{EXPORTS[name][0]}")
    finally:
        engine.db.dispose()


if __name__ == "__main__":
    main()
