"""Report job leases and the sweep: a job whose worker died is run again or fails with a reason."""

from __future__ import annotations

import datetime

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from reports import builders, services
from reports.models import ReportJob
from reports.tasks import generate_report

pytestmark = pytest.mark.django_db


def _job(member, **fields) -> ReportJob:
    fields.setdefault("parameters_key", '{"dataset":"review_cycles","format":"csv"}')
    return ReportJob.objects.create(
        kind=ReportJob.Kind.DATA_EXPORT,
        parameters={"dataset": "review_cycles", "format": "csv"},
        requested_by=member,
        **fields,
    )


def _ago(seconds: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=seconds)


def test_running_a_job_records_its_lease_owner(cycles, member):
    job = _job(member)
    done = services.run_report_job(job_id=job.pk, task_id="t1")
    assert done is not None
    assert done.status == ReportJob.Status.SUCCEEDED
    assert done.attempts == 1
    assert done.lease_owner == "t1"
    assert done.files.count() == 1


def test_a_live_lease_makes_a_duplicate_delivery_return_quietly(cycles, member):
    job = _job(
        member,
        status=ReportJob.Status.RUNNING,
        progress=30,
        attempts=1,
        lease_owner="first",
        lease_expires_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    services.run_report_job(job_id=job.pk, task_id="second")
    job.refresh_from_db()
    assert job.status == ReportJob.Status.RUNNING
    assert job.attempts == 1
    assert job.files.count() == 0


def test_an_expired_lease_is_taken_over_and_the_job_run_from_the_start(cycles, member):
    job = _job(
        member,
        status=ReportJob.Status.RUNNING,
        progress=30,
        attempts=1,
        lease_owner="dead",
        lease_expires_at=_ago(1),
    )
    services.run_report_job(job_id=job.pk, task_id="second")
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 2
    assert job.files.count() == 1


def test_a_redelivery_of_the_lease_holders_own_message_takes_over_at_once(cycles, member):
    # The broker redelivers a message only when the worker that had it was lost.
    job = _job(
        member,
        status=ReportJob.Status.RUNNING,
        progress=30,
        attempts=1,
        lease_owner="same-task",
        lease_expires_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    services.run_report_job(job_id=job.pk, task_id="same-task")
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 2


def test_running_a_job_again_replaces_its_files(cycles, member):
    job = _job(member)
    services.run_report_job(job_id=job.pk, task_id="t1")
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.RUNNING, lease_expires_at=_ago(1)
    )
    services.run_report_job(job_id=job.pk, task_id="t2")
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.files.count() == 1


def test_progress_ticks_renew_the_lease(member):
    job = _job(member, status=ReportJob.Status.RUNNING, lease_expires_at=_ago(1))
    services._set_progress(job.pk, 40)
    job.refresh_from_db()
    assert job.progress == 40
    assert job.lease_expires_at > timezone.now()


def test_the_sweep_requeues_a_job_whose_lease_expired(
    cycles, member, django_capture_on_commit_callbacks
):
    job = _job(
        member,
        status=ReportJob.Status.RUNNING,
        progress=30,
        attempts=1,
        lease_owner="dead",
        lease_expires_at=_ago(10),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.sweep_stale_report_jobs() == (1, 0)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    assert job.lease_owner == ""
    assert len(callbacks) == 1
    # The re-queued task (eager in tests) runs the job again from the start.
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 2
    assert job.files.count() == 1


def test_the_sweep_fails_a_job_out_of_attempts_with_a_reason(member, settings):
    settings.REPORT_MAX_ATTEMPTS = 3
    job = _job(member, status=ReportJob.Status.RUNNING, attempts=3, lease_expires_at=_ago(10))
    assert services.sweep_stale_report_jobs() == (0, 1)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "stopped 3 times" in job.error
    assert job.finished_at is not None


def test_the_sweep_leaves_live_leases_queued_and_finished_jobs(member):
    live = _job(
        member,
        status=ReportJob.Status.RUNNING,
        attempts=1,
        lease_expires_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    queued = _job(member, parameters_key="other")
    assert services.sweep_stale_report_jobs() == (0, 0)
    live.refresh_from_db()
    queued.refresh_from_db()
    assert live.status == ReportJob.Status.RUNNING
    assert queued.status == ReportJob.Status.QUEUED


def _database_away(job, progress):
    progress(30)
    raise OperationalError("server closed the connection unexpectedly")


def test_a_database_error_puts_the_job_back_for_the_retry(member, monkeypatch):
    monkeypatch.setattr(builders, "build", _database_away)
    job = _job(member)
    with pytest.raises(OperationalError):
        services.run_report_job(job_id=job.pk, task_id="t1", final_attempt=False)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    assert job.lease_expires_at is None
    assert job.error == ""


def test_a_database_error_on_the_final_attempt_fails_the_job_with_a_reason(member, monkeypatch):
    monkeypatch.setattr(builders, "build", _database_away)
    job = _job(member)
    services.run_report_job(job_id=job.pk, task_id="t1", final_attempt=True)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "was unavailable" in job.error


def test_the_report_task_retries_database_errors_with_backoff():
    assert OperationalError in generate_report.autoretry_for
    assert InterfaceError in generate_report.autoretry_for
    assert generate_report.retry_backoff
    assert 0 < generate_report.max_retries <= 10


def test_celery_redelivers_lost_tasks_and_routes_reports_and_e_mail_to_their_queues():
    from django.conf import settings as django_settings

    from gcm_tracker.celery import app
    from gcm_tracker.settings.base import task_routes

    assert django_settings.CELERY_TASK_ACKS_LATE
    assert django_settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert django_settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    visibility = django_settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > django_settings.CELERY_TASK_TIME_LIMIT
    assert visibility > generate_report.time_limit
    routes = task_routes()
    assert routes["reviews.generate_report"] == {"queue": "reports"}
    assert routes["reports.sweep_report_jobs"] == {"queue": "reports"}
    assert routes["initiatives.tasks.notify_transition"] == {"queue": "notifications"}
    assert routes["initiatives.tasks.deliver_pending_notifications"] == {"queue": "notifications"}
    # Every routed name is a registered task (a typo would silently use the default queue).
    app.loader.import_default_modules()
    assert set(routes) <= set(app.tasks)
    assert django_settings.CELERY_BEAT_SCHEDULE["reports-sweep-report-jobs"]["schedule"] == 120.0


def test_the_sweep_requeues_a_job_stranded_before_leases_existed(member, settings):
    settings.REPORT_LEASE_SECONDS = 60
    job = _job(member, status=ReportJob.Status.RUNNING, progress=30, attempts=1)
    ReportJob.objects.filter(pk=job.pk).update(updated_at=_ago(3600))
    recent = _job(member, status=ReportJob.Status.RUNNING, attempts=1, parameters_key="other")
    assert services.sweep_stale_report_jobs() == (1, 0)
    job.refresh_from_db()
    recent.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    assert recent.status == ReportJob.Status.RUNNING
