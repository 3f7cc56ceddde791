"""The initiatives section of the country profile: published initiatives by objective."""

from __future__ import annotations

from typing import Any

from . import selectors


def section_context(country: Any, user: Any) -> dict[str, Any]:
    """Two queries whatever the number of initiatives (the same for every viewer)."""
    grouped = selectors.country_profile_initiatives(country)
    total = len({i.pk for items in grouped.values() for i in items})
    return {"country": country, "groups": list(grouped.items()), "total": total}
