"""Auth hardening: case-insensitive e-mail login, registration and password reset that reveal
nothing and are throttled, the Content-Security-Policy and Permissions-Policy headers, and
pages that show secrets never cached."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache

from accounts.models import User
from initiatives.models import MembershipRequest

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


# --- case-insensitive e-mail ----------------------------------------------------------------


def test_login_ignores_the_case_of_the_email(client: Any, make_user: Any) -> None:
    make_user(email="someone@example.test", password="a-Long-pass-123")
    response = client.post(
        "/account/login/", {"username": "SomeOne@Example.TEST", "password": "a-Long-pass-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_a_saved_email_is_lower_cased(make_user: Any) -> None:
    user = make_user(email="plain@example.test")
    user.email = "Mixed.Case@Example.TEST"
    user.full_clean()
    assert user.email == "mixed.case@example.test"


def test_failed_logins_in_another_case_count_against_the_same_lockout(
    client: Any, make_user: Any
) -> None:
    make_user(email="target@example.test", password="right-pass-123")
    for variant in ("TARGET@example.test", "Target@Example.test", "target@EXAMPLE.test"):
        client.post("/account/login/", {"username": variant, "password": "wrong"})
    response = client.post(
        "/account/login/", {"username": "target@example.test", "password": "right-pass-123"}
    )
    assert response.status_code == 429


# --- registration reveals nothing -------------------------------------------------------------


def _register(client: Any, org: Any, email: str, password: str = "a-long-enough-pass") -> Any:
    return client.post(
        "/initiatives/join/",
        {
            "email": email,
            "full_name": "New Comer",
            "password": password,
            "organisation": org.pk,
            "note": "",
        },
    )


def test_registering_a_new_or_a_known_address_answers_the_same(
    client: Any, make_user: Any, make_organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    org = make_organisation()
    make_user(email="known@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        new = _register(client, org, "fresh@example.test")
        known = _register(client, org, "KNOWN@Example.test")
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert new.status_code == 302
    assert "_auth_user_id" not in client.session  # nobody is logged in by registering
    # One account per address, whatever its case; no request filed in the known owner's name.
    assert User.objects.filter(email__iexact="known@example.test").count() == 1
    assert MembershipRequest.objects.filter(user__email="fresh@example.test").count() == 1
    assert not MembershipRequest.objects.filter(user__email="known@example.test").exists()
    # The e-mails say what the page does not.
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"fresh@example.test", "known@example.test"}
    assert "Someone tried to register" in by_recipient["known@example.test"].subject
    assert "was created" in by_recipient["fresh@example.test"].body


def test_a_weak_password_is_refused_alike_for_a_new_and_a_known_address(
    client: Any, make_user: Any, make_organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    org = make_organisation()
    make_user(email="known@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        new = _register(client, org, "fresh@example.test", password="1234567890")
        known = _register(client, org, "known@example.test", password="1234567890")
    assert new.status_code == known.status_code == 400
    assert "exists" not in known.content.decode()
    assert mail.outbox == []
    assert not User.objects.filter(email="fresh@example.test").exists()


def test_registering_a_known_address_with_a_refused_organisation_fails_like_a_new_one(
    client: Any, make_user: Any, make_organisation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from objectives.models import OrganisationType

    # The service (not the form) refuses a second organisation of that name in that country.
    make_organisation("Twin NGO", country="PRT")
    make_user(email="known@example.test")
    data = {
        "full_name": "X",
        "password": "a-long-enough-pass",
        "organisation": "",
        "new_name": "Twin NGO",
        "new_type": OrganisationType.objects.first().pk,
        "new_country": "PRT",
    }
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post("/initiatives/join/", {**data, "email": "fresh@example.test"})
        known = client.post("/initiatives/join/", {**data, "email": "known@example.test"})
    assert new.status_code == known.status_code == 400
    assert "Twin NGO" in known.content.decode()
    assert mail.outbox == []
    assert not User.objects.filter(email="fresh@example.test").exists()
    assert not User.objects.filter(email__endswith="@invalid.invalid").exists()


# --- throttling of the pages that send e-mail -------------------------------------------------


@pytest.fixture
def tight_email_limit(settings: Any) -> Any:
    cache.clear()
    settings.ACCOUNT_EMAIL_RATE_LIMIT = 3
    yield settings
    cache.clear()


def test_password_reset_is_throttled_per_address(
    client: Any, make_user: Any, tight_email_limit: Any
) -> None:
    make_user(email="forgot@example.test")
    statuses = [
        client.post(
            "/account/password-reset/",
            {"email": "forgot@example.test"},
            REMOTE_ADDR=f"203.0.113.{n}",
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


def test_password_reset_is_throttled_per_client_and_alike_for_unknown_addresses(
    client: Any, make_user: Any, tight_email_limit: Any
) -> None:
    make_user(email="forgot@example.test")
    emails = ["forgot@example.test", "a@example.test", "b@example.test", "c@example.test"]
    responses = [client.post("/account/password-reset/", {"email": e}) for e in emails]
    assert [r.status_code for r in responses] == [302, 302, 302, 429]
    assert "Too many attempts" in responses[-1].content.decode()
    assert len(mail.outbox) == 1


def test_registration_is_throttled(
    client: Any, make_organisation: Any, tight_email_limit: Any
) -> None:
    org = make_organisation()
    statuses = [_register(client, org, f"person{n}@example.test").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert User.objects.filter(email__startswith="person").count() == 3


# --- headers ----------------------------------------------------------------------------------


def test_pages_carry_a_strict_content_security_policy(client: Any) -> None:
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_pages_carry_a_permissions_policy(client: Any) -> None:
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy


def test_the_api_docs_page_relaxes_only_styles(client: Any) -> None:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy + ";"
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200


def test_no_template_has_inline_script_style_or_event_handlers() -> None:
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        if path.relative_to(TEMPLATES).parts[:2] == ("reports", "pdf"):
            continue  # rendered to PDF by WeasyPrint, never served as a page
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{path.name}: inline <script>")
        if re.search(r"<style\b", text) or re.search(r"\sstyle=\"", text):
            offenders.append(f"{path.name}: inline style")
        if re.search(r"\son[a-z]+=\"", text) or "javascript:" in text:
            offenders.append(f"{path.name}: inline handler")
    assert offenders == []


def test_the_account_page_that_shows_a_new_token_is_never_cached(
    client: Any, make_user: Any
) -> None:
    client.force_login(make_user())
    response = client.post("/account/tokens/", {"name": "Monthly pull"}, follow=True)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_the_password_reset_confirm_page_is_never_cached(client: Any, make_user: Any) -> None:
    make_user(email="forgot@example.test")
    client.post("/account/password-reset/", {"email": "forgot@example.test"})
    link = re.search(r"http://testserver(/account/reset/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
