"""Writes of steps 1 and 2: stakeholders, the institutional set-up, assessments, consultations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.errors import DomainError, NotFoundError, full_clean_or_raise
from objectives.models import OBJECTIVE_COUNT, Constituency, ProcessStep, ToolItem

from ..models import Consultation, CoordinationBody, Meeting, ObjectiveAssessment, Plan, Stakeholder
from ..models.assessment import RUBRIC_FIELDS
from .common import (
    apply_fields,
    country_entities,
    lock_plan,
    objectives_by_number,
    require_coordinator,
    require_editor,
    set_history_user,
)

STAKEHOLDER_FIELDS = (
    "organisation",
    "name",
    "category",
    "government_level",
    "is_government_entity",
    "role_and_interest",
    "conflicts_of_interest",
    "engagement",
    "engagement_notes",
)


@transaction.atomic
def save_stakeholder(
    *,
    actor: Any,
    plan: Plan,
    stakeholder: Stakeholder | None = None,
    under_represented_groups: list[Constituency] | None = None,
    **fields: Any,
) -> Stakeholder:
    """Add a stakeholder to the map, or change one."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    if stakeholder is not None and stakeholder.plan_id != plan.pk:
        raise NotFoundError(_("This stakeholder belongs to another plan."))
    row = stakeholder or Stakeholder(plan=plan)
    apply_fields(row, fields, allowed=STAKEHOLDER_FIELDS)
    if row.organisation_id is None and not (row.name or "").strip():
        raise DomainError(_("Choose an organisation or give the group's name."), field="name")
    full_clean_or_raise(row)
    set_history_user(row, actor)
    row.save()
    if under_represented_groups is not None:
        row.under_represented_groups.set(under_represented_groups)
    return row


@transaction.atomic
def save_coordination_body(
    *,
    actor: Any,
    plan: Plan,
    body: CoordinationBody | None = None,
    members: list[Organisation] | None = None,
    **fields: Any,
) -> CoordinationBody:
    """Record the institutional set-up: an existing or a new body, its lead, members and ToR."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    if body is not None and body.plan_id != plan.pk:
        raise NotFoundError(_("This body belongs to another plan."))
    row = body or CoordinationBody(plan=plan)
    apply_fields(
        row,
        fields,
        allowed=(
            "name",
            "set_up",
            "body_role",
            "lead_entity",
            "other_members",
            "terms_of_reference",
            "terms_of_reference_url",
            "meeting_frequency",
            "established_on",
        ),
    )
    if row.lead_entity_id:
        country_entities(plan, [row.lead_entity_id], field="lead_entity")
    if members:
        country_entities(plan, [m.pk for m in members], field="members")
    full_clean_or_raise(row)
    set_history_user(row, actor)
    row.save()
    if members is not None:
        row.members.set(members)
    return row


@transaction.atomic
def record_meeting(
    *, actor: Any, body: CoordinationBody, date: date, summary: str = "", decisions: str = ""
) -> Meeting:
    """Log a meeting of a coordination body and its decisions."""
    plan = lock_plan(body.plan)
    require_editor(actor, plan)
    if date > timezone.localdate():
        raise DomainError(_("Log meetings once they have taken place."), field="date")
    meeting = Meeting(body=body, date=date, summary=summary, decisions=decisions)
    full_clean_or_raise(meeting)
    set_history_user(meeting, actor)
    meeting.save()
    return meeting


@transaction.atomic
def assess_objective(
    *,
    actor: Any,
    plan: Plan,
    objective_number: int,
    scores: dict[str, int],
    notes: str = "",
    selected: bool = False,
) -> ObjectiveAssessment:
    """Assess one objective with the Tool 4 rubric; changing the selection re-opens validation."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    (objective,) = objectives_by_number([objective_number], field="objective")
    missing = [f for f in RUBRIC_FIELDS if scores.get(f) is None]
    if missing:
        raise DomainError(
            errors={f: [_("Score this principle from 1 to 5.")] for f in missing},
        )
    row = ObjectiveAssessment.objects.filter(plan=plan, objective=objective).first()
    row = row or ObjectiveAssessment(plan=plan, objective=objective)
    selection_changed = (row.pk is None and selected) or (row.pk and row.selected != selected)
    for name in RUBRIC_FIELDS:
        setattr(row, name, scores[name])
    row.notes = notes
    row.selected = selected
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    row.save()
    if selection_changed and plan.selection_validated_at is not None:
        plan.selection_validated_at = None
        plan.validation_consultation = None
        set_history_user(plan, actor)
        plan.save(update_fields=["selection_validated_at", "validation_consultation", "updated_at"])
    return row


@transaction.atomic
def record_consultation(
    *,
    actor: Any,
    plan: Plan,
    step_number: int,
    title: str,
    purpose: str,
    date: date,
    objective_numbers: list[int] | None = None,
    criteria: list[ToolItem] | None = None,
    participants: list[Organisation] | None = None,
    consultation: Consultation | None = None,
    **fields: Any,
) -> Consultation:
    """Record a consultation with its Tool 2 criteria, participants and synthesis."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    step = ProcessStep.objects.filter(number=step_number).first()
    if step is None:
        raise DomainError(_("There is no step %(n)s.") % {"n": step_number}, field="step")
    if consultation is not None and consultation.plan_id != plan.pk:
        raise NotFoundError(_("This consultation belongs to another plan."))
    objectives = objectives_by_number(objective_numbers or [])
    if criteria and any(c.tool.number != 2 for c in criteria):
        raise DomainError(_("Only the Tool 2 criteria can be ticked here."), field="criteria")
    row = consultation or Consultation(plan=plan)
    row.step = step
    row.title = title.strip()
    row.purpose = purpose
    row.date = date
    apply_fields(
        row,
        fields,
        allowed=(
            "mode",
            "focus",
            "participant_count",
            "participants_notes",
            "synthesis",
            "shared_back",
        ),
    )
    full_clean_or_raise(row)
    set_history_user(row, actor)
    row.save()
    row.objectives.set(objectives)
    if criteria is not None:
        row.criteria_met.set(criteria)
    if participants is not None:
        row.participants.set(participants)
    return row


@transaction.atomic
def validate_objective_selection(*, actor: Any, plan: Plan, consultation: Consultation) -> Plan:
    """The validation workshop validates the selection, once all 23 objectives are assessed."""
    plan = lock_plan(plan)
    require_coordinator(actor, plan)
    assessed = ObjectiveAssessment.objects.filter(plan=plan).count()
    if assessed < OBJECTIVE_COUNT:
        raise DomainError(
            _(
                "All %(total)d objectives must be assessed before the selection is validated; "
                "%(done)d are."
            )
            % {"total": OBJECTIVE_COUNT, "done": assessed},
            code="incomplete",
        )
    if not ObjectiveAssessment.objects.filter(plan=plan, selected=True).exists():
        raise DomainError(_("Select at least one objective for immediate action."))
    if (
        consultation.plan_id != plan.pk
        or consultation.purpose != Consultation.Purpose.VALIDATION_WORKSHOP
    ):
        raise DomainError(_("Choose a validation workshop of this plan."), field="consultation")
    plan.selection_validated_at = timezone.now()
    plan.validation_consultation = consultation
    set_history_user(plan, actor)
    plan.save(update_fields=["selection_validated_at", "validation_consultation", "updated_at"])
    return plan
