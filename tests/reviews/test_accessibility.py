"""Review pages (public and signed-in) have no serious or critical axe violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from reviews.models import Pledge
from tests.accessibility import log_in, log_out, sweep, sweep_form_errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_review_pages_have_no_serious_accessibility_violations(page: Any) -> None:
    call_command("load_demo_data")
    pledge = Pledge.objects.filter(country__alpha3="PRT").order_by("pk").first()
    assert pledge is not None
    found: dict[str, Any] = {}
    sweep(
        page,
        [
            "/reviews/",
            "/reviews/cycles/imrf-2022/",
            "/reviews/cycles/ece-2024/",
            "/reviews/pledges/",
            f"/reviews/pledges/{pledge.pk}/",
            "/reviews/downloads/",
        ],
        found,
    )

    log_in(page, "coordinator.prt@demo.gcm-tracker.test")
    sweep(
        page,
        [
            "/reviews/pledges/new/",
            f"/reviews/pledges/{pledge.pk}/",
            f"/reviews/pledges/{pledge.pk}/edit/",
            "/reviews/reports/",
            "/reviews/cycles/ece-2024/",
            "/reviews/cycles/ece-2024/submit/",
        ],
        found,
        "coordinator ",
    )
    sweep_form_errors(page, "/reviews/pledges/new/", "Save", found, "coordinator ")
    log_out(page)

    log_in(page, "member@demo.gcm-tracker.test")
    sweep(page, ["/reviews/pledges/new/", "/reviews/reports/"], found, "member ")
    log_out(page)

    log_in(page, "organiser.ece@demo.gcm-tracker.test")
    sweep(
        page,
        ["/reviews/cycles/new/", "/reviews/cycles/ece-2024/", "/reviews/cycles/ece-2024/edit/"],
        found,
        "organiser ",
    )
    assert found == {}
