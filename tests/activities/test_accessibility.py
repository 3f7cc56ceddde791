"""Activity pages (public and the moderator's) have no serious or critical axe violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from activities.models import NationalActivity
from tests.accessibility import log_in, sweep


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_activity_pages_have_no_serious_accessibility_violations(page: Any) -> None:
    call_command("load_demo_data")
    pk = NationalActivity.objects.get(key="sg2020-para40-npl-1").pk
    found: dict[str, Any] = {}
    sweep(
        page,
        [
            "/activities/",
            "/activities/?country=KEN",
            f"/activities/{pk}/",
            "/activities/mapping/",
            "/countries/KEN/",
        ],
        found,
    )
    log_in(page, "moderator@demo.gcm-tracker.test")
    sweep(page, ["/activities/import/", "/activities/new/", f"/activities/{pk}/edit/"], found)
    assert found == {}
