"""Separation of duties: decided once in the services, refused the same way by pages and API.

Nobody decides their own membership request; nobody moderates an initiative of an organisation
they belong to, or one they wrote or submitted; a moderator limited to a review region acts only
there. The moderation queue and the membership list offer only what the user may decide.
"""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Organisation, Role
from accounts.services import grant_role
from core.errors import ForbiddenError
from countries.models import Country
from initiatives import permissions, selectors, services
from initiatives.models import Initiative, MembershipRequest, ModerationState

from .factories import make_initiative

pytestmark = pytest.mark.django_db

OWN_ORGANISATION = "so another moderator must moderate its initiatives"
WROTE = "You wrote this initiative, so another moderator must moderate it."
SUBMITTED = "You submitted this initiative, so another moderator must moderate it."
OUTSIDE_REGION = "covers no country of your review region"
OWN_REQUEST = "You cannot decide your own membership request; another moderator must."


@pytest.fixture
def moderator_member(make_user: Any, org: Any) -> Any:
    """A UN Network moderator who is also a member of ``org``."""
    user = make_user(Role.UN_MODERATOR)
    grant_role(actor=None, user=user, role=Role.CIVIL_SOCIETY_MEMBER, organisation_id=org.pk)
    return user


@pytest.fixture
def admin(make_user: Any) -> Any:
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def europe_moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR, review_region="ECE")


def _kenya() -> dict[str, Any]:
    kenya = Country.objects.get(alpha3="KEN")
    return {"countries": [kenya], "host_country": kenya}


# --- services: moderating initiatives ---------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "kwargs"),
    [
        (services.publish_initiative, {}),
        (services.request_changes, {"reason": "More detail"}),
        (services.reject_initiative, {"reason": "Off topic"}),
    ],
)
def test_a_moderator_cannot_moderate_their_own_organisations_initiative(
    moderator_member: Any, submitted: Any, command: Any, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ForbiddenError) as exc:
        command(actor=moderator_member, initiative=submitted, **kwargs)
    assert str(exc.value) == (
        "You belong to Migrant Rights Network, so another moderator must moderate its initiatives."
    )
    assert exc.value.http_status == 403
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED
    assert submitted.transitions.count() == 2  # draft, submitted: nothing recorded


def test_a_moderator_cannot_publish_a_revision_of_their_own_organisation(
    moderator_member: Any, member: Any, published: Any
) -> None:
    revision = services.update_initiative(
        actor=member, initiative=published, data={"title": "Renamed"}
    )
    services.submit_initiative(actor=member, initiative=revision)
    with pytest.raises(ForbiddenError, match=OWN_ORGANISATION):
        services.publish_initiative(actor=moderator_member, initiative=revision)
    published.refresh_from_db()
    assert published.title != "Renamed"
    assert Initiative.objects.get(pk=revision.pk).state == ModerationState.SUBMITTED


def test_nobody_moderates_an_initiative_they_wrote_or_submitted(
    admin: Any, make_user: Any, org: Any, moderator: Any
) -> None:
    # Administrators act for any organisation without belonging to it: one writes, one submits.
    submitter = make_user(Role.ADMINISTRATOR)
    initiative = make_initiative(admin, org)
    services.submit_initiative(actor=submitter, initiative=initiative)
    with pytest.raises(ForbiddenError) as wrote:
        services.publish_initiative(actor=admin, initiative=initiative)
    assert str(wrote.value) == WROTE
    with pytest.raises(ForbiddenError) as submitted:
        services.reject_initiative(actor=submitter, initiative=initiative, reason="No")
    assert str(submitted.value) == SUBMITTED
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.SUBMITTED
    services.publish_initiative(actor=moderator, initiative=initiative)
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.PUBLISHED


@pytest.mark.parametrize(
    ("command", "kwargs"),
    [
        (services.publish_initiative, {}),
        (services.request_changes, {"reason": "More detail"}),
        (services.reject_initiative, {"reason": "Off topic"}),
    ],
)
def test_a_regional_moderator_is_refused_every_command_outside_their_region(
    africa_moderator: Any, submitted: Any, command: Any, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ForbiddenError, match=OUTSIDE_REGION):
        command(actor=africa_moderator, initiative=submitted, **kwargs)
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_a_regional_moderator_publishes_a_revision_only_in_their_region(
    africa_moderator: Any, europe_moderator: Any, member: Any, published: Any
) -> None:
    revision = services.update_initiative(
        actor=member, initiative=published, data={"title": "Renamed"}
    )
    services.submit_initiative(actor=member, initiative=revision)
    with pytest.raises(ForbiddenError, match=OUTSIDE_REGION):
        services.publish_initiative(actor=africa_moderator, initiative=revision)
    services.publish_initiative(actor=europe_moderator, initiative=revision)
    published.refresh_from_db()
    assert published.title == "Renamed"


