"""The reviews section of the country profile: the country's pledges and review submissions."""

from __future__ import annotations

from typing import Any

from . import selectors
from .permissions import can_pledge_for_country


def section_context(country: Any, user: Any) -> dict[str, Any]:
    """Two queries for pledges (+ prefetches) and two for submissions, whatever the counts."""
    return {
        "country": country,
        "pledges": list(selectors.country_pledges(country)[:50]),
        "submissions": list(selectors.country_submissions(country, user)),
        "can_pledge": can_pledge_for_country(user, country.pk),
        "report_params": {"country": country.alpha3},
    }
