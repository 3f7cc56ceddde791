"""Who may request, see and download reports; the predicate and the matching queryset scope."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import ReportJob


def reports_visible_to(user: Any, qs: QuerySet[ReportJob]) -> QuerySet[ReportJob]:
    """A user sees the reports they requested; nobody else's (public bulk exports aside)."""
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(requested_by=user)


def can_view_report(user: Any, job: ReportJob) -> bool:
    if job.is_public:
        return True
    return bool(getattr(user, "is_authenticated", False)) and job.requested_by_id == user.pk


def can_request_report(user: Any) -> bool:
    """Any signed-in user may request reports on public data."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "is_active", False)