def test_the_moderation_queue_offers_exactly_what_the_moderator_may_decide(
    moderator_member: Any,
    moderator: Any,
    africa_moderator: Any,
    admin: Any,
    member: Any,
    org: Any,
    other_member: Any,
    other_org: Any,
) -> None:
    europe_own = make_initiative(member, org, "submitted")
    africa_own = make_initiative(member, org, "submitted", **_kenya())
    europe_other = make_initiative(other_member, other_org, "submitted")
    africa_other = make_initiative(other_member, other_org, "submitted", **_kenya())
    by_admin = make_initiative(admin, other_org, "submitted")
    everything = {europe_own, africa_own, europe_other, africa_other, by_admin}
    expected = {
        moderator_member: {europe_other, africa_other, by_admin},
        moderator: everything,
        africa_moderator: {africa_own, africa_other},
        admin: {europe_own, africa_own, europe_other, africa_other},
        member: set(),
    }
    for user, decidable in expected.items():
        queue = set(selectors.moderation_queue(user))
        assert queue == decidable, user
        assert {i for i in everything if permissions.can_moderate_initiative(user, i)} == queue


# --- services: membership requests ------------------------------------------------------------


def test_a_moderator_cannot_approve_their_own_membership_request(moderator: Any, org: Any) -> None:
    req = services.request_membership(actor=moderator, organisation=org)
    with pytest.raises(ForbiddenError) as exc:
        services.decide_membership(actor=moderator, request=req, approve=True)
    assert str(exc.value) == OWN_REQUEST
    req.refresh_from_db()
    assert req.status == MembershipRequest.Status.PENDING
    assert not moderator.memberships.filter(role=Role.CIVIL_SOCIETY_MEMBER).exists()


def test_an_administrator_cannot_approve_their_own_membership_request(
    make_user: Any, make_organisation: Any
) -> None:
    # A proposed (pending) organisation: approving would also have approved it.
    admin = make_user(superuser=True)
    req = services.request_membership(
        actor=admin,
        new_organisation={"name": "Self-made Network", "type": make_organisation().type},
    )
    with pytest.raises(ForbiddenError, match="your own membership request"):
        services.decide_membership(actor=admin, request=req, approve=True)
    req.refresh_from_db()
    assert req.status == MembershipRequest.Status.PENDING
    assert req.organisation.status == Organisation.Status.PENDING


def test_a_regional_moderator_decides_requests_for_organisations_of_their_region_only(
    africa_moderator: Any, europe_moderator: Any, make_user: Any, make_organisation: Any
) -> None:
    kenyan = make_organisation("Kenyan Network", country="KEN")
    portuguese = make_organisation("Portuguese Network", country="PRT")
    international = make_organisation("Global Network", country=None)
    reqs = {
        org: services.request_membership(actor=make_user(), organisation=org)
        for org in (kenyan, portuguese, international)
    }
    with pytest.raises(ForbiddenError) as exc:
        services.decide_membership(actor=africa_moderator, request=reqs[portuguese], approve=True)
    assert str(exc.value) == (
        "Portuguese Network is outside your review region; a moderator of its region must "
        "decide this request."
    )
    with pytest.raises(ForbiddenError, match="outside your review region"):
        services.decide_membership(
            actor=europe_moderator, request=reqs[international], approve=False
        )
    services.decide_membership(actor=africa_moderator, request=reqs[kenyan], approve=True)
    statuses = dict(MembershipRequest.objects.values_list("organisation__name", "status"))
    assert statuses == {
        "Kenyan Network": "approved",
        "Portuguese Network": "pending",
        "Global Network": "pending",
    }


def test_the_membership_list_offers_exactly_the_requests_the_moderator_may_decide(
    moderator: Any, africa_moderator: Any, make_user: Any, make_organisation: Any, admin: Any
) -> None:
    kenyan = make_organisation("Kenyan Network", country="KEN")
    portuguese = make_organisation("Portuguese Network", country="PRT")
    own = services.request_membership(actor=moderator, organisation=portuguese)
    kenyan_req = services.request_membership(actor=make_user(), organisation=kenyan)
    portuguese_req = services.request_membership(actor=make_user(), organisation=portuguese)
    every = {own, kenyan_req, portuguese_req}
    expected = {
        moderator: {kenyan_req, portuguese_req},
        africa_moderator: {kenyan_req},
        admin: every,
        make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=kenyan): set(),
    }
    for user, decidable in expected.items():
        listed = set(selectors.pending_membership_requests(user))
        assert listed == decidable, user
        assert {r for r in every if permissions.can_decide_membership(user, r)} == listed


