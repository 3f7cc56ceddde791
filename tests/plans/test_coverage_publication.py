"""Outsiders see counts of published parts only: an unpublished part of a plan does not show
through the coverage table of the API, the plan page or the XLSX export."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from plans import services
from plans.models import Plan
from plans.selectors import country_plan_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_hidden_measures(plan: Plan, coordinator: Any, measure: Any) -> Plan:
    """A public plan with one measure (for objective 2); measures and indicators unpublished."""
    services.set_publication(actor=coordinator, plan=plan, parts={"publish_plan": True})
    plan.refresh_from_db()
    assert not plan.publish_measures
    assert not plan.publish_indicators
    return plan


def _coverage_row(coverage: list[dict[str, Any]], number: int) -> dict[str, Any]:
    return next(row for row in coverage if row["number"] == number)


def test_the_api_hides_unpublished_measure_and_indicator_counts(
    api_client: Any, plan_with_hidden_measures: Plan
) -> None:
    response = api_client.get(reverse("plans-api-detail", kwargs={"alpha3": "PRT"}))
    assert response.status_code == 200
    row = _coverage_row(response.json()["coverage"], 2)
    assert (row["measures"], row["primary_measures"], row["indicators"]) == (None, None, None)


def test_the_coordinator_still_sees_the_counts(
    api_client: Any, plan_with_hidden_measures: Plan, coordinator: Any
) -> None:
    api_client.force_authenticate(coordinator)
    response = api_client.get(reverse("plans-api-detail", kwargs={"alpha3": "PRT"}))
    row = _coverage_row(response.json()["coverage"], 2)
    assert (row["measures"], row["primary_measures"], row["indicators"]) == (1, 1, 0)


def test_published_measures_show_their_counts(
    api_client: Any, plan_with_hidden_measures: Plan, coordinator: Any
) -> None:
    services.set_publication(
        actor=coordinator,
        plan=plan_with_hidden_measures,
        parts={"publish_plan": True, "publish_measures": True},
    )
    response = api_client.get(reverse("plans-api-detail", kwargs={"alpha3": "PRT"}))
    row = _coverage_row(response.json()["coverage"], 2)
    assert (row["measures"], row["primary_measures"], row["indicators"]) == (1, 1, None)


def test_the_plan_page_has_no_measure_or_indicator_columns_for_outsiders(
    client: Any, plan_with_hidden_measures: Plan
) -> None:
    body = client.get(reverse("plans:plan-detail", args=["PRT"])).content.decode()
    coverage = body[body.index('id="coverage"') :]
    coverage = coverage[: coverage.index("</table>")]
    assert ">Measures<" not in coverage
    assert ">Indicators<" not in coverage


def test_the_xlsx_export_has_no_measure_or_indicator_columns_for_outsiders(
    client: Any, plan_with_hidden_measures: Plan
) -> None:
    response = client.get(reverse("plans:plan-export", args=["PRT"]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content)))["Objectives"]
    header = next(sheet.iter_rows(values_only=True))
    assert header == ("Objective", "Title")


def test_report_summaries_count_published_parts_only(plan_with_hidden_measures: Plan) -> None:
    summary = country_plan_summary(plan_with_hidden_measures.country)
    assert summary is not None
    row = _coverage_row(summary["coverage"], 2)
    assert (row["measures"], row["indicators"]) == (None, None)
