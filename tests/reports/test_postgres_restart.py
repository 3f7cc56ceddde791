"""Fault test: PostgreSQL restarts during a report; the job still finishes.

The test starts a PostgreSQL server of its own (ports 5446-5449, never the shared one), migrates
it, and runs a real worker against it; the report is slowed by tests/reports/slow_builders.py.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from reports.tasks import generate_report
from tests.conftest import ROOT, running_celery_worker, worker_queue_prefix

pytestmark = [pytest.mark.worker, pytest.mark.redis]

BINDIR = (
    Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
    if glob.glob("/usr/lib/postgresql/*/bin")
    else None
)


def _as_postgres(*argv: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *argv], check=True, capture_output=True)


@pytest.fixture
def own_postgres(worker_id: str) -> Iterator[tuple[str, Path, str]]:
    """A throw-away PostgreSQL server; yields (database URL, data directory, pg_ctl path)."""
    if BINDIR is None or os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL binaries and root (to run them as postgres)")
    index = int(worker_id[2:]) if worker_id.startswith("gw") else 0
    port = 5446 + index % 4
    home = Path(tempfile.mkdtemp(prefix="gcm-pg-"))
    shutil.chown(home, "postgres", "postgres")
    data = home / "data"
    pg_ctl = str(BINDIR / "pg_ctl")
    _as_postgres(str(BINDIR / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust")
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_postgres(pg_ctl, "-D", str(data), "-o", options, "-l", str(home / "log"), "-w", "start")
    try:
        _as_postgres(str(BINDIR / "createdb"), "-h", "127.0.0.1", "-p", str(port), "gcm")
        yield f"postgres://postgres@127.0.0.1:{port}/gcm", data, pg_ctl
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(home, ignore_errors=True)


def _manage(url: str, *argv: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "gcm_tracker.settings.test", "DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _log(data: Path) -> str:
    return str(data.parent / "log")


def _job_row(url: str, job_id: int) -> tuple[str, int, int, str, int]:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT status, progress, attempts, error,"
                " (SELECT count(*) FROM reviews_reportfile WHERE job_id = j.id)"
                " FROM reviews_reportjob j WHERE id = %s",
                [job_id],
            )
            row = cursor.fetchone()
    finally:
        conn.close()
    assert row is not None
    return row


def test_a_report_finishes_after_postgresql_restarts_mid_run(own_postgres, worker_id, tmp_path):
    url, data, pg_ctl = own_postgres
    _manage(url, "migrate", "--noinput")
    job_id = int(
        _manage(
            url,
            "shell",
            "--no-imports",
            "-c",
            "from reports.models import ReportJob; print(ReportJob.objects.create("
            "kind='data_export', parameters={'dataset': 'review_cycles', 'format': 'csv'},"
            " parameters_key='pg-restart').pk)",
        ).splitlines()[-1]
    )
    pidfile = tmp_path / "pool.pid"
    with running_celery_worker(
        worker_queue_prefix(worker_id) + "pg-",
        include="tests.reports.slow_builders",
        extra_env={
            "DATABASE_URL": url,
            "SLOW_REPORT_PIDFILE": str(pidfile),
            "SLOW_REPORT_SECONDS": "10",
        },
    ):
        generate_report.apply_async(args=(job_id,))
        deadline = time.monotonic() + 60
        while not pidfile.exists():
            assert time.monotonic() < deadline, "the report did not start"
            time.sleep(0.2)
        assert _job_row(url, job_id)[:3] == ("running", 30, 1)

        _as_postgres(pg_ctl, "-D", str(data), "-l", _log(data), "-m", "fast", "-w", "restart")

        deadline = time.monotonic() + 120
        while True:
            status, progress, attempts, error, files = _job_row(url, job_id)
            if status in ("succeeded", "failed"):
                break
            assert time.monotonic() < deadline, f"job still {status} {progress}%"
            time.sleep(0.5)
    assert (status, error) == ("succeeded", "")
    assert progress == 100
    assert attempts == 2
    assert files == 1
