"""Plan list, start, dashboard, settings, print and export pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import roles_of
from core.errors import DomainError
from countries.models import Country

from .. import forms, selectors, services
from ..permissions import can_edit_plan, visible_parts
from .common import _base, _plan, _require_coordinator, _run

# --- list, start, dashboard ---------------------------------------------------------------


def plan_list(request: HttpRequest) -> HttpResponse:
    """Public: published plans, plus the plans of the countries where you are an official."""
    plans = list(selectors.plan_list(request.user))
    for p in plans:
        p.percent = selectors.percent(p.checklist_achieved, p.checklist_total, p.checklist_na)  # type: ignore[attr-defined]
    roles = roles_of(request.user)
    startable = (
        Country.objects.filter(pk__in=roles.country_ids("national_coordinator"), plan__isnull=True)
        if roles.is_authenticated
        else Country.objects.none()
    )
    return render(request, "plans/plan_list.html", {"plans": plans, "startable": list(startable)})


@login_required
def plan_start(request: HttpRequest, alpha3: str) -> HttpResponse:
    country = get_object_or_404(Country, alpha3=alpha3.upper())
    form = forms.PlanStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data["integrated_into"]:
            data.pop("integrated_into")
        try:
            plan = services.start_plan(actor=request.user, country=country, **data)
        except DomainError as exc:
            if exc.code == "permission_denied":
                raise PermissionDenied from exc
            exc.add_to_form(form)
        else:
            messages.success(request, _("The plan is started. It is private until you publish it."))
            return redirect(plan)
    elif request.method == "GET":
        from accounts.permissions import can_coordinate_country

        if not can_coordinate_country(request.user, country.pk):
            raise PermissionDenied
    return render(
        request,
        "plans/plan_start.html",
        {"form": form, "country": country},
        status=400 if form.errors else 200,
    )


def plan_detail(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The dashboard: 360° coverage, step progress, measures by status and entity, deadlines."""
    plan = _plan(request, alpha3)
    data = selectors.dashboard(plan, request.user)
    axes = list(plan.axes.order_by("number"))
    return render(request, "plans/plan_detail.html", _base(request, plan, d=data, axes=axes))


@login_required
def plan_settings(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The coordinator describes, adopts, revises and publishes the plan."""
    plan = _plan(request, alpha3)
    _require_coordinator(request, plan)
    fields = [
        "title",
        "summary",
        "form",
        "integrated_into",
        "period_start",
        "period_end",
        "document_url",
    ]
    initial = {f: getattr(plan, f) for f in fields}
    action = request.POST.get("action") if request.method == "POST" else None
    settings_form = forms.PlanSettingsForm(
        request.POST if action == "settings" else None, initial=initial, prefix="s"
    )
    revise_form = forms.PlanReviseForm(
        request.POST if action == "revise" else None, initial=initial, prefix="r"
    )
    adopt_form = forms.AdoptForm(
        request.POST if action == "adopt" else None,
        initial={
            "approving_body": plan.approving_body,
            "approval_instrument": plan.approval_instrument,
            "approval_date": plan.approval_date,
        },
        prefix="a",
    )
    publication_form = forms.PublicationForm(
        request.POST if action == "publication" else None,
        initial={p: getattr(plan, p) for p in forms.PUBLICATION_PARTS},
        prefix="p",
    )
    done = None
    if action == "settings" and settings_form.is_valid():
        done = _run(
            settings_form,
            services.update_plan,
            actor=request.user,
            plan=plan,
            **settings_form.cleaned_data,
        )
    elif action == "revise" and revise_form.is_valid():
        data = dict(revise_form.cleaned_data)
        done = _run(
            revise_form,
            services.revise_plan,
            actor=request.user,
            plan=plan,
            reason=data.pop("reason"),
            **data,
        )
    elif action == "adopt" and adopt_form.is_valid():
        done = _run(
            adopt_form,
            services.adopt_plan,
            actor=request.user,
            plan=plan,
            **adopt_form.cleaned_data,
        )
    elif action == "publication" and publication_form.is_valid():
        done = _run(
            publication_form,
            services.set_publication,
            actor=request.user,
            plan=plan,
            parts=publication_form.cleaned_data,
        )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("plans:plan-settings", alpha3=plan.country.alpha3)
    invalid = any(f.errors for f in (settings_form, revise_form, adopt_form, publication_form))
    return render(
        request,
        "plans/plan_settings.html",
        _base(
            request,
            plan,
            settings_form=settings_form,
            revise_form=revise_form,
            adopt_form=adopt_form,
            publication_form=publication_form,
            revisions=plan.revisions.select_related("created_by").order_by("-number"),
        ),
        status=400 if invalid else 200,
    )


# --- print and export ---------------------------------------------------------------------


def plan_print(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The whole plan (the parts the reader may see) on one printable page."""
    plan = _plan(request, alpha3)
    parts = visible_parts(request.user, plan)
    editor = can_edit_plan(request.user, plan)
    context = _base(
        request,
        plan,
        d=selectors.dashboard(plan, request.user),
        axes=list(plan.axes.order_by("number")),
        measures=list(selectors.measures_for(plan).prefetch_related("budget_lines"))
        if parts["measures"]
        else [],
        indicators=list(selectors.indicators_for(plan, validated_only=not editor))
        if parts["indicators"]
        else [],
    )
    return render(request, "plans/plan_print.html", context)


def plan_export(request: HttpRequest, alpha3: str) -> HttpResponse:
    from ..exports import plan_workbook

    plan = _plan(request, alpha3)
    content = plan_workbook(plan, request.user)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="gcm-plan-{plan.country.alpha3.lower()}-r{plan.revision}.xlsx"'
    )
    return response
