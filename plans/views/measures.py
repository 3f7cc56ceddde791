"""Measures, budget lines, indicators and the monitoring queue: pages and one view per command.

Each command view validates its form, calls one service and redirects; on an error it renders
the page it was posted from again, with the form bound and the status the service gave.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import forms, selectors, services
from ..models import Indicator, IndicatorValue, Measure, Plan, ProgressUpdate
from ..permissions import can_edit_plan, can_report_on_measure
from .common import _base, _plan, _require_edit_page, submit

# --- measures -----------------------------------------------------------------------------


def measure_list(request: HttpRequest, alpha3: str) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_measures")
    status = request.GET.get("status")
    measures = selectors.measures_filtered(plan, status=status, entity=request.GET.get("entity"))
    return render(
        request,
        "plans/measure_list.html",
        _base(
            request, plan, measures=measures, statuses=Measure.Status.choices, current_status=status
        ),
    )


def measure_detail(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_measures")
    return _render_measure(request, plan, selectors.measure_detail(plan, number))


def _render_measure(
    request: HttpRequest,
    plan: Plan,
    measure: Measure,
    bound: dict[str, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    bound = bound or {}
    editor = can_edit_plan(request.user, plan)
    updates = [u for u in measure.updates.all() if editor or u.state == "approved"]
    can_report = request.user.is_authenticated and can_report_on_measure(
        request.user, measure, {e.pk for e in measure.involved_entities.all()}
    )
    context = _base(
        request,
        plan,
        measure=measure,
        updates=updates,
        can_report=can_report,
        budget_form=bound.get("budget") or forms.BudgetLineForm(prefix="bl"),
        update_form=bound.get("update")
        or forms.ProgressUpdateForm(prefix="pu", initial={"reported_status": measure.status}),
    )
    return render(request, "plans/measure_detail.html", context, status=status)


def _measure_command(
    request: HttpRequest,
    plan: Plan,
    measure: Measure,
    key: str,
    form: BaseForm,
    call: Any,
    success: str,
) -> HttpResponse:
    done = submit(form, call)
    if done.ok:
        messages.success(request, success)
        return redirect("plans:measure-detail", alpha3=plan.country.alpha3, number=measure.number)
    return _render_measure(request, plan, measure, {key: form}, status=done.error_status or 400)


@login_required
@require_POST
def budget_line_create(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """Add a budget line to the measure."""
    plan = _plan(request, alpha3, "publish_measures")
    measure = selectors.measure_detail(plan, number)
    form = forms.BudgetLineForm(request.POST, prefix="bl")
    return _measure_command(
        request,
        plan,
        measure,
        "budget",
        form,
        lambda data: services.save_budget_line(actor=request.user, measure=measure, **data),
        _("Budget line added."),
    )


@login_required
@require_POST
def progress_update_create(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """A focal point of an entity in charge reports progress on the measure."""
    plan = _plan(request, alpha3, "publish_measures")
    measure = selectors.measure_detail(plan, number)
    form = forms.ProgressUpdateForm(request.POST, prefix="pu")
    return _measure_command(
        request,
        plan,
        measure,
        "update",
        form,
        lambda data: services.submit_progress_update(actor=request.user, measure=measure, **data),
        _("Update sent to the national coordinator."),
    )


def _measure_form_page(
    request: HttpRequest, plan: Plan, measure: Measure | None, call: Any
) -> HttpResponse:
    """The measure form: shown to the plan's officials; a post is one service call."""
    status = 200
    if request.method == "POST":
        form = forms.MeasureForm(request.POST, plan=plan)
        done = submit(form, lambda _data: call(form))
        if done.ok:
            saved = done.value
            messages.success(request, _("Measure %(n)s saved.") % {"n": saved.number})
            return redirect("plans:measure-detail", alpha3=plan.country.alpha3, number=saved.number)
        status = done.error_status or 400
    else:
        _require_edit_page(request, plan)
        form = forms.MeasureForm(
            plan=plan,
            initial=forms.MeasureForm.initial_for(measure)
            if measure
            else {"deadline_kind": "date", "level": "policy"},
        )
    return render(
        request,
        "plans/measure_form.html",
        _base(request, plan, form=form, measure=measure),
        status=status,
    )


