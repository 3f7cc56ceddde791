"""Who may see and change national implementation activities, and the matching scope.

Everyone reads published activities. UN Network moderators and administrators curate them:
they add, correct, publish, withdraw and import activities, and see unpublished ones.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from accounts.permissions import roles_of

from .models import NationalActivity


def can_manage_activities(user: Any) -> bool:
    return roles_of(user).is_moderator


def can_view_activity(user: Any, activity: NationalActivity) -> bool:
    return activity.published or can_manage_activities(user)


def activities_visible_to(user: Any) -> QuerySet[NationalActivity]:
    """Published activities; every activity for moderators and administrators."""
    if can_manage_activities(user):
        return NationalActivity.objects.all()
    return NationalActivity.objects.filter(published=True)
