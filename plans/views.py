"""Plan pages: list, dashboard, the six step pages, measures, indicators, monitoring, print.

Views are thin: a form validates, a service writes (its DomainError becomes a form error), a
redirect follows. A reader who may not see a plan or part gets a 404; one who may see but not
change it gets a 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import roles_of
from core.errors import DomainError
from countries.models import Country
from objectives.models import ChecklistItem, GuidingQuestion, ProcessStep, Tool

from . import forms, selectors, services
from .models import (
    ChecklistProgress,
    Consultation,
    CoordinationBody,
    GuidingQuestionAnswer,
    Indicator,
    IndicatorValue,
    Measure,
    ObjectiveAssessment,
    Plan,
    ProgressUpdate,
    Stakeholder,
)
from .permissions import can_coordinate_plan, can_edit_plan, can_view_part, visible_parts


def _plan(request: HttpRequest, alpha3: str, part: str = "publish_plan") -> Plan:
    plan = selectors.plan_for_country(request.user, alpha3)
    if not can_view_part(request.user, plan, part):
        raise Http404
    return plan


def _require_edit(request: HttpRequest, plan: Plan) -> None:
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied


def _require_coordinator(request: HttpRequest, plan: Plan) -> None:
    if not can_coordinate_plan(request.user, plan):
        raise PermissionDenied


def _base(request: HttpRequest, plan: Plan, **extra: Any) -> dict[str, Any]:
    return {
        "plan": plan,
        "parts": visible_parts(request.user, plan),
        "can_edit": can_edit_plan(request.user, plan),
        "can_coordinate": can_coordinate_plan(request.user, plan),
        "steps_nav": ProcessStep.objects.order_by("number").values("number", "name"),
        **extra,
    }


def _run(form: Any, fn: Any, **kwargs: Any) -> Any:
    """Call a service; on a DomainError add its messages to the form and return None."""
    try:
        return fn(**kwargs)
    except DomainError as exc:
        exc.add_to_form(form)
        return None


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


# --- step pages ---------------------------------------------------------------------------


def step_detail(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """One step: its actions, guiding questions and answers, tools and checklist."""
    plan = _plan(request, alpha3, "publish_process")
    step = get_object_or_404(
        ProcessStep.objects.prefetch_related(
            "actions",
            Prefetch("tools", queryset=Tool.objects.prefetch_related("items")),
        ),
        number=number,
    )
    editor = can_edit_plan(request.user, plan)
    bound: dict[str, Any] = {}
    if request.method == "POST":
        _require_edit(request, plan)
        response = _step_post(request, plan, step, bound)
        if response is not None:
            return response
    questions = list(GuidingQuestion.objects.filter(step=step).order_by("order"))
    answers = {
        a.question_id: a
        for a in GuidingQuestionAnswer.objects.filter(plan=plan, question__step=step)
    }
    items = list(
        ChecklistItem.objects.filter(step=step)
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "progress",
                queryset=ChecklistProgress.objects.filter(plan=plan)
                .select_related("responsible_entity")
                .prefetch_related("evidence"),
                to_attr="plan_progress",
            )
        )
    )
    for item in items:
        row = item.plan_progress[0] if item.plan_progress else None
        item.row = row  # type: ignore[attr-defined]
        if editor:
            item.form = (  # type: ignore[attr-defined]
                bound.get(f"checklist-{item.pk}")
                or forms.ChecklistForm(
                    plan=plan,
                    prefix=f"c{item.pk}",
                    initial={
                        "item": item.pk,
                        "status": row.status if row else "not_started",
                        "responsible_entity": row.responsible_entity_id if row else None,
                        "responsible_role": row.responsible_role if row else "",
                        "due_date": row.due_date if row else None,
                        "notes": row.notes if row else "",
                    },
                )
            )
            item.evidence_form = bound.get(f"evidence-{item.pk}") or forms.EvidenceForm(  # type: ignore[attr-defined]
                prefix=f"e{item.pk}", initial={"item": item.pk}
            )
    for q in questions:
        q.answer = answers.get(q.pk)  # type: ignore[attr-defined]
        if editor:
            q.form = bound.get(f"answer-{q.pk}") or forms.AnswerForm(  # type: ignore[attr-defined]
                prefix=f"q{q.pk}",
                initial={"question": q.pk, "answer": q.answer.answer if q.answer else ""},  # type: ignore[attr-defined]
            )
    progress = next(s for s in selectors.step_progress(plan) if s["number"] == step.number)
    # Errors of a form no item on this page shows (e.g. an item of another step).
    shown = {f"checklist-{i.pk}" for i in items} | {f"evidence-{i.pk}" for i in items}
    shown |= {f"answer-{q.pk}" for q in questions} | {
        "status",
        "stakeholder",
        "body",
        "meeting",
        "consultation",
        "validate",
    }
    stray_errors = [
        str(message)
        for key, form in bound.items()
        if key not in shown or key == "meeting"
        for messages_ in form.errors.values()
        for message in messages_
    ]
    context = _base(
        request,
        plan,
        step=step,
        questions=questions,
        items=items,
        progress=progress,
        stray_errors=stray_errors,
        status_form=bound.get("status")
        or forms.StepStatusForm(prefix="st", initial={"status": progress["status"]}),
    )
    context.update(_step_extras(request, plan, step, editor, bound))
    return render(request, "plans/step_detail.html", context, status=400 if bound else 200)


def _step_extras(
    request: HttpRequest, plan: Plan, step: ProcessStep, editor: bool, bound: dict[str, Any]
) -> dict[str, Any]:
    """What only some steps show: stakeholders, set-up, assessments, consultations."""
    parts = visible_parts(request.user, plan)
    extra: dict[str, Any] = {}
    if step.number == 1 and parts["stakeholders"]:
        extra["stakeholders"] = (
            Stakeholder.objects.filter(plan=plan)
            .select_related("organisation", "category", "government_level")
            .prefetch_related("under_represented_groups")
        )
        extra["bodies"] = (
            CoordinationBody.objects.filter(plan=plan)
            .select_related("lead_entity")
            .prefetch_related("members", "meetings")
        )
        if editor:
            extra["stakeholder_form"] = bound.get("stakeholder") or forms.StakeholderForm(
                plan=plan, prefix="sh"
            )
            extra["body_form"] = bound.get("body") or forms.CoordinationBodyForm(
                plan=plan, prefix="b"
            )
            extra["meeting_form"] = bound.get("meeting") or forms.MeetingForm(prefix="m")
    if step.number == 2:
        if parts["assessment"]:
            extra["coverage"] = selectors.objective_coverage(plan)
            extra["assessments"] = {
                a.objective.number: a
                for a in ObjectiveAssessment.objects.filter(plan=plan).select_related("objective")
            }
        if parts["stakeholders"]:
            extra["consultations"] = (
                Consultation.objects.filter(plan=plan)
                .select_related("step")
                .prefetch_related("objectives", "criteria_met")
            )
        if editor:
            extra["consultation_form"] = bound.get("consultation") or forms.ConsultationForm(
                prefix="co"
            )
        if can_coordinate_plan(request.user, plan):
            extra["validate_form"] = bound.get("validate") or forms.ValidateSelectionForm(
                plan=plan, prefix="v"
            )
    return extra


def _step_post(
    request: HttpRequest, plan: Plan, step: ProcessStep, bound: dict[str, Any]
) -> HttpResponse | None:
    action = request.POST.get("action", "")
    user = request.user
    ok: Any = None
    if action == "status":
        form: Any = forms.StepStatusForm(request.POST, prefix="st")
        if form.is_valid():
            ok = _run(
                form,
                services.set_step_status,
                actor=user,
                plan=plan,
                step_number=step.number,
                **form.cleaned_data,
            )
        bound["status"] = form
    elif action.startswith("checklist-"):
        item_id = action.removeprefix("checklist-")
        form = forms.ChecklistForm(request.POST, plan=plan, prefix=f"c{item_id}")
        if form.is_valid():
            data = dict(form.cleaned_data)
            ok = _run(
                form,
                services.update_checklist_item,
                actor=user,
                plan=plan,
                step_number=step.number,
                item_id=data.pop("item"),
                **data,
            )
        bound[action] = form
    elif action.startswith("evidence-"):
        item_id = action.removeprefix("evidence-")
        form = forms.EvidenceForm(request.POST, request.FILES, prefix=f"e{item_id}")
        if form.is_valid():
            data = dict(form.cleaned_data)
            ok = _run(
                form,
                services.add_checklist_evidence,
                actor=user,
                plan=plan,
                step_number=step.number,
                item_id=data.pop("item"),
                **data,
            )
        bound[action] = form
    elif action.startswith("answer-"):
        qid = action.removeprefix("answer-")
        form = forms.AnswerForm(request.POST, prefix=f"q{qid}")
        if form.is_valid():
            ok = _run(
                form,
                services.answer_guiding_question,
                actor=user,
                plan=plan,
                step_number=step.number,
                question_id=form.cleaned_data["question"],
                answer=form.cleaned_data["answer"],
            )
        bound[action] = form
    elif action == "stakeholder":
        form = forms.StakeholderForm(request.POST, plan=plan, prefix="sh")
        if form.is_valid():
            data = dict(form.cleaned_data)
            groups = list(data.pop("under_represented_groups"))
            ok = _run(
                form,
                services.save_stakeholder,
                actor=user,
                plan=plan,
                under_represented_groups=groups,
                **data,
            )
        bound[action] = form
    elif action == "body":
        form = forms.CoordinationBodyForm(request.POST, plan=plan, prefix="b")
        if form.is_valid():
            data = dict(form.cleaned_data)
            members = list(data.pop("members"))
            ok = _run(
                form,
                services.save_coordination_body,
                actor=user,
                plan=plan,
                members=members,
                **data,
            )
        bound[action] = form
    elif action == "meeting":
        form = forms.MeetingForm(request.POST, prefix="m")
        if form.is_valid():
            data = dict(form.cleaned_data)
            body = get_object_or_404(CoordinationBody, pk=data.pop("body"), plan=plan)
            ok = _run(form, services.record_meeting, actor=user, body=body, **data)
        bound[action] = form
    elif action == "consultation":
        form = forms.ConsultationForm(request.POST, prefix="co")
        if form.is_valid():
            data = dict(form.cleaned_data)
            objectives = [o.number for o in data.pop("objectives")]
            ok = _run(
                form,
                services.record_consultation,
                actor=user,
                plan=plan,
                step_number=step.number,
                objective_numbers=objectives,
                criteria=list(data.pop("criteria")),
                **data,
            )
        bound[action] = form
    elif action == "validate":
        _require_coordinator(request, plan)
        form = forms.ValidateSelectionForm(request.POST, plan=plan, prefix="v")
        if form.is_valid():
            ok = _run(
                form,
                services.validate_objective_selection,
                actor=user,
                plan=plan,
                consultation=form.cleaned_data["consultation"],
            )
        bound[action] = form
    else:
        raise Http404
    if ok is not None:
        messages.success(request, _("Saved."))
        return redirect("plans:step-detail", alpha3=plan.country.alpha3, number=step.number)
    return None


@login_required
def assessment_edit(request: HttpRequest, alpha3: str, objective: int) -> HttpResponse:
    """Assess one objective with the Tool 4 rubric."""
    plan = _plan(request, alpha3)
    _require_edit(request, plan)
    existing = ObjectiveAssessment.objects.filter(plan=plan, objective__number=objective).first()
    initial = (
        {
            **{f: getattr(existing, f) for f in forms.RUBRIC_FIELDS},
            "notes": existing.notes,
            "selected": existing.selected,
        }
        if existing
        else {}
    )
    form = forms.AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        scores = {f: data.pop(f) for f in forms.RUBRIC_FIELDS}
        if (
            _run(
                form,
                services.assess_objective,
                actor=request.user,
                plan=plan,
                objective_number=objective,
                scores=scores,
                **data,
            )
            is not None
        ):
            messages.success(request, _("Assessment saved."))
            return redirect("plans:step-detail", alpha3=plan.country.alpha3, number=2)
    from objectives.models import Objective

    obj = Objective.objects.filter(number=objective).first()
    if obj is None:
        raise Http404
    return render(
        request,
        "plans/assessment_form.html",
        _base(request, plan, form=form, objective=obj),
        status=400 if form.errors else 200,
    )


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
    from .permissions import can_report_on_measure

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
    from .exports import plan_workbook

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
