"""An office day at high speed over the real terminals: what the soak test and benchmark share.

The kiosk, four counter consoles and the board run as the product runs them (``python -m
counterdesk … kiosk|counter|board`` on the offscreen platform, each its own process and log),
with ``counterdesk web`` serving the status pages to a phone that keeps polling them. The
windows keep the wall clock, so the day's traffic is the day simulator's (arrivals, calls,
no-shows, the lunch break) through the real engine, each operation at its simulated moment
divided by ``speed``. Meanwhile every process's resident memory and open files are sampled
from ``/proc``; afterwards the board's and consoles' logs are checked for every call event
("call shown", "call seen") and every log for a line above INFO.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from counterdesk.queue import CALL_KINDS, Event, ManualClock, TicketEngine, open_office
from counterdesk.simulation.simulator import EngineBackend, Plan, simulate_day

ROOT = Path(__file__).resolve().parents[2]
COUNTERS = (1, 2, 3, 4)
SCHEDULE_DAY = dt.date(2026, 3, 2)  # a Monday: the day whose timetable is replayed, today
START_SECONDS = 90.0  # six Qt processes starting at once on a loaded 2-core machine
SETTLE_SECONDS = 60.0  # for the last calls to reach every screen after the day
STOP_SECONDS = 30.0
# The bounds, after the warm-up: memory, and open files. A window's feed thread and its
# background reads may each hold a pooled connection, two files on SQLite (the database and its
# WAL): three more connections are not a leak, one per ticket or event would be hundreds.
RSS_GROWTH_MB = 10.0  # a console leaking its waiting rows grew 10-25 MB in the test
FDS_GROWTH = 6
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (?P<level>[A-Z]+) ")
SHOWN = re.compile(r"call (?:shown|seen): \S+ at counter (?P<counter>\d+) \(event (?P<id>\d+)")
# The Qt messages the tests allow, each with its reason there: the offscreen platform's.
QT_ALLOWED = [
    re.compile(pattern)
    for pattern in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"][
        "ini_options"
    ]["qt_log_ignore"]
]


class PacedBackend(EngineBackend):
    """The simulator's day at ``speed`` times real time: each operation waits for its moment,
    then runs at the wall clock's time, which the windows in the other processes keep."""

    def __init__(self, engine: TicketEngine, day_opens: dt.datetime, speed: float) -> None:
        super().__init__(engine)
        self.day_opens, self.speed = day_opens, speed
        self.began = time.monotonic()
        self.tokens: list[str] = []

    def _at(self, moment: dt.datetime) -> TicketEngine:
        due = self.began + (moment - self.day_opens).total_seconds() / self.speed
        time.sleep(max(0.0, due - time.monotonic()))  # paces the load; nothing waits on it
        self.clock.set(dt.datetime.now(dt.UTC))
        return self.engine

    def issue(self, at: dt.datetime, service: str, priority: bool) -> str:
        ticket = self._at(at).issue(service, priority=priority)
        self.tokens.append(ticket.token)
        return ticket.number

    def close_day(self, at: dt.datetime) -> None:
        """Leaves the day open: the terminals stay on it until the soak stops them."""
        self._at(at)


@dataclasses.dataclass
class Figures:
    """One process's samples after the warm-up: resident memory (kB) and open files."""

    rss_kb: list[int] = dataclasses.field(default_factory=list)
    fds: list[int] = dataclasses.field(default_factory=list)

    @property
    def rss_growth_mb(self) -> float:
        return (max(self.rss_kb) - self.rss_kb[0]) / 1024

    @property
    def fds_growth(self) -> int:
        return max(self.fds) - self.fds[0]


@dataclasses.dataclass
class Terminal:
    """A product process of the soak, with its stderr in a file."""

    name: str
    process: subprocess.Popen[bytes]
    stderr: Path
    log: Path | None  # the role's log file; the web server's is web.log
    figures: Figures = dataclasses.field(default_factory=Figures)

    def sample(self) -> None:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        rss = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        self.figures.rss_kb.append(int(rss.split()[1]))
        self.figures.fds.append(len(os.listdir(f"/proc/{self.process.pid}/fd")))


