"""Real Redis and PostgreSQL servers for the shared-mode tests, started by the test session in
temporary directories on free loopback ports (`tests/servers/install.sh` installs them)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT = 30.0


class NoServerError(Exception):
    """The server is not installed here, or would not start; the message says which."""


def free_port() -> int:
    """A loopback TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NoServerError(f"exited with {process.returncode}: {log.read_text()[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise NoServerError(f"not listening on port {port} after {START_TIMEOUT:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def postgres_binary(name: str) -> str | None:
    """A PostgreSQL server program: on PATH, or where Debian's packages put it."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@contextmanager
def redis_server() -> Iterator[str]:
    """A Redis server without persistence on a free port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise NoServerError("redis-server is not installed (tests/servers/install.sh installs it "
                          "with root and apt-get)")
    folder = Path(tempfile.mkdtemp(prefix="bot-redis-"))
    port = free_port()
    log = folder / "redis.log"
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder), "--logfile", str(log)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, process, log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` account (which the
    Debian package creates) or `nobody`."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoServerError("running as root without runuser: cannot start PostgreSQL")
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return [runuser, "-u", user, "--"]
    raise NoServerError("running as root with no postgres or nobody account")


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (initdb in a temporary directory, trust on loopback, no
    fsync) on a free port; yields the URL of its `bot` database."""
    initdb, postgres = postgres_binary("initdb"), postgres_binary("postgres")
    if initdb is None or postgres is None:
        raise NoServerError("PostgreSQL is not installed (tests/servers/install.sh installs it "
                          "with root and apt-get)")
    prefix = _as_postgres_user()
    folder = Path(tempfile.mkdtemp(prefix="bot-postgres-"))
    if prefix:
        user = prefix[2]
        shutil.chown(folder, user)
    data, log, port = folder / "data", folder / "postgres.log", free_port()
    done = subprocess.run(
        [*prefix, initdb, "-D", str(data), "-U", "bot", "--auth=trust", "-E", "UTF8",
         "--no-sync"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServerError(f"initdb failed: {done.stderr.strip()[-500:]}")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*prefix, postgres, "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
             "-k", str(folder), "-c", "fsync=off", "-c", "synchronous_commit=off",
             "-c", "full_page_writes=off"],
            stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, process, log)
        _create_database(port)
        yield f"postgresql://bot@127.0.0.1:{port}/bot"
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _create_database(port: int) -> None:
    import psycopg

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with psycopg.connect(f"postgresql://bot@127.0.0.1:{port}/postgres",
                                 autocommit=True) as connection:
                connection.execute("CREATE DATABASE bot")
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)  # listening, but still starting up


def database_rows(target: Path | str, sql: str = "SELECT * FROM questions ORDER BY id"
                  ) -> list[dict[str, object]]:
    """Rows of a query as dicts, from an SQLite file or a postgresql:// URL."""
    if isinstance(target, str):
        import psycopg
        from psycopg.rows import dict_row

        with psycopg.connect(target, row_factory=dict_row) as connection:
            return list(connection.execute(sql.encode()).fetchall())
    import sqlite3

    with sqlite3.connect(target) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql)]


def column_names(target: Path | str) -> list[str]:
    """The question table's columns in order, in either database."""
    if isinstance(target, str):
        sql = ("SELECT column_name AS name FROM information_schema.columns "
               "WHERE table_name = 'questions' ORDER BY ordinal_position")
    else:
        sql = "SELECT name FROM pragma_table_info('questions')"
    return [str(row["name"]) for row in database_rows(target, sql)]


def fresh_database(url: str, name: str) -> str:
    """A new empty database on the server of `url` (dropped first if it exists); its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}".encode())
        connection.execute(f"CREATE DATABASE {name}".encode())
    return url.rsplit("/", 1)[0] + f"/{name}"
