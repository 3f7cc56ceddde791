"""Who may see, edit and moderate initiatives: predicates for one object, scopes for lists.

Each predicate has the queryset scope that matches it; tests check the two agree.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Organisation, Role
from accounts.permissions import (
    belongs_to_organisation,
    can_act_for_organisation,
    can_moderate_region,
    membership_decision_q,
    membership_decision_refusal,
    moderation_region_ids,
    roles_of,
)

from .models import Initiative, MembershipRequest, ModerationState, Source, Transition

EDITABLE_STATES = {ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED}


def is_submitter(user: Any) -> bool:
    """A civil-society member of at least one organisation (or an administrator)."""
    roles = roles_of(user)
    return roles.is_admin or bool(roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER))


def is_moderator(user: Any) -> bool:
    return roles_of(user).is_moderator


def review_region_ids_of(initiative: Initiative) -> list[int]:
    """The review regions an initiative covers (derived from its countries)."""
    return [r.pk for r in initiative.coverage_review_regions.all()]


def in_moderation_scope(user: Any, initiative: Initiative) -> bool:
    """A moderator with no region limit, or one whose region the initiative covers: they may
    read it under review; whether they may decide it is :func:`moderation_refusal`."""
    roles = roles_of(user)
    if not roles.is_moderator:
        return False
    return can_moderate_region(user, review_region_ids_of(initiative))


def region_refusal(user: Any, review_region_ids: set[int]) -> str | None:
    """Why a moderator may not act on a record covering ``review_region_ids``; None if they may.

    The importer checks a row with it before the initiative exists.
    """
    regions = moderation_region_ids(user)
    if regions is None or regions & review_region_ids:
        return None
    return _(
        "This initiative covers no country of your review region; a moderator of its region "
        "must decide it."
    )


def organisation_refusal(user: Any, organisation: Organisation) -> str | None:
    """Why ``user`` may not moderate (or import) initiatives of ``organisation``: they belong
    to it. None when they do not."""
    if belongs_to_organisation(user, organisation.pk):
        return _(
            "You belong to %(organisation)s, so another moderator must moderate its initiatives."
        ) % {"organisation": organisation.name}
    return None


def _wrote(user: Any, initiative: Initiative) -> bool:
    # An imported record was written by the organisation of the source document: the
    # moderator who imports it only records it (and is the one who publishes it).
    return initiative.created_by_id == user.pk and initiative.source != Source.IMPORT


def _submitted(user: Any, initiative: Initiative) -> bool:
    return Transition.objects.filter(
        initiative=initiative, actor_id=user.pk, to_state=ModerationState.SUBMITTED
    ).exists()


def moderation_refusal(user: Any, initiative: Initiative) -> str | None:
    """Why ``user`` may not moderate ``initiative``; None when they may.

    Separation of duties: nobody moderates an initiative of an organisation they belong to, or
    one they wrote or submitted; a moderator limited to review regions acts only there.
    """
    if not roles_of(user).is_moderator:
        return _("You cannot moderate this initiative.")
    refusal = region_refusal(user, set(review_region_ids_of(initiative)))
    if refusal:
        return refusal
    refusal = organisation_refusal(user, initiative.organisation)
    if refusal:
        return refusal
    if _wrote(user, initiative):
        return _("You wrote this initiative, so another moderator must moderate it.")
    if _submitted(user, initiative):
        return _("You submitted this initiative, so another moderator must moderate it.")
    return None


def can_moderate_initiative(user: Any, initiative: Initiative) -> bool:
    """True when :func:`moderation_refusal` has no objection."""
    return moderation_refusal(user, initiative) is None


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
    return initiative.state != ModerationState.DRAFT and in_moderation_scope(user, initiative)


def can_see_private_contact(user: Any, initiative: Initiative) -> bool:
    return belongs_to_user(user, initiative) or in_moderation_scope(user, initiative)


def can_decide_membership(user: Any, request: MembershipRequest) -> bool:
    """Moderators decide others' requests, within their review region (see accounts)."""
    return (
        membership_decision_refusal(
            user, applicant_id=request.user_id, organisation=request.organisation
        )
        is None
    )


# --- scopes -----------------------------------------------------------------------------------


def _moderation_q(user: Any) -> Q | None:
    """Initiatives a moderator may moderate; None when the user moderates nothing."""
    roles = roles_of(user)
    if not roles.is_moderator:
        return None
    if roles.moderates_everywhere():
        return Q()
    return Q(coverage_review_regions__in=roles.review_region_ids(Role.UN_MODERATOR))


def _decision_q(user: Any) -> Q | None:
    """The scope matching :func:`moderation_refusal`: in the region, not the user's own."""
    mod = _moderation_q(user)
    if mod is None:
        return None
    roles = roles_of(user)
    org_ids = roles.organisation_ids()
    if org_ids:
        mod &= ~Q(organisation_id__in=org_ids)
    mod &= ~(Q(created_by_id=user.pk) & ~Q(source=Source.IMPORT))
    submitted = Transition.objects.filter(actor_id=user.pk, to_state=ModerationState.SUBMITTED)
    return mod & ~Q(pk__in=submitted.values("initiative_id"))


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
    """Initiatives the user may decide (the list form of :func:`can_moderate_initiative`)."""
    decide = _decision_q(user)
    if decide is None:
        return queryset.none()
    return queryset.filter(pk__in=Initiative.objects.filter(decide).values("pk"))


def decidable_membership_requests(
    queryset: QuerySet[MembershipRequest], user: Any
) -> QuerySet[MembershipRequest]:
    """Requests the user may decide (the list form of :func:`can_decide_membership`)."""
    decide = membership_decision_q(user)
    if decide is None:
        return queryset.none()
    return queryset.filter(pk__in=MembershipRequest.objects.filter(decide).values("pk"))
