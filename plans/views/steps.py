"""The six step pages, one view per command posted from them, and the Tool 4 assessment form.

``step_detail`` only reads. Each command has its own URL and view: its form validates, one
service writes, the view redirects back to the step; on an error the step page is rendered
again with the posted form bound and the status the service gave.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from objectives.models import ProcessStep

from .. import forms, selectors, services
from ..models import CoordinationBody, Plan
from ..permissions import can_coordinate_plan, can_edit_plan, visible_parts
from .common import _base, _plan, _require_edit_page, submit

# Forms whose errors the step page shows next to the form; the others as a summary on top.
_SHOWN_IN_PLACE = {"status", "stakeholder", "body", "consultation", "validate"}


def step_detail(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """One step: its actions, guiding questions and answers, tools and checklist."""
    plan = _plan(request, alpha3, "publish_process")
    return _render_step(request, plan, selectors.step_for_page(number))


def _render_step(
    request: HttpRequest,
    plan: Plan,
    step: ProcessStep,
    bound: dict[str, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The step page; ``bound`` holds a posted form (by its key) to show with its errors."""
    bound = bound or {}
    editor = can_edit_plan(request.user, plan)
    questions = selectors.step_questions(plan, step)
    items = selectors.step_checklist(plan, step)
    if editor:
        for item in items:
            row = item.row  # type: ignore[attr-defined]
            item.form = bound.get(f"checklist-{item.pk}") or forms.ChecklistForm(  # type: ignore[attr-defined]
                plan=plan,
                prefix=f"c{item.pk}",
                initial={
                    "status": row.status if row else "not_started",
                    "responsible_entity": row.responsible_entity_id if row else None,
                    "responsible_role": row.responsible_role if row else "",
                    "due_date": row.due_date if row else None,
                    "notes": row.notes if row else "",
                },
            )
            item.evidence_form = bound.get(f"evidence-{item.pk}") or forms.EvidenceForm(  # type: ignore[attr-defined]
                prefix=f"e{item.pk}"
            )
        for q in questions:
            answer = q.answer  # type: ignore[attr-defined]
            q.form = bound.get(f"answer-{q.pk}") or forms.AnswerForm(  # type: ignore[attr-defined]
                prefix=f"q{q.pk}", initial={"answer": answer.answer if answer else ""}
            )
    progress = next(s for s in selectors.step_progress(plan) if s["number"] == step.number)
    # Errors of a form no part of this page shows (an item of another step, a meeting).
    shown = _SHOWN_IN_PLACE | {f"checklist-{i.pk}" for i in items}
    shown |= {f"evidence-{i.pk}" for i in items} | {f"answer-{q.pk}" for q in questions}
    stray_errors = [
        str(message)
        for key, form in bound.items()
        if key not in shown
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
    return render(request, "plans/step_detail.html", context, status=status)


def _step_extras(
    request: HttpRequest, plan: Plan, step: ProcessStep, editor: bool, bound: dict[str, BaseForm]
) -> dict[str, Any]:
    """What only some steps show: stakeholders, set-up, assessments, consultations."""
    parts = visible_parts(request.user, plan)
    extra: dict[str, Any] = {}
    if step.number == 1 and parts["stakeholders"]:
        extra["stakeholders"] = selectors.stakeholders_of(plan)
        extra["bodies"] = selectors.coordination_bodies(plan)
        if editor:
            extra["stakeholder_form"] = bound.get("stakeholder") or forms.StakeholderForm(
                plan=plan, prefix="sh"
            )
            extra["body_form"] = bound.get("body") or forms.CoordinationBodyForm(
                plan=plan, prefix="b"
            )
            extra["meeting_form"] = forms.MeetingForm(prefix="m")
    if step.number == 2:
        if parts["assessment"]:
            extra["coverage"] = selectors.objective_coverage(plan)
            extra["assessments"] = selectors.assessments_by_objective(plan)
        if parts["stakeholders"]:
            extra["consultations"] = selectors.consultations_of(plan)
        if editor:
            extra["consultation_form"] = bound.get("consultation") or forms.ConsultationForm(
                prefix="co"
            )
        if can_coordinate_plan(request.user, plan):
            extra["validate_form"] = bound.get("validate") or forms.ValidateSelectionForm(
                plan=plan, prefix="v"
            )
    return extra


def _step_command(
    request: HttpRequest,
    plan: Plan,
    step: ProcessStep,
    key: str,
    form: BaseForm,
    call: Any,
    anchor: str = "",
) -> HttpResponse:
    """Run one command posted from the step page: redirect on success, else re-render it."""
    done = submit(form, call)
    if done.ok:
        messages.success(request, _("Saved."))
        url = reverse("plans:step-detail", args=[plan.country.alpha3, step.number])
        return redirect(url + anchor)
    return _render_step(request, plan, step, {key: form}, status=done.error_status or 400)


def _step_and_plan(request: HttpRequest, alpha3: str, number: int) -> tuple[Plan, ProcessStep]:
    return _plan(request, alpha3, "publish_process"), selectors.step_for_page(number)


@login_required
@require_POST
def step_status(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """Set the step's own status."""
    plan, step = _step_and_plan(request, alpha3, number)
    form = forms.StepStatusForm(request.POST, prefix="st")
    return _step_command(
        request,
        plan,
        step,
        "status",
        form,
        lambda data: services.set_step_status(
            actor=request.user, plan=plan, step_number=step.number, **data
        ),
    )


@login_required
@require_POST
def checklist_update(request: HttpRequest, alpha3: str, number: int, item: int) -> HttpResponse:
    """Update the plan's progress on one checklist item of the step."""
    plan, step = _step_and_plan(request, alpha3, number)
    form = forms.ChecklistForm(request.POST, plan=plan, prefix=f"c{item}")
    return _step_command(
        request,
        plan,
        step,
        f"checklist-{item}",
        form,
        lambda data: services.update_checklist_item(
            actor=request.user, plan=plan, step_number=step.number, item_id=item, **data
        ),
        "#checklist",
    )


@login_required
@require_POST
def checklist_evidence_add(
    request: HttpRequest, alpha3: str, number: int, item: int
) -> HttpResponse:
    """Attach a link or a file as evidence to one checklist item of the step."""
    plan, step = _step_and_plan(request, alpha3, number)
    form = forms.EvidenceForm(request.POST, request.FILES, prefix=f"e{item}")
    return _step_command(
        request,
        plan,
        step,
        f"evidence-{item}",
        form,
        lambda data: services.add_checklist_evidence(
            actor=request.user, plan=plan, step_number=step.number, item_id=item, **data
        ),
        "#checklist",
    )


@login_required
@require_POST
def question_answer(request: HttpRequest, alpha3: str, number: int, question: int) -> HttpResponse:
    """Answer (or change the answer to) one guiding question of the step."""
    plan, step = _step_and_plan(request, alpha3, number)
    form = forms.AnswerForm(request.POST, prefix=f"q{question}")
    return _step_command(
        request,
        plan,
        step,
        f"answer-{question}",
        form,
        lambda data: services.answer_guiding_question(
            actor=request.user,
            plan=plan,
            step_number=step.number,
            question_id=question,
            answer=data["answer"],
        ),
        "#questions",
    )


@login_required
@require_POST
def stakeholder_create(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Add a stakeholder to the map (step 1)."""
    plan, step = _step_and_plan(request, alpha3, 1)
    form = forms.StakeholderForm(request.POST, plan=plan, prefix="sh")

    def call(data: dict[str, Any]) -> Any:
        groups = list(data.pop("under_represented_groups"))
        return services.save_stakeholder(
            actor=request.user, plan=plan, under_represented_groups=groups, **data
        )

    return _step_command(request, plan, step, "stakeholder", form, call, "#stakeholders")


@login_required
@require_POST
def coordination_body_create(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Record a coordination body of the institutional set-up (step 1)."""
    plan, step = _step_and_plan(request, alpha3, 1)
    form = forms.CoordinationBodyForm(request.POST, plan=plan, prefix="b")

    def call(data: dict[str, Any]) -> Any:
        members = list(data.pop("members"))
        return services.save_coordination_body(
            actor=request.user, plan=plan, members=members, **data
        )

    return _step_command(request, plan, step, "body", form, call, "#setup")


@login_required
@require_POST
def meeting_create(request: HttpRequest, alpha3: str, body: int) -> HttpResponse:
    """Log a meeting of one of the plan's coordination bodies (step 1)."""
    plan, step = _step_and_plan(request, alpha3, 1)
    coordination_body = get_object_or_404(CoordinationBody, pk=body, plan=plan)
    form = forms.MeetingForm(request.POST, prefix="m")
    return _step_command(
        request,
        plan,
        step,
        "meeting",
        form,
        lambda data: services.record_meeting(actor=request.user, body=coordination_body, **data),
        "#setup",
    )


@login_required
@require_POST
def consultation_create(request: HttpRequest, alpha3: str, number: int) -> HttpResponse:
    """Record a consultation held during the step."""
    plan, step = _step_and_plan(request, alpha3, number)
    form = forms.ConsultationForm(request.POST, prefix="co")

    def call(data: dict[str, Any]) -> Any:
        objectives = [o.number for o in data.pop("objectives")]
        return services.record_consultation(
            actor=request.user,
            plan=plan,
            step_number=step.number,
            objective_numbers=objectives,
            criteria=list(data.pop("criteria")),
            **data,
        )

    return _step_command(request, plan, step, "consultation", form, call, "#consultations")


@login_required
@require_POST
def selection_validate(request: HttpRequest, alpha3: str) -> HttpResponse:
    """The coordinator validates the selection of objectives (step 2)."""
    plan, step = _step_and_plan(request, alpha3, 2)
    form = forms.ValidateSelectionForm(request.POST, plan=plan, prefix="v")
    return _step_command(
        request,
        plan,
        step,
        "validate",
        form,
        lambda data: services.validate_objective_selection(
            actor=request.user, plan=plan, consultation=data["consultation"]
        ),
        "#assessment",
    )


@login_required
def assessment_edit(request: HttpRequest, alpha3: str, objective: int) -> HttpResponse:
    """Assess one objective with the Tool 4 rubric (a form page of the plan's officials)."""
    plan = _plan(request, alpha3)
    obj = selectors.objective_or_404(objective)
    if request.method != "POST":
        _require_edit_page(request, plan)
    existing = selectors.assessment_of(plan, objective)
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
    status = 200
    if request.method == "POST":

        def call(data: dict[str, Any]) -> Any:
            scores = {f: data.pop(f) for f in forms.RUBRIC_FIELDS}
            return services.assess_objective(
                actor=request.user, plan=plan, objective_number=objective, scores=scores, **data
            )

        done = submit(form, call)
        if done.ok:
            messages.success(request, _("Assessment saved."))
            return redirect("plans:step-detail", alpha3=plan.country.alpha3, number=2)
        status = done.error_status or 400
    return render(
        request,
        "plans/assessment_form.html",
        _base(request, plan, form=form, objective=obj),
        status=status,
    )
