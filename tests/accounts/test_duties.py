"""Conflict-of-interest predicates of accounts: who belongs to an organisation, who decides."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Role
from accounts.permissions import (
    belongs_to_organisation,
    membership_decision_refusal,
    moderation_region_ids,
)
from countries.models import ReviewRegion

pytestmark = pytest.mark.django_db


def test_belonging_is_a_role_scoped_to_the_organisation_not_administrator_power(
    make_user: Any, make_organisation: Any
) -> None:
    ministry, other = make_organisation(), make_organisation()
    focal_point = make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT", organisation=ministry)
    admin = make_user(Role.ADMINISTRATOR)
    assert belongs_to_organisation(focal_point, ministry.pk)
    assert not belongs_to_organisation(focal_point, other.pk)
    assert not belongs_to_organisation(admin, ministry.pk)
    assert not belongs_to_organisation(focal_point, None)


def test_moderation_regions_none_means_everywhere(make_user: Any) -> None:
    ece = ReviewRegion.objects.get(code="ECE").pk
    assert moderation_region_ids(make_user(Role.UN_MODERATOR)) is None
    assert moderation_region_ids(make_user(Role.ADMINISTRATOR)) is None
    assert moderation_region_ids(make_user(Role.UN_MODERATOR, review_region="ECE")) == {ece}
    assert moderation_region_ids(make_user(Role.ANALYST)) == set()


def test_only_moderators_decide_and_never_their_own_request(
    make_user: Any, make_organisation: Any
) -> None:
    org = make_organisation()
    moderator, analyst = make_user(Role.UN_MODERATOR), make_user(Role.ANALYST)
    assert membership_decision_refusal(analyst, applicant_id=moderator.pk, organisation=org) == (
        "Only moderators approve members."
    )
    assert "your own membership request" in (
        membership_decision_refusal(moderator, applicant_id=moderator.pk, organisation=org) or ""
    )
    assert membership_decision_refusal(moderator, applicant_id=analyst.pk, organisation=org) is None
