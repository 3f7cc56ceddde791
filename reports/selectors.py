"""Reads of the reports app: the user's jobs, their files and the latest public bulk downloads."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from .models import ReportFile, ReportJob
from .permissions import reports_visible_to


def report_list(user: Any) -> QuerySet[ReportJob]:
    return reports_visible_to(
        user, ReportJob.objects.prefetch_related("files").order_by("-created_at", "-id")
    )


def latest_bulk_export() -> ReportJob | None:
    return (
        ReportJob.objects.filter(
            kind=ReportJob.Kind.BULK_EXPORT,
            is_public=True,
            status=ReportJob.Status.SUCCEEDED,
        )
        .prefetch_related("files")
        .order_by("-finished_at", "-id")
        .first()
    )


def report_file(job_id: int, file_id: int) -> ReportFile | None:
    return ReportFile.objects.select_related("job").filter(pk=file_id, job_id=job_id).first()


def bulk_files(request: Any = None) -> list[dict[str, Any]]:
    """The latest public bulk files, each at its stable URL (/reviews/downloads/<name>)."""
    job = latest_bulk_export()
    if job is None:
        return []
    out = []
    for f in job.files.all():
        url = reverse("reports:bulk-download", args=[f.name])
        out.append(
            {
                "name": f.name,
                "format": f.format,
                "size": f.size,
                "url": request.build_absolute_uri(url) if request is not None else url,
                "generated_at": job.finished_at,
            }
        )
    return out


def bulk_file(name: str) -> ReportFile | None:
    job = latest_bulk_export()
    if job is None:
        return None
    return next((f for f in job.files.all() if f.name == name), None)