# --- pages ------------------------------------------------------------------------------------


def test_the_page_refuses_a_moderator_of_the_organisation_with_the_message(
    client: Any, moderator_member: Any, submitted: Any
) -> None:
    client.force_login(moderator_member)
    response = client.post(f"/initiatives/{submitted.pk}/publish/", {"reason": ""})
    assert response.status_code == 403
    assert "You belong to Migrant Rights Network" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_the_page_refuses_the_writer_with_the_message(
    client: Any, admin: Any, org: Any, moderator: Any
) -> None:
    initiative = make_initiative(admin, org, "submitted")
    client.force_login(admin)
    response = client.post(f"/initiatives/{initiative.pk}/reject/", {"reason": "No"})
    assert response.status_code == 403
    assert WROTE in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.SUBMITTED


def test_the_initiative_page_tells_a_conflicted_moderator_why_there_is_no_form(
    client: Any, moderator_member: Any, submitted: Any, moderator: Any
) -> None:
    client.force_login(moderator_member)
    html = client.get(f"/initiatives/{submitted.pk}/").content.decode()
    assert "You belong to Migrant Rights Network" in html
    assert 'id="moderate-heading"' not in html
    client.force_login(moderator)
    assert 'id="moderate-heading"' in client.get(f"/initiatives/{submitted.pk}/").content.decode()


def test_an_initiative_outside_the_region_is_not_found_by_page_or_api(
    client: Any, api_client: Any, africa_moderator: Any, submitted: Any
) -> None:
    client.force_login(africa_moderator)
    api_client.force_authenticate(africa_moderator)
    page = client.post(f"/initiatives/{submitted.pk}/publish/", {})
    api = api_client.post(f"/api/v1/initiatives/{submitted.pk}/publish/", {}, format="json")
    assert (page.status_code, api.status_code) == (404, 404)
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_the_page_refuses_deciding_ones_own_membership_request(
    client: Any, moderator: Any, org: Any
) -> None:
    req = services.request_membership(actor=moderator, organisation=org)
    client.force_login(moderator)
    queue = client.get("/initiatives/moderation/").content.decode()
    assert f"/initiatives/members/{req.pk}/decide/" not in queue
    response = client.post(f"/initiatives/members/{req.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 403
    assert OWN_REQUEST in response.content.decode()
    req.refresh_from_db()
    assert req.status == MembershipRequest.Status.PENDING
    assert not moderator.memberships.filter(organisation=org).exists()


def test_the_page_refuses_a_regional_moderator_a_request_of_another_region(
    client: Any, africa_moderator: Any, org: Any, make_user: Any
) -> None:
    req = services.request_membership(actor=make_user(), organisation=org)  # Portugal
    client.force_login(africa_moderator)
    assert req.user.email not in client.get("/initiatives/moderation/").content.decode()
    response = client.post(f"/initiatives/members/{req.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 403
    assert "outside your review region" in response.content.decode()
    req.refresh_from_db()
    assert req.status == MembershipRequest.Status.PENDING


def test_the_moderation_page_does_not_list_the_moderators_own_organisation(
    client: Any, moderator_member: Any, submitted: Any, other_member: Any, other_org: Any
) -> None:
    other = make_initiative(other_member, other_org, "submitted", title="Someone else's")
    client.force_login(moderator_member)
    html = client.get("/initiatives/moderation/").content.decode()
    assert f"/initiatives/{other.pk}/" in html
    assert f"/initiatives/{submitted.pk}/" not in html


# --- API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("publish", {}),
        ("request-changes", {"reason": "More detail"}),
        ("reject", {"reason": "Off topic"}),
    ],
)
def test_the_api_refuses_a_moderator_of_the_organisation_with_the_message(
    api_client: Any, moderator_member: Any, submitted: Any, path: str, body: dict[str, str]
) -> None:
    api_client.force_authenticate(moderator_member)
    response = api_client.post(f"/api/v1/initiatives/{submitted.pk}/{path}/", body, format="json")
    assert response.status_code == 403
    assert "You belong to Migrant Rights Network" in response.json()["detail"]
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_the_api_refuses_the_submitter_with_the_message(
    api_client: Any, admin: Any, make_user: Any, org: Any
) -> None:
    writer = make_user(Role.ADMINISTRATOR)
    initiative = make_initiative(writer, org)
    services.submit_initiative(actor=admin, initiative=initiative)
    api_client.force_authenticate(admin)
    response = api_client.post(f"/api/v1/initiatives/{initiative.pk}/publish/", {}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == SUBMITTED
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.SUBMITTED
