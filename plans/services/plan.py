"""Writes on the plan itself and its run through the six steps."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ConflictError, DomainError, ForbiddenError, full_clean_or_raise
from core.uploads import validate_upload
from countries.models import Country
from objectives.models import ChecklistItem, GuidingQuestion, ProcessStep

from ..models import (
    ChecklistEvidence,
    ChecklistProgress,
    ChecklistStatus,
    GuidingQuestionAnswer,
    Plan,
    PlanAxis,
    PlanRevision,
    StepStatus,
)
from ..models.plan import ACHIEVED_STATUSES, PUBLICATION_PARTS
from ..permissions import can_coordinate_country
from .common import (
    apply_fields,
    country_entities,
    lock_plan,
    require_coordinator,
    require_editor,
    set_history_user,
)

PLAN_FIELDS = (
    "title",
    "summary",
    "form",
    "integrated_into",
    "period_start",
    "period_end",
    "document_url",
)


@transaction.atomic
def start_plan(
    *,
    actor: Any,
    country: Country,
    title: str,
    form: str,
    axes: list[str] | None = None,
    **fields: Any,
) -> Plan:
    """The national coordinator starts the country's plan (one current plan per country)."""
    if not can_coordinate_country(actor, country.pk):
        raise ForbiddenError(
            _("Only the national coordinator of %(country)s may start its plan.")
            % {"country": country.name},
        )
    Country.objects.select_for_update().get(pk=country.pk)
    if Plan.objects.filter(country=country).exists():
        raise ConflictError(
            _("%(country)s already has a plan; revise it instead of starting another.")
            % {"country": country.name},
        )
    plan = Plan(country=country, title=title.strip(), form=form)
    apply_fields(plan, fields, allowed=(*PLAN_FIELDS[2:], "summary"))
    full_clean_or_raise(plan)
    set_history_user(plan, actor)
    plan.save()
    for step in ProcessStep.objects.order_by("number"):
        StepStatus.objects.create(plan=plan, step=step)
    for number, axis_title in enumerate(axes or [], start=1):
        if axis_title.strip():
            PlanAxis.objects.create(plan=plan, number=number, title=axis_title.strip())
    return plan


@transaction.atomic
def update_plan(*, actor: Any, plan: Plan, **fields: Any) -> Plan:
    """Change the plan's description (not its adoption, revision or publication)."""
    plan = lock_plan(plan)
    require_coordinator(actor, plan)
    changed = apply_fields(plan, fields, allowed=PLAN_FIELDS)
    full_clean_or_raise(plan)
    set_history_user(plan, actor)
    plan.save(update_fields=[*changed, "updated_at"])
    return plan


@transaction.atomic
def adopt_plan(
    *,
    actor: Any,
    plan: Plan,
    approving_body: str,
    approval_instrument: str,
    approval_date: date,
) -> Plan:
    """Record the plan's formal adoption (body, instrument, date)."""
    plan = lock_plan(plan)
    require_coordinator(actor, plan)
    if approval_date and approval_date > timezone.localdate():
        raise DomainError(_("The approval date cannot be in the future."), field="approval_date")
    plan.approving_body = approving_body.strip()
    plan.approval_instrument = approval_instrument.strip()
    plan.approval_date = approval_date
    plan.status = Plan.Status.ADOPTED
    full_clean_or_raise(plan)
    set_history_user(plan, actor)
    plan.save(
        update_fields=[
            "approving_body",
            "approval_instrument",
            "approval_date",
            "status",
            "updated_at",
        ]
    )
    return plan


def snapshot(plan: Plan) -> dict[str, Any]:
    """The plan as it stands: its fields, axes and measures (kept by a revision)."""
    data = model_to_dict(
        plan, fields=[*PLAN_FIELDS, "status", "approving_body", "approval_instrument", "revision"]
    )
    data["approval_date"] = plan.approval_date.isoformat() if plan.approval_date else None
    data["axes"] = list(plan.axes.order_by("number").values("number", "title"))
    data["measures"] = [
        {
            "number": m["number"],
            "title": m["title"],
            "status": m["status"],
            "responsible_entity": m["responsible_entity__name"],
            "deadline_kind": m["deadline_kind"],
            "deadline": m["deadline"].isoformat() if m["deadline"] else None,
        }
        for m in plan.measures.order_by("number").values(
            "number", "title", "status", "responsible_entity__name", "deadline_kind", "deadline"
        )
    ]
    return data


@transaction.atomic
def revise_plan(*, actor: Any, plan: Plan, reason: str, **fields: Any) -> Plan:
    """Open a new revision: keep the reason and the previous version, apply the changes."""
    plan = lock_plan(plan)
    require_coordinator(actor, plan)
    if not reason.strip():
        raise DomainError(_("Say why the plan is being revised."), field="reason")
    previous = snapshot(plan)
    changed = apply_fields(plan, fields, allowed=PLAN_FIELDS)
    plan.revision += 1
    full_clean_or_raise(plan)
    PlanRevision.objects.create(
        plan=plan,
        number=plan.revision - 1,
        reason=reason.strip(),
        previous=previous,
        created_by=actor,
    )
    set_history_user(plan, actor)
    plan.save(update_fields=[*changed, "revision", "updated_at"])
    return plan


