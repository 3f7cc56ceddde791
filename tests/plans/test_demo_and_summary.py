"""The demo loader and the summary selector used by the reviews app."""

from __future__ import annotations

from typing import Any

import pytest

from countries.models import Country
from plans import services
from plans.models import Measure, Plan
from plans.selectors import country_plan_summary

pytestmark = pytest.mark.django_db


def _load_demo() -> None:
    from accounts.demo import load as load_accounts
    from plans.demo import load

    load_accounts()
    load()


def test_demo_loader_creates_three_plans_at_different_steps_and_is_idempotent() -> None:
    _load_demo()
    _load_demo()
    assert Plan.objects.count() == 3
    portugal = Plan.objects.get(country__alpha3="PRT")
    assert portugal.approval_instrument == "Resolution 141/2019"
    assert portugal.axes.count() == 5
    assert list(portugal.measures.values_list("number", flat=True)) == [6, 7, 8]
    m6 = portugal.measures.get(number=6)
    assert m6.responsible_entity.acronym == "MNE"
    assert m6.involved_entities.count() == 6
    assert m6.deadline_label == "Continuous"
    # no step status, assessment or validation that no source states
    assert not any(
        p.step_statuses.exclude(status="not_started").exists() for p in Plan.objects.all()
    )
    kenya = Plan.objects.get(country__alpha3="KEN")
    assert kenya.selection_validated_at is None
    assert not kenya.consultations.exists()
    assert kenya.bodies.get().name == "National Coordination Mechanism on Migration"
    assert kenya.bodies.get().lead_entity is None


def test_demo_plans_are_flagged_and_say_what_is_illustrative(client, api_client) -> None:
    _load_demo()
    assert set(Plan.objects.filter(is_demo=True).values_list("country__alpha3", flat=True)) == {
        "PRT",
        "KEN",
        "LKA",
    }
    sri_lanka = Plan.objects.get(country__alpha3="LKA")
    assert "Migrant Forum in Asia" in sri_lanka.demo_note
    assert not sri_lanka.consultations.filter(
        title__icontains="Ministry of Foreign Affairs"
    ).exists()
    page = client.get("/plans/PRT/").content.decode()
    assert "Demo data" in page
    assert "Illustrative, not from a source" in page
    body = api_client.get("/api/v1/plans/PRT/").json()
    assert body["is_demo"] is True
    assert body["demo_note"].startswith("From the implementation guide")


def test_demo_focal_point_acts_for_the_ministry_of_foreign_affairs() -> None:
    from accounts.models import User
    from plans.permissions import can_report_on_measure

    _load_demo()
    focal = User.objects.get(email="focalpoint.prt@demo.gcm-tracker.test")
    measure = Measure.objects.get(plan__country__alpha3="PRT", number=8)
    assert can_report_on_measure(focal, measure)


def test_country_plan_summary_shape(
    plan: Plan, coordinator: Any, measure: Measure, focal_point: Any, django_assert_num_queries: Any
) -> None:
    assert country_plan_summary(plan.country) is None  # not published
    services.save_budget_line(
        actor=focal_point,
        measure=measure,
        fiscal_year=2021,
        amount="10",
        currency="EUR",
        source_type="national_budget",
    )
    services.set_publication(
        actor=coordinator,
        plan=plan,
        parts={"publish_plan": True, "publish_measures": True, "publish_budget": True},
    )
    with django_assert_num_queries(6):
        summary = country_plan_summary(plan.country)
    assert summary is not None
    assert summary["country"] == "PRT"
    assert len(summary["steps"]) == 6
    assert len(summary["coverage"]) == 23
    assert summary["coverage"][1]["measures"] == 1
    assert summary["coverage"][1]["assessed"] is None  # assessment not published
    assert summary["measures_by_status"]["planned"] == 1
    assert summary["indicators"] is None
    assert summary["budget_by_objective"] == [
        {
            "objective": 2,
            "currency": "EUR",
            "total": "10.00",
            "requested": "10.00",
            "committed": "0.00",
            "funded": "0.00",
            "gap": "10.00",
        }
    ]


def test_country_without_plan_has_no_summary() -> None:
    assert country_plan_summary(Country.objects.get(alpha3="FRA")) is None
