"""Throwaway PostgreSQL server for the test session.

The PostgreSQL-backed tests need a real server, but CI machines and developer
laptops should not need a configured cluster. So we ``initdb`` a fresh cluster
into a temporary folder, run it on a free localhost port with ``trust`` auth and
durability switched off (speed matters, the data is thrown away), and delete it
afterwards. ``durable=True`` keeps PostgreSQL's own defaults instead (``fsync``,
``synchronous_commit`` and ``full_page_writes`` on), as an office's server runs:
the benchmarks use it, so their figures include the cost of a durable commit.

Typical use from a conftest::

    @pytest.fixture(scope="session")
    def pg_url() -> Iterator[str]:
        with running_postgres(skip_if_missing=True) as url:
            yield url
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

__all__ = [
    "PostgresUnavailableError",
    "find_pg_bindir",
    "fresh_database",
    "running_postgres",
]

SUPERUSER = "postgres"
DEFAULT_DBNAME = "counterdesk_test"
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found; "
    "install Debian's `postgresql` package (apt-get install postgresql)."
)
_SERVER_SETTINGS = {
    # Only reachable from this machine, over TCP on a port chosen at start-up.
    "listen_addresses": "'127.0.0.1'",
    "max_connections": "100",
}
# The tests' data is thrown away, so durability only costs them time.
_FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


class PostgresUnavailableError(RuntimeError):
    """Raised when no PostgreSQL server binaries are installed."""


def find_pg_bindir() -> Path | None:
    """Return the folder holding ``initdb`` and ``pg_ctl``, or None.

    ``pg_config --bindir`` is asked first because it names the installation
    the developer chose; Debian keeps server binaries off PATH under
    /usr/lib/postgresql/<version>/bin, so the highest version there is the
    fallback. (Debian's pg_config may belong to libpq only, hence the check.)
    """
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
        if out and _has_server_binaries(Path(out)):
            return Path(out)

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", path.parent.name))

    candidates = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if _has_server_binaries(p)]
    return max(candidates, key=version) if candidates else None


def _has_server_binaries(bindir: Path) -> bool:
    return all(os.access(bindir / name, os.X_OK) for name in ("initdb", "pg_ctl"))


def _free_port() -> int:
    """Ask the kernel for an unused port (tiny race until the server binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _unprivileged_user() -> pwd.struct_passwd | None:
    """Pick the account to run the server as, or None to run as ourselves.

    initdb and pg_ctl refuse to run as root, so as root we borrow the
    ``postgres`` account made by the Debian package, or else ``nobody``.
    """
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root, but neither a `postgres` nor a `nobody` user exists")


def _run_as(user: pwd.struct_passwd | None, cmd: Sequence[str], cwd: Path) -> None:
    """Run ``cmd`` (as ``user`` if given), raising with its output on failure."""
    argv = list(cmd)
    if user is not None:
        if shutil.which("runuser"):
            argv = ["runuser", "-u", user.pw_name, "--", *argv]
        else:  # `-s` because `nobody` has no login shell
            argv = ["su", "-s", "/bin/sh", user.pw_name, "-c", shlex.join(argv)]
    # cwd matters: the unprivileged user may not be allowed into our cwd (e.g. /root).
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"{shlex.join(argv)} failed with exit code {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )


def _start_server(
    bindir: Path, user: pwd.struct_passwd | None, tmp: Path, data: Path, durable: bool
) -> int:
    """Start the cluster on a free port and return the port.

    Retries a few times in case another process grabbed the port in between.
    """
    conf = data / "postgresql.conf"
    base_conf = conf.read_text()
    log = tmp / "server.log"
    pg_ctl = [str(bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(data), "-l", str(log)]
    for attempt in range(3):
        port = _free_port()
        fast = {} if durable else _FAST_SETTINGS
        settings = {
            **_SERVER_SETTINGS,
            **fast,
            "port": str(port),
            "unix_socket_directories": f"'{tmp}'",
        }
        conf.write_text(base_conf + "".join(f"{k} = {v}\n" for k, v in settings.items()))
        try:
            _run_as(user, pg_ctl, cwd=tmp)
            return port
        except RuntimeError as exc:
            if attempt == 2:
                server_log = log.read_text(errors="replace") if log.exists() else ""
                raise RuntimeError(f"{exc}\nserver log:\n{server_log}") from None
    raise AssertionError("unreachable")


@contextlib.contextmanager
def running_postgres(
    *, dbname: str = DEFAULT_DBNAME, skip_if_missing: bool = False, durable: bool = False
) -> Iterator[str]:
    """Run a throwaway server; yield ``postgresql+psycopg://postgres@127.0.0.1:PORT/dbname``.

    If the binaries are missing this raises ``PostgresUnavailableError`` so CI
    cannot silently skip the PostgreSQL tests. Only when ``skip_if_missing`` is
    true and the ``CI`` environment variable is unset/empty (a developer
    machine) is the calling test skipped instead, via ``pytest.skip``.
    """
    bindir = find_pg_bindir()
    if bindir is None:
        if skip_if_missing and not os.environ.get("CI"):
            import pytest  # only needed here; keeps the module importable without pytest

            pytest.skip(INSTALL_HINT)
        raise PostgresUnavailableError(INSTALL_HINT)

    user = _unprivileged_user()
    tmp = Path(tempfile.mkdtemp(prefix="counterdesk-pg-"))
    data = tmp / "data"
    started = False
    try:
        if user is not None:
            os.chown(tmp, user.pw_uid, user.pw_gid)
        _run_as(
            user,
            [
                str(bindir / "initdb"),
                "-D", str(data),
                "-U", SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                *([] if durable else ["--no-sync"]),  # nothing to keep
            ],
            cwd=tmp,
        )  # fmt: skip
        port = _start_server(bindir, user, tmp, data, durable)
        started = True
        base_url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
        yield fresh_database(base_url, dbname)
    finally:
        if started:
            pg_ctl = str(bindir / "pg_ctl")
            try:
                _run_as(user, [pg_ctl, "stop", "-w", "-m", "fast", "-D", str(data)], cwd=tmp)
            except RuntimeError:  # e.g. a test left a hung session; never leak a server
                _run_as(user, [pg_ctl, "stop", "-w", "-m", "immediate", "-D", str(data)], cwd=tmp)
        shutil.rmtree(tmp, ignore_errors=True)


def fresh_database(base_url: str, name: str) -> str:
    """Create an empty database ``name`` on the server of ``base_url``; return its URL.

    Lets each test get its own empty database instead of cleaning up tables.
    """
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    url = make_url(base_url)
    with psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database or "postgres",
        autocommit=True,  # CREATE DATABASE cannot run inside a transaction
    ) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return url.set(database=name).render_as_string(hide_password=False)
