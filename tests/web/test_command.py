"""``counterdesk web`` as a real process, and the server's hourly upkeep."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.queue.office import Office, Text
from counterdesk.web.upkeep import Upkeep
from tests.notify.sending import wait_until
from tests.web.support import NEIGHBOUR

ROOT = Path(__file__).resolve().parents[2]
# Seconds: a bound for a failure only, never a pace. The tests wait on the process's own
# words and exit, which a heavily loaded machine may take long to produce.
DEADLINE = 300


@pytest.fixture
def env(tmp_path: Path, sqlite_url: str) -> dict[str, str]:
    env = {**os.environ, "COUNTERDESK_DB": sqlite_url}
    env.pop("COUNTERDESK_OFFICE", None)
    env["COUNTERDESK_CONFIG"] = str(tmp_path / "no-settings.toml")
    return env


def _as_a_background_job() -> None:
    """In the child: ignore Ctrl-C and a stop, as a background job of a script inherits them.

    Whatever the suite itself inherited, every test then holds the command to its promise of
    stopping on SIGINT and SIGTERM by installing its own handlers.
    """
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.SIG_IGN)


def web(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "web", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        preexec_fn=_as_a_background_job,
    )


@contextlib.contextmanager
def serving(env: dict[str, str], *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """The command on a free port, and the address it printed."""
    process = web(env, "--host", "127.0.0.1", "--port", "0", *args)
    try:
        ready, _, _ = select.select([process.stdout], [], [], DEADLINE)
        assert ready, f"counterdesk web printed nothing within {DEADLINE} s"
        line = process.stdout.readline()
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        assert found, line
        yield process, found.group(1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def running(env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    with serving(env) as started:
        yield started


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_web_serves_and_stops_cleanly_on_ctrl_c_or_terminate(
    running: tuple[subprocess.Popen[str], str], stop: signal.Signals
) -> None:
    process, url = running
    with pytest.raises(urllib.error.HTTPError) as not_found:
        urllib.request.urlopen(f"{url}/t/AAAAAAAAAAAAAAAAAAAAAA", timeout=DEADLINE)
    with urllib.request.urlopen(f"{url}/static/status.css", timeout=DEADLINE) as stylesheet:
        css = stylesheet.read().decode()

    process.send_signal(stop)
    out, err = process.communicate(timeout=DEADLINE)

    assert not_found.value.code == 404
    assert "查無此號碼牌" in not_found.value.read().decode()
    assert ".number" in css
    assert process.returncode == 0
    assert "stopped" in out
    assert "Traceback" not in err


@pytest.mark.slow
def test_rate_limit_options_are_the_servers_limits(env: dict[str, str]) -> None:
    # Two requests at once, then one every 1000 s: the third is refused whatever the machine.
    with serving(env, "--burst", "2", "--per-client-rate", "0.001") as (process, url):
        answers = []
        for _ in range(3):
            try:
                urllib.request.urlopen(f"{url}/t/AAAAAAAAAAAAAAAAAAAAAA", timeout=DEADLINE)
            except urllib.error.HTTPError as exc:
                answers.append(exc.code)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=DEADLINE)

    assert answers == [404, 404, 429]


@pytest.mark.slow
@pytest.mark.skipif(NEIGHBOUR is None, reason="127.0.0.2 is not an address of this machine")
@pytest.mark.parametrize("where", ["flag", "settings file"])
def test_trusted_proxy_option_makes_the_limits_count_forwarded_clients(
    env: dict[str, str], tmp_path: Path, where: str
) -> None:
    """With the proxy named, three citizens behind it each get their page; its one address
    would have been refused from the second request on."""
    options = ["--burst", "1", "--per-client-rate", "0.001"]
    if where == "flag":
        options += ["--trusted-proxy", "127.0.0.2"]
    else:
        config = tmp_path / "counterdesk.toml"
        config.write_text('trusted_proxy = "127.0.0.2"\n')
        env["COUNTERDESK_CONFIG"] = str(config)
    with serving(env, *options) as (process, url):
        port = int(url.rsplit(":", 1)[1])
        answers = []
        for n in range(3):
            proxy = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=DEADLINE, source_address=("127.0.0.2", 0)
            )
            proxy.request(
                "GET", "/t/AAAAAAAAAAAAAAAAAAAAAA", headers={"X-Forwarded-For": f"10.0.0.{n}"}
            )
            answers.append(proxy.getresponse().status)
            proxy.close()
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=DEADLINE)

    assert answers == [404, 404, 404]


@pytest.mark.slow
def test_port_in_use_is_one_clear_line(env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = web(env, "--host", "127.0.0.1", "--port", str(port))
        out, err = process.communicate(timeout=DEADLINE)

    assert process.returncode == 2
    assert err.strip().splitlines() == [
        f"counterdesk: cannot listen on 127.0.0.1:{port}: the port is already in use "
        "(choose another with --port)"
    ]
    assert out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--refresh", "0"],
            "argument --refresh: '0': use a whole number of seconds from 1 to 300",
        ),
        (["--port", "70000"], "argument --port: '70000' is not a port"),
        (
            ["--per-client-rate", "0"],
            "argument --per-client-rate: '0': use a number of requests per second above 0, "
            "at most 1000",
        ),
        (["--per-client-rate", "nan"], "argument --per-client-rate: 'nan': use a number"),
        (["--per-client-rate", "fast"], "argument --per-client-rate: 'fast': use a number"),
        (["--burst", "0"], "argument --burst: '0': use a whole number of requests from 1 to 10000"),
        (["--burst", "2.5"], "argument --burst: '2.5': use a whole number of requests"),
        (
            ["--per-client-connections", "1001"],
            "argument --per-client-connections: '1001': use a whole number of connections "
            "from 1 to 1000",
        ),
        (
            ["--trusted-proxy", "nginx"],
            "argument --trusted-proxy: 'nginx' is not an IP address: give the reverse proxy's",
        ),
    ],
)
@pytest.mark.slow
def test_bad_options_say_what_is_wrong(env: dict[str, str], args: list[str], message: str) -> None:
    process = web(env, *args)
    _, err = process.communicate(timeout=DEADLINE)

    assert process.returncode == 2
    assert message in err


def test_upkeep_deletes_expired_contacts_at_start(engine: TicketEngine, clock: ManualClock) -> None:
    opinions = Opinions(engine)
    opinion = opinions.submit("Please call me", contact="0912-345-678")
    opinions.answer(opinion.reference, "We called.", "wang")
    opinions.close(opinion.reference)
    cases = Cases(engine)
    cases.register("A1", service="amendment", contact="0912-345-678")
    cases.move("A1", "closed", by="wang")
    clock.advance(days=engine.office.feedback.contact_retention_days + 1)

    Upkeep(Feedback(engine), interval=3600).start().stop()  # the first pass runs before any wait

    after = opinions.get(opinion.reference)
    assert after.contact is None and after.contact_deleted
    assert not cases.by_number("A1").has_contact


def test_upkeep_rereads_an_office_loaded_elsewhere(
    engine: TicketEngine, sqlite_url: str, sample_office: Office
) -> None:
    renamed = sample_office.office.model_copy(
        update={"name": Text(zh="新的櫃檯名稱", en="A new counter name")}
    )
    elsewhere = TicketEngine(Database(sqlite_url), engine.clock)
    elsewhere.load_office(sample_office.model_copy(update={"office": renamed}))
    elsewhere.db.dispose()

    Upkeep(Feedback(engine)).run_once()

    assert engine.office.office.name.en == "A new counter name"


def test_a_running_upkeep_rereads_a_new_office_within_seconds_and_only_then(
    engine: TicketEngine, sqlite_url: str, sample_office: Office, clock: ManualClock
) -> None:
    upkeep = Upkeep(Feedback(engine), interval=3600, office_interval=0.05).start()
    try:
        wait_until(lambda: upkeep.follow_office() is False, "the first look at the office")
        clock.advance(minutes=1)  # another terminal, a minute later
        renamed = sample_office.office.model_copy(
            update={"name": Text(zh="新的櫃檯名稱", en="A new counter name")}
        )
        elsewhere = TicketEngine(Database(sqlite_url), clock)
        elsewhere.load_office(sample_office.model_copy(update={"office": renamed}))
        elsewhere.db.dispose()
        wait_until(lambda: engine.office.office.name.en == "A new counter name", "the new office")
    finally:
        upkeep.stop()
    assert upkeep.follow_office() is False  # nothing stored since: nothing read again


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('[notify.inbound]\nsecret = "short"\n', "settings [notify.inbound]: secret must be"),
        ('[notify]\nlink_secret = "short"\n', "link_secret must be a random text of at least"),
    ],
)
@pytest.mark.slow
def test_bad_inbound_or_link_settings_stop_the_server_in_one_line(
    env: dict[str, str], tmp_path: Path, settings: str, message: str
) -> None:
    Path(env["COUNTERDESK_CONFIG"]).write_text(settings, encoding="utf-8")
    process = web(env, "--host", "127.0.0.1", "--port", "0")
    _, err = process.communicate(timeout=DEADLINE)

    assert process.returncode == 2
    assert message in err and "Traceback" not in err


@pytest.mark.slow
def test_the_settings_inbound_table_opens_the_sms_endpoint(env: dict[str, str]) -> None:
    secret = "gateway-secret-0123456789"
    Path(env["COUNTERDESK_CONFIG"]).write_text(
        f'[notify.inbound]\nsecret = "{secret}"\n', encoding="utf-8"
    )
    with serving(env) as (process, url):
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        body = b"from=0912345678&text=STOP"
        for given, status in (("guess", 403), (secret, 200)):
            request = urllib.request.Request(
                f"{url}/sms/inbound", body, {**form, "X-Inbound-Secret": given}, method="POST"
            )
            try:
                with urllib.request.urlopen(request, timeout=DEADLINE) as answer:
                    assert (given, answer.status) == (given, status)
            except urllib.error.HTTPError as refused:
                refused.close()
                assert (given, refused.code) == (given, status)
        process.terminate()
        process.communicate(timeout=DEADLINE)  # its pipes closed
