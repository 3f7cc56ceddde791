"""A PostgreSQL restart costs only the requests in flight: persistent connections are checked
before reuse (CONN_HEALTH_CHECKS), so the first request after the restart reconnects.

The test starts its own PostgreSQL (ports 5441-5445, one per xdist worker; the shared server is
never touched), opens a persistent connection to it as the web process would, restarts it, and
runs the next "request".
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.utils import ConnectionHandler

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
RUNUSER = shutil.which("runuser")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not BIN or RUNUSER is None or os.geteuid() != 0,
        reason="needs Debian's PostgreSQL binaries and root (to run them as the postgres user)",
    ),
]


class PostgresServer:
    """A throw-away cluster in a temporary folder, run as the postgres user."""

    def __init__(self, port: int, root: Path) -> None:
        self.port = port
        self.data = root / "data"
        self.sockets = root / "sockets"
        self.sockets.mkdir()
        shutil.chown(root, "postgres")
        shutil.chown(self.sockets, "postgres")
        self._as_postgres("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.start()

    def _as_postgres(self, tool: str, *args: str) -> None:
        result = subprocess.run(
            [str(RUNUSER), "-u", "postgres", "--", f"{BIN[-1]}/{tool}", *args],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}")

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres("pg_ctl", "-D", str(self.data), "-o", options, "-w", *args)

    def start(self) -> None:
        self._ctl("start", "-l", str(self.data / "log"))

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast", "-l", str(self.data / "log"))

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate")


@pytest.fixture
def own_postgres(worker_id: str) -> Iterator[PostgresServer]:
    index = 0 if worker_id == "master" else int(worker_id.removeprefix("gw")) % 5
    # Not pytest's tmp_path: its parents are private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="gcm-pg-restart-"))
    try:
        server = PostgresServer(5441 + index, root)
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _web_connection(server: PostgresServer, *, health_checks: bool) -> Any:
    """A connection configured like the production default one, to the private server."""
    handler = ConnectionHandler(
        {
            "default": {
                **settings.DATABASES["default"],
                "NAME": "postgres",
                "USER": "postgres",
                "PASSWORD": "",
                "HOST": "127.0.0.1",
                "PORT": str(server.port),
                "CONN_MAX_AGE": 60,
                "CONN_HEALTH_CHECKS": health_checks,
                "TEST": {},
            }
        }
    )
    return handler["default"]


def _request(connection: Any) -> int:
    """What one request does: the request_started check, a query, the request_finished check."""
    connection.close_if_unusable_or_obsolete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    connection.close_if_unusable_or_obsolete()
    return value


def test_the_first_request_after_a_restart_reconnects(
    own_postgres: PostgresServer, django_db_blocker: Any
) -> None:
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    connection = _web_connection(own_postgres, health_checks=True)
    # The private server, not the test database: pytest-django's guard does not apply.
    with django_db_blocker.unblock():
        try:
            assert _request(connection) == 1
            own_postgres.restart()
            assert _request(connection) == 1
        finally:
            connection.close()


def test_without_health_checks_a_request_after_the_restart_would_fail(
    own_postgres: PostgresServer, django_db_blocker: Any
) -> None:
    connection = _web_connection(own_postgres, health_checks=False)
    with django_db_blocker.unblock():
        try:
            assert _request(connection) == 1
            own_postgres.restart()
            with pytest.raises(OperationalError):
                _request(connection)
        finally:
            connection.close()


def test_readiness_reports_the_database_down_while_liveness_answers(
    own_postgres: PostgresServer, django_db_blocker: Any, client: Any, monkeypatch: Any
) -> None:
    connection = _web_connection(own_postgres, health_checks=True)
    monkeypatch.setattr("core.health.connection", connection)
    with django_db_blocker.unblock():
        try:
            assert client.get("/health/ready/").json()["checks"]["database"]["status"] == "ok"
            own_postgres.stop()
            ready = client.get("/health/ready/")
            assert ready.status_code == 503
            assert ready.json()["checks"]["database"]["status"] == "down"
            assert client.get("/health/live/").status_code == 200
            own_postgres.start()
            assert client.get("/health/ready/").json()["checks"]["database"]["status"] == "ok"
        finally:
            connection.close()
