"""Plan page commands: one URL and one view each; the service decides, the page re-renders."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from objectives.models import ChecklistItem, GuidingQuestion, StakeholderCategory
from plans import services
from plans.models import Consultation, CoordinationBody, Plan

pytestmark = pytest.mark.django_db

COMMANDS = [
    ("plan-update", {}),
    ("plan-adopt", {}),
    ("plan-revise", {}),
    ("plan-publication", {}),
    ("step-status", {"number": 1}),
    ("checklist-update", {"number": 1, "item": 1}),
    ("checklist-evidence-add", {"number": 1, "item": 1}),
    ("question-answer", {"number": 1, "question": 1}),
    ("consultation-create", {"number": 2}),
    ("stakeholder-create", {}),
    ("body-create", {}),
    ("meeting-create", {"body": 1}),
    ("selection-validate", {}),
    ("budget-line-create", {"number": 1}),
    ("progress-update-create", {"number": 1}),
    ("indicator-create", {}),
    ("indicator-value-create", {"pk": 1}),
    ("indicator-value-validate", {"pk": 1}),
    ("progress-update-approve", {"pk": 1}),
    ("progress-update-return", {"pk": 1}),
]


def page(name: str, alpha3: str = "PRT", **kw: Any) -> str:
    return reverse(f"plans:{name}", kwargs={"alpha3": alpha3, **kw})


@pytest.mark.parametrize(("name", "kwargs"), COMMANDS)
def test_a_command_url_accepts_only_post(
    client: Any, plan: Plan, focal_point: Any, name: str, kwargs: dict[str, Any]
) -> None:
    client.force_login(focal_point)
    assert client.get(page(name, **kwargs)).status_code == 405


@pytest.mark.parametrize(("name", "kwargs"), COMMANDS)
def test_a_command_on_a_plan_you_may_not_see_is_404(
    client: Any, plan: Plan, foreign_official: Any, name: str, kwargs: dict[str, Any]
) -> None:
    client.force_login(foreign_official)
    assert client.post(page(name, **kwargs), {}).status_code == 404


@pytest.mark.parametrize(("name", "kwargs"), COMMANDS[:4])
def test_anonymous_commands_go_to_the_login_page(
    client: Any, plan: Plan, name: str, kwargs: dict[str, Any]
) -> None:
    response = client.post(page(name, **kwargs), {})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_service_refusal_is_the_page_status(client: Any, plan: Plan, focal_point: Any) -> None:
    """A focal point may see the settings commands' plan but only the coordinator may act."""
    client.force_login(focal_point)
    response = client.post(page("plan-publication"), {"p-publish_plan": "on"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert not plan.publish_plan


def test_invalid_settings_form_rerenders_the_settings_page(
    client: Any, plan: Plan, coordinator: Any
) -> None:
    client.force_login(coordinator)
    response = client.post(page("plan-adopt"), {"a-approving_body": "Council of Ministers"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Settings and publication" in body
    assert 'value="Council of Ministers"' in body
    future = (date.today() + timedelta(days=3)).isoformat()
    response = client.post(
        page("plan-adopt"),
        {
            "a-approving_body": "Council",
            "a-approval_instrument": "Resolution 1",
            "a-approval_date": future,
        },
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_checklist_evidence_by_link(client: Any, plan: Plan, focal_point: Any) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=2)
    client.force_login(focal_point)
    response = client.post(
        page("checklist-evidence-add", number=1, item=item.pk),
        {f"e{item.pk}-title": "Minutes", f"e{item.pk}-url": "https://example.org/minutes"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/steps/1/#checklist")
    assert plan.checklist_progress.get().evidence.get().url == "https://example.org/minutes"


def test_evidence_without_link_or_file_is_a_form_error(
    client: Any, plan: Plan, focal_point: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=2)
    client.force_login(focal_point)
    response = client.post(
        page("checklist-evidence-add", number=1, item=item.pk), {f"e{item.pk}-title": "Minutes"}
    )
    assert response.status_code == 400
    assert "Give a link or a file." in response.content.decode()


def test_question_of_another_step_is_refused(client: Any, plan: Plan, focal_point: Any) -> None:
    q = GuidingQuestion.objects.filter(step__number=2).order_by("order")[0]
    client.force_login(focal_point)
    response = client.post(
        page("question-answer", number=1, question=q.pk), {f"q{q.pk}-answer": "Yes"}
    )
    assert response.status_code == 400
    assert "is not one of step 1" in response.content.decode()
    assert not plan.answers.exists()


def test_stakeholder_and_coordination_body_commands(
    client: Any, plan: Plan, focal_point: Any, mne: Any
) -> None:
    client.force_login(focal_point)
    category = StakeholderCategory.objects.order_by("pk")[0]
    data = {"sh-category": category.pk, "sh-engagement": "consultations"}
    response = client.post(page("stakeholder-create"), data)
    assert response.status_code == 400
    assert response.context["stakeholder_form"].errors
    assert not plan.stakeholders.exists()
    response = client.post(page("stakeholder-create"), {**data, "sh-organisation": mne.pk})
    assert response.status_code == 302
    assert plan.stakeholders.get().organisation == mne
    response = client.post(
        page("body-create"),
        {"b-name": "Inter-ministerial group", "b-set_up": "new", "b-body_role": "lead"},
    )
    assert response.status_code == 302
    body = CoordinationBody.objects.get(plan=plan)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.post(page("meeting-create", body=body.pk), {"m-date": tomorrow})
    assert response.status_code == 400
    assert "Log meetings once they have taken place." in response.content.decode()
    response = client.post(
        page("meeting-create", body=body.pk), {"m-date": "2024-01-10", "m-summary": "Kick-off"}
    )
    assert response.status_code == 302
    assert body.meetings.get().summary == "Kick-off"


def test_meeting_of_a_body_of_another_plan_is_404(
    client: Any, plan: Plan, focal_point: Any, make_user: Any
) -> None:
    from accounts.models import Role
    from countries.models import Country

    kenya = make_user(Role.NATIONAL_COORDINATOR, country="KEN")
    other = services.start_plan(
        actor=kenya, country=Country.objects.get(alpha3="KEN"), title="K", form="standalone"
    )
    body = services.save_coordination_body(
        actor=kenya, plan=other, name="Kenyan group", set_up="new", body_role="lead"
    )
    client.force_login(focal_point)
    response = client.post(page("meeting-create", body=body.pk), {"m-date": "2024-01-10"})
    assert response.status_code == 404
    assert not body.meetings.exists()


def test_consultation_then_selection_validation(
    client: Any, plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    client.force_login(focal_point)
    response = client.post(
        page("consultation-create", number=2),
        {
            "co-title": "Validation workshop",
            "co-purpose": "validation_workshop",
            "co-date": "2024-02-01",
            "co-mode": "in_person",
            "co-participant_count": "30",
        },
    )
    assert response.status_code == 302
    workshop = Consultation.objects.get(plan=plan)
    response = client.post(page("selection-validate"), {"v-consultation": workshop.pk})
    assert response.status_code == 403
    client.force_login(coordinator)
    response = client.post(page("selection-validate"), {"v-consultation": workshop.pk})
    assert response.status_code == 400
    assert "All 23 objectives must be assessed" in response.content.decode()
    plan.refresh_from_db()
    assert plan.selection_validated_at is None


def test_value_validation_is_the_coordinators(
    client: Any, plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    indicator = services.save_indicator(
        actor=focal_point,
        plan=plan,
        code="I-1",
        name="Scholarships",
        indicator_type="outcome",
        unit="Number",
        periodicity="annual",
        objective_numbers=[5],
    )
    value = services.record_indicator_value(
        actor=focal_point, indicator=indicator, period="2021", value="12"
    )
    client.force_login(focal_point)
    assert client.post(page("indicator-value-validate", pk=value.pk)).status_code == 403
    client.force_login(coordinator)
    assert client.post(page("indicator-value-validate", pk=value.pk)).status_code == 302
    value.refresh_from_db()
    assert value.status == "validated"


def test_step_page_query_count_does_not_grow_with_its_content(
    client: Any, plan: Plan, focal_point: Any, mne: Any, django_assert_num_queries: Any
) -> None:
    items = list(ChecklistItem.objects.filter(step__number=1).order_by("order")[:4])
    questions = list(GuidingQuestion.objects.filter(step__number=1).order_by("order"))

    def grow(n: int) -> None:
        """Evidence on item n, an answer to question n, a body with a meeting."""
        services.update_checklist_item(
            actor=focal_point, plan=plan, step_number=1, item_id=items[n].pk, status="in_progress"
        )
        services.add_checklist_evidence(
            actor=focal_point,
            plan=plan,
            step_number=1,
            item_id=items[n].pk,
            title=f"Minutes {n}",
            url=f"https://example.org/{n}",
        )
        services.answer_guiding_question(
            actor=focal_point, plan=plan, step_number=1, question_id=questions[n].pk, answer="Yes"
        )
        body = services.save_coordination_body(
            actor=focal_point,
            plan=plan,
            name=f"Group {n}",
            set_up="new",
            body_role="lead",
            members=[mne],
        )
        services.record_meeting(actor=focal_point, body=body, date=date(2024, 1, 10 + n))

    client.force_login(focal_point)
    url = reverse("plans:step-detail", args=["PRT", 1])
    grow(0)
    client.get(url)  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in (1, 2, 3):
        grow(n)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert "Minutes 3" in response.content.decode()
