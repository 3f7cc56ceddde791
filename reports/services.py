"""Report jobs: request (deduplicated, published to the broker), run (idempotent), fail."""

from __future__ import annotations

import datetime
import json
import logging
from functools import partial
from typing import Any

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, connection, transaction
from django.db import OperationalError as DatabaseOperationalError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerOperationalError

from accounts.models import User
from core.errors import DomainError, ForbiddenError, UnavailableError

from . import builders
from .models import ReportFile, ReportJob
from .permissions import can_request_report

logger = logging.getLogger(__name__)

# Errors worth a retry: the database or the broker went away for a moment.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    DatabaseOperationalError,
    InterfaceError,
    BrokerOperationalError,
)


def _stale_after() -> datetime.timedelta:
    """A job running (or queued) longer than the task time limit, twice over, is dead."""
    return datetime.timedelta(seconds=2 * int(settings.CELERY_TASK_TIME_LIMIT))


def _parameters_key(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, separators=(",", ":"))[:255]


def request_report(
    *, actor: Any, kind: str, parameters: dict[str, Any] | None = None
) -> tuple[ReportJob, bool]:
    """Queue a report for ``actor``; return (job, created).

    Asking again for the same report (kind and parameters) while one is queued or running
    returns that job. The job row is committed, then the task is published; if the broker
    cannot be reached, the job is removed again and an UnavailableError (503) says so.
    """
    if not can_request_report(actor):
        raise ForbiddenError(_("Log in to request reports."))
    params = builders.clean_parameters(kind, parameters or {}, actor)
    job, created = _create_or_reuse(actor=actor, kind=kind, params=params)
    if created:
        publish_report_job(job)
    return job, created


def _create_or_reuse(
    *, actor: Any, kind: str, params: dict[str, Any], public: bool = False
) -> tuple[ReportJob, bool]:
    key = _parameters_key(params)
    with transaction.atomic():
        if actor is not None:
            # Serialise one user's requests so two clicks cannot both create a job.
            User.objects.select_for_update().filter(pk=actor.pk).first()
        active = (
            ReportJob.objects.select_for_update()
            .filter(
                kind=kind,
                parameters_key=key,
                requested_by=actor,
                status__in=ReportJob.ACTIVE,
            )
            .first()
        )
        if active is not None:
            if timezone.now() - active.updated_at < _stale_after():
                return active, False
            _fail(active, _("The report did not finish in time; it was requested again."))
        job = ReportJob(
            kind=kind,
            parameters=params,
            parameters_key=key,
            requested_by=actor,
            is_public=public,
        )
        try:
            with transaction.atomic():
                job.save()
        except IntegrityError:
            # Another request created the same job between our read and our write.
            existing = ReportJob.objects.get(
                kind=kind, parameters_key=key, requested_by=actor, status__in=ReportJob.ACTIVE
            )
            return existing, False
    return job, True


def publish_report_job(job: ReportJob) -> None:
    """Send the job to the broker now, so a dead broker is reported to the requester."""
    from .tasks import generate_report

    try:
        if current_app.conf.task_always_eager:
            generate_report.apply_async(args=(job.pk,))
        else:
            with current_app.connection_for_write() as connection:
                generate_report.apply_async(  # type: ignore[call-arg]
                    args=(job.pk,),
                    connection=connection,
                    retry=True,
                    retry_policy={
                        "max_retries": 2,
                        "interval_start": 0,
                        "interval_step": 0.5,
                        "interval_max": 1,
                    },
                )
    except BrokerOperationalError as exc:
        logger.warning("Report job %s not queued: broker unreachable (%s)", job.pk, exc)
        _discard(job)
        raise UnavailableError(
            _(
                "The report service is unavailable right now, so the report was not requested. "
                "Please try again in a few minutes."
            ),
        ) from exc


def _discard(job: ReportJob) -> None:
    """Remove a job that never reached the broker, with its history: nothing half-created."""
    with transaction.atomic():
        ReportJob.objects.filter(pk=job.pk).delete()
        ReportJob.history.filter(id=job.pk).delete()


