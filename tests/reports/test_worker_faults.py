"""Fault tests on real servers: a report job always ends, even when its worker process dies."""

from __future__ import annotations

import os
import signal
import time

import pytest

from reports.models import ReportJob
from reports.services import request_report
from tests.conftest import running_celery_worker, worker_queue_prefix

pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.redis]


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _finished(job: ReportJob) -> bool:
    job.refresh_from_db()
    return job.status in (ReportJob.Status.SUCCEEDED, ReportJob.Status.FAILED)


def test_a_report_whose_pool_process_is_killed_finishes_after_redelivery(
    transactional_db, worker_id, cycles, member, tmp_path
):
    pidfile = tmp_path / "pool.pid"
    with running_celery_worker(
        worker_queue_prefix(worker_id) + "kill-",
        pool="prefork",
        include="tests.reports.slow_builders",
        extra_env={"SLOW_REPORT_PIDFILE": str(pidfile), "SLOW_REPORT_SECONDS": "120"},
    ) as worker:
        job, _created = request_report(
            actor=member,
            kind=ReportJob.Kind.DATA_EXPORT,
            parameters={"dataset": "review_cycles", "format": "csv"},
        )
        _wait_for(pidfile.exists, 60, "the report to start")
        job.refresh_from_db()
        assert job.status == ReportJob.Status.RUNNING
        assert job.progress == 30
        pool_pid = int(pidfile.read_text())
        assert pool_pid != worker.pid

        os.kill(pool_pid, signal.SIGKILL)

        # acks_late + reject_on_worker_lost: the message goes back to the queue, the new pool
        # process gets it, and being the lease holder's own message it takes the job over.
        _wait_for(lambda: _finished(job), 90, "the job to finish")
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    assert job.attempts == 2
    assert job.progress == 100
    assert job.files.count() == 1
    assert job.files.get().size > 0