@transaction.atomic
def set_publication(*, actor: Any, plan: Plan, parts: dict[str, bool]) -> Plan:
    """The coordinator chooses which parts of the plan are public."""
    plan = lock_plan(plan)
    require_coordinator(actor, plan)
    unknown = set(parts) - set(PUBLICATION_PARTS)
    if unknown:
        raise DomainError(
            _("Unknown parts: %(parts)s.") % {"parts": ", ".join(sorted(unknown))}, field="parts"
        )
    for part, value in parts.items():
        setattr(plan, part, bool(value))
    set_history_user(plan, actor)
    plan.save(update_fields=[*parts, "updated_at"])
    return plan


@transaction.atomic
def save_axis(*, actor: Any, plan: Plan, number: int, title: str) -> PlanAxis:
    """Add an axis, or rename the axis with that number."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    if not title.strip():
        raise DomainError(_("Give the axis a title."), field="title")
    axis = PlanAxis.objects.filter(plan=plan, number=number).first() or PlanAxis(
        plan=plan, number=number
    )
    axis.title = title.strip()
    full_clean_or_raise(axis, validate_unique=False)
    set_history_user(axis, actor)
    axis.save()
    return axis


def _step(number: int) -> ProcessStep:
    step = ProcessStep.objects.filter(number=number).first()
    if step is None:
        raise DomainError(
            _("There is no step %(n)s; steps are 1 to 6.") % {"n": number}, field="step"
        )
    return step


@transaction.atomic
def set_step_status(
    *, actor: Any, plan: Plan, step_number: int, status: str, notes: str | None = None
) -> StepStatus:
    """Set one step's own status; steps need not be done in order."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    step = _step(step_number)
    row, _created = StepStatus.objects.select_for_update().get_or_create(plan=plan, step=step)
    row.status = status
    if notes is not None:
        row.notes = notes
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    row.save()
    return row


def _checklist_item(step: ProcessStep, item_id: int) -> ChecklistItem:
    item = ChecklistItem.objects.select_related("step").filter(pk=item_id).first()
    if item is None:
        raise DomainError(_("No such checklist item."), field="item")
    if item.step_id != step.pk:
        raise DomainError(
            _("Checklist item %(item)s belongs to step %(other)s, not to step %(step)s.")
            % {
                "item": f"{item.step.number}.{item.order}",
                "other": item.step.number,
                "step": step.number,
            },
            field="item",
        )
    return item


@transaction.atomic
def update_checklist_item(
    *,
    actor: Any,
    plan: Plan,
    step_number: int,
    item_id: int,
    **fields: Any,
) -> ChecklistProgress:
    """Record the plan's progress on a checklist item of the given step."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    step = _step(step_number)
    item = _checklist_item(step, item_id)
    if fields.get("responsible_entity") is not None:
        country_entities(plan, [fields["responsible_entity"].pk], field="responsible_entity")
    if fields.get("status") == ChecklistStatus.ONGOING and not item.is_ongoing:
        raise DomainError(
            _("Only items the guide marks as ongoing can have the status “Ongoing”."),
            field="status",
        )
    row = ChecklistProgress.objects.select_for_update().filter(plan=plan, item=item).first()
    row = row or ChecklistProgress(plan=plan, item=item)
    apply_fields(
        row,
        fields,
        allowed=("status", "responsible_entity", "responsible_role", "due_date", "notes"),
    )
    if row.status in ACHIEVED_STATUSES:
        row.completed_on = row.completed_on or timezone.localdate()
    else:
        row.completed_on = None
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    row.save()
    return row


@transaction.atomic
def add_checklist_evidence(
    *,
    actor: Any,
    plan: Plan,
    step_number: int,
    item_id: int,
    title: str,
    url: str = "",
    file: UploadedFile | None = None,
) -> ChecklistEvidence:
    """Attach a link or a checked file to a checklist item."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    item = _checklist_item(_step(step_number), item_id)
    if not url and file is None:
        raise DomainError(_("Give a link or a file."), field="url")
    if file is not None:
        try:
            validate_upload(file)
        except ValidationError as exc:
            raise DomainError(errors={"file": exc.messages}) from exc
    row, _created = ChecklistProgress.objects.get_or_create(plan=plan, item=item)
    evidence = ChecklistEvidence(progress=row, title=title.strip(), url=url, added_by=actor)
    if file is not None:
        evidence.file = file
    full_clean_or_raise(evidence)
    set_history_user(evidence, actor)
    evidence.save()
    return evidence


@transaction.atomic
def answer_guiding_question(
    *, actor: Any, plan: Plan, step_number: int, question_id: int, answer: str
) -> GuidingQuestionAnswer:
    """Write (or rewrite) the country's answer to a guiding question of the step."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    step = _step(step_number)
    question = GuidingQuestion.objects.filter(pk=question_id, step=step).first()
    if question is None:
        raise DomainError(
            _("This guiding question is not one of step %(n)s.") % {"n": step.number},
            field="question",
        )
    if not answer.strip():
        raise DomainError(_("Write an answer."), field="answer")
    row = GuidingQuestionAnswer.objects.filter(plan=plan, question=question).first()
    row = row or GuidingQuestionAnswer(plan=plan, question=question)
    row.answer = answer.strip()
    row.answered_by = actor
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    try:
        row.save()
    except IntegrityError as exc:  # pragma: no cover - a concurrent first answer
        raise ConflictError(_("Someone answered at the same time; reload the page.")) from exc
    return row
