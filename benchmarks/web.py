"""The status pages under load: many phones polling their ticket, against ``counterdesk web``.

    python benchmarks/web.py [--rate 500] [--seconds 30] [--page-share 0.1] [--profile]

Prints, per kind of request (the JSON a page polls, ``/api/t/{token}``; the page itself,
``/t/{token}``): requests answered, p50/p95/p99/max latency, and errors by status; the rate
offered and achieved; how late the client sent (if that grows, the client, not the server,
was short of CPU). Goal (issue 13) on a 2-core machine over SQLite: 500 requests/s with
p99 <= 50 ms.

What runs, and why it stands for an office's guest network:
- The server is ``counterdesk web`` as an office runs it (uvicorn, one process, default
  limits), in its own process, over a SQLite file with the sample office (open all day) and a
  busy day: ``--waiting`` tickets waiting and ``--served`` served and finished. While it is
  measured, a clerk calls, starts and finishes a ticket every ``--call-every`` seconds (5: ten
  times a busy four-counter office's pace, whose 900 tickets a day are a call every half
  minute), so statuses change under the phones as they do in an office.
- The load is open-loop: every request is sent at its due time whether or not earlier ones
  were answered, so a slow server sees more requests in flight, not fewer. Phones poll their
  ticket's JSON every ``--poll`` seconds (the page's interval, ``counterdesk web --refresh``,
  5 by default) from a random phase; ``--page-share`` of the requests are page loads (a QR
  code just scanned, a page reloaded) at random moments. The number of phones follows from
  the rate: ``rate * (1 - page_share) * poll``.
- Every phone has its own address, 127.0.N.M (Linux answers for all of 127.0.0.0/8), so the
  server's per-address rate limits and connection caps see many clients, as on a Wi-Fi.
- Latency is from the start of the connection to the end of the answer (one request per
  connection, as the server closes each), on a loopback client in one asyncio process.
- With ``--profile FILE`` the server runs under cProfile (its main thread: the event loop) and
  its top functions are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import heapq
import itertools
import os
import pstats
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.load import percentile  # noqa: E402
from counterdesk.queue import TicketEngine, open_office  # noqa: E402
from tests.faults.soak_office import counterdesk, environment  # noqa: E402

DESKS = ((1, "wang"), (2, "chen"), (3, "lin"), (4, "zhang"))
KINDS = ("json", "page")
ANSWER_SECONDS = 10.0  # a request unanswered this long counts as an error ("timeout")
START_SECONDS = 60.0


def busy_day(url: str, waiting: int, served: int) -> tuple[TicketEngine, list[str]]:
    """The sample office, open all day, with ``waiting`` + ``served`` tickets issued today and
    ``served`` of them served; returns the engine and every ticket's token, waiting first."""
    engine = open_office(url, create=True)
    engine.load_office(engine.office.always_open())
    services = [service.code for service in engine.office.services]
    tokens = [engine.issue(services[n % len(services)]).token for n in range(waiting + served)]
    for counter, staff in DESKS:
        engine.sign_in(counter, staff)
    counters = itertools.cycle(counter for counter, _ in DESKS)
    done = 0
    while done < served:
        counter = next(counters)
        if engine.call_next(counter) is not None:
            engine.start(counter)
            engine.finish(counter)
            done += 1
    queued = [ticket.token for ticket in engine.read.waiting()]
    return engine, queued + sorted(set(tokens) - set(queued))


class Clerks(threading.Thread):
    """The counters calling and finishing a ticket every ``every`` seconds, in turn."""

    def __init__(self, engine: TicketEngine, every: float) -> None:
        super().__init__(name="clerks", daemon=True)
        self.engine, self.every = engine, every
        self.stopping = threading.Event()
        self.calls = 0

    def run(self) -> None:
        counters = itertools.cycle(counter for counter, _ in DESKS)
        while not self.stopping.wait(self.every):
            counter = next(counters)
            if self.engine.call_next(counter) is not None:
                self.calls += 1
                self.engine.start(counter)
                self.engine.finish(counter)


