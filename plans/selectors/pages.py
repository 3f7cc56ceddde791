"""Reads only the plan pages make: the step page, the assessment form, monitoring, revisions.

Every function runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from accounts.permissions import roles_of
from core.downloads import StoredFile
from countries.models import Country
from objectives.models import ChecklistItem, GuidingQuestion, Objective, ProcessStep, Tool

from ..models import (
    ChecklistEvidence,
    ChecklistProgress,
    Consultation,
    CoordinationBody,
    GuidingQuestionAnswer,
    Measure,
    ObjectiveAssessment,
    Plan,
    PlanAxis,
    PlanRevision,
    ProgressUpdate,
    Stakeholder,
)
from ..permissions import can_view_part, plans_visible_to
from .plan import measures_for

__all__ = [
    "assessment_of",
    "assessments_by_objective",
    "axes_of",
    "consultations_of",
    "coordination_bodies",
    "evidence_file",
    "measures_filtered",
    "objective_or_404",
    "plan_revisions",
    "reviewed_updates",
    "stakeholders_of",
    "startable_countries",
    "step_checklist",
    "step_for_page",
    "step_questions",
    "steps_nav",
]


def axes_of(plan: Plan) -> list[PlanAxis]:
    return list(plan.axes.order_by("number"))


def measures_filtered(plan: Plan, *, status: str | None, entity: str | None) -> QuerySet[Measure]:
    """The measure list, narrowed by a known status and a responsible entity's id (if given)."""
    measures = measures_for(plan)
    if status in Measure.Status.values:
        measures = measures.filter(status=status)
    if entity and entity.isdigit():
        measures = measures.filter(responsible_entity_id=int(entity))
    return measures


def steps_nav() -> QuerySet[ProcessStep, Any]:
    """The six steps' numbers and names, for the plan pages' navigation."""
    return ProcessStep.objects.order_by("number").values("number", "name")


def startable_countries(user: Any) -> list[Country]:
    """Countries the user coordinates that have no plan yet (none for anonymous users)."""
    roles = roles_of(user)
    if not roles.is_authenticated:
        return []
    return list(
        Country.objects.filter(
            pk__in=roles.country_ids("national_coordinator"), plan__isnull=True
        ).order_by("name")
    )


def step_for_page(number: int) -> ProcessStep:
    """A step with its actions and tools (404 when there is no such step)."""
    return get_object_or_404(
        ProcessStep.objects.prefetch_related(
            "actions",
            Prefetch("tools", queryset=Tool.objects.prefetch_related("items")),
        ),
        number=number,
    )


def step_questions(plan: Plan, step: ProcessStep) -> list[GuidingQuestion]:
    """The step's guiding questions in order, each with the plan's ``answer`` (or None)."""
    questions = list(GuidingQuestion.objects.filter(step=step).order_by("order"))
    answers = {
        a.question_id: a
        for a in GuidingQuestionAnswer.objects.filter(plan=plan, question__step=step)
    }
    for q in questions:
        q.answer = answers.get(q.pk)  # type: ignore[attr-defined]
    return questions


def step_checklist(plan: Plan, step: ProcessStep) -> list[ChecklistItem]:
    """The step's checklist items in order, each with the plan's progress ``row`` (or None)."""
    items: list[ChecklistItem] = list(
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
        progress = item.plan_progress  # type: ignore[attr-defined]
        item.row = progress[0] if progress else None  # type: ignore[attr-defined]
    return items


def stakeholders_of(plan: Plan) -> QuerySet[Stakeholder]:
    return (
        Stakeholder.objects.filter(plan=plan)
        .select_related("organisation", "category", "government_level")
        .prefetch_related("under_represented_groups")
    )


def coordination_bodies(plan: Plan) -> QuerySet[CoordinationBody]:
    return (
        CoordinationBody.objects.filter(plan=plan)
        .select_related("lead_entity")
        .prefetch_related("members", "meetings")
    )


def assessments_by_objective(plan: Plan) -> dict[int, ObjectiveAssessment]:
    return {
        a.objective.number: a
        for a in ObjectiveAssessment.objects.filter(plan=plan).select_related("objective")
    }


def consultations_of(plan: Plan) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(plan=plan)
        .select_related("step")
        .prefetch_related("objectives", "criteria_met")
    )


def objective_or_404(number: int) -> Objective:
    return get_object_or_404(Objective, number=number)


def assessment_of(plan: Plan, objective_number: int) -> ObjectiveAssessment | None:
    return ObjectiveAssessment.objects.filter(plan=plan, objective__number=objective_number).first()


def reviewed_updates(plan: Plan, limit: int = 30) -> QuerySet[ProgressUpdate]:
    """The plan's most recently reviewed (approved or returned) progress updates."""
    return (
        ProgressUpdate.objects.filter(measure__plan=plan)
        .exclude(state=ProgressUpdate.State.SUBMITTED)
        .select_related("measure", "author", "reviewed_by", "entity")
        .order_by("-reviewed_at")[:limit]
    )


def plan_revisions(plan: Plan) -> QuerySet[PlanRevision]:
    return plan.revisions.select_related("created_by").order_by("-number")


def evidence_file(user: Any, pk: int) -> StoredFile | None:
    """A checklist evidence file, for who may see the plan's process (else None)."""
    evidence = (
        ChecklistEvidence.objects.select_related("progress__plan__country")
        .filter(pk=pk)
        .exclude(file="")
        .first()
    )
    if evidence is None:
        return None
    plan = evidence.progress.plan
    visible = plans_visible_to(user).filter(pk=plan.pk).exists()
    if not visible or not can_view_part(user, plan, "publish_process"):
        return None
    return StoredFile(evidence.file)
