"""The plans API: contract, permissions by role and publication, bad input, query counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from countries.models import Country
from objectives.models import ChecklistItem
from plans import services
from plans.models import BudgetLine, Measure, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db


def url(name: str, alpha3: str = "PRT", **kw: Any) -> str:
    return reverse(name, kwargs={"alpha3": alpha3, **kw})


@pytest.fixture
def published(plan: Plan, coordinator: Any, measure: Measure) -> Plan:
    services.set_publication(
        actor=coordinator, plan=plan, parts={"publish_plan": True, "publish_measures": True}
    )
    plan.refresh_from_db()
    return plan


def _other_plans(n: int, make_user: Any) -> None:
    from accounts.models import Role

    for alpha3 in ["KEN", "LKA", "MEX", "GHA", "NPL"][:n]:
        coordinator = make_user(Role.NATIONAL_COORDINATOR, country=alpha3)
        plan = services.start_plan(
            actor=coordinator,
            country=Country.objects.get(alpha3=alpha3),
            title=f"Plan {alpha3}",
            form="standalone",
        )
        services.set_publication(actor=coordinator, plan=plan, parts={"publish_plan": True})


# --- reads --------------------------------------------------------------------------------


def test_anonymous_sees_published_plans_only(api_client: Any, plan: Plan) -> None:
    assert api_client.get(reverse("plans-api-list")).json()["count"] == 0
    assert api_client.get(url("plans-api-detail")).status_code == 404


def test_plan_list_shows_progress_and_hides_unpublished_counts(
    api_client: Any, published: Plan, coordinator: Any
) -> None:
    services.set_publication(actor=coordinator, plan=published, parts={"publish_measures": False})
    row = api_client.get(reverse("plans-api-list")).json()["results"][0]
    assert row["country"] == "PRT"
    assert row["measure_count"] is None
    assert row["checklist_percent"] == 0
    api_client.force_authenticate(coordinator)
    row = api_client.get(reverse("plans-api-list")).json()["results"][0]
    assert row["measure_count"] == 1


def test_plan_list_query_count_is_fixed(
    api_client: Any, published: Plan, make_user: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(2):
        api_client.get(reverse("plans-api-list"))
    _other_plans(4, make_user)
    with django_assert_num_queries(2):
        response = api_client.get(reverse("plans-api-list"))
    assert response.json()["count"] == 5


def test_own_officials_see_an_unpublished_plan(
    api_client: Any, plan: Plan, focal_point: Any
) -> None:
    api_client.force_authenticate(focal_point)
    body = api_client.get(url("plans-api-detail")).json()
    assert body["title"] == plan.title
    assert len(body["steps"]) == 6
    assert len(body["coverage"]) == 23
    assert body["publication"]["publish_plan"] is False


@pytest.mark.parametrize("who", ["foreign_official", "civil_society"])
def test_others_cannot_read_an_unpublished_plan(
    api_client: Any, plan: Plan, measure: Measure, who: str, request: Any
) -> None:
    api_client.force_authenticate(request.getfixturevalue(who))
    for name in [
        "plans-api-detail",
        "plans-api-measures",
        "plans-api-budget",
        "plans-api-indicators",
        "plans-api-checklist",
        "plans-api-updates",
    ]:
        assert api_client.get(url(name)).status_code == 404, name
    assert api_client.get(reverse("plans-api-list")).json()["count"] == 0


def test_unpublished_parts_of_a_published_plan_are_hidden(
    api_client: Any, published: Plan, civil_society: Any
) -> None:
    api_client.force_authenticate(civil_society)
    assert api_client.get(url("plans-api-detail")).status_code == 200
    assert api_client.get(url("plans-api-measures")).status_code == 200
    assert api_client.get(url("plans-api-budget")).status_code == 404
    assert api_client.get(url("plans-api-budget-summary")).status_code == 404
    assert api_client.get(url("plans-api-indicators")).status_code == 404
    assert api_client.get(url("plans-api-checklist")).status_code == 404
    detail = api_client.get(url("plans-api-measure-detail", number=1)).json()
    assert detail["budget_lines"] is None
    coverage = api_client.get(url("plans-api-detail")).json()["coverage"]
    assert coverage[0]["assessed"] is None


def test_measure_list_contract_and_fixed_queries(
    api_client: Any, published: Plan, make_measure: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(5):
        first = api_client.get(url("plans-api-measures")).json()
    for _ in range(4):
        make_measure(published, objectives=[2, 23], primary_objective=23)
    with django_assert_num_queries(5):
        body = api_client.get(url("plans-api-measures")).json()
    assert first["count"] == 1
    assert body["count"] == 5
    row = body["results"][0]
    assert row["responsible_entity"]["acronym"] == "MNE"
    assert row["involved_entities"][0]["acronym"] == "MAI"
    assert row["deadline"] == "Continuous"
    assert row["primary_objective"] == 2
    assert row["version"] == 1


def test_public_sees_only_approved_updates(
    api_client: Any, published: Plan, measure: Measure, focal_point: Any, coordinator: Any
) -> None:
    first = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="in_progress", progress="Begun"
    )
    services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="completed", progress="Claimed"
    )
    services.approve_progress_update(actor=coordinator, update=first)
    public = api_client.get(url("plans-api-updates")).json()
    assert [u["progress"] for u in public["results"]] == ["Begun"]
    api_client.force_authenticate(coordinator)
    assert api_client.get(url("plans-api-updates")).json()["count"] == 2


def test_checklist_lists_all_47_items_with_progress(
    api_client: Any, plan: Plan, focal_point: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=1)
    services.update_checklist_item(
        actor=focal_point, plan=plan, step_number=1, item_id=item.pk, status="done"
    )
    api_client.force_authenticate(focal_point)
    body = api_client.get(url("plans-api-checklist")).json()
    assert len(body) == 47
    assert body[0]["status"] == "done"
    assert body[1]["status"] == "not_started"


# --- writes -------------------------------------------------------------------------------


def test_coordinator_starts_a_plan(api_client: Any, make_user: Any) -> None:
    from accounts.models import Role

    api_client.force_authenticate(make_user(Role.NATIONAL_COORDINATOR, country="KEN"))
    response = api_client.post(
        reverse("plans-api-start"),
        {
            "country": "KEN",
            "title": "Kenya plan",
            "form": "integrated",
            "integrated_into": "Medium-Term Plan",
            "axes": ["Governance"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert Plan.objects.get().axes.count() == 1


def test_focal_point_cannot_start_a_plan(api_client: Any, focal_point: Any) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        reverse("plans-api-start"), {"country": "PRT", "title": "x", "form": "standalone"}
    )
    assert response.status_code == 403
    assert not Plan.objects.exists()


def test_anonymous_cannot_write(api_client: Any, published: Plan) -> None:
    response = api_client.post(url("plans-api-measure-create"), {"title": "x"}, format="json")
    assert response.status_code in (401, 403)
    assert Measure.objects.count() == 1


def test_focal_point_creates_a_measure(
    api_client: Any, plan: Plan, focal_point: Any, mne: Any, mai: Any
) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        url("plans-api-measure-create"),
        {
            "title": "Fair recruitment programme",
            "level": "programme",
            "axis": 1,
            "objectives": [6, 7],
            "primary_objective": 6,
            "actions": ["6(a)"],
            "principles": {"f": "Rights of migrant workers"},
            "responsible_entity": mne.pk,
            "involved_entities": [mai.pk],
            "start_date": "2020-01-01",
            "deadline_kind": "date",
            "deadline": "2022-12-31",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == 1
    assert body["actions"] == ["6(a)"]
    assert body["principles"][0]["letter"] == "f"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"objectives": [24]}, "objectives"),
        (
            {"deadline_kind": "date", "start_date": "2021-01-01", "deadline": "2020-01-01"},
            "deadline",
        ),
        ({"level": "cosmic"}, "level"),
        ({"axis": 9}, "axis"),
        ({"actions": ["30(z)"]}, "actions"),
    ],
)
def test_bad_measure_input_is_a_400_and_changes_nothing(
    api_client: Any, plan: Plan, focal_point: Any, mne: Any, payload: dict[str, Any], field: str
) -> None:
    api_client.force_authenticate(focal_point)
    base = {
        "title": "X",
        "level": "policy",
        "objectives": [2],
        "responsible_entity": mne.pk,
        "deadline_kind": "continuous",
    }
    response = api_client.post(url("plans-api-measure-create"), {**base, **payload}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"], body
    assert body["detail"]
    assert not Measure.objects.exists()


def test_second_stale_save_of_a_measure_is_a_409(
    api_client: Any, measure: Measure, focal_point: Any, other_focal_point: Any
) -> None:
    api_client.force_authenticate(focal_point)
    first = api_client.patch(
        url("plans-api-measure-update", number=1), {"version": 1, "title": "Mine"}, format="json"
    )
    assert first.status_code == 200
    assert first.json()["version"] == 2
    api_client.force_authenticate(other_focal_point)
    second = api_client.patch(
        url("plans-api-measure-update", number=1),
        {"version": 1, "title": "Theirs"},
        format="json",
    )
    assert second.status_code == 409
    assert "changed by someone else" in second.json()["detail"]
    measure.refresh_from_db()
    assert measure.title == "Mine"


def test_measure_update_requires_the_version(
    api_client: Any, measure: Measure, focal_point: Any
) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.patch(
        url("plans-api-measure-update", number=1), {"title": "No version"}, format="json"
    )
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"currency": "ABC"}, "currency"), ({"amount": "-10"}, "amount"), ({"amount": "0"}, "amount")],
)
def test_bad_budget_line_is_a_400_and_changes_nothing(
    api_client: Any, measure: Measure, focal_point: Any, payload: dict[str, Any], field: str
) -> None:
    api_client.force_authenticate(focal_point)
    base = {
        "fiscal_year": 2021,
        "amount": "1000",
        "currency": "EUR",
        "source_type": "national_budget",
    }
    response = api_client.post(
        url("plans-api-budget-create", number=1), {**base, **payload}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not BudgetLine.objects.exists()


def test_budget_line_in_the_no_currency_code_xxx_is_a_400_with_a_clear_message(
    api_client: Any, measure: Measure, focal_point: Any
) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        url("plans-api-budget-create", number=1),
        {"fiscal_year": 2021, "amount": "10", "currency": "XXX", "source_type": "national_budget"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "currency": ["“XXX” is not an ISO 4217 currency in use (e.g. EUR, KES, LKR)."]
    }
    assert not BudgetLine.objects.exists()


def test_budget_line_and_summary(api_client: Any, measure: Measure, focal_point: Any) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        url("plans-api-budget-create", number=1),
        {
            "fiscal_year": 2021,
            "amount": "1000.50",
            "currency": "eur",
            "source_type": "national_budget",
            "status": "secured",
        },
        format="json",
    )
    assert response.status_code == 201
    summary = api_client.get(url("plans-api-budget-summary")).json()
    assert summary["by_objective"][0]["objective"] == 2
    assert summary["by_objective"][0]["gap"] == "0.00"


def test_checklist_item_of_another_step_is_a_400(
    api_client: Any, plan: Plan, focal_point: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=3, order=1)
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        url("plans-api-checklist-update", item=item.pk),
        {"step": 1, "status": "done"},
        format="json",
    )
    assert response.status_code == 400
    assert "item" in response.json()["errors"]
    ok = api_client.post(
        url("plans-api-checklist-update", item=item.pk),
        {"step": 3, "status": "in_progress", "due_date": "2026-01-01"},
        format="json",
    )
    assert ok.status_code == 200
    assert ok.json()["status"] == "in_progress"


def test_assessment_of_objective_24_is_a_400(api_client: Any, plan: Plan, focal_point: Any) -> None:
    api_client.force_authenticate(focal_point)
    scores = {
        "applicability": 3,
        "linkages": 3,
        "impact": 3,
        "future_relevance": 3,
        "constraints": 3,
    }
    response = api_client.post(
        url("plans-api-assessment"), {"objective": 24, **scores}, format="json"
    )
    assert response.status_code == 400
    assert "objective" in response.json()["errors"]
    assert (
        api_client.post(
            url("plans-api-assessment"), {"objective": 4, **scores}, format="json"
        ).status_code
        == 200
    )


def test_foreign_official_cannot_write_to_a_published_plan(
    api_client: Any, published: Plan, foreign_official: Any
) -> None:
    api_client.force_authenticate(foreign_official)
    response = api_client.patch(
        url("plans-api-measure-update", number=1),
        {"version": 1, "title": "Hijack"},
        format="json",
    )
    assert response.status_code == 403
    assert Measure.objects.get().title != "Hijack"


def test_update_flow_and_focal_point_cannot_approve(
    api_client: Any, measure: Measure, focal_point: Any, coordinator: Any
) -> None:
    api_client.force_authenticate(focal_point)
    response = api_client.post(
        url("plans-api-update-create", number=1),
        {"reported_status": "in_progress", "progress": "Dialogue meeting held"},
        format="json",
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    assert api_client.post(url("plans-api-update-approve", pk=pk)).status_code == 403
    api_client.force_authenticate(coordinator)
    assert (
        api_client.post(
            url("plans-api-update-return", pk=pk), {"reason": ""}, format="json"
        ).status_code
        == 400
    )
    assert api_client.post(url("plans-api-update-approve", pk=pk)).status_code == 200
    measure.refresh_from_db()
    assert measure.status == "in_progress"
    assert ProgressUpdate.objects.get().state == "approved"


def test_reviewing_an_update_twice_is_a_409_and_others_may_not_review(
    api_client: Any,
    published: Plan,
    measure: Measure,
    focal_point: Any,
    coordinator: Any,
    civil_society: Any,
) -> None:
    first = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="in_progress", progress="Begun"
    )
    pending = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="completed", progress="Claimed"
    )
    api_client.force_authenticate(coordinator)
    assert api_client.post(url("plans-api-update-approve", pk=first.pk)).status_code == 200
    again = api_client.post(url("plans-api-update-approve", pk=first.pk))
    assert again.status_code == 409
    assert again.json()["detail"] == "This update was already approved."
    # Anyone may see an approved update of a published plan, but only the coordinator reviews.
    api_client.force_authenticate(civil_society)
    refused = api_client.post(url("plans-api-update-approve", pk=first.pk))
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    # An update under review is not shown to them at all.
    assert api_client.post(url("plans-api-update-approve", pk=pending.pk)).status_code == 404
    pending.refresh_from_db()
    assert pending.state == "submitted"


def test_publication_is_chosen_by_the_coordinator(
    api_client: Any, plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    api_client.force_authenticate(focal_point)
    assert (
        api_client.post(
            url("plans-api-publication"), {"publish_plan": True}, format="json"
        ).status_code
        == 403
    )
    api_client.force_authenticate(coordinator)
    response = api_client.post(url("plans-api-publication"), {"publish_plan": True}, format="json")
    assert response.json()["publish_plan"] is True


def test_indicator_values_draft_hidden_from_public(
    api_client: Any, published: Plan, focal_point: Any, coordinator: Any, measure: Measure
) -> None:
    indicator = services.save_indicator(
        actor=focal_point,
        plan=published,
        code="I-1",
        name="Scholarships",
        indicator_type="outcome",
        unit="Number",
        periodicity="annual",
        objective_numbers=[5],
    )
    api_client.force_authenticate(focal_point)
    created = api_client.post(
        url("plans-api-value-create", code="I-1"),
        {"period": "2021", "value": "12"},
        format="json",
    )
    assert created.status_code == 201
    bad = api_client.post(
        url("plans-api-value-create", code="I-1"),
        {"period": "someday", "value": "12"},
        format="json",
    )
    assert bad.status_code == 400
    # The focal point sees the draft value, but only the coordinator validates it.
    refused = api_client.post(url("plans-api-value-validate", pk=created.json()["id"]))
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"
    api_client.force_authenticate(None)
    hidden = api_client.post(url("plans-api-value-validate", pk=created.json()["id"]))
    assert hidden.status_code in (401, 403)
    services.set_publication(actor=coordinator, plan=published, parts={"publish_indicators": True})
    api_client.force_authenticate(None)
    public = api_client.get(url("plans-api-indicators")).json()["results"][0]
    assert public["values"] == []
    api_client.force_authenticate(coordinator)
    assert (
        api_client.post(url("plans-api-value-validate", pk=created.json()["id"])).status_code == 200
    )
    api_client.force_authenticate(None)
    public = api_client.get(url("plans-api-indicators")).json()["results"][0]
    assert public["values"][0]["value"] == "12.0000"
    assert indicator.code == public["code"]
    assert date.today()
