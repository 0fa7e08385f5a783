"""Throwaway PgBouncer in transaction pooling mode, in front of a test PostgreSQL server.

Large sites put PgBouncer between their terminals and PostgreSQL (README, "200 terminals on
one PostgreSQL"); the tests and ``benchmarks/load.py`` check that the engine works through a
real one. Like ``tests.pg_server``, it runs on a free localhost port from a generated ini
file in a temporary folder, with ``any`` authentication (every client logs in to the server
as its superuser), and is stopped and deleted afterwards::

    with running_postgres() as server, running_pgbouncer(server) as url:
        ...  # url: postgresql+psycopg://postgres@127.0.0.1:PORT/<server's database>
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.pg_server import _free_port, _unprivileged_user

INSTALL_HINT = (
    "pgbouncer not found; install Debian's `pgbouncer` package (apt-get install pgbouncer)"
)
START_SECONDS = 30.0


def find_pgbouncer() -> str | None:
    """Debian installs it in /usr/sbin, which is not on every user's PATH."""
    return shutil.which("pgbouncer", path=f"{os.environ.get('PATH', '')}{os.pathsep}/usr/sbin")


@contextlib.contextmanager
def running_pgbouncer(server_url: str, *, pool_size: int = 4) -> Iterator[str]:
    """Run PgBouncer against ``server_url``'s server; yield the same URL through PgBouncer.

    Every database of that server is reachable through it under its own name. ``pool_size``
    server connections per database: fewer than the clients of a test, so transactions of
    different clients really do share server connections.
    """
    binary = find_pgbouncer()
    if binary is None:
        raise RuntimeError(INSTALL_HINT)
    server = make_url(server_url)
    user = _unprivileged_user()
    tmp = Path(tempfile.mkdtemp(prefix="counterdesk-pgbouncer-"))
    port = _free_port()
    ini = tmp / "pgbouncer.ini"
    ini.write_text(
        "[databases]\n"
        f"* = host={server.host} port={server.port} user={server.username}\n"
        "[pgbouncer]\n"
        "listen_addr = 127.0.0.1\n"
        f"listen_port = {port}\n"
        "unix_socket_dir =\n"
        "auth_type = any\n"
        "pool_mode = transaction\n"
        f"default_pool_size = {pool_size}\n"
        "max_client_conn = 1000\n"
        f"logfile = {tmp / 'pgbouncer.log'}\n"
    )
    command = [binary, *(["-u", user.pw_name] if user is not None else []), str(ini)]
    if user is not None:
        os.chown(tmp, user.pw_uid, user.pw_gid)
    try:
        with subprocess.Popen(
            command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        ) as process:
            try:
                _wait_until_listening(process, port)
                yield server.set(port=port).render_as_string(hide_password=False)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _wait_until_listening(process: subprocess.Popen[str], port: int) -> None:
    """Return once PgBouncer accepts connections; raise with its output if it exits instead."""
    deadline = time.monotonic() + START_SECONDS
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"pgbouncer did not listen on port {port} in {START_SECONDS} s")
        with contextlib.suppress(subprocess.TimeoutExpired):
            code = process.wait(0.05)  # an exit ends the wait at once
            stderr = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"pgbouncer exited with code {code}: {stderr}")
