"""The initiatives section of the country profile: per objective a count and the latest few."""

from __future__ import annotations

from typing import Any

from . import selectors


def section_context(country: Any, user: Any) -> dict[str, Any]:
    """Three queries whatever the number of initiatives (the same for every viewer)."""
    groups, total = selectors.country_initiative_groups(country)
    return {"country": country, "groups": groups, "total": total}