def _fail(job: ReportJob, message: str) -> None:
    job.status = ReportJob.Status.FAILED
    job.error = message
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at", "updated_at"])


def _lease_expiry() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.REPORT_LEASE_SECONDS)


def _set_progress(job_id: int, percent: int) -> None:
    # A plain UPDATE: progress ticks are not worth a history row each. Each tick renews the lease.
    ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.RUNNING).update(
        progress=max(0, min(99, percent)), lease_expires_at=_lease_expiry()
    )


def _lease_is_live(job: ReportJob, task_id: str) -> bool:
    """Whether another worker is running the job now.

    A redelivery of the message that holds the lease (same task id) means its first delivery
    died: the broker only hands a message out again when its worker was lost.
    """
    if job.status != ReportJob.Status.RUNNING:
        return False
    if task_id and job.lease_owner == task_id:
        return False
    return job.lease_expires_at is not None and job.lease_expires_at > timezone.now()


def _claim(job_id: int, task_id: str = "") -> ReportJob | None:
    """Take the job's lease and mark it running, unless it is finished or another worker is on it.

    A queued job, or a running one whose lease expired (its worker died), is taken over and run
    again from the start.
    """
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            return None
        if job.status in (ReportJob.Status.SUCCEEDED, ReportJob.Status.FAILED):
            return None
        if _lease_is_live(job, task_id):
            return None
        job.status = ReportJob.Status.RUNNING
        job.started_at = timezone.now()
        job.attempts += 1
        job.progress = 5
        job.error = ""
        job.lease_expires_at = _lease_expiry()
        job.lease_owner = task_id
        job.save(
            update_fields=[
                "status",
                "started_at",
                "attempts",
                "progress",
                "error",
                "lease_expires_at",
                "lease_owner",
                "updated_at",
            ]
        )
        return job


def run_report_job(
    *, job_id: int, task_id: str = "", final_attempt: bool = True
) -> ReportJob | None:
    """Generate a job's files. Idempotent: a finished job, or one another worker holds, is left.

    ``task_id`` identifies the delivery holding the job's lease; a job is run from the start
    every time it is claimed, and its files are replaced, never added to.

    Transient errors (database or broker) close the broken database connection and are
    re-raised for the task to retry, after putting the job back in the queue; on the final
    attempt, and for every other error, the job fails with a message for the user.
    """
    try:
        return _run(job_id, task_id)
    except TRANSIENT_ERRORS:
        _drop_broken_connection()
        if not final_attempt:
            _release(job_id)
            raise
        logger.exception("Report job %s failed after retries", job_id)
        return mark_report_failed(
            job_id=job_id,
            message=_("A service the report needs was unavailable; please request it again."),
        )


def _drop_broken_connection() -> None:
    """Close the connection a database error left behind, so the next query opens a new one."""
    if not connection.in_atomic_block:  # (only a test wraps the task in a transaction)
        connection.close()


def _release(job_id: int) -> None:
    """Put a job whose run hit a transient error back in the queue for the retry (best effort).

    If the database is still away the job stays running under this task's lease: the retry
    carries the same task id and takes it over, and the sweep catches it if no retry comes.
    """
    try:
        ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.RUNNING).update(
            status=ReportJob.Status.QUEUED, lease_expires_at=None
        )
    except TRANSIENT_ERRORS:
        _drop_broken_connection()
        logger.warning("Report job %s left running for its retry: database unavailable", job_id)


def _run(job_id: int, task_id: str) -> ReportJob | None:
    job = _claim(job_id, task_id)
    if job is None:
        return ReportJob.objects.filter(pk=job_id).first()
    try:
        outputs = builders.build(job, lambda percent: _set_progress(job_id, percent))
    except TRANSIENT_ERRORS:
        raise
    except DomainError as exc:
        return mark_report_failed(job_id=job_id, message=str(exc))
    except SoftTimeLimitExceeded:
        return mark_report_failed(
            job_id=job_id,
            message=_("The report took too long to generate and was stopped."),
        )
    except Exception as exc:
        logger.exception("Report job %s failed", job_id)
        return mark_report_failed(
            job_id=job_id,
            message=_(
                "The report could not be generated because of an internal error (%(error)s). "
                "The administrators have been told; please try again later."
            )
            % {"error": type(exc).__name__},
        )
    return _store(job_id, outputs)


