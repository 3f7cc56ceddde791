"""Pages of the reviews app: cycles, submissions and pledges."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Organisation
from core.errors import DomainError
from core.pages import form_error_status, message_error_status
from countries.models import Country, ReviewRegion

from . import permissions, selectors, services
from .filters import CycleFilter, PledgeFilter
from .forms import (
    AttachmentForm,
    CycleForm,
    PledgeForm,
    PledgeStatusForm,
    SubmissionForm,
)
from .models import ReviewCycle, Submission

# --- cycles -------------------------------------------------------------------------------------


def cycle_list(request: HttpRequest) -> HttpResponse:
    """Public: every regional review round and IMRF edition."""
    filterset = CycleFilter(request.GET or None, queryset=selectors.cycle_list())
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        cycles = selectors.cycle_list().none()
        status = 400
    else:
        cycles = filterset.qs
    return render(
        request,
        "reviews/cycle_list.html",
        {
            "filter": filterset,
            "cycles": cycles,
            "can_manage": permissions.can_manage_cycles(request.user),
        },
        status=status,
    )


def cycle_detail(request: HttpRequest, code: str) -> HttpResponse:
    cycle = get_object_or_404(selectors.cycle_detail_queryset(), code=code)
    authors = permissions.submission_authors_for(request.user)
    return render(
        request,
        "reviews/cycle_detail.html",
        {
            "cycle": cycle,
            "submissions": selectors.cycle_submissions(cycle, request.user),
            "can_manage": permissions.can_manage_cycle(request.user, cycle),
            "can_submit": cycle.is_open and (authors["countries"] or authors["organisations"]),
            # The report buttons post to the reports app, which any signed-in user may use.
            "can_request": request.user.is_authenticated,
        },
    )


def _managed_regions(user: Any) -> Any:
    from accounts.models import Role
    from accounts.permissions import roles_of

    roles = roles_of(user)
    if roles.is_admin:
        return ReviewRegion.objects.all()
    return ReviewRegion.objects.filter(pk__in=roles.review_region_ids(Role.REVIEW_ORGANISER))


def _form_status(request: HttpRequest) -> int:
    """A form shown again after a POST failed its own validation is a 400."""
    return 400 if request.method == "POST" else 200


@login_required
def cycle_create(request: HttpRequest) -> HttpResponse:
    # Showing the form needs the role; what a POST may do, the service decides.
    if request.method != "POST" and not permissions.can_manage_cycles(request.user):
        raise PermissionDenied
    form = CycleForm(request.POST or None, regions=_managed_regions(request.user))
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.create_cycle(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("The review cycle was created."))
            return redirect(cycle)
    return render(request, "reviews/cycle_form.html", {"form": form, "cycle": None}, status=status)


@login_required
def cycle_edit(request: HttpRequest, code: str) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, code=code)
    if request.method != "POST" and not permissions.can_manage_cycle(request.user, cycle):
        raise PermissionDenied
    # The cycle's own region is always a choice: whether it may be changed, the service decides.
    regions = _managed_regions(request.user) | ReviewRegion.objects.filter(
        pk__in=[cycle.review_region_id] if cycle.review_region_id else []
    )
    form = CycleForm(request.POST or None, instance=cycle, regions=regions)
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "code"}
        try:
            services.update_cycle(actor=request.user, cycle=cycle, **data)
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("The review cycle was saved."))
            return redirect(cycle)
    return render(request, "reviews/cycle_form.html", {"form": form, "cycle": cycle}, status=status)


# --- submissions --------------------------------------------------------------------------------


def _author_choices(user: Any) -> tuple[Any, Any]:
    authors = permissions.submission_authors_for(user)
    return (
        Country.objects.filter(pk__in=authors["countries"]),
        Organisation.objects.filter(pk__in=authors["organisations"]),
    )


@login_required
def submission_create(request: HttpRequest, code: str) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, code=code)
    countries, organisations = _author_choices(request.user)
    if request.method != "POST" and not countries and not organisations:
        raise PermissionDenied
    form = SubmissionForm(request.POST or None, countries=countries, organisations=organisations)
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.create_submission(
                actor=request.user,
                cycle=cycle,
                objectives=form.cleaned_data["objectives"],
                **form.author_kwargs(),
                **form.text(),
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("Your draft was saved. Submit it when it is ready."))
            return redirect(submission)
    return render(
        request,
        "reviews/submission_form.html",
        {"form": form, "cycle": cycle, "submission": None},
        status=status,
    )


def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(selectors.submission_detail_queryset(request.user), pk=pk)
    return render(
        request,
        "reviews/submission_detail.html",
        {
            "submission": submission,
            "can_edit": permissions.can_edit_submission(request.user, submission),
            "attachment_form": AttachmentForm(),
        },
    )


def _visible_submission(request: HttpRequest, pk: int) -> Submission:
    """The submission if the user may see it (a draft of others is a 404)."""
    return get_object_or_404(selectors.submission_detail_queryset(request.user), pk=pk)


@login_required
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _visible_submission(request, pk)
    if request.method != "POST" and not permissions.can_edit_submission_author(
        request.user, submission
    ):
        raise PermissionDenied
    initial = {
        "title": submission.title,
        "summary": submission.summary,
        "progress": submission.progress,
        "good_practices": submission.good_practices,
        "challenges": submission.challenges,
        "recommendations": submission.recommendations,
        "objectives": list(submission.objectives.all()),
    }
    form = SubmissionForm(request.POST or None, initial=initial)
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_submission(
                actor=request.user,
                submission=submission,
                objectives=form.cleaned_data["objectives"],
                **form.text(),
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("Your draft was saved."))
            return redirect(submission)
    return render(
        request,
        "reviews/submission_form.html",
        {"form": form, "cycle": submission.cycle, "submission": submission},
        status=status,
    )


@login_required
@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _visible_submission(request, pk)
    try:
        services.submit_submission(actor=request.user, submission=submission)
    except DomainError as exc:
        status = message_error_status(request, exc)
        return render(
            request,
            "reviews/submission_detail.html",
            {
                "submission": submission,
                "can_edit": permissions.can_edit_submission(request.user, submission),
                "attachment_form": AttachmentForm(),
            },
            status=status,
        )
    messages.success(request, _("The submission was submitted and is now public."))
    return redirect(submission)


@login_required
@require_POST
def submission_attach(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _visible_submission(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        try:
            services.add_submission_attachment(
                actor=request.user,
                submission=submission,
                upload=form.cleaned_data["file"],
                name=form.cleaned_data["name"],
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("The file was attached."))
            return redirect(submission)
    return render(
        request,
        "reviews/submission_detail.html",
        {
            "submission": submission,
            "can_edit": permissions.can_edit_submission(request.user, submission),
            "attachment_form": form,
        },
        status=status,
    )


def submission_attachment(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    """Download an attachment: drafts' files only for who may see the draft."""
    submission = get_object_or_404(selectors.submission_list(request.user), pk=pk)
    attachment = get_object_or_404(submission.attachments.all(), pk=attachment_id)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


