"""Who may see and change cycles, submissions and pledges; predicates and scopes."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import Role
from accounts.permissions import (
    can_act_for_organisation,
    can_coordinate_country,
    can_edit_country,
    roles_of,
)

from .models import Pledge, ReviewCycle, Submission

# --- cycles -------------------------------------------------------------------------------------


def can_manage_cycles(user: Any) -> bool:
    """Administrators and review organisers (of some region) may open cycles."""
    roles = roles_of(user)
    return roles.is_admin or roles.has(Role.REVIEW_ORGANISER)


def can_manage_cycle(user: Any, cycle: ReviewCycle) -> bool:
    """Administrators manage every cycle; a review organiser the regional cycles of their region."""
    roles = roles_of(user)
    if roles.is_admin:
        return True
    if cycle.review_region_id is None:
        return False
    return roles.has(Role.REVIEW_ORGANISER, review_region_id=cycle.review_region_id)


def may_create_cycle_for_region(user: Any, review_region_id: int | None) -> bool:
    roles = roles_of(user)
    if roles.is_admin:
        return True
    return review_region_id is not None and roles.has(
        Role.REVIEW_ORGANISER, review_region_id=review_region_id
    )


# --- submissions --------------------------------------------------------------------------------


def submissions_visible_to(user: Any, qs: QuerySet[Submission]) -> QuerySet[Submission]:
    """Submitted ones for everyone; drafts for their country's roles / organisation's members."""
    roles = roles_of(user)
    if roles.is_admin:
        return qs
    visible = Q(status=Submission.Status.SUBMITTED)
    countries = roles.country_ids(Role.GOVERNMENT_FOCAL_POINT, Role.NATIONAL_COORDINATOR)
    organisations = roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER)
    if countries:
        visible |= Q(kind=Submission.Kind.VOLUNTARY_REVIEW, country_id__in=countries)
    if organisations:
        visible |= Q(kind=Submission.Kind.STAKEHOLDER_INPUT, organisation_id__in=organisations)
    return qs.filter(visible)


def can_view_submission(user: Any, submission: Submission) -> bool:
    if submission.status == Submission.Status.SUBMITTED:
        return True
    return can_edit_submission_author(user, submission) or _is_country_role(user, submission)


def _is_country_role(user: Any, submission: Submission) -> bool:
    return submission.country_id is not None and can_edit_country(user, submission.country_id)


def can_edit_submission_author(user: Any, submission: Submission) -> bool:
    """The national coordinator for a country's review; a member for an organisation's input."""
    if submission.kind == Submission.Kind.VOLUNTARY_REVIEW:
        return submission.country_id is not None and can_coordinate_country(
            user, submission.country_id
        )
    return submission.organisation_id is not None and can_act_for_organisation(
        user, submission.organisation_id
    )


def can_edit_submission(user: Any, submission: Submission) -> bool:
    return submission.status == Submission.Status.DRAFT and can_edit_submission_author(
        user, submission
    )


def submission_authors_for(user: Any) -> dict[str, set[int]]:
    """The countries and organisations this user may prepare submissions for."""
    roles = roles_of(user)
    return {
        "countries": roles.country_ids(Role.NATIONAL_COORDINATOR),
        "organisations": roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER),
    }


# --- pledges ------------------------------------------------------------------------------------


def can_pledge_for_country(user: Any, country_id: int) -> bool:
    return can_edit_country(user, country_id)


def can_pledge_for_organisation(user: Any, organisation_id: int) -> bool:
    return can_act_for_organisation(user, organisation_id)


def can_edit_pledge(user: Any, pledge: Pledge) -> bool:
    """Government roles of the pledging country; members of the pledging organisation."""
    if pledge.country_id is not None:
        return can_pledge_for_country(user, pledge.country_id)
    return pledge.organisation_id is not None and can_pledge_for_organisation(
        user, pledge.organisation_id
    )


def pledge_entities_for(user: Any) -> dict[str, set[int]]:
    roles = roles_of(user)
    return {
        "countries": roles.country_ids(Role.GOVERNMENT_FOCAL_POINT, Role.NATIONAL_COORDINATOR),
        "organisations": roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER),
    }