def _store(job_id: int, outputs: list[builders.Output]) -> ReportJob | None:
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != ReportJob.Status.RUNNING:
            return job
        for old in job.files.all():
            old.file.delete(save=False)
            old.delete()
        for output in outputs:
            report_file = ReportFile(
                job=job, name=output.name, format=output.format, size=len(output.content)
            )
            report_file.file.save(output.name, ContentFile(output.content), save=False)
            report_file.save()
        job.status = ReportJob.Status.SUCCEEDED
        job.progress = 100
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "progress", "finished_at", "updated_at"])
    return job


def mark_report_failed(*, job_id: int, message: str) -> ReportJob | None:
    """Record a final failure on the job, with the reason shown to the user."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (ReportJob.Status.SUCCEEDED, ReportJob.Status.FAILED):
            return job
        _fail(job, message)
        return job


def sweep_stale_report_jobs() -> tuple[int, int]:
    """Re-queue running jobs whose lease expired (their worker died); fail those out of attempts.

    Run by Celery beat every two minutes. Returns (re-queued, failed).
    """
    from .tasks import generate_report

    requeued = failed = 0
    now = timezone.now()
    # Jobs started before leases existed have none: their last write stands in for it.
    stale = Q(lease_expires_at__lt=now) | Q(
        lease_expires_at__isnull=True,
        updated_at__lt=now - datetime.timedelta(seconds=settings.REPORT_LEASE_SECONDS),
    )
    stale_ids = list(
        ReportJob.objects.filter(stale, status=ReportJob.Status.RUNNING).values_list(
            "pk", flat=True
        )
    )
    for job_id in stale_ids:
        with transaction.atomic():
            job = (
                ReportJob.objects.select_for_update()
                .filter(stale, pk=job_id, status=ReportJob.Status.RUNNING)
                .first()
            )
            if job is None:
                continue  # finished or taken over since the list was read
            if job.attempts >= settings.REPORT_MAX_ATTEMPTS:
                logger.warning("Report job %s failed: %s attempts lost", job_id, job.attempts)
                _fail(
                    job,
                    _(
                        "The report could not be finished: the worker generating it stopped "
                        "%(attempts)d times. Please request it again later."
                    )
                    % {"attempts": job.attempts},
                )
                failed += 1
                continue
            job.status = ReportJob.Status.QUEUED
            job.progress = 0
            job.lease_expires_at = None
            job.lease_owner = ""
            job.save(
                update_fields=[
                    "status",
                    "progress",
                    "lease_expires_at",
                    "lease_owner",
                    "updated_at",
                ]
            )
            transaction.on_commit(partial(generate_report.delay, job.pk))
            requeued += 1
    if requeued or failed:
        logger.warning("Report sweep: %s re-queued, %s failed", requeued, failed)
    return requeued, failed


KEEP_BULK_EXPORTS = 2


def regenerate_bulk_exports() -> ReportJob | None:
    """Rebuild the public bulk downloads (run nightly by Celery beat) and prune old ones."""
    job, created = _create_or_reuse(
        actor=None, kind=ReportJob.Kind.BULK_EXPORT, params={}, public=True
    )
    if not created:
        return job
    finished = run_report_job(job_id=job.pk)
    if finished is not None and finished.status == ReportJob.Status.SUCCEEDED:
        old = ReportJob.objects.filter(
            kind=ReportJob.Kind.BULK_EXPORT, status=ReportJob.Status.SUCCEEDED
        ).order_by("-finished_at", "-id")[KEEP_BULK_EXPORTS:]
        for stale in old:
            for report_file in stale.files.all():
                report_file.file.delete(save=False)
            stale.delete()
    return finished
