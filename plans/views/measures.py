"""Measures, budget, indicators and the monitoring queue."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError

from .. import forms, selectors, services
from ..models import (
    Indicator,
    IndicatorValue,
    Measure,
    ProgressUpdate,
)
from ..permissions import can_edit_plan
from .common import _base, _plan, _require_coordinator, _require_edit, _run

# --- measures -----------------------------------------------------------------------------


def measure_list(request: HttpRequest, alpha3: str) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_measures")
    measures = selectors.measures_for(plan)
    status = request.GET.get("status")
    if status in Measure.Status.values:
        measures = measures.filter(status=status)
    entity = request.GET.get("entity")
    if entity and entity.isdigit():
        measures = measures.filter(responsible_entity_id=int(entity))
    return render(
        request,
        "plans/measure_list.html",
        _base(
            request, plan, measures=measures, statuses=Measure.Status.choices, current_status=status
        ),
    )


def measure_detail(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_measures")
    measure = selectors.measure_detail(plan, number)
    editor = can_edit_plan(request.user, plan)
    updates = [u for u in measure.updates.all() if editor or u.state == "approved"]
    from ..permissions import can_report_on_measure

    can_report = request.user.is_authenticated and can_report_on_measure(
        request.user, measure, {e.pk for e in measure.involved_entities.all()}
    )
    budget_form = forms.BudgetLineForm(prefix="bl")
    update_form = forms.ProgressUpdateForm(prefix="pu", initial={"reported_status": measure.status})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "budget":
            _require_edit(request, plan)
            budget_form = forms.BudgetLineForm(request.POST, prefix="bl")
            if (
                budget_form.is_valid()
                and _run(
                    budget_form,
                    services.save_budget_line,
                    actor=request.user,
                    measure=measure,
                    **budget_form.cleaned_data,
                )
                is not None
            ):
                messages.success(request, _("Budget line added."))
                return redirect("plans:measure-detail", alpha3=alpha3, number=number)
        elif action == "update":
            if not can_report:
                raise PermissionDenied
            update_form = forms.ProgressUpdateForm(request.POST, prefix="pu")
            if (
                update_form.is_valid()
                and _run(
                    update_form,
                    services.submit_progress_update,
                    actor=request.user,
                    measure=measure,
                    **update_form.cleaned_data,
                )
                is not None
            ):
                messages.success(request, _("Update sent to the national coordinator."))
                return redirect("plans:measure-detail", alpha3=alpha3, number=number)
        else:
            raise Http404
    return render(
        request,
        "plans/measure_detail.html",
        _base(
            request,
            plan,
            measure=measure,
            updates=updates,
            can_report=can_report,
            budget_form=budget_form,
            update_form=update_form,
        ),
        status=400 if (budget_form.errors or update_form.errors) else 200,
    )


@login_required
def measure_edit(request: HttpRequest, alpha3: str, number: int | None = None) -> HttpResponse:
    """Add or change a measure; a stale save is refused with the conflict explained."""
    plan = _plan(request, alpha3)
    _require_edit(request, plan)
    measure = selectors.measure_detail(plan, number) if number else None
    if request.method == "POST":
        form = forms.MeasureForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.service_data()
            if measure is None:
                saved = _run(form, services.create_measure, actor=request.user, plan=plan, **data)
            else:
                saved = _run(
                    form,
                    services.update_measure,
                    actor=request.user,
                    measure=measure,
                    expected_version=form.cleaned_data.get("version") or 0,
                    **data,
                )
            if saved is not None:
                messages.success(request, _("Measure %(n)s saved.") % {"n": saved.number})
                return redirect("plans:measure-detail", alpha3=alpha3, number=saved.number)
    else:
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
        status=400 if form.errors else 200,
    )


# --- indicators ---------------------------------------------------------------------------


def indicator_list(request: HttpRequest, alpha3: str) -> HttpResponse:
    plan = _plan(request, alpha3, "publish_indicators")
    editor = can_edit_plan(request.user, plan)
    indicator_form = forms.IndicatorForm(plan=plan, prefix="i")
    value_form = forms.IndicatorValueForm(prefix="v")
    if request.method == "POST":
        _require_edit(request, plan)
        action = request.POST.get("action", "")
        if action == "indicator":
            indicator_form = forms.IndicatorForm(request.POST, plan=plan, prefix="i")
            if indicator_form.is_valid():
                data = dict(indicator_form.cleaned_data)
                data["measures"] = list(data["measures"])
                data["disaggregations"] = list(data["disaggregations"])
                data["quality_checks"] = list(data["quality_checks"])
                if (
                    _run(
                        indicator_form,
                        services.save_indicator,
                        actor=request.user,
                        plan=plan,
                        **data,
                    )
                    is not None
                ):
                    messages.success(request, _("Indicator saved."))
                    return redirect("plans:indicator-list", alpha3=alpha3)
        elif action.startswith("value-"):
            indicator = get_object_or_404(Indicator, plan=plan, code=action.removeprefix("value-"))
            value_form = forms.IndicatorValueForm(request.POST, prefix="v")
            if (
                value_form.is_valid()
                and _run(
                    value_form,
                    services.record_indicator_value,
                    actor=request.user,
                    indicator=indicator,
                    **value_form.cleaned_data,
                )
                is not None
            ):
                messages.success(request, _("Value saved as a draft."))
                return redirect("plans:indicator-list", alpha3=alpha3)
            value_form.target = indicator.code  # type: ignore[attr-defined]
        elif action.startswith("validate-"):
            _require_coordinator(request, plan)
            value = get_object_or_404(
                IndicatorValue, pk=action.removeprefix("validate-"), indicator__plan=plan
            )
            services.validate_indicator_value(actor=request.user, value=value)
            messages.success(request, _("Value validated."))
            return redirect("plans:indicator-list", alpha3=alpha3)
        else:
            raise Http404
    indicators = selectors.indicators_for(plan, validated_only=not editor)
    return render(
        request,
        "plans/indicator_list.html",
        _base(
            request,
            plan,
            indicators=indicators,
            indicator_form=indicator_form,
            value_form=value_form,
            blank_value_form=forms.IndicatorValueForm(prefix="v"),
        ),
        status=400 if (indicator_form.errors or value_form.errors) else 200,
    )


# --- monitoring ---------------------------------------------------------------------------


@login_required
def monitoring(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The coordinator's queue of progress updates waiting for review."""
    plan = _plan(request, alpha3)
    _require_edit(request, plan)
    return_forms: dict[int, Any] = {}
    if request.method == "POST":
        _require_coordinator(request, plan)
        update = get_object_or_404(
            ProgressUpdate.objects.select_related("measure__plan"),
            pk=request.POST.get("update"),
            measure__plan=plan,
        )
        if request.POST.get("action") == "approve":
            try:
                services.approve_progress_update(actor=request.user, update=update)
            except DomainError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Update approved; the measure's status is updated."))
            return redirect("plans:monitoring", alpha3=alpha3)
        form = forms.ReturnForm(request.POST, prefix=f"r{update.pk}")
        if (
            form.is_valid()
            and _run(
                form,
                services.return_progress_update,
                actor=request.user,
                update=update,
                reason=form.cleaned_data["reason"],
            )
            is not None
        ):
            messages.success(request, _("Update returned to its author."))
            return redirect("plans:monitoring", alpha3=alpha3)
        return_forms[update.pk] = form
    pending = list(selectors.pending_updates(plan))
    for u in pending:
        u.return_form = return_forms.get(u.pk) or forms.ReturnForm(prefix=f"r{u.pk}")  # type: ignore[attr-defined]
    recent = (
        ProgressUpdate.objects.filter(measure__plan=plan)
        .exclude(state=ProgressUpdate.State.SUBMITTED)
        .select_related("measure", "author", "reviewed_by", "entity")
        .order_by("-reviewed_at")[:30]
    )
    return render(
        request,
        "plans/monitoring.html",
        _base(request, plan, pending=pending, recent=recent),
        status=400 if return_forms else 200,
    )
