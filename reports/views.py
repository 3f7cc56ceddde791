"""Pages of the reports app: my reports, the request form, downloads and the bulk downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.pages import form_error_status
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


def _report_list_page(
    request: HttpRequest, form: ReportRequestForm, *, status: int = 200
) -> HttpResponse:
    jobs = list(selectors.report_list(request.user)[:100])
    return render(
        request,
        "reports/report_list.html",
        {
            "jobs": jobs,
            "any_active": any(j.is_active for j in jobs),
            "form": form,
            "datasets": datasets.datasets(),
            "regions": ReviewRegion.objects.all(),
            "regional_cycles": review_selectors.regional_cycles(),
            "imrf_cycles": review_selectors.imrf_cycles(),
        },
        status=status,
    )


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """My reports: each job's status and files; the page refreshes itself while jobs run."""
    return _report_list_page(request, ReportRequestForm())


@login_required
@require_POST
def report_request(request: HttpRequest) -> HttpResponse:
    """Request a report; bad parameters show My reports with the errors and the API's status.

    A refusal of the whole request (403, 503) goes to the page error middleware, as the API
    answers it.
    """
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        return _report_list_page(request, form, status=400)
    try:
        _job, created = services.request_report(
            actor=request.user, kind=form.cleaned_data["kind"], parameters=form.parameters()
        )
    except DomainError as exc:
        return _report_list_page(request, form, status=form_error_status(exc, form))
    if created:
        messages.success(request, _("Your report was requested; it appears below when ready."))
    else:
        messages.info(request, _("This report is already being prepared; here it is."))
    return redirect("reports:report-list")


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
