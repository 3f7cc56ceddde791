"""Pages of the reports app: my reports, the request form, downloads and the bulk downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from countries.models import ReviewRegion
from reviews import selectors as review_selectors

from . import datasets, selectors, services
from .forms import ReportRequestForm
from .permissions import can_view_report


def report_file_response(user: object, job_id: int, file_id: int) -> FileResponse:
    """Stream a report file to who may see it; 404 otherwise (used by the API and the pages)."""
    report_file = selectors.report_file(job_id, file_id)
    if report_file is None or not can_view_report(user, report_file.job):
        raise Http404()
    return FileResponse(report_file.file.open("rb"), as_attachment=True, filename=report_file.name)


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """My reports: each job's status and files; the page refreshes itself while jobs run."""
    jobs = list(selectors.report_list(request.user)[:100])
    return render(
        request,
        "reports/report_list.html",
        {
            "jobs": jobs,
            "any_active": any(j.is_active for j in jobs),
            "form": ReportRequestForm(),
            "datasets": datasets.datasets(),
            "regions": ReviewRegion.objects.all(),
            "regional_cycles": review_selectors.regional_cycles(),
            "imrf_cycles": review_selectors.imrf_cycles(),
        },
    )


@login_required
@require_POST
def report_request(request: HttpRequest) -> HttpResponse:
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a kind of report from the list."))
        return redirect("reports:report-list")
    try:
        _job, created = services.request_report(
            actor=request.user, kind=form.cleaned_data["kind"], parameters=form.parameters()
        )
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect(_safe_next(request) or "reports:report-list")
    if created:
        messages.success(request, _("Your report was requested; it appears below when ready."))
    else:
        messages.info(request, _("This report is already being prepared; here it is."))
    return redirect("reports:report-list")


def _safe_next(request: HttpRequest) -> str | None:
    """The ``next`` page to go back to, only if it is on this site."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The row of one job (HTMX polls it every 2 s while it runs)."""
    job = get_object_or_404(selectors.report_list(request.user), pk=pk)
    return render(request, "reports/_report_row.html", {"job": job})


def report_file(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    """Public: a bulk export's file; otherwise only who requested the report (404 for others)."""
    return report_file_response(request.user, pk, file_id)


def bulk_downloads(request: HttpRequest) -> HttpResponse:
    """Public: the nightly bulk files and the datasets they hold."""
    return render(
        request,
        "reports/bulk_downloads.html",
        {"files": selectors.bulk_files(request), "datasets": datasets.datasets()},
    )


def bulk_download(_request: HttpRequest, name: str) -> FileResponse:
    """The stable URL of a public bulk file: always the latest nightly version."""
    report_file = selectors.bulk_file(name)
    if report_file is None:
        raise Http404(_("This file has not been generated yet."))
    return FileResponse(report_file.file.open("rb"), as_attachment=True, filename=name)
