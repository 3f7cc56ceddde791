"""A national coordinator runs the plan in a real browser; a visitor sees only what is public."""

from __future__ import annotations

import re
from typing import Any

import pytest

from accounts.models import Role
from objectives.models import OrganisationType

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-Pass-123"


def _log_in(page: Any, email: str) -> None:
    page.goto("/account/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My account").wait_for()


def test_a_coordinator_starts_the_plan_works_a_step_adds_a_measure_and_publishes_it(
    page: Any, make_user: Any, make_organisation: Any
) -> None:
    make_organisation(
        "Ministry of Internal Administration",
        country="PRT",
        acronym="MAI",
        type=OrganisationType.objects.get(code="government-ministry"),
    )
    make_user(
        Role.NATIONAL_COORDINATOR,
        country="PRT",
        email="coordinator@example.test",
        password=PASSWORD,
    )

    _log_in(page, "coordinator@example.test")
    page.goto("/plans/")
    page.get_by_role("link", name="Start the plan of Portugal").click()
    page.get_by_label("Title").fill("Plano Nacional de Implementação do Pacto Global")
    page.get_by_label("Form").select_option("standalone")
    page.get_by_label("Axes").fill("Safe and regular migration\nIntegration")
    page.get_by_role("button", name="Start the plan").click()
    page.get_by_text("The plan is started. It is private until you publish it.").wait_for()
    page.get_by_role("heading", level=1, name="Plano Nacional de Implementação").wait_for()

    # A step page: set the first checklist item to "Done".
    page.get_by_role("navigation", name="Plan sections").get_by_role(
        "link", name=re.compile(r"^Step 1\b")
    ).click()
    page.get_by_role("heading", level=1, name=re.compile(r"^Step 1: ")).wait_for()
    first_item = page.get_by_role("row").filter(has_text="Update item 1").first
    first_item.get_by_text("Update item 1").click()
    first_item.get_by_label("Status").select_option("done")
    first_item.get_by_label("Responsible entity").select_option(
        label="Ministry of Internal Administration (MAI)"
    )
    first_item.get_by_role("button", name="Save", exact=True).click()
    first_item = page.get_by_role("row").filter(has_text="Update item 1").first
    assert first_item.get_by_role("cell", name="Done", exact=True).is_visible()
    assert first_item.get_by_role("cell", name="Ministry of Internal Administration").is_visible()

    # A measure with an objective and a responsible ministry.
    page.get_by_role("navigation", name="Plan sections").get_by_role(
        "link", name="Measures"
    ).click()
    page.get_by_role("link", name="Add a measure").click()
    page.get_by_role("textbox", name="Title", exact=True).fill("Open one-stop shops for migrants")
    page.get_by_label("Level").select_option("programme")
    page.get_by_role("group", name="Objectives").get_by_label(re.compile(r"^15\. ")).check()
    page.get_by_label("Primary objective").select_option("15")
    page.get_by_label("Responsible entity (exactly one)").select_option(
        label="Ministry of Internal Administration (MAI)"
    )
    page.get_by_role("radio", name="Continuous").check()
    page.get_by_role("button", name="Save the measure").click()
    page.get_by_text("Measure 1 saved.").wait_for()
    page.get_by_role("heading", level=1, name=re.compile("Open one-stop shops")).wait_for()

    # The dashboard counts the measure for its ministry and objective.
    page.get_by_role("navigation", name="Plan sections").get_by_role(
        "link", name="Overview"
    ).click()
    entity_row = page.get_by_role("row", name=re.compile("Ministry of Internal Administration"))
    assert entity_row.get_by_role("cell").first.inner_text() == "1"
    objective_row = page.get_by_role("row", name=re.compile(r"^15\. "))
    assert "1" in objective_row.get_by_role("cell").all_inner_texts()
    steps = page.get_by_role("table", name="Progress of each step, computed from its checklist")
    steps.get_by_role("row", name=re.compile(r"^1\. ")).get_by_text(re.compile(r"^1 / ")).wait_for()

    # Publish the plan overview only.
    page.get_by_role("link", name="Settings and publication").click()
    page.get_by_label("The plan: overview, axes, adoption and step progress").check()
    page.get_by_role("button", name="Save publication choices").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    page.get_by_role("button", name="Log out").click()

    # A visitor sees the published overview, not the private steps and measures.
    page.goto("/plans/")
    page.get_by_role("link", name="Portugal").click()
    page.get_by_role("heading", level=1, name="Plano Nacional de Implementação").wait_for()
    assert page.get_by_role("heading", name="The six steps").is_visible()
    assert page.get_by_role("heading", name="Measures", exact=True).count() == 0
    steps = page.get_by_role("table", name="Progress of each step, computed from its checklist")
    assert steps.get_by_role("link").count() == 0
    assert "Open one-stop shops" not in page.content()
    assert page.goto("/plans/PRT/measures/").status == 404
    assert page.goto("/plans/PRT/steps/1/").status == 404
    assert page.goto("/plans/PRT/measures/1/").status == 404
