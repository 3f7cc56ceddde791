"""Role memberships, their scopes, and the predicates other apps build on."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role, RoleMembership
from accounts.permissions import (
    can_act_for_organisation,
    can_coordinate_country,
    can_edit_country,
    can_moderate_region,
    can_organise_region,
    roles_of,
)
from countries.models import Country, ReviewRegion

pytestmark = pytest.mark.django_db


def _country(alpha3):
    return Country.objects.get(alpha3=alpha3).pk


def test_anonymous_holds_no_role():
    from django.contrib.auth.models import AnonymousUser

    roles = roles_of(AnonymousUser())
    assert not roles.is_authenticated
    assert not roles.is_admin
    assert not can_edit_country(AnonymousUser(), _country("PRT"))


def test_focal_point_edits_their_country_only(make_user):
    user = make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT")
    assert can_edit_country(user, _country("PRT"))
    assert not can_edit_country(user, _country("KEN"))
    assert not can_coordinate_country(user, _country("PRT"))


def test_coordinator_coordinates_their_country_only(make_user):
    user = make_user(Role.NATIONAL_COORDINATOR, country="KEN")
    assert can_coordinate_country(user, _country("KEN"))
    assert can_edit_country(user, _country("KEN"))
    assert not can_coordinate_country(user, _country("PRT"))


def test_civil_society_member_acts_for_their_organisation_only(make_user, make_organisation):
    mine, other = make_organisation(), make_organisation()
    user = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=mine)
    assert can_act_for_organisation(user, mine.pk)
    assert not can_act_for_organisation(user, other.pk)
    assert not can_edit_country(user, _country("PRT"))


def test_region_limited_moderator(make_user):
    ece = ReviewRegion.objects.get(code="ECE").pk
    eca = ReviewRegion.objects.get(code="ECA").pk
    limited = make_user(Role.UN_MODERATOR, review_region="ECE")
    everywhere = make_user(Role.UN_MODERATOR)
    assert can_moderate_region(limited, [ece])
    assert not can_moderate_region(limited, [eca])
    assert can_moderate_region(everywhere, [eca])
    assert roles_of(limited).is_moderator


def test_review_organiser_organises_their_region_only(make_user):
    user = make_user(Role.REVIEW_ORGANISER, review_region="ESCAP")
    assert can_organise_region(user, ReviewRegion.objects.get(code="ESCAP").pk)
    assert not can_organise_region(user, ReviewRegion.objects.get(code="ECE").pk)


def test_administrators_pass_every_predicate(make_user, make_organisation):
    for admin in (make_user(Role.ADMINISTRATOR), make_user(superuser=True)):
        assert can_edit_country(admin, _country("PRT"))
        assert can_coordinate_country(admin, _country("PRT"))
        assert can_act_for_organisation(admin, make_organisation().pk)
        assert can_moderate_region(admin, [])


def test_inactive_users_hold_no_role(make_user):
    user = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    user.is_active = False
    assert not can_edit_country(user, _country("PRT"))


def test_roles_are_loaded_with_one_query(make_user, django_assert_num_queries):
    user = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    user = type(user).objects.get(pk=user.pk)
    portugal, kenya = _country("PRT"), _country("KEN")
    with django_assert_num_queries(1):
        results = [can_edit_country(user, c) for c in (portugal, kenya, portugal, kenya)]
    assert results == [True, False, True, False]


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.NATIONAL_COORDINATOR, {}),
        (Role.GOVERNMENT_FOCAL_POINT, {}),
        (Role.CIVIL_SOCIETY_MEMBER, {}),
        (Role.REVIEW_ORGANISER, {}),
        (Role.ANALYST, {"country": "PRT"}),
        (Role.CIVIL_SOCIETY_MEMBER, {"country": "PRT"}),
    ],
)
def test_membership_scope_rules(make_user, make_organisation, role, scope):
    user = make_user()
    membership = RoleMembership(user=user, role=role)
    if "country" in scope:
        membership.country = Country.objects.get(alpha3=scope["country"])
    if role == Role.CIVIL_SOCIETY_MEMBER and "country" in scope:
        membership.organisation = make_organisation()
    with pytest.raises(ValidationError):
        membership.full_clean()


def test_grant_role_is_idempotent(make_user):
    from accounts.services import grant_role

    user = make_user()
    for _ in range(2):
        grant_role(actor=None, user=user, role=Role.ANALYST)
    assert RoleMembership.objects.filter(user=user).count() == 1
    assert roles_of(user).is_analyst
