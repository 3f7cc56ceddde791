"""Who may see and change national implementation activities, and the matching scope.

Everyone reads published activities. UN Network moderators and administrators curate them:
they add, correct, publish, withdraw and import activities, and see unpublished ones. A
moderator limited to a review region changes only the activities of that region's countries
(its regional members, not the non-regional ones); an activity with no single country (a
regional or global row) needs a moderator without a region limit.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from accounts.permissions import can_moderate_region, roles_of
from countries.models import CommissionMembership, Country

from .models import NationalActivity


def can_manage_activities(user: Any) -> bool:
    """A moderator (of any region) or an administrator: may open the curation pages."""
    return roles_of(user).is_moderator


def can_change_country_activities(user: Any, country: Country | None) -> bool:
    """May change (record, correct, publish, withdraw) activities of ``country``."""
    roles = roles_of(user)
    if not roles.is_moderator:
        return False
    if roles.moderates_everywhere():
        return True
    if country is None:
        return False
    # Regional members only: France's activities belong to ECE, not to ESCAP or ECLAC.
    regions = CommissionMembership.objects.filter(country=country, is_regional=True)
    return can_moderate_region(user, regions.values_list("review_region_id", flat=True))


def activities_visible_to(user: Any) -> QuerySet[NationalActivity]:
    """Published activities; every activity for moderators and administrators."""
    if can_manage_activities(user):
        return NationalActivity.objects.all()
    return NationalActivity.objects.filter(published=True)
