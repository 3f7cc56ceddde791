"""The six step pages and the Tool 4 assessment form."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from objectives.models import ChecklistItem, GuidingQuestion, ProcessStep, Tool

from .. import forms, selectors, services
from ..models import (
    ChecklistProgress,
    Consultation,
    CoordinationBody,
    GuidingQuestionAnswer,
    ObjectiveAssessment,
    Plan,
    Stakeholder,
)
from ..permissions import can_coordinate_plan, can_edit_plan, visible_parts
from .common import _base, _plan, _require_coordinator, _require_edit, _run

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
