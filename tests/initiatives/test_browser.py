"""The whole journey in a real browser: log in, fill the form, submit, moderate, see it public."""

from __future__ import annotations

import re
from typing import Any

import pytest

from accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass-word-123"


def _log_in(page: Any, email: str) -> None:
    page.goto("/account/login/")
    page.get_by_label("E-mail").first.fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _log_out(page: Any) -> None:
    page.get_by_role("button", name="Log out").click()


def test_a_member_logs_an_initiative_a_moderator_publishes_it_and_everyone_sees_it(
    page: Any, make_user: Any, make_organisation: Any
) -> None:
    org = make_organisation("Browser Coalition")
    make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org, email="member@example.test")
    make_user(Role.UN_MODERATOR, email="moderator@example.test")

    _log_in(page, "member@example.test")
    page.goto("/initiatives/new/")
    page.get_by_label("Name of the initiative").fill("Browser-made helpline")
    page.get_by_label("Short summary").fill("A helpline for migrant workers.")
    page.get_by_label("Thematic").check()
    page.get_by_label("Status").select_option("ongoing")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("heading", name="When and where").wait_for()
    page.get_by_label("Geographic level").select_option("national")
    page.get_by_label("Host country").select_option("KEN")
    page.get_by_label("Countries covered").select_option(["KEN"])
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("heading", name="Objectives and principles").wait_for()
    # Submitting without an objective shows the message at the step.
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("alert").get_by_text("Choose at least one GCM objective.").wait_for()
    page.get_by_label(re.compile(r"^6\. ")).check()
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_role("heading", name="Partners and engagement").wait_for()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Events, outputs and evidence").wait_for()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Focal point and call").wait_for()
    page.get_by_label("Focal point e-mail").fill("focal@example.test")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_text("Submitted. A moderator will review it").wait_for()
    _log_out(page)

    _log_in(page, "moderator@example.test")
    page.goto("/initiatives/moderation/")
    page.get_by_role("link", name="Browser-made helpline").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Published.", exact=True).first.wait_for()
    _log_out(page)

    page.goto("/initiatives/?q=helpline")
    page.get_by_role("link", name="Browser-made helpline").wait_for()
    page.goto("/initiatives/mapping/")
    assert page.locator("a[aria-label='Kenya: 1 initiative']").count() == 1
    page.goto("/initiatives/mapping/?objective=6")
    page.locator("a[href*='country=KEN&objective=6']").first.click()
    page.get_by_role("link", name="Browser-made helpline").wait_for()
    assert "focal@example.test" not in page.content()