# --- pledges ------------------------------------------------------------------------------------


def pledge_dashboard(request: HttpRequest) -> HttpResponse:
    """Public: pledges by type, objective, region and status, with a filtered list."""
    filterset = PledgeFilter(request.GET or None, queryset=selectors.pledge_list())
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        pledges = selectors.pledge_list().none()
        status = 400
    else:
        pledges = filterset.qs
    page = Paginator(pledges, 50).get_page(request.GET.get("page"))
    entities = permissions.pledge_entities_for(request.user)
    return render(
        request,
        "reviews/pledge_dashboard.html",
        {
            "filter": filterset,
            "page": page,
            "pledges": page.object_list,
            "stats": selectors.pledge_dashboard(pledges),
            "can_pledge": bool(entities["countries"] or entities["organisations"]),
        },
        status=status,
    )


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(selectors.pledge_detail_queryset(), pk=pk)
    can_edit = permissions.can_edit_pledge(request.user, pledge)
    return render(
        request,
        "reviews/pledge_detail.html",
        {
            "pledge": pledge,
            "can_edit": can_edit,
            "status_form": PledgeStatusForm(initial={"status": pledge.status})
            if can_edit
            else None,
        },
    )


@login_required
def pledge_create(request: HttpRequest) -> HttpResponse:
    entities = permissions.pledge_entities_for(request.user)
    countries = Country.objects.filter(pk__in=entities["countries"])
    organisations = Organisation.objects.filter(pk__in=entities["organisations"])
    if request.method != "POST" and not countries and not organisations:
        raise PermissionDenied
    form = PledgeForm(request.POST or None, countries=countries, organisations=organisations)
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.create_pledge(
                actor=request.user, **form.entity_kwargs(), **form.service_kwargs()
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("Your pledge was recorded."))
            return redirect(pledge)
    return render(
        request, "reviews/pledge_form.html", {"form": form, "pledge": None}, status=status
    )


@login_required
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(selectors.pledge_detail_queryset(), pk=pk)
    if request.method != "POST" and not permissions.can_edit_pledge(request.user, pledge):
        raise PermissionDenied
    initial = {
        "title": pledge.title,
        "description": pledge.description,
        "pledge_type": pledge.pledge_type,
        "form": pledge.form,
        "matches": pledge.matches_id,
        "partner_countries": list(pledge.partner_countries.all()),
        "partner_organisations": list(pledge.partner_organisations.all()),
        "cycle": pledge.cycle.code if pledge.cycle else None,
        "objectives": list(pledge.objectives.all()),
        "principles": list(pledge.principles.all()),
        "target": pledge.target,
        "deadline": pledge.deadline,
        "amount": pledge.amount,
        "currency": pledge.currency,
    }
    form = PledgeForm(request.POST or None, initial=initial, editing=True)
    status = _form_status(request)
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        matches = data.pop("matches")
        try:
            services.update_pledge(actor=request.user, pledge=pledge, matches=matches, **data)
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("The pledge was saved."))
            return redirect(pledge)
    return render(
        request, "reviews/pledge_form.html", {"form": form, "pledge": pledge}, status=status
    )


@login_required
@require_POST
def pledge_status(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(selectors.pledge_detail_queryset(), pk=pk)
    form = PledgeStatusForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.post_pledge_update(actor=request.user, pledge=pledge, **form.cleaned_data)
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("The update was posted."))
            return redirect(pledge)
    return render(
        request,
        "reviews/pledge_detail.html",
        {
            "pledge": pledge,
            "can_edit": permissions.can_edit_pledge(request.user, pledge),
            "status_form": form,
        },
        status=status,
    )
