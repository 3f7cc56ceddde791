"""The plan's section of the country profile page."""

from __future__ import annotations

from typing import Any

from accounts.permissions import can_coordinate_country

from . import selectors
from .models import Plan
from .permissions import can_view_part, can_view_plan


def profile_context(country: Any, user: Any) -> dict[str, Any]:
    """The plan's state, if the viewer may see it (three queries at most)."""
    plan = Plan.objects.filter(country=country).select_related("country").first()
    if plan is None or not can_view_plan(user, plan):
        return {
            "plan": None,
            "country": country,
            "can_start": plan is None and can_coordinate_country(user, country.pk),
        }
    return {
        "plan": plan,
        "country": country,
        "steps": selectors.step_progress(plan),
        "measure_count": plan.measures.count()
        if can_view_part(user, plan, "publish_measures")
        else None,
    }
