"""Who may see and change a plan, and the queryset scopes that match.

The country's national coordinator owns the plan (adopts, revises, publishes, validates,
approves updates); its government focal points edit it; everyone else reads only the parts the
coordinator has published. A focal point reports on the measures their entity is responsible
for or involved in.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import Role
from accounts.permissions import can_coordinate_country, can_edit_country, roles_of

from .models import Measure, Plan


def can_edit_plan(user: Any, plan: Plan) -> bool:
    return can_edit_country(user, plan.country_id)


def can_coordinate_plan(user: Any, plan: Plan) -> bool:
    return can_coordinate_country(user, plan.country_id)


def can_view_plan(user: Any, plan: Plan) -> bool:
    return plan.publish_plan or can_edit_plan(user, plan)


def can_view_part(user: Any, plan: Plan, part: str) -> bool:
    """``part`` is one of ``PUBLICATION_PARTS`` (e.g. "publish_budget")."""
    return plan.is_part_published(part) or can_edit_plan(user, plan)


def visible_parts(user: Any, plan: Plan) -> dict[str, bool]:
    """Every publication part mapped to whether ``user`` may see it (for templates)."""
    from .models.plan import PUBLICATION_PARTS

    editor = can_edit_plan(user, plan)
    return {
        part.removeprefix("publish_"): editor or plan.is_part_published(part)
        for part in PUBLICATION_PARTS
    }


def reporting_entity_ids(user: Any, plan: Plan) -> set[int]:
    """The government entities a focal point of the plan's country acts for."""
    roles = roles_of(user)
    return {
        m.organisation_id
        for m in roles.memberships
        if m.role == Role.GOVERNMENT_FOCAL_POINT
        and m.country_id == plan.country_id
        and m.organisation_id is not None
    }


def can_report_on_measure(user: Any, measure: Measure, entity_ids: set[int] | None = None) -> bool:
    """The coordinator, or a focal point of the responsible or an involved entity.

    ``entity_ids`` are the measure's involved entity ids, when the caller has them already.
    """
    plan = measure.plan
    if can_coordinate_plan(user, plan):
        return True
    mine = reporting_entity_ids(user, plan)
    if not mine:
        return False
    if measure.responsible_entity_id in mine:
        return True
    if entity_ids is None:
        entity_ids = set(measure.involved_entities.values_list("id", flat=True))
    return bool(mine & entity_ids)


def plans_visible_to(user: Any) -> QuerySet[Plan]:
    """Published plans, and every plan of a country where the user holds a government role."""
    roles = roles_of(user)
    if roles.is_admin:
        return Plan.objects.all()
    countries = roles.country_ids(Role.GOVERNMENT_FOCAL_POINT, Role.NATIONAL_COORDINATOR)
    return Plan.objects.filter(Q(publish_plan=True) | Q(country_id__in=countries))
