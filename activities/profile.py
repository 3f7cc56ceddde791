"""The activities section of the country profile: the country's published activities."""

from __future__ import annotations

from typing import Any

from . import selectors


def profile_context(country: Any, user: Any) -> dict[str, Any]:
    """Two queries whatever the number of activities (the same for every viewer)."""
    return {"country": country, "activities": selectors.country_activities(country)}
