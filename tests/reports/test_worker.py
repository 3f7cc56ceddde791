"""Report jobs run by a real Celery worker on the real Redis broker, sharing PostgreSQL."""

from __future__ import annotations

import time

import pytest

from reports.models import ReportJob
from reports.services import request_report
from reports.tasks import generate_report
from tests.reports.conftest import docx_text, job_file, pdf_text
from tests.reviews.factories import PledgeFactory

pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.redis]


def _wait(job: ReportJob, timeout: float = 120) -> ReportJob:
    deadline = time.monotonic() + timeout
    seen = set()
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.add(job.status)
        if job.status in (ReportJob.Status.SUCCEEDED, ReportJob.Status.FAILED):
            job.seen_statuses = seen  # type: ignore[attr-defined]
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} still {job.status} after {timeout} s")


def test_worker_generates_a_country_profile_pdf(celery_worker_process, cycles, member):
    PledgeFactory(title="Программа интеграции мигрантов", objectives=[15])
    job, created = request_report(
        actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
    )
    assert created
    # The request returns at once: the worker, not the web process, builds the file.
    assert ReportJob.objects.get(pk=job.pk).status in ("queued", "running")
    again, created_again = request_report(
        actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
    )
    assert not created_again
    assert again.pk == job.pk
    job = _wait(job)
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    assert job.progress == 100
    text = pdf_text(job_file(job, "pdf"))
    assert "Country profile: Portugal" in text
    assert "Программа интеграции мигрантов" in text
    assert ReportJob.objects.count() == 1


def test_worker_generates_the_regional_synthesis_pdf_and_docx(
    celery_worker_process, cycles, member
):
    job, _created = request_report(
        actor=member,
        kind=ReportJob.Kind.REGIONAL_SYNTHESIS,
        parameters={"region": "ECE", "cycle": "ece-2020"},
    )
    job = _wait(job)
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    assert sorted(job.files.values_list("format", flat=True)) == ["docx", "pdf"]
    headings, _text = docx_text(job_file(job, "docx"))
    assert "3. Key Findings" in headings
    assert "Geneva (virtual)" in pdf_text(job_file(job, "pdf"))


def test_a_redelivered_task_does_no_harm(celery_worker_process, cycles, member):
    job, _created = request_report(
        actor=member,
        kind=ReportJob.Kind.DATA_EXPORT,
        parameters={"dataset": "review_cycles", "format": "csv"},
    )
    job = _wait(job)
    first_files = list(job.files.values_list("pk", "name"))
    # The broker delivers the same message again (e.g. after a worker was lost).
    generate_report.apply_async(args=(job.pk,), queue=celery_worker_process).get(timeout=60)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.attempts == 1
    assert list(job.files.values_list("pk", "name")) == first_files


def test_a_failed_job_says_why(celery_worker_process, cycles, member):
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.DATA_EXPORT,
        parameters={"dataset": "withdrawn-dataset", "format": "csv"},
        parameters_key="x",
        requested_by=member,
    )
    generate_report.apply_async(args=(job.pk,), queue=celery_worker_process)
    job = _wait(job)
    assert job.status == ReportJob.Status.FAILED
    assert "no longer offered" in job.error
