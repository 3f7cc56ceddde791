"""Services of plans: every rule, with the database checked unchanged after bad input."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import DomainError
from countries.models import Country
from objectives.models import ChecklistItem, GuidingQuestion, Objective, ToolItem
from plans import services
from plans.models import (
    BudgetLine,
    ChecklistProgress,
    Consultation,
    Measure,
    ObjectiveAssessment,
    Plan,
    PlanRevision,
    ProgressUpdate,
    StepStatus,
)

pytestmark = pytest.mark.django_db

SCORES = {"applicability": 4, "linkages": 3, "impact": 5, "future_relevance": 4, "constraints": 2}


# --- plan ---------------------------------------------------------------------------------


def test_start_plan_creates_a_status_for_each_of_the_six_steps_and_the_axes(plan: Plan) -> None:
    assert StepStatus.objects.filter(plan=plan).count() == 6
    assert list(plan.axes.values_list("number", flat=True)) == [1, 2]
    assert plan.status == Plan.Status.DRAFTING
    assert not plan.publish_plan


def test_start_plan_refuses_a_second_plan_for_the_country(plan: Plan, coordinator: Any) -> None:
    with pytest.raises(DomainError, match="already has a plan"):
        services.start_plan(
            actor=coordinator, country=plan.country, title="Another", form="standalone"
        )
    assert Plan.objects.count() == 1


def test_start_plan_needs_the_country_coordinator(focal_point: Any, foreign_official: Any) -> None:
    portugal = Country.objects.get(alpha3="PRT")
    for actor in (focal_point, foreign_official):
        with pytest.raises(DomainError) as exc:
            services.start_plan(actor=actor, country=portugal, title="X", form="standalone")
        assert exc.value.code == "permission_denied"
    assert not Plan.objects.exists()


def test_integrated_plan_names_the_plan_it_is_part_of(coordinator: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.start_plan(
            actor=coordinator,
            country=Country.objects.get(alpha3="PRT"),
            title="X",
            form="integrated",
        )
    assert "integrated_into" in exc.value.errors
    assert not Plan.objects.exists()


def test_adopt_plan_records_body_instrument_and_date(plan: Plan, coordinator: Any) -> None:
    services.adopt_plan(
        actor=coordinator,
        plan=plan,
        approving_body="Council of Ministers",
        approval_instrument="Resolution 141/2019",
        approval_date=date(2019, 8, 20),
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED
    assert plan.approval_instrument == "Resolution 141/2019"


def test_adopt_plan_is_for_the_coordinator_only(plan: Plan, focal_point: Any) -> None:
    with pytest.raises(DomainError):
        services.adopt_plan(
            actor=focal_point,
            plan=plan,
            approving_body="Council",
            approval_instrument="R",
            approval_date=date(2019, 8, 20),
        )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFTING


def test_adopt_plan_refuses_a_future_date_or_missing_body(plan: Plan, coordinator: Any) -> None:
    with pytest.raises(DomainError):
        services.adopt_plan(
            actor=coordinator,
            plan=plan,
            approving_body="Council",
            approval_instrument="R",
            approval_date=date.today() + timedelta(days=3),
        )
    with pytest.raises(DomainError):
        services.adopt_plan(
            actor=coordinator,
            plan=plan,
            approving_body="",
            approval_instrument="R",
            approval_date=date(2020, 1, 1),
        )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFTING


def test_revise_plan_keeps_the_reason_and_the_previous_version(
    plan: Plan, coordinator: Any, measure: Measure
) -> None:
    services.revise_plan(
        actor=coordinator, plan=plan, reason="COVID-19 response", title="Revised plan"
    )
    plan.refresh_from_db()
    assert plan.revision == 2
    assert plan.title == "Revised plan"
    revision = PlanRevision.objects.get(plan=plan)
    assert revision.reason == "COVID-19 response"
    assert revision.previous["title"] == "National Implementation Plan of the GCM"
    assert revision.previous["measures"][0]["number"] == measure.number


def test_revise_plan_requires_a_reason(plan: Plan, coordinator: Any) -> None:
    with pytest.raises(DomainError, match="why"):
        services.revise_plan(actor=coordinator, plan=plan, reason="  ", title="New")
    plan.refresh_from_db()
    assert plan.revision == 1
    assert plan.title != "New"
    assert not PlanRevision.objects.exists()


def test_set_publication_is_for_the_coordinator(
    plan: Plan, coordinator: Any, focal_point: Any
) -> None:
    with pytest.raises(DomainError):
        services.set_publication(actor=focal_point, plan=plan, parts={"publish_plan": True})
    with pytest.raises(DomainError):
        services.set_publication(actor=coordinator, plan=plan, parts={"publish_secret": True})
    services.set_publication(
        actor=coordinator, plan=plan, parts={"publish_plan": True, "publish_budget": True}
    )
    plan.refresh_from_db()
    assert plan.publish_plan
    assert plan.publish_budget
    assert not plan.publish_measures


# --- steps, checklist, questions ------------------------------------------------------------


def test_steps_are_non_linear(plan: Plan, focal_point: Any) -> None:
    services.set_step_status(actor=focal_point, plan=plan, step_number=4, status="in_progress")
    services.set_step_status(actor=focal_point, plan=plan, step_number=1, status="completed")
    statuses = dict(plan.step_statuses.values_list("step__number", "status"))
    assert statuses[4] == "in_progress"
    assert statuses[1] == "completed"
    assert statuses[2] == "not_started"


def test_update_checklist_item_records_status_responsible_due_date(
    plan: Plan, focal_point: Any, mne: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=1)
    row = services.update_checklist_item(
        actor=focal_point,
        plan=plan,
        step_number=1,
        item_id=item.pk,
        status="done",
        responsible_entity=mne,
        due_date=date(2020, 1, 1),
        notes="Mapped 40 stakeholders",
    )
    assert row.status == "done"
    assert row.completed_on is not None


def test_checklist_item_of_another_step_is_refused(plan: Plan, focal_point: Any) -> None:
    item = ChecklistItem.objects.get(step__number=2, order=1)
    with pytest.raises(DomainError, match="belongs to step 2, not to step 1"):
        services.update_checklist_item(
            actor=focal_point, plan=plan, step_number=1, item_id=item.pk, status="done"
        )
    assert not ChecklistProgress.objects.exists()


def test_ongoing_status_only_for_ongoing_items(plan: Plan, focal_point: Any) -> None:
    one_off = ChecklistItem.objects.filter(is_ongoing=False).first()
    assert one_off is not None
    with pytest.raises(DomainError, match="ongoing"):
        services.update_checklist_item(
            actor=focal_point,
            plan=plan,
            step_number=one_off.step.number,
            item_id=one_off.pk,
            status="ongoing",
        )
    assert not ChecklistProgress.objects.exists()


def test_checklist_responsible_entity_must_be_of_the_country(
    plan: Plan, focal_point: Any, ministry: Any
) -> None:
    kenyan = ministry("Ministry of Interior", country="KEN")
    item = ChecklistItem.objects.get(step__number=1, order=1)
    with pytest.raises(DomainError):
        services.update_checklist_item(
            actor=focal_point,
            plan=plan,
            step_number=1,
            item_id=item.pk,
            status="done",
            responsible_entity=kenyan,
        )
    assert not ChecklistProgress.objects.exists()


def test_checklist_cannot_be_changed_by_others(
    plan: Plan, foreign_official: Any, civil_society: Any
) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=1)
    for actor in (foreign_official, civil_society):
        with pytest.raises(DomainError):
            services.update_checklist_item(
                actor=actor, plan=plan, step_number=1, item_id=item.pk, status="done"
            )
    assert not ChecklistProgress.objects.exists()


def test_evidence_accepts_links_and_checked_files(plan: Plan, focal_point: Any) -> None:
    item = ChecklistItem.objects.get(step__number=1, order=4)
    link = services.add_checklist_evidence(
        actor=focal_point,
        plan=plan,
        step_number=1,
        item_id=item.pk,
        title="Terms of reference",
        url="https://example.org/tor",
    )
    assert link.url
    pdf = SimpleUploadedFile("tor.pdf", b"%PDF-1.4 minimal", content_type="application/pdf")
    doc = services.add_checklist_evidence(
        actor=focal_point, plan=plan, step_number=1, item_id=item.pk, title="ToR", file=pdf
    )
    assert doc.file.name.endswith(".pdf")
    fake = SimpleUploadedFile("tor.pdf", b"not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError) as exc:
        services.add_checklist_evidence(
            actor=focal_point, plan=plan, step_number=1, item_id=item.pk, title="x", file=fake
        )
    assert "file" in exc.value.errors
    with pytest.raises(DomainError):
        services.add_checklist_evidence(
            actor=focal_point, plan=plan, step_number=1, item_id=item.pk, title="nothing"
        )


def test_answer_guiding_question_of_the_step_only(plan: Plan, focal_point: Any) -> None:
    question = GuidingQuestion.objects.get(step__number=1, order=1)
    services.answer_guiding_question(
        actor=focal_point, plan=plan, step_number=1, question_id=question.pk, answer="Many."
    )
    services.answer_guiding_question(
        actor=focal_point, plan=plan, step_number=1, question_id=question.pk, answer="Fourteen."
    )
    assert plan.answers.get().answer == "Fourteen."
    with pytest.raises(DomainError):
        services.answer_guiding_question(
            actor=focal_point, plan=plan, step_number=2, question_id=question.pk, answer="x"
        )


# --- needs assessment -----------------------------------------------------------------------


def _assess_all(plan: Plan, actor: Any, selected: tuple[int, ...] = (2, 5)) -> None:
    for number in range(1, 24):
        services.assess_objective(
            actor=actor,
            plan=plan,
            objective_number=number,
            scores=SCORES,
            selected=number in selected,
        )


def _workshop(plan: Plan, actor: Any) -> Consultation:
    return services.record_consultation(
        actor=actor,
        plan=plan,
        step_number=2,
        title="Validation workshop",
        purpose="validation_workshop",
        date=date(2019, 6, 1),
        criteria=list(ToolItem.objects.filter(tool__number=2)[:3]),
        participant_count=40,
        synthesis="Objectives validated",
        shared_back=True,
    )


def test_assess_objective_number_24_is_refused(plan: Plan, focal_point: Any) -> None:
    with pytest.raises(DomainError, match="no GCM objective 24"):
        services.assess_objective(actor=focal_point, plan=plan, objective_number=24, scores=SCORES)
    assert not ObjectiveAssessment.objects.exists()


def test_assess_objective_requires_every_rubric_score(plan: Plan, focal_point: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.assess_objective(
            actor=focal_point, plan=plan, objective_number=3, scores={"applicability": 3}
        )
    assert "linkages" in exc.value.errors
    with pytest.raises(DomainError):
        services.assess_objective(
            actor=focal_point, plan=plan, objective_number=3, scores={**SCORES, "impact": 9}
        )
    assert not ObjectiveAssessment.objects.exists()


def test_selection_cannot_be_validated_before_all_23_are_assessed(
    plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    for number in range(1, 23):
        services.assess_objective(
            actor=focal_point, plan=plan, objective_number=number, scores=SCORES, selected=True
        )
    workshop = _workshop(plan, focal_point)
    with pytest.raises(DomainError, match="22 are"):
        services.validate_objective_selection(actor=coordinator, plan=plan, consultation=workshop)
    plan.refresh_from_db()
    assert plan.selection_validated_at is None


def test_selection_is_validated_by_a_validation_workshop(
    plan: Plan, focal_point: Any, coordinator: Any
) -> None:
    _assess_all(plan, focal_point)
    other = services.record_consultation(
        actor=focal_point,
        plan=plan,
        step_number=2,
        title="Consultation",
        purpose="needs_assessment",
        date=date(2019, 5, 1),
    )
    with pytest.raises(DomainError, match="validation workshop"):
        services.validate_objective_selection(actor=coordinator, plan=plan, consultation=other)
    workshop = _workshop(plan, focal_point)
    with pytest.raises(DomainError):
        services.validate_objective_selection(actor=focal_point, plan=plan, consultation=workshop)
    services.validate_objective_selection(actor=coordinator, plan=plan, consultation=workshop)
    plan.refresh_from_db()
    assert plan.selection_validated_at is not None
    assert plan.validation_consultation == workshop
    # Changing the selection afterwards re-opens validation.
    services.assess_objective(
        actor=focal_point, plan=plan, objective_number=7, scores=SCORES, selected=True
    )
    plan.refresh_from_db()
    assert plan.selection_validated_at is None


def test_consultation_ticks_only_tool_2_criteria(plan: Plan, focal_point: Any) -> None:
    with pytest.raises(DomainError, match="Tool 2"):
        services.record_consultation(
            actor=focal_point,
            plan=plan,
            step_number=2,
            title="x",
            purpose="needs_assessment",
            date=date(2019, 5, 1),
            criteria=list(ToolItem.objects.filter(tool__number=7)[:1]),
        )
    assert not Consultation.objects.exists()


def test_stakeholder_and_institutional_set_up(plan: Plan, focal_point: Any, mne: Any) -> None:
    from objectives.models import Constituency, StakeholderCategory

    s = services.save_stakeholder(
        actor=focal_point,
        plan=plan,
        name="Migrant women's associations",
        category=StakeholderCategory.objects.get(code="migrants-families"),
        engagement="consultations",
        under_represented_groups=[Constituency.objects.get(code="women")],
    )
    assert s.under_represented_groups.count() == 1
    with pytest.raises(DomainError):
        services.save_stakeholder(
            actor=focal_point,
            plan=plan,
            category=StakeholderCategory.objects.get(code="media"),
        )
    body = services.save_coordination_body(
        actor=focal_point,
        plan=plan,
        name="Inter-ministerial committee",
        set_up="new",
        body_role="oversight",
        lead_entity=mne,
        meeting_frequency="quarterly",
        members=[mne],
    )
    meeting = services.record_meeting(
        actor=focal_point, body=body, date=date(2020, 1, 15), decisions="Adopted work plan"
    )
    assert meeting.body == body
    with pytest.raises(DomainError):
        services.record_meeting(actor=focal_point, body=body, date=date.today() + timedelta(3))


# --- measures -------------------------------------------------------------------------------


def test_create_measure_numbers_plan_wide_with_one_primary_objective(
    plan: Plan, make_measure: Any
) -> None:
    first = make_measure(plan)
    second = make_measure(plan, objectives=[2, 23], primary_objective=23)
    assert (first.number, second.number) == (1, 2)
    links = dict(second.objective_links.values_list("objective__number", "is_primary"))
    assert links == {2: False, 23: True}
    assert first.responsible_entity.acronym == "MNE"
    assert first.deadline_label == "Continuous"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"objectives": [24]}, "objectives"),
        ({"objectives": []}, "objectives"),
        ({"objectives": [2, 3]}, "primary_objective"),
        ({"objectives": [2, 3], "primary_objective": 5}, "primary_objective"),
        (
            {"deadline_kind": "date", "start_date": date(2020, 1, 1), "deadline": date(2019, 1, 1)},
            "deadline",
        ),
        ({"deadline_kind": "date", "deadline": None}, "deadline"),
        ({"responsible_entity": None}, "responsible_entity"),
        ({"level": "galactic"}, "level"),
    ],
)
def test_create_measure_bad_input_is_refused_and_nothing_saved(
    plan: Plan, make_measure: Any, extra: dict[str, Any], field: str
) -> None:
    with pytest.raises(DomainError) as exc:
        make_measure(plan, **extra)
    assert field in exc.value.errors
    assert not Measure.objects.exists()


def test_measure_entities_must_be_of_the_plan_country(
    plan: Plan, make_measure: Any, ministry: Any
) -> None:
    kenyan = ministry("Ministry of Labour", country="KEN")
    with pytest.raises(DomainError):
        make_measure(plan, responsible_entity=kenyan)
    with pytest.raises(DomainError):
        make_measure(plan, involved_entities=[kenyan])
    assert not Measure.objects.exists()


def test_measure_actions_must_belong_to_its_objectives(plan: Plan, make_measure: Any) -> None:
    action = Objective.objects.get(number=5).actions.first()
    with pytest.raises(DomainError, match="not an action"):
        make_measure(plan, actions=[action])
    ok = Objective.objects.get(number=2).actions.first()
    measure = make_measure(plan, actions=[ok], principles={"f": "Rights-based"})
    assert measure.actions.get() == ok
    assert measure.principle_links.get().how_applied == "Rights-based"


def test_update_measure_bumps_the_version(measure: Measure, focal_point: Any) -> None:
    updated = services.update_measure(
        actor=focal_point, measure=measure, expected_version=1, title="New title"
    )
    assert updated.version == 2
    assert updated.title == "New title"


def test_stale_measure_save_is_refused_with_a_clear_message(
    measure: Measure, focal_point: Any, other_focal_point: Any
) -> None:
    # Both open version 1; the first saves, the second is refused.
    services.update_measure(
        actor=focal_point, measure=measure, expected_version=1, title="First editor"
    )
    with pytest.raises(DomainError) as exc:
        services.update_measure(
            actor=other_focal_point, measure=measure, expected_version=1, title="Second editor"
        )
    assert exc.value.code == "conflict"
    assert "changed by someone else" in str(exc.value)
    measure.refresh_from_db()
    assert measure.title == "First editor"
    assert measure.version == 2


def test_measure_number_is_unique_in_the_plan(
    plan: Plan, make_measure: Any, focal_point: Any
) -> None:
    make_measure(plan)
    second = make_measure(plan)
    with pytest.raises(DomainError, match="already used"):
        services.update_measure(actor=focal_point, measure=second, expected_version=1, number=1)


# --- budget ---------------------------------------------------------------------------------


def test_budget_line_in_a_real_currency(measure: Measure, focal_point: Any) -> None:
    line = services.save_budget_line(
        actor=focal_point,
        measure=measure,
        fiscal_year=2020,
        amount="1500000.50",
        currency="eur",
        source_type="national_budget",
    )
    assert line.currency == "EUR"
    assert line.amount == Decimal("1500000.50")
    assert line.status == "requested"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "EURO"}, "currency"),
        ({"currency": "XXX"}, "currency"),
        ({"currency": "XAU"}, "currency"),
        ({"amount": "-5"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"amount": "lots"}, "amount"),
        ({"fiscal_year": 1800}, "fiscal_year"),
        ({"status": "spent"}, "status"),
    ],
)
def test_budget_line_bad_input_changes_nothing(
    measure: Measure, focal_point: Any, data: dict[str, Any], field: str
) -> None:
    base = {
        "fiscal_year": 2020,
        "amount": "100",
        "currency": "EUR",
        "source_type": "national_budget",
    }
    with pytest.raises(DomainError) as exc:
        services.save_budget_line(actor=focal_point, measure=measure, **{**base, **data})
    assert field in exc.value.errors
    assert not BudgetLine.objects.exists()


def test_budget_totals_and_gap_by_primary_objective(
    plan: Plan, make_measure: Any, focal_point: Any
) -> None:
    from plans.selectors import budget_by_objective

    m1 = make_measure(plan, objectives=[2])
    m2 = make_measure(plan, objectives=[2, 5], primary_objective=5)
    for measure, amount, status in [
        (m1, "100", "requested"),
        (m1, "50", "secured"),
        (m1, "25", "disbursed"),
        (m2, "70", "committed"),
    ]:
        services.save_budget_line(
            actor=focal_point,
            measure=measure,
            fiscal_year=2021,
            amount=amount,
            currency="EUR",
            source_type="national_budget",
            status=status,
        )
    rows = {r["objective"]: r for r in budget_by_objective(plan)}
    assert rows[2]["total"] == Decimal("175")
    assert rows[2]["funded"] == Decimal("75")
    assert rows[2]["gap"] == Decimal("100")
    assert rows[5]["total"] == Decimal("70")
    assert rows[5]["gap"] == Decimal("70")


# --- monitoring -----------------------------------------------------------------------------


def test_focal_point_of_responsible_entity_posts_an_update(
    measure: Measure, focal_point: Any
) -> None:
    update = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="in_progress", progress="Started"
    )
    assert update.entity.acronym == "MNE"
    measure.refresh_from_db()
    assert measure.status == "planned"  # unchanged until approved


def test_focal_point_of_involved_entity_posts_an_update(
    measure: Measure, other_focal_point: Any
) -> None:
    update = services.submit_progress_update(
        actor=other_focal_point, measure=measure, reported_status="delayed", progress="Late"
    )
    assert update.entity.acronym == "MAI"


def test_focal_point_of_an_unrelated_entity_cannot_post(
    measure: Measure, make_user: Any, ministry: Any, foreign_official: Any
) -> None:
    from accounts.models import Role

    health = ministry("Ministry of Health", acronym="MS")
    unrelated = make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT", organisation=health)
    without_entity = make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT")
    for actor in (unrelated, without_entity, foreign_official):
        with pytest.raises(DomainError):
            services.submit_progress_update(
                actor=actor, measure=measure, reported_status="completed", progress="Done"
            )
    assert not ProgressUpdate.objects.exists()


def test_only_approved_updates_change_the_measure_status(
    measure: Measure, focal_point: Any, coordinator: Any
) -> None:
    update = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="in_progress", progress="Started"
    )
    services.approve_progress_update(actor=coordinator, update=update)
    measure.refresh_from_db()
    assert measure.status == "in_progress"
    assert measure.status_changed_at is not None
    with pytest.raises(DomainError, match="already"):
        services.approve_progress_update(actor=coordinator, update=update)


def test_returned_update_needs_a_reason_and_leaves_the_status(
    measure: Measure, focal_point: Any, coordinator: Any
) -> None:
    update = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="completed", progress="Done"
    )
    with pytest.raises(DomainError, match="why"):
        services.return_progress_update(actor=coordinator, update=update, reason=" ")
    update.refresh_from_db()
    assert update.state == "submitted"
    services.return_progress_update(actor=coordinator, update=update, reason="Add evidence")
    update.refresh_from_db()
    measure.refresh_from_db()
    assert update.state == "returned"
    assert update.return_reason == "Add evidence"
    assert measure.status == "planned"


def test_focal_point_cannot_approve_an_update(
    measure: Measure, focal_point: Any, other_focal_point: Any
) -> None:
    update = services.submit_progress_update(
        actor=focal_point, measure=measure, reported_status="completed", progress="Done"
    )
    for actor in (focal_point, other_focal_point):
        with pytest.raises(DomainError):
            services.approve_progress_update(actor=actor, update=update)
    update.refresh_from_db()
    measure.refresh_from_db()
    assert update.state == "submitted"
    assert measure.status == "planned"


def test_nobody_approves_their_own_update(
    measure: Measure, coordinator: Any, make_user: Any, mne: Any
) -> None:
    from accounts.models import Role
    from accounts.services import grant_role

    # A coordinator who is also the ministry's focal point posts an update...
    grant_role(
        actor=None,
        user=coordinator,
        role=Role.GOVERNMENT_FOCAL_POINT,
        country_id=measure.plan.country_id,
        organisation_id=mne.pk,
    )
    update = services.submit_progress_update(
        actor=coordinator, measure=measure, reported_status="completed", progress="Done"
    )
    with pytest.raises(DomainError, match="own update"):
        services.approve_progress_update(actor=coordinator, update=update)
    measure.refresh_from_db()
    assert measure.status == "planned"
    # ...which another coordinator of the country may approve.
    second = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    services.approve_progress_update(actor=second, update=update)
    measure.refresh_from_db()
    assert measure.status == "completed"


# --- indicators -----------------------------------------------------------------------------


def _indicator(plan: Plan, actor: Any, measure: Measure) -> Any:
    from objectives.models import DisaggregationDimension, SDGTarget

    return services.save_indicator(
        actor=actor,
        plan=plan,
        code="I-1",
        name="Number of scholarships awarded to nationals for study abroad",
        indicator_type="outcome",
        unit="Scholarships",
        periodicity="annual",
        baseline_value=Decimal("0"),
        baseline_year=2019,
        objective_numbers=[5],
        measures=[measure],
        disaggregations=list(DisaggregationDimension.objects.filter(code__in=["sex", "age"])),
        quality_checks=list(ToolItem.objects.filter(tool__number=7)[:4]),
        sdg_target=SDGTarget.objects.first(),
    )


def test_indicator_with_tool_6_fields_and_tool_7_checks(
    plan: Plan, focal_point: Any, measure: Measure
) -> None:
    indicator = _indicator(plan, focal_point, measure)
    assert indicator.quality_checks.count() == 4
    with pytest.raises(DomainError, match="Tool 7"):
        services.save_indicator(
            actor=focal_point,
            plan=plan,
            indicator=indicator,
            code="I-1",
            name="x",
            indicator_type="outcome",
            unit="u",
            periodicity="annual",
            quality_checks=list(ToolItem.objects.filter(tool__number=2)[:1]),
        )
    with pytest.raises(DomainError, match="no GCM objective 24"):
        services.save_indicator(
            actor=focal_point,
            plan=plan,
            code="I-2",
            name="x",
            indicator_type="outcome",
            unit="u",
            periodicity="annual",
            objective_numbers=[24],
        )


def test_indicator_values_with_disaggregation_draft_then_validated(
    plan: Plan, focal_point: Any, coordinator: Any, measure: Measure
) -> None:
    indicator = _indicator(plan, focal_point, measure)
    total = services.record_indicator_value(
        actor=focal_point, indicator=indicator, period="2021", value="120"
    )
    women = services.record_indicator_value(
        actor=focal_point,
        indicator=indicator,
        period="2021",
        value="70",
        disaggregation={"sex": "female"},
    )
    assert total.status == women.status == "draft"
    assert women.disaggregation_key == "sex=female"
    with pytest.raises(DomainError):
        services.validate_indicator_value(actor=focal_point, value=total)
    services.validate_indicator_value(actor=coordinator, value=total)
    total.refresh_from_db()
    assert total.status == "validated"
    # A correction goes back to draft.
    again = services.record_indicator_value(
        actor=focal_point, indicator=indicator, period="2021", value="121"
    )
    assert again.pk == total.pk
    assert again.status == "draft"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"period": "last year", "value": "1"}, "period"),
        ({"period": "2021", "value": "many"}, "value"),
        ({"period": "2021", "value": "1", "disaggregation": {"income": "low"}}, "disaggregation"),
    ],
)
def test_indicator_value_bad_input_changes_nothing(
    plan: Plan, focal_point: Any, measure: Measure, kwargs: dict[str, Any], field: str
) -> None:
    from plans.models import IndicatorValue

    indicator = _indicator(plan, focal_point, measure)
    with pytest.raises(DomainError) as exc:
        services.record_indicator_value(actor=focal_point, indicator=indicator, **kwargs)
    assert field in exc.value.errors
    assert not IndicatorValue.objects.exists()