@login_required
def measure_create(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Add a measure to the plan."""
    plan = _plan(request, alpha3)
    return _measure_form_page(
        request,
        plan,
        None,
        lambda form: services.create_measure(actor=request.user, plan=plan, **form.service_data()),
    )


@login_required
def measure_edit(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """Change a measure; a stale save is refused with the conflict explained."""
    plan = _plan(request, alpha3)
    measure = selectors.measure_detail(plan, number)
    return _measure_form_page(
        request,
        plan,
        measure,
        lambda form: services.update_measure(
            actor=request.user,
            measure=measure,
            expected_version=form.cleaned_data.get("version") or 0,
            **form.service_data(),
        ),
    )


# --- indicators ---------------------------------------------------------------------------


def indicator_list(request: HttpRequest, alpha3: str) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_indicators")
    return _render_indicators(request, plan)


def _render_indicators(
    request: HttpRequest,
    plan: Plan,
    bound: dict[str, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    bound = bound or {}
    editor = can_edit_plan(request.user, plan)
    context = _base(
        request,
        plan,
        indicators=selectors.indicators_for(plan, validated_only=not editor),
        indicator_form=bound.get("indicator") or forms.IndicatorForm(plan=plan, prefix="i"),
        value_form=bound.get("value") or forms.IndicatorValueForm(prefix="v"),
        blank_value_form=forms.IndicatorValueForm(prefix="v"),
    )
    return render(request, "plans/indicator_list.html", context, status=status)


@login_required
@require_POST
def indicator_create(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Add an indicator (Tool 6) to the plan."""
    plan = _plan(request, alpha3, "publish_indicators")
    form = forms.IndicatorForm(request.POST, plan=plan, prefix="i")

    def call(data: dict[str, Any]) -> Any:
        for many in ("measures", "disaggregations", "quality_checks"):
            data[many] = list(data[many])
        return services.save_indicator(actor=request.user, plan=plan, **data)

    done = submit(form, call)
    if done.ok:
        messages.success(request, _("Indicator saved."))
        return redirect("plans:indicator-list", alpha3=plan.country.alpha3)
    return _render_indicators(request, plan, {"indicator": form}, done.error_status or 400)


@login_required
@require_POST
def indicator_value_create(request: HttpRequest, alpha3: str, pk: int) -> HttpResponse:
    """Record a draft value of one of the plan's indicators."""
    plan = _plan(request, alpha3, "publish_indicators")
    indicator = get_object_or_404(Indicator, plan=plan, pk=pk)
    form = forms.IndicatorValueForm(request.POST, prefix="v")
    done = submit(
        form,
        lambda data: services.record_indicator_value(
            actor=request.user, indicator=indicator, **data
        ),
    )
    if done.ok:
        messages.success(request, _("Value saved as a draft."))
        return redirect("plans:indicator-list", alpha3=plan.country.alpha3)
    form.target = indicator.pk  # type: ignore[attr-defined]
    return _render_indicators(request, plan, {"value": form}, done.error_status or 400)


@login_required
@require_POST
def indicator_value_validate(request: HttpRequest, alpha3: str, pk: int) -> HttpResponse:
    """The coordinator validates a draft value."""
    plan = _plan(request, alpha3, "publish_indicators")
    value = get_object_or_404(
        IndicatorValue.objects.select_related("indicator"), pk=pk, indicator__plan=plan
    )
    services.validate_indicator_value(actor=request.user, value=value)
    messages.success(request, _("Value validated."))
    return redirect("plans:indicator-list", alpha3=plan.country.alpha3)


# --- monitoring ---------------------------------------------------------------------------


@login_required
def monitoring(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The officials' queue of progress updates waiting for the coordinator's review."""
    plan = _plan(request, alpha3)
    _require_edit_page(request, plan)
    return _render_monitoring(request, plan)


def _render_monitoring(
    request: HttpRequest, plan: Plan, bound: dict[int, BaseForm] | None = None, status: int = 200
) -> HttpResponse:
    bound = bound or {}
    pending = list(selectors.pending_updates(plan))
    for u in pending:
        u.return_form = bound.get(u.pk) or forms.ReturnForm(prefix=f"r{u.pk}")  # type: ignore[attr-defined]
    context = _base(request, plan, pending=pending, recent=selectors.reviewed_updates(plan))
    return render(request, "plans/monitoring.html", context, status=status)


def _update_of(plan: Plan, pk: int) -> ProgressUpdate:
    return get_object_or_404(
        ProgressUpdate.objects.select_related("measure__plan"), pk=pk, measure__plan=plan
    )


@login_required
@require_POST
def progress_update_approve(request: HttpRequest, alpha3: str, pk: int) -> HttpResponse:
    """The coordinator approves an update; the measure takes the reported status."""
    plan = _plan(request, alpha3)
    update = _update_of(plan, pk)
    services.approve_progress_update(actor=request.user, update=update)
    messages.success(request, _("Update approved; the measure's status is updated."))
    return redirect("plans:monitoring", alpha3=plan.country.alpha3)


@login_required
@require_POST
def progress_update_return(request: HttpRequest, alpha3: str, pk: int) -> HttpResponse:
    """The coordinator returns an update to its author, saying why."""
    plan = _plan(request, alpha3)
    update = _update_of(plan, pk)
    form = forms.ReturnForm(request.POST, prefix=f"r{update.pk}")
    done = submit(
        form,
        lambda data: services.return_progress_update(
            actor=request.user, update=update, reason=data["reason"]
        ),
    )
    if done.ok:
        messages.success(request, _("Update returned to its author."))
        return redirect("plans:monitoring", alpha3=plan.country.alpha3)
    return _render_monitoring(request, plan, {update.pk: form}, done.error_status or 400)