@dataclasses.dataclass
class SoakResult:
    seconds: float
    simulated_hours: float
    tickets: int
    calls: int
    terminals: list[Terminal]
    missed: dict[str, int]  # call events a screen never showed, per screen
    above_info: list[str]  # log and stderr lines above INFO, or not log lines at all
    pages: collections.Counter[int]  # the phone's answers by HTTP status
    exit_codes: dict[str, int | None]

    def broken_bounds(self) -> list[str]:
        """What went beyond the soak's bounds, in words; empty when everything held."""
        broken = [
            f"{t.name}: resident memory grew {t.figures.rss_growth_mb:.1f} MB"
            for t in self.terminals
            if t.figures.rss_growth_mb > RSS_GROWTH_MB
        ]
        broken += [
            f"{t.name}: {t.figures.fds_growth} more open files"
            for t in self.terminals
            if t.figures.fds_growth > FDS_GROWTH
        ]
        broken += [f"{name}: {n} call events missed" for name, n in self.missed.items() if n]
        broken += self.above_info
        if set(self.pages) != {200}:
            broken.append(f"status server answered {dict(self.pages)}")
        broken += [f"{name} exited {code}" for name, code in self.exit_codes.items() if code != 0]
        return broken


def counterdesk(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "counterdesk", "--db", url, *args]


def environment(folder: Path) -> dict[str, str]:
    """Offscreen, this checkout, and folders of the soak's own for logs, settings and data:
    no settings file or office of the machine's user is read, no log of theirs written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERDESK_")}
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = str(folder / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _roles(port: int) -> dict[str, list[str]]:
    roles = {
        "kiosk": ["kiosk", "--windowed", "--silent"],
        "board": ["board", "--windowed", "--silent"],
    }
    for number in COUNTERS:
        roles[f"counter-{number}"] = ["counter", "--counter", str(number)]
    # One phone polls from 127.0.0.1: above the per-address limit meant for a NAT's phones.
    roles["web"] = ["web", "--host", "127.0.0.1", "--port", str(port), "--per-client-rate", "100"]
    return roles


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    """Whether ``condition`` came true within ``seconds``, checked five times a second."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _text(path: Path | None) -> str:
    return path.read_text("utf-8", "replace") if path is not None and path.exists() else ""


def _start(url: str, folder: Path, env: dict[str, str], port: int) -> list[Terminal]:
    logs = folder / "xdg_state_home" / "counterdesk" / "log"
    terminals = []
    for name, args in _roles(port).items():
        stderr = folder / f"{name}.stderr"
        stdout = folder / f"{name}.stdout"
        with stderr.open("wb") as err, stdout.open("wb") as out:
            process = subprocess.Popen(counterdesk(url, *args), env=env, stdout=out, stderr=err)
        terminals.append(Terminal(name, process, stderr, logs / f"{name}.log"))
    for terminal in terminals:
        if not _ready(terminal, folder):
            _stop(terminals)  # none is left behind
            raise RuntimeError(f"{terminal.name} did not start: {_text(terminal.stderr)}")
    return terminals


def _ready(terminal: Terminal, folder: Path) -> bool:
    """Whether ``terminal`` came up: a window's feed online, the server listening."""
    said, source = (
        ("listening on", folder / "web.stdout")
        if terminal.name == "web"
        else ("database online", terminal.log)
    )
    _wait(lambda: said in _text(source) or terminal.process.poll() is not None, START_SECONDS)
    return said in _text(source) and terminal.process.poll() is None


class Phone(threading.Thread):
    """A citizen's phone polling the status of the newest tickets, page and JSON, every
    ``every`` seconds, as a page left open does."""

    def __init__(self, base: str, tokens: list[str], every: float = 0.25) -> None:
        super().__init__(name="soak-phone", daemon=True)
        self.base, self.tokens, self.every = base, tokens, every
        self.answers: collections.Counter[int] = collections.Counter()
        self.stopping = threading.Event()

    def run(self) -> None:
        count = 0
        while not self.stopping.wait(self.every):
            if not self.tokens:
                continue
            count += 1
            token = self.tokens[-1 - count % min(5, len(self.tokens))]
            path = f"/t/{token}" if count % 5 == 0 else f"/api/t/{token}"
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as answer:
                    answer.read()
                    self.answers[answer.status] += 1
            except urllib.error.HTTPError as refused:
                self.answers[refused.code] += 1
            except OSError:
                self.answers[0] += 1  # no answer at all


class Sampler(threading.Thread):
    """Samples every terminal every ``every`` seconds, once ``warm`` is set."""

    def __init__(self, terminals: list[Terminal], every: float) -> None:
        super().__init__(name="soak-sampler", daemon=True)
        self.terminals, self.every = terminals, every
        self.warm = threading.Event()
        self.stopping = threading.Event()

    def run(self) -> None:
        self.warm.wait()
        while True:
            for terminal in self.terminals:
                if terminal.process.poll() is None:
                    terminal.sample()
            if self.stopping.wait(self.every):
                return


def _calls(engine: TicketEngine) -> list[Event]:
    """The day's call events, read a page at a time as a terminal does."""
    calls, after = [], 0
    while page := engine.read.events_after(after, 500):
        calls += [e for e in page if e.kind in CALL_KINDS]
        after = page[-1].id
    return calls


