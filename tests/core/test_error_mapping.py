"""One gate per command: the same bad request gets the same status and message from page and API.

Services raise typed DomainErrors; ``core.api.errors`` renders them for the API and
``core.pages`` for pages. These tests send the same request both ways and compare.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils.html import escape

from accounts.models import Role
from accounts.services import create_api_token
from initiatives.models import CallForInitiatives, Initiative, ModerationState
from tests.initiatives.factories import complete_data, make_initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_organisation: Any) -> Any:
    return make_organisation("Migrant Rights Network")


@pytest.fixture
def member(make_user: Any, org: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)


@pytest.fixture
def outsider(make_user: Any, make_organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("Another Network"))


@pytest.fixture
def moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR)


@pytest.fixture
def published(member: Any, org: Any, moderator: Any) -> Initiative:
    return make_initiative(member, org, "published", moderator)


@pytest.fixture
def submitted(member: Any, org: Any) -> Initiative:
    return make_initiative(member, org, "submitted")


@pytest.fixture
def closed_call(moderator: Any) -> CallForInitiatives:
    today = dt.date.today()
    return CallForInitiatives.objects.create(
        title="Alternatives to detention",
        opens_on=today - dt.timedelta(days=60),
        deadline=today - dt.timedelta(days=1),
        created_by=moderator,
    )


def _in_page(message: str, response: Any) -> bool:
    return escape(message) in response.content.decode()


# --- 403 --------------------------------------------------------------------------------------


def test_editing_another_organisations_initiative_is_the_same_403_on_page_and_api(
    client: Any, api_client: Any, outsider: Any, published: Initiative
) -> None:
    api_client.force_authenticate(outsider)
    api = api_client.patch(f"/api/v1/initiatives/{published.pk}/update/", {"title": "Hijack"})
    assert api.status_code == 403
    body = api.json()
    assert body["code"] == "permission_denied"
    assert body["detail"] == "You can only edit your organisation's initiatives."

    client.force_login(outsider)
    page = client.post(
        f"/initiatives/{published.pk}/edit/basics/",
        {"title": "Hijack", "activity_status": "ongoing"},
    )
    assert page.status_code == 403
    assert _in_page(body["detail"], page)
    published.refresh_from_db()
    assert published.title != "Hijack"
    assert not Initiative.objects.filter(revision_of=published).exists()


def test_a_member_cannot_open_a_revision_of_another_organisations_initiative(
    client: Any, outsider: Any, published: Initiative
) -> None:
    client.force_login(outsider)
    response = client.post(f"/initiatives/{published.pk}/revise/")
    assert response.status_code == 403
    assert not Initiative.objects.filter(revision_of=published).exists()


# --- 400 --------------------------------------------------------------------------------------


def test_submitting_an_incomplete_draft_is_the_same_400_with_the_same_messages(
    client: Any, api_client: Any, member: Any, org: Any
) -> None:
    from initiatives import services

    draft = services.create_initiative(
        actor=member, organisation=org, data=complete_data(objectives=[], contact_email="")
    )
    api_client.force_authenticate(member)
    api = api_client.post(f"/api/v1/initiatives/{draft.pk}/submit/")
    assert api.status_code == 400
    assert api.json()["errors"] == {
        "objectives": ["Choose at least one GCM objective."],
        "contact_email": ["Give a focal point e-mail (it is never published)."],
    }

    client.force_login(member)
    page = client.post(f"/initiatives/{draft.pk}/submit/")
    assert page.status_code == 400
    assert page.context["problems"] == api.json()["errors"]
    draft.refresh_from_db()
    assert draft.state == ModerationState.DRAFT


def test_returning_without_a_reason_is_the_same_400_on_the_form_field(
    client: Any, api_client: Any, moderator: Any, submitted: Initiative
) -> None:
    api_client.force_authenticate(moderator)
    api = api_client.post(f"/api/v1/initiatives/{submitted.pk}/request-changes/", {"reason": ""})
    assert api.status_code == 400
    errors = api.json()["errors"]
    assert errors == {"reason": ["Give a reason; the submitter will see it."]}

    client.force_login(moderator)
    page = client.post(f"/initiatives/{submitted.pk}/request-changes/", {"reason": ""})
    assert page.status_code == 400
    assert page.context["moderation_form"].errors["reason"] == errors["reason"]
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


# --- 409 --------------------------------------------------------------------------------------


def test_moderating_an_already_published_initiative_is_the_same_409(
    client: Any, api_client: Any, moderator: Any, published: Initiative
) -> None:
    api_client.force_authenticate(moderator)
    api = api_client.post(f"/api/v1/initiatives/{published.pk}/publish/")
    assert api.status_code == 409
    body = api.json()
    assert body["code"] == "invalid_state"
    assert "Only a submitted initiative can be moderated" in body["detail"]

    client.force_login(moderator)
    page = client.post(f"/initiatives/{published.pk}/publish/", {})
    assert page.status_code == 409
    assert page.context["moderation_form"].non_field_errors() == [body["detail"]]


def test_deleting_a_submitted_initiative_is_a_409_page_with_the_reason(
    client: Any, member: Any, submitted: Initiative
) -> None:
    client.force_login(member)
    response = client.post(f"/initiatives/{submitted.pk}/delete/")
    assert response.status_code == 409
    assert _in_page("Only a draft that was never submitted can be deleted.", response)
    assert Initiative.objects.filter(pk=submitted.pk).exists()


# --- 404 --------------------------------------------------------------------------------------


def test_a_moderator_of_another_region_gets_the_same_404(
    client: Any, api_client: Any, make_user: Any, submitted: Initiative
) -> None:
    africa = make_user(Role.UN_MODERATOR, review_region="ECA")
    api_client.force_authenticate(africa)
    api = api_client.post(f"/api/v1/initiatives/{submitted.pk}/publish/")
    assert api.status_code == 404
    assert api.json()["code"] == "not_found"
    client.force_login(africa)
    page = client.post(f"/initiatives/{submitted.pk}/publish/", {})
    assert page.status_code == 404
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_revoking_another_users_token_is_a_404_page_with_the_service_message(
    client: Any, make_user: Any
) -> None:
    owner, other = make_user(), make_user()
    token, _key = create_api_token(actor=owner, name="Mine")
    client.force_login(other)
    response = client.post(f"/account/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert _in_page("No such token.", response)
    token.refresh_from_db()
    assert token.revoked_at is None


# --- the call must be open: create and update alike -------------------------------------------


def test_creating_an_initiative_for_a_closed_call_is_refused_by_the_api(
    api_client: Any, member: Any, org: Any, closed_call: CallForInitiatives
) -> None:
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/initiatives/create/",
        {"organisation": org.pk, "title": "Late answer", "call": closed_call.pk},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"call": ["This call is not open."]}
    assert not Initiative.objects.exists()


def test_creating_an_initiative_for_a_closed_call_is_refused_by_the_page(
    client: Any, member: Any, org: Any, closed_call: CallForInitiatives
) -> None:
    client.force_login(member)
    response = client.post(
        f"/initiatives/new/?call={closed_call.pk}",
        {
            "organisation": org.pk,
            "title": "Late answer",
            "activity_status": "planned",
            "call": closed_call.pk,
        },
    )
    assert response.status_code == 400
    assert _in_page("This call is not open.", response)
    assert not Initiative.objects.exists()


def test_moving_a_draft_to_a_closed_call_is_refused_by_the_api(
    api_client: Any, member: Any, org: Any, closed_call: CallForInitiatives
) -> None:
    draft = make_initiative(member, org)
    api_client.force_authenticate(member)
    response = api_client.patch(
        f"/api/v1/initiatives/{draft.pk}/update/", {"call": closed_call.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"call": ["This call is not open."]}
    draft.refresh_from_db()
    assert draft.call_id is None
