"""Reads of the reference framework, with their joins spelled out."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import (
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    ObjectiveSDGLink,
    ProcessStep,
    SDGTarget,
    ThematicArea,
)


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.prefetch_related("thematic_areas", "review_groupings")


def objective_detail_queryset() -> QuerySet[Objective]:
    return Objective.objects.prefetch_related(
        "thematic_areas",
        "review_groupings",
        Prefetch("actions", queryset=ObjectiveAction.objects.order_by("letter")),
        Prefetch(
            "objectivesdglink_set",
            queryset=ObjectiveSDGLink.objects.select_related("target__goal").order_by(
                "target__goal__number", "target__code"
            ),
        ),
    )


def principle_list() -> QuerySet[GuidingPrinciple]:
    return GuidingPrinciple.objects.order_by("order")


def thematic_area_list() -> QuerySet[ThematicArea]:
    return ThematicArea.objects.prefetch_related("objectives")


def sdg_target_list() -> QuerySet[SDGTarget]:
    return SDGTarget.objects.select_related("goal").prefetch_related("objectives")


def process_step_list() -> QuerySet[ProcessStep]:
    return ProcessStep.objects.prefetch_related(
        "actions", "guiding_questions", "checklist_items", "tools__items"
    )
