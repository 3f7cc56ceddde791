"""Who may see, edit and moderate initiatives: predicates for one object, scopes for lists.

Each predicate has the queryset scope that matches it; tests check the two agree.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import Role
from accounts.permissions import can_act_for_organisation, can_moderate_region, roles_of

from .models import Initiative, ModerationState

EDITABLE_STATES = {ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED}


def is_submitter(user: Any) -> bool:
    """A civil-society member of at least one organisation (or an administrator)."""
    roles = roles_of(user)
    return roles.is_admin or bool(roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER))


def is_moderator(user: Any) -> bool:
    return roles_of(user).is_moderator


def _review_region_ids(initiative: Initiative) -> list[int]:
    return [r.pk for r in initiative.coverage_review_regions.all()]


def can_moderate_initiative(user: Any, initiative: Initiative) -> bool:
    """A moderator with no region limit, or one whose region the initiative covers."""
    roles = roles_of(user)
    if not roles.is_moderator:
        return False
    return can_moderate_region(user, _review_region_ids(initiative))


def belongs_to_user(user: Any, initiative: Initiative) -> bool:
    return can_act_for_organisation(user, initiative.organisation_id)


def can_edit_initiative(user: Any, initiative: Initiative) -> bool:
    """Members of the owning organisation edit drafts, returned and published initiatives.

    Editing a published initiative opens a revision; an initiative under review or rejected
    cannot be edited.
    """
    if not belongs_to_user(user, initiative):
        return False
    if initiative.state in EDITABLE_STATES:
        return True
    return initiative.state == ModerationState.PUBLISHED and initiative.revision_of_id is None


def can_view_initiative(user: Any, initiative: Initiative) -> bool:
    if initiative.state == ModerationState.PUBLISHED and initiative.revision_of_id is None:
        return True
    if belongs_to_user(user, initiative):
        return True
    return initiative.state != ModerationState.DRAFT and can_moderate_initiative(user, initiative)


def can_see_private_contact(user: Any, initiative: Initiative) -> bool:
    return belongs_to_user(user, initiative) or can_moderate_initiative(user, initiative)


# --- scopes -----------------------------------------------------------------------------------


def _moderation_q(user: Any) -> Q | None:
    """Initiatives a moderator may moderate; None when the user moderates nothing."""
    roles = roles_of(user)
    if not roles.is_moderator:
        return None
    if roles.moderates_everywhere():
        return Q()
    return Q(coverage_review_regions__in=roles.review_region_ids(Role.UN_MODERATOR))


def _own_q(user: Any) -> Q | None:
    roles = roles_of(user)
    if roles.is_admin:
        return Q()
    org_ids = roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER)
    return Q(organisation_id__in=org_ids) if org_ids else None


def visible_to(queryset: QuerySet[Initiative], user: Any) -> QuerySet[Initiative]:
    """Published originals for everyone; the user's own; what they may moderate (not drafts)."""
    q = Q(state=ModerationState.PUBLISHED, revision_of__isnull=True)
    own = _own_q(user)
    if own is not None and not own:
        # An administrator acts for every organisation (as can_view_initiative says). An empty
        # Q() would vanish from the OR below instead of meaning "everything".
        return queryset
    if own is not None:
        q |= own
    mod = _moderation_q(user)
    if mod is not None:
        q |= mod & ~Q(state=ModerationState.DRAFT)
    if own is None and mod is None:
        return queryset.filter(q)
    return queryset.filter(pk__in=Initiative.objects.filter(q).values("pk"))


def owned_by(queryset: QuerySet[Initiative], user: Any) -> QuerySet[Initiative]:
    own = _own_q(user)
    return queryset.filter(own) if own is not None else queryset.none()


def moderatable_by(queryset: QuerySet[Initiative], user: Any) -> QuerySet[Initiative]:
    mod = _moderation_q(user)
    if mod is None:
        return queryset.none()
    if mod == Q():
        return queryset
    return queryset.filter(pk__in=Initiative.objects.filter(mod).values("pk"))
