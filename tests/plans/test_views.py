"""Plan pages: status, content and permissions by role; fixed query counts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from countries.models import Country
from objectives.models import ChecklistItem, GuidingQuestion
from plans import services
from plans.models import ChecklistProgress, Measure, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db


def page(name: str, alpha3: str = "PRT", **kw: Any) -> str:
    return reverse(f"plans:{name}", kwargs={"alpha3": alpha3, **kw})


@pytest.fixture
def published(plan: Plan, coordinator: Any, measure: Measure) -> Plan:
    services.set_publication(
        actor=coordinator,
        plan=plan,
        parts={"publish_plan": True, "publish_measures": True, "publish_process": True},
    )
    plan.refresh_from_db()
    return plan


def _grow(plan: Plan, make_measure: Any, focal_point: Any, n: int) -> None:
    for i in range(n):
        m = make_measure(
            plan,
            objectives=[i % 23 + 1],
            deadline_kind="date",
            start_date=date.today() - timedelta(days=400),
            deadline=date.today() + timedelta(days=(i * 20) - 30),
        )
        services.save_budget_line(
            actor=focal_point,
            measure=m,
            fiscal_year=2024,
            amount="100",
            currency="EUR",
            source_type="national_budget",
        )
        services.assess_objective(
            actor=focal_point,
            plan=plan,
            objective_number=i % 23 + 1,
            scores={
                "applicability": 3,
                "linkages": 3,
                "impact": 3,
                "future_relevance": 3,
                "constraints": 3,
            },
            selected=True,
        )


def test_plan_list_is_public_and_shows_published_plans(client: Any, published: Plan) -> None:
    response = client.get(reverse("plans:plan-list"))
    assert response.status_code == 200
    assert published.title in response.content.decode()


def test_plan_list_hides_unpublished_plans(client: Any, plan: Plan, civil_society: Any) -> None:
    client.force_login(civil_society)
    assert plan.title not in client.get(reverse("plans:plan-list")).content.decode()


def test_plan_list_query_count_is_fixed(
    client: Any, published: Plan, make_user: Any, django_assert_num_queries: Any
) -> None:
    from accounts.models import Role

    with django_assert_num_queries(1):
        client.get(reverse("plans:plan-list"))
    for alpha3 in ["KEN", "LKA", "MEX"]:
        c = make_user(Role.NATIONAL_COORDINATOR, country=alpha3)
        p = services.start_plan(
            actor=c,
            country=Country.objects.get(alpha3=alpha3),
            title=f"Plan {alpha3}",
            form="standalone",
        )
        services.set_publication(actor=c, plan=p, parts={"publish_plan": True})
    with django_assert_num_queries(1):
        response = client.get(reverse("plans:plan-list"))
    assert response.content.decode().count("badge-ok") == 4


def test_dashboard_shows_coverage_steps_and_deadlines(
    client: Any, published: Plan, coordinator: Any, make_measure: Any, focal_point: Any
) -> None:
    _grow(published, make_measure, focal_point, 3)
    services.set_publication(actor=coordinator, plan=published, parts={"publish_budget": True})
    body = client.get(page("plan-detail")).content.decode()
    assert "360° coverage of the 23 objectives" in body
    assert "Overdue" in body
    assert "Ministry of Foreign Affairs" in body
    assert "gap" in body


def test_dashboard_query_count_does_not_grow(
    client: Any,
    published: Plan,
    coordinator: Any,
    make_measure: Any,
    focal_point: Any,
    django_assert_num_queries: Any,
) -> None:
    services.set_publication(
        actor=coordinator,
        plan=published,
        parts={"publish_budget": True, "publish_assessment": True, "publish_indicators": True},
    )
    client.force_login(coordinator)
    client.get(page("plan-detail"))  # warm caches (session, content types)
    with django_assert_num_queries(14) as small:
        client.get(page("plan-detail"))
    _grow(published, make_measure, focal_point, 8)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(page("plan-detail"))
    assert response.status_code == 200


def test_unpublished_plan_is_404_for_others(
    client: Any, plan: Plan, foreign_official: Any, civil_society: Any
) -> None:
    for user in (None, foreign_official, civil_society):
        if user:
            client.force_login(user)
        else:
            client.logout()
        for url in [
            page("plan-detail"),
            page("step-detail", number=1),
            page("measure-list"),
            page("plan-print"),
            page("plan-export"),
        ]:
            assert client.get(url).status_code == 404, url


def test_own_officials_see_the_unpublished_plan(client: Any, plan: Plan, focal_point: Any) -> None:
    client.force_login(focal_point)
    response = client.get(page("plan-detail"))
    assert response.status_code == 200
    assert "Private to your country" in response.content.decode()


def test_step_page_lists_actions_questions_tools_and_checklist(
    client: Any, published: Plan
) -> None:
    body = client.get(page("step-detail", number=2)).content.decode()
    assert "Needs assessment principles" in body  # Tool 4
    assert GuidingQuestion.objects.filter(step__number=2).first().text[:40] in body
    assert "Organize a validation workshop" in body


def test_focal_point_updates_a_checklist_item_on_the_step_page(
    client: Any, plan: Plan, focal_point: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=2)
    client.force_login(focal_point)
    response = client.post(
        page("checklist-update", number=1, item=item.pk),
        {
            f"c{item.pk}-status": "in_progress",
            f"c{item.pk}-due_date": "2030-01-01",
        },
    )
    assert response.status_code == 302
    assert ChecklistProgress.objects.get().status == "in_progress"


def test_checklist_item_of_another_step_is_a_form_error(
    client: Any, plan: Plan, focal_point: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=2, order=2)
    client.force_login(focal_point)
    response = client.post(
        page("checklist-update", number=1, item=item.pk),
        {
            f"c{item.pk}-status": "done",
        },
    )
    assert response.status_code == 400
    assert "belongs to step 2" in response.content.decode()
    assert not ChecklistProgress.objects.exists()


def test_visitors_cannot_post_on_a_published_step(
    client: Any, published: Plan, civil_society: Any
) -> None:
    client.force_login(civil_society)
    response = client.post(page("step-status", number=1), {"st-status": "completed"})
    assert response.status_code == 403


def test_answer_a_guiding_question(client: Any, plan: Plan, focal_point: Any) -> None:
    q = GuidingQuestion.objects.get(step__number=1, order=1)
    client.force_login(focal_point)
    response = client.post(
        page("question-answer", number=1, question=q.pk),
        {f"q{q.pk}-answer": "Fourteen"},
    )
    assert response.status_code == 302
    assert plan.answers.get().answer == "Fourteen"


def _measure_post(mne: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "title": "A measure",
        "level": "policy",
        "objectives": ["2"],
        "primary_objective": "2",
        "responsible_entity": str(mne.pk),
        "deadline_kind": "continuous",
        "principle_f": "Rights-based",
    }
    data.update(extra)
    return data


def test_measure_create_form(client: Any, plan: Plan, focal_point: Any, mne: Any) -> None:
    client.force_login(focal_point)
    assert client.get(page("measure-create")).status_code == 200
    response = client.post(page("measure-create"), _measure_post(mne))
    assert response.status_code == 302
    m = Measure.objects.get()
    assert m.principle_links.get().how_applied == "Rights-based"


@pytest.mark.parametrize(
    "extra",
    [
        {"objectives": ["24"], "primary_objective": "24"},
        {"deadline_kind": "date", "start_date": "2022-01-01", "deadline": "2021-01-01"},
        {"primary_objective": "5"},
    ],
)
def test_measure_form_bad_input_changes_nothing(
    client: Any, plan: Plan, focal_point: Any, mne: Any, extra: dict[str, Any]
) -> None:
    client.force_login(focal_point)
    response = client.post(page("measure-create"), _measure_post(mne, **extra))
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Measure.objects.exists()


def test_stale_measure_form_is_refused_with_a_clear_message(
    client: Any, measure: Measure, focal_point: Any, other_focal_point: Any, mne: Any
) -> None:
    client.force_login(focal_point)
    form = client.get(page("measure-edit", number=1))
    assert 'name="version" value="1"' in form.content.decode()
    assert (
        client.post(
            page("measure-edit", number=1), _measure_post(mne, version="1", title="First")
        ).status_code
        == 302
    )
    client.force_login(other_focal_point)
    response = client.post(
        page("measure-edit", number=1), _measure_post(mne, version="1", title="Second")
    )
    assert response.status_code == 409  # what the API answers for the same stale save
    assert "changed by someone else" in response.content.decode()
    measure.refresh_from_db()
    assert measure.title == "First"


def test_budget_line_form_rejects_unknown_currency(
    client: Any, measure: Measure, focal_point: Any
) -> None:
    client.force_login(focal_point)
    response = client.post(
        page("budget-line-create", number=1),
        {
            "bl-fiscal_year": "2021",
            "bl-amount": "10",
            "bl-currency": "ZZZ",
            "bl-source_type": "national_budget",
            "bl-kind": "immediate",
            "bl-status": "requested",
        },
    )
    assert response.status_code == 400
    assert "not an ISO 4217 currency" in response.content.decode()
    assert not measure.budget_lines.exists()


def test_monitoring_flow_on_pages(
    client: Any, measure: Measure, focal_point: Any, coordinator: Any
) -> None:
    client.force_login(focal_point)
    response = client.post(
        page("progress-update-create", number=1),
        {"pu-reported_status": "completed", "pu-progress": "Done"},
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    response = client.post(page("progress-update-approve", pk=update.pk))
    assert response.status_code == 403
    client.force_login(coordinator)
    assert "Done" in client.get(page("monitoring")).content.decode()
    response = client.post(
        page("progress-update-return", pk=update.pk), {f"r{update.pk}-reason": ""}
    )
    assert response.status_code == 400
    response = client.post(page("progress-update-approve", pk=update.pk))
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.status == "completed"


def test_monitoring_page_is_for_officials(client: Any, published: Plan, civil_society: Any) -> None:
    client.force_login(civil_society)
    assert client.get(page("monitoring")).status_code == 403


def test_settings_page_is_for_the_coordinator(
    client: Any, plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    client.force_login(focal_point)
    assert client.get(page("plan-settings")).status_code == 403
    client.force_login(coordinator)
    assert client.get(page("plan-settings")).status_code == 200
    response = client.post(page("plan-publication"), {"p-publish_plan": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.publish_plan
    response = client.post(
        page("plan-revise"),
        {"r-title": "T", "r-form": "standalone", "r-reason": ""},
    )
    assert response.status_code == 400


def test_assessment_page(client: Any, plan: Plan, focal_point: Any) -> None:
    client.force_login(focal_point)
    assert client.get(page("assessment-edit", objective=24)).status_code == 404
    data = {
        "applicability": "4",
        "linkages": "3",
        "impact": "2",
        "future_relevance": "5",
        "constraints": "3",
        "selected": "on",
    }
    assert client.post(page("assessment-edit", objective=3), data).status_code == 302
    # There is no objective 24: no page, nothing saved.
    assert client.post(page("assessment-edit", objective=24), data).status_code == 404
    assert plan.assessments.count() == 1


def test_indicator_page_and_value_form(
    client: Any, plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    client.force_login(focal_point)
    response = client.post(
        page("indicator-create"),
        {
            "i-code": "I-1",
            "i-name": "Scholarships",
            "i-indicator_type": "outcome",
            "i-unit": "Number",
            "i-periodicity": "annual",
            "i-objective_numbers": ["5"],
        },
    )
    assert response.status_code == 302
    value_url = page("indicator-value-create", pk=plan.indicators.get(code="I-1").pk)
    response = client.post(
        value_url,
        {
            "v-period": "2021",
            "v-value": "12",
        },
    )
    assert response.status_code == 302
    response = client.post(
        value_url,
        {
            "v-period": "2021",
            "v-value": "12",
            "v-disaggregation": "sex",
        },
    )
    assert response.status_code == 400


def test_print_page_and_xlsx_export(client: Any, published: Plan) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    body = client.get(page("plan-print")).content.decode()
    assert "Participate in Euro-African dialogues" in body
    response = client.get(page("plan-export"))
    assert response.status_code == 200
    wb = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert "Measures" in wb.sheetnames
    assert "Budget lines" not in wb.sheetnames  # not published
    rows = list(wb["Measures"].iter_rows(values_only=True))
    assert rows[1][2].startswith("Participate")


def test_country_profile_shows_the_plan_state(client: Any, published: Plan) -> None:
    body = client.get(reverse("countries:country-detail", args=["PRT"])).content.decode()
    assert "National implementation plan" in body
    assert published.title in body


def test_country_profile_hides_an_unpublished_plan(client: Any, plan: Plan) -> None:
    body = client.get(reverse("countries:country-detail", args=["PRT"])).content.decode()
    assert plan.title not in body
    assert "No published implementation plan" in body


def test_start_page_for_the_coordinator_only(client: Any, make_user: Any, focal_point: Any) -> None:
    from accounts.models import Role

    client.force_login(focal_point)
    assert client.get(page("plan-start")).status_code == 403
    client.force_login(make_user(Role.NATIONAL_COORDINATOR, country="KEN"))
    response = client.post(
        page("plan-start", alpha3="KEN"), {"title": "Kenya", "form": "standalone", "axes": "A\nB"}
    )
    assert response.status_code == 302
    assert Plan.objects.get().axes.count() == 2
