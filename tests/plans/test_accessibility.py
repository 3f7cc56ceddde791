"""Plan pages (public and the coordinator's) have no serious or critical axe violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from tests.accessibility import log_in, sweep, sweep_form_errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_plan_pages_have_no_serious_accessibility_violations(page: Any) -> None:
    call_command("load_demo_data")
    found: dict[str, Any] = {}
    sweep(
        page,
        [
            "/plans/",
            "/plans/PRT/",
            "/plans/PRT/steps/1/",
            "/plans/PRT/steps/2/",
            "/plans/PRT/measures/",
            "/plans/PRT/measures/8/",
            "/plans/PRT/indicators/",
            "/plans/PRT/print/",
            "/countries/PRT/",
        ],
        found,
    )

    log_in(page, "coordinator.prt@demo.gcm-tracker.test")
    sweep(
        page,
        [
            "/plans/PRT/",
            "/plans/PRT/steps/1/",
            "/plans/PRT/steps/2/",
            "/plans/PRT/steps/4/",
            "/plans/PRT/assessment/1/",
            "/plans/PRT/measures/new/",
            "/plans/PRT/measures/8/",
            "/plans/PRT/measures/8/edit/",
            "/plans/PRT/indicators/",
            "/plans/PRT/monitoring/",
            "/plans/PRT/settings/",
        ],
        found,
        "coordinator ",
    )
    sweep_form_errors(page, "/plans/PRT/measures/new/", "Save the measure", found, "coordinator ")
    assert found == {}
