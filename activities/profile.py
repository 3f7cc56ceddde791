"""The activities section of the country profile: the country's published activities."""

from __future__ import annotations

from typing import Any

from . import selectors

SECTION_LIMIT = 20


def profile_context(country: Any, user: Any) -> dict[str, Any]:
    """The latest activities and the total: three queries, bounded rows, for every viewer."""
    activities, total = selectors.country_activities(country, limit=SECTION_LIMIT)
    return {"country": country, "activities": activities, "total": total}
