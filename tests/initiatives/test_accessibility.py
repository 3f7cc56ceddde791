"""Initiatives pages (public, member, moderator) have no serious or critical axe violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from initiatives.models import Initiative
from initiatives.views import STEP_KEYS
from tests.accessibility import log_in, log_out, sweep, sweep_form_errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_initiatives_pages_have_no_serious_accessibility_violations(page: Any) -> None:
    call_command("load_demo_data")
    published = Initiative.objects.get(title="Demo: legal clinics for migrant workers")
    draft = Initiative.objects.get(title="Demo: school outreach on xenophobia")
    submitted = Initiative.objects.get(title="Demo: community interpreters in health centres")
    found: dict[str, Any] = {}
    sweep(
        page,
        [
            "/initiatives/",
            "/initiatives/?q=clinics",
            f"/initiatives/{published.pk}/",
            "/initiatives/mapping/",
            "/initiatives/mapping/?objective=6",
            "/initiatives/calls/",
        ],
        found,
    )

    log_in(page, "member@demo.gcm-tracker.test")
    sweep(
        page,
        [
            "/initiatives/mine/",
            "/initiatives/new/",
            *[f"/initiatives/{draft.pk}/edit/{step}/" for step in STEP_KEYS],
        ],
        found,
        "member ",
    )
    sweep_form_errors(page, "/initiatives/new/", "Save and continue", found, "member ")
    log_out(page)

    log_in(page, "moderator@demo.gcm-tracker.test")
    sweep(
        page,
        [
            "/initiatives/moderation/",
            f"/initiatives/{submitted.pk}/",
            "/initiatives/import/",
            "/initiatives/calls/new/",
        ],
        found,
        "moderator ",
    )
    assert found == {}
