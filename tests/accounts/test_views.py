"""Login (throttled), password reset, the account page and API tokens, the admin."""

import re

import pytest
from django.core import mail

from accounts.models import ApiToken, Role

pytestmark = pytest.mark.django_db


def test_login_with_email(client, make_user):
    make_user(email="someone@example.test", password="a-Long-pass-123")
    response = client.post(
        "/account/login/", {"username": "someone@example.test", "password": "a-Long-pass-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_login_failure_shows_a_clear_message(client, make_user):
    make_user(email="someone@example.test")
    response = client.post("/account/login/", {"username": "someone@example.test", "password": "x"})
    assert response.status_code == 200
    assert b"Please enter a correct e-mail address and password" in response.content


def test_repeated_login_failures_are_throttled(client, make_user, settings):
    make_user(email="target@example.test", password="right-pass-123")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/login/", {"username": "target@example.test", "password": "wrong"})
    response = client.post(
        "/account/login/", {"username": "target@example.test", "password": "right-pass-123"}
    )
    assert response.status_code == 429
    assert b"Too many failed log-in attempts" in response.content


def test_password_reset_by_email(client, make_user):
    make_user(email="forgot@example.test")
    response = client.post("/account/password-reset/", {"email": "forgot@example.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "brand-New-pass-42", "new_password2": "brand-New-pass-42"}
    )
    assert response.status_code == 302
    from accounts.models import User

    assert User.objects.get(email="forgot@example.test").check_password("brand-New-pass-42")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post("/account/password-reset/", {"email": "nobody@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_account_page_requires_login(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_account_page_lists_roles(client, make_user):
    user = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    client.force_login(user)
    response = client.get("/account/")
    assert b"National coordinator" in response.content
    assert b"Portugal" in response.content


def test_create_use_and_revoke_an_api_token(client, api_client, make_user):
    user = make_user(Role.ANALYST)
    client.force_login(user)
    response = client.post("/account/tokens/", {"name": "Monthly pull"}, follow=True)
    key = response.context["new_key"]
    assert key
    assert key.encode() in response.content
    token = ApiToken.objects.get(user=user)
    assert token.digest != key
    assert key not in token.digest
    # the key is shown once
    assert client.get("/account/").context["new_key"] is None

    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    me = api_client.get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json()["memberships"][0]["role"] == "analyst"

    client.post(f"/account/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_client.get("/api/v1/me/").status_code == 401


def test_token_name_is_required(client, make_user):
    client.force_login(make_user())
    response = client.post("/account/tokens/", {"name": ""})
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert not ApiToken.objects.exists()


def test_cannot_revoke_another_users_token(client, make_user):
    from accounts.services import create_api_token

    owner, other = make_user(), make_user()
    token, _key = create_api_token(actor=owner, name="Mine")
    client.force_login(other)
    response = client.post(f"/account/tokens/{token.pk}/revoke/", follow=True)
    assert b"No such token" in response.content
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_cannot_create_tokens(client):
    response = client.post("/account/tokens/", {"name": "x"})
    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_invalid_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = api_client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid or revoked token."


def test_admin_is_for_staff_only(client, make_user):
    client.force_login(make_user(Role.NATIONAL_COORDINATOR, country="PRT"))
    assert client.get("/admin/accounts/user/").status_code == 302
    client.force_login(make_user(superuser=True))
    for url in [
        "/admin/accounts/user/",
        "/admin/accounts/organisation/",
        "/admin/accounts/rolemembership/",
        "/admin/objectives/objective/",
        "/admin/objectives/processstep/1/change/",
        "/admin/objectives/thematicarea/",
        "/admin/countries/country/",
    ]:
        assert client.get(url).status_code == 200, url
