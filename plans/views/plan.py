"""Plan list, start, dashboard, the settings page and its four commands, print and export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_coordinate_country
from core.exports import xlsx_response
from countries.models import Country

from .. import forms, selectors, services
from ..exports import plan_sheets
from ..models import Plan
from ..permissions import can_coordinate_plan, can_edit_plan, visible_parts
from .common import _base, _plan, submit

# --- list, start, dashboard ---------------------------------------------------------------


def plan_list(request: HttpRequest) -> HttpResponse:
    """Public: published plans, plus the plans of the countries where you are an official."""
    plans = list(selectors.plan_list(request.user))
    for p in plans:
        p.percent = selectors.percent(p.checklist_achieved, p.checklist_total, p.checklist_na)  # type: ignore[attr-defined]
    return render(
        request,
        "plans/plan_list.html",
        {"plans": plans, "startable": selectors.startable_countries(request.user)},
    )


@login_required
def plan_start(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The national coordinator starts the country's plan."""
    country = get_object_or_404(Country, alpha3=alpha3.upper())
    form = forms.PlanStartForm(request.POST or None)
    status = 200
    if request.method == "POST":

        def call(data: dict[str, Any]) -> Plan:
            if not data["integrated_into"]:
                data.pop("integrated_into")
            return services.start_plan(actor=request.user, country=country, **data)

        done = submit(form, call)
        if done.ok:
            messages.success(request, _("The plan is started. It is private until you publish it."))
            return redirect(done.value)
        status = done.error_status or 400
    elif not can_coordinate_country(request.user, country.pk):
        raise PermissionDenied
    return render(
        request, "plans/plan_start.html", {"form": form, "country": country}, status=status
    )


def plan_detail(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The dashboard: 360° coverage, step progress, measures by status and entity, deadlines."""
    plan = _plan(request, alpha3)
    data = selectors.dashboard(plan, request.user)
    axes = selectors.axes_of(plan)
    return render(request, "plans/plan_detail.html", _base(request, plan, d=data, axes=axes))


# --- settings: one page, four commands ----------------------------------------------------


@login_required
def plan_settings(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The coordinator's page to describe, adopt, revise and publish the plan."""
    plan = _plan(request, alpha3)
    if not can_coordinate_plan(request.user, plan):
        raise PermissionDenied
    return _render_settings(request, plan)


def _render_settings(
    request: HttpRequest, plan: Plan, bound: dict[str, BaseForm] | None = None, status: int = 200
) -> HttpResponse:
    bound = bound or {}
    initial = {f: getattr(plan, f) for f in forms.PlanSettingsForm.base_fields}
    context = _base(
        request,
        plan,
        settings_form=bound.get("settings") or forms.PlanSettingsForm(initial=initial, prefix="s"),
        revise_form=bound.get("revise") or forms.PlanReviseForm(initial=initial, prefix="r"),
        adopt_form=bound.get("adopt")
        or forms.AdoptForm(
            initial={f: getattr(plan, f) for f in forms.AdoptForm.base_fields}, prefix="a"
        ),
        publication_form=bound.get("publication")
        or forms.PublicationForm(
            initial={p: getattr(plan, p) for p in forms.PUBLICATION_PARTS}, prefix="p"
        ),
        revisions=selectors.plan_revisions(plan),
    )
    return render(request, "plans/plan_settings.html", context, status=status)


def _settings_command(
    request: HttpRequest, plan: Plan, key: str, form: BaseForm, call: Any
) -> HttpResponse:
    done = submit(form, call)
    if done.ok:
        messages.success(request, _("Saved."))
        return redirect("plans:plan-settings", alpha3=plan.country.alpha3)
    return _render_settings(request, plan, {key: form}, status=done.error_status or 400)


@login_required
@require_POST
def plan_update(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Change the plan's description."""
    plan = _plan(request, alpha3)
    form = forms.PlanSettingsForm(request.POST, prefix="s")
    return _settings_command(
        request,
        plan,
        "settings",
        form,
        lambda data: services.update_plan(actor=request.user, plan=plan, **data),
    )


@login_required
@require_POST
def plan_adopt(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Record the plan's formal adoption."""
    plan = _plan(request, alpha3)
    form = forms.AdoptForm(request.POST, prefix="a")
    return _settings_command(
        request,
        plan,
        "adopt",
        form,
        lambda data: services.adopt_plan(actor=request.user, plan=plan, **data),
    )


@login_required
@require_POST
def plan_revise(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Open a new revision of the plan, keeping the previous version with the reason."""
    plan = _plan(request, alpha3)
    form = forms.PlanReviseForm(request.POST, prefix="r")
    return _settings_command(
        request,
        plan,
        "revise",
        form,
        lambda data: services.revise_plan(actor=request.user, plan=plan, **data),
    )


@login_required
@require_POST
def plan_publication(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Choose which parts of the plan are public."""
    plan = _plan(request, alpha3)
    form = forms.PublicationForm(request.POST, prefix="p")
    return _settings_command(
        request,
        plan,
        "publication",
        form,
        lambda data: services.set_publication(actor=request.user, plan=plan, parts=data),
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
        axes=selectors.axes_of(plan),
        measures=list(selectors.measures_for(plan).prefetch_related("budget_lines"))
        if parts["measures"]
        else [],
        indicators=list(selectors.indicators_for(plan, validated_only=not editor))
        if parts["indicators"]
        else [],
    )
    return render(request, "plans/plan_print.html", context)


def plan_export(request: HttpRequest, alpha3: str) -> FileResponse:
    """The plan (the parts the reader may see) as an XLSX workbook, one sheet per part."""
    plan = _plan(request, alpha3)
    return xlsx_response(
        f"gcm-plan-{plan.country.alpha3.lower()}-r{plan.revision}.xlsx",
        plan_sheets(plan, request.user),
    )