def _missed(engine: TicketEngine, terminals: list[Terminal]) -> dict[str, int]:
    """Call events each screen has not logged: all of them on the board, each console's own."""
    calls = _calls(engine)
    missed = {}
    for terminal in terminals:
        if terminal.name == "board":
            wanted = {e.id for e in calls}
        elif terminal.name.startswith("counter-"):
            number = int(terminal.name.removeprefix("counter-"))
            wanted = {e.id for e in calls if e.counter == number}
        else:
            continue
        seen = {int(m["id"]) for m in SHOWN.finditer(_text(terminal.log))}
        missed[terminal.name] = len(wanted - seen)
    return missed


def _above_info(terminal: Terminal) -> list[str]:
    """The lines of a terminal's log and stderr that are above INFO or no log line at all
    (a traceback, a Qt warning the tests would fail on); the web server's listening line is
    its stdout."""
    lines = []
    for source in (terminal.log, terminal.stderr):
        for line in _text(source).splitlines():
            match = LOG_LINE.match(line)
            if match is not None and match["level"] in ("DEBUG", "INFO"):
                continue
            if not any(allowed.search(line) for allowed in QT_ALLOWED):
                lines.append(f"{terminal.name}: {line}")
    return lines


def _stop(terminals: list[Terminal]) -> dict[str, int | None]:
    """SIGTERM, which every role takes as a normal exit; their exit codes."""
    for terminal in terminals:
        if terminal.process.poll() is None:
            terminal.process.send_signal(signal.SIGTERM)
    codes: dict[str, int | None] = {}
    for terminal in terminals:
        try:
            codes[terminal.name] = terminal.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            terminal.process.kill()
            terminal.process.wait()
            codes[terminal.name] = None
    return codes


def run_soak(
    url: str,
    folder: Path,
    *,
    speed: float,
    arrivals: float = 1.0,
    sample_every: float = 1.0,
    warm_up: float = 0.1,
) -> SoakResult:
    """Run a day over a database ``url`` that does not exist yet, created here explicitly.

    ``speed``: simulated seconds per real second; ``arrivals`` scales the simulator's day
    (about 150 citizens at 1.0); memory and files are measured from the moment ``warm_up``
    (a share) of the day has passed: first windows, fonts and caches are not growth.
    """
    env = environment(folder)
    subprocess.run(counterdesk(url, "db", "upgrade"), env=env, check=True, capture_output=True)
    engine = open_office(url, clock=ManualClock(dt.datetime.now(dt.UTC)))
    office = engine.office
    # Open at any hour, for the windows keep the wall clock; the QR codes on this server.
    port = _free_port()
    always = office.always_open()
    info = always.office.model_copy(update={"status_url": f"http://127.0.0.1:{port}/t/{{token}}"})
    engine.load_office(always.model_copy(update={"office": info}))
    hours = office.office.hours
    opens = dt.datetime.combine(SCHEDULE_DAY, dt.time.fromisoformat(hours.sessions[0].open))
    closes = dt.datetime.combine(SCHEDULE_DAY, dt.time.fromisoformat(hours.sessions[-1].close))
    plan = Plan(
        counters=len(COUNTERS),
        arrivals={hour: rate * arrivals for hour, rate in Plan().arrivals.items()},
    )
    began = time.monotonic()
    terminals = _start(url, folder, env, port)
    try:
        backend = PacedBackend(engine, opens.replace(tzinfo=office.zone), speed)
        phone = Phone(f"http://127.0.0.1:{port}", backend.tokens)
        sampler = Sampler(terminals, sample_every)
        phone.start()
        sampler.start()
        warm_at = (closes - opens).total_seconds() * warm_up / speed
        warming = threading.Timer(warm_at, sampler.warm.set)
        warming.daemon = True
        warming.start()
        day = simulate_day(backend, office, SCHEDULE_DAY, plan)
        # Whatever is still missing after this is reported as missed.
        _wait(lambda: not any(_missed(engine, terminals).values()), SETTLE_SECONDS)
        phone.stopping.set()
        phone.join()
        sampler.warm.set()  # a day shorter than its warm-up is still sampled once
        sampler.stopping.set()
        sampler.join()
    finally:
        codes = _stop(terminals)
    result = SoakResult(
        seconds=time.monotonic() - began,
        simulated_hours=(closes - opens).total_seconds() / 3600,
        tickets=day.issued,
        calls=len(_calls(engine)),
        terminals=terminals,
        missed=_missed(engine, terminals),
        above_info=[line for t in terminals for line in _above_info(t)],
        pages=phone.answers,
        exit_codes=codes,
    )
    engine.db.dispose()
    return result
