"""Celery tasks of the reports app: thin wrappers that call one service each.

The tasks keep the names they had when reports were part of the reviews app
(``reviews.generate_report``, ``reviews.regenerate_bulk_exports``), so messages already queued
and the beat schedule still find them.
"""

from __future__ import annotations

from celery import shared_task

from . import services as report_services

REPORT_TIME_LIMIT = 10 * 60


@shared_task(
    name="reviews.generate_report",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=report_services.TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=REPORT_TIME_LIMIT,
    time_limit=REPORT_TIME_LIMIT + 30,
)
def generate_report(self, job_id: int) -> None:
    """Generate a report job's files; safe to run twice."""
    report_services.run_report_job(
        job_id=job_id,
        task_id=self.request.id or "",
        final_attempt=self.request.retries >= self.max_retries,
    )


@shared_task(
    name="reviews.regenerate_bulk_exports",
    acks_late=True,
    soft_time_limit=REPORT_TIME_LIMIT,
    time_limit=REPORT_TIME_LIMIT + 30,
)
def regenerate_bulk_exports() -> None:
    """Nightly: rebuild the public bulk downloads at their stable URLs."""
    report_services.regenerate_bulk_exports()


@shared_task(name="reports.sweep_report_jobs", acks_late=True)
def sweep_report_jobs() -> tuple[int, int]:
    """Every two minutes: re-queue report jobs whose worker died, fail those out of attempts."""
    return report_services.sweep_stale_report_jobs()