@dataclasses.dataclass
class Results:
    latency: dict[str, list[float]] = dataclasses.field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = dataclasses.field(
        default_factory=lambda: defaultdict(Counter)
    )
    late: list[float] = dataclasses.field(default_factory=list)
    server_cpu: float = 0.0  # seconds of CPU the server used while the load ran
    client_cpu: float = 0.0  # and this process (the client, the clerks)


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds process ``pid`` has used (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def request(port: int, source: str, path: str) -> str:
    """GET ``path`` from ``source``; the answer's status code, read to the connection's end."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        answer = await reader.read()
    finally:
        writer.close()
    return answer[9:12].decode("latin-1") or "empty"


async def timed(port: int, kind: str, source: str, path: str, results: Results) -> None:
    began = time.perf_counter()
    try:
        status = await asyncio.wait_for(request(port, source, path), ANSWER_SECONDS)
    except TimeoutError:
        status = "timeout"
    except OSError as exc:
        status = type(exc).__name__
    results.latency[kind].append(time.perf_counter() - began)
    results.statuses[kind][status] += 1


def schedule(args: argparse.Namespace, tokens: list[str]) -> list[tuple[float, str, str, str]]:
    """Every request of the run: (due second, kind, client address, path), in time order.

    The polling phones hold the waiting tickets (a page stops polling once its ticket is
    finished); the page loads are of any ticket, finished ones (to be rated) included.
    """
    rng = random.Random(13)
    phones = max(1, round(args.rate * (1 - args.page_share) * args.poll))
    address = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(phones)]
    holds = [tokens[n % args.waiting] for n in range(phones)]
    due: list[tuple[float, str, str, str]] = []
    for phone in range(phones):
        when = rng.uniform(0, args.poll)
        while when < args.seconds:
            due.append((when, "json", address[phone], f"/api/t/{holds[phone]}"))
            when += args.poll
    when = rng.expovariate(args.rate * args.page_share) if args.page_share else args.seconds
    while when < args.seconds:
        phone = rng.randrange(phones)
        due.append((when, "page", address[phone], f"/t/{rng.choice(tokens)}"))
        when += rng.expovariate(args.rate * args.page_share)
    heapq.heapify(due)
    return [heapq.heappop(due) for _ in range(len(due))]


async def offer(port: int, plan: list[tuple[float, str, str, str]]) -> Results:
    """Send every planned request at its due time, open-loop; wait for all the answers."""
    results = Results()
    tasks: set[asyncio.Task[None]] = set()
    began = time.perf_counter()
    for when, kind, source, path in plan:
        wait = began + when - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)  # the schedule itself: this request is not due yet
        results.late.append(max(0.0, -wait))
        task = asyncio.create_task(timed(port, kind, source, path, results))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    while tasks:
        await asyncio.gather(*tasks)
    return results


def start_server(url: str, folder: Path, port: int, profile: Path | None) -> subprocess.Popen[str]:
    """``counterdesk web`` on ``port``, started and listening (under cProfile if asked)."""
    command = counterdesk(url, "web", "--host", "127.0.0.1", "--port", str(port))
    if profile is not None:
        command[1:1] = ["-m", "cProfile", "-o", str(profile)]
    with (folder / "web.stdout").open("w") as log:
        server = subprocess.Popen(
            command, env=environment(folder), stdout=log, stderr=subprocess.STDOUT, text=True
        )
    deadline = time.monotonic() + START_SECONDS
    while "listening on" not in (folder / "web.stdout").read_text():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"the server did not start: {(folder / 'web.stdout').read_text()}")
        time.sleep(0.1)  # polling the server's output for its listening line
    return server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def report(args: argparse.Namespace, results: Results, seconds: float, calls: int) -> None:
    total = sum(len(samples) for samples in results.latency.values())
    print(
        f"offered {args.rate:g} requests/s for {args.seconds:g} s "
        f"(poll every {args.poll:g} s, {args.page_share:.0%} page loads); "
        f"answered {total} in {seconds:.1f} s: {total / seconds:.0f} requests/s; "
        f"{calls} calls meanwhile"
    )
    print(f"  {'kind':<5} {'count':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  statuses")
    for kind in KINDS:
        samples = sorted(results.latency.get(kind, []))
        if not samples:
            continue
        figures = [percentile(samples, p) for p in (0.5, 0.95, 0.99)] + [samples[-1] * 1000]
        print(
            f"  {kind:<5} {len(samples):>7} "
            + " ".join(f"{ms:6.1f}ms" for ms in figures)
            + f"  {dict(results.statuses[kind])}"
        )
    everything = sorted(x for samples in results.latency.values() for x in samples)
    late = sorted(results.late)
    p99 = percentile(everything, 0.99)
    errors = sum(n for c in results.statuses.values() for s, n in c.items() if s != "200")
    print(
        f"  all   p99 {p99:.1f} ms, errors {errors}; client late p99 "
        f"{percentile(late, 0.99):.1f} ms, max {late[-1] * 1000:.1f} ms"
    )
    print(
        f"  CPU: server {results.server_cpu:.1f} s ({results.server_cpu / total * 1000:.2f} ms "
        f"a request), client and clerks {results.client_cpu:.1f} s, over {seconds:.1f} s of 2 cores"
    )
    met = total / seconds >= args.rate * 0.98 and p99 <= 50 and not errors
    print(f"  goal (>= {args.rate:g}/s, p99 <= 50 ms, no error): {'MET' if met else 'NOT MET'}")


def complaints(folder: Path) -> None:
    """The server log's lines above INFO: how many, and the first few."""
    log = folder / "xdg_state_home" / "counterdesk" / "log" / "web.log"
    lines = [
        line for line in log.read_text("utf-8", "replace").splitlines() if " INFO " not in line
    ]
    print(f"  server log lines above INFO: {len(lines)}")
    for line in lines[:5]:
        print(f"    {line[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=500.0, help="requests per second offered")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to offer them")
    parser.add_argument("--poll", type=float, default=5.0, help="the pages' poll interval, s")
    parser.add_argument("--page-share", type=float, default=0.1, help="share of page loads")
    parser.add_argument("--waiting", type=int, default=600, help="tickets waiting at the start")
    parser.add_argument("--served", type=int, default=300, help="tickets served at the start")
    parser.add_argument("--call-every", type=float, default=5.0, help="seconds between calls")
    parser.add_argument(
        "--profile", type=Path, metavar="FILE", help="profile the server into FILE (cProfile)"
    )
    args = parser.parse_args()
    if min(args.rate, args.seconds, args.poll, args.call_every, args.waiting) <= 0:
        parser.error("--rate, --seconds, --poll, --call-every and --waiting must be above 0")
    if not 0 <= args.page_share < 1 or args.served < 0:
        parser.error("--page-share must be from 0 to below 1, and --served at least 0")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = f"sqlite:///{folder}/office.sqlite3"
        engine, tokens = busy_day(url, args.waiting, args.served)
        port = free_port()
        server = start_server(url, folder, port, args.profile)
        clerks = Clerks(engine, args.call_every)
        try:
            plan = schedule(args, tokens)
            clerks.start()
            began, server_cpu = time.perf_counter(), cpu_seconds(server.pid)
            client_cpu = time.process_time()
            results = asyncio.run(offer(port, plan))
            seconds = time.perf_counter() - began
            results.server_cpu = cpu_seconds(server.pid) - server_cpu
            results.client_cpu = time.process_time() - client_cpu
        finally:
            clerks.stopping.set()
            clerks.join()
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
            engine.db.dispose()
        report(args, results, seconds, clerks.calls)
        complaints(folder)
        if args.profile is not None:  # the event loop's thread: the thread pool's are not seen
            pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
